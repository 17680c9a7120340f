import { beforeAll, describe, expect, it } from 'vitest';
import { checkPolicyObject } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.generated.js';
import type { Answers } from './answers.js';
import { buildPolicy, type BuiltPolicy } from './build-policy.js';
import { availablePresets, presetFileName, readPreset } from './read-preset.js';
import { adjustRoleKpis, RESPONSE_KPIS } from './situation.js';

let preset: Policy;
beforeAll(async () => {
  preset = await readPreset({ size: 'medium', language: 'zh-CN' });
});

const TODAY = '2026-03-14';

function build(answers: Answers): BuiltPolicy {
  const result = buildPolicy(answers, preset, { today: TODAY });
  if (!result.ok) throw new Error(`unexpected findings: ${JSON.stringify(result.findings)}`);
  const checked = checkPolicyObject(result.policy);
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result;
}

const role = (built: BuiltPolicy, id: string) => {
  const found = built.policy.roles.find((r) => r.id === id);
  if (!found) throw new Error(`no role ${id}`);
  return found;
};
const weight = (built: BuiltPolicy, roleId: string, kpis: readonly string[]) =>
  role(built, roleId)
    .kpis.filter((k) => kpis.includes(k.kpi))
    .reduce((sum, k) => sum + k.weight, 0);
const total = (built: BuiltPolicy, roleId: string) => role(built, roleId).kpis.reduce((sum, k) => sum + k.weight, 0);

describe('buildPolicy with no answers', () => {
  // Every preset that ships, so new presets are covered without a change here.
  it.each(availablePresets().map((p) => [presetFileName(p), p] as const))('%s: is the preset, starting on the first day of next month', async (_name, id) => {
    const each = await readPreset(id);
    const result = buildPolicy({}, each, { today: TODAY });
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    expect({ ...result.policy, meta: { ...result.policy.meta, effective_date: each.meta.effective_date, revision: each.meta.revision } }).toEqual(each);
    expect(result.policy.meta.effective_date).toBe('2026-04-01');
    expect(result.adjustments).toEqual([]);
    // The preset's company is an example: a policy that keeps it is a draft, and says so in its revision.
    expect(result.draft).toBe(true);
    expect(result.policy.meta.revision).toBe(`${each.meta.revision} ${id.language === 'zh-CN' ? '草案' : 'draft'}`);
    const named = buildPolicy({ company: 'Acme' }, each, { today: TODAY });
    expect(named.ok && [named.draft, named.policy.meta.revision]).toEqual([false, each.meta.revision]);
  });

  it.each(availablePresets().map((p) => [presetFileName(p), p] as const))('%s: every adjustment and a custom role still give a valid policy', async (_name, id) => {
    const each = await readPreset(id);
    const result = buildPolicy(
      { competition: 'intense', training_maturity: 'mature', cost_pressure: 'high', complaints: 'frequent', forced_distribution: true, custom_roles: [{ name: 'QA', kpis: ['csat', 'reopen_rate'] }] },
      each,
      { today: TODAY },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    const checked = checkPolicyObject(result.policy);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.adjustments.length).toBeGreaterThan(3);
    for (const r of result.policy.roles) expect(r.kpis.reduce((sum, k) => sum + k.weight, 0)).toBe(100);
  });

  it('rolls the effective date over the year end', () => {
    const result = buildPolicy({}, preset, { today: '2026-12-31' });
    expect(result.ok && result.policy.meta.effective_date).toBe('2027-01-01');
  });
});

describe('situation adjustments', () => {
  it('intense competition puts more weight on response KPIs and says so', () => {
    const built = build({ competition: 'intense' });
    const before = preset.roles.find((r) => r.id === 'agent')!.kpis.filter((k) => RESPONSE_KPIS.includes(k.kpi)).reduce((s, k) => s + k.weight, 0);
    expect(before).toBe(40);
    expect(weight(built, 'agent', RESPONSE_KPIS)).toBe(50);
    expect(weight(built, 'technician', ['onsite_punctuality_rate'])).toBe(30);
    for (const r of built.policy.roles) expect(total(built, r.id)).toBe(100);
    const agent = built.adjustments.find((a) => a.code === 'adjust-competition-raise' && a.params.role === '客服专员');
    expect(agent?.params).toMatchObject({ from: 40, to: 50, kpis: ['响应及时率', '首次响应时长'] });
    expect(agent?.kept).toBe(true);
  });

  it('intense competition adds a response KPI to a suggested role that has none', () => {
    const names = { kpi: (id: string) => id, item: (id: string) => id };
    const { roles, adjustments } = adjustRoleKpis([{ id: 'supervisor', name: '服务主管', kpis: [{ kpi: 'csat', weight: 60, scope: 'team' }, { kpi: 'complaint_rate', weight: 40, scope: 'team' }] }], { competition: 'intense', complaints: 'occasional', cost_pressure: 'normal', training_maturity: 'developing' }, names);
    expect(roles[0]!.kpis).toEqual([
      { kpi: 'csat', weight: 51, scope: 'team' },
      { kpi: 'complaint_rate', weight: 34, scope: 'team' },
      { kpi: 'response_sla_rate', weight: 15, scope: 'team' },
    ]);
    expect(adjustments.map((a) => a.code)).toEqual(['adjust-competition-add']);
  });

  it('never adds a KPI to a custom role whose KPIs the user picked', () => {
    const built = build({ competition: 'intense', cost_pressure: 'high', complaints: 'frequent', custom_roles: [{ name: '质检专员', kpis: ['csat', 'first_time_fix_rate', 'reopen_rate'] }] });
    expect(role(built, 'custom_role_1').kpis).toEqual([
      { kpi: 'csat', weight: 34, scope: 'individual' },
      { kpi: 'first_time_fix_rate', weight: 33, scope: 'individual' },
      { kpi: 'reopen_rate', weight: 33, scope: 'individual' },
    ]);
    expect(built.adjustments.filter((a) => a.params.role === '质检专员')).toEqual([]);
    // The preset's roles are still adjusted.
    expect(built.adjustments.some((a) => a.code === 'adjust-cost-add' && a.params.role === '维修技术员')).toBe(true);
  });

  it('shifts weight among the KPIs a custom role has, and says so', () => {
    const built = build({ competition: 'intense', complaints: 'frequent', custom_roles: [{ name: '质检专员', kpis: ['csat', 'response_sla_rate', 'complaint_rate'] }] });
    expect(role(built, 'custom_role_1').kpis.map((k) => k.kpi)).toEqual(['csat', 'response_sla_rate', 'complaint_rate']);
    const mine = built.adjustments.filter((a) => a.params.role === '质检专员');
    expect(mine.map((a) => a.code)).toEqual(['adjust-competition-raise', 'adjust-complaints-raise']);
    for (const a of mine) expect(a.params.to).toBeGreaterThan(a.params.from as number);
  });

  it('mature training adds the complex-problem item; the item weights still total 100', () => {
    const built = build({ training_maturity: 'mature' });
    const items = built.policy.qualitative.items;
    expect(items.map((i) => i.id)).toContain('complex_problem_solving');
    expect(items.find((i) => i.id === 'complex_problem_solving')?.weight).toBe(20);
    expect(items.find((i) => i.id === 'complex_problem_solving')?.name).toBe('复杂问题解决');
    expect(items.reduce((s, i) => s + i.weight, 0)).toBe(100);
    expect(built.adjustments.map((a) => a.code)).toEqual(['adjust-training-add']);
  });

  it('cost pressure adds cost per ticket to the roles that decide repairs, not to the hotline', () => {
    const built = build({ cost_pressure: 'high' });
    expect(weight(built, 'technician', ['cost_per_ticket'])).toBe(10);
    expect(role(built, 'supervisor').kpis.find((k) => k.kpi === 'cost_per_ticket')).toEqual({ kpi: 'cost_per_ticket', weight: 10, scope: 'team' });
    expect(weight(built, 'agent', ['cost_per_ticket'])).toBe(0);
    // The KPI is defined from the built-in catalogue, in the policy's language.
    const cost = built.policy.kpis.find((k) => k.id === 'cost_per_ticket');
    expect(cost).toMatchObject({ name: '单均维修成本', unit: 'currency', direction: 'lower', target: 150, floor: 300 });
  });

  it('frequent complaints raise the complaint rate where it is and add it where it is not', () => {
    const built = build({ complaints: 'frequent' });
    expect(weight(built, 'agent', ['complaint_rate'])).toBeGreaterThan(15);
    expect(weight(built, 'technician', ['complaint_rate'])).toBe(15);
    expect(built.adjustments.filter((a) => a.code === 'adjust-complaints-add').map((a) => a.params.role)).toEqual(['维修技术员']);
    expect(built.adjustments.filter((a) => a.code === 'adjust-complaints-raise').map((a) => a.params.role)).toEqual(['客服专员', '服务主管']);
  });

  it('all four together keep every role at whole weights totalling 100, and report final numbers', () => {
    const built = build({ competition: 'intense', training_maturity: 'mature', cost_pressure: 'high', complaints: 'frequent' });
    for (const r of built.policy.roles) {
      expect(total(built, r.id)).toBe(100);
      for (const k of r.kpis) expect(Number.isInteger(k.weight) && k.weight > 0).toBe(true);
    }
    for (const a of built.adjustments) {
      expect(a.kept).toBe(true);
      if (a.code === 'adjust-competition-raise') expect(weight(built, 'effect' in a && 'role' in a.effect ? a.effect.role : '', RESPONSE_KPIS)).toBe(a.params.to);
    }
  });

  it('marks an adjustment that the answers undid', () => {
    const built = build({
      competition: 'intense',
      role_kpis: { agent: [{ kpi: 'csat', weight: 60 }, { kpi: 'response_sla_rate', weight: 40 }] },
    });
    const agent = built.adjustments.find((a) => a.code === 'adjust-competition-raise' && a.params.role === '客服专员');
    expect(agent?.kept).toBe(false);
    expect(built.adjustments.find((a) => a.params.role === '维修技术员')?.kept).toBe(true);
  });

  it('marks an adjustment overridden by any other weight, even one above what it suggested', () => {
    const built = build({
      competition: 'intense',
      training_maturity: 'mature',
      // The response KPIs end at 60, more than the suggested 50: still the user's setting, not the suggestion.
      role_kpis: { agent: [{ kpi: 'response_sla_rate', weight: 40 }, { kpi: 'first_response_minutes', weight: 20 }, { kpi: 'csat', weight: 40 }] },
      item_weights: { service_attitude: 30, teamwork: 20, compliance: 20, learning: 15, complex_problem_solving: 15 },
    });
    const agent = built.adjustments.find((a) => a.code === 'adjust-competition-raise' && a.params.role === '客服专员');
    expect(agent?.params).toMatchObject({ to: 50 });
    expect(agent?.kept).toBe(false);
    expect(built.adjustments.find((a) => a.code === 'adjust-training-add')?.kept).toBe(false);
  });

  it('marks an adjustment overridden when its KPIs were re-weighted, even to the same total', () => {
    const suggested = build({ competition: 'intense' });
    const agent = role(suggested, 'agent').kpis;
    expect(agent.filter((k) => RESPONSE_KPIS.includes(k.kpi)).map((k) => [k.kpi, k.weight])).toEqual([
      ['response_sla_rate', 31],
      ['first_response_minutes', 19],
    ]);
    // 40 + 10 is still 50, but not the split the suggestion made.
    const typed = agent.map((k) => ({ kpi: k.kpi, weight: k.kpi === 'response_sla_rate' ? 40 : k.kpi === 'first_response_minutes' ? 10 : k.weight }));
    const built = build({ competition: 'intense', role_kpis: { agent: typed } });
    expect(built.adjustments.find((a) => a.params.role === '客服专员')?.kept).toBe(false);
    // The same weights typed again are the suggestion kept.
    const again = build({ competition: 'intense', role_kpis: { agent: agent.map((k) => ({ kpi: k.kpi, weight: k.weight })) } });
    expect(again.adjustments.find((a) => a.params.role === '客服专员')?.kept).toBe(true);
  });
});

describe('roles', () => {
  it('a custom role takes its picked KPIs at equal weights, a readable id when its name allows, and a bonus base', () => {
    const built = build({
      custom_roles: [
        { name: '质检专员', description: '抽检服务记录。', kpis: ['csat', 'complaint_rate'] },
        { name: 'Parts clerk', kpis: ['tickets_resolved'], bonus_base: 900 },
        { name: 'Agent', kpis: ['csat'] },
      ],
    });
    const ids = built.policy.roles.map((r) => r.id);
    expect(ids).toEqual(['agent', 'technician', 'supervisor', 'custom_role_1', 'parts_clerk', 'agent_2']);
    expect(role(built, 'parts_clerk').bonus_base).toBe(900);
    // Not given: the average of the preset's 1500, 2000 and 3000, to the nearest 100, and the file says so.
    expect(built.estimatedBonusBases).toEqual(['custom_role_1', 'agent_2']);
    expect(role(built, 'custom_role_1')).toEqual({
      id: 'custom_role_1',
      name: '质检专员',
      description: '抽检服务记录。',
      quantitative_share: 70,
      bonus_base: 2200,
      kpis: [
        { kpi: 'csat', weight: 50, scope: 'individual' },
        { kpi: 'complaint_rate', weight: 50, scope: 'individual' },
      ],
    });
    expect(built.policy.scope).toBe('本制度适用于售后服务部全体正式员工，包括客服专员、维修技术员、服务主管、质检专员、Parts clerk、Agent。试用期员工参照执行。');
  });

  it('answered weights, targets and floors are kept; only differences from the KPI are written', () => {
    const built = build({
      roles: ['agent'],
      role_kpis: { agent: [{ kpi: 'csat', weight: 70, target: 97, floor: 80 }, { kpi: 'cost_per_ticket', weight: 30, floor: 250 }] },
    });
    expect(role(built, 'agent').kpis).toEqual([
      { kpi: 'csat', weight: 70, target: 97, scope: 'individual' },
      { kpi: 'cost_per_ticket', weight: 30, floor: 250, scope: 'individual' },
    ]);
    // The catalogue holds exactly the KPIs in use, and goals about dropped KPIs go.
    expect(built.policy.kpis.map((k) => k.id)).toEqual(['csat', 'cost_per_ticket']);
    expect(built.policy.goals?.map((g) => g.kpi)).toEqual(['csat']);
  });

  it('renames the preset department in every text, but no identifier', () => {
    const built = build({ department: '客户服务中心' });
    expect(built.policy.responsibilities?.[1]?.party).toBe('客户服务中心经理');
    expect(JSON.stringify(built.policy)).not.toContain('售后服务部经理');
    expect(built.policy.meta.department).toBe('客户服务中心');
    expect(built.policy.appeal.reviewers).toEqual(['绩效申诉小组（客户服务中心经理、人力资源部代表、员工代表）']);
    expect(built.policy.kpis.map((k) => k.id)).toEqual(preset.kpis.map((k) => k.id));
  });
});

describe('cycles, grades and incentives', () => {
  it('applies grade bounds, forced distribution and coefficients', () => {
    const built = build({
      grade_mins: { S: 95, A: 85 },
      forced_distribution: true,
      distribution_shares: { S: 5, A: 25, B: 40, C: 20, D: 10 },
      bonus_coefficients: { S: 2 },
      promotion: false,
      penalties: ['warning'],
    });
    expect(built.policy.grades.bands.slice(0, 3).map((b) => [b.grade, b.min, b.max])).toEqual([
      ['S', 95, 100],
      ['A', 85, 95],
      ['B', 70, 85],
    ]);
    expect(built.policy.grades.forced_distribution).toEqual({
      enabled: true,
      group_by: 'role',
      min_group_size: 5,
      shares: [
        { grade: 'S', percent: 5 },
        { grade: 'A', percent: 25 },
        { grade: 'B', percent: 40 },
        { grade: 'C', percent: 20 },
        { grade: 'D', percent: 10 },
      ],
    });
    expect(built.policy.incentives.bonus.coefficients[0]).toEqual({ grade: 'S', coefficient: 2 });
    expect(built.policy.incentives.promotion).toBeUndefined();
    expect(built.policy.penalties.map((p) => p.id)).toEqual(['warning']);
  });

  it('moves KPIs and triggers to a new primary cycle', () => {
    const built = build({ primary_cycle: 'quarterly', summary_cycles: ['annual'] });
    expect(built.policy.cycles).toMatchObject({ primary: 'quarterly', also: ['annual'] });
    expect(new Set(built.policy.kpis.map((k) => k.cycle))).toEqual(new Set(['quarterly']));
    const cycles = [...built.policy.penalties.map((p) => p.when.cycle), ...(built.policy.incentives.honours ?? []).map((h) => h.when.cycle)];
    expect(cycles.every((c) => c === 'quarterly' || c === 'annual')).toBe(true);
  });
});

describe('answers that cannot be used', () => {
  it.each<[string, Answers, { code: string; path: (string | number)[] }]>([
    ['weights that do not add up', { role_kpis: { agent: [{ kpi: 'csat', weight: 60 }, { kpi: 'complaint_rate', weight: 30 }] } }, { code: 'answer-role-weights-total', path: ['role_kpis', 'agent'] }],
    ['an unknown role', { roles: ['agent', 'cashier'] }, { code: 'answer-unknown-role', path: ['roles', 1] }],
    ['an unknown KPI', { custom_roles: [{ name: 'X', kpis: ['smiles'] }] }, { code: 'answer-unknown-kpi', path: ['custom_roles', 0, 'kpis', 0] }],
    ['a target worse than the floor', { role_kpis: { agent: [{ kpi: 'csat', weight: 100, target: 70 }] } }, { code: 'target-floor-order', path: ['role_kpis', 'agent', 0, 'target'] }],
    ['a negative percentage', { role_kpis: { agent: [{ kpi: 'csat', weight: 100, target: -5, floor: -10 }] } }, { code: 'kpi-value-percent', path: ['role_kpis', 'agent', 0, 'floor'] }],
    ['a rate above 100 %', { role_kpis: { agent: [{ kpi: 'complaint_rate', weight: 100, target: 150 }] } }, { code: 'kpi-value-percent', path: ['role_kpis', 'agent', 0, 'target'] }],
    ['a negative time', { role_kpis: { agent: [{ kpi: 'first_response_minutes', weight: 100, target: -5 }] } }, { code: 'kpi-value-negative', path: ['role_kpis', 'agent', 0, 'target'] }],
    ['a count that is not whole', { role_kpis: { agent: [{ kpi: 'tickets_resolved', weight: 100, target: 12.5 }] } }, { code: 'kpi-value-whole', path: ['role_kpis', 'agent', 0, 'target'] }],
    ['grades out of order', { grade_mins: { A: 92 } }, { code: 'answer-grade-order', path: ['grade_mins', 'A'] }],
    ['a best grade no one can reach', { grade_mins: { S: 100 } }, { code: 'answer-grade-top', path: ['grade_mins', 'S'] }],
    ['a grade starting at 0 above the lowest', { grade_mins: { S: 90, A: 80, B: 70, C: 0 } }, { code: 'answer-grade-above-zero', path: ['grade_mins', 'C'] }],
    ['rater weights that do not add up', { raters: { supervisor: 50, customer: 40 } }, { code: 'answer-weights-total', path: ['raters'] }],
    ['an impossible date', { effective_date: '2026-02-30' }, { code: 'answer-bad-date', path: ['effective_date'] }],
    ['a language other than the preset', { language: 'en' }, { code: 'answers-preset-mismatch', path: ['language'] }],
    ['no role at all', { roles: [] }, { code: 'answer-no-roles', path: ['roles'] }],
  ])('%s', (_name, answers, expected) => {
    const result = buildPolicy(answers, preset, { today: TODAY });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.findings.map((f) => ({ code: f.code, path: f.path }))).toContainEqual(expected);
  });
});
