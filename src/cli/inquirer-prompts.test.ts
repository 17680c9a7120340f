// The wizard driven through the real inquirer prompts, without a terminal: keys go in with
// @inquirer/testing, and the tests read the screen a user would see.
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../policy/policy.generated.js';
import type { ResolvedAnswers } from '../wizard/answers.js';
import { askPolicyAnswers, askPresetAnswers } from '../wizard/ask-answers.js';
import { completeAnswers } from '../wizard/complete-answers.js';
import { readPreset } from '../wizard/read-preset.js';
import { displayWidth } from '../text/display-width.js';
import { inquirerPrompts, isPromptExit } from './inquirer-prompts.js';

type Key = string | { type: string } | { name: string; ctrl: boolean };

let preset: Policy;
const today = '2026-03-14';
const company = '华东家电服务有限公司';
beforeAll(async () => {
  preset = await readPreset({ size: 'medium', language: 'zh-CN' });
});

function wizard(): Promise<ResolvedAnswers> {
  const said: string[] = [];
  const prompts = inquirerPrompts({
    language: 'zh-CN',
    color: false,
    write: (text) => said.push(text),
    functions: { input: wrapPrompt(input), select: wrapPrompt(select) as typeof select, checkbox: wrapPrompt(checkbox) as typeof checkbox, confirm: wrapPrompt(confirm) },
  });
  const progress = {};
  return (async () => {
    const chosen = await askPresetAnswers({}, { messageLanguage: 'zh-CN', hasPreset: (size, language) => size === 'medium' && language === 'zh-CN' }, { language: 'zh-CN', prompts, progress });
    expect(chosen).toEqual({ language: 'zh-CN', size: 'medium' });
    return askPolicyAnswers({}, { preset, today }, { language: 'zh-CN', prompts, progress });
  })();
}

/** Answers each screen with `respond`'s keys (Enter when it returns nothing) until the wizard ends. */
async function drive<T>(run: Promise<T>, respond: (text: string) => Key[] | undefined = () => undefined): Promise<{ result: T; screens: string[] }> {
  let done = false;
  run.then(
    () => (done = true),
    () => (done = true),
  );
  const screens: string[] = [];
  for (let step = 0; step < 500; step++) {
    await new Promise((resolve) => setImmediate(resolve));
    if (done) return { result: await run, screens };
    const text = screen.getScreen();
    screens.push(text);
    // Enter everywhere, except on the company name: Enter on the example name asks again.
    for (const key of respond(text) ?? (text.startsWith('? 公司全称') ? [{ type: company }, 'enter'] : ['enter'])) {
      if (typeof key === 'object' && 'type' in key) screen.type(key.type);
      else screen.keypress(key);
    }
    await Promise.race([screen.next(), run.catch(() => undefined)]);
  }
  throw new Error(`the wizard did not finish; last screen:\n${screens.at(-1)}`);
}

describe('the wizard through inquirer', () => {
  it('Enter all the way through gives the preset defaults, each question with its reason', async () => {
    const { result, screens } = await drive(wizard());
    expect(result).toEqual(completeAnswers({ company }, { preset, today }).answers);
    expect(screens[0]).toContain('? 制度文件用什么语言？\n  决定制度正文、Word 文档和员工考核通知书的语言');
    expect(screens[0]).toContain('↑↓ 移动 • ⏎ 选择');
    expect(screens).toContain('? 公司全称\n  写在制度标题和文档页眉上。\n › (示例科技有限公司)');
    expect(screens.find((s) => s.startsWith('? 要考核哪些岗位？'))).toContain('❯◉ 客服专员\n ◉ 维修技术员\n ◉ 服务主管');
    // Every yes/no question says in words what Enter gives, with or without colour.
    expect(screens.find((s) => s.startsWith('? 还有上面没有列出的岗位吗？'))).toContain(' › (是/否) 默认：否');
    expect(screens.find((s) => s.startsWith('? “客服专员”的指标权重：采用建议值吗？'))).toContain(' › (是/否) 默认：是');
  });

  it('a long hint is wrapped between words to the terminal, not cut mid-word', async () => {
    const prompts = inquirerPrompts({ language: 'en', color: false, write: () => undefined, functions: { input, select, checkbox, confirm: wrapPrompt(confirm) } });
    const columns = process.stdout.columns;
    Object.defineProperty(process.stdout, 'columns', { value: 40, configurable: true });
    try {
      const answer = prompts.confirm({ message: 'Bonus coefficients?', hint: 'Suggested: S (Outstanding) 1.5 · A (Excellent) 1.2 · D (Needs improvement) 0.5', default: true });
      await new Promise((resolve) => setImmediate(resolve));
      expect(screen.getScreen()).toContain('  Suggested: S (Outstanding) 1.5 · A\n  (Excellent) 1.2 · D (Needs\n  improvement) 0.5');
      screen.keypress('enter');
      expect(await answer).toBe(true);
    } finally {
      Object.defineProperty(process.stdout, 'columns', { value: columns, configurable: true });
    }
  });

  it.each([
    [true, true, '(Y/n)'],
    [false, true, '(y/N)'],
    [true, false, '(Y/n)'],
  ])('in English a yes/no question capitalises its default (default %s, colour %s)', async (fallback, color, shown) => {
    const prompts = inquirerPrompts({ language: 'en', color, write: () => undefined, functions: { input, select, checkbox, confirm: wrapPrompt(confirm) } });
    const answer = prompts.confirm({ message: 'Add another role?', default: fallback });
    await new Promise((resolve) => setImmediate(resolve));
    expect(screen.getScreen()).toContain(`Add another role? ${shown}`);
    screen.keypress('enter');
    expect(await answer).toBe(fallback);
  });

  it('a long English answer and a role description wrap between words', async () => {
    const prompts = inquirerPrompts({ language: 'en', color: false, write: () => undefined, functions: { input, select, checkbox: wrapPrompt(checkbox) as typeof checkbox, confirm } });
    const columns = process.stdout.columns;
    Object.defineProperty(process.stdout, 'columns', { value: 60, configurable: true });
    try {
      const names = ['Customer satisfaction (CSAT)', 'Response SLA rate', 'Service quality inspection score', 'First response time'];
      const answer = prompts.checkbox({
        message: 'Which KPIs assess "Customer Service Agent"?',
        choices: names.map((name, i) => ({ value: `k${i}`, name, checked: true, description: 'Takes customer calls and online enquiries, opens and follows up tickets, books on-site visits.' })),
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(screen.getScreen()).toContain('Takes customer calls and online enquiries, opens and\nfollows up tickets, books on-site visits.');
      screen.keypress('enter');
      expect(await answer).toEqual(['k0', 'k1', 'k2', 'k3']);
      const done = screen.getScreen();
      expect(done).toBe('✔ Which KPIs assess "Customer Service Agent"?\n  Customer satisfaction (CSAT), Response SLA rate, Service\n  quality inspection score, First response time');
    } finally {
      Object.defineProperty(process.stdout, 'columns', { value: columns, configurable: true });
    }
  });

  it('a long English question wraps between words, asked and answered', async () => {
    const prompts = inquirerPrompts({ language: 'en', color: false, write: () => undefined, functions: { input, select, checkbox, confirm: wrapPrompt(confirm) } });
    const columns = process.stdout.columns;
    Object.defineProperty(process.stdout, 'columns', { value: 60, configurable: true });
    try {
      const answer = prompts.confirm({ message: 'KPI weights of "Field Service Technician": use the suggested values?', default: true });
      await new Promise((resolve) => setImmediate(resolve));
      screen.keypress('enter');
      expect(await answer).toBe(true);
      expect(screen.getScreen()).toBe('✔ KPI weights of "Field Service Technician": use the\n  suggested values? Yes');
    } finally {
      Object.defineProperty(process.stdout, 'columns', { value: columns, configurable: true });
    }
  });

  it('a refusal wraps between words and goes on under its text, never cutting a number', async () => {
    const prompts = inquirerPrompts({ language: 'zh-CN', color: false, write: () => undefined, functions: { input: wrapPrompt(input) as typeof input, select, checkbox, confirm } });
    const columns = process.stdout.columns;
    Object.defineProperty(process.stdout, 'columns', { value: 60, configurable: true });
    try {
      const refusal = '指标“响应及时率”（response_sla_rate）（岗位“客服专员”）的目标值 150% 不可能达到：百分比在 0–100% 之间。请改为 0 到 100 之间的数。';
      const answer = prompts.input({ message: '“响应及时率”的目标值', validate: (v) => (Number(v) <= 100 ? true : refusal) });
      await new Promise((resolve) => setImmediate(resolve));
      screen.type('150');
      screen.keypress('enter');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const shown = screen.getScreen().split('\n').filter((l) => l.startsWith('>') || l.startsWith('  '));
      const refused = shown.slice(shown.findIndex((l) => l.startsWith('> ')));
      expect(refused.length).toBeGreaterThan(1);
      for (const line of refused) expect(displayWidth(line), line).toBeLessThan(60);
      expect(refused.slice(1).every((l) => l.startsWith('  '))).toBe(true);
      expect(refused.join('').replace(/\s+/g, '')).toContain('0到100之间的数');
      screen.keypress('backspace');
      screen.keypress('backspace');
      screen.keypress('backspace');
      screen.type('95');
      screen.keypress('enter');
      expect(await answer).toBe('95');
    } finally {
      Object.defineProperty(process.stdout, 'columns', { value: columns, configurable: true });
    }
  });

  it('Escape or Left in a single-choice list leaves the highlight where it was', async () => {
    const prompts = inquirerPrompts({ language: 'en', color: false, write: () => undefined, functions: { input, select: wrapPrompt(select) as typeof select, checkbox, confirm } });
    const answer = prompts.select({ message: 'How often?', choices: [{ value: 'monthly', name: 'Monthly' }, { value: 'quarterly', name: 'Quarterly' }, { value: 'annual', name: 'Annually' }], default: 'quarterly' });
    await new Promise((resolve) => setImmediate(resolve));
    screen.keypress('down');
    for (const key of ['escape', 'left', 'escape']) screen.keypress(key);
    expect(screen.getScreen()).toContain('❯ Annually');
    screen.keypress('enter');
    expect(await answer).toBe('annual');
  });

  it('a custom role is named and given KPIs with the keyboard', async () => {
    const { result } = await drive(wizard(), (text) => {
      if (text.startsWith('? 还有上面没有列出的岗位吗？')) return [{ type: 'y' }, 'enter'];
      if (text.startsWith('? 岗位名称')) return [{ type: '质检专员' }, 'enter'];
      if (text.startsWith('? “质检专员”的岗位职责')) return [{ type: '抽检通话录音' }, 'enter'];
      if (text.startsWith('? “质检专员”考核哪些指标？')) return ['5', '8', 'enter'];
      return undefined;
    });
    // Enter takes the suggested bonus base: the average of the preset's 1500, 2000 and 3000.
    expect(result.custom_roles).toEqual([{ name: '质检专员', description: '抽检通话录音', kpis: ['csat', 'complaint_rate'], bonus_base: 2200 }]);
    expect(result.role_kpis.custom_role_1?.map((k) => [k.kpi, k.weight])).toEqual([
      ['csat', 50],
      ['complaint_rate', 50],
    ]);
  });

  it('weights that do not add up show the running total, then offer to scale them', async () => {
    const typed = ['20', '30', '20', '20', '20'];
    const { result, screens } = await drive(wizard(), (text) => {
      if (text.startsWith('? “客服专员”的指标权重：采用建议值吗？')) return [{ type: 'n' }, 'enter'];
      if (/^\? “.+”的权重（%）/.test(text) && typed.length > 0) return [{ type: typed.shift()! }, 'enter'];
      return undefined;
    });
    expect(screens.filter((s) => s.includes('已分配')).map((s) => /已分配 \d+，还剩 \d+/.exec(s)?.[0])).toEqual([
      '已分配 0，还剩 100',
      '已分配 20，还剩 80',
      '已分配 50，还剩 50',
      '已分配 70，还剩 30',
      '已分配 90，还剩 10',
    ]);
    const offer = screens.find((s) => s.startsWith('? 权重合计为 110，不是 100。'));
    expect(offer).toContain('❯ 按比例调整为合计 100：响应及时率 18 · 首次响应时长 28 · 客户满意度 18 · 解决工单量 18 · 投诉率 18\n  重新输入');
    expect(result.role_kpis.agent?.map((k) => k.weight)).toEqual([18, 28, 18, 18, 18]);
  });

  it('a weight that is not a number is refused in Chinese', async () => {
    let tries = 0;
    const { screens } = await drive(wizard(), (text) => {
      if (text.startsWith('? “客服专员”的指标权重：采用建议值吗？')) return [{ type: 'n' }, 'enter'];
      if (text.startsWith('? “响应及时率”的权重（%）') && text.includes('> 请输入一个数字')) return ['backspace', 'backspace', 'backspace', 'enter'];
      if (text.startsWith('? “响应及时率”的权重（%）') && tries++ === 0) return [{ type: 'abc' }, 'enter'];
      return undefined;
    });
    expect(screens.some((s) => s.includes('> 请输入一个数字，如 30。'))).toBe(true);
  });

  it('Ctrl+C ends the wizard with the error the CLI turns into "interrupted"', async () => {
    const run = wizard();
    await new Promise((resolve) => setImmediate(resolve));
    screen.keypress('enter');
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    const failure = await run.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isPromptExit(failure)).toBe(true);
  });
});
