// From running totals to KPI values per person: the formula of each KPI, the status that
// says whether there was enough data (`ok`, `no_data`, `insufficient`), team scope, and the
// event counts that vetoes and point items will need. Values are never rounded. Pure.
import type { Policy } from '../policy/policy.generated.js';
import type { EvaluationPlan, Measure, MetricsMeasure, TicketMeasure } from './kpi-plan.js';
import type { StaffDirectory, StaffMember } from './staff.js';
import type { KpiTotals } from './ticket-totals.js';

export type KpiStatus = 'ok' | 'no_data' | 'insufficient';
export type KpiScope = 'individual' | 'team';

export interface KpiResult {
  readonly id: string;
  readonly scope: KpiScope;
  /** null when there is no sample. */
  readonly value: number | null;
  readonly samples: number;
  readonly status: KpiStatus;
}

export interface EventCount {
  /** `veto:<id>` or `points:<id>`. */
  readonly id: string;
  readonly value: number | null;
}

export interface StaffResult {
  readonly member: StaffMember;
  readonly kpis: readonly KpiResult[];
  readonly events: readonly EventCount[];
}

/**
 * The p-quantile as Excel's PERCENTILE.INC (linear between closest ranks), so that a
 * manager can check it in a spreadsheet; p = 0.5 is the usual median.
 */
export function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  return lo === hi ? a : a + (h - lo) * (sorted[hi]! - a);
}

/**
 * Whether a KPI counts or adds up over the tickets (tickets resolved, a custom count or sum):
 * over tickets none of which matched it, it is 0, not missing.
 */
export function isTally(measure: TicketMeasure): boolean {
  return measure.source === 'builtin' ? measure.builtin.value === 'count' : measure.aggregate === 'count' || measure.aggregate === 'sum';
}

/**
 * Whether a count or sum over no sample is 0: the person has tickets in the period, none of
 * them one it counts or adds up. A sum whose tickets all left their value blank is not 0 but
 * missing data: a blank cost is not a cost of nothing.
 */
function tallyOfNothing(measure: TicketMeasure, totals: KpiTotals): boolean {
  return isTally(measure) && (totals.tickets ?? 0) > 0 && totals.valueMissing !== true;
}

/**
 * The value of a ticket KPI from its totals, or null without samples — except a count or sum
 * over someone who has tickets in the period, which is 0 (doing none of the work is not
 * "no data", whose weight would go to the other KPIs) unless a sum's tickets left every value
 * blank. A median or p90 is over the values of the tickets that credit the person, each once,
 * whatever their share.
 */
export function ticketKpiValue(measure: TicketMeasure, totals: KpiTotals, policy: Policy): number | null {
  const { samples, sum } = totals;
  if (samples === 0) return tallyOfNothing(measure, totals) ? 0 : null;
  // Shared tickets count by their share: a count is the sum of shares, a mean or a rate the
  // weighted sum over the sum of shares (`sum` is weighted already).
  const n = totals.weight ?? samples;
  if (measure.source === 'builtin') {
    switch (measure.builtin.value) {
      case 'mean_duration':
        return sum / (n * measure.unitMs);
      case 'mean':
        return sum / n;
      case 'count':
        return n;
      case 'satisfaction': {
        const s = policy.evaluation.satisfaction;
        return s.method === 'mean' ? ((sum / n - s.scale_min) / (s.scale_max - s.scale_min)) * 100 : (sum * 100) / n;
      }
      case 'percent':
        return (sum * 100) / n;
    }
  }
  switch (measure.aggregate) {
    case 'count':
      return n;
    case 'sum':
      return sum;
    case 'mean':
      return sum / n;
    case 'rate':
      return (sum * 100) / n;
    case 'median':
      return quantile(totals.values ?? [], 0.5);
    case 'p90':
      return quantile(totals.values ?? [], 0.9);
  }
}

export function statusOf(samples: number, minSamples: number): KpiStatus {
  return samples === 0 ? 'no_data' : samples < minSamples ? 'insufficient' : 'ok';
}

/**
 * The status of a ticket KPI. A count or sum is a total, not an estimate from a sample:
 * it is `ok` whenever the person (team) has tickets in the period, and `no_data` only when
 * they have none at all, or a sum found nothing but blank values.
 */
export function ticketKpiStatus(measure: TicketMeasure, totals: KpiTotals): KpiStatus {
  if (isTally(measure) && totals.tickets !== undefined) return tallyOfNothing(measure, totals) || totals.samples > 0 ? 'ok' : 'no_data';
  return statusOf(totals.samples, measure.minSamples);
}

export interface TotalsSource {
  staffTotalsOf(person: number, i: number, slot?: number): KpiTotals;
  teamTotalsOf(team: string, i: number, slot?: number): KpiTotals | undefined;
  departmentTotalsOf(i: number, slot?: number): KpiTotals;
}

/** A KPI of the whole department: over every ticket that counted for anyone, each once. */
export type DepartmentKpi = Omit<KpiResult, 'scope'>;

/**
 * The department's value of each ticket KPI of the policy, in the policy's order, formed as
 * a person's is (ticketKpiValue) from the department's totals: a rate is over all its
 * tickets, not a mean of people's rates. KPIs read from the metrics file have no department
 * value (a figure per person does not add up to one), and are left out.
 */
export function assembleDepartment(input: Pick<AssembleInput, 'policy' | 'plan' | 'tickets' | 'slot'>): DepartmentKpi[] {
  const { policy, plan } = input;
  const ticketIndex = new Map<string, number>(plan.ticketMeasures.map((m, i) => [m.id, i]));
  const kpis: DepartmentKpi[] = [];
  for (const kpi of policy.kpis) {
    const i = ticketIndex.get(kpi.id);
    if (i === undefined) continue;
    const measure = plan.ticketMeasures[i]!;
    const totals = input.tickets.departmentTotalsOf(i, input.slot ?? 0);
    kpis.push({ id: kpi.id, value: ticketKpiValue(measure, totals, policy), samples: totals.samples, status: ticketKpiStatus(measure, totals) });
  }
  return kpis;
}

export interface AssembleInput {
  readonly policy: Policy;
  readonly plan: EvaluationPlan;
  readonly staff: StaffDirectory;
  readonly tickets: TotalsSource;
  readonly metrics: ReadonlyMap<number, ReadonlyMap<string, number | null>>;
  /** 0: the whole period; s + 1: slice s of it (a month of an averaged quarter). */
  readonly slot?: number;
}

const NO_TOTALS = { samples: 0, sum: 0, values: undefined, tickets: 0 };

/** KPI results per person, in roster order; each person's KPIs in the order their roles list them. */
export function assembleStaffResults(input: AssembleInput): StaffResult[] {
  const { policy, plan } = input;
  const ticketIndex = new Map<string, number>(plan.ticketMeasures.map((m, i) => [m.id, i]));
  const byId = new Map<string, Measure>(plan.measures.map((m) => [m.id, m]));
  return input.staff.members.map((member) => {
    const kpis: KpiResult[] = [];
    const seen = new Set<string>();
    for (const roleId of member.roles) {
      const role = policy.roles.find((r) => r.id === roleId);
      for (const entry of role?.kpis ?? []) {
        const key = `${entry.kpi}:${entry.scope}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const measure = byId.get(entry.kpi);
        if (!measure) continue;
        let value: number | null;
        let samples: number;
        let status: KpiStatus;
        if (measure.source === 'metrics') {
          value = metricsValue(input.metrics, member.index, measure);
          samples = value === null ? 0 : 1;
          status = statusOf(samples, measure.minSamples);
        } else {
          const i = ticketIndex.get(measure.id)!;
          const slot = input.slot ?? 0;
          const totals = entry.scope === 'team' ? (input.tickets.teamTotalsOf(member.team, i, slot) ?? NO_TOTALS) : input.tickets.staffTotalsOf(member.index, i, slot);
          value = ticketKpiValue(measure, totals, policy);
          samples = totals.samples;
          status = ticketKpiStatus(measure, totals);
        }
        kpis.push({ id: entry.kpi, scope: entry.scope, value, samples, status });
      }
    }
    const events: EventCount[] = [];
    for (const veto of policy.vetoes) events.push(eventCount(`veto:${veto.id}`, veto.count, member.index, input));
    for (const item of policy.point_items) events.push(eventCount(`points:${item.id}`, item.count, member.index, input));
    return { member, kpis, events };
  });
}

function metricsValue(metrics: AssembleInput['metrics'], person: number, measure: MetricsMeasure): number | null {
  return metrics.get(person)?.get(measure.column) ?? null;
}

function eventCount(id: string, count: Policy['vetoes'][number]['count'], person: number, input: AssembleInput): EventCount {
  if (count.from === 'metrics') return { id, value: input.metrics.get(person)?.get(count.column) ?? null };
  const i = input.plan.ticketMeasures.findIndex((m) => m.id === id);
  return { id, value: i === -1 ? null : input.tickets.staffTotalsOf(person, i).samples };
}
