import { describe, expect, it } from 'vitest';
import { makeReport, manyReports, type PersonSpec } from '../../test/helpers/dashboard-reports.js';
import { reportSchemaErrors } from '../../test/helpers/report-schema.js';
import { dashboardData, spreadOf } from './dashboard-data.js';

const kpi = (data: ReturnType<typeof dashboardData>, id: string) => {
  const k = data.kpis.find((x) => x.id === id);
  if (!k) throw new Error(`no KPI ${id}`);
  return k;
};

describe('the hand-made reports of these tests', () => {
  it('are report.json as the schema says', () => {
    const reports = [
      ...manyReports(3, 2),
      makeReport({ period: '2026-Q3', staff: [{ id: 'E1', notAssessed: '无数据' }, { id: 'E2', points: [{ id: 'p', name: '表扬', value: 2 }], veto: { name: '投诉', max_grade: 'C' } }] }),
    ];
    for (const r of reports) expect(reportSchemaErrors(r)).toEqual([]);
  });
});

describe('spreadOf', () => {
  it('gives least, quartiles (interpolated between ranks), median and greatest', () => {
    // Sorted 60 90 91 92 93 94 95 96: Q1 at rank 1.75 → 90 + 0.75 × 1; median at 3.5 → 92.5; Q3 at 5.25 → 94.25.
    expect(spreadOf([96, 60, 90, 91, 92, 93, 94, 95])).toEqual({ n: 8, min: 60, q1: 90.75, median: 92.5, q3: 94.25, max: 96 });
    expect(spreadOf([7])).toEqual({ n: 1, min: 7, q1: 7, median: 7, q3: 7, max: 7 });
    expect(spreadOf([])).toBeNull();
  });
});

describe('dashboardData', () => {
  it('one person: the KPI values, the grade and the waterfall of the total from the report', () => {
    // csat 90 scores (90 − 80) ÷ 15 × 100 = 66.67 → contribution 40 of weight 60; 24 h scores 100 → 40.
    // KPI score 80 × 60 % = 48, rating 80 × 40 % = 32: subtotal and total 80, grade A.
    const data = dashboardData([makeReport({ period: '2026-09', staff: [{ id: 'E1', name: '张三', kpis: { csat: 90, resolution_hours: 24 } }] })]);
    expect(data.periods).toEqual(['2026-09']);
    expect(data.overview).toEqual([{ period: '2026-09', people: 1, assessed: 1, grades: [0, 1, 0, 0, 0], bonus_total: null, total_median: 80 }]);
    expect(kpi(data, 'csat')).toMatchObject({ basis: 'people', spread: { n: 1, median: 90 }, reached: 0, targets: [95], floors: [80] });
    expect(kpi(data, 'resolution_hours')).toMatchObject({ spread: { n: 1, median: 24 }, reached: 1, outliers: [] });
    const [p] = data.people;
    expect(p).toMatchObject({ anchor: 'p1', name: '张三', grade: 'A', total_rounded: 80 });
    const steps = p!.waterfall.map((s) => [s.kind, s.label, Number(s.from.toFixed(6)), Number(s.to.toFixed(6))]);
    expect(steps).toEqual([
      ['kpi', '客户满意度', 0, 24],
      ['kpi', '平均解决时长', 24, 48],
      ['qualitative', '', 48, 80],
      ['subtotal', '', 80, 80],
      ['total', '', 80, 80],
    ]);
    expect(data.grade_groups).toEqual([{ by: 'role', id: 'agent', size: 1, counts: [0, 1, 0, 0, 0], quotas: null }]);
  });

  it('an empty department and a team whose only member was not assessed', () => {
    const empty = dashboardData([makeReport({ period: '2026-09', staff: [] })]);
    expect(empty).toMatchObject({ people: [], kpis: [], grade_groups: [], teams: [] });
    expect(empty.overview[0]).toMatchObject({ people: 0, assessed: 0, grades: [0, 0, 0, 0, 0], total_median: null });

    const data = dashboardData([
      makeReport({
        period: '2026-09',
        staff: [
          { id: 'E1', team: '一组', kpis: { csat: 90 } },
          { id: 'E2', team: '二组', kpis: { csat: 85 }, notAssessed: '没有可计分的工单' },
        ],
      }),
    ]);
    expect(data.teams).toEqual(['一组', '二组']);
    expect(kpi(data, 'csat').teams).toEqual([
      { team: '一组', spread: { n: 1, min: 90, q1: 90, median: 90, q3: 90, max: 90 } },
      { team: '二组', spread: null },
    ]);
    expect(data.quality.not_assessed).toEqual([{ anchor: 'p2', id: 'E2', name: 'Person E2', role: 'agent', team: '二组', reasons: ['没有可计分的工单'] }]);
    expect(data.people[1]).toMatchObject({ status: 'not_assessed', grade: null, waterfall: [] });
    // E1: csat alone (weight 100) scores 66.67 → 66.67 × 60 % + 80 × 40 % = 72, B. E2 has no
    // grade, so is not counted in the role's grades.
    expect(data.grade_groups).toEqual([{ by: 'role', id: 'agent', size: 1, counts: [0, 0, 1, 0, 0], quotas: null }]);
  });

  it('a period with nobody assessed leaves a gap in every trend', () => {
    const people = (notAssessed?: string): PersonSpec[] => [
      { id: 'E1', kpis: { csat: 95, resolution_hours: 24 }, ...(notAssessed ? { notAssessed } : {}) },
      { id: 'E2', kpis: { csat: 85, resolution_hours: 36 }, ...(notAssessed ? { notAssessed } : {}) },
    ];
    const data = dashboardData([
      makeReport({ period: '2026-07', staff: people() }),
      makeReport({ period: '2026-08', staff: people('系统停机，无工单') }),
      makeReport({ period: '2026-09', staff: people() }),
    ]);
    expect(data.periods).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(data.overview.map((o) => o.assessed)).toEqual([2, 0, 2]);
    expect(data.overview[1]!.total_median).toBeNull();
    // The median of 95 and 85 is 90, of 24 and 36 is 30.
    expect(kpi(data, 'csat').trend).toEqual([
      { period: '2026-07', median: 90, n: 2 },
      { period: '2026-08', median: null, n: 0 },
      { period: '2026-09', median: 90, n: 2 },
    ]);
    expect(kpi(data, 'resolution_hours').trend.map((t) => t.median)).toEqual([30, null, 30]);
    // E1: csat and 24 h both score 100 → 100 × 60 % + 80 × 40 % = 92 (S).
    expect(data.people[0]!.history).toEqual([
      { period: '2026-07', grade: 'S', total: 92 },
      { period: '2026-08', grade: null, total: null },
      { period: '2026-09', grade: 'S', total: 92 },
    ]);
  });

  it('500 people: grade counts per role, medians and quartiles counted by hand', () => {
    // Grades by i mod 10: S A A B B B B C C D → S 50, A 100, B 200, C 100, D 50.
    // Technicians are i mod 5 = 0 (i mod 10 is 0 or 5): 50 S and 50 B; agents the other 400.
    const grades = ['S', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'D'];
    const staff: PersonSpec[] = Array.from({ length: 500 }, (_, i) => ({
      id: `E${i}`,
      role: i % 5 === 0 ? 'technician' : 'agent',
      team: `T${i % 4}`,
      grade: grades[i % 10]!,
      kpis: { csat: 80 + (i % 20), resolution_hours: 24 },
    }));
    const data = dashboardData([makeReport({ period: '2026-09', staff })]);
    expect(data.overview[0]!.grades).toEqual([50, 100, 200, 100, 50]);
    expect(data.grade_groups).toEqual([
      { by: 'role', id: 'technician', size: 100, counts: [50, 0, 50, 0, 0], quotas: null },
      { by: 'role', id: 'agent', size: 400, counts: [0, 100, 150, 100, 50], quotas: null },
    ]);
    // csat: 80…99, 25 people each. Sorted, ranks 249 and 250 (from 0) are 89 and 90 → median 89.5;
    // Q1 at rank 124.75 between 84 and 85 → 84.75; Q3 at 374.25 between 94 and 95 → 94.25.
    // At target (95 or more): 95…99, 5 × 25 = 125.
    expect(kpi(data, 'csat').spread).toEqual({ n: 500, min: 80, q1: 84.75, median: 89.5, q3: 94.25, max: 99 });
    expect(kpi(data, 'csat').reached).toBe(125);
    // Team T0 is i mod 4 = 0: i mod 20 ∈ {0, 4, 8, 12, 16} → 80 84 88 92 96, 25 each; median 88.
    expect(kpi(data, 'csat').teams.map((t) => [t.team, t.spread?.n, t.spread?.median])).toEqual([
      ['T0', 125, 88],
      ['T1', 125, 89],
      ['T2', 125, 90],
      ['T3', 125, 91],
    ]);
    expect(kpi(data, 'csat').outliers).toEqual([]);
    expect(data.people.map((p) => p.anchor).slice(0, 3)).toEqual(['p1', 'p2', 'p3']);
  });

  it("a quarter's page trends over its own months, then the quarter; a month of another quarter is left out", () => {
    const month = (period: string, csat: number) => makeReport({ period, resultDate: `${period}-28`, staff: [{ id: 'E1', kpis: { csat } }] });
    const quarter = makeReport({ period: '2025-Q3', resultDate: '2025-10-10', staff: [{ id: 'E1', kpis: { csat: 85 } }] });
    // The latest (the page's period) comes last; the earlier ones out of order: the trend is
    // sorted by when each period ends, a quarter after its last month.
    const data = dashboardData([month('2025-09', 88), month('2025-06', 70), month('2025-07', 82), month('2025-08', 84), quarter]);
    expect(data.periods).toEqual(['2025-07', '2025-08', '2025-09', '2025-Q3']);
    expect(data.left_out).toEqual([{ period: '2025-06', reason: 'other-cycle' }]);
    expect(kpi(data, 'csat').trend.map((t) => t.median)).toEqual([82, 84, 88, 85]);
    expect(data.period.id).toBe('2025-Q3');
  });

  it('12 periods: one trend point per period; reports of another policy or cycle and superseded re-runs are left out', () => {
    const months = Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`);
    const reports = months.map((period, m) => makeReport({ period, resultDate: `${period}-20`, staff: [{ id: 'E1', kpis: { csat: 80 + m } }, { id: 'E2', kpis: { csat: 90 } }] }));
    // A re-run of March after an appeal (later result date) replaces the first March report.
    const rerun = makeReport({ period: '2025-03', resultDate: '2025-04-02', staff: [{ id: 'E1', kpis: { csat: 70 } }, { id: 'E2', kpis: { csat: 90 } }] });
    const quarter = makeReport({ period: '2025-Q1', staff: [{ id: 'E1' }] });
    const other = makeReport({ period: '2025-06', title: '另一份制度', staff: [{ id: 'E1' }] });
    const data = dashboardData([...reports.slice(0, 3), rerun, quarter, other, ...reports.slice(3)]);
    expect(data.periods).toEqual(months);
    expect(data.left_out).toEqual([
      { period: '2025-03', reason: 'superseded' },
      { period: '2025-Q1', reason: 'other-cycle' },
      { period: '2025-06', reason: 'other-policy' },
    ]);
    // E1's csat is 80 + m; with E2's 90, the median is (80 + m + 90) ÷ 2; March is the re-run's (70 + 90) ÷ 2 = 80.
    const expected = months.map((_, m) => (m === 2 ? 80 : (80 + m + 90) / 2));
    expect(kpi(data, 'csat').trend.map((t) => t.median)).toEqual(expected);
    expect(data.people[0]!.history).toHaveLength(12);
    expect(data.period.id).toBe('2025-12');
  });

  it('forced distribution: the quotas of each group, none where the group was too small', () => {
    const shares = [
      { grade: 'S', percent: 10 },
      { grade: 'A', percent: 20 },
      { grade: 'B', percent: 40 },
      { grade: 'C', percent: 20 },
      { grade: 'D', percent: 10 },
    ];
    const order = ['S', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'D'];
    const staff: PersonSpec[] = [
      ...order.map((grade, i) => ({ id: `A${i}`, role: 'agent', grade, distribution: { group_by: 'role' as const, group: 'agent', group_size: 10, applied: true } })),
      ...['A', 'B', 'C'].map((grade, i) => ({ id: `T${i}`, role: 'technician', grade, distribution: { group_by: 'role' as const, group: 'technician', group_size: 3, applied: false } })),
    ];
    const data = dashboardData([makeReport({ period: '2026-09', staff, forced: { group_by: 'role', min_group_size: 5, shares } })]);
    // 10 people: S ⌊10 × 10 %⌋ = 1, A ⌊10 × 30 %⌋ − 1 = 2, D 1, C ⌊10 × 30 %⌋ − 1 = 2, B the rest 4.
    expect(data.grade_groups).toEqual([
      { by: 'role', id: 'agent', size: 10, counts: [1, 2, 4, 2, 1], quotas: [1, 2, 4, 2, 1] },
      { by: 'role', id: 'technician', size: 3, counts: [0, 1, 1, 1, 0], quotas: null },
    ]);
    expect(data.forced_distribution).toEqual({ group_by: 'role', min_group_size: 5, shares: [10, 20, 40, 20, 10] });
  });

  it('outliers beyond 1.5 interquartile ranges, and a KPI only team leaders carry counted once per team', () => {
    const values = [90, 91, 92, 93, 94, 95, 96, 60];
    const staff: PersonSpec[] = values.map((csat, i) => ({ id: `E${i}`, name: `人${i}`, team: i < 4 ? '一组' : '二组', kpis: { csat, resolution_hours: 24 } }));
    // Two leaders of 一组 (same team value) and one of 二组, on the team's tickets only.
    staff.push({ id: 'L1', team: '一组', role: 'supervisor', kpis: { resolution_hours: 20 }, teamScope: ['resolution_hours'] });
    staff.push({ id: 'L2', team: '一组', role: 'supervisor', kpis: { resolution_hours: 20 }, teamScope: ['resolution_hours'] });
    staff.push({ id: 'L3', team: '二组', role: 'supervisor', kpis: { resolution_hours: 30 }, teamScope: ['resolution_hours'] });
    const data = dashboardData([makeReport({ period: '2026-09', staff })]);
    // Q1 90.75, Q3 94.25 (see spreadOf): fences 85.5 and 99.5 — only 60 is outside.
    expect(kpi(data, 'csat').outliers).toEqual([{ person: data.people[7]!.key, value: 60 }]);
    expect(data.people[7]!.name).toBe('人7');
    // People's own values come first; the leaders' team values are not mixed in.
    expect(kpi(data, 'resolution_hours')).toMatchObject({ basis: 'people', spread: { n: 8, median: 24 } });

    const leadersOnly = dashboardData([makeReport({ period: '2026-09', staff: staff.slice(8) })]);
    expect(kpi(leadersOnly, 'resolution_hours')).toMatchObject({ basis: 'teams', values: [{ person: '一组', value: 20 }, { person: '二组', value: 30 }], spread: { n: 2, median: 25 } });
  });

  it('points, the floor at 0 and a veto in the waterfall', () => {
    // Both KPIs at their floors score 0; no ratings → the KPI score is the whole subtotal, 0.
    // A deduction of 5 would take it to −5; the total is held at 0.
    const data = dashboardData([
      makeReport({
        period: '2026-09',
        staff: [{ id: 'E1', kpis: { csat: 80, resolution_hours: 48 }, rating: null, points: [{ id: 'violation', name: '一般违规', value: -5 }], veto: { name: '重大投诉', max_grade: 'C' } }],
      }),
    ]);
    const p = data.people[0]!;
    expect(p.waterfall).toEqual([
      { kind: 'subtotal', label: '', from: 0, to: 0 },
      { kind: 'points', label: '一般违规', from: 0, to: -5 },
      { kind: 'floor', label: '', from: -5, to: 0 },
      { kind: 'total', label: '', from: 0, to: 0 },
    ]);
    expect(p.vetoes).toEqual([{ name: '重大投诉', max_grade: 'C' }]);
    expect(p).toMatchObject({ grade: 'D', grade_cap: 'C' });
  });

  it("says the report's notes in the page's language, and keeps the text of a note it does not know", () => {
    const report = makeReport({
      period: '2026-09',
      staff: [
        { id: 'E1', notes: [{ code: 'note-rater-below-minimum', params: { type: { $t: 'score-rater-peer' }, raters: 2, min: 3 }, message: '同事评价只有 2 人，少于匿名要求的 3 人，不予采用，其权重按比例分给其他评价人。' }] },
        { id: 'E2', notAssessed: 'a reason of a newer aspm' },
      ],
    });
    expect(dashboardData([report]).people[0]!.notes).toEqual(['同事评价只有 2 人，少于匿名要求的 3 人，不予采用，其权重按比例分给其他评价人。']);
    const en = dashboardData([report], { language: 'en' });
    expect(en.people[0]!.notes[0]).toMatch(/^Ratings by .+ came from 2 rater\(s\), fewer than the 3 that keep raters anonymous/);
    expect(en.quality.not_assessed[0]!.reasons).toEqual(['a reason of a newer aspm']);
  });

  it('counts warnings by code, most frequent first, and keeps the run total', () => {
    const w = (code: string, row: number) => ({ code, file: 'tickets.csv', row, column: '解决时间', message: `${code} at ${row}` });
    const data = dashboardData([makeReport({ period: '2026-09', staff: [{ id: 'E1' }], warnings: [w('bad-time', 3), w('no-staff', 4), w('bad-time', 9)], warningsTotal: 12000 })]);
    expect(data.quality.warnings).toEqual([
      { code: 'bad-time', count: 2, first: { file: 'tickets.csv', row: 3, column: '解决时间', message: 'bad-time at 3' } },
      { code: 'no-staff', count: 1, first: { file: 'tickets.csv', row: 4, column: '解决时间', message: 'no-staff at 4' } },
    ]);
    expect(data.quality).toMatchObject({ warnings_total: 12000, warnings_kept: 3 });
    expect(data.quality.inputs[0]).toEqual({ kind: 'tickets', path: 'tickets.csv', rows: 100, used: 80, skipped: 5, outside_period: 15, not_counted: 0, superseded: null, excluded: null });
  });
});

describe("the department's own values, the policy's goals and role names (report.json since reports carry them)", () => {
  // People's csat 90 and 95 (median 92.5), resolution hours 20 and 30 (median 25): the
  // department's values below differ from those medians, so a test that passes reads the block.
  const people: PersonSpec[] = [
    { id: 'E1', role: 'agent', kpis: { csat: 90, resolution_hours: 20 } },
    { id: 'L1', role: 'supervisor', kpis: { csat: 95, resolution_hours: 30 } },
  ];
  const goals = [
    { description: '客户满意度不低于 92%', kpi: 'csat', target: 92 },
    { description: '平均解决时长不超过 22 小时', kpi: 'resolution_hours', target: 22 },
    { description: '建立备件台账', kpi: null, target: null },
  ];
  const roles = [{ id: 'agent', name: '客服专员' }, { id: 'supervisor', name: '主管' }];
  const older = makeReport({ period: '2026-07', staff: people });
  const august = makeReport({ period: '2026-08', staff: people, department: { csat: 91, resolution_hours: 26 }, goals, roles });
  const september = makeReport({ period: '2026-09', staff: people, department: { csat: 93.5, resolution_hours: null }, goals, roles });

  it('are valid report.json, and reports without them still are', () => {
    for (const r of [older, august, september]) expect(reportSchemaErrors(r)).toEqual([]);
    expect('department' in older).toBe(false);
  });

  it('each KPI: the department value this period, the policy target, and the trend — the median of people, marked, for the report without the block', () => {
    const data = dashboardData([older, august, september]);
    expect(kpi(data, 'csat').department).toEqual({
      now: { value: 93.5, samples: 50, status: 'ok' },
      target: 95,
      floor: 80,
      trend: [
        { period: '2026-07', value: 92.5, of: 'median' },
        { period: '2026-08', value: 91, of: 'department' },
        { period: '2026-09', value: 93.5, of: 'department' },
      ],
    });
    // No tickets for resolution time in September: the department has no value, not the median.
    expect(kpi(data, 'resolution_hours').department.trend.map((p) => [p.value, p.of])).toEqual([
      [25, 'median'],
      [26, 'department'],
      [null, 'department'],
    ]);
    // The medians across people stay what they were.
    expect(kpi(data, 'csat').trend.map((p) => p.median)).toEqual([92.5, 92.5, 92.5]);
    expect(data.goals).toEqual([
      { description: '客户满意度不低于 92%', kpi: 'csat', target: 92 },
      { description: '平均解决时长不超过 22 小时', kpi: 'resolution_hours', target: 22 },
      { description: '建立备件台账' },
    ]);
    expect([...data.roles]).toEqual([
      ['agent', '客服专员'],
      ['supervisor', '主管'],
    ]);
  });

  it('a latest report without the block: medians throughout, goals from the options, role ids as they are', () => {
    const data = dashboardData([august, makeReport({ period: '2026-09', staff: people })], { goals: [{ description: '满意', kpi: 'csat', target: 90 }] });
    expect(kpi(data, 'csat').department).toEqual({
      now: null,
      target: null,
      floor: null,
      trend: [
        { period: '2026-08', value: 91, of: 'department' },
        { period: '2026-09', value: 92.5, of: 'median' },
      ],
    });
    expect(data.goals).toEqual([{ description: '满意', kpi: 'csat', target: 90 }]);
    expect(data.roles.size).toBe(0);
  });
});
