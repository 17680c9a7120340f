import { beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../policy/policy.generated.js';
import { buildPolicy, type BuiltPolicy } from './build-policy.js';
import type { Answers } from './answers.js';
import { displayWidth } from '../text/display-width.js';
import { readPreset } from './read-preset.js';
import { renderSummary } from './render-summary.js';

let preset: Policy;
beforeAll(async () => {
  preset = await readPreset({ size: 'medium', language: 'zh-CN' });
});

function built(answers: Answers): BuiltPolicy {
  const result = buildPolicy(answers, preset, { today: '2026-03-14' });
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result;
}

describe('renderSummary for the terminal’s width', () => {
  it.each([60, 100, 200])('the large preset in English fits %i columns, the table when it fits, else a block per role', async (width) => {
    const large = await readPreset({ size: 'large', language: 'en' });
    const result = buildPolicy({ company: 'Acme', cost_pressure: 'high', complaints: 'frequent' }, large, { today: '2026-03-14' });
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    const text = renderSummary(result.policy, result.adjustments, { language: 'en', width });
    const start = text.indexOf('Roles × KPI weights');
    const roles = text.slice(start, text.indexOf('\n\n', start)).split('\n');
    // The roles part is laid out to fit, not cut by the terminal.
    for (const line of roles) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    const agent = result.policy.roles.find((r) => r.id === 'agent')!;
    if (width === 200) {
      expect(roles[1]).toMatch(/^KPI\s+Customer Service Agent\s+Field Service Technician\s+Service Supervisor\s+Target \/ floor$/);
    } else {
      // One block per role: its name, its split and bonus base, each KPI with weight, target and floor.
      const at = roles.indexOf('Customer Service Agent');
      expect(roles[at + 1]).toBe('  KPIs : qualitative 70:30 · Bonus base CNY 4500');
      expect(roles[at + 2]).toMatch(/^ {2}Customer satisfaction \(CSAT\)\s+22\s+≥96% \/ 85%$/);
      expect(roles.slice(at + 2, at + 2 + agent.kpis.length).map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(agent.kpis.map((k) => result.policy.kpis.find((d) => d.id === k.kpi)!.name));
      expect(roles[at + 2 + agent.kpis.length]).toMatch(/^ {2}Total\s+100$/);
    }
  });
});

describe('renderSummary of the situation', () => {
  it('acknowledges every situation answer, also one that changed nothing', async () => {
    const large = await readPreset({ size: 'large', language: 'zh-CN' });
    const result = buildPolicy({ cost_pressure: 'high', complaints: 'frequent' }, large, { today: '2026-03-14' });
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    const text = renderSummary(result.policy, result.adjustments, { language: 'zh-CN', situation: result.answers });
    const lines = text.slice(text.indexOf('根据部门现状所做的调整')).split('\n').slice(1).filter((l) => l !== '');
    // The large preset already has the cost KPI: said, not silently skipped.
    expect(lines).toContain('- 成本压力：大，但单均维修成本已在预设中，无需调整。');
    expect(lines).toContain('- 市场竞争：一般，预设的建议不变。');
    expect(lines).toContain('- 培训体系：逐步完善中，预设的建议不变。');
    expect(lines.filter((l) => l.startsWith('- 客户投诉频繁：')).length).toBeGreaterThan(0);
    expect(lines.some((l) => l.startsWith('- 客户投诉：'))).toBe(false);
    expect(lines).toHaveLength(3 + result.adjustments.length);
    const en = renderSummary(result.policy, result.adjustments, { language: 'en', situation: result.answers });
    expect(en).toContain('- Cost pressure: Strong, but 单均维修成本 is already in the preset; nothing to change.');
  });
});

describe('renderSummary', () => {
  it('tabulates roles × KPIs with weights, team scope, totals and the split', () => {
    const b = built({});
    const lines = renderSummary(b.policy, b.adjustments, { language: 'zh-CN' }).split('\n');
    const header = lines.find((l) => l.startsWith('指标'))!;
    expect(header.split(/\s{2,}/)).toEqual(['指标', '客服专员', '维修技术员', '服务主管', '目标 / 底线']);
    expect(lines.find((l) => l.startsWith('客户满意度'))!.split(/\s+/)).toEqual(['客户满意度', '30', '25', '30*', '≥95%', '/', '80%']);
    expect(lines.find((l) => l.startsWith('首次响应时长'))).toMatch(/15\s+≤30 分钟 \/ 120 分钟$/);
    expect(lines.find((l) => l.startsWith('解决工单量'))).toMatch(/≥130 件 \/ 60 件$/);
    expect(lines.find((l) => l.startsWith('合计'))!.split(/\s+/)).toEqual(['合计', '100', '100', '100']);
    expect(lines.find((l) => l.startsWith('量化 : 定性'))).toMatch(/70:30\s+70:30\s+60:40$/);
    expect(lines.find((l) => l.startsWith('奖金基数'))).toMatch(/1500 元\s+2000 元\s+3000 元$/);
    // Columns line up in a terminal, Chinese characters counting two.
    const end = (l: string, text: string) => displayWidth(l.slice(0, l.indexOf(text) + text.length));
    expect(end(lines.find((l) => l.startsWith('合计'))!, '100')).toBe(end(header, '客服专员'));
  });

  it('shows the target and floor a role was given instead of the KPI’s own', () => {
    const agent = [
      { kpi: 'response_sla_rate', weight: 40, target: 70, floor: 60 },
      { kpi: 'csat', weight: 60 },
    ];
    // Two roles use the KPI and differ: the column keeps the KPI's own, the agent is marked.
    const both = renderSummary(built({ role_kpis: { agent } }).policy, [], { language: 'zh-CN' }).split('\n');
    expect(both.find((l) => l.startsWith('响应及时率'))).toMatch(/^响应及时率\s+40#\s+10\*\s+≥95% \/ 80%$/);
    const note = both.indexOf('# 该岗位另定了目标 / 底线：');
    expect(both.slice(note, note + 3)).toEqual(['# 该岗位另定了目标 / 底线：', '  客服专员 · 响应及时率：≥70% / 60%', '']);
    // Only the agent uses it: the column shows what the agent is held to.
    const alone = renderSummary(built({ roles: ['agent'], role_kpis: { agent } }).policy, [], { language: 'en' }).split('\n');
    expect(alone.find((l) => l.startsWith('响应及时率'))).toMatch(/^响应及时率\s+40\s+≥70% \/ 60%$/);
    expect(alone.join('\n')).not.toContain('own target');
  });

  it('shows the bonus base of a custom role next to the others', () => {
    const b = built({ custom_roles: [{ name: '质检专员', kpis: ['csat'] }, { name: 'Parts clerk', kpis: ['csat'], bonus_base: 900 }] });
    const en = renderSummary(b.policy, [], { language: 'en' }).split('\n');
    expect(en.find((l) => l.startsWith('Bonus base'))).toMatch(/CNY 1500\s+CNY 2000\s+CNY 3000\s+CNY 2200\s+CNY 900$/);
  });

  it('writes the cost KPI in 元 and a count in 件 in Chinese, CNY and a bare number in English', () => {
    const { policy } = built({ cost_pressure: 'high' });
    const zh = renderSummary(policy, [], { language: 'zh-CN' });
    expect(zh).toMatch(/\n单均维修成本 .* ≤150 元 \/ 300 元\n/);
    expect(zh).toMatch(/\n解决工单量 .* ≥130 件 \/ 60 件\n/);
    const en = renderSummary(policy, [], { language: 'en' });
    expect(en).toMatch(/\n单均维修成本 .* ≤CNY 150 \/ CNY 300\n/);
    expect(en).toMatch(/\n解决工单量 .* ≥130 \/ 60\n/);
  });

  it('shows grades with coefficients, incentives, penalties and the appeal', () => {
    const text = renderSummary(built({}).policy, [], { language: 'zh-CN' });
    expect(text).toContain('S 卓越：90–100 分，奖金系数 1.5');
    expect(text).toContain('考核周期：每月，并汇总季度、年度结果');
    expect(text).toContain('处罚：绩效改进计划（连续两个月考核为 D 级的');
    expect(text).toContain('结果公布后 5 个工作日内提出，10 个工作日内答复');
    expect(text).toContain('无（按您的回答，预设的建议无需调整）。');
  });

  it('explains each adjustment, and says when a later answer undid it', () => {
    const b = built({ complaints: 'frequent', role_kpis: { agent: [{ kpi: 'csat', weight: 100 }] } });
    const text = renderSummary(b.policy, b.adjustments, { language: 'en' });
    expect(text).toContain('Frequent complaints: "维修技术员" gets "投诉率" (weight 15), so everyone answers for complaints.');
    expect(text).toMatch(/Frequent complaints: "投诉率" of "客服专员" goes from 15 to \d+, so everyone answers for complaints\. \(you changed this afterwards; your setting stands\)/);
    expect(text).toContain('Cycle: Monthly, with quarterly and annual summaries');
    // Units in the language of the summary: the policy's CNY is written as English writes it.
    expect(text).toMatch(/\n客户满意度 .* ≥95% \/ 80%\n/);
    expect(text).toMatch(/\n平均解决时长 .* ≤24 h \/ 72 h\n/);
  });
});
