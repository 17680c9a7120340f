// The plan's ticket measures made ready for the pass over the rows, once the header is
// known: for each, the slots of the fields it reads, its compiled filters, the code its
// contribution is dispatched on, and whether it is computed at all. Reads no row.
import type { Filter } from '../policy/policy.generated.js';
import { CONTRIBUTION } from './builtin-kpis.js';
import { ON_HOLD } from '../policy/ticket-field-kinds.js';
import { TIME_FIELDS } from './columns.js';
import { durationUnitMs, type TicketMeasure } from './kpi-plan.js';
import { compileFilter, type FilterTest } from './ticket-filters.js';
import { KIND_OF, type TicketFields } from './ticket-fields.js';
import { CREDITS } from './ticket-attribution.js';

export interface CompiledMeasure {
  readonly measure: TicketMeasure;
  /** CONTRIBUTION code of a built-in (builtin-kpis.ts), 0 for a custom KPI. */
  readonly code: number;
  readonly byCreation: boolean;
  readonly team: boolean;
  readonly placeSlot: number;
  readonly slots: Readonly<Record<string, number>>;
  readonly where: readonly FilterTest[];
  readonly condition: readonly FilterTest[];
  readonly valueSlot: number;
  /** Divides the value of `valueSlot` into the KPI's unit: ms per unit for a duration field, else 1. */
  readonly valueDivisor: number;
  /** Resolution time and its SLA: the slot of the on-hold time subtracted from it (-1: none mapped). */
  readonly holdSlot: number;
  readonly keepValues: boolean;
  /** A KPI of roles no one on the roster holds, whose columns the file lacks: not computed. */
  readonly skip: boolean;
  /** Whether it needs resolved_at (to place, time or judge a ticket): the fields the warnings of resolved_at name it for. */
  readonly needsResolved: boolean;
  /** With a built-in: its SLA limit in ms (SLA rates only). */
  readonly slaMs: number;
  /** With a built-in: the clock of its SLA limit (SLA_CLOCK in kpi-plan.ts). */
  readonly slaClock: number;
  /** Who it credits: its index in CREDITS (ticket-attribution.ts). */
  readonly credit: number;
}

export function compileMeasures(
  measures: readonly TicketMeasure[],
  fields: TicketFields,
  kpiName: (id: string) => string,
  skipped: ReadonlySet<TicketMeasure>,
  kpisInUse: ReadonlySet<string> | undefined,
): CompiledMeasure[] {
  const compiled = measures.map((measure): CompiledMeasure => {
    const slaMs = measure.source === 'builtin' ? measure.slaMs : NaN;
    const slaClock = measure.source === 'builtin' ? measure.slaClock : 0;
    const credit = CREDITS.indexOf(measure.credit);
    if (skipped.has(measure)) {
      const none = { placeSlot: -1, slots: {}, where: [], condition: [], valueSlot: -1, valueDivisor: 1, holdSlot: -1, keepValues: false };
      return { measure, code: 0, byCreation: measure.placedBy === 'created_at', team: measure.team, ...none, skip: true, needsResolved: false, slaMs, slaClock, credit };
    }
    // A KPI no one on the roster is assessed by is not named in the warnings of its fields.
    const name = measure.id.includes(':') ? measure.id : kpisInUse && !kpisInUse.has(measure.id) ? '' : kpiName(measure.id);
    const slots: Record<string, number> = {};
    for (const f of [...measure.required, ...measure.optional]) {
      const kind = fields.kindOf(f);
      if (measure.source === 'tickets' && f !== measure.field && !TIME_FIELDS.has(f)) continue; // filter-only fields
      slots[f] = fields.slotOf(f, kind, name);
    }
    const placeSlot = fields.slotOf(measure.placedBy, 'time', name);
    const custom = measure.source === 'tickets';
    const durationMs = custom ? durationUnitMs(measure.unit) : 1000;
    const compileFilters = (filters: readonly Filter[]) => filters.map((f) => compileFilter(fields, f, name, durationMs));
    const valueKind = custom && measure.field ? (KIND_OF[measure.field] === 'time' ? 'number' : fields.kindOf(measure.field)) : 'number';
    const valueSlot = custom && measure.field ? fields.slotOf(measure.field, valueKind, name) : -1;
    const resolution = measure.source === 'builtin' && (measure.code === CONTRIBUTION.resolution_time || measure.code === CONTRIBUTION.resolved_within_sla);
    return {
      measure,
      code: measure.source === 'builtin' ? measure.code : 0,
      byCreation: measure.placedBy === 'created_at',
      team: measure.team,
      placeSlot,
      slots,
      where: custom ? compileFilters(measure.where) : [],
      condition: custom ? compileFilters(measure.condition) : [],
      valueSlot,
      valueDivisor: valueKind === 'duration' ? durationMs : 1,
      holdSlot: resolution ? fields.slotOf(ON_HOLD, 'duration', name) : -1,
      keepValues: custom && (measure.aggregate === 'median' || measure.aggregate === 'p90'),
      skip: false,
      needsResolved: measure.required.includes('resolved_at') || measure.optional.includes('resolved_at'),
      slaMs,
      slaClock,
      credit,
    };
  });
  fields.seal();
  return compiled;
}
