// The figures of the Excel report's charts sheet, from the report the other sheets show:
// how many people got each grade against the forced-distribution quota, and each team's
// median of each KPI against the target. The sheet writes them into cells and its charts
// point at those cells, so a chart never shows a number the workbook does not hold. Pure.
import type { Policy } from '../policy/policy.generated.js';
import { quantile } from '../evaluate/kpi-results.js';
import { scoredValue, type ScoredReport } from '../scoring/scored-report.js';

export interface GradeRow {
  readonly grade: string;
  readonly label: string;
  /** People with this grade (the final grade, as the summary sheet shows it). */
  readonly count: number;
  /** Their part of everyone assessed (0–1). */
  readonly share: number;
  /** The forced distribution's quota for the grade (0–1); null without a forced distribution. */
  readonly quota: number | null;
}

export interface TeamKpiRow {
  /** The team's name; '' for people without a team. */
  readonly team: string;
  /** The median of the KPI's values of the team's people (in the report's unit: a percentage as 95.5). */
  readonly median: number;
  /** The target the team's people were scored against (their median, when it differs between roles). */
  readonly target: number;
  /** People with a value. */
  readonly people: number;
}

export interface TeamKpi {
  readonly id: string;
  readonly rows: readonly TeamKpiRow[];
}

/** Each grade band of the policy, best first, with its count, share and quota. */
export function gradeDistribution(report: ScoredReport): GradeRow[] {
  const assessed = report.staff.filter((p) => p.status === 'assessed' && p.grade !== null);
  const quotas = report.grades.forced_distribution?.shares;
  return report.grades.bands.map((band) => {
    const count = assessed.filter((p) => p.grade === band.grade).length;
    const quota = quotas ? (quotas.find((s) => s.grade === band.grade)?.percent ?? 0) / 100 : null;
    return { grade: band.grade, label: band.label, count, share: assessed.length === 0 ? 0 : count / assessed.length, quota };
  });
}

/** The middle value, or the mean of the two middle ones (the median of KPIs and of the dashboard). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * For each KPI of the policy that someone has a value of, each team's median and target,
 * teams in the order their first member appears in the report, the same for every KPI
 * (people without a team last). A team-scope KPI gives each member the
 * team's value, so its median is that value.
 */
export function teamKpiMedians(report: ScoredReport, policy: Policy): TeamKpi[] {
  const out: TeamKpi[] = [];
  // One order of teams for every KPI: where each team's first member stands in the report (the roster's order).
  const order = new Map<string, number>();
  report.staff.forEach((p, i) => order.has(p.team) || order.set(p.team, p.team === '' ? Infinity : i));
  for (const kpi of policy.kpis) {
    const byTeam = new Map<string, { values: number[]; targets: number[] }>();
    for (const person of report.staff) {
      for (const k of person.kpis) {
        // Scored values only, as the dashboard counts them: one below its minimum of samples is no team's result.
        if (k.id !== kpi.id || !scoredValue(k)) continue;
        const entry = byTeam.get(person.team) ?? { values: [], targets: [] };
        entry.values.push(k.value);
        entry.targets.push(k.target);
        byTeam.set(person.team, entry);
      }
    }
    if (byTeam.size === 0) continue;
    // Names like 一组/二组/三组 keep the roster's order, which code points would not.
    const teams = [...byTeam.keys()].sort((a, b) => order.get(a)! - order.get(b)!);
    out.push({ id: kpi.id, rows: teams.map((team) => ({ team, median: median(byTeam.get(team)!.values), target: median(byTeam.get(team)!.targets), people: byTeam.get(team)!.values.length })) });
  }
  return out;
}
