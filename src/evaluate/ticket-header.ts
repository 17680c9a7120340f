// Header binding: which column holds each ticket field the KPIs need (by the policy's
// column map, else by known headers in Chinese or English), which KPIs are left out because
// no one on the roster is assessed by them and the file lacks their columns, and the error
// naming every missing field at once. It reads the header only, never a row.
import { AspmError } from '../errors.js';
import type { Policy } from '../policy/policy.generated.js';
import { ON_HOLD } from '../policy/ticket-field-kinds.js';
import { FIELD_SYNONYMS, knownHeaders, matchColumns, missingFieldCause, type ColumnBinding, type ColumnMap } from './columns.js';
import type { EvaluationPlan, TicketMeasure } from './kpi-plan.js';
import type { StaffDirectory } from './staff.js';
import type { WarningSink } from './warnings.js';
import { PERSON_FIELDS, type Credit } from '../policy/ticket-people.js';

const ATTRIBUTION_FIELDS = ['ticket_id', 'staff_id', 'staff_name', 'team'];

export interface HeaderOptions {
  readonly policy: Policy;
  readonly plan: EvaluationPlan;
  readonly staff: StaffDirectory;
  readonly discoverStaff: boolean;
  readonly file: string;
  readonly warnings: WarningSink;
  readonly map?: ColumnMap;
  readonly kpisInUse?: ReadonlySet<string>;
}

export interface TicketHeader {
  readonly bindings: ReadonlyMap<string, ColumnBinding>;
  /** Columns of the ticket id, staff id, staff name and team (-1: none). */
  readonly idColumn: number;
  readonly staffIdColumn: number;
  readonly staffNameColumn: number;
  readonly teamColumn: number;
  /** Columns of the other people a ticket names (-1: none). */
  readonly resolverIdColumn: number;
  readonly resolverNameColumn: number;
  readonly responderIdColumn: number;
  readonly responderNameColumn: number;
  readonly crewColumn: number;
  /** Who the computed measures credit. */
  readonly credits: ReadonlySet<Credit>;
  /** Measures not computed: of roles no one on the roster holds, and lacking columns. */
  readonly skipped: ReadonlySet<TicketMeasure>;
  readonly kpiName: (id: string) => string;
}

/** Every field any measure may read, for header matching; on-hold time only when mapped (it has no known headers). */
export function wantedFields(plan: EvaluationPlan, map: ColumnMap | undefined): string[] {
  const fields = new Set(ATTRIBUTION_FIELDS);
  for (const m of plan.ticketMeasures) for (const f of [...m.required, ...m.optional, ...(m.credit === 'assignee' ? [] : PERSON_FIELDS[m.credit])]) fields.add(f);
  if (map?.[ON_HOLD] !== undefined && plan.ticketMeasures.some((m) => m.source === 'builtin' && (m.builtin.contribution === 'resolution_time' || m.builtin.contribution === 'resolved_within_sla'))) fields.add(ON_HOLD);
  return [...fields];
}

/** How many ticket fields a header row names: the likeliest header row scores highest. */
export function headerScore(headers: readonly string[], plan: EvaluationPlan, map: ColumnMap | undefined): number {
  const fields = new Set([...Object.keys(FIELD_SYNONYMS.tickets), ...wantedFields(plan, map)]);
  return matchColumns(headers, 'tickets', fields, map).bindings.size;
}

/** The column the ticket id is read from, as `bindTicketHeader` will find it (-1: none). */
export function ticketIdColumn(headers: readonly string[], plan: EvaluationPlan, map: ColumnMap | undefined): number {
  return matchColumns(headers, 'tickets', wantedFields(plan, map), map).bindings.get('ticket_id')?.columns[0] ?? -1;
}

function causesParam(fields: readonly string[], headers: readonly string[], bindings: ReadonlyMap<string, ColumnBinding>): { causes?: NonNullable<ReturnType<typeof missingFieldCause>>[] } {
  const causes = fields.flatMap((f) => missingFieldCause(headers, 'tickets', f, bindings) ?? []);
  return causes.length > 0 ? { causes } : {};
}

export function bindTicketHeader(options: HeaderOptions, headers: readonly string[]): TicketHeader {
  const { plan, file, policy } = options;
  const match = matchColumns(headers, 'tickets', wantedFields(plan, options.map), options.map);
  const has = (f: string) => match.bindings.has(f);
  // Which KPIs cannot be computed for want of which fields.
  const missing = new Map<string, Set<string>>();
  const need = (field: string, kpi: string) => {
    if (has(field)) return;
    const set = missing.get(field) ?? new Set<string>();
    set.add(kpi);
    missing.set(field, set);
  };
  const kpiName = (id: string) => policy.kpis.find((k) => k.id === id)?.name ?? id;
  const inUse = options.kpisInUse;
  const skipped = new Set(plan.ticketMeasures.filter((m) => inUse !== undefined && !m.id.includes(':') && !inUse.has(m.id) && m.required.some((f) => !has(f))));
  const measures = plan.ticketMeasures.filter((m) => !skipped.has(m));
  for (const m of measures) for (const f of m.required) need(f, kpiName(m.id));
  // Each person a computed KPI credits must have a column (the policy maps all but the assignee's).
  const credits = new Set(measures.map((m) => m.credit));
  if (measures.length === 0) credits.add('assignee');
  for (const credit of credits) {
    const fields = PERSON_FIELDS[credit];
    if (!fields.some(has)) missing.set(fields.join(' / '), new Set(measures.filter((m) => m.credit === credit).map((m) => kpiName(m.id))));
  }
  const mappedMissing = match.missingMapped.filter((m) => !has(m.field));
  if (missing.size > 0 || mappedMissing.length > 0) {
    // A field the policy maps is named once, with the header it was mapped to.
    const fields = [...missing.keys()].filter((f) => !mappedMissing.some((m) => f.split(' / ').includes(m.field)));
    const kpis = [...new Set([...missing.values()].flatMap((s) => [...s]))];
    throw new AspmError(
      'columns-missing',
      {
        file,
        fields: fields.concat(mappedMissing.map((m) => `${m.field} (${m.headers.join(' / ')})`)),
        headers: fields.map((f) => knownHeaders('tickets', f)),
        // A field whose column the policy gave another field, or whose time another is derived from: said as such.
        ...causesParam(fields, headers, match.bindings),
        kpis,
        found: headers.filter((h) => h !== ''),
      },
      { location: { file } },
    );
  }
  const column = (f: string) => match.bindings.get(f)?.columns[0] ?? -1;
  const header: TicketHeader = {
    bindings: match.bindings,
    idColumn: column('ticket_id'),
    staffIdColumn: column('staff_id'),
    staffNameColumn: column('staff_name'),
    teamColumn: column('team'),
    resolverIdColumn: column('resolver_id'),
    resolverNameColumn: column('resolver_name'),
    responderIdColumn: column('responder_id'),
    responderNameColumn: column('responder_name'),
    crewColumn: column('crew'),
    credits,
    skipped,
    kpiName,
  };
  if (header.idColumn === -1) options.warnings.add('no-ticket-id-column', { file }, { file });
  const discover = options.discoverStaff;
  // Ids that the roster cannot match, and no name beside them.
  const idsOnly = (id: number, name: number) => id !== -1 && name === -1;
  const unmatchable =
    (credits.has('assignee') && idsOnly(header.staffIdColumn, header.staffNameColumn)) ||
    (credits.has('resolver') && idsOnly(header.resolverIdColumn, header.resolverNameColumn)) ||
    (credits.has('responder') && idsOnly(header.responderIdColumn, header.responderNameColumn));
  if (!discover && !options.staff.hasIds && unmatchable) {
    throw new AspmError('roster-cannot-attribute', { file }, { location: { file } });
  }
  for (const m of measures) {
    if (inUse && !inUse.has(m.id)) continue;
    // The fix flags are optional: without both, every resolved ticket counts as fixed the first time.
    if (m.source === 'builtin' && m.builtin.contribution === 'fixed_first_time' && !m.builtin.optional.some(has)) {
      options.warnings.add('no-fix-flags', { kpi: kpiName(m.id) }, { file });
    }
  }
  if (plan.ticketMeasures.some((m) => m.team) && header.teamColumn === -1 && options.staff.members.every((s) => s.team === '') && !discover) {
    options.warnings.add('no-team-data', { file }, { file });
  }
  return header;
}
