// The qualitative item weights, across outputs: for every role, the appendix form, the
// article on raters and the result notice print the weights the role is scored with, and
// they add up to 100 — in the large preset (agents and technicians rated on five of six
// items) and after the wizard adds the complex-problem item for mature training, which
// must reach every role with a qualitative rating.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPolicyObject } from '../src/policy/load-policy.js';
import type { Policy } from '../src/policy/policy.generated.js';
import { renderPolicyMarkdown } from '../src/render/render-policy.js';
import { readTemplateSet, type TemplateSet } from '../src/render/templates.js';
import { buildNoticeView } from '../src/report/notice-view.js';
import { scoreEvaluation } from '../src/scoring/score-evaluation.js';
import { buildPolicy } from '../src/wizard/build-policy.js';
import { readPreset } from '../src/wizard/read-preset.js';
import { makeEvaluation, presetPolicy } from './helpers/scoring-fixtures.js';

let zh: TemplateSet;
let en: TemplateSet;
let mature: Policy;
beforeAll(async () => {
  zh = await readTemplateSet('zh-CN');
  en = await readTemplateSet('en');
  const built = buildPolicy({ training_maturity: 'mature' }, await readPreset({ size: 'large', language: 'zh-CN' }), { today: '2026-03-14' });
  if (!built.ok) throw new Error(JSON.stringify(built.findings));
  const checked = checkPolicyObject(built.policy);
  if (!checked.ok) throw new Error(JSON.stringify(checked.diagnostics));
  mature = checked.value;
});

const percents = (text: string) => [...text.matchAll(/(\d+(?:\.\d+)?)%/g)].map((m) => Number(m[1]));
const hundredths = (values: readonly number[]) => values.reduce((s, v) => s + Math.round(v * 100), 0);

/** Each form's qualitative table: its role and the weights in its rows. */
function formWeights(markdown: string, header: string, totalRow: string): { role: string; items: [string, number][] }[] {
  const forms: { role: string; items: [string, number][] }[] = [];
  const lines = markdown.split('\n');
  lines.forEach((line, i) => {
    if (!line.startsWith(header)) return;
    const heading = lines.slice(0, i).reverse().find((l) => l.startsWith('### '))!;
    const items: [string, number][] = [];
    for (const row of lines.slice(i + 2)) {
      if (row.includes(totalRow)) break;
      const cells = row.split('|').map((c) => c.trim());
      items.push([cells[1]!, Number(cells[2]!.replace('%', ''))]);
    }
    forms.push({ role: heading, items });
  });
  return forms;
}

describe('qualitative item weights add up to 100 for every role, everywhere', () => {
  it.each([
    ['large.zh-CN', () => presetPolicy('large.zh-CN'), () => zh, '| 考核项目 | 权重 |', '定性考核得分'],
    ['large.en', () => presetPolicy('large.en'), () => en, '| Item | Weight |', 'Qualitative score'],
    ['large.zh-CN, mature training', () => mature, () => zh, '| 考核项目 | 权重 |', '定性考核得分'],
  ] as const)('%s: each appendix form lists the items and weights the role is scored with', (_name, policy, templates, header, total) => {
    const forms = formWeights(renderPolicyMarkdown(policy(), templates()), header, total);
    expect(forms.length).toBe(policy().roles.filter((r) => r.quantitative_share < 100).length);
    for (const form of forms) expect(hundredths(form.items.map(([, w]) => w)), form.role).toBe(10000);
  });

  it('the large preset’s agent form: 25 20 15 15 10 of 85 become 29.41 23.53 17.65 17.65 11.76, and the article says so', () => {
    const markdown = renderPolicyMarkdown(presetPolicy('large.zh-CN'), zh);
    const agent = formWeights(markdown, '| 考核项目 | 权重 |', '定性考核得分').find((f) => f.role.includes('客服专员'))!;
    expect(agent.items).toEqual([
      ['服务态度', 29.41],
      ['专业能力', 23.53],
      ['团队协作', 17.65],
      ['规范与安全', 17.65],
      ['改进创新', 11.76],
    ]);
    const clause = markdown.split('\n').find((l) => l.includes('客服专员的定性考核项目及权重'))!;
    expect(hundredths(percents(clause.slice(0, clause.indexOf('，系按'))))).toBe(10000);
    expect(clause).toContain('系按上表权重的比例折算、合计 100%');
    expect(markdown).toContain('岗位只评价上表中部分项目的，各项目的权重按上表权重的比例折算为合计 100%');
  });

  it('mature training: the added item reaches every role with a qualitative rating, and the wizard says so', async () => {
    for (const role of mature.roles.filter((r) => r.quantitative_share < 100)) {
      expect(role.qualitative_items === undefined || role.qualitative_items.includes('complex_problem_solving'), role.id).toBe(true);
    }
    const built = buildPolicy({ training_maturity: 'mature' }, await readPreset({ size: 'large', language: 'zh-CN' }), { today: '2026-03-14' });
    if (!built.ok) throw new Error('answers refused');
    expect(built.adjustments.find((a) => a.code === 'adjust-training-add')?.kept).toBe(true);
  });

  it('the notice lists the weights the role was scored with, the same as the form, adding up to 100', () => {
    const policy = presetPolicy('large.zh-CN');
    const items = ['service_attitude', 'professional_skill', 'teamwork', 'compliance', 'innovation'];
    const evaluation = makeEvaluation(policy, [{ id: 'E1', name: '张伟', role: 'agent', kpis: {} }], {
      ratings: items.map((item, i) => ({ staff: 'E1', type: 'supervisor' as const, rater: 'M1', item, score: 1 + i })),
    });
    const report = scoreEvaluation({ policy, policyFile: { path: 'p', sha256: '0' }, evaluation, resultDate: '2026-09-30', language: 'zh-CN', toolVersion: 't' });
    const person = report.staff[0]!;
    const view = buildNoticeView(report, person, policy);
    expect(view.qualitativeItems).toBe('服务态度（29.41%）、专业能力（23.53%）、团队协作（17.65%）、规范与安全（17.65%）、改进创新（11.76%）');
    expect(person.qualitative.items.map((i) => i.weight)).toEqual(percents(view.qualitativeItems));
    // Scored with the printed weights: the supervisor's score is recomputable from the notice.
    const supervisor = person.qualitative.raters.find((r) => r.type === 'supervisor')!;
    expect(supervisor.score).toBeCloseTo((0 * 29.41 + 25 * 23.53 + 50 * 17.65 + 75 * 17.65 + 100 * 11.76) / 100, 10);
  });
});
