// Hand-made scored reports (report.json) for the dashboard's tests and benchmark: a period,
// people with their KPI values and scores, grades, points and vetoes, each report valid
// against schemas/report.schema.json (dashboard-reports.test.ts checks it). The figures
// inside a person follow the report's own arithmetic (contribution = score × weight ÷ 100,
// subtotal = KPI score × 60 % + rating × 40 %, total = max(0, subtotal + points)) so that a
// test reads them as aspm would have written them; what a test asserts it counts by hand.
import type { ReportKpi, ReportPerson, ScoredReport } from '../../src/scoring/scored-report.js';

export interface KpiDef {
  readonly id: string;
  readonly name: string;
  readonly unit: ReportKpi['unit'];
  readonly direction: ReportKpi['direction'];
  readonly target: number;
  readonly floor: number;
  readonly weight: number;
}

export const KPIS: readonly KpiDef[] = [
  { id: 'csat', name: '客户满意度', unit: 'percent', direction: 'higher', target: 95, floor: 80, weight: 60 },
  { id: 'resolution_hours', name: '平均解决时长', unit: 'hours', direction: 'lower', target: 24, floor: 48, weight: 40 },
];

export const BANDS = [
  { grade: 'S', label: '卓越', min: 90, max: 100 },
  { grade: 'A', label: '优秀', min: 80, max: 90 },
  { grade: 'B', label: '良好', min: 70, max: 80 },
  { grade: 'C', label: '合格', min: 60, max: 70 },
  { grade: 'D', label: '待改进', min: 0, max: 60 },
] as const;

export interface PersonSpec {
  readonly id: string;
  readonly name?: string;
  readonly role?: string;
  readonly team?: string;
  /** KPI id → value (null: no data; a KPI left out is not on the person's list). Default: both at target. */
  readonly kpis?: Readonly<Record<string, number | null>>;
  /** KPI ids scored on the team's tickets (a supervisor's). */
  readonly teamScope?: readonly string[];
  /** Rating score (null: no ratings). Default 80. */
  readonly rating?: number | null;
  readonly points?: readonly { readonly id: string; readonly name: string; readonly value: number }[];
  readonly veto?: { readonly name: string; readonly max_grade: string };
  /** Overrides the grade by bands (e.g. a forced distribution's). */
  readonly grade?: string;
  readonly distribution?: { readonly group_by: 'role' | 'team'; readonly group: string; readonly group_size: number; readonly applied: boolean };
  /** Not assessed: no KPI scored; the note says why (a code no catalogue knows, so the text stays as given). */
  readonly notAssessed?: string;
  /** Notes as aspm writes them: a code, its parameters and the text in the run's language. */
  readonly notes?: readonly { readonly code: string; readonly params: Readonly<Record<string, unknown>>; readonly message: string }[];
}

export interface ReportSpec {
  readonly period: string;
  readonly staff: readonly PersonSpec[];
  readonly company?: string;
  readonly title?: string;
  readonly language?: 'zh-CN' | 'en';
  readonly resultDate?: string;
  readonly forced?: { readonly group_by: 'role' | 'team'; readonly min_group_size: number; readonly shares: readonly { readonly grade: string; readonly percent: number }[] };
  readonly warnings?: readonly { readonly code: string; readonly file: string; readonly row: number | null; readonly column: string | null; readonly message: string }[];
  readonly warningsTotal?: number;
  /**
   * The department block as aspm writes it since reports carry one: KPI id → the
   * department's value (samples: 50 each; a KPI left out is not in the block). Unset: a
   * report written before, with no department, goals or roles.
   */
  readonly department?: Readonly<Record<string, number | null>>;
  readonly goals?: readonly { readonly description: string; readonly kpi: string | null; readonly target: number | null }[];
  readonly roles?: readonly { readonly id: string; readonly name: string }[];
}

/** The linear score of the policy's default rule, capped at 100. */
function linearScore(k: KpiDef, value: number): number {
  const share = (value - k.floor) / (k.target - k.floor);
  return Math.max(0, Math.min(100, share * 100));
}

function gradeOf(total: number): string {
  return BANDS.find((b) => total >= b.min)?.grade ?? 'D';
}

function periodBounds(id: string): { start: string; end: string; cycle: 'monthly' | 'quarterly' | 'annual' } {
  const month = /^(\d{4})-(\d{2})$/.exec(id);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    return { start: `${id}-01T00:00:00+08:00`, end: `${next}-01T00:00:00+08:00`, cycle: 'monthly' };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(id);
  if (quarter) {
    const y = Number(quarter[1]);
    const q = Number(quarter[2]);
    const first = `${y}-${String(q * 3 - 2).padStart(2, '0')}`;
    const next = q === 4 ? `${y + 1}-01` : `${y}-${String(q * 3 + 1).padStart(2, '0')}`;
    return { start: `${first}-01T00:00:00+08:00`, end: `${next}-01T00:00:00+08:00`, cycle: 'quarterly' };
  }
  return { start: `${id}-01-01T00:00:00+08:00`, end: `${Number(id) + 1}-01-01T00:00:00+08:00`, cycle: 'annual' };
}

function person(spec: PersonSpec): ReportPerson {
  const values = spec.kpis ?? { csat: 95, resolution_hours: 24 };
  const assessed = spec.notAssessed === undefined;
  const kpis: ReportKpi[] = KPIS.filter((k) => k.id in values).map((k) => {
    const value = values[k.id] ?? null;
    const ok = assessed && value !== null;
    const score = ok ? linearScore(k, value) : null;
    return {
      id: k.id,
      name: k.name,
      unit: k.unit,
      direction: k.direction,
      scope: spec.teamScope?.includes(k.id) ? 'team' : 'individual',
      value: assessed ? value : null,
      samples: ok ? 30 : 0,
      status: ok ? 'ok' : 'no_data',
      target: k.target,
      floor: k.floor,
      target_scale: 1,
      scoring: { method: 'linear', cap: 100 },
      weight_nominal: k.weight,
      score,
      weight: ok ? k.weight : 0,
      contribution: score === null ? 0 : (score * k.weight) / 100,
      scored_as: ok ? 'value' : 'left_out',
      excluded: [],
    };
  });
  const weight = kpis.reduce((s, k) => s + k.weight, 0);
  // Weights of KPIs without data are spread over the others (missing_kpi: redistribute).
  const spread = kpis.map((k) => (weight > 0 && k.score !== null ? { ...k, weight: (k.weight * 100) / weight, contribution: (k.score * k.weight) / weight } : k));
  const quantitative = assessed && weight > 0 ? spread.reduce((s, k) => s + k.contribution, 0) : null;
  const rating = assessed ? (spec.rating === undefined ? 80 : spec.rating) : null;
  const qShare = rating === null ? 100 : 60;
  const subtotal = quantitative === null ? null : (quantitative * qShare) / 100 + (rating === null ? 0 : (rating * (100 - qShare)) / 100);
  const points = spec.points ?? [];
  const pointsTotal = points.reduce((s, p) => s + p.value, 0);
  const total = subtotal === null ? null : Math.max(0, subtotal + pointsTotal);
  const rounded = total === null ? null : Math.round(total * 100) / 100;
  const byBands = rounded === null ? null : gradeOf(rounded);
  const given = spec.grade ?? byBands;
  // A veto caps the grade: the worse of the grade and the cap.
  const worse = (a: string | null, b: string | undefined) => (a === null || b === undefined ? a : BANDS.findIndex((x) => x.grade === b) > BANDS.findIndex((x) => x.grade === a) ? b : a);
  const grade = rounded === null ? null : worse(given, spec.veto?.max_grade);
  const band = BANDS.find((b) => b.grade === byBands);
  return {
    id: spec.id,
    name: spec.name ?? `Person ${spec.id}`,
    role: spec.role ?? 'agent',
    team: spec.team ?? 'T1',
    status: assessed ? 'assessed' : 'not_assessed',
    kpis: spread,
    quantitative: { score: quantitative, share_nominal: 60, share: qShare, method: 'period' },
    qualitative: { score: rating, share_nominal: 40, share: rating === null ? 0 : 100 - qShare, scale: { min: 1, max: 5 }, items: [], raters: [], ignored: [] },
    points: { total: pointsTotal, items: points.map((p) => ({ id: p.id, count: 1, points: p.value, cap: Math.abs(p.value) * 3, value: p.value, name: p.name })) },
    vetoes: spec.veto ? [{ id: 'veto', count: 1, at_least: 1, triggered: true, max_grade: spec.veto.max_grade, no_bonus: true, name: spec.veto.name }] : [],
    adjustments: [],
    subtotal,
    total,
    total_rounded: rounded,
    band: band && rounded !== null ? { grade: band.grade, min: band.min, max: band.max } : null,
    grade_by_bands: byBands,
    grade_cap: spec.veto?.max_grade ?? null,
    grade_distributed: spec.distribution?.applied ? (spec.grade ?? byBands) : null,
    grade,
    rank: null,
    rank_group: null,
    distribution: spec.distribution ? { ...spec.distribution, kept_published: false } : null,
    outcomes: { bonus: { paid: 'monthly', amount: null, reason: assessed ? 'not_paid_this_cycle' : 'not_assessed' }, actions: [] },
    appeal_deadline: '2026-12-31',
    notes: [...(spec.notAssessed === undefined ? [] : [{ code: 'test-not-assessed', params: {}, message: spec.notAssessed }]), ...(spec.notes ?? [])],
  } as ReportPerson;
}

function departmentKpis(values: Readonly<Record<string, number | null>>) {
  return KPIS.filter((k) => k.id in values).map((k) => {
    const value = values[k.id] ?? null;
    return { id: k.id, name: k.name, unit: k.unit, direction: k.direction, value, samples: value === null ? 0 : 50, status: value === null ? ('no_data' as const) : ('ok' as const), target: k.target, floor: k.floor };
  });
}

/** A scored report of `spec.period` holding `spec.staff`. */
export function makeReport(spec: ReportSpec): ScoredReport {
  const staff = spec.staff.map((p) => person(p));
  const grades: Record<string, number> = {};
  for (const b of BANDS) grades[b.grade] = 0;
  for (const p of staff) if (p.grade !== null) grades[p.grade] = (grades[p.grade] ?? 0) + 1;
  const bounds = periodBounds(spec.period);
  const warnings = (spec.warnings ?? []).map((w) => ({ ...w, value: null }));
  return {
    format_version: 1,
    tool: { name: 'aspm', version: '0.1.0' },
    policy: { path: 'policy.yaml', sha256: '0'.repeat(64), company: spec.company ?? '示例公司', title: spec.title ?? '售后服务绩效管理制度', revision: 'V1.0', language: spec.language ?? 'zh-CN', effective_date: '2020-01-01' },
    trial: false,
    period: { id: spec.period, start: bounds.start, end: bounds.end, cycle: bounds.cycle, months: [] },
    result_date: spec.resultDate ?? '2026-12-01',
    appeal: { deadline: '2026-12-31', calendar: 'mon_fri', holiday_data: null, file_within_days: 5, answer_within_days: 10, channel: 'HR', reviewers: ['HR'], escalation: null },
    scoring: { missing_kpi: 'redistribute', neutral_score: 60, min_scored_weight: 0, longer_cycles: null, total_decimals: 2, tie_break: ['total_rounded', 'quantitative', 'qualitative'] },
    grades: { bands: BANDS.map((b) => ({ ...b })), forced_distribution: spec.forced ? { ...spec.forced, shares: spec.forced.shares.map((s) => ({ ...s })) } : null },
    ...(spec.roles ? { roles: spec.roles.map((r) => ({ ...r })) } : {}),
    ...(spec.goals ? { goals: spec.goals.map((g) => ({ ...g })) } : {}),
    ...(spec.department ? { department: { kpis: departmentKpis(spec.department) } } : {}),
    inputs: [
      { kind: 'tickets', path: 'tickets.csv', sha256: '1'.repeat(64), rows: 100, used: 80, skipped: 5, outside_period: 15, not_counted: 0, format: 'csv', encoding: 'utf-8', columns: { ticket_id: ['工单号'] } },
      { kind: 'roster', path: 'roster.csv', sha256: '2'.repeat(64), rows: staff.length, used: staff.length, skipped: 0, format: 'csv', encoding: 'utf-8', columns: { staff_id: ['工号'] } },
    ],
    adjustments: [],
    history: [],
    staff,
    summary: { people: staff.length, assessed: staff.filter((p) => p.status === 'assessed').length, grades, bonus_total: null, warnings: spec.warningsTotal ?? warnings.length },
    notes: [],
    warnings,
  } as ScoredReport;
}

/**
 * `periods` monthly reports (from January 2025) of `people` people in ten teams, values
 * varying by person and month: the size the dashboard must handle (500 × 12).
 */
export function manyReports(people: number, periods: number): ScoredReport[] {
  const out: ScoredReport[] = [];
  for (let m = 0; m < periods; m++) {
    const period = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    const staff: PersonSpec[] = [];
    for (let i = 0; i < people; i++) {
      const wobble = ((i * 37 + m * 11) % 100) / 100;
      staff.push({
        id: `E${String(i + 1).padStart(4, '0')}`,
        name: `员工${i + 1}`,
        role: i % 5 === 0 ? 'technician' : 'agent',
        team: `班组${(i % 10) + 1}`,
        kpis: { csat: 80 + wobble * 20, resolution_hours: 16 + wobble * 30 },
        rating: 60 + ((i * 13 + m * 7) % 40),
        points: i % 7 === 0 ? [{ id: 'praise', name: '客户表扬', value: 2 }] : [],
      });
    }
    out.push(makeReport({ period, staff, resultDate: `${period}-28` }));
  }
  return out;
}
