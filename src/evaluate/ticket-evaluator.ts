// The pass over the tickets: each row is attributed to a person, placed in the period by
// the timestamp each KPI names, read only as far as the KPIs need, and added to running
// totals per person and per team. Memory grows with staff × KPIs (plus the ids seen, to
// drop repeated tickets, and the values of median/p90 KPIs, which an exact quantile needs),
// never with the text of the file. Every value that cannot be used is a warning naming
// file, row, column and value. Pure: rows come in as cells from any reader, or as views
// (row-view.ts) that read a cell without making a string when they can: ids, people and
// teams are then looked up by the bytes of their field.
import { AspmError } from '../errors.js';
import type { MessageCode } from '../i18n/catalogue.js';
import type { Filter, Policy } from '../policy/policy.generated.js';
import { columnsRead, FIELD_SYNONYMS, knownHeaders, matchColumns, TIME_FIELDS, type ColumnBinding, type ColumnMap } from './columns.js';
import { ByteKeyTable } from '../tables/byte-key-table.js';
import { detach, IdSet } from '../tables/id-set.js';
import type { EvaluationPlan, TicketMeasure } from './kpi-plan.js';
import { cellText, explainTimestamp, isBlank, readBoolean, readDatePart, readTimeOfDay, type Cell } from '../tables/parse-value.js';
import type { Period } from './period.js';
import type { AheadKind, ReadAheadPlan } from '../tables/read-ahead.js';
import { CellsRow, type RowView } from '../tables/row-view.js';
import { AMBIGUOUS, NOT_FOUND, staffKey, type StaffDirectory } from './staff.js';
import type { TableHandler } from '../tables/table.js';
import type { ZoneClock } from '../tables/time-zone.js';
import type { WarningSink } from './warnings.js';
import type { WorkingCalendar } from './working-calendar.js';
import { TicketDetails } from './ticket-details.js';

type FieldKind = 'time' | 'boolean' | 'number' | 'satisfaction' | 'text';

const KIND_OF: Readonly<Record<string, FieldKind>> = {
  created_at: 'time',
  first_response_at: 'time',
  resolved_at: 'time',
  promised_at: 'time',
  arrived_at: 'time',
  reopened: 'boolean',
  revisit: 'boolean',
  complaint: 'boolean',
  satisfaction: 'satisfaction',
  cost: 'number',
};

/** A value not given (a blank cell): distinct from NaN, a value that could not be read. */
const BLANK = -Infinity;
const SUPERSEDED = -2;

interface FieldSlot {
  readonly name: string;
  readonly kind: FieldKind;
  readonly columns: readonly number[];
  readonly header: string;
  /** Names of the KPIs that need this field, for warnings. */
  kpis: string[];
  /** Whether the policy's column map chose the column. */
  readonly mapped: boolean;
  /** Values read that fit the field, and values that did not (each warned about, by code). */
  fit: number;
  unfit: number;
  readonly unfitCodes: Map<MessageCode, number>;
  /** The first few values that did not fit, for the message about the whole column. */
  readonly examples: { row: number; value: string }[];
}

/** A column with at least this many values that do not fit, and more than fit, is one message, not one per row. */
const COLUMN_MESSAGE_AT = 3;
const COLUMN_EXAMPLES = 3;

type FilterTest = (ev: TicketEvaluator, view: RowView, row: number) => number;

/** Built-in KPIs as small integers: a string switch per KPI per row is measurable. */
const KIND_CODES = {
  first_response_minutes: 1,
  response_sla_rate: 2,
  resolution_hours: 3,
  resolution_sla_rate: 4,
  tickets_resolved: 5,
  csat: 6,
  first_time_fix_rate: 7,
  reopen_rate: 8,
  complaint_rate: 9,
  cost_per_ticket: 10,
  onsite_punctuality_rate: 11,
} as const;

interface CompiledMeasure {
  readonly measure: TicketMeasure;
  /** KIND_CODES of a built-in, 0 for a custom KPI. */
  readonly code: number;
  readonly byCreation: boolean;
  readonly team: boolean;
  readonly placeSlot: number;
  readonly slots: Readonly<Record<string, number>>;
  readonly where: readonly FilterTest[];
  readonly condition: readonly FilterTest[];
  readonly valueSlot: number;
  readonly keepValues: boolean;
  /** A KPI of roles no one on the roster holds, whose columns the file lacks: not computed. */
  readonly skip: boolean;
  /** Whether it needs resolved_at (to place, time or judge a ticket): the fields the warnings of resolved_at name it for. */
  readonly needsResolved: boolean;
}

export interface TicketEvaluatorOptions {
  readonly policy: Policy;
  readonly plan: EvaluationPlan;
  readonly period: Period;
  readonly clock: ZoneClock;
  /** Set when durations count business hours. */
  readonly calendar: WorkingCalendar | undefined;
  readonly staff: StaffDirectory;
  /** No roster: people are taken from the tickets. */
  readonly discoverStaff: boolean;
  readonly file: string;
  readonly warnings: WarningSink;
  readonly map?: ColumnMap;
  /**
   * Parts of the period (the months of a quarter that averages its months), each totalled
   * separately as well as in the whole period.
   */
  readonly slices?: readonly { readonly start: number; readonly end: number }[];
  /** Ticket ids left out by approved appeals (id → appeal id): counted in no KPI. */
  readonly exclude?: ReadonlyMap<string, string>;
  /**
   * The KPIs of the roles someone on the roster holds (unset: all). A KPI outside it is
   * computed when the file has its columns, and needs none of them.
   */
  readonly kpisInUse?: ReadonlySet<string>;
  /** Keep, per ticket, what it counted for (memory then grows with rows): the ticket lists. */
  readonly details?: boolean;
}

/**
 * One ticket as it counted for one person: its contribution to each ticket measure
 * (index as plan.ticketMeasures; NaN where it did not count), or the appeal that left it out.
 */
export interface TicketDetail {
  readonly person: number;
  readonly row: number;
  readonly ticket: string;
  /** Created and resolved instants (UTC ms; NaN when blank or unreadable). */
  readonly created: number;
  readonly resolved: number;
  readonly values: Float64Array;
  readonly appeal?: string;
}

/** Where a ticket left out by an appeal would have counted. */
export interface ExcludedTicket {
  readonly ticket: string;
  readonly appeal: string;
  readonly row: number;
  /** The person it is attributed to (-1 when none). */
  readonly person: number;
  /** Its team, as written (for team-scope KPIs). */
  readonly team: string;
  /** Ticket measures (index) it would have counted in, and the slice (-1: none) that placed it. */
  readonly hits: readonly { readonly measure: number; readonly slice: number }[];
  /** Created and resolved instants (UTC ms; null when blank, unreadable, or the ticket is attributed to no one). */
  readonly created: number | null;
  readonly resolved: number | null;
  /** Whether a timestamp that some KPI places tickets by falls in the period (false when attributed to no one). */
  readonly inPeriod: boolean;
}

/** Totals of one KPI for one person or team. */
export interface KpiTotals {
  readonly samples: number;
  readonly sum: number;
  readonly values: readonly number[] | undefined;
  /**
   * The person's (team's) tickets placed in the period, whatever they counted for: a count
   * or sum over none of them is 0, not a lack of data (unset: not known).
   */
  readonly tickets?: number;
}

export interface TicketCounts {
  readonly rows: number;
  readonly used: number;
  /** Rows left out, each with a warning (duplicate, no id, no one to attribute it to). */
  readonly skipped: number;
  readonly outsidePeriod: number;
  /** Rows in the period that no KPI counts (e.g. a ticket still open): not a fault in the data. */
  readonly notCounted: number;
  /** Earlier rows of a ticket whose last row counts (repeated_ids: last). */
  readonly superseded: number;
  /** Rows left out by approved appeals. */
  readonly excluded: number;
  /** Earliest and latest placing timestamp of the rows outside the period (UTC ms), if any. */
  readonly outsideRange: { readonly first: number; readonly last: number } | undefined;
}

const ATTRIBUTION_FIELDS = ['ticket_id', 'staff_id', 'staff_name', 'team'];

function filterKind(filter: Filter): FieldKind {
  const known = KIND_OF[filter.field];
  if (known === 'boolean' || typeof filter.equals === 'boolean') return 'boolean';
  if (filter.min !== undefined || filter.max !== undefined || typeof filter.equals === 'number') return known === 'satisfaction' ? 'satisfaction' : 'number';
  return 'text';
}

function textKey(value: string | number | boolean): string {
  return String(value).normalize('NFKC').trim().toLowerCase();
}

export class TicketEvaluator implements TableHandler {
  private readonly M: number;
  /** Totals per person (and team): M measures × [samples, sum] × (whole period + slices). */
  private readonly stride: number;
  private readonly S: number;
  private readonly sliceStarts: Float64Array;
  private readonly sliceEnds: Float64Array;
  readonly excluded: ExcludedTicket[] = [];
  /** With `details`: every ticket that counted for someone, in file order. */
  readonly details: TicketDetails;
  private slots: FieldSlot[] = [];
  private compiled: CompiledMeasure[] = [];
  private headers: readonly string[] = [];
  private bindings: ReadonlyMap<string, ColumnBinding> = new Map();
  private date1904 = false;
  private readonly ids = new IdSet();
  private idColumn = -1;
  private staffIdColumn = -1;
  private staffNameColumn = -1;
  private teamColumn = -1;
  private createdSlot = -1;
  private resolvedSlot = -1;
  private anyByCreation = false;
  private anyByResolution = false;
  // Per-row cache of parsed fields.
  private cache = new Float64Array(0);
  private stamp = new Int32Array(0);
  private generation = 0;
  private warnedStamp = new Int32Array(0);
  // Totals: [samples, sum] per (person, measure) and per (team, measure).
  private staffTotals = new Float64Array(0);
  private teamTotals = new Float64Array(0);
  // Tickets placed in the period (and in each slice) per person and per team: (S + 1) each.
  private staffTickets = new Float64Array(0);
  private teamTickets = new Float64Array(0);
  private readonly staffValues = new Map<number, number[]>();
  private readonly teamValues = new Map<number, number[]>();
  readonly teams = new Map<string, number>();
  /** Teams as first written in the tickets (or on the roster), in order of appearance. */
  readonly teamLabels: string[] = [];
  // Exact cell text → index, in front of the normalising lookups (which cost more than
  // everything else a row needs).
  private readonly teamByText = new Map<string, number>();
  // Ids and names apart: a name may be written like an id (or like anything a shared key would add).
  private readonly staffByIdText = new Map<string, number>();
  private readonly staffByNameText = new Map<string, number>();
  // The same caches keyed by a field's bytes as written, for views over a file's bytes.
  private readonly teamByBytes = new ByteKeyTable();
  private readonly staffByIdBytes = new ByteKeyTable();
  private readonly staffByNameBytes = new ByteKeyTable();
  // And keyed by the cell as delivered (an XLSX shared string is one string for every row).
  private readonly staffByIdCell = new Map<string, number>();
  private readonly staffByNameCell = new Map<string, number>();
  private readonly teamByCell = new Map<string, number>();
  /** Whether a row with a staff id is attributed by it (else by name). */
  private byIdPossible = false;
  /** Whether the last row attributed by text was attributed by its staff id. */
  private byIdDecided = false;
  /** Ids left out by appeals, by their bytes → index in excludedAppeals. */
  private readonly excludedIds: ByteKeyTable | undefined;
  private readonly excludedAppeals: string[] = [];
  private readonly cellsRow = new CellsRow();
  private readonly unknownStaff = new Map<string, { label: string; byId: boolean; tickets: number; row: number; column: string }>();
  private rows = 0;
  private used = 0;
  private skipped = 0;
  private notCounted = 0;
  private superseded = 0;
  private outside = 0;
  private excludedRows = 0;
  private satisfactionMin: number;
  private satisfactionMax: number;
  private readonly satisfactionMean: boolean;
  private readonly goodAtLeast: number;

  constructor(private readonly options: TicketEvaluatorOptions) {
    this.M = options.plan.ticketMeasures.length;
    this.details = new TicketDetails(options.details ? this.M : 0);
    const slices = options.slices ?? [];
    this.S = slices.length;
    this.stride = this.M * 2 * (this.S + 1);
    this.sliceStarts = Float64Array.from(slices.map((s) => s.start));
    this.sliceEnds = Float64Array.from(slices.map((s) => s.end));
    this.satisfactionMin = options.policy.evaluation.satisfaction.scale_min;
    this.satisfactionMax = options.policy.evaluation.satisfaction.scale_max;
    this.satisfactionMean = options.policy.evaluation.satisfaction.method === 'mean';
    this.goodAtLeast = options.policy.evaluation.satisfaction.good_at_least;
    this.ensureStaff(options.staff.members.length);
    if (options.exclude !== undefined && options.exclude.size > 0) {
      this.excludedIds = new ByteKeyTable();
      for (const [id, appeal] of options.exclude) {
        this.excludedIds.insertText(id, this.excludedAppeals.length);
        this.excludedAppeals.push(appeal);
      }
    }
  }

  /** Every field any measure may read, for header matching. */
  private wantedFields(): string[] {
    const fields = new Set(ATTRIBUTION_FIELDS);
    for (const m of this.options.plan.ticketMeasures) for (const f of [...m.required, ...m.optional]) fields.add(f);
    return [...fields];
  }

  score(headers: readonly string[]): number {
    const fields = new Set([...Object.keys(FIELD_SYNONYMS.tickets), ...this.wantedFields()]);
    return matchColumns(headers, 'tickets', fields, this.options.map).bindings.size;
  }

  /** The column the ticket id is read from, as `header` will find it (-1: none). */
  idColumnOf(headers: readonly string[]): number {
    return matchColumns(headers, 'tickets', this.wantedFields(), this.options.map).bindings.get('ticket_id')?.columns[0] ?? -1;
  }

  /**
   * Event logs: only the last row of each ticket id counts (last-rows.ts found them); the
   * earlier rows are superseded updates, counted apart and not warned about.
   */
  useLastRows(lastRows: ReadonlyMap<string, number>): void {
    this.lastRows = lastRows;
  }

  private lastRows: ReadonlyMap<string, number> | undefined;

  /** Field → the header(s) it was read from (known after the header). */
  get columnsRead(): Record<string, string[]> {
    return columnsRead(this.bindings);
  }

  /** Whether the file has a ticket id column (known after the header). */
  get hasTicketIds(): boolean {
    return this.idColumn !== -1;
  }

  dateSystem(date1904: boolean): void {
    this.date1904 = date1904;
  }

  /**
   * The fields a reader may read ahead in another thread (known after the header), read
   * as this evaluator reads them (read-ahead.ts): the one-column times, which cost the most
   * to read. Yes/no and numbers are cheap here, and left here: the other thread also finds
   * the records, and with them too it became the slower of the two (measured on the 1M-row
   * benchmark: 1.8 s against 1.7 s).
   */
  readAhead(): ReadAheadPlan | undefined {
    if (this.slots.length === 0) return undefined;
    const columns: number[] = [];
    const kinds: AheadKind[] = [];
    for (const slot of this.slots) {
      if (slot.columns.length !== 1 || slot.kind !== 'time' || columns.includes(slot.columns[0]!)) continue;
      columns.push(slot.columns[0]!);
      kinds.push('time');
    }
    return { zone: this.options.clock.zone, columns, kinds };
  }

  header(headers: readonly string[]): void {
    const { plan, file, policy } = this.options;
    this.headers = headers;
    const match = matchColumns(headers, 'tickets', this.wantedFields(), this.options.map);
    this.bindings = match.bindings;
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
    const inUse = this.options.kpisInUse;
    const skipped = new Set(plan.ticketMeasures.filter((m) => inUse !== undefined && !m.id.includes(':') && !inUse.has(m.id) && m.required.some((f) => !has(f))));
    const measures = plan.ticketMeasures.filter((m) => !skipped.has(m));
    for (const m of measures) for (const f of m.required) need(f, kpiName(m.id));
    if (!has('staff_id') && !has('staff_name')) missing.set('staff_id / staff_name', new Set(measures.map((m) => kpiName(m.id))));
    const mappedMissing = match.missingMapped.filter((m) => !has(m.field));
    if (missing.size > 0 || mappedMissing.length > 0) {
      // A field the policy maps is named once, with the header it was mapped to.
      const fields = [...missing.keys()].filter((f) => !mappedMissing.some((m) => m.field === f));
      const kpis = [...new Set([...missing.values()].flatMap((s) => [...s]))];
      throw new AspmError(
        'columns-missing',
        {
          file,
          fields: fields.concat(mappedMissing.map((m) => `${m.field} (${m.headers.join(' / ')})`)),
          headers: fields.map((f) => knownHeaders('tickets', f)),
          kpis,
          found: headers.filter((h) => h !== ''),
        },
        { location: { file } },
      );
    }
    const column = (f: string) => match.bindings.get(f)?.columns[0] ?? -1;
    this.idColumn = column('ticket_id');
    this.staffIdColumn = column('staff_id');
    this.staffNameColumn = column('staff_name');
    this.teamColumn = column('team');
    this.byIdPossible = this.staffIdColumn !== -1 && (this.options.staff.hasIds || this.options.discoverStaff);
    if (this.idColumn === -1) this.options.warnings.add('no-ticket-id-column', { file }, { file });
    const discover = this.options.discoverStaff;
    if (!discover && this.staffIdColumn !== -1 && !this.options.staff.hasIds && this.staffNameColumn === -1) {
      throw new AspmError('roster-cannot-attribute', { file }, { location: { file } });
    }
    for (const m of measures) {
      if (inUse && !inUse.has(m.id)) continue;
      if (m.source === 'builtin' && m.kind === 'first_time_fix_rate' && !has('reopened') && !has('revisit')) {
        this.options.warnings.add('no-fix-flags', { kpi: kpiName(m.id) }, { file });
      }
    }
    if (plan.ticketMeasures.some((m) => m.team) && this.teamColumn === -1 && this.options.staff.members.every((s) => s.team === '') && !discover) {
      this.options.warnings.add('no-team-data', { file }, { file });
    }
    this.compile(kpiName, skipped);
  }

  private slotOf(name: string, kind: FieldKind, kpi: string): number {
    let index = this.slots.findIndex((s) => s.name === name && s.kind === kind);
    if (index === -1) {
      const binding = this.bindings.get(name);
      if (!binding) return -1;
      index = this.slots.length;
      this.slots.push({ name, kind, columns: binding.columns, header: binding.headers.join(' + '), kpis: [], mapped: binding.mapped, fit: 0, unfit: 0, unfitCodes: new Map(), examples: [] });
    }
    const slot = this.slots[index]!;
    if (kpi !== '' && !slot.kpis.includes(kpi)) slot.kpis.push(kpi);
    return index;
  }

  private compile(kpiName: (id: string) => string, skipped: ReadonlySet<TicketMeasure>): void {
    this.compiled = this.options.plan.ticketMeasures.map((measure) => {
      if (skipped.has(measure)) {
        const none = { placeSlot: -1, slots: {}, where: [], condition: [], valueSlot: -1, keepValues: false };
        return { measure, code: 0, byCreation: measure.placedBy === 'created_at', team: measure.team, ...none, skip: true, needsResolved: false };
      }
      // A KPI no one on the roster is assessed by is not named in the warnings of its fields.
      const inUse = this.options.kpisInUse;
      const name = measure.id.includes(':') ? measure.id : inUse && !inUse.has(measure.id) ? '' : kpiName(measure.id);
      const slots: Record<string, number> = {};
      for (const f of [...measure.required, ...measure.optional]) {
        const kind = KIND_OF[f] ?? 'number';
        if (measure.source === 'tickets' && f !== measure.field && !TIME_FIELDS.has(f)) continue; // filter-only fields
        slots[f] = this.slotOf(f, kind, name);
      }
      const placeSlot = this.slotOf(measure.placedBy, 'time', name);
      const compileFilters = (filters: readonly Filter[]) => filters.map((f) => this.compileFilter(f, name));
      const custom = measure.source === 'tickets';
      const valueSlot = custom && measure.field ? this.slotOf(measure.field, KIND_OF[measure.field] === 'time' ? 'number' : (KIND_OF[measure.field] ?? 'number'), name) : -1;
      return {
        measure,
        code: measure.source === 'builtin' ? KIND_CODES[measure.kind] : 0,
        byCreation: measure.placedBy === 'created_at',
        team: measure.team,
        placeSlot,
        slots,
        where: custom ? compileFilters(measure.where) : [],
        condition: custom ? compileFilters(measure.condition) : [],
        valueSlot,
        keepValues: custom && (measure.aggregate === 'median' || measure.aggregate === 'p90'),
        skip: false,
        needsResolved: measure.required.includes('resolved_at') || measure.optional.includes('resolved_at'),
      };
    });
    this.anyByCreation = this.compiled.some((c) => !c.skip && c.byCreation);
    this.anyByResolution = this.compiled.some((c) => !c.skip && !c.byCreation);
    this.createdSlot = this.slots.findIndex((s) => s.name === 'created_at' && s.kind === 'time');
    this.resolvedSlot = this.slots.findIndex((s) => s.name === 'resolved_at' && s.kind === 'time');
    this.cache = new Float64Array(this.slots.length);
    this.stamp = new Int32Array(this.slots.length);
    this.warnedStamp = new Int32Array(this.slots.length);
  }

  private compileFilter(filter: Filter, kpi: string): FilterTest {
    const kind = filterKind(filter);
    const slot = this.slotOf(filter.field, kind, kpi);
    const equalsText = filter.equals !== undefined && typeof filter.equals !== 'boolean' ? textKey(filter.equals) : undefined;
    const inTexts = filter.in?.map(textKey);
    const inNumbers = filter.in?.filter((v): v is number => typeof v === 'number');
    return (ev, view, row) => {
      const raw = ev.rawCell(view, slot);
      const blank = isBlank(raw);
      if (filter.present !== undefined && blank === filter.present) return 0;
      if (filter.equals === undefined && filter.in === undefined && filter.min === undefined && filter.max === undefined) return 1;
      if (kind === 'text') {
        if (blank) return 0;
        const text = textKey(cellText(raw));
        if (equalsText !== undefined && text !== equalsText) return 0;
        if (inTexts && !inTexts.includes(text)) return 0;
        return 1;
      }
      const value = ev.value(view, slot, row);
      if (value !== value) return -1;
      if (value === BLANK) return kind === 'boolean' && filter.equals === false ? 1 : 0;
      if (filter.equals !== undefined && (typeof filter.equals === 'boolean' ? value !== (filter.equals ? 1 : 0) : value !== Number(filter.equals))) return 0;
      if (inNumbers && inNumbers.length > 0 && !inNumbers.includes(value)) return 0;
      if (filter.min !== undefined && value < filter.min) return 0;
      if (filter.max !== undefined && value > filter.max) return 0;
      return 1;
    };
  }

  /** The cell (or first of two cells) of a slot. */
  rawCell(view: RowView, slot: number): Cell {
    return view.cell(this.slots[slot]!.columns[0]!);
  }

  private warn(code: MessageCode, slot: FieldSlot, row: number, value: string, extra: Record<string, unknown> = {}): void {
    this.options.warnings.add(code, { value, kpis: slot.kpis, ...extra }, { file: this.options.file, row, column: slot.header });
    // A value that does not fit the field (not a time before creation, which is the row's fault).
    if (code === 'time-before-creation') return;
    slot.unfit++;
    slot.unfitCodes.set(code, (slot.unfitCodes.get(code) ?? 0) + 1);
    if (slot.examples.length < COLUMN_EXAMPLES) slot.examples.push({ row, value: detach(value) });
  }

  /**
   * A column whose values mostly do not fit its field (a `Resolved` Y/N column taken for
   * resolved_at, h:mm:ss in a number field) was matched wrongly, not filled in wrongly: one
   * message with the count, examples and the fix replaces its warning per row.
   */
  private columnMessages(): void {
    const { warnings, file } = this.options;
    for (const slot of this.slots) {
      if (slot.unfit < COLUMN_MESSAGE_AT || slot.unfit <= slot.fit) continue;
      warnings.retract(file, slot.header, slot.unfitCodes);
      warnings.add(
        'column-values-unfit',
        { column: slot.header, field: slot.name, kind: slot.kind, count: slot.unfit, total: slot.unfit + slot.fit, examples: slot.examples, mapped: slot.mapped, kpis: slot.kpis },
        { file, column: slot.header },
      );
    }
  }

  /** A field's value for this row: a number, BLANK, or NaN (unreadable; warned once). */
  value(view: RowView, slotIndex: number, row: number): number {
    // Small, so that it is inlined where a KPI asks for a field the row has read already.
    return this.stamp[slotIndex] === this.generation ? this.cache[slotIndex]! : this.read(view, slotIndex, row);
  }

  /** A date column and a time column, read as one time. */
  private twoColumnTime(view: RowView, slot: FieldSlot, row: number): number {
    const first = view.cell(slot.columns[0]!);
    const second = view.cell(slot.columns[1]!);
    if (isBlank(first)) return BLANK;
    const day = readDatePart(first, this.date1904);
    const time = isBlank(second) ? 0 : readTimeOfDay(second);
    const v = day === day && time === time ? this.options.clock.wallToUtc(day + time) : NaN;
    if (v !== v) this.warn('value-unreadable-time', slot, row, `${cellText(first)} ${cellText(second)}`.trim());
    return v;
  }

  private timeProblem(view: RowView, slot: FieldSlot, row: number): void {
    const first = view.cell(slot.columns[0]!);
    if (typeof first === 'string' && !/\d/.test(first) && readBoolean(first) !== -1) {
      // 是/否, Y/N: the column matched by its name (e.g. "Resolved") holds yes/no, not times.
      this.warn('value-yes-no-in-time', slot, row, cellText(first), { field: slot.name });
      return;
    }
    const problem = explainTimestamp(first);
    this.warn(problem === 'time-ambiguous' ? 'value-ambiguous-date' : problem === 'time-impossible' ? 'value-impossible-time' : 'value-unreadable-time', slot, row, cellText(first));
  }

  private read(view: RowView, slotIndex: number, row: number): number {
    const slot = this.slots[slotIndex]!;
    const column = slot.columns[0]!;
    let v: number;
    if (slot.kind === 'time') {
      if (slot.columns.length === 2) v = this.twoColumnTime(view, slot, row);
      else if (view.blank(column)) v = BLANK;
      else {
        v = view.timestamp(column, this.options.clock, this.date1904);
        // `?`, `-`, `/`: what exports write for "no time" (ServiceNow's `?`) is blank.
        if (v !== v) v = isNullMarker(view.text(column)) ? BLANK : (this.timeProblem(view, slot, row), NaN);
      }
    } else if (slot.kind === 'boolean') {
      const b = view.boolean(column);
      v = b === -1 ? NaN : b;
      if (v !== v) this.warn('value-unreadable-boolean', slot, row, view.text(column));
    } else if (view.blank(column)) {
      v = BLANK;
    } else if (slot.kind === 'satisfaction') {
      v = view.satisfaction(column, this.satisfactionMin, this.satisfactionMax);
      if (v !== v) this.warn('value-unreadable-satisfaction', slot, row, view.text(column));
      else if (v < this.satisfactionMin || v > this.satisfactionMax) {
        this.warn('value-outside-scale', slot, row, view.text(column), { min: this.satisfactionMin, max: this.satisfactionMax });
        v = NaN;
      }
    } else {
      v = view.number(column);
      if (v !== v) this.warn('value-unreadable-number', slot, row, view.text(column));
      else if (v < 0 && slot.name === 'cost') {
        this.warn('value-negative', slot, row, view.text(column));
        v = NaN;
      }
    }
    if (v === v && v !== BLANK) slot.fit++;
    this.stamp[slotIndex] = this.generation;
    this.cache[slotIndex] = v;
    return v;
  }

  private ensureStaff(count: number): void {
    const need = count * this.stride;
    if (this.staffTotals.length >= need) return;
    const grown = new Float64Array(Math.max(need, this.staffTotals.length * 2, this.stride * 16));
    grown.set(this.staffTotals);
    this.staffTotals = grown;
    const tickets = new Float64Array((grown.length / this.stride) * (this.S + 1));
    tickets.set(this.staffTickets);
    this.staffTickets = tickets;
  }

  private teamIndex(name: string): number {
    if (name === '') return -1;
    const cached = this.teamByText.get(name);
    if (cached !== undefined) return cached;
    const index = this.newTeamIndex(name);
    if (this.teamByText.size < 100_000) this.teamByText.set(detach(name), index);
    return index;
  }

  private newTeamIndex(name: string): number {
    const key = staffKey(name);
    let index = this.teams.get(key);
    if (index === undefined) {
      index = this.teams.size;
      this.teams.set(detach(key), index);
      this.teamLabels.push(detach(name));
      const need = (index + 1) * this.stride;
      if (this.teamTotals.length < need) {
        const grown = new Float64Array(Math.max(need, this.teamTotals.length * 2));
        grown.set(this.teamTotals);
        this.teamTotals = grown;
        const tickets = new Float64Array((grown.length / this.stride) * (this.S + 1));
        tickets.set(this.teamTickets);
        this.teamTickets = tickets;
      }
    }
    return index;
  }

  /**
   * The person a row belongs to, or a negative number after warning why none. A view's
   * staff id (or name) is looked up by its bytes first: a hit is a person found before for
   * the same text, and the normalising lookup never runs again for it.
   */
  private attribute(view: RowView, row: number): number {
    // The cell that decides: the staff id where ids attribute, else the name.
    const column = this.byIdPossible ? this.staffIdColumn : this.staffNameColumn;
    const bytes = column !== -1 && view.bytesOf(column, false);
    const byBytes = this.byIdPossible ? this.staffByIdBytes : this.staffByNameBytes;
    const byCell = this.byIdPossible ? this.staffByIdCell : this.staffByNameCell;
    let cell: Cell;
    if (bytes) {
      const entry = byBytes.find(view.bytes, view.keyStart, view.keyEnd);
      if (entry !== -1) return byBytes.value(entry);
    } else if (column !== -1 && typeof (cell = view.cell(column)) === 'string') {
      const hit = byCell.get(cell);
      if (hit !== undefined) return hit;
    }
    const index = this.attributeByText(view, row);
    // Only texts that found someone are kept: a person's own cell text, a few per person;
    // and only when that cell decided (a blank staff id leaves it to the name).
    if (index >= 0 && (!this.byIdPossible || this.byIdDecided)) {
      if (bytes) {
        if (byBytes.size < 100_000 && view.bytesOf(column, false)) byBytes.insert(view.bytes, view.keyStart, view.keyEnd, index);
      } else if (typeof cell === 'string' && byCell.size < 100_000) {
        byCell.set(detach(cell), index);
      }
    }
    return index;
  }

  private attributeByText(view: RowView, row: number): number {
    const { staff, file } = this.options;
    // A placeholder is nobody, unless someone known (on the roster) is written so: id NA, a person called Na.
    const real = (text: string, find: (text: string) => number) => {
      const kept = notPlaceholder(text);
      return kept === '' && text !== '' && find(text) !== NOT_FOUND ? text : kept;
    };
    const id = this.staffIdColumn === -1 ? '' : real(view.text(this.staffIdColumn), (text) => staff.findById(text));
    const name = this.staffNameColumn === -1 ? '' : real(view.text(this.staffNameColumn), (text) => staff.findByName(text));
    if (id === '' && name === '') {
      this.options.warnings.add('ticket-without-staff', {}, { file, row, column: this.headers[this.staffIdColumn !== -1 ? this.staffIdColumn : this.staffNameColumn] ?? '' });
      return NOT_FOUND;
    }
    const byId = id !== '' && this.byIdPossible;
    this.byIdDecided = byId;
    const text = byId ? id : name;
    const byText = byId ? this.staffByIdText : this.staffByNameText;
    const cached = byText.get(text);
    if (cached !== undefined && cached >= 0) return cached;
    let index = byId ? staff.findById(id) : staff.findByName(name);
    if (index >= 0 && byText.size < 100_000) byText.set(detach(text), index);
    if (index === NOT_FOUND && this.options.discoverStaff) {
      const team = this.teamColumn === -1 ? '' : view.text(this.teamColumn);
      index = staff.add({ id: detach(id), name: detach(name), roles: [this.options.policy.roles[0]!.id], team: detach(team), bonusBase: undefined, row: undefined }).index;
      this.ensureStaff(staff.members.length);
      // A person found by a new id may share a name found before, which is then ambiguous:
      // names cached so far may be wrong now. (The byte and cell caches of names serve only
      // files whose ids do not attribute, where a name that was found is never added again.)
      if (byId && name !== '') this.staffByNameText.clear();
      return index;
    }
    if (index < 0) {
      const label = byId ? id : name;
      // An id and a name written alike are two people (two warnings), as for those on the roster.
      const key = `${index}:${byId ? 'id' : 'name'}:${staffKey(label)}`;
      const known = this.unknownStaff.get(key);
      if (known) known.tickets++;
      else {
        const column = this.headers[byId ? this.staffIdColumn : this.staffNameColumn] ?? '';
        this.unknownStaff.set(detach(key), { label: detach(label), byId, tickets: 1, row, column });
      }
    }
    return index;
  }

  /** The team a row counts for (-1: none): its team cell, else the person's team. */
  private rowTeam(view: RowView, person: number): number {
    const column = this.teamColumn;
    if (column === -1) return this.teamIndex(this.options.staff.members[person]!.team);
    const bytes = view.bytesOf(column, false);
    let cell: Cell;
    if (bytes) {
      const entry = this.teamByBytes.find(view.bytes, view.keyStart, view.keyEnd);
      if (entry !== -1) return this.teamByBytes.value(entry);
    } else if (typeof (cell = view.cell(column)) === 'string') {
      const hit = this.teamByCell.get(cell);
      if (hit !== undefined) return hit;
    }
    if (view.blank(column)) return this.teamIndex(this.options.staff.members[person]!.team);
    const team = this.teamIndex(view.text(column));
    // A cell that is not blank names the same team whoever's ticket it is.
    if (bytes) {
      if (this.teamByBytes.size < 100_000 && view.bytesOf(column, false)) this.teamByBytes.insert(view.bytes, view.keyStart, view.keyEnd, team);
    } else if (typeof cell === 'string' && this.teamByCell.size < 100_000) {
      this.teamByCell.set(detach(cell), team);
    }
    return team;
  }

  row(cells: readonly Cell[], row: number): void {
    this.rowView(this.cellsRow.reset(cells), row);
  }

  /**
   * The ticket's id: 0 when new, the row it was first seen in when repeated, -1 when blank,
   * SUPERSEDED when a later row of the ticket counts instead (useLastRows).
   * Sets `appeal` when an approved appeal leaves the ticket out.
   */
  private ticketId(view: RowView, row: number): number {
    const column = this.idColumn;
    this.appeal = undefined;
    if (this.lastRows) {
      const id = view.text(column);
      if (id === '') return -1;
      if (this.lastRows.get(id) !== row) return SUPERSEDED;
      if (this.options.exclude !== undefined && this.options.exclude.size > 0) this.appeal = this.options.exclude.get(id);
      return 0;
    }
    if (view.bytesOf(column, true)) {
      const { bytes, keyStart, keyEnd } = view;
      if (keyStart === keyEnd) return -1;
      const first = this.ids.addBytes(bytes, keyStart, keyEnd, row);
      if (first === 0 && this.excludedIds) {
        const entry = this.excludedIds.find(bytes, keyStart, keyEnd);
        if (entry !== -1) this.appeal = this.excludedAppeals[this.excludedIds.value(entry)];
      }
      return first;
    }
    const id = view.text(column);
    if (id === '') return -1;
    const first = this.ids.add(id, row);
    if (first === 0 && this.options.exclude !== undefined && this.options.exclude.size > 0) this.appeal = this.options.exclude.get(id);
    return first;
  }

  private appeal: string | undefined;

  rowView(view: RowView, row: number): void {
    this.rows++;
    const { file, warnings, period } = this.options;
    if (view.length > this.headers.length) {
      for (let c = this.headers.length; c < view.length; c++) {
        if (!view.blank(c)) {
          warnings.add('row-extra-cells', { count: view.length - this.headers.length, header: this.headers.length }, { file, row });
          break;
        }
      }
    }
    if (this.idColumn !== -1) {
      const first = this.ticketId(view, row);
      if (first === SUPERSEDED) {
        this.superseded++;
        return;
      }
      if (first !== 0) {
        const column = this.headers[this.idColumn] ?? '';
        if (first === -1) warnings.add('ticket-without-id', {}, { file, row, column });
        else warnings.add('duplicate-ticket', { value: view.text(this.idColumn), first }, { file, row, column });
        this.skipped++;
        return;
      }
      if (this.appeal !== undefined) {
        this.exclude(view, row, view.text(this.idColumn), this.appeal);
        return;
      }
    }
    const person = this.attribute(view, row);
    if (person < 0) {
      this.skipped++;
      return;
    }
    this.generation++;
    const { start, end } = period;
    const created = this.createdSlot === -1 ? NaN : this.value(view, this.createdSlot, row);
    let resolved = this.resolvedSlot === -1 ? NaN : this.value(view, this.resolvedSlot, row);
    // A ticket is in the period only by a timestamp some KPI places tickets by.
    const inCreated = this.anyByCreation && created >= start && created < end;
    let inResolved = this.anyByResolution && resolved >= start && resolved < end;
    // Resolved before it was created: the resolution time is unusable data. Decided here,
    // once, for every output: the row is out of every KPI that needs resolved_at (and is not
    // placed by it), which are exactly the KPIs the warning names.
    const beforeCreation = resolved !== BLANK && resolved < created;
    if (beforeCreation) {
      if (inCreated || inResolved) this.warnBeforeCreation(view, row);
      resolved = NaN;
      inResolved = false;
    }
    if (created === BLANK && this.createdSlot !== -1) {
      const slot = this.slots[this.createdSlot]!;
      warnings.add('value-missing', { kpis: slot.kpis }, { file, row, column: slot.header });
    }
    if (!inCreated && !inResolved) {
      // A placing time that could not be read (warned) is a fault in the data, not a date
      // outside the period: a column of yes/no taken for a time would otherwise hide there.
      const unreadable = (this.anyByCreation && this.createdSlot !== -1 && created !== created) || (this.anyByResolution && this.resolvedSlot !== -1 && resolved !== resolved);
      // …unless a time that could be read places the row outside the period anyway.
      const placedElsewhere = (this.anyByCreation && Number.isFinite(created)) || (this.anyByResolution && Number.isFinite(resolved));
      if (unreadable && !placedElsewhere) {
        this.skipped++;
        return;
      }
      this.outside++;
      // The dates the file does cover, to say so when none is in the period.
      if (this.anyByCreation && Number.isFinite(created)) this.noteOutside(created);
      if (this.anyByResolution && Number.isFinite(resolved)) this.noteOutside(resolved);
      return;
    }
    const team = this.options.plan.anyTeamScope ? this.rowTeam(view, person) : -1;
    let used = false;
    const M2 = this.M * 2;
    const stride = this.stride;
    const compiled = this.compiled;
    const totals = this.staffTotals;
    const S1 = this.S + 1;
    const createdSlice = this.S > 0 && inCreated ? this.sliceOf(created) : -1;
    const resolvedSlice = this.S > 0 && inResolved ? this.sliceOf(resolved) : -1;
    // A ticket whose placing time could not be used is not one of theirs "with nothing to
    // count": a count over a column of unreadable resolution times is unknown, not 0.
    const faulty = (this.anyByCreation && this.createdSlot !== -1 && created !== created) || (this.anyByResolution && this.resolvedSlot !== -1 && resolved !== resolved);
    if (!faulty) {
      this.countTicket(this.staffTickets, person * S1, createdSlice, resolvedSlice);
      if (team >= 0) this.countTicket(this.teamTickets, team * S1, createdSlice, resolvedSlice);
    }
    const details = this.options.details ? this.details : undefined;
    details?.open();
    for (let i = 0; i < compiled.length; i++) {
      const c = compiled[i]!;
      if (c.skip || (c.byCreation ? !inCreated : !inResolved) || (beforeCreation && c.needsResolved)) continue;
      const x = c.code !== 0 ? this.builtinContribution(c, view, row, created, resolved) : this.customContribution(c, view, row);
      if (x !== x) continue;
      used = true;
      details?.set(i, x);
      const at = person * stride + i * 2;
      totals[at]! += 1;
      totals[at + 1]! += x;
      if (team >= 0 && c.team) {
        const t = team * stride + i * 2;
        this.teamTotals[t]! += 1;
        this.teamTotals[t + 1]! += x;
      }
      if (c.keepValues) {
        push(this.staffValues, person * S1 * this.M + i, x);
        if (team >= 0 && c.team) push(this.teamValues, team * S1 * this.M + i, x);
      }
      const slice = c.byCreation ? createdSlice : resolvedSlice;
      if (slice >= 0) {
        const offset = (slice + 1) * M2 + i * 2;
        totals[person * stride + offset]! += 1;
        totals[person * stride + offset + 1]! += x;
        if (team >= 0 && c.team) {
          this.teamTotals[team * stride + offset]! += 1;
          this.teamTotals[team * stride + offset + 1]! += x;
        }
        if (c.keepValues) {
          push(this.staffValues, (person * S1 + slice + 1) * this.M + i, x);
          if (team >= 0 && c.team) push(this.teamValues, (team * S1 + slice + 1) * this.M + i, x);
        }
      }
    }
    if (used) this.used++;
    else this.notCounted++;
    if (details && used) details.keep(person, row, this.idColumn === -1 ? '' : detach(view.text(this.idColumn)), created, resolved);
  }

  /** One more ticket placed in the period, and in the slices its times place it in. */
  private countTicket(tickets: Float64Array, at: number, createdSlice: number, resolvedSlice: number): void {
    tickets[at]! += 1;
    if (createdSlice >= 0) tickets[at + 1 + createdSlice]! += 1;
    if (resolvedSlice >= 0 && resolvedSlice !== createdSlice) tickets[at + 1 + resolvedSlice]! += 1;
  }

  private outsideFirst = Infinity;
  private outsideLast = -Infinity;

  private noteOutside(instant: number): void {
    if (instant < this.outsideFirst) this.outsideFirst = instant;
    if (instant > this.outsideLast) this.outsideLast = instant;
  }

  /** The slice an instant falls in, or -1. */
  private sliceOf(instant: number): number {
    for (let s = 0; s < this.S; s++) if (instant >= this.sliceStarts[s]! && instant < this.sliceEnds[s]!) return s;
    return -1;
  }

  /**
   * A ticket an approved appeal leaves out: attributed and placed like any other, so that
   * the report can say which KPIs of whom it was taken out of, but added to no totals.
   */
  private exclude(view: RowView, row: number, id: string, appeal: string): void {
    this.excludedRows++;
    const person = this.attribute(view, row);
    const hits: { measure: number; slice: number }[] = [];
    let teamName = '';
    let placed = { created: null as number | null, resolved: null as number | null, inPeriod: false };
    if (person >= 0) {
      this.generation++;
      const { start, end } = this.options.period;
      const created = this.createdSlot === -1 ? NaN : this.value(view, this.createdSlot, row);
      const asWritten = this.resolvedSlot === -1 ? NaN : this.value(view, this.resolvedSlot, row);
      // The same decision as for a counted row: a resolution before creation is unusable.
      const beforeCreation = asWritten !== BLANK && asWritten < created;
      const resolved = beforeCreation ? NaN : asWritten;
      const inCreated = this.anyByCreation && created >= start && created < end;
      const inResolved = this.anyByResolution && resolved >= start && resolved < end;
      // So that an appeal for a ticket of another period is refused, naming its dates.
      const instant = (t: number) => (Number.isFinite(t) ? t : null);
      placed = { created: instant(created), resolved: instant(resolved), inPeriod: inCreated || inResolved };
      const member = this.options.staff.members[person]!;
      teamName = this.teamColumn === -1 || view.blank(this.teamColumn) ? member.team : view.text(this.teamColumn);
      const details = this.options.details ? this.details : undefined;
      details?.open();
      for (let i = 0; i < this.compiled.length; i++) {
        const c = this.compiled[i]!;
        if (c.skip || (c.byCreation ? !inCreated : !inResolved) || (beforeCreation && c.needsResolved)) continue;
        const x = c.code !== 0 ? this.builtinContribution(c, view, row, created, resolved) : this.customContribution(c, view, row);
        if (x !== x) continue;
        details?.set(i, x);
        const slice = this.S > 0 ? this.sliceOf(c.byCreation ? created : resolved) : -1;
        hits.push({ measure: i, slice });
      }
      if (details && hits.length > 0) details.keep(person, row, detach(id), created, resolved, appeal);
    }
    this.excluded.push({ ticket: detach(id), appeal, row, person, team: detach(teamName), hits, ...placed });
  }

  private duration(from: number, to: number): number {
    return this.options.calendar ? (to < from ? to - from : this.options.calendar.workingMsBetween(from, to)) : to - from;
  }

  /** A ticket's contribution to a built-in KPI, or NaN when it does not count. */
  private builtinContribution(c: CompiledMeasure, view: RowView, row: number, created: number, resolved: number): number {
    const m = c.measure as Extract<TicketMeasure, { source: 'builtin' }>;
    switch (c.code) {
      case 1:
      case 2: {
        const responseSlot = c.slots.first_response_at!;
        const response = this.value(view, responseSlot, row);
        if (response !== response) return NaN;
        if (response === BLANK) return c.code === 2 ? 0 : NaN;
        const d = this.checkedDuration(created, response, responseSlot, view, row);
        if (d !== d) return NaN;
        return c.code === 1 ? d : d <= m.slaMs ? 1 : 0;
      }
      case 3:
      case 4: {
        // Open (placed by creation), or resolved before creation: no duration.
        if (created !== created || created === BLANK || resolved !== resolved || resolved === BLANK) return NaN;
        const d = this.checkedDuration(created, resolved, this.resolvedSlot, view, row);
        if (d !== d) return NaN;
        return c.code === 3 ? d : d <= m.slaMs ? 1 : 0;
      }
      case 5:
        // Placed by creation, a ticket created in the period counts once it is resolved.
        return resolved === resolved && resolved !== BLANK ? 1 : NaN;
      case 6: {
        const score = this.value(view, c.slots.satisfaction!, row);
        if (score !== score || score === BLANK) return NaN;
        return this.satisfactionMean ? score : score >= this.goodAtLeast ? 1 : 0;
      }
      case 7: {
        // Fixed first time, or reopened, is known of a resolved ticket only (placed by creation, an open one waits).
        if (resolved !== resolved || resolved === BLANK) return NaN;
        const reopened = c.slots.reopened === undefined || c.slots.reopened === -1 ? 0 : this.value(view, c.slots.reopened, row);
        const revisit = c.slots.revisit === undefined || c.slots.revisit === -1 ? 0 : this.value(view, c.slots.revisit, row);
        if (reopened !== reopened || revisit !== revisit) return NaN;
        return reopened === 1 || revisit === 1 ? 0 : 1;
      }
      case 8:
      case 9: {
        if (c.code === 8 && (resolved !== resolved || resolved === BLANK)) return NaN;
        const flag = this.value(view, c.slots[c.code === 8 ? 'reopened' : 'complaint']!, row);
        if (flag !== flag) return NaN;
        return flag === 1 ? 1 : 0;
      }
      case 10: {
        const cost = this.value(view, c.slots.cost!, row);
        return cost === BLANK ? NaN : cost;
      }
      default: {
        const promised = this.value(view, c.slots.promised_at!, row);
        const arrived = this.value(view, c.slots.arrived_at!, row);
        if (promised !== promised || arrived !== arrived || promised === BLANK || arrived === BLANK) return NaN;
        return arrived <= promised ? 1 : 0;
      }
    }
  }

  /** The warning for a resolution time before creation, naming the KPIs that need resolved_at. */
  private warnBeforeCreation(view: RowView, row: number): void {
    const slot = this.slots[this.resolvedSlot]!;
    const createdCells = this.slots[this.createdSlot]!.columns.map((col) => view.text(col)).join(' ');
    this.warn('time-before-creation', slot, row, slot.columns.map((col) => view.text(col)).join(' '), { created: createdCells });
  }

  /** to − from as the policy counts time; NaN (with one warning per row and field) when `to` is before `from`. */
  private checkedDuration(from: number, to: number, toSlot: number, view: RowView, row: number): number {
    if (from !== from || from === BLANK) return NaN;
    if (to < from) {
      if (this.warnedStamp[toSlot] !== this.generation) {
        this.warnedStamp[toSlot] = this.generation;
        const slot = this.slots[toSlot]!;
        const createdCells = this.slots[this.createdSlot]!.columns.map((col) => view.text(col)).join(' ');
        this.warn('time-before-creation', slot, row, slot.columns.map((col) => view.text(col)).join(' '), { created: createdCells });
      }
      return NaN;
    }
    return this.duration(from, to);
  }

  private customContribution(c: CompiledMeasure, view: RowView, row: number): number {
    for (const test of c.where) if (test(this, view, row) !== 1) return NaN;
    const m = c.measure as Extract<TicketMeasure, { source: 'tickets' }>;
    switch (m.aggregate) {
      case 'count':
        return 1;
      case 'rate': {
        let hit = 1;
        for (const test of c.condition) {
          const r = test(this, view, row);
          if (r === -1) return NaN;
          if (r === 0) hit = 0;
        }
        return hit;
      }
      default: {
        if (c.valueSlot === -1) return NaN;
        const v = this.value(view, c.valueSlot, row);
        return v === BLANK ? NaN : v;
      }
    }
  }

  /** Totals of measure `i` (index among ticket measures) for a person: over the whole period (slot 0) or slice slot − 1. */
  staffTotalsOf(person: number, i: number, slot = 0): KpiTotals {
    const at = person * this.stride + slot * this.M * 2 + i * 2;
    const tickets = this.staffTickets[person * (this.S + 1) + slot] ?? 0;
    return { samples: this.staffTotals[at] ?? 0, sum: this.staffTotals[at + 1] ?? 0, values: this.staffValues.get((person * (this.S + 1) + slot) * this.M + i), tickets };
  }

  /** Whether any ticket in the period counted for the team. */
  hasTeam(team: string): boolean {
    return this.teams.has(staffKey(team));
  }

  teamTotalsOf(team: string, i: number, slot = 0): KpiTotals | undefined {
    const index = this.teams.get(staffKey(team));
    if (index === undefined) return team === '' ? undefined : { samples: 0, sum: 0, values: undefined, tickets: 0 };
    const at = index * this.stride + slot * this.M * 2 + i * 2;
    const tickets = this.teamTickets[index * (this.S + 1) + slot] ?? 0;
    return { samples: this.teamTotals[at] ?? 0, sum: this.teamTotals[at + 1] ?? 0, values: this.teamValues.get((index * (this.S + 1) + slot) * this.M + i), tickets };
  }

  /** Call once after the last row: one warning per person not on the roster. */
  finish(): TicketCounts {
    this.columnMessages();
    for (const [key, u] of this.unknownStaff) {
      const at = { file: this.options.file, row: u.row, column: u.column };
      const rosterRow = this.options.staff.leftOutRow(u.label, u.byId);
      if (key.startsWith(`${AMBIGUOUS}:`)) this.options.warnings.add('staff-name-ambiguous', { value: u.label, tickets: u.tickets }, at);
      else if (rosterRow !== undefined) this.options.warnings.add('staff-left-out-of-roster', { value: u.label, tickets: u.tickets, rosterRow }, at);
      else this.options.warnings.add('staff-not-on-roster', { value: u.label, tickets: u.tickets }, at);
    }
    this.unknownStaff.clear();
    return {
      rows: this.rows,
      used: this.used,
      skipped: this.skipped,
      outsidePeriod: this.outside,
      notCounted: this.notCounted,
      superseded: this.superseded,
      excluded: this.excludedRows,
      outsideRange: this.outsideFirst <= this.outsideLast ? { first: this.outsideFirst, last: this.outsideLast } : undefined,
    };
  }
}

const PLACEHOLDERS = new Set(['n/a', '#n/a', 'na', 'null', 'none', 'nil', 'unassigned', '无', '空', '未分配', '待分配']);

/** A cell of punctuation or symbols only (`?`, `-`, `—`, `/`): a null marker. */
function isNullMarker(text: string): boolean {
  return /^[\p{P}\p{S}\s]+$/u.test(text);
}

/**
 * A staff cell that stands for nobody — `?`, `-`, `N/A`, `未分配` (what systems write for
 * an unassigned ticket) — reads as blank: never a person called "?".
 */
function notPlaceholder(text: string): string {
  const t = text.trim();
  return t === '' || isNullMarker(t) || PLACEHOLDERS.has(t.toLowerCase()) ? '' : text;
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
