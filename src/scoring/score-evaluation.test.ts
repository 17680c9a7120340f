// The whole scoring step on hand-made KPI values: totals, grades, vetoes, points, forced
// distribution within groups, rules over consecutive periods with history, bonuses, the
// appeal deadline on the Chinese working calendar, monthly averages, and the notes that
// explain each departure from the plain rule.
import { describe, expect, it } from 'vitest';
import { makeEvaluation, presetPolicy, type PersonInput, type RatingInput } from '../../test/helpers/scoring-fixtures.js';
import { personKey } from '../evaluate/staff.js';
import type { Policy } from '../policy/policy.generated.js';
import { parseAdjustmentsBytes } from './adjustments.js';
import { parseHistoryReport, type HistoryReport } from './history.js';
import { buildNoticeView } from '../report/notice-view.js';
import type { ReportPerson } from './scored-report.js';
import { scoreEvaluation, type ScoreEvaluationInput } from './score-evaluation.js';

const medium = presetPolicy('medium.zh-CN');

/** Agent KPI values that score `s` on every KPI (0–100, linear between floor and target). */
function agentAt(s: number): Record<string, number> {
  const f = s / 100;
  return {
    response_sla_rate: 80 + 15 * f,
    first_response_minutes: 120 - 90 * f,
    csat: 80 + 15 * f,
    tickets_resolved: 60 + 70 * f,
    complaint_rate: 3 - 2.5 * f,
  };
}

function run(policy: Policy, people: readonly PersonInput[], extra: Partial<ScoreEvaluationInput> & { period?: string; months?: string[]; ratings?: RatingInput[] } = {}) {
  const evaluation = makeEvaluation(policy, people, { ...(extra.period ? { period: extra.period } : {}), ...(extra.months ? { months: extra.months } : {}), ...(extra.ratings ? { ratings: extra.ratings } : {}) });
  return scoreEvaluation({
    policy,
    policyFile: { path: 'policy.yaml', sha256: 'f'.repeat(64) },
    evaluation,
    resultDate: '2026-11-05',
    language: 'zh-CN',
    toolVersion: '0.0.0-test',
    ...extra,
  });
}

const byId = (people: readonly ReportPerson[], id: string) => people.find((p) => p.id === id)!;
const codes = (p: ReportPerson) => p.notes.map((n) => n.code);

describe('a person’s total and grade', () => {
  it('KPIs only (no ratings file): quantitative is the total, graded by the bands', () => {
    const report = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(85) }]);
    const p = report.staff[0]!;
    expect(p.quantitative).toMatchObject({ share_nominal: 70, share: 100 });
    expect(p.quantitative.score).toBeCloseTo(85, 9);
    expect(p.qualitative).toMatchObject({ score: null, share_nominal: 30, share: 0 });
    expect(p.total_rounded).toBe(85);
    expect(p).toMatchObject({ status: 'assessed', grade_by_bands: 'A', grade: 'A', band: { grade: 'A', min: 80, max: 90 } });
    expect(codes(p)).toContain('note-no-ratings');
    expect(report.notes.map((n) => n.code)).toContain('report-no-ratings-file');
  });

  it('quantitative × share + qualitative × (1 − share)', () => {
    const ratings: RatingInput[] = ['supervisor', 'customer'].flatMap((type) => ['service_attitude', 'teamwork', 'compliance', 'learning'].map((item) => ({ staff: 'E1', type: type as 'supervisor', rater: type === 'supervisor' ? 'S1' : '', item, score: 3 })));
    const p = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(100) }], { ratings }).staff[0]!;
    expect(p.qualitative.score).toBe(50);
    expect(p.qualitative.raters.find((r) => r.type === 'peer')).toMatchObject({ used: false, reason: 'no_ratings' });
    expect(codes(p)).toContain('note-rater-missing');
    expect(p.total).toBeCloseTo(70 + 15, 9);
    expect(p.grade).toBe('A');
  });

  it('all KPIs missing: not assessed — no total, grade, rank or bonus — and the notes say why', () => {
    const report = run(medium, [
      { id: 'E1', role: 'agent', kpis: {} },
      { id: 'E2', role: 'agent', kpis: agentAt(50) },
    ]);
    const p = byId(report.staff, 'E1');
    expect(p).toMatchObject({ status: 'not_assessed', total: null, grade: null, grade_by_bands: null, rank: null });
    expect(p.outcomes.bonus).toEqual({ paid: 'monthly', amount: null, reason: 'not_assessed' });
    expect(p.kpis.every((k) => k.scored_as === 'left_out')).toBe(true);
    // Each KPI's want of data is named, without claiming its weight went to the others.
    expect(codes(p).filter((c) => c.startsWith('note-kpi') || c === 'note-not-assessed')).toEqual(['note-kpi-unscored', 'note-kpi-unscored', 'note-kpi-unscored', 'note-kpi-unscored', 'note-kpi-unscored', 'note-not-assessed']);
    expect(p.notes[0]!.message).toBe('“响应及时率”无数据（样本 0），不计分。');
    expect(report.summary).toMatchObject({ people: 2, assessed: 1 });
    expect(byId(report.staff, 'E2').rank).toBe(1);
  });

  it('neutral: someone with no data at all is not assessed either — no neutral score, grade or bonus', () => {
    const neutral = presetPolicy('medium.zh-CN', (raw) => {
      raw.evaluation.missing_kpi = 'neutral';
      raw.evaluation.min_scored_weight = 0;
    });
    const report = run(neutral, [
      { id: 'E1', role: 'agent', kpis: {} },
      { id: 'E2', role: 'agent', kpis: { csat: 95 } },
    ]);
    const nobody = byId(report.staff, 'E1');
    expect(nobody).toMatchObject({ status: 'not_assessed', total: null, grade: null, rank: null, quantitative: { score: null } });
    expect(nobody.outcomes.bonus.amount).toBeNull();
    expect(codes(nobody)).toContain('note-not-assessed');
    // One KPI with data is enough: the others are scored neutral, as before.
    const some = byId(report.staff, 'E2');
    expect(some.kpis.filter((k) => k.scored_as === 'neutral')).toHaveLength(4);
    const csat = some.kpis.find((k) => k.id === 'csat')!;
    expect(csat).toMatchObject({ scored_as: 'value', score: 100 });
    expect(some.quantitative.score).toBeCloseTo((csat.weight * 100 + (100 - csat.weight) * 60) / 100, 9);
    expect(report.summary).toMatchObject({ people: 2, assessed: 1 });
  });

  it('less of the weight scored from data than the policy’s minimum: not assessed, and the person is told why', () => {
    // The medium preset asks for half the weight: csat alone is 30%, with the response KPIs 70%.
    const policy = presetPolicy('medium.zh-CN');
    expect(policy.evaluation.min_scored_weight).toBe(50);
    const report = run(policy, [
      { id: 'E1', role: 'agent', kpis: { csat: 95 } },
      { id: 'E2', role: 'agent', kpis: { csat: 95, response_sla_rate: 90, first_response_minutes: 20 } },
    ]);
    const little = byId(report.staff, 'E1');
    expect(little).toMatchObject({ status: 'not_assessed', total: null, grade: null, quantitative: { score: null } });
    expect(little.outcomes.bonus.amount).toBeNull();
    const why = little.notes.find((n) => n.code === 'note-too-little-weight')!;
    expect(why.params).toEqual({ scored: 30, min: 50 });
    expect(why.message).toBe('有足够数据计分的指标权重合计为 30%，低于制度规定的 50%，本期不评定量化得分和等级，须个别处理。');
    expect(byId(report.staff, 'E2')).toMatchObject({ status: 'assessed' });
    expect(report.scoring.min_scored_weight).toBe(50);
    // The same rule month by month: a month short of weight is left out of the average.
    const quarter = run(policy, [{ id: 'E3', role: 'agent', kpis: { csat: 95, response_sla_rate: 90 }, months: [{ csat: 95, response_sla_rate: 90 }, { csat: 95 }, { csat: 95, response_sla_rate: 92 }] }], { period: '2026-Q4', months: ['2026-10', '2026-11', '2026-12'] });
    const e3 = byId(quarter.staff, 'E3');
    expect(e3.quantitative.months!.map((m) => m.score === null)).toEqual([false, true, false]);
    expect(codes(e3)).toContain('note-too-little-weight-month');
    expect(codes(e3)).not.toContain('note-month-not-assessed');
  });

  it('peer items rated by too few peers, and peers too few in all, are explained in notes that count raters', () => {
    const items = ['service_attitude', 'teamwork', 'compliance', 'learning'];
    const three = ['P1', 'P2', 'P3'].flatMap((rater) => items.filter((item) => item !== 'learning' || rater === 'P1').map((item) => ({ staff: 'E1', type: 'peer' as const, rater, item, score: 4 })));
    const supervisor = items.map((item) => ({ staff: 'E1', type: 'supervisor' as const, rater: 'S1', item, score: 3 }));
    const p = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(80) }], { ratings: [...supervisor, ...three] }).staff[0]!;
    expect(p.notes.find((n) => n.code === 'note-items-below-minimum')?.message).toBe('同事评价中，“学习成长”的评价人少于匿名要求的 3 人，不予采用，也不显示其平均分；其权重按比例分给同事评价的其他项目。');
    const en = scoreEvaluation({ policy: medium, policyFile: { path: 'p', sha256: '0' }, evaluation: makeEvaluation(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(80) }], { ratings: [...supervisor, ...three.filter((r) => r.rater !== 'P3')] }), resultDate: '2026-11-05', language: 'en', toolVersion: 't' }).staff[0]!;
    expect(en.notes.find((n) => n.code === 'note-rater-below-minimum')?.message).toBe('Ratings by peers came from 2 rater(s), fewer than the 3 that keep raters anonymous, so they are not used and their weight is shared among the other raters.');
  });

  it('a total shown as 80.00 is graded A even when binary arithmetic makes it 79.999999…', () => {
    const p = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(80) }]).staff[0]!;
    expect(p.total_rounded).toBe(80);
    expect(p.grade).toBe('A');
  });
});

describe('points and vetoes', () => {
  it('points per event are capped per item, in both directions', () => {
    const p = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(70), events: { 'points:praise': 5, 'points:minor_violation': 2 } }]).staff[0]!;
    expect(p.points.items).toEqual([
      expect.objectContaining({ id: 'praise', count: 5, points: 2, cap: 6, value: 6 }),
      expect.objectContaining({ id: 'minor_violation', count: 2, points: -2, cap: 10, value: -4 }),
    ]);
    expect(p.points.total).toBe(2);
    expect(p.total).toBeCloseTo(72, 9);
    const heavy = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(70), events: { 'points:minor_violation': 9 } }]).staff[0]!;
    expect(heavy.points.items[1]!.value).toBe(-10);
  });

  it('a veto caps the grade and cancels the bonus, whatever the score', () => {
    const p = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(100), events: { 'veto:serious_complaint': 1 } }]).staff[0]!;
    expect(p).toMatchObject({ grade_by_bands: 'S', grade_cap: 'C', grade: 'C' });
    expect(p.vetoes[0]).toMatchObject({ id: 'serious_complaint', triggered: true, count: 1 });
    expect(p.outcomes.bonus).toMatchObject({ amount: 0, withheld_by: ['serious_complaint'], coefficient: 0.8 });
    expect(codes(p)).toEqual(expect.arrayContaining(['note-veto', 'note-grade-capped', 'note-bonus-withheld']));
  });

  it('a cap above the grade leaves it alone; the worst of two caps applies', () => {
    const low = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(40), events: { 'veto:serious_complaint': 1 } }]).staff[0]!;
    expect(low).toMatchObject({ grade_by_bands: 'D', grade_cap: 'C', grade: 'D' });
    expect(codes(low)).not.toContain('note-grade-capped');
    const both = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(100), events: { 'veto:serious_complaint': 1, 'veto:fraud': 1 } }]).staff[0]!;
    expect(both.grade).toBe('D');
  });
});

describe('bonus', () => {
  it('is the roster base × the grade coefficient, else the role default', () => {
    const report = run(medium, [
      { id: 'E1', role: 'agent', kpis: agentAt(85), bonusBase: 2400 },
      { id: 'E2', role: 'agent', kpis: agentAt(85) },
    ]);
    expect(byId(report.staff, 'E1').outcomes.bonus).toEqual({ paid: 'monthly', base: 2400, base_source: 'roster', coefficient: 1.2, withheld_by: [], deduction_percent: 0, amount: 2880 });
    expect(byId(report.staff, 'E2').outcomes.bonus).toMatchObject({ base: 1500, base_source: 'role', amount: 1800 });
    expect(report.summary.bonus_total).toBe(4680);
  });

  it('is rounded to the cent', () => {
    const p = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(85), bonusBase: 1234.567 }]).staff[0]!;
    expect(p.outcomes.bonus.amount).toBe(1481.48);
  });

  it('is not computed for a period that is not the payment cycle, and the note says so', () => {
    const p = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(85), months: [agentAt(85), agentAt(85), agentAt(85)] }], { period: '2026-Q4', months: ['2026-10', '2026-11', '2026-12'] }).staff[0]!;
    expect(p.outcomes.bonus).toEqual({ paid: 'monthly', amount: null, reason: 'not_paid_this_cycle' });
    expect(codes(p)).toContain('note-bonus-other-cycle');
  });

  it('a pay deduction withholds its percentage', () => {
    const policy = presetPolicy('medium.zh-CN', (raw) => {
      raw.penalties.find((x: { id: string }) => x.id === 'pay_deduction').when = { grades: ['D'], cycle: 'monthly' };
    });
    const p = run(policy, [{ id: 'E1', role: 'agent', kpis: agentAt(30) }]).staff[0]!;
    expect(p.outcomes.bonus).toMatchObject({ coefficient: 0.5, deduction_percent: 30, amount: 525 });
    expect(p.outcomes.actions.map((a) => a.kind)).toContain('pay_deduction');
  });
});

describe('the policy in force', () => {
  const effective = (date: string) => presetPolicy('medium.zh-CN', (raw) => (raw.meta.effective_date = date));
  const people = [{ id: 'E1', role: 'agent', kpis: agentAt(85) }];

  it('a period that ends on or before the effective date is a trial run, recorded with the date', () => {
    for (const date of ['2026-11-01', '2027-01-01']) {
      const report = run(effective(date), people);
      expect(report.trial).toBe(true);
      expect(report.policy.effective_date).toBe(date);
    }
    // Scored all the same, so that the trial shows what the policy would do.
    expect(run(effective('2026-11-01'), people).staff[0]!.grade).toBe('A');
  });

  it('a period the policy covers, wholly or from a day inside it, is a real run; partly covered says from when', () => {
    const whole = run(effective('2026-10-01'), people);
    expect(whole.trial).toBe(false);
    expect(whole.notes.map((n) => n.code)).not.toContain('report-partly-in-force');
    for (const date of ['2026-10-31', '2026-10-02']) {
      const part = run(effective(date), people);
      expect(part.trial).toBe(false);
      expect(part.notes.find((n) => n.code === 'report-partly-in-force')?.params).toEqual({ effective: date, first: '2026-10-01' });
    }
  });
});

describe('rules over consecutive periods', () => {
  const history = (periodId: string, grades: Record<string, string>, extra: Record<string, Partial<{ grade_by_bands: string; grade_cap: string | null }>> = {}): HistoryReport => ({
    path: `history/${periodId}.json`,
    sha256: 'a'.repeat(64),
    policy: null,
    periodId,
    resultDate: '2026-10-05',
    staff: new Map(Object.entries(grades).map(([id, grade]) => [personKey({ id, name: '' }), { grade, grade_by_bands: extra[id]?.grade_by_bands ?? grade, grade_cap: extra[id]?.grade_cap ?? null, grade_distributed: null }])),
  });

  it('improvement plan after two consecutive months at D — only with the previous month in history', () => {
    const people = [{ id: 'E1', role: 'agent', kpis: agentAt(30) }];
    const without = run(medium, people).staff[0]!;
    expect(without.outcomes.actions.map((a) => a.id)).toEqual(['targeted_training', 'warning']);
    expect(without.notes.find((n) => n.code === 'note-history-missing')?.params).toEqual({ rule: '绩效改进计划', periods: ['2026-09'] });
    const withD = run(medium, people, { history: [history('2026-09', { E1: 'D' })] }).staff[0]!;
    expect(withD.outcomes.actions.map((a) => a.id)).toEqual(['targeted_training', 'warning', 'improvement_plan', 'pay_deduction']);
    // Each action carries the facts that fired its rule, earlier periods first, for the notice and the Excel report to word.
    expect(withD.outcomes.actions.find((a) => a.id === 'warning')!.because).toEqual({ based_on: 'final', grades: [{ period: '2026-10', grade: 'D' }] });
    expect(withD.outcomes.actions.find((a) => a.id === 'pay_deduction')!.because).toEqual({
      based_on: 'final',
      grades: [
        { period: '2026-09', grade: 'D' },
        { period: '2026-10', grade: 'D' },
      ],
    });
    expect(codes(withD)).not.toContain('note-history-missing');
    const withC = run(medium, people, { history: [history('2026-09', { E1: 'C' })] }).staff[0]!;
    expect(withC.outcomes.actions.map((a) => a.id)).not.toContain('improvement_plan');
    expect(withC.outcomes.actions.map((a) => a.id)).not.toContain('pay_deduction');
  });

  it('promotion review after two consecutive quarters at A or above', () => {
    const months = ['2026-10', '2026-11', '2026-12'];
    const people = [{ id: 'E1', role: 'agent', kpis: agentAt(85), months: [agentAt(85), agentAt(88), agentAt(90)] }];
    const yes = run(medium, people, { period: '2026-Q4', months, history: [history('2026-Q3', { E1: 'S' })] }).staff[0]!;
    expect(yes.grade).toBe('A');
    expect(yes.outcomes.actions.map((a) => a.kind)).toContain('promotion');
    const no = run(medium, people, { period: '2026-Q4', months, history: [history('2026-Q3', { E1: 'B' })] }).staff[0]!;
    expect(no.outcomes.actions.map((a) => a.kind)).not.toContain('promotion');
    const absent = run(medium, people, { period: '2026-Q4', months, history: [history('2026-Q3', { E2: 'A' })] }).staff[0]!;
    expect(absent.outcomes.actions.map((a) => a.kind)).not.toContain('promotion');
    expect(codes(absent)).not.toContain('note-history-missing');
  });

  it('demotion after two quarters at D; based_on: bands ignores a D that only forced distribution gave', () => {
    const months = ['2026-10', '2026-11', '2026-12'];
    const people = [{ id: 'E1', role: 'agent', kpis: agentAt(30), months: [agentAt(30), agentAt(30), agentAt(30)] }];
    const past = [history('2026-Q3', { E1: 'D' }, { E1: { grade_by_bands: 'B' } })];
    const final = run(medium, people, { period: '2026-Q4', months, history: past }).staff[0]!;
    expect(final.outcomes.actions.map((a) => a.kind)).toContain('demotion');
    const bands = presetPolicy('medium.zh-CN', (raw) => {
      raw.penalties.find((x: { id: string }) => x.id === 'demotion').when.based_on = 'bands';
    });
    const fair = run(bands, people, { period: '2026-Q4', months, history: past }).staff[0]!;
    expect(fair.outcomes.actions.map((a) => a.kind)).not.toContain('demotion');
  });

  it('never look back before the effective date: the rule cannot apply yet, and the notice says from when it could', () => {
    const from = (effective: string) => presetPolicy('medium.zh-CN', (raw) => (raw.meta.effective_date = effective));
    const months = (q: number) => [1, 2, 3].map((m) => `2026-${String((q - 1) * 3 + m).padStart(2, '0')}`);
    const people = [{ id: 'E1', role: 'agent', kpis: agentAt(30), months: [agentAt(30), agentAt(30), agentAt(30)] }];
    // Q2 was scored (a trial run, or under an earlier policy) before this policy took effect on 1 July: it does not count.
    const july = from('2026-07-01');
    const q3 = run(july, people, { period: '2026-Q3', months: months(3), history: [history('2026-Q2', { E1: 'D' })] });
    const p = q3.staff[0]!;
    expect(p.grade).toBe('D');
    expect(p.outcomes.actions.map((a) => a.kind)).not.toContain('demotion');
    expect(codes(p)).not.toContain('note-history-missing');
    expect(p.notes.find((n) => n.code === 'note-rule-not-yet')?.params).toEqual({ rule: '降级或调岗', consecutive: 2, cycle: 'quarterly', effective: '2026-07-01', from: '2026-Q4' });
    const notice = buildNoticeView(q3, p, july);
    expect(notice.pending).toContain('“降级或调岗”本期不适用：制度自2026年7月1日起生效，连续两个季度的条件最早于2026年第四季度可能成立。');
    expect(notice.pending.join('')).not.toContain('第二季度');
    const english = buildNoticeView(q3, p, presetPolicy('medium.en', (raw) => (raw.meta.effective_date = '2026-07-01')));
    expect(english.pending.join('\n')).toContain('does not apply this period: the policy applies from 1 July 2026, so 2 consecutive quarters can first be complete in Q4 2026.');
    // A period after the effective date counts: Q3 at D, then Q4 at D.
    const q4 = run(july, people, { period: '2026-Q4', months: months(4), history: [history('2026-Q3', { E1: 'D' })] }).staff[0]!;
    expect(q4.outcomes.actions.map((a) => a.kind)).toContain('demotion');
    expect(codes(q4)).not.toContain('note-rule-not-yet');
    // Monthly rules likewise: October is the first month of a policy effective 1 October, whatever September's report says.
    const october = run(from('2026-10-01'), [{ id: 'E1', role: 'agent', kpis: agentAt(30) }], { history: [history('2026-09', { E1: 'D' })] }).staff[0]!;
    expect(october.outcomes.actions.map((a) => a.id)).toEqual(['targeted_training', 'warning']);
    expect(october.notes.filter((n) => n.code === 'note-rule-not-yet').map((n) => [n.params.rule, n.params.from])).toEqual([
      ['绩效改进计划', '2026-11'],
      ['扣减绩效奖金', '2026-11'],
    ]);
    // A policy effective mid-September covers part of September: its report counts.
    const mid = run(from('2026-09-15'), [{ id: 'E1', role: 'agent', kpis: agentAt(30) }], { history: [history('2026-09', { E1: 'D' })] }).staff[0]!;
    expect(mid.outcomes.actions.map((a) => a.id)).toContain('improvement_plan');
    // Someone whose grade does not meet the rule is not told about it.
    expect(codes(run(from('2026-10-01'), [{ id: 'E1', role: 'agent', kpis: agentAt(85) }]).staff[0]!)).not.toContain('note-rule-not-yet');
  });

  it('honours go to the top N of the group with a qualifying grade', () => {
    const report = run(medium, [
      { id: 'E1', role: 'agent', kpis: agentAt(95) },
      { id: 'E2', role: 'agent', kpis: agentAt(99) },
      { id: 'E3', role: 'technician', kpis: { first_time_fix_rate: 90, onsite_punctuality_rate: 95, csat: 95, resolution_hours: 24, reopen_rate: 3 } },
    ]);
    const star = (id: string) => byId(report.staff, id).outcomes.actions.some((a) => a.id === 'service_star');
    expect([star('E1'), star('E2'), star('E3')]).toEqual([false, true, true]);
  });
});

describe('forced distribution', () => {
  const fd = (minGroup: number) =>
    presetPolicy('medium.zh-CN', (raw) => {
      raw.grades.forced_distribution = { group_by: 'role', min_group_size: minGroup, shares: [{ grade: 'S', percent: 10 }, { grade: 'A', percent: 20 }, { grade: 'B', percent: 50 }, { grade: 'C', percent: 15 }, { grade: 'D', percent: 5 }] };
    });
  const ten = Array.from({ length: 10 }, (_, i) => ({ id: `E${i + 10}`, role: 'agent', kpis: agentAt(95 - i * 2) }));

  it('within the role: rank decides, both grades are shown, and a note explains a change', () => {
    const report = run(fd(5), ten);
    expect(report.staff.map((p) => p.grade)).toEqual(['S', 'A', 'A', 'B', 'B', 'B', 'B', 'B', 'C', 'C']);
    expect(report.staff.map((p) => p.grade_by_bands)).toEqual(['S', 'S', 'S', 'A', 'A', 'A', 'A', 'A', 'B', 'B']);
    const second = report.staff[1]!;
    expect(second).toMatchObject({ rank: 2, grade_distributed: 'A', distribution: { group_by: 'role', group: 'agent', group_size: 10, applied: true, kept_published: false } });
    expect(second.notes.find((n) => n.code === 'note-distribution-changed')?.message).toBe('按分数段为 S 级；按组内排名和强制分布比例为 A 级。');
    expect(report.grades.forced_distribution).toMatchObject({ group_by: 'role', min_group_size: 5 });
  });

  it('the rank goes by the final grade first: a veto-capped grade ranks below better grades whatever the score', () => {
    const people: PersonInput[] = [
      { id: 'E1', role: 'agent', kpis: agentAt(95), events: { 'veto:serious_complaint': 1 } },
      { id: 'E2', role: 'agent', kpis: agentAt(80) },
      { id: 'E3', role: 'agent', kpis: agentAt(70) },
    ];
    const report = run(medium, people);
    const [top, second, third] = ['E1', 'E2', 'E3'].map((id) => byId(report.staff, id));
    expect(top!.total_rounded!).toBeGreaterThan(second!.total_rounded!);
    expect(top!.grade).toBe('C');
    expect(second!.grade).not.toBe('C');
    expect([second!.rank, third!.rank, top!.rank]).toEqual([1, 2, 3]);
  });

  it('ties on every score share the better grade and the same rank', () => {
    const tied = ten.map((p, i) => (i === 1 ? { ...p, kpis: agentAt(95) } : p));
    const report = run(fd(5), tied);
    expect(report.staff.slice(0, 3).map((p) => [p.rank, p.grade])).toEqual([
      [1, 'S'],
      [1, 'S'],
      [3, 'A'],
    ]);
  });

  it('after an appeal, people who did not appeal keep the published distributed grade; the appellant is re-ranked', () => {
    const policy = fd(5);
    const published = run(policy, ten);
    const history: HistoryReport[] = [
      {
        path: 'history/2026-10.json',
        sha256: 'b'.repeat(64),
        policy: null,
        periodId: '2026-10',
        resultDate: '2026-11-05',
        staff: new Map(published.staff.map((p) => [personKey(p), { grade: p.grade, grade_by_bands: p.grade_by_bands, grade_cap: p.grade_cap, grade_distributed: p.grade_distributed }])),
      },
    ];
    // The last agent's complaint rate was wrong: corrected, they now rank first.
    const text = 'version: 1\nadjustments:\n  - kind: override_kpi\n    appeal: SS-1\n    staff_id: E19\n    kpi: complaint_rate\n    value: 0\n    reason: r\n    approved_by: x\n    approved_on: 2026-11-10\n';
    const loaded = parseAdjustmentsBytes(new TextEncoder().encode(text), 'adj.yaml', { policy, periodId: '2026-10', months: [] });
    if (!loaded.ok) throw new Error('fixture');
    const adjustments = { file: 'adj.yaml', items: loaded.value.adjustments, source: loaded.source };
    const boosted = ten.map((p) => (p.id === 'E19' ? { ...p, kpis: { ...agentAt(99), complaint_rate: 3 } } : p));
    const kept = run(policy, boosted, { adjustments, history });
    const e19 = byId(kept.staff, 'E19');
    expect(e19).toMatchObject({ rank: 1, grade_distributed: 'S', grade: 'S', distribution: { kept_published: false } });
    for (const p of kept.staff.filter((x) => x.id !== 'E19')) {
      expect(p.grade_distributed).toBe(byId(published.staff, p.id).grade_distributed);
      expect(p.distribution?.kept_published).toBe(true);
    }
    expect(kept.staff.filter((p) => p.grade === 'S')).toHaveLength(2);
    expect(kept.notes.map((n) => n.code)).toContain('report-distribution-kept');
    // Without the published report, the whole group is redistributed, and the report says so.
    const rerun = run(policy, boosted, { adjustments });
    expect(rerun.staff.filter((p) => p.grade === 'S')).toHaveLength(1);
    expect(byId(rerun.staff, 'E10').grade).toBe('A');
    expect(rerun.notes.map((n) => n.code)).toContain('report-distribution-rerun');
  });

  it('a group smaller than min_group_size keeps the band grades', () => {
    const report = run(fd(20), ten);
    expect(report.staff.map((p) => p.grade)).toEqual(report.staff.map((p) => p.grade_by_bands));
    expect(report.staff[0]!.distribution).toMatchObject({ applied: false, group_size: 10 });
    expect(codes(report.staff[0]!)).toContain('note-distribution-small-group');
  });
});

describe('a roster of names only (every staff id is blank)', () => {
  // As `aspm evaluate` writes a report and `--history` reads it back.
  const asHistory = (report: ReturnType<typeof run>): HistoryReport => parseHistoryReport(JSON.stringify(report), `history/${report.period.id}.json`);
  const adjustmentsFor = (policy: Policy, yaml: string) => {
    const loaded = parseAdjustmentsBytes(new TextEncoder().encode(`version: 1\nadjustments:\n${yaml}`), 'adj.yaml', { policy, periodId: '2026-10', months: [] });
    if (!loaded.ok) throw new Error(`fixture: ${JSON.stringify(loaded.diagnostics)}`);
    return { file: 'adj.yaml', items: loaded.value.adjustments, source: loaded.source };
  };

  it('rules over consecutive periods find each person in history by name', () => {
    const people = (a: number, b: number, c: number): PersonInput[] => [
      { id: '', name: '张伟', role: 'agent', kpis: agentAt(a) },
      { id: '', name: '李强', role: 'agent', kpis: agentAt(b) },
      { id: '', name: '王芳', role: 'agent', kpis: agentAt(c) },
    ];
    const september = run(medium, people(30, 30, 95), { period: '2026-09', resultDate: '2026-10-08' });
    expect(september.staff.map((p) => p.grade)).toEqual(['D', 'D', 'S']);
    // 王芳 was S in September, 李强 D: only 张伟 and 李强 were at D twice running.
    const october = run(medium, people(30, 30, 30), { history: [asHistory(september)] });
    const plan = (name: string) => october.staff.find((p) => p.name === name)!.outcomes.actions.map((a) => a.id);
    expect(plan('张伟')).toContain('improvement_plan');
    expect(plan('李强')).toContain('improvement_plan');
    expect(plan('王芳')).not.toContain('improvement_plan');
    // Someone not in September's report is not in history: neither a plan nor a missing-period note.
    const newcomer = run(medium, [...people(30, 30, 30), { id: '', name: '赵敏', role: 'agent', kpis: agentAt(30) }], { history: [asHistory(september)] });
    const zhao = newcomer.staff.find((p) => p.name === '赵敏')!;
    expect(zhao.outcomes.actions.map((a) => a.id)).not.toContain('improvement_plan');
    expect(codes(zhao)).not.toContain('note-history-missing');
  });

  it('a peer rating of oneself, named by name, is ignored', () => {
    const ratings: RatingInput[] = [
      { staff: '张伟', type: 'supervisor', rater: '王经理', score: 4 },
      { staff: '张伟', type: 'peer', rater: '张 伟', score: 5 },
    ];
    const p = run(medium, [{ id: '', name: '张伟', role: 'agent', kpis: agentAt(80) }], { ratings }).staff[0]!;
    expect(p.qualitative.ignored).toEqual([{ reason: 'rated_self', rater_type: 'peer', count: 1 }]);
  });

  it('after an appeal, only the appellant is re-ranked; everyone else keeps the published grade', () => {
    const policy = presetPolicy('medium.zh-CN', (raw) => {
      raw.grades.forced_distribution = { group_by: 'role', min_group_size: 5, shares: [{ grade: 'S', percent: 10 }, { grade: 'A', percent: 20 }, { grade: 'B', percent: 50 }, { grade: 'C', percent: 15 }, { grade: 'D', percent: 5 }] };
    });
    const names = ['甲一', '乙二', '丙三', '丁四', '戊五', '己六', '庚七', '辛八', '壬九', '癸十'];
    const ten: PersonInput[] = names.map((name, i) => ({ id: '', name, role: 'agent', kpis: agentAt(95 - i * 2) }));
    const published = run(policy, ten);
    const adjustments = adjustmentsFor(policy, '  - kind: override_kpi\n    appeal: SS-1\n    staff_id: 癸十\n    kpi: complaint_rate\n    value: 0\n    reason: r\n    approved_by: x\n    approved_on: 2026-11-10\n');
    const boosted = ten.map((p) => (p.name === '癸十' ? { ...p, kpis: { ...agentAt(99), complaint_rate: 3 } } : p));
    const kept = run(policy, boosted, { adjustments, history: [asHistory(published)] });
    expect(kept.adjustments.map((a) => a.staff_name)).toEqual(['癸十']);
    const appellant = kept.staff.find((p) => p.name === '癸十')!;
    expect(appellant).toMatchObject({ rank: 1, grade: 'S', distribution: { kept_published: false } });
    for (const p of kept.staff.filter((x) => x.name !== '癸十')) {
      expect([p.name, p.grade_distributed, p.distribution?.kept_published]).toEqual([p.name, published.staff.find((x) => x.name === p.name)!.grade_distributed, true]);
    }
  });
});

describe('appeal deadline', () => {
  it('counts working days on the Chinese calendar: over National Day and the make-up Saturday 2026-10-10', () => {
    const report = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(70) }], { resultDate: '2026-09-30' });
    // Oct 1–7 are holidays; Oct 8, 9, 10 (make-up Saturday), 12, 13 are working days.
    expect(report.appeal.deadline).toBe('2026-10-13');
    expect(report.appeal).toMatchObject({ calendar: 'cn', holiday_data: { first: 2004, last: 2026 } });
    expect(report.staff[0]!.appeal_deadline).toBe('2026-10-13');
    expect(report.notes.map((n) => n.code)).not.toContain('report-deadline-calendar');
  });

  it('past the years the holiday data covers, it counts Monday to Friday and says so', () => {
    // 2027-01-01 will be a public holiday, but the data stops at 2026.
    const report = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(70) }], { resultDate: '2026-12-28' });
    expect(report.appeal).toMatchObject({ deadline: '2027-01-04', calendar: 'mon_fri_uncovered' });
    expect(report.notes.map((n) => n.code)).toContain('report-deadline-calendar');
  });

  it('with holidays: none, it counts Monday to Friday', () => {
    const plain = presetPolicy('medium.zh-CN', (raw) => {
      raw.evaluation.holidays = 'none';
    });
    expect(run(plain, [{ id: 'E1', role: 'agent', kpis: agentAt(70) }], { resultDate: '2026-09-30' }).appeal).toMatchObject({ deadline: '2026-10-07', calendar: 'mon_fri', holiday_data: null });
  });
});

describe('longer cycles', () => {
  it('average: the quantitative score is the mean of the months; a month without data is left out of it', () => {
    const months = ['2026-10', '2026-11', '2026-12'];
    const p = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(80), months: [agentAt(60), agentAt(90), {}] }], { period: '2026-Q4', months }).staff[0]!;
    expect(p.quantitative.method).toBe('monthly_average');
    expect(p.quantitative.months!.map((m) => m.score === null ? null : Math.round(m.score))).toEqual([60, 90, null]);
    expect(p.quantitative.score).toBeCloseTo(75, 9);
    expect(codes(p)).toContain('note-month-not-assessed');
    const tickets = p.kpis.find((k) => k.id === 'tickets_resolved')!;
    expect(tickets).toMatchObject({ scored_as: 'monthly_average', target: 390, floor: 180, target_scale: 3 });
    expect(tickets.months!.map((m) => m.target)).toEqual([130, 130, 130]);
  });

  it('average under neutral: a month with no data at all is left out of the mean, not averaged in at the neutral score', () => {
    const neutral = presetPolicy('medium.zh-CN', (raw) => {
      raw.evaluation.missing_kpi = 'neutral';
    });
    const months = ['2026-10', '2026-11', '2026-12'];
    const p = run(neutral, [{ id: 'E1', role: 'agent', kpis: agentAt(80), months: [agentAt(60), agentAt(90), {}] }], { period: '2026-Q4', months }).staff[0]!;
    expect(p.quantitative.months!.map((m) => (m.score === null ? null : Math.round(m.score)))).toEqual([60, 90, null]);
    expect(p.quantitative.score).toBeCloseTo(75, 9);
    expect(p.kpis[0]!.months![2]).toMatchObject({ scored_as: 'left_out', score: null, weight: 0, contribution: 0 });
    expect(p.notes.filter((n) => n.params.month === '2026-12').map((n) => n.code)).toEqual(['note-month-not-assessed']);
  });

  it('recompute: one evaluation over the quarter, with count targets scaled to three months', () => {
    const policy = presetPolicy('medium.zh-CN', (raw) => {
      raw.cycles.longer_cycles = 'recompute';
    });
    const p = run(policy, [{ id: 'E1', role: 'agent', kpis: { ...agentAt(100), tickets_resolved: 390 } }], { period: '2026-Q4' }).staff[0]!;
    expect(p.quantitative.method).toBe('period');
    expect(p.kpis.find((k) => k.id === 'tickets_resolved')).toMatchObject({ target: 390, floor: 180, target_scale: 3, score: 100 });
    expect(codes(p)).toContain('note-target-scaled');
  });
});

describe('multi-role staff', () => {
  it('are scored on the mean of their roles’ weights (a KPI one role lacks counts 0 there)', () => {
    const small = presetPolicy('small.zh-CN');
    const p = run(small, [{ id: 'E1', role: 'agent', roles: ['agent', 'technician'], kpis: { csat: 95 } }]).staff[0]!;
    expect(p.roles).toEqual(['agent', 'technician']);
    expect(Object.fromEntries(p.kpis.map((k) => [k.id, k.weight_nominal]))).toEqual({ csat: 37.5, response_sla_rate: 17.5, tickets_resolved: 12.5, first_time_fix_rate: 20, resolution_sla_rate: 12.5 });
    expect(p.kpis.find((k) => k.id === 'csat')!.weight).toBe(100);
  });
});

describe('periods and the policy cycle', () => {
  it('a month under a quarterly policy is scored with quarterly counts scaled down, and noted as a shorter period', () => {
    const large = presetPolicy('large.zh-CN');
    const report = run(large, [{ id: 'E1', role: 'agent', kpis: { csat: 95, response_sla_rate: 95, quality_inspection_score: 90, first_response_minutes: 15, complaint_rate: 0.3, reopen_rate: 2, tickets_resolved: 130 } }]);
    expect(report.scoring.longer_cycles).toBeNull();
    expect(report.notes.map((n) => n.code)).toContain('report-shorter-than-cycle');
    const tickets = report.staff[0]!.kpis.find((k) => k.id === 'tickets_resolved')!;
    expect(tickets.target_scale).toBeCloseTo(1 / 3, 12);
    expect(report.staff[0]!.outcomes.bonus).toMatchObject({ amount: null, reason: 'not_paid_this_cycle' });
  });

  it('a range of days is no cycle: no bonus and no cycle rules', () => {
    const report = run(medium, [{ id: 'E1', role: 'agent', kpis: agentAt(30) }], { period: '2026-10-01..2026-10-15' });
    expect(report.period.cycle).toBeNull();
    expect(report.notes.map((n) => n.code)).toContain('report-period-not-a-cycle');
    expect(report.staff[0]!.outcomes.actions).toEqual([]);
    const tickets = report.staff[0]!.kpis.find((k) => k.id === 'tickets_resolved')!;
    expect(tickets.target_scale).toBeCloseTo(15 / (365.25 / 12), 12);
  });
});
