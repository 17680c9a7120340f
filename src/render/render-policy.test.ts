import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy, loadPreset, presetNames } from '../../test/helpers/presets.js';
import { ROOT } from '../../test/helpers/run-cli.js';
import { checkPolicyObject } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.generated.js';
import { toChineseNumeral } from '../text/chinese-numerals.js';
import { parseMarkdownDocument, plainText, type Block } from './markdown-document.js';
import { buildPolicyView } from './policy-view.js';
import { policyDocumentOptions, renderPolicyMarkdown } from './render-policy.js';
import { readTemplateSet, type TemplateSet } from './templates.js';

const templates: Partial<Record<string, TemplateSet>> = {};
beforeAll(async () => {
  templates['zh-CN'] = await readTemplateSet('zh-CN');
  templates.en = await readTemplateSet('en');
});

function render(policy: Policy): Block[] {
  return parseMarkdownDocument(renderPolicyMarkdown(policy, templates[policy.meta.language]!));
}

const chapterPattern = { 'zh-CN': /^第(.+)章\u3000(.+)$/, en: /^Chapter (\d+) (.+)$/ };
const articlePattern = { 'zh-CN': /^第(.+)条(?:\u3000|$)/, en: /^Article (\d+)[ .]/ };

/** The article labels in the order the document shows them: the bold start of a paragraph. */
function articleLabels(blocks: Block[], language: 'zh-CN' | 'en'): string[] {
  return blocks.flatMap((b) => {
    if (b.kind !== 'paragraph') return [];
    const first = b.inline[0];
    if (first?.kind !== 'text' || !first.bold) return [];
    const match = articlePattern[language].exec(first.text.trim());
    return match ? [match[1] ?? ''] : [];
  });
}

function numberText(language: 'zh-CN' | 'en', n: number): string {
  return language === 'zh-CN' ? toChineseNumeral(n) : String(n);
}

describe.each(presetNames())('the %s preset rendered', (name) => {
  let policy: Policy;
  let blocks: Block[];
  beforeAll(async () => {
    policy = await loadPreset(name);
    blocks = render(policy);
  });

  it('has its chapters numbered without a gap', () => {
    const language = policy.meta.language;
    const chapters = blocks.filter((b) => b.kind === 'heading' && b.level === 2 && chapterPattern[language].test(b.text));
    expect(chapters.length).toBe(buildPolicyView(policy).chapters.length);
    chapters.forEach((c, i) => expect(c.kind === 'heading' && chapterPattern[language].exec(c.text)?.[1]).toBe(numberText(language, i + 1)));
  });

  it('has its articles numbered continuously across chapters, each once', () => {
    const language = policy.meta.language;
    const labels = articleLabels(blocks, language);
    expect(labels.length).toBe(buildPolicyView(policy).articleCount);
    expect(labels).toEqual(labels.map((_, i) => numberText(language, i + 1)));
  });

  it('has a title, a table of contents, an assessment form per role and the appeal form', () => {
    expect(blocks[0]?.kind).toBe('title');
    expect(blocks[0]?.kind === 'title' && blocks[0].text).toContain(policy.meta.company);
    expect(blocks.some((b) => b.kind === 'toc')).toBe(true);
    const forms = blocks.filter((b) => b.kind === 'heading' && b.level === 3);
    expect(forms.map((f) => (f.kind === 'heading' ? f.text : ''))).toEqual(policy.roles.map((r) => expect.stringContaining(r.name) as unknown as string));
    const appendices = blocks.filter((b) => b.kind === 'heading' && b.level === 2 && /^(附件|Appendix)/.test(b.text));
    expect(appendices).toHaveLength(2);
  });

  it('has intact tables: every row as wide as the table', () => {
    for (const block of blocks) {
      if (block.kind !== 'table') continue;
      const width = block.header?.length ?? block.rows[0]?.length;
      for (const row of block.rows) expect(row.length).toBe(width);
    }
  });

  it('lists every KPI with its target in the KPI table, and every role in the weight matrix', () => {
    const text = blocks.map((b) => (b.kind === 'table' ? [...(b.header ?? []), ...b.rows.flat()].map((c) => c.text).join('|') : '')).join('\n');
    for (const kpi of policy.kpis) expect(text).toContain(kpi.name);
    for (const role of policy.roles) expect(text).toContain(role.name);
  });

  it('states in 附则 who interprets it, when it takes effect, and that pay rules went through the democratic procedure and were made public', () => {
    const body = blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.inline) : '')).join('\n');
    if (policy.meta.language === 'zh-CN') {
      expect(body).toMatch(/解释权.*本制度由.+负责解释/);
      // Which body discussed it and when it was published are the company's to fill in, not the law's alternatives.
      expect(body).toMatch(/经_{6,}讨论，与_{6,}平等协商确定，于_+年_+月_+日向全体员工公示/);
      expect(body).not.toContain('或者');
      expect(body).toMatch(/生效日期.*本制度自\d{4}年\d{1,2}月\d{1,2}日起施行/);
    } else {
      expect(body).toMatch(/Interpretation\. .+ is responsible for interpreting this policy/);
      expect(body).toMatch(/discussed by _{6,}, settled through equal consultation with _{6,}, and made public to all employees on _{6,}\./);
      expect(body).toMatch(/Effective date\. This policy takes effect on \d{1,2} \w+ \d{4}\./);
    }
  });
});

describe('parts a policy leaves out', () => {
  let medium: Policy;
  beforeAll(async () => {
    medium = await loadPreset('medium.zh-CN');
  });
  const variant = (edit: (p: Policy) => void) => {
    const copy = structuredClone(medium);
    edit(copy);
    const checked = checkPolicyObject(copy);
    if (!checked.ok) throw new Error(JSON.stringify(checked.diagnostics));
    return checked.value;
  };
  const headings = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : []));

  it.each([
    ['responsibilities', '职责', (p: Policy) => delete p.responsibilities],
    ['goals', '绩效目标', (p: Policy) => delete p.goals],
    ['process', '绩效管理流程', (p: Policy) => delete p.process],
  ])('without %s there is no chapter 「%s」, and the numbers close up', (_part, title, edit) => {
    const blocks = render(variant(edit));
    expect(headings(blocks).some((h) => h.endsWith(title))).toBe(false);
    const chapters = headings(blocks).filter((h) => /^第.+章/.test(h));
    expect(chapters).toEqual(chapters.map((_, i) => expect.stringMatching(new RegExp(`^第${toChineseNumeral(i + 1)}章`)) as unknown as string));
    const labels = articleLabels(blocks, 'zh-CN');
    expect(labels).toEqual(labels.map((_, i) => toChineseNumeral(i + 1)));
  });

  it.each([
    ['definitions', '术语与定义', (p: Policy) => delete p.definitions],
    ['vetoes', '一票否决', (p: Policy) => (p.vetoes = [])],
    ['point items', '加减分', (p: Policy) => (p.point_items = [])],
    ['penalties', '绩效改进与处理', (p: Policy) => (p.penalties = [])],
    ['the escalation', '再次申诉', (p: Policy) => delete p.appeal.escalation],
  ])('without %s there is no article 「%s」, and the numbers close up', (_part, title, edit) => {
    const full = articleLabels(render(medium), 'zh-CN');
    const blocks = render(variant(edit));
    const text = blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.inline) : '')).join('\n');
    expect(text).not.toMatch(new RegExp(`条\u3000${title}\u3000`));
    const labels = articleLabels(blocks, 'zh-CN');
    expect(labels.length).toBe(full.length - 1);
    expect(labels).toEqual(labels.map((_, i) => toChineseNumeral(i + 1)));
  });
});

describe('the KPI table', () => {
  const kpiTable = (blocks: Block[]) => blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && /^(指标|KPI)/.test(b.header?.[0]?.text ?? ''));

  it.each(['medium.zh-CN', 'medium.en'])('of %s states the cycle every KPI shares once, and gives the target with its unit', async (name) => {
    const blocks = render(await loadPreset(name));
    const table = kpiTable(blocks);
    const en = name.endsWith('en');
    expect(table?.header?.map((c) => c.text)).toEqual(en ? ['KPI', 'Definition and formula', 'Target', 'Data source'] : ['指标', '定义与计算公式', '目标值', '数据来源']);
    expect(table?.rows[0]?.[2]?.text).toBe(en ? '≤ 30 min' : '≤ 30 分钟');
    const text = blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.inline) : '')).join('\n');
    expect(text).toContain(en ? 'quantitative KPIs, each assessed on a monthly cycle;' : '量化考核指标，考核周期均为月度；');
  });

  it.each(['medium.zh-CN', 'medium.en'])('of %s keeps a cycle column when the KPIs differ in cycle', async (name) => {
    const policy = await loadPreset(name);
    const kpis = policy.kpis.map((kpi, i) => (i === 0 ? { ...kpi, cycle: 'quarterly' as const } : kpi));
    const table = kpiTable(render({ ...policy, kpis }));
    const en = name.endsWith('en');
    expect(table?.header?.at(-1)?.text).toBe(en ? 'Data source (cycle)' : '考核周期');
    expect(table?.rows[0]?.at(-1)?.text).toMatch(en ? /\(quarterly\)$/ : /^季度$/);
    expect(table?.rows[1]?.at(-1)?.text).toMatch(en ? /\(monthly\)$/ : /^月度$/);
  });

  it('comes out literally, whatever Markdown or Handlebars would make of it, with tables intact', async () => {
    const policy = await loadPolicy(join(ROOT, 'test', 'golden', 'render', 'minimal-tricky-text', 'policy.yaml'));
    const blocks = render(policy);
    expect(blocks[0]?.kind === 'title' && blocks[0].text).toBe('A|B *C* <b> {{x}} 测试公司 售后服务绩效管理制度');
    const kpiTable = blocks.find((b) => b.kind === 'table' && b.header?.[0]?.text === '指标');
    expect(kpiTable?.kind === 'table' && kpiTable.rows[0]?.map((c) => c.text)).toEqual([
      '客户*满意*度 | [链接](http://x)',
      '满意的回访占比 `code` ~~删~~ &amp; <i>。计算公式：满意数 ÷ 回访数 × 100%。',
      '≥ 95%',
      '',
    ]);
    const purpose = blocks.find((b) => b.kind === 'paragraph' && plainText(b.inline).startsWith('第一条'));
    expect(purpose?.kind === 'paragraph' && plainText(purpose.inline)).toBe('第一条\u3000目的\u3000为了客观评价 # 售后服务人员的工作 1. 不是列表 - 也不是 > 更不是引用特制定本制度。');
  });
});

describe('document options from the policy', () => {
  it('take fonts, sizes and line spacing from policy.document, and title, subject and company from meta', async () => {
    const policy = structuredClone(await loadPreset('medium.zh-CN'));
    policy.document = { body_font: '仿宋', heading_font: '楷体', body_size_pt: 14, title_size_pt: 26, line_spacing: 1.25 };
    const options = policyDocumentOptions(policy);
    expect(options).toMatchObject({
      language: 'zh-CN',
      title: '示例科技有限公司售后服务绩效管理制度',
      subject: '售后服务绩效管理制度',
      creator: '示例科技有限公司',
      company: '示例科技有限公司',
      bodyFont: '仿宋',
      headingFont: '楷体',
      bodySizePt: 14,
      titleSizePt: 26,
      lineSpacing: 1.25,
    });
    const english = policyDocumentOptions(await loadPreset('medium.en'));
    expect(english.language).toBe('en');
    expect(english.bodyFont).toBeUndefined();
  });
});

describe('text a reader would stumble on (issue 16, item 4)', () => {
  const paragraphs = (blocks: Block[]) => blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.inline) : '')).join('\n');

  it.each(['medium.zh-CN', 'medium.en'])('%s: the penalty table has no column that repeats the measure', async (name) => {
    const blocks = render(await loadPreset(name));
    const table = blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && /^(措施|Measure)$/.test(b.header?.[1]?.text ?? ''));
    expect(table).toBeDefined();
    for (const row of table!.rows) expect(new Set(row.map((c) => c.text)).size).toBe(row.length);
  });

  it.each(['medium.zh-CN', 'medium.en', 'small.zh-CN', 'large.en'])('%s: the appeal article names the form’s appendix and asks for evidence once', async (name) => {
    const text = paragraphs(render(await loadPreset(name)));
    const article = text.split('\n').find((p) => /申诉时限与渠道|Time limit and channel/.test(p))!;
    expect(article.match(/附件二|Appendix 2/g)).toHaveLength(1);
    expect(article.match(/证明材料|evidence/g)).toHaveLength(1);
  });

  it('asks for evidence and names the form when the channel does not', async () => {
    const policy = await loadPreset('medium.zh-CN');
    const text = paragraphs(render({ ...policy, appeal: { ...policy.appeal, channel: '向人力资源部提出' } }));
    expect(text).toContain('并尽量附上证明材料');
    expect(text).toContain('《绩效申诉表》见附件二');
  });

  it.each(['medium.zh-CN', 'medium.en'])('%s: bonus coefficients show one decimal alike (1.0 beside 1.5)', async (name) => {
    const blocks = render(await loadPreset(name));
    const table = blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && /奖金系数|coefficient/i.test(b.header?.at(-1)?.text ?? '') && b.rows.every((r) => !r[0]?.empty));
    expect(table?.rows.map((r) => r.at(-1)?.text)).toEqual(['1.5', '1.2', '1.0', '0.8', '0.5']);
  });
});
