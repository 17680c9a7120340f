// The quantitative score: the weighted sum of a person's KPI scores. A KPI without enough
// data (`no_data` or `insufficient`) is never a silent zero: the policy either spreads its
// weight over the KPIs that have data (`redistribute`, each weight × 100 ÷ the weights
// present) or scores it at the neutral score (`neutral`), and each line says which. With
// `redistribute` and no KPI scored, there is no quantitative score at all; nor, in either
// mode, when no KPI has a single sample: the neutral score stands in for a KPI short of
// data, not for a person (or a month) without any — that would grade and pay someone on
// nothing but the policy's default. Nor when the KPIs scored from data weigh less than the
// policy's `min_scored_weight`: a grade on one KPI of five is not a fair grade. Pure.
//
// The arithmetic is fixed so that anyone can redo it from the report: contribution =
// score × weight ÷ 100, and the score is the sum of the contributions in the listed order.
import type { Evaluation, Scoring } from '../policy/policy.generated.js';
import type { KpiScope, KpiStatus } from '../evaluate/kpi-results.js';
import { scoreKpiValue, statedScoring, type KpiRule } from './score-kpi.js';

export interface KpiLine {
  readonly id: string;
  readonly scope: KpiScope;
  /** The KPI's weight in the person's role (the mean over the roles of someone with several). */
  readonly weight: number;
  readonly rule: KpiRule;
  /** 1 unless the target and floor were scaled to the period's length. */
  readonly targetScale: number;
  readonly value: number | null;
  readonly samples: number;
  readonly status: KpiStatus;
}

/** `value`: scored from its value; `neutral`: scored at the neutral score for want of data; `left_out`: its weight went to the others. */
export type ScoredAs = 'value' | 'neutral' | 'left_out';

export interface ScoredKpi {
  readonly id: string;
  readonly scope: KpiScope;
  readonly value: number | null;
  readonly samples: number;
  readonly status: KpiStatus;
  readonly target: number;
  readonly floor: number;
  readonly target_scale: number;
  /** The rule that turned the value into the score: method, cap, bands (bounds scaled like target and floor). */
  readonly scoring: Scoring;
  readonly score: number | null;
  readonly weight_nominal: number;
  readonly weight: number;
  readonly contribution: number;
  readonly scored_as: ScoredAs;
}

export interface QuantitativeResult {
  /**
   * null when no KPI could be scored: all short of data under `redistribute`, or no KPI with
   * any sample; or when the KPIs scored from data weigh less than `min_scored_weight`.
   */
  readonly score: number | null;
  readonly kpis: readonly ScoredKpi[];
  /** Set when the KPIs scored from data weigh less than the policy's minimum (nominal weights, %). */
  readonly tooLittleWeight?: { readonly scored: number; readonly min: number };
}

export function scoreQuantitative(lines: readonly KpiLine[], evaluation: Pick<Evaluation, 'missing_kpi' | 'neutral_score'> & Partial<Pick<Evaluation, 'min_scored_weight'>>): QuantitativeResult {
  const present = lines.filter((l) => l.status === 'ok' && l.value !== null);
  const anyData = lines.some((l) => l.samples > 0 || l.value !== null);
  const neutral = evaluation.missing_kpi === 'neutral' && anyData;
  const presentWeight = present.reduce((sum, l) => sum + l.weight, 0);
  const spread = !neutral && present.length < lines.length;
  const kpis: ScoredKpi[] = lines.map((line) => {
    const base = {
      id: line.id,
      scope: line.scope,
      value: line.value,
      samples: line.samples,
      status: line.status,
      target: line.rule.target,
      floor: line.rule.floor,
      target_scale: line.targetScale,
      scoring: statedScoring(line.rule.scoring),
      weight_nominal: line.weight,
    };
    if (line.status === 'ok' && line.value !== null) {
      const score = scoreKpiValue(line.value, line.rule);
      const weight = spread ? (line.weight * 100) / presentWeight : line.weight;
      return { ...base, score, weight, contribution: (score * weight) / 100, scored_as: 'value' };
    }
    if (neutral) {
      const score = evaluation.neutral_score;
      return { ...base, score, weight: line.weight, contribution: (score * line.weight) / 100, scored_as: 'neutral' };
    }
    return { ...base, score: null, weight: 0, contribution: 0, scored_as: 'left_out' };
  });
  if (!neutral && present.length === 0) return { score: null, kpis };
  // Too little of the weight scored from data: no score, rather than a grade on one KPI.
  const min = evaluation.min_scored_weight ?? 0;
  const total = lines.reduce((sum, l) => sum + l.weight, 0);
  const scored = total > 0 ? (presentWeight * 100) / total : 0;
  if (min > 0 && scored < min - 1e-9) return { score: null, kpis, tooLittleWeight: { scored, min } };
  let score = 0;
  for (const k of kpis) score += k.contribution;
  return { score, kpis };
}
