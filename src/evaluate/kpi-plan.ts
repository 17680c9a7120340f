// What an evaluation must compute, derived from the policy alone: for each KPI that a role
// uses, how it is measured (which ticket fields, which timestamp places a ticket in the
// period, its SLA, mean or rate or count…), whether anyone needs it for their own tickets
// or for their team's, and which ticket fields and metrics columns must therefore exist.
// Pure.
import { builtinKpi } from '../policy/kpi-catalogue.js';
import { minutesOf } from '../policy/rules/settings.js';
import { BUILTIN_KPIS, CONTRIBUTION, type BuiltinKpiDefinition, type BuiltinKpiId } from './builtin-kpis.js';
import type { Compute, Filter, Kpi, Policy, Sla } from '../policy/policy.generated.js';
import { mappedRoles, type Credit } from '../policy/ticket-people.js';

export type Aggregate = 'mean' | 'rate' | 'count' | 'sum' | 'median' | 'p90';

export type { Credit };

export type PlacedBy = 'created_at' | 'resolved_at';

interface MeasureBase {
  /** KPI id, or `veto:<id>` / `points:<id>` for event counts of vetoes and point items. */
  readonly id: string;
  readonly index: number;
  readonly minSamples: number;
  readonly individual: boolean;
  readonly team: boolean;
  /** Who on the ticket it credits (metrics: always the person of the row). */
  readonly credit: Credit;
}

export interface BuiltinTicketMeasure extends MeasureBase {
  readonly source: 'builtin';
  readonly kind: BuiltinKpiId;
  /** Its row in the table of built-in KPIs. */
  readonly builtin: BuiltinKpiDefinition;
  /** CONTRIBUTION of its row: what the pass over the tickets dispatches on. */
  readonly code: number;
  readonly placedBy: PlacedBy;
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** SLA limit in ms (SLA rates only). */
  readonly slaMs: number;
  /** The clock the SLA limit is measured on (SLA_CLOCK). */
  readonly slaClock: number;
  /** The SLA as the policy gives it (SLA rates only), for what people read. */
  readonly sla: Sla | undefined;
  /** Divides a duration in ms into the KPI's unit (minutes or hours). */
  readonly unitMs: number;
}

export interface CustomTicketMeasure extends MeasureBase {
  readonly source: 'tickets';
  /** The KPI's unit (a veto's or point item's count has none). */
  readonly unit: Kpi['unit'] | undefined;
  readonly aggregate: Aggregate;
  readonly placedBy: PlacedBy;
  readonly field: string | undefined;
  readonly where: readonly Filter[];
  readonly condition: readonly Filter[];
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export interface MetricsMeasure extends MeasureBase {
  readonly source: 'metrics';
  readonly column: string;
}

export type Measure = BuiltinTicketMeasure | CustomTicketMeasure | MetricsMeasure;
export type TicketMeasure = BuiltinTicketMeasure | CustomTicketMeasure;

export interface EvaluationPlan {
  readonly measures: readonly Measure[];
  readonly ticketMeasures: readonly TicketMeasure[];
  /** Metrics columns any KPI, veto or point item reads. */
  readonly metricsColumns: readonly string[];
  /** Metrics columns that KPIs read (the file is then required). */
  readonly kpiMetricsColumns: readonly string[];
  readonly anyTeamScope: boolean;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * The clock an SLA limit is measured on: minutes and hours as the policy counts durations
 * (`evaluation.duration`); days in calendar time (24 hours a day, nights and holidays
 * included); working days in working time on the working calendar, a working day being the
 * working hours of one day — whatever `evaluation.duration` says, since the unit says it.
 */
export const SLA_CLOCK = { policy: 0, elapsed: 1, working: 2 } as const;

function slaOf(kpi: Kpi): Sla | undefined {
  return kpi.sla ?? builtinKpi(kpi.id)?.sla;
}

function slaLimit(sla: Sla | undefined, policy: Policy): { slaMs: number; slaClock: number } {
  if (!sla) return { slaMs: NaN, slaClock: SLA_CLOCK.policy };
  switch (sla.unit) {
    case 'days':
      return { slaMs: sla.within * DAY, slaClock: SLA_CLOCK.elapsed };
    case 'working_days': {
      const perDay = policy.evaluation.working_hours.reduce((sum, span) => sum + (minutesOf(span.end) - minutesOf(span.start)) * MINUTE, 0);
      return { slaMs: sla.within * perDay, slaClock: SLA_CLOCK.working };
    }
    default:
      return { slaMs: sla.within * (sla.unit === 'hours' ? HOUR : MINUTE), slaClock: SLA_CLOCK.policy };
  }
}

/** Whether any KPI in use has an SLA in working days (the working calendar is then needed). */
export function usesWorkingDaySla(plan: EvaluationPlan): boolean {
  return plan.measures.some((m) => m.source === 'builtin' && m.slaClock === SLA_CLOCK.working);
}

/** The KPI units that are times, in ms: a duration field's value is converted to them. */
export const TIME_UNIT_MS: Readonly<Partial<Record<Kpi['unit'], number>>> = { seconds: 1000, minutes: MINUTE, hours: HOUR, days: 24 * HOUR };

/**
 * A custom KPI over a duration field: ms per unit of its value and of the `min`/`max`/`equals`
 * of its filters on durations — the KPI's unit when that is a time, else seconds (a veto's
 * or point item's filters too).
 */
export function durationUnitMs(unit: Kpi['unit'] | undefined): number {
  return (unit === undefined ? undefined : TIME_UNIT_MS[unit]) ?? 1000;
}

function filterFields(filters: readonly Filter[] | undefined): string[] {
  return (filters ?? []).map((f) => f.field);
}

function customTicketParts(compute: Extract<Compute, { from: 'tickets' }>) {
  const fields = [...(compute.field ? [compute.field] : []), ...filterFields(compute.where), ...filterFields(compute.condition)];
  return { required: [...new Set(fields)] };
}

export function planEvaluation(policy: Policy): EvaluationPlan {
  const usage = new Map<string, { individual: boolean; team: boolean }>();
  for (const role of policy.roles) {
    for (const entry of role.kpis) {
      const u = usage.get(entry.kpi) ?? { individual: false, team: false };
      if (entry.scope === 'team') u.team = true;
      else u.individual = true;
      usage.set(entry.kpi, u);
    }
  }
  const measures: Measure[] = [];
  const mapped = mappedRoles(policy);
  // Response KPIs (placed by creation) credit the first responder, the others the resolver,
  // each only where the policy maps that person; else, as always, the assignee.
  const credit = (placedBy: PlacedBy, chosen: Credit | undefined): Credit =>
    chosen ?? (placedBy === 'created_at' ? (mapped.has('responder') ? 'responder' : 'assignee') : mapped.has('resolver') ? 'resolver' : 'assignee');
  for (const kpi of policy.kpis) {
    const u = usage.get(kpi.id);
    if (!u) continue;
    const base = { id: kpi.id, index: measures.length, minSamples: kpi.min_samples, individual: u.individual, team: u.team, credit: credit(kpi.placed_by ?? builtinKpi(kpi.id)?.placed_by ?? 'resolved_at', kpi.credit) };
    const builtin = builtinKpi(kpi.id);
    if (builtin) {
      const row = BUILTIN_KPIS[builtin.id];
      const placedBy = kpi.placed_by ?? row.placedBy;
      measures.push({
        ...base,
        source: 'builtin',
        kind: row.id,
        builtin: row,
        code: CONTRIBUTION[row.contribution],
        placedBy,
        // The timestamp the policy places the KPI by, not the table's default.
        required: [placedBy, ...row.requires.filter((f) => f !== placedBy)],
        optional: row.optional,
        ...slaLimit(slaOf(kpi), policy),
        sla: slaOf(kpi),
        unitMs: row.unit === 'minutes' ? MINUTE : HOUR,
      });
    } else if (kpi.compute?.from === 'metrics') {
      measures.push({ ...base, source: 'metrics', column: kpi.compute.column });
    } else if (kpi.compute?.from === 'tickets') {
      const placedBy = kpi.placed_by ?? 'resolved_at';
      const { required } = customTicketParts(kpi.compute);
      measures.push({
        ...base,
        source: 'tickets',
        unit: kpi.unit,
        aggregate: kpi.compute.aggregate,
        placedBy,
        field: kpi.compute.field,
        where: kpi.compute.where ?? [],
        condition: kpi.compute.condition ?? [],
        required: [placedBy, ...required.filter((f) => f !== placedBy)],
        optional: [],
      });
    }
  }
  // Events that vetoes and point items count over tickets: the scoring step needs them,
  // and only this pass over the tickets can count them.
  const events = [...policy.vetoes.map((v) => ({ id: `veto:${v.id}`, count: v.count })), ...policy.point_items.map((p) => ({ id: `points:${p.id}`, count: p.count }))];
  const metricsColumns = new Set<string>();
  for (const event of events) {
    if (event.count.from === 'metrics') {
      metricsColumns.add(event.count.column);
      continue;
    }
    measures.push({
      id: event.id,
      index: measures.length,
      minSamples: 1,
      individual: true,
      team: false,
      // The events of vetoes and point items (a complaint, praise) are the resolver's where mapped.
      credit: credit('resolved_at', undefined),
      source: 'tickets',
      unit: undefined,
      aggregate: 'count',
      placedBy: 'resolved_at',
      field: undefined,
      where: event.count.where,
      condition: [],
      required: ['resolved_at', ...new Set(filterFields(event.count.where))],
      optional: [],
    });
  }
  const kpiMetricsColumns = measures.filter((m): m is MetricsMeasure => m.source === 'metrics').map((m) => m.column);
  for (const c of kpiMetricsColumns) metricsColumns.add(c);
  return {
    measures,
    ticketMeasures: measures.filter((m): m is TicketMeasure => m.source !== 'metrics'),
    metricsColumns: [...metricsColumns],
    kpiMetricsColumns: [...new Set(kpiMetricsColumns)],
    anyTeamScope: measures.some((m) => m.team),
  };
}
