// How a person's total is built, step by step, for every output that draws it (the
// dashboard's waterfall, the notice's chart): one computation from the report's own figures,
// so two pictures of the same total cannot disagree. Pure.
import type { ReportKpi, ReportPerson } from './scored-report.js';

export interface TotalStep {
  readonly kind: 'kpi' | 'qualitative' | 'points' | 'floor';
  /** The KPI's or point item's name; empty for the qualitative part and the floor (the outputs name them). */
  readonly label: string;
  /** The KPI line, for a KPI's step. */
  readonly kpi?: ReportKpi;
  /** Points added to the total (negative: taken off). Not rounded. */
  readonly value: number;
}

/**
 * Each KPI's part of the total (its contribution to the quantitative score times the
 * quantitative share), the qualitative part (its score times its share), each bonus or
 * deduction item, and — when the total is held at 0 — the floor's step that holds it, in that
 * order: the steps add up to the total. Steps of 0 are kept (a KPI that gave nothing is still
 * a KPI of the person); an output that draws only what moved leaves them out.
 */
export function totalSteps(p: ReportPerson): TotalStep[] {
  const quantitativeShare = p.quantitative.score === null ? 0 : p.quantitative.share;
  const steps: TotalStep[] = p.kpis.map((k) => ({ kind: 'kpi', label: k.name, kpi: k, value: (k.contribution * quantitativeShare) / 100 }));
  if (p.qualitative.score !== null) steps.push({ kind: 'qualitative', label: '', value: (p.qualitative.score * p.qualitative.share) / 100 });
  for (const item of p.points.items) steps.push({ kind: 'points', label: item.name, value: item.value });
  // The total is never below 0: what the floor gave back is a step of its own, so the bars still add up.
  const unclamped = (p.subtotal ?? 0) + p.points.total;
  if (p.total !== null && unclamped < p.total) steps.push({ kind: 'floor', label: '', value: p.total - unclamped });
  return steps;
}
