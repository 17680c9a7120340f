// What the dashboard shows, taken from scored reports (report.json) by a pure function: no
// I/O, no chart library, no HTML. Every figure is one a report holds (a person's value,
// score, contribution, total, grade; a summary's counts; an input's row counts) or a plain
// description of such figures (a median, quartiles, a count of people) — never a score
// computed again another way, so the dashboard cannot contradict the report, the workbook
// or a notice. The one rule borrowed is the forced distribution's quota per grade, taken
// from scoring's own `gradeQuotas` so that the quota shown is the quota applied.
import { hasMessage, translate } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { personKey } from '../evaluate/staff.js';
import type { InputSummaryKind } from '../evaluate/report.js';
import { cycleOfPeriodId } from '../scoring/cycles.js';
import { gradeQuotas } from '../scoring/forced-distribution.js';
import { totalSteps } from '../scoring/total-steps.js';
import { scoredValue, type ReportKpi, type ReportNote, type ReportPerson, type ScoredReport } from '../scoring/scored-report.js';
import { quantile } from '../evaluate/kpi-results.js';

/** Five numbers that describe values: least, lower quartile, median, upper quartile, greatest. */
export interface Spread {
  readonly n: number;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

export interface PeriodRef {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly cycle: string | null;
}

/** A report given to the dashboard that its trends leave out, and why. */
export interface LeftOutReport {
  readonly period: string;
  /**
   * `other-policy`: another company or title; `other-cycle`: months beside quarters (the
   * months inside the latest quarter are in its trend);
   * `superseded`: another report of the same period stands (this period's, or a later
   * result); `later-period`: after this period (the reports come oldest first).
   */
  readonly reason: 'other-policy' | 'other-cycle' | 'superseded' | 'later-period';
}

/** One period of the department's overview. */
export interface PeriodOverview {
  readonly period: string;
  readonly people: number;
  readonly assessed: number;
  /** Grade counts of the report's summary, in the order of the grade bands. */
  readonly grades: readonly number[];
  readonly bonus_total: number | null;
  /** The median of the assessed people's shown totals (null: nobody assessed). */
  readonly total_median: number | null;
}

export interface TeamSpread {
  readonly team: string;
  readonly spread: Spread | null;
}

export interface KpiPoint {
  readonly person: string;
  readonly value: number;
}

/** One KPI across the department. */
export interface DashboardKpi {
  readonly id: string;
  readonly name: string;
  readonly unit: ReportKpi['unit'];
  readonly direction: ReportKpi['direction'];
  /** The targets (floors) of the KPI lines this period, distinct, ascending: roles may set their own. */
  readonly targets: readonly number[];
  readonly floors: readonly number[];
  /**
   * Whose values are described: each person's own value (`people`), or, for a KPI that only
   * team leaders carry on their team's tickets, each team's value once (`teams`).
   */
  readonly basis: 'people' | 'teams';
  /** This period's values, by person key (or team name for `teams`). */
  readonly values: readonly KpiPoint[];
  readonly spread: Spread | null;
  /** How many values reached the line's own target. */
  readonly reached: number;
  readonly teams: readonly TeamSpread[];
  /** Values beyond 1.5 interquartile ranges of the quartiles (people basis only). */
  readonly outliers: readonly KpiPoint[];
  /** The median of each trend period (null: no value that period). */
  readonly trend: readonly { readonly period: string; readonly median: number | null; readonly n: number }[];
  /** The department's own value (report.json's `department`), this period and in each trend period. */
  readonly department: DepartmentTrend;
}

/** A department value as the report holds it: every ticket that counted for anyone, once. */
export interface DepartmentValue {
  readonly value: number | null;
  readonly samples: number;
  readonly status: ReportKpi['status'];
}

export interface DepartmentTrend {
  /** This period's (null: the report has no department value of the KPI — see `trend`). */
  readonly now: DepartmentValue | null;
  /** The KPI's target and floor as the policy has them (null: the report does not say). */
  readonly target: number | null;
  readonly floor: number | null;
  /**
   * Each trend period's department value; `of: 'median'` for a report written before reports
   * carried it (or a KPI it has none of): then `value` is the median across people, and the
   * page says so.
   */
  readonly trend: readonly { readonly period: string; readonly value: number | null; readonly of: 'department' | 'median' }[];
}

export interface GradeGroup {
  readonly by: 'role' | 'team';
  readonly id: string;
  /** People assessed in the group. */
  readonly size: number;
  /** Final grades, in band order. */
  readonly counts: readonly number[];
  /** The forced distribution's quota per grade (band order); null when none applies to the group. */
  readonly quotas: readonly number[] | null;
}

export interface WaterfallStep {
  readonly kind: 'kpi' | 'qualitative' | 'subtotal' | 'points' | 'floor' | 'total';
  /** A KPI or point item name; empty for the other kinds (the page names them). */
  readonly label: string;
  /** Level before and after the step (equal to each other for subtotal and total: a bar from 0). */
  readonly from: number;
  readonly to: number;
}

export interface PersonKpi {
  readonly id: string;
  readonly name: string;
  readonly unit: ReportKpi['unit'];
  readonly direction: ReportKpi['direction'];
  readonly scope: ReportKpi['scope'];
  readonly status: ReportKpi['status'];
  readonly value: number | null;
  readonly target: number;
  readonly floor: number;
  readonly score: number | null;
  readonly weight: number;
  readonly contribution: number;
}

export interface DashboardPerson {
  readonly key: string;
  /** The page anchor of the person's section (`p1`, `p2` … in report order): safe whatever the id. */
  readonly anchor: string;
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly team: string;
  readonly status: ReportPerson['status'];
  readonly total: number | null;
  readonly total_rounded: number | null;
  readonly grade: string | null;
  readonly grade_cap: string | null;
  readonly rank: number | null;
  readonly rank_group: ReportPerson['rank_group'];
  readonly kpis: readonly PersonKpi[];
  readonly waterfall: readonly WaterfallStep[];
  /** Triggered vetoes: name and the worst grade each allows. */
  readonly vetoes: readonly { readonly name: string; readonly max_grade: string | null }[];
  /** Grade and shown total in each trend period (null: not in that report, or not assessed). */
  readonly history: readonly { readonly period: string; readonly grade: string | null; readonly total: number | null }[];
  /** The report's notes on the person, in the page's language. */
  readonly notes: readonly string[];
}

export interface DataQuality {
  readonly inputs: readonly {
    readonly kind: InputSummaryKind;
    readonly path: string;
    readonly rows: number;
    readonly used: number;
    readonly skipped: number;
    readonly outside_period: number | null;
    readonly not_counted: number | null;
    readonly superseded: number | null;
    readonly excluded: number | null;
  }[];
  /** Kept warnings by code, most frequent first, each with its first occurrence. */
  readonly warnings: readonly { readonly code: string; readonly count: number; readonly first: { readonly file: string; readonly row: number | null; readonly column: string | null; readonly message: string } }[];
  /** Every warning the run had (the report keeps at most 10,000). */
  readonly warnings_total: number;
  readonly warnings_kept: number;
  readonly not_assessed: readonly { readonly anchor: string; readonly id: string; readonly name: string; readonly role: string; readonly team: string; readonly reasons: readonly string[] }[];
  readonly notes: readonly string[];
}

export interface DashboardData {
  readonly language: Language;
  readonly policy: { readonly company: string; readonly title: string; readonly revision: string };
  readonly period: PeriodRef;
  readonly trial: boolean;
  readonly result_date: string;
  /** The periods of the trends, oldest first; the last is this period. */
  readonly periods: readonly string[];
  readonly left_out: readonly LeftOutReport[];
  readonly bands: readonly { readonly grade: string; readonly label: string; readonly min: number; readonly max: number }[];
  /** The policy's goals: those given in the options, else the latest report's (none without either). */
  readonly goals: readonly DashboardGoal[];
  /** Role id → its name, from the latest report (empty for one written before reports carried them). */
  readonly roles: ReadonlyMap<string, string>;
  readonly forced_distribution: { readonly group_by: 'role' | 'team'; readonly min_group_size: number; readonly shares: readonly number[] } | null;
  readonly overview: readonly PeriodOverview[];
  readonly kpis: readonly DashboardKpi[];
  readonly grade_groups: readonly GradeGroup[];
  readonly teams: readonly string[];
  readonly people: readonly DashboardPerson[];
  readonly quality: DataQuality;
}

/** A goal of the policy's goals chapter (绩效目标), as the policy file has it. */
export interface DashboardGoal {
  readonly description: string;
  readonly kpi?: string;
  readonly target?: number;
}

export interface DashboardDataOptions {
  /** The page's language; default: that of the latest report's policy. */
  readonly language?: Language;
  /**
   * The policy's goals as its file has them now (`aspm dashboard --policy`, `evaluate
   * --html`): they win over those the latest report carries, which are shown otherwise. Each
   * is shown beside its KPI's department value, or the median across people where a report
   * has no department value.
   */
  readonly goals?: readonly DashboardGoal[];
}

/**
 * The dashboard of `reports` (oldest period first; the last is this period). The trends
 * use the reports of the latest report's policy and cycle, one per period (the one with
 * the latest result date); the others are listed in `left_out`.
 */
export function dashboardData(reports: readonly ScoredReport[], options: DashboardDataOptions = {}): DashboardData {
  const latest = reports[reports.length - 1];
  if (!latest) throw new RangeError('dashboardData needs at least one report');
  const { trend, left_out } = trendReports(reports, latest);
  const bands = latest.grades.bands.map((b) => ({ grade: b.grade, label: b.label, min: b.min, max: b.max }));
  const fd = latest.grades.forced_distribution;
  const shares = fd ? bands.map((b) => fd.shares.find((s) => s.grade === b.grade)?.percent ?? 0) : null;
  const periods = trend.map((r) => r.period.id);
  const anchors = new Map<string, string>();
  latest.staff.forEach((p, i) => anchors.set(personKey(p), `p${i + 1}`));
  // Each period's people by key, found once: a lookup per person and period would be 500 × 500 × 12.
  const byKey = trend.map((r) => ({ period: r.period.id, staff: new Map(r.staff.map((s) => [personKey(s), s])) }));
  const language = options.language ?? latest.policy.language;
  const say = (n: ReportNote) => noteText(language, n);
  const people = latest.staff.map((p, i) => personData(p, `p${i + 1}`, byKey, say));
  return {
    language,
    policy: { company: latest.policy.company, title: latest.policy.title, revision: latest.policy.revision },
    period: { id: latest.period.id, start: latest.period.start, end: latest.period.end, cycle: latest.period.cycle },
    trial: latest.trial,
    result_date: latest.result_date,
    periods,
    left_out,
    bands,
    goals: options.goals ?? (latest.goals ?? []).map((g) => ({ description: g.description, ...(g.kpi !== null ? { kpi: g.kpi } : {}), ...(g.target !== null ? { target: g.target } : {}) })),
    roles: new Map((latest.roles ?? []).map((r) => [r.id, r.name])),
    forced_distribution: fd && shares ? { group_by: fd.group_by, min_group_size: fd.min_group_size, shares } : null,
    overview: trend.map((r) => overviewOf(r, bands.map((b) => b.grade))),
    kpis: kpisOf(latest, trend),
    grade_groups: gradeGroups(latest, bands.map((b) => b.grade), shares),
    teams: teamsOf(latest),
    people,
    quality: qualityOf(latest, anchors, say),
  };
}

/** The reports the trends read, oldest first, and those left out. */
export function trendReports(reports: readonly ScoredReport[], latest: ScoredReport): { trend: ScoredReport[]; left_out: LeftOutReport[] } {
  const left_out: LeftOutReport[] = [];
  const cycle = cycleOfPeriodId(latest.period.id);
  const byPeriod = new Map<string, ScoredReport>([[latest.period.id, latest]]);
  for (const r of reports) {
    if (r === latest) continue;
    let reason: LeftOutReport['reason'] | undefined;
    if (r.policy.company !== latest.policy.company || r.policy.title !== latest.policy.title) reason = 'other-policy';
    else if (cycleOfPeriodId(r.period.id) !== cycle && !within(r, latest)) reason = 'other-cycle';
    else if (Date.parse(r.period.end) > Date.parse(latest.period.end)) reason = 'later-period';
    else {
      // This period is the latest report's; of an earlier period, the later result stands (a re-run after an appeal).
      const known = byPeriod.get(r.period.id);
      if (known === undefined) byPeriod.set(r.period.id, r);
      else if (known !== latest && r.result_date >= known.result_date) {
        byPeriod.set(r.period.id, r);
        left_out.push({ period: known.period.id, reason: 'superseded' });
      } else reason = 'superseded';
    }
    if (reason) left_out.push({ period: r.period.id, reason });
  }
  // In time: by the end of the period, and of two ending together (September and the third
  // quarter) the longer last, so that a quarter follows its months.
  const trend = [...byPeriod.values()].sort((a, b) => Date.parse(a.period.end) - Date.parse(b.period.end) || Date.parse(b.period.start) - Date.parse(a.period.start));
  return { trend, left_out };
}

/**
 * A shorter period inside the latest one (a month of the quarter): the steps that led to it,
 * so a quarter's page trends over its months, and a year's over its quarters or months.
 */
function within(r: ScoredReport, latest: ScoredReport): boolean {
  const start = Date.parse(r.period.start);
  const end = Date.parse(r.period.end);
  return start >= Date.parse(latest.period.start) && end <= Date.parse(latest.period.end) && end - start < Date.parse(latest.period.end) - Date.parse(latest.period.start);
}

/** Quartiles by linear interpolation between the closest ranks (the spreadsheet QUARTILE.INC). */
export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  // The quantile of the p50/p90 KPIs (Excel's PERCENTILE.INC), so the page's medians are the Excel report's.
  const at = (p: number) => quantile(values, p);
  return { n: values.length, min: Math.min(...values), q1: at(0.25), median: at(0.5), q3: at(0.75), max: Math.max(...values) };
}

function overviewOf(r: ScoredReport, grades: readonly string[]): PeriodOverview {
  const totals = r.staff.flatMap((p) => (p.status === 'assessed' && p.total_rounded !== null ? [p.total_rounded] : []));
  return {
    period: r.period.id,
    people: r.summary.people,
    assessed: r.summary.assessed,
    grades: grades.map((g) => r.summary.grades[g] ?? 0),
    bonus_total: r.summary.bonus_total,
    total_median: spreadOf(totals)?.median ?? null,
  };
}

/** A KPI's values in one report: each person's own, or each team's once when only team lines exist. */
function kpiValues(r: ScoredReport, id: string): { basis: 'people' | 'teams'; points: (KpiPoint & { team: string; target: number; direction: ReportKpi['direction'] })[] } {
  const own: (KpiPoint & { team: string; target: number; direction: ReportKpi['direction'] })[] = [];
  const byTeam = new Map<string, KpiPoint & { team: string; target: number; direction: ReportKpi['direction'] }>();
  for (const p of r.staff) {
    const line = p.kpis.find((k) => k.id === id);
    if (!line || !scoredValue(line)) continue;
    const point = { person: personKey(p), value: line.value, team: p.team, target: line.target, direction: line.direction };
    if (line.scope === 'team') {
      if (!byTeam.has(p.team)) byTeam.set(p.team, { ...point, person: p.team });
    } else own.push(point);
  }
  return own.length > 0 || byTeam.size === 0 ? { basis: 'people', points: own } : { basis: 'teams', points: [...byTeam.values()] };
}

function kpisOf(latest: ScoredReport, trend: readonly ScoredReport[]): DashboardKpi[] {
  const seen = new Map<string, ReportKpi>();
  for (const p of latest.staff) for (const k of p.kpis) if (!seen.has(k.id)) seen.set(k.id, k);
  const teams = teamsOf(latest);
  return [...seen.values()].map((k) => {
    const lines = latest.staff.flatMap((p) => p.kpis.filter((l) => l.id === k.id));
    const { basis, points } = kpiValues(latest, k.id);
    const spread = spreadOf(points.map((p) => p.value));
    const reached = points.filter((p) => (p.direction === 'higher' ? p.value >= p.target : p.value <= p.target)).length;
    const fence = spread ? 1.5 * (spread.q3 - spread.q1) : 0;
    const outliers = basis === 'people' && spread && points.length >= 4 ? points.filter((p) => p.value < spread.q1 - fence || p.value > spread.q3 + fence) : [];
    return {
      id: k.id,
      name: k.name,
      unit: k.unit,
      direction: k.direction,
      targets: distinct(lines.map((l) => l.target)),
      floors: distinct(lines.map((l) => l.floor)),
      basis,
      values: points.map((p) => ({ person: p.person, value: p.value })),
      spread,
      reached,
      teams: teams.map((team) => ({ team, spread: spreadOf(points.filter((p) => p.team === team).map((p) => p.value)) })),
      outliers: outliers.map((p) => ({ person: p.person, value: p.value })),
      trend: trend.map((r) => {
        const s = spreadOf(kpiValues(r, k.id).points.map((p) => p.value));
        return { period: r.period.id, median: s?.median ?? null, n: s?.n ?? 0 };
      }),
      department: departmentTrend(latest, trend, k.id),
    };
  });
}

/** A KPI's department value in each report that has one; the median across people in those without. */
function departmentTrend(latest: ScoredReport, trend: readonly ScoredReport[], id: string): DepartmentTrend {
  const now = latest.department?.kpis.find((d) => d.id === id);
  return {
    now: now ? { value: now.value, samples: now.samples, status: now.status } : null,
    target: now?.target ?? null,
    floor: now?.floor ?? null,
    trend: trend.map((r) => {
      const d = r.department?.kpis.find((x) => x.id === id);
      if (d) return { period: r.period.id, value: d.value, of: 'department' as const };
      return { period: r.period.id, value: spreadOf(kpiValues(r, id).points.map((p) => p.value))?.median ?? null, of: 'median' as const };
    }),
  };
}

function distinct(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** Teams in order of first appearance in the report (roster order). */
function teamsOf(r: ScoredReport): string[] {
  return [...new Set(r.staff.map((p) => p.team))];
}

/**
 * Final grades per forced-distribution group (with its quotas) when the policy has one,
 * else per role (no quotas). Not-assessed people have no grade and are not counted.
 */
function gradeGroups(r: ScoredReport, grades: readonly string[], shares: readonly number[] | null): GradeGroup[] {
  const groups = new Map<string, { by: 'role' | 'team'; id: string; size: number; counts: number[]; applied: boolean; groupSize: number }>();
  for (const p of r.staff) {
    if (p.status !== 'assessed' || p.grade === null) continue;
    const by = p.distribution?.group_by ?? 'role';
    const id = p.distribution?.group ?? p.role;
    const key = `${by}\u0000${id}`;
    let g = groups.get(key);
    if (!g) {
      g = { by, id, size: 0, counts: grades.map(() => 0), applied: p.distribution?.applied ?? false, groupSize: p.distribution?.group_size ?? 0 };
      groups.set(key, g);
    }
    g.size++;
    const i = grades.indexOf(p.grade);
    if (i >= 0) g.counts[i]!++;
  }
  return [...groups.values()].map((g) => ({ by: g.by, id: g.id, size: g.size, counts: g.counts, quotas: shares && g.applied ? gradeQuotas(g.groupSize, shares) : null }));
}

/**
 * A note in the page's language: the report keeps each note's code and parameters beside
 * the text of the run's language, so a page in the other language says it in its own. A
 * note of a newer aspm, whose code this one does not know, keeps the report's text.
 */
function noteText(language: Language, note: ReportNote): string {
  return hasMessage(note.code) ? translate(language, note.code, note.params) : note.message;
}

function personData(p: ReportPerson, anchor: string, trend: readonly { readonly period: string; readonly staff: ReadonlyMap<string, ReportPerson> }[], say: (n: ReportNote) => string): DashboardPerson {
  const key = personKey(p);
  return {
    key,
    anchor,
    id: p.id,
    name: p.name,
    role: p.role,
    team: p.team,
    status: p.status,
    total: p.total,
    total_rounded: p.total_rounded,
    grade: p.grade,
    grade_cap: p.grade_cap,
    rank: p.rank,
    rank_group: p.rank_group,
    kpis: p.kpis.map((k) => ({ id: k.id, name: k.name, unit: k.unit, direction: k.direction, scope: k.scope, status: k.status, value: k.value, target: k.target, floor: k.floor, score: k.score, weight: k.weight, contribution: k.contribution })),
    waterfall: p.status === 'assessed' ? waterfallOf(p) : [],
    vetoes: p.vetoes.filter((v) => v.triggered).map((v) => ({ name: v.name, max_grade: v.max_grade ?? null })),
    history: trend.map((r) => {
      const then = r.staff.get(key);
      return { period: r.period, grade: then?.status === 'assessed' ? then.grade : null, total: then?.status === 'assessed' ? then.total_rounded : null };
    }),
    notes: p.notes.map(say),
  };
}

/**
 * How the total was built, from the person's own figures: each KPI's contribution and the
 * qualitative score, each weighted by its share of the total (the report's subtotal formula),
 * the subtotal as the report has it, each bonus or deduction item, the floor at 0 when the
 * points take the sum below it, and the report's total.
 */
export function waterfallOf(p: ReportPerson): WaterfallStep[] {
  const steps: WaterfallStep[] = [];
  let level = 0;
  let subtotalShown = false;
  // The steps of the notice's chart too (scoring/total-steps.ts); here only those that moved, with the subtotal before the points.
  for (const s of totalSteps(p)) {
    if ((s.kind === 'points' || s.kind === 'floor') && !subtotalShown) {
      level = p.subtotal ?? level;
      steps.push({ kind: 'subtotal', label: '', from: level, to: level });
      subtotalShown = true;
    }
    if (s.value === 0) continue;
    steps.push({ kind: s.kind, label: s.label, from: level, to: level + s.value });
    level += s.value;
  }
  if (!subtotalShown) {
    level = p.subtotal ?? level;
    steps.push({ kind: 'subtotal', label: '', from: level, to: level });
  }
  const total = p.total ?? level;
  steps.push({ kind: 'total', label: '', from: total, to: total });
  return steps;
}

function qualityOf(r: ScoredReport, anchors: ReadonlyMap<string, string>, say: (n: ReportNote) => string): DataQuality {
  const byCode = new Map<string, { code: string; count: number; first: DataQuality['warnings'][number]['first'] }>();
  for (const w of r.warnings) {
    const known = byCode.get(w.code);
    if (known) known.count++;
    else byCode.set(w.code, { code: w.code, count: 1, first: { file: w.file, row: w.row, column: w.column, message: w.message } });
  }
  return {
    inputs: r.inputs.map((i) => ({
      kind: i.kind,
      path: i.path,
      rows: i.rows,
      used: i.used,
      skipped: i.skipped,
      outside_period: i.outside_period ?? null,
      not_counted: i.not_counted ?? null,
      superseded: i.superseded ?? null,
      excluded: i.excluded ?? null,
    })),
    warnings: [...byCode.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    warnings_total: r.summary.warnings,
    warnings_kept: r.warnings.length,
    not_assessed: r.staff
      .filter((p) => p.status === 'not_assessed')
      .map((p) => ({ anchor: anchors.get(personKey(p)) ?? '', id: p.id, name: p.name, role: p.role, team: p.team, reasons: p.notes.map(say) })),
    notes: r.notes.map(say),
  };
}
