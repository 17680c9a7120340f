// One KPI value → a score, by the rule its policy entry names: linear between floor (0) and
// target (100) with an optional cap for over-achievement, a banded table, or pass/fail.
// Also the target and floor that apply to a person: the role may override them, and a KPI
// that counts things (tickets resolved, a custom count or sum) states them per its own
// cycle, so over a longer or shorter period they are scaled by the period's length in
// cycles — a quarter's count against a monthly target would otherwise triple everyone's
// score. Pure.
import type { Cycle, Kpi, RoleKpi, Scoring } from '../policy/policy.generated.js';
import { BUILTIN_KPIS, isBuiltinKpiId } from '../evaluate/builtin-kpis.js';

export interface KpiRule {
  readonly direction: Kpi['direction'];
  readonly target: number;
  readonly floor: number;
  readonly scoring: Scoring;
}

/** The score of a value; never negative, at most the cap (100 without one). */
export function scoreKpiValue(value: number, rule: KpiRule): number {
  const { scoring, target, floor, direction } = rule;
  switch (scoring.method) {
    case 'pass_fail':
      return (direction === 'higher' ? value >= target : value <= target) ? 100 : 0;
    case 'bands': {
      for (const band of scoring.bands) {
        if ((band.min === undefined || value >= band.min) && (band.max === undefined || value < band.max)) return band.score;
      }
      return 0;
    }
    default: {
      // (value − floor) / (target − floor) is the share of the way from floor to target in
      // either direction: target − floor is negative when lower is better.
      const score = ((value - floor) / (target - floor)) * 100;
      const cap = scoring.cap ?? 100;
      if (!(score > 0)) return 0;
      return score > cap ? cap : score;
    }
  }
}

/** Whether a KPI's value is a total that grows with the length of the period. */
export function isPeriodTotal(kpi: Kpi): boolean {
  if (!kpi.compute && isBuiltinKpiId(kpi.id)) return BUILTIN_KPIS[kpi.id].value === 'count';
  return kpi.compute?.from === 'tickets' && (kpi.compute.aggregate === 'count' || kpi.compute.aggregate === 'sum');
}

const CYCLE_MONTHS: Readonly<Record<Cycle, number>> = { monthly: 1, quarterly: 3, annual: 12 };

export function cycleMonths(cycle: Cycle): number {
  return CYCLE_MONTHS[cycle];
}

/**
 * How many of the KPI's cycles the period spans: months / months per cycle; a range of
 * days counts its days against an average month (365.25 / 12 days).
 */
export function targetScale(kpi: Kpi, period: { readonly months: number }): number {
  if (!isPeriodTotal(kpi)) return 1;
  return period.months / cycleMonths(kpi.cycle);
}

export interface AppliedTargets {
  readonly target: number;
  readonly floor: number;
  /** 1 unless a period total was scaled to the period's length. */
  readonly scale: number;
}

export function appliedTargets(kpi: Kpi, entry: Pick<RoleKpi, 'target' | 'floor'> | undefined, period: { readonly months: number }): AppliedTargets {
  const scale = targetScale(kpi, period);
  const target = entry?.target ?? kpi.target;
  const floor = entry?.floor ?? kpi.floor;
  return scale === 1 ? { target, floor, scale } : { target: target * scale, floor: floor * scale, scale };
}

/**
 * A rule as the report states it, with nothing left to a default: a linear rule carries its
 * cap (100 when the policy names none), so that a score can be redone from the KPI line.
 */
export function statedScoring(scoring: Scoring): Scoring {
  return scoring.method === 'linear' ? { method: 'linear', cap: scoring.cap ?? 100 } : scoring;
}

/** A banded rule's bounds scaled like the target and floor (the bands are in the KPI's units). */
export function scaledScoring(scoring: Scoring, scale: number): Scoring {
  if (scale === 1 || scoring.method !== 'bands') return scoring;
  return {
    method: 'bands',
    bands: scoring.bands.map((b) => ({ ...b, ...(b.min === undefined ? {} : { min: b.min * scale }), ...(b.max === undefined ? {} : { max: b.max * scale }) })),
  };
}
