// The interactive flow with a scripted terminal: what is asked, in which order, with which
// defaults, and what the answers become.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT, fakePrompts, type Asked } from '../../test/helpers/fake-prompts.js';
import type { Policy } from '../policy/policy.generated.js';
import { askPolicyAnswers, askPresetAnswers, parseNumber, splitList } from './ask-answers.js';
import type { ResolvedAnswers } from './answers.js';
import type { Section } from './questions.js';
import { completeAnswers } from './complete-answers.js';
import { readPreset } from './read-preset.js';

let preset: Policy;
const today = '2026-03-14';
beforeAll(async () => {
  preset = await readPreset({ size: 'medium', language: 'zh-CN' });
});

const company = '华东家电服务有限公司';
/** The user's replies, with a real company name typed (Enter on the example name asks again). */
const typingCompany =
  (reply: Parameters<typeof fakePrompts>[0] = () => DEFAULT): Parameters<typeof fakePrompts>[0] =>
  (q, index) => {
    const value = reply(q, index);
    return value === DEFAULT && q.kind === 'input' && q.message === '公司全称' ? company : value;
  };

const ask = (reply: Parameters<typeof fakePrompts>[0], given = {}) => {
  const prompts = fakePrompts(typingCompany(reply));
  return { prompts, answers: askPolicyAnswers(given, { preset, today }, { language: 'zh-CN', prompts }) };
};

const is = (question: Asked, kind: Asked['kind'], text: string) => question.kind === kind && question.message.includes(text);

describe('askPolicyAnswers', () => {
  it('Enter all the way through gives exactly the non-interactive defaults', async () => {
    const { prompts, answers } = ask(() => DEFAULT);
    expect(await answers).toEqual(completeAnswers({ company }, { preset, today }).answers);
    // Every question shows why it matters.
    for (const q of prompts.asked.filter((a) => a.kind !== 'confirm' || a.hint)) expect(q.hint?.length ?? 0).toBeGreaterThan(5);
    // Each part says where it is among the ten.
    expect(prompts.said.filter((s) => s.includes('──'))).toEqual([
      '\n── 第 1/10 部分 · 公司与规模 ──',
      '\n── 第 2/10 部分 · 岗位 ──',
      '\n── 第 3/10 部分 · 部门现状 ──',
      '\n── 第 4/10 部分 · 岗位与指标 ──',
      '\n── 第 5/10 部分 · 目标值与底线值 ──',
      '\n── 第 6/10 部分 · 定性考核与评价人 ──',
      '\n── 第 7/10 部分 · 考核周期与等级 ──',
      '\n── 第 8/10 部分 · 激励 ──',
      '\n── 第 9/10 部分 · 处罚 ──',
      '\n── 第 10/10 部分 · 绩效申诉 ──',
    ]);
  });

  it('asks nothing that the answers file gave', async () => {
    const { prompts, answers } = ask(() => DEFAULT, { company: '华东家电', competition: 'intense' });
    const result = await answers;
    expect(result.company).toBe('华东家电');
    expect(prompts.asked.some((q) => q.message.includes('公司全称') || q.message.includes('竞争'))).toBe(false);
    // The situation from the file still shapes the suggestions asked about.
    const weights = prompts.asked.find((q) => is(q, 'confirm', '“客服专员”的指标权重'));
    expect(weights?.hint).toContain('响应及时率 31 · 首次响应时长 19');
  });

  it('a custom role: named, its KPIs picked once, weighted equally unless changed', async () => {
    let roleAsked = 0;
    const { prompts, answers } = ask((q) => {
      if (is(q, 'confirm', '还有上面没有列出的岗位')) return true;
      if (is(q, 'input', '岗位名称')) return roleAsked++ === 0 ? '  ' : '质检专员';
      if (is(q, 'input', '“质检专员”的岗位职责')) return '抽检通话录音和上门服务记录，跟踪问题整改。';
      if (is(q, 'checkbox', '“质检专员”考核哪些指标')) return ['csat', 'complaint_rate', 'reopen_rate'];
      if (is(q, 'input', '“质检专员”的绩效奖金基数')) return prompts.refused.length === 1 ? '-5' : '1800';
      if (is(q, 'confirm', '还要再添加一个岗位')) return false;
      return DEFAULT;
    });
    const result = await answers;
    expect(result.custom_roles).toEqual([{ name: '质检专员', description: '抽检通话录音和上门服务记录，跟踪问题整改。', kpis: ['csat', 'complaint_rate', 'reopen_rate'], bonus_base: 1800 }]);
    const base = prompts.asked.find((q) => is(q, 'input', '绩效奖金基数'));
    expect(base).toMatchObject({ message: '“质检专员”的绩效奖金基数（元）', default: '2200' });
    expect(base?.hint).toContain('建议值 2200 是预设各岗位基数的平均值');
    expect(result.role_kpis.custom_role_1).toEqual([
      { kpi: 'csat', weight: 34, scope: 'individual' },
      { kpi: 'complaint_rate', weight: 33, scope: 'individual' },
      { kpi: 'reopen_rate', weight: 33, scope: 'individual' },
    ]);
    expect(prompts.refused).toEqual(['请填写此项。', '不能为负数。']);
    expect(prompts.asked.filter((q) => q.message.includes('“质检专员”考核哪些指标'))).toHaveLength(1);
  });

  it('a custom role gets no KPI it was not given; a weight the situation shifts is said under its heading', async () => {
    const { prompts, answers } = ask(
      (q) => {
        if (is(q, 'confirm', '还有上面没有列出的岗位')) return true;
        if (is(q, 'input', '岗位名称')) return '质检专员';
        if (is(q, 'input', '岗位职责')) return '抽检服务记录';
        if (is(q, 'checkbox', '“质检专员”考核哪些指标')) return ['csat', 'response_sla_rate', 'reopen_rate'];
        if (is(q, 'confirm', '还要再添加一个岗位')) return false;
        return DEFAULT;
      },
      { competition: 'intense', cost_pressure: 'high' },
    );
    const result = await answers;
    expect(result.role_kpis.custom_role_1!.map((k) => k.kpi)).toEqual(['csat', 'response_sla_rate', 'reopen_rate']);
    const heading = prompts.said.indexOf('岗位：质检专员');
    // Exactly one line for it: the shift, and no cost KPI.
    expect(prompts.said.slice(heading + 1).filter((s) => s.startsWith('  · '))).toEqual([
      '  · 市场竞争激烈：“质检专员”的响应类指标（响应及时率）权重由 33 提高到 43，因为客户最先感受到的是响应速度。',
    ]);
    expect(prompts.asked.find((q) => is(q, 'confirm', '“质检专员”的指标权重'))?.hint).toContain('响应及时率 43');
    // The technician's suggestion says what was added to it and why.
    expect(prompts.said).toContain('  · 成本压力大：为“维修技术员”增加“单均维修成本”（权重 10），把成本控制落实到决定维修方案的人。');
  });

  it('after a KPI is unticked, the role’s adjustment is said again with what is left and its weight now', async () => {
    const { prompts, answers } = ask(
      (q) => (is(q, 'checkbox', '“客服专员”考核哪些指标') ? ['response_sla_rate', 'csat', 'tickets_resolved', 'complaint_rate'] : DEFAULT),
      { competition: 'intense' },
    );
    await answers;
    const before = prompts.said.find((s) => s.startsWith('  · 市场竞争激烈：“客服专员”'));
    expect(before).toContain('（响应及时率、首次响应时长）');
    const hint = prompts.asked.find((q) => is(q, 'confirm', '“客服专员”的指标权重'))!.hint!;
    const weight = /响应及时率 (\d+)/.exec(hint)![1];
    expect(hint).toContain(`  · 市场竞争激烈：“客服专员”的响应类指标（响应及时率）权重由 `);
    expect(hint).toContain(`提高到 ${weight}，因为客户最先感受到的是响应速度。`);
    // Nothing unticked: the hint is the reason alone, as before.
    const kept = ask(() => DEFAULT, { competition: 'intense' });
    await kept.answers;
    expect(kept.prompts.asked.find((q) => is(q, 'confirm', '“客服专员”的指标权重'))!.hint).not.toContain('市场竞争激烈');
  });

  it('weights that do not add up: running total shown, then scaled to 100 on request', async () => {
    const typed = ['20', '30', '20', '20', '20'];
    const { prompts, answers } = ask((q) => {
      if (is(q, 'confirm', '“客服专员”的指标权重')) return false;
      if (is(q, 'input', '的权重（%）') && typed.length > 0) return typed.shift();
      if (is(q, 'select', '权重合计为 110')) return 'normalise';
      return DEFAULT;
    });
    const result = await answers;
    expect(result.role_kpis.agent!.map((k) => [k.kpi, k.weight])).toEqual([
      ['response_sla_rate', 18],
      ['first_response_minutes', 28],
      ['csat', 18],
      ['tickets_resolved', 18],
      ['complaint_rate', 18],
    ]);
    const hints = prompts.asked.filter((q) => is(q, 'input', '的权重（%）')).map((q) => q.hint);
    expect(hints).toEqual([
      '已分配 0，还剩 100；各项权重合计须为 100。',
      '已分配 20，还剩 80；各项权重合计须为 100。',
      '已分配 50，还剩 50；各项权重合计须为 100。',
      '已分配 70，还剩 30；各项权重合计须为 100。',
      '已分配 90，还剩 10；各项权重合计须为 100。',
    ]);
    const offer = prompts.asked.find((q) => is(q, 'select', '权重合计为 110'));
    expect(offer?.kind === 'select' && offer.choices.map((c) => c.name)).toEqual([
      '按比例调整为合计 100：响应及时率 18 · 首次响应时长 28 · 客户满意度 18 · 解决工单量 18 · 投诉率 18',
      '重新输入',
    ]);
  });

  it('weights typed one by one: the last one offers what is left, so Enter completes 100', async () => {
    const typed = ['20', '30', '20', '20'];
    const { prompts, answers } = ask((q) => {
      if (is(q, 'confirm', '“客服专员”的指标权重')) return false;
      if (is(q, 'input', '的权重（%）') && typed.length > 0) return typed.shift();
      return DEFAULT;
    });
    const result = await answers;
    const last = prompts.asked.filter((q) => is(q, 'input', '的权重（%）'))[4];
    expect(last?.hint).toBe('已分配 90，还剩 10；各项权重合计须为 100。');
    expect(last?.kind === 'input' && last.default).toBe('10');
    expect(result.role_kpis.agent!.map((k) => k.weight)).toEqual([20, 30, 20, 20, 10]);
    expect(prompts.asked.some((q) => q.message.includes('权重合计为'))).toBe(false);
  });

  it('weights that do not add up: re-entered, with the typed values as the new defaults', async () => {
    const rounds = [
      ['10', '10', '10', '10', '10'],
      [DEFAULT, DEFAULT, '60', DEFAULT, DEFAULT],
    ];
    let round = 0;
    let index = 0;
    const { prompts, answers } = ask((q) => {
      if (is(q, 'confirm', '“客服专员”的指标权重')) return false;
      if (is(q, 'input', '的权重（%）') && round < rounds.length) {
        const value = rounds[round]![index++];
        if (index === 5) {
          index = 0;
          round++;
        }
        return value;
      }
      if (is(q, 'select', '权重合计为 50')) return 'reenter';
      return DEFAULT;
    });
    const result = await answers;
    expect(result.role_kpis.agent!.map((k) => k.weight)).toEqual([10, 10, 60, 10, 10]);
    const second = prompts.asked.filter((q) => is(q, 'input', '的权重（%）')).slice(5, 10);
    expect(second.map((q) => q.kind === 'input' && q.default)).toEqual(['10', '10', '10', '10', '10']);
  });

  it('changed targets and floors are kept; a floor on the wrong side is refused', async () => {
    const script: Record<string, unknown[]> = { '“首次响应时长”的目标值': ['20'], '“首次响应时长”的底线值': ['10', '90'] };
    const { prompts, answers } = ask((q) => {
      if (is(q, 'confirm', '“客服专员”的目标值与底线值')) return false;
      for (const [text, replies] of Object.entries(script)) if (q.message.includes(text) && replies.length > 0) return replies.shift();
      return DEFAULT;
    });
    const result = await answers;
    expect(result.role_kpis.agent!.find((k) => k.kpi === 'first_response_minutes')).toEqual({ kpi: 'first_response_minutes', weight: 15, scope: 'individual', target: 20, floor: 90 });
    expect(prompts.refused).toEqual(['指标“首次响应时长”（first_response_minutes）（岗位“客服专员”）越低越好，目标值 20 应低于底线值 10。']);
    expect(prompts.asked.find((q) => q.message.includes('“首次响应时长”的目标值'))?.message).toBe('“首次响应时长”的目标值（分钟，越低越好）');
  });

  it('an impossible target or floor is refused with the message aspm validate gives, and asked again', async () => {
    const script: Record<string, unknown[]> = {
      '“客户满意度”的目标值': ['-5', '96'],
      '“客户满意度”的底线值': ['-10', '150', '85'],
      '“投诉率”的目标值': ['150', '1'],
      '“首次响应时长”的目标值': ['-5', '20'],
      '“解决工单量”的目标值': ['12.5', '120'],
      '“解决工单量”的底线值': ['-1', '50'],
    };
    const { prompts, answers } = ask(
      (q) => {
        if (is(q, 'checkbox', '“客服专员”考核哪些指标')) return ['csat', 'complaint_rate', 'first_response_minutes', 'tickets_resolved'];
        if (is(q, 'confirm', '“客服专员”的目标值与底线值')) return false;
        for (const [text, replies] of Object.entries(script)) if (q.message.includes(text) && replies.length > 0) return replies.shift();
        return DEFAULT;
      },
      { roles: ['agent'] },
    );
    const result = await answers;
    expect(result.role_kpis.agent!.map(({ kpi, target, floor }) => ({ kpi, target, floor }))).toEqual([
      { kpi: 'first_response_minutes', target: 20, floor: undefined },
      { kpi: 'csat', target: 96, floor: 85 },
      { kpi: 'tickets_resolved', target: 120, floor: 50 },
      { kpi: 'complaint_rate', target: 1, floor: undefined },
    ]);
    expect(prompts.refused).toEqual([
      '指标“首次响应时长”（first_response_minutes）（岗位“客服专员”）的目标值 -5 不可能达到：时长、费用和件数都不会小于 0。请改为 0 或更大的数。',
      '指标“客户满意度”（csat）（岗位“客服专员”）的目标值 -5% 不可能达到：百分比在 0–100% 之间。请改为 0 到 100 之间的数。',
      '指标“客户满意度”（csat）（岗位“客服专员”）的底线值 -10% 不可能达到：百分比在 0–100% 之间。请改为 0 到 100 之间的数。',
      '指标“客户满意度”（csat）（岗位“客服专员”）的底线值 150% 不可能达到：百分比在 0–100% 之间。请改为 0 到 100 之间的数。',
      '指标“解决工单量”（tickets_resolved）（岗位“客服专员”）按件数计，目标值 12.5 不是整数。请改为整数，如 12 或 13。',
      '指标“解决工单量”（tickets_resolved）（岗位“客服专员”）的底线值 -1 不可能达到：时长、费用和件数都不会小于 0。请改为 0 或更大的数。',
      '指标“投诉率”（complaint_rate）（岗位“客服专员”）的目标值 150% 不可能达到：百分比在 0–100% 之间。请改为 0 到 100 之间的数。',
    ]);
  });

  it('shows every target and floor with a unit that reads naturally', async () => {
    const { prompts, answers } = ask((q) => (is(q, 'checkbox', '“客服专员”考核哪些指标') ? ['tickets_resolved', 'cost_per_ticket'] : DEFAULT), { roles: ['agent'] });
    await answers;
    expect(prompts.asked.find((q) => is(q, 'confirm', '“客服专员”的目标值与底线值'))?.hint).toBe('解决工单量：目标 130 件，底线 60 件\n单均维修成本：目标 150 元，底线 300 元');
  });

  it('a grade bound out of order is refused as it is typed, not after all of them', async () => {
    const { prompts, answers } = ask((q) => {
      if (is(q, 'confirm', '各绩效等级的最低分')) return false;
      if (q.kind === 'input' && q.message.startsWith('S（')) return '75';
      // The preset's 80 for A is not offered once S is 75; 95 is refused, then 72 taken.
      if (q.kind === 'input' && q.message.startsWith('A（')) return prompts.refused.length === 0 ? '95' : '72';
      if (q.kind === 'input' && q.message.startsWith('C（')) return prompts.refused.length === 1 ? '0' : DEFAULT;
      return DEFAULT;
    });
    const result = await answers;
    expect(result.grade_mins).toEqual({ S: 75, A: 72, B: 70, C: 60, D: 0 });
    expect(prompts.refused).toEqual(['等级 A 的最低分 95 应低于上一等级 S 的 75。', '等级 C 的最低分 0 应高于 0，因为最低等级 D 从 0 分起。']);
    const asked = prompts.asked.filter((q) => q.kind === 'input' && /^[SABC]（/.test(q.message));
    // Each grade asked until accepted, never the whole list again.
    expect(asked.map((q) => q.message.slice(0, 1))).toEqual(['S', 'A', 'A', 'B', 'C', 'C']);
    expect(asked.map((q) => q.kind === 'input' && q.default)).toEqual(['90', undefined, undefined, '70', '60', '60']);
    expect(prompts.said.some((s) => s.startsWith('> '))).toBe(false);
  });

  it('a past effective date is explained, then kept or typed again as the user says', async () => {
    const dates = ['2025-01-01', '2025-12-01'];
    const { prompts, answers } = ask((q) => {
      if (is(q, 'input', '生效日期') && dates.length > 0) return dates.shift();
      if (is(q, 'confirm', '仍使用 2025-12-01 吗？')) return true;
      return DEFAULT;
    });
    const result = await answers;
    // Enter does not keep a past date (the first is typed again); saying yes does: a warning, not a refusal.
    expect(result.effective_date).toBe('2025-12-01');
    expect(prompts.said.filter((s) => s.startsWith('> 生效日期'))).toEqual([
      '> 生效日期 2025-01-01 早于今天（2026-03-14）。制度一般在公示之后生效，涉及薪酬的规定不宜追溯适用；如确属有意，可忽略此提示。',
      '> 生效日期 2025-12-01 早于今天（2026-03-14）。制度一般在公示之后生效，涉及薪酬的规定不宜追溯适用；如确属有意，可忽略此提示。',
    ]);
    expect(prompts.asked.filter((q) => is(q, 'confirm', '仍使用')).map((q) => q.kind === 'confirm' && q.default)).toEqual([false, false]);
    expect(prompts.refused).toEqual([]);
  });

  it('suggests the first of next month, with it as the example, and takes 2027/1/1 and 2027年1月1日', async () => {
    for (const typed of ['2027/1/1', '2027年1月1日', '２０２７年１月１日', ' 2027-01-01 ']) {
      const { prompts, answers } = ask((q) => (is(q, 'input', '生效日期') ? typed : DEFAULT));
      expect((await answers).effective_date).toBe('2027-01-01');
      const question = prompts.asked.find((q) => is(q, 'input', '生效日期'));
      expect(question?.kind === 'input' && question.default).toBe('2026-04-01');
      expect(question?.hint).toContain('写作 2026-04-01、2027/1/1 或 2027年1月1日 均可');
    }
    const { prompts, answers } = ask((q) => (is(q, 'input', '生效日期') ? (prompts.refused.length === 0 ? '2027/2/30' : DEFAULT) : DEFAULT));
    expect((await answers).effective_date).toBe('2026-04-01');
    expect(prompts.refused).toEqual(['日期 2027/2/30 不存在或格式不对。请写成 YYYY-MM-DD，如 2026-04-01。']);
  });

  it('weights typed past 100 say how far over, not a negative remainder', async () => {
    const typed = ['60', '42.5'];
    const { prompts, answers } = ask((q) => {
      if (is(q, 'confirm', '“客服专员”的指标权重')) return false;
      if (is(q, 'input', '的权重（%）') && typed.length > 0) return typed.shift();
      if (is(q, 'select', '权重合计为')) return 'normalise';
      return DEFAULT;
    });
    await answers;
    const hints = prompts.asked.filter((q) => is(q, 'input', '的权重（%）')).map((q) => q.hint);
    expect(hints[2]).toBe('已分配 102.5，超出 2.5；各项权重合计须为 100。');
    expect(hints.join('\n')).not.toContain('-');
  });

  it('the example company name is not taken on Enter: asked again, kept only when confirmed', async () => {
    // Enter twice (the default text comes back), then a real name.
    const typed = ['示例科技有限公司', '示例科技有限公司', 'Acme 售后'];
    const retyped = ask((q) => (is(q, 'input', '公司全称') ? typed.shift() : DEFAULT));
    expect((await retyped.answers).company).toBe('Acme 售后');
    const keep = retyped.prompts.asked.filter((q) => is(q, 'confirm', '仍使用 示例科技有限公司 吗？'));
    expect(keep.map((q) => q.kind === 'confirm' && q.default)).toEqual([false, false]);
    expect(retyped.prompts.said).toContain(
      '> “示例科技有限公司”是预设中的示例名称，不是贵公司的名称，却会印在制度标题和页眉上。保留它，制度就标为草案（版本号后注明“草案”），直到填写真实名称。',
    );
    const kept = ask((q) => (is(q, 'input', '公司全称') ? '示例科技有限公司' : is(q, 'confirm', '仍使用 示例科技有限公司') ? true : DEFAULT));
    expect((await kept.answers).company).toBe('示例科技有限公司');
  });

  it('today or a later effective date passes without a word', async () => {
    const { prompts, answers } = ask((q) => (is(q, 'input', '生效日期') ? today : DEFAULT));
    expect((await answers).effective_date).toBe(today);
    expect(prompts.asked.some((q) => q.message.includes('仍使用'))).toBe(false);
  });

  it('a list keeps its default exactly, and splits what is typed', async () => {
    const { answers } = ask(() => DEFAULT);
    expect((await answers).appeal_reviewers).toEqual(['绩效申诉小组（售后服务部经理、人力资源部代表、员工代表）']);
    const typed = ask((q) => (is(q, 'input', '由谁复核申诉') ? '人力资源部、工会代表（两人）' : DEFAULT));
    expect((await typed.answers).appeal_reviewers).toEqual(['人力资源部', '工会代表（两人）']);
  });
});

describe('going back to a part', () => {
  const first = async (reply: Parameters<typeof fakePrompts>[0] = () => DEFAULT) => askPolicyAnswers({}, { preset, today }, { language: 'zh-CN', prompts: fakePrompts(typingCompany(reply)) });
  const revisit = (part: Section, previous: ResolvedAnswers, reply: Parameters<typeof fakePrompts>[0], language: 'zh-CN' | 'en' = 'zh-CN') => {
    const prompts = fakePrompts(reply);
    return { prompts, answers: askPolicyAnswers({}, { preset, today }, { language, prompts, revisit: { part, previous } }) };
  };

  it('asks only that part, with the earlier answers as defaults, and keeps the parts before it', async () => {
    const previous = await first((q) => (is(q, 'select', '客户投诉多吗') ? 'frequent' : DEFAULT));
    const { prompts, answers } = revisit('situation', previous, () => DEFAULT);
    expect(await answers).toEqual(previous);
    expect(prompts.asked.map((q) => q.message)).toEqual(['所在市场的竞争激烈吗？', '内部培训体系成熟吗？', '控制服务成本的压力大吗？', '客户投诉多吗？']);
    expect(prompts.asked.map((q) => q.kind === 'select' && q.default)).toEqual(['normal', 'developing', 'normal', 'frequent']);
    expect(prompts.said).toEqual(['\n── 第 3/10 部分 · 部门现状 ──']);
  });

  it('later answers left at the suggestion follow the new suggestion, the user’s own stand, and each change is said', async () => {
    // The technician's weights were typed; the agent's were the suggestion.
    const typed = ['30', '30', '20', '10', '10'];
    const previous = await first((q) => {
      if (is(q, 'confirm', '“维修技术员”的指标权重')) return false;
      if (is(q, 'input', '的权重（%）') && typed.length > 0) return typed.shift();
      return DEFAULT;
    });
    const { prompts, answers } = revisit('situation', previous, (q) => (is(q, 'select', '竞争激烈吗') ? 'intense' : DEFAULT));
    const result = await answers;
    expect(result.role_kpis.technician).toEqual(previous.role_kpis.technician);
    expect(result.role_kpis.agent).toEqual(completeAnswers({ company, competition: 'intense' }, { preset, today }).answers.role_kpis.agent);
    expect(result.role_kpis.agent).not.toEqual(previous.role_kpis.agent);
    expect(prompts.said.slice(-2)).toEqual(['\n因第 3 部分的改动，后面的回答有以下变化：', '  · “各岗位的指标与权重”采用了建议值，它随您的新回答更新为新的建议。']);
  });

  it('an answer the change makes invalid goes back to the suggestion, and says why', async () => {
    // Item weights typed for four items; then mature training adds a fifth.
    const typed = ['40', '30', '20', '10'];
    const previous = await first((q) => {
      if (is(q, 'confirm', '定性项目的权重')) return false;
      if (is(q, 'input', '的权重（%）') && typed.length > 0) return typed.shift();
      return DEFAULT;
    });
    expect(Object.values(previous.item_weights)).toEqual([40, 30, 20, 10]);
    const { prompts, answers } = revisit('situation', previous, (q) => (is(q, 'select', '培训体系成熟吗') ? 'mature' : DEFAULT));
    const result = await answers;
    expect(result.qualitative_items).toContain('complex_problem_solving');
    expect(result.item_weights).toEqual(completeAnswers({ training_maturity: 'mature' }, { preset, today }).answers.item_weights);
    expect(prompts.said).toContain('  · “定性项目的权重”已恢复为建议值，因为原回答不再成立：它涉及的项目变了。');
  });

  it('a role unticked is dropped from the later parts; the targets part asks only targets', async () => {
    const previous = await first();
    const roles = await revisit('roles', previous, (q) => (is(q, 'checkbox', '考核哪些岗位') ? ['agent'] : DEFAULT)).answers;
    expect(Object.keys(roles.role_kpis)).toEqual(['agent']);
    expect(Object.keys(roles.quantitative_share)).toEqual(['agent']);
    const { prompts, answers } = revisit('targets', previous, (q) => (is(q, 'confirm', '“客服专员”的目标值与底线值') ? false : q.message.includes('“客户满意度”的目标值') ? '92' : DEFAULT));
    const result = await answers;
    expect(result.role_kpis.agent!.find((k) => k.kpi === 'csat')).toEqual({ kpi: 'csat', weight: 30, scope: 'individual', target: 92 });
    expect(prompts.asked.every((q) => q.message.includes('目标值') || q.message.includes('底线值'))).toBe(true);
  });

  it('an answer changed within the part leaves the later questions of the part a default that holds', async () => {
    const previous = await first();
    const dropped = previous.qualitative_items.slice(0, -1);
    const { prompts, answers } = revisit('qualitative', previous, (q) => (is(q, 'checkbox', '定性考核哪些方面') ? dropped : DEFAULT));
    const result = await answers;
    expect(Object.keys(result.item_weights)).toEqual(dropped);
    expect(Object.values(result.item_weights).reduce((a, b) => a + b, 0)).toBe(100);
    expect(prompts.asked.find((q) => is(q, 'checkbox', '定性考核哪些方面'))?.kind).toBe('checkbox');
  });

  it('custom roles added before are offered to keep', async () => {
    const previous = { ...(await first()), custom_roles: [{ name: '质检专员', description: '抽检', kpis: ['csat'], bonus_base: 1800 }] };
    const kept = revisit('roles', previous, () => DEFAULT);
    expect((await kept.answers).custom_roles).toEqual(previous.custom_roles);
    expect(kept.prompts.asked.map((q) => q.message)).toContain('保留自定义岗位“质检专员”吗？');
    const dropped = await revisit('roles', previous, (q) => (is(q, 'confirm', '保留自定义岗位') ? false : DEFAULT)).answers;
    expect(dropped.custom_roles).toEqual([]);
  });
});

describe('askPresetAnswers', () => {
  it('offers only languages and sizes that have a preset, defaulting to one that does', async () => {
    const prompts = fakePrompts(() => DEFAULT);
    const answers = await askPresetAnswers(
      {},
      { messageLanguage: 'en', hasPreset: (size, language) => size === 'medium' && language === 'zh-CN' },
      { language: 'en', prompts },
    );
    expect(answers).toEqual({ language: 'zh-CN', size: 'medium' });
    const language = prompts.asked[0]!;
    expect(language.kind === 'select' && language.choices.map((c) => [c.value, c.disabled])).toEqual([
      ['zh-CN', undefined],
      ['en', '(no presets in this language yet)'],
    ]);
  });
});

describe('typed numbers and lists', () => {
  it.each([
    ['30', 30],
    [' 30% ', 30],
    ['３０', 30],
    ['1.5', 1.5],
    ['abc', undefined],
    ['', undefined],
  ])('%j → %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('splits on Chinese and Latin separators, but not inside brackets', () => {
    expect(splitList('甲、乙，丙; 丁（a、b）')).toEqual(['甲', '乙', '丙', '丁（a、b）']);
  });
});
