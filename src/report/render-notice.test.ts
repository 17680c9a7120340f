// Result notices: what each section says for the usual case, a veto, adjustments, missing
// data and a person not assessed; text from the data escaped for Markdown; section numbers
// that close up; the Word file made from the same Markdown; both languages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeEvaluation, presetPolicy, type PersonInput, type RatingInput } from '../../test/helpers/scoring-fixtures.js';
import { temporaryPathFor } from '../io/write-output.js';
import { buildPolicyView } from '../render/policy-view.js';
import { renderPolicyMarkdown } from '../render/render-policy.js';
import { readTemplateSet, type TemplateSet } from '../render/templates.js';
import type { Policy } from '../policy/policy.generated.js';
import { parseAdjustmentsBytes } from '../scoring/adjustments.js';
import { buildNoticeView } from './notice-view.js';
import { buildNotices, NOTICE_BASE_BYTES, noticeFileName, renderNoticeMarkdown } from './render-notice.js';
import { findChartFonts, loadChartRasteriser, type ChartRasteriser } from '../charts/rasterise-chart.js';
import { scoreEvaluation } from '../scoring/score-evaluation.js';

const agent = (s: number) => ({ response_sla_rate: 80 + 0.15 * s, first_response_minutes: 120 - 0.9 * s, csat: 80 + 0.15 * s, tickets_resolved: 60 + 0.7 * s, complaint_rate: 3 - 0.025 * s });
const ITEMS = ['service_attitude', 'teamwork', 'compliance', 'learning'];
const ratings: RatingInput[] = [
  ...ITEMS.map((item) => ({ staff: 'E1', type: 'supervisor' as const, rater: 'M1', item, score: 4 })),
  ...ITEMS.map((item) => ({ staff: 'E1', type: 'customer' as const, item, score: 5 })),
];
const people: PersonInput[] = [
  { id: 'E1', name: '张*伟|', role: 'agent', kpis: { ...agent(88), csat: { value: 90, samples: 4, status: 'insufficient' } }, bonusBase: 1800, events: { 'points:praise': 1 } },
  { id: 'E2', name: '李娜', role: 'agent', kpis: agent(40), events: { 'veto:serious_complaint': 1 } },
  { id: 'E3', name: '王芳', role: 'agent', kpis: {} },
];

function report(policy: Policy, adjustmentsText?: string, resultDate = '2026-09-30') {
  const evaluation = makeEvaluation(policy, people, { ratings });
  let adjustments;
  if (adjustmentsText) {
    const loaded = parseAdjustmentsBytes(new TextEncoder().encode(adjustmentsText), 'adj.yaml', { policy, periodId: '2026-10', months: [] });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    adjustments = { file: 'adj.yaml', items: loaded.value.adjustments, source: loaded.source };
  }
  return scoreEvaluation({ policy, policyFile: { path: 'p', sha256: '0' }, evaluation, ...(adjustments ? { adjustments } : {}), resultDate, language: 'en', toolVersion: 't' });
}

const zh = presetPolicy('medium.zh-CN');
const en = presetPolicy('medium.en');
let zhTemplates: TemplateSet;
let enTemplates: TemplateSet;
beforeAll(async () => {
  zhTemplates = await readTemplateSet('zh-CN');
  enTemplates = await readTemplateSet('en');
});

const ADJUSTMENT = `version: 1
adjustments:
  - kind: override_kpi
    appeal: SS-7
    staff_id: E1
    kpi: complaint_rate
    value: 0.2
    reason: 投诉经核实不成立
    approved_by: 申诉小组
    approved_on: 2026-10-09
`;

describe('notice in Chinese', () => {
  it('states the result, how the total is made, each KPI, the raters, what follows and how to appeal', () => {
    const r = report(zh);
    const md = renderNoticeMarkdown(buildNoticeView(r, r.staff[0]!, zh), zhTemplates);
    expect(md).toMatch(/^# 绩效考核结果通知书\n/);
    expect(md).toContain('| **姓　　名** | 张\\*伟\\| | **工　　号** | E1 |');
    // The header's cells are short enough not to wrap (a long period in it squeezed the date
    // into "2026年9月30 / 日"); the period's days are said in the first sentence.
    expect(md).toContain('| **考 核 期** | 2026年10月 | **公布日期** | 2026年9月30日 |');
    expect(md).toContain('现将您2026年10月（2026年10月1日至2026年10月31日）的绩效考核结果通知如下。');
    const p = r.staff[0]!;
    expect(md).toContain(`| **${p.total_rounded!.toFixed(2)}** | **${p.grade}**（`);
    expect(md).toContain(`综合得分 = 量化得分 ${p.quantitative.score!.toFixed(2)} × 70% + 定性得分 ${p.qualitative.score!.toFixed(2)} × 30% + 加减分 2.00 = ${p.total_rounded!.toFixed(2)}。`);
    expect(md).toContain('| 客户满意度 | 90.00% | 95.00% | 80.00% | 不计分 | 0% | 0.00 |');
    expect(md).toContain('| 上级 | 62.5% | 75.00 | 46.88 |');
    expect(md).toContain('| 同事 | — | 无评价 | — |');
    expect(md).toContain('| 客户书面表扬 | 加分 | 1 | +2.00 |');
    expect(md).toContain(`- 绩效奖金（${buildPolicyView(zh).article.bonus!.number}）：本人奖金基数 1,800.00 元 × 等级系数`);
    expect(md).toContain('#### 六、说明\n\n- “客户满意度”样本不足（样本 4），不计分，其权重按比例分给其他指标。');
    // Oct 1–7 are holidays: five working days after 30 September end on 13 October.
    // The deadline day itself counts, and the notice says so.
    expect(md).toContain('请于结果公布后 5 个工作日内（法定节假日不计），即 **2026年10月13日（含当日）** 前，填写《绩效申诉表》');
    expect(md).toContain('#### 七、申诉');
    expect(md).not.toContain('申诉调整');
    // Rounded lines need not add up to the rounded total: the notice says why.
    expect(md).toContain('本通知书中的数值均四舍五入保留两位小数；得分、合计和综合得分按未舍入的数值计算，因此与所列各项相加的结果可能相差 0.01 左右。');
  });

  it('durations counted in working time say so, with the hours and the holidays; calendar time says nothing', () => {
    const business = structuredClone(zh);
    business.evaluation = { ...business.evaluation, duration: 'business', working_hours: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }] };
    const r = report(business);
    const md = renderNoticeMarkdown(buildNoticeView(r, r.staff[0]!, business), zhTemplates);
    expect(md).toContain('响应及时率、首次响应时长按工作时间计算：工作日 08:30–12:00、13:00–17:30，不含周末和法定节假日，含调休上班日；非工作时间不计入');
    const plain = report(zh);
    expect(renderNoticeMarkdown(buildNoticeView(plain, plain.staff[0]!, zh), zhTemplates)).not.toContain('按工作时间计算');
    const enBusiness = structuredClone(en);
    enBusiness.evaluation = { ...enBusiness.evaluation, duration: 'business', holidays: 'none' };
    const e = report(enBusiness);
    expect(renderNoticeMarkdown(buildNoticeView(e, e.staff[0]!, enBusiness), enTemplates)).toContain('count working time only: 09:00–12:00 and 13:30–18:00 on working days (Monday to Friday)');
  });

  it("durations on a holidays file's calendar name its holidays and make-up days, not China's", () => {
    const withFile = structuredClone(en);
    withFile.evaluation = { ...withFile.evaluation, duration: 'business', holidays: 'none', holidays_file: 'feriados-br.yaml' };
    const r = report(withFile);
    const md = renderNoticeMarkdown(buildNoticeView(r, r.staff[0]!, withFile), enTemplates);
    expect(md).toContain("on working days (Monday to Friday, without the public holidays and with the make-up working days of the policy's holiday list)");
  });

  it('first-time fix counted without reopen or revisit data says so to a technician, and only to one', () => {
    const people = [
      { id: 'T1', name: '王五', role: 'technician', kpis: { first_time_fix_rate: 100, onsite_punctuality_rate: 96, csat: 97, resolution_hours: 20, reopen_rate: 2 } },
      { id: 'E1', name: '张伟', role: 'agent', kpis: agent(60) },
    ];
    const evaluation = makeEvaluation(zh, people);
    evaluation.warnings.add('no-fix-flags', { kpi: '一次修复率' }, { file: 'tickets.csv' });
    const r = scoreEvaluation({ policy: zh, policyFile: { path: 'p', sha256: '0' }, evaluation, resultDate: '2026-09-30', language: 'zh-CN', toolVersion: 't' });
    const tech = renderNoticeMarkdown(buildNoticeView(r, r.staff[0]!, zh), zhTemplates);
    expect(tech).toContain('本期导出的工单数据中没有“是否重开”或“是否二次上门”列，“一次修复率”把每张已解决的工单都算作一次修复');
    expect(renderNoticeMarkdown(buildNoticeView(r, r.staff[1]!, zh), zhTemplates)).not.toContain('是否重开');
  });

  it('a veto: the events table, the capped grade, the bonus cancelled — said once, not again in the notes', () => {
    const r = report(zh);
    const md = renderNoticeMarkdown(buildNoticeView(r, r.staff[1]!, zh), zhTemplates);
    expect(md).toContain('| 重大有效投诉 | 一票否决 | 1 | 等级最高 C 级，取消本期绩效奖金 |');
    expect(md).toContain('）：因触发一票否决项（重大有效投诉），取消本期绩效奖金。');
    expect(md.match(/重大有效投诉/g)).toHaveLength(2);
  });

  it('every outcome names its article of the policy and the grades that fired it', () => {
    const r = report(zh);
    const md = renderNoticeMarkdown(buildNoticeView(r, r.staff[1]!, zh), zhTemplates);
    const { article } = buildPolicyView(zh);
    // The article numbers are the policy document's own.
    const policyText = renderPolicyMarkdown(zh, zhTemplates);
    expect(policyText).toContain(`**${article.penalties!.number}\u3000绩效改进与处理**`);
    expect(policyText).toContain(`**${article.training!.number}\u3000培训与辅导**`);
    expect(md).toContain(`- 绩效警示：2026年10月考核等级为 D 级，依据${article.penalties!.number}。`);
    expect(md).toMatch(new RegExp(`- 专项辅导培训（重点：[^）]+）：2026年10月考核等级为 D 级，依据${article.training!.number}。`));
    const actions = md.slice(md.indexOf('结果应用'), md.indexOf('申诉'));
    // Every outcome that applies (a rule still undecided for want of an earlier result is not one).
    const lines = actions.split('\n').filter((l) => l.startsWith('- ') && !l.startsWith('- 是否适用'));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(/第[一二三四五六七八九十]+条/);
    const e = report(en);
    expect(renderNoticeMarkdown(buildNoticeView(e, e.staff[1]!, en), enTemplates)).toContain(`- Performance warning: graded D in October 2026 (${buildPolicyView(en).article.penalties!.number}).`);
  });

  it('the rank names its group; the raters table is followed by each item’s mean per rater, the formula and the policy’s own anonymity rule', () => {
    const r = report(zh);
    const md = renderNoticeMarkdown(buildNoticeView(r, r.staff[0]!, zh), zhTemplates);
    expect(md).toContain('| 综合得分 | 考核等级 | 岗位「客服专员」内排名 | 绩效奖金 |');
    // Supervisor 4 on every item → (4 − 1) ÷ 4 × 100 = 75; customers 5 → 100; no peer rated.
    expect(md).toContain('| 考核项目 | 上级 | 同事 | 客户 |');
    expect(md).toContain('| 服务态度 | 4.00 → 75.00 × 40% | — | 5.00 → 100.00 × 40% |');
    expect(md).toContain('项目得分 =（平均分 − 1）÷（5 − 1）× 100');
    // The anonymity rule word for word as the policy states it: per item, and only the rater types the policy has.
    const rule = buildPolicyView(zh).qualitative.anonymityRule;
    expect(rule).toContain('同事对某一项目的评价人少于 3 人的');
    expect(renderPolicyMarkdown(zh, zhTemplates)).toContain(rule);
    expect(md).toContain(rule);
    expect(md).not.toContain('下属');
    const e = report(en);
    const text = renderNoticeMarkdown(buildNoticeView(e, e.staff[0]!, en), enTemplates);
    expect(text).toContain('| Total score | Grade | Rank among “Customer Service Agent” | Performance bonus |');
    expect(text).toContain(buildPolicyView(en).qualitative.anonymityRule);
    expect(text).not.toContain('subordinate');
  });

  it('adjustments get their own section, the KPI is marked △, and the sections after it renumber', () => {
    const r = report(zh, ADJUSTMENT);
    const md = renderNoticeMarkdown(buildNoticeView(r, r.staff[0]!, zh), zhTemplates);
    expect(md).toContain('| 投诉率 △ |');
    expect(md).toContain('#### 六、申诉调整');
    expect(md).toMatch(/\| SS-7 \| 投诉率由 [\d.]+% 更正为 0\.20% \| 投诉经核实不成立 \| 申诉小组 \| 2026年10月9日 \|/);
    expect(md).toContain('#### 七、说明');
    expect(md).toContain('#### 八、申诉');
  });

  it('a person not assessed gets a short notice: the result says so, and why, once', () => {
    const r = report(zh);
    const md = renderNoticeMarkdown(buildNoticeView(r, r.staff[2]!, zh), zhTemplates);
    expect(md).toContain('#### 一、考核结果\n\n本期您的各项考核指标（响应及时率、首次响应时长、客户满意度、解决工单量、投诉率）均无数据，均不计分。因此不评定综合得分、等级和绩效奖金，由人力资源部个别处理。\n');
    expect(md).not.toContain('| 综合得分 |');
    // Not "占综合得分 70%" for someone without a total; no table of dashes, no note per KPI;
    // nothing about ratings or outcomes that do not exist. The appeal section follows.
    expect(md).not.toMatch(/量化考核|占综合得分|\| 考核指标 |不计分，其权重|样本 0|四舍五入|定性|结果应用|说明/);
    expect(md).toContain('#### 二、申诉');
    const e = report(en);
    const text = renderNoticeMarkdown(buildNoticeView(e, e.staff[2]!, en), enTemplates);
    expect(text).toContain('#### 1. Result\n\nNone of your KPIs (Response SLA rate, First response time, Customer satisfaction (CSAT), Tickets resolved and Complaint rate) had any data this period, so none was scored. No total score, grade or bonus is therefore given; Human Resources Department will decide your case.\n');
    expect(text).toContain('#### 2. How to appeal');
  });

  it('a person not assessed with a few samples is told how far each KPI fell short; a veto still shows', () => {
    const policy = zh;
    const staff: PersonInput[] = [{ id: 'E5', name: '赵敏', role: 'agent', kpis: { csat: { value: 90, samples: 2, status: 'insufficient' } }, events: { 'veto:serious_complaint': 1 } }];
    const r = scoreEvaluation({ policy, policyFile: { path: 'p', sha256: '0' }, evaluation: makeEvaluation(policy, staff), resultDate: '2026-11-05', language: 'zh-CN', toolVersion: 't' });
    const md = renderNoticeMarkdown(buildNoticeView(r, r.staff[0]!, policy), zhTemplates);
    expect(md).toContain('本期您的各项考核指标均没有足够数据，均不计分：响应及时率（无数据）；首次响应时长（无数据）；客户满意度（样本 2，少于规定的 10）；解决工单量（无数据）；投诉率（无数据）。因此不评定');
    expect(md).toContain('#### 二、加减分与一票否决\n\n| 事项 |');
    expect(md).toContain('#### 三、申诉');
  });

  it('a rule undecided for want of an earlier result is worded for the employee under what follows, not as a processing note', () => {
    // Two D months in a row start an improvement plan; without last month's report it cannot be decided.
    const staff: PersonInput[] = [{ id: 'E6', name: '钱多多', role: 'agent', kpis: agent(0) }];
    const r = scoreEvaluation({ policy: zh, policyFile: { path: 'p', sha256: '0' }, evaluation: makeEvaluation(zh, staff), resultDate: '2026-11-05', language: 'zh-CN', toolVersion: 't' });
    const person = r.staff[0]!;
    expect(person.grade).toBe('D');
    // HR's report keeps the processing note (which report to give with --history)…
    expect(person.notes.find((n) => n.code === 'note-history-missing')?.message).toContain('--history');
    const md = renderNoticeMarkdown(buildNoticeView(r, person, zh), zhTemplates);
    // …the employee reads what is still open about them.
    expect(md).toMatch(/#### 五、结果应用\n\n- 绩效奖金（[^\n]*\n(- [^\n]*\n)*- 是否适用“绩效改进计划”，待2026年9月的考核结果补齐后确定。\n/);
    expect(md).not.toMatch(/--history|未予判定|缺少/);
    const e = scoreEvaluation({ policy: en, policyFile: { path: 'p', sha256: '0' }, evaluation: makeEvaluation(en, staff), resultDate: '2026-11-05', language: 'en', toolVersion: 't' });
    expect(renderNoticeMarkdown(buildNoticeView(e, e.staff[0]!, en), enTemplates)).toContain('- Whether "Performance improvement plan" applies will be decided once the result for September 2026 is available.\n');
  });
});

describe('notice in English', () => {
  it('in the policy’s language, whatever language the report was made in', () => {
    const r = report(en);
    const md = renderNoticeMarkdown(buildNoticeView(r, r.staff[0]!, en), enTemplates);
    expect(md).toMatch(/^# Performance Result Notice\n/);
    expect(md).toContain('| **Period** | October 2026 | **Published** | 30 September 2026 |');
    expect(md).toContain('your performance result for October 2026 (1 October 2026 to 31 October 2026) is as follows.');
    expect(md).toContain('| Supervisor | 62.5% | 75.00 | 46.88 |');
    expect(md).toContain(`- Performance bonus (${buildPolicyView(en).article.bonus!.number}): your bonus base CNY 1,800.00 × grade coefficient`);
    expect(md).toContain('you may appeal by **13 October 2026 (inclusive)**, that is within 5 working days after publication (public holidays do not count).');
    expect(md).toContain('#### 6. Notes\n\n- "Customer satisfaction (CSAT)" has too few samples (4 samples)');
    expect(md).toContain('Figures in this notice are rounded to two decimals; scores, subtotals and the total are computed from the unrounded values');
  });
});

describe('the appeal deadline says which days it counted', () => {
  const mondayToFriday = (base: string) =>
    presetPolicy(base, (raw) => {
      raw.evaluation.holidays = 'none';
    });

  it('past the years of the holiday data: Monday to Friday, and the employee is told to check', () => {
    const r = report(zh, undefined, '2026-12-28');
    const md = renderNoticeMarkdown(buildNoticeView(r, r.staff[0]!, zh), zhTemplates);
    expect(md).toContain('请于结果公布后 5 个工作日内（工作日按周一至周五计），即 **2027年1月4日（含当日）** 前，');
    expect(md).not.toContain('法定节假日不计');
    expect(md).toContain('**请注意：**上述截止日是在没有 2027 年节假日数据的情况下按周一至周五推算的，未扣除该年的法定节假日。如期间遇法定节假日，实际截止日可能顺延，请向人力资源部核实。');
    const e = report(en, undefined, '2026-12-28');
    const text = renderNoticeMarkdown(buildNoticeView(e, e.staff[0]!, en), enTemplates);
    expect(text).toContain('you may appeal by **4 January 2027 (inclusive)**, that is within 5 working days after publication (working days are Monday to Friday).');
    expect(text).toContain('**Please note:** this deadline was counted Monday to Friday without holiday data for 2027');
    expect(text).not.toContain('public holidays do not count');
  });

  it('with holidays: none, no claim about public holidays and no warning', () => {
    for (const [policy, templates, expected] of [
      [mondayToFriday('medium.zh-CN'), () => zhTemplates, '请于结果公布后 5 个工作日内（工作日按周一至周五计），即 **2026年10月7日（含当日）** 前，'],
      [mondayToFriday('medium.en'), () => enTemplates, 'you may appeal by **7 October 2026 (inclusive)**, that is within 5 working days after publication (working days are Monday to Friday).'],
    ] as const) {
      const r = report(policy);
      const md = renderNoticeMarkdown(buildNoticeView(r, r.staff[0]!, policy), templates());
      expect(md).toContain(expected);
      expect(md).not.toMatch(/法定节假日不计|public holidays do not count|请注意|Please note/);
    }
  });
});

describe('a trial run', () => {
  it('is marked first even by a company template that predates the mark', async () => {
    const policy = presetPolicy('medium.zh-CN', (raw) => (raw.meta.effective_date = '2027-01-01'));
    const r = report(policy);
    const view = buildNoticeView(r, r.staff[0]!, policy);
    const dir = mkdtempSync(join(tmpdir(), 'aspm-notice-templates-'));
    writeFileSync(join(dir, 'notice.md.hbs'), '# 我司绩效结果通知\n\n{{md person.name}}：{{md total}}\n');
    const own = renderNoticeMarkdown(view, await readTemplateSet('zh-CN', dir));
    expect(own.split('\n').slice(0, 3)).toEqual(['**试算（制度生效前，不作为考核依据）**', '', '# 我司绩效结果通知']);
    // The built-in template places it itself, under the title, once.
    const builtin = renderNoticeMarkdown(view, zhTemplates);
    expect(builtin.split('试算（制度生效前，不作为考核依据）')).toHaveLength(2);
    expect(builtin.startsWith('# 绩效考核结果通知书\n')).toBe(true);
  });
});

describe('notice files', () => {
  it('one Markdown and one Word file per person, named by id and name, the Word file from the same text', async () => {
    const r = report(zh, ADJUSTMENT);
    const files = await buildNotices(r, zh, zhTemplates, 'notices');
    // The assessed have their two charts beside the Markdown; E3, not assessed, has none.
    expect(files.map((f) => f.path)).toEqual([
      'notices/E1-张_伟_.md',
      'notices/E1-张_伟_.docx',
      'notices/E1-张_伟_.kpis.svg',
      'notices/E1-张_伟_.total.svg',
      'notices/E2-李娜.md',
      'notices/E2-李娜.docx',
      'notices/E2-李娜.kpis.svg',
      'notices/E2-李娜.total.svg',
      'notices/E3-王芳.md',
      'notices/E3-王芳.docx',
    ]);
    const docx = unzipSync(files[1]!.data as Uint8Array);
    const xml = strFromU8(docx['word/document.xml']!);
    expect(xml).toContain('绩效考核结果通知书');
    // Dated the day the results are published.
    expect(strFromU8(docx['docProps/core.xml']!)).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${r.result_date}T00:00:00Z</dcterms:created>`);
    expect(xml).toContain('张*伟|');
    expect(xml).toContain('2026年10月13日');
    expect(xml).toContain('SS-7');
    expect(noticeFileName({ id: 'E/1', name: '..a:b' })).toBe('E_1-_a_b');
  });

  it('a name of 73 Chinese characters gives names within 255 bytes of UTF-8, unique, cut between characters', async () => {
    const r = report(zh, ADJUSTMENT);
    const long = '长'.repeat(73);
    // Two whose names differ only past the cut, and one that is not cut.
    const staff = r.staff.map((p, i) => ({ ...p, id: 'E1', name: i === 2 ? long : `${long}${'长'.repeat(20)}${i}` }));
    const files = await buildNotices({ ...r, staff }, zh, zhTemplates, 'notices');
    const names = files.map((f) => basename(f.path));
    for (const name of names) {
      // With the temporary's suffix too: the write goes through a temporary sibling.
      expect(Buffer.byteLength(basename(temporaryPathFor(join('notices', name))))).toBeLessThanOrEqual(255);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
      expect(name).toMatch(/^E1-长+(-\d)?\.(md|docx|kpis\.svg|total\.svg)$/);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(Buffer.byteLength(noticeFileName({ id: 'E1', name: long }))).toBeLessThanOrEqual(NOTICE_BASE_BYTES);
  });
});

describe('the appeal form the notice points to', () => {
  /** The notice's last page: what follows its last page break (`---`). */
  const lastPage = (md: string) => md.slice(md.lastIndexOf('\n---\n') + 5);
  /** The policy's own 附件二, from its heading to the end of the document. */
  const policyForm = (policy: Policy, templates: TemplateSet) => {
    const text = renderPolicyMarkdown(policy, templates);
    return text.slice(text.indexOf(`## ${buildPolicyView(policy).appendix.appealForm!.number}`));
  };
  const IDENTITY_ROWS = new RegExp('^\\| \\*\\*(申 诉 人|岗　　位|考 核 期|原考核得分|Employee|Role|Period|Score appealed)\\*\\* \\|.*\\n', 'gmu');

  it('is the policy’s own form, attached as the last page, with the person’s result filled in', () => {
    const r = report(zh);
    const p = r.staff[0]!;
    const md = renderNoticeMarkdown(buildNoticeView(r, p, zh), zhTemplates);
    const form = lastPage(md);
    expect(md).toContain('填写《绩效申诉表》（附件二）');
    expect(form.startsWith('\n## 附件二　绩效申诉表\n')).toBe(true);
    // Everything but the rows it fills in is the policy's 附件二, word for word.
    expect(form.trim().replace(IDENTITY_ROWS, '')).toBe(policyForm(zh, zhTemplates).trim().replace(IDENTITY_ROWS, ''));
    expect(form).toContain('| **申 诉 人** | 张\\*伟\\| | **工　　号** | E1 |');
    expect(form).toContain('| **岗　　位** | 客服专员 | **所属班组** | ' + p.team + ' |');
    expect(form).toContain('| **考 核 期** | 2026年10月 | **申诉日期** |   |');
    expect(form).toContain(`| **原考核得分** | ${p.total_rounded!.toFixed(2)} | **原考核等级** | ${p.grade}（${r.grades.bands.find((b) => b.grade === p.grade)!.label}） |`);
    // The policy's form stays blank.
    expect(policyForm(zh, zhTemplates)).toContain('| **申 诉 人** |   | **工　　号** |   |');
  });

  it('leaves score and grade blank for a person not assessed, and is in the policy’s language', () => {
    const r = report(zh);
    const form = lastPage(renderNoticeMarkdown(buildNoticeView(r, r.staff[2]!, zh), zhTemplates));
    expect(form).toContain('| **申 诉 人** | 王芳 | **工　　号** | E3 |');
    expect(form).toMatch(/\| \*\*原考核得分\*\* \| +\| \*\*原考核等级\*\* \| +\|/);
    const e = report(en);
    const p = e.staff[0]!;
    const text = lastPage(renderNoticeMarkdown(buildNoticeView(e, p, en), enTemplates));
    expect(text).toMatch(/^\n## Appendix 2 Performance Appeal Form\n/);
    expect(text.trim().replace(IDENTITY_ROWS, '')).toBe(policyForm(en, enTemplates).trim().replace(IDENTITY_ROWS, ''));
    expect(text).toContain('| **Employee** | 张\\*伟\\| | **Staff ID** | E1 |');
    expect(text).toContain(`| **Score appealed** | ${p.total_rounded!.toFixed(2)} | **Grade appealed** | ${p.grade} (`);
  });
});

describe('notice charts', () => {
  /** A PNG's width and height, from its IHDR chunk (after the 8-byte signature and the chunk's length and type). */
  const pngSize = (png: Uint8Array) => {
    const b = Buffer.from(png);
    expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  };

  it('draws the figures the notice\'s tables show', () => {
    const r = report(zh, ADJUSTMENT);
    for (const person of r.staff.filter((p) => p.status === 'assessed')) {
      const view = buildNoticeView(r, person, zh);
      const chart = view.chart!;
      // Each KPI's bar is the score in the KPI table (a KPI not scored has none).
      expect(chart.profile.map((p) => p.score)).toEqual(view.kpis.map((k) => (k.score === '不计分' ? null : Number(k.score))));
      // The total bar is the result table's total; each bonus or deduction its line in the events table.
      expect(chart.total.value).toBe(Number(view.total));
      expect(chart.steps.filter((s) => s.kind === 'points').map((s) => s.value)).toEqual(view.events.filter((e) => e.kind !== '一票否决').map((e) => Number(e.effect)));
      // The KPI steps add up to the KPI score times its share, as the formula under the table says (to rounding).
      const share = Number(view.quantitativeShare.replace('%', '')) / 100;
      const kpiSteps = chart.steps.filter((s) => s.kind === 'kpi');
      expect(Math.abs(kpiSteps.reduce((a, s) => a + s.value, 0) - Number(view.quantitative) * share)).toBeLessThanOrEqual(0.005 * (kpiSteps.length + 1));
      // The steps and the total agree, to the rounding of each step.
      expect(Math.abs(chart.steps.reduce((a, s) => a + s.value, 0) - chart.total.value)).toBeLessThanOrEqual(0.005 * (chart.steps.length + 1));
    }
  });

  it('puts both charts into the Word notice as PNG pictures and links the SVG files from the Markdown', async () => {
    const r = report(zh, ADJUSTMENT);
    const files = await buildNotices(r, zh, zhTemplates, 'notices');
    const byName = new Map(files.map((f) => [basename(f.path), f.data]));
    const markdown = String(byName.get('E2-李娜.md'));
    expect(markdown).toContain('](<E2-李娜.kpis.svg>)');
    expect(markdown).toContain('](<E2-李娜.total.svg>)');
    // The SVG holds the KPI names as text, and the total with its grade.
    const view = buildNoticeView(r, r.staff[1]!, zh);
    const svg = String(byName.get('E2-李娜.total.svg'));
    for (const k of view.kpis) expect(svg).toContain(k.name);
    expect(svg).toContain(`综合得分（${view.grade} 级）`);
    expect(svg).toContain(`>${view.total}<`);
    const zip = unzipSync(byName.get('E2-李娜.docx') as Uint8Array);
    const media = Object.keys(zip).filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(2);
    // Drawn at twice the charts' 560 units: 1,120 pixels wide, each as high as its chart.
    const sizes = media.map((name) => pngSize(zip[name]!));
    for (const size of sizes) expect(size.width).toBe(1120);
    // A row per KPI in each; the waterfall adds the qualitative part, each bonus or deduction, the total and a veto's cap.
    const steps = view.kpis.length + (view.hasQualitative ? 1 : 0) + view.events.filter((e) => e.kind !== '一票否决').length + 1 + (view.capped ? 1 : 0);
    expect(sizes.map((s) => s.height).sort((a, b) => a - b)).toEqual([2 * (46 + 30 * view.kpis.length + 28), 2 * (20 + 30 * steps + 28)].sort((a, b) => a - b));
    for (const name of media) expect(zip[name]!.length).toBeLessThan(120_000);
    const xml = strFromU8(zip['word/document.xml']!);
    expect(xml.match(/<pic:pic\b/g)).toHaveLength(2);
    expect(xml).toContain('各项指标得分（100 分即达到目标值）');
    // Not assessed: no pictures.
    expect(Object.keys(unzipSync(byName.get('E3-王芳.docx') as Uint8Array)).filter((n) => n.startsWith('word/media/'))).toEqual([]);
  });

  it("shows each person's paths to a check before drawing them, in the order they are returned; a refusal stops the drawing", async () => {
    const r = report(zh, ADJUSTMENT);
    const seen: string[] = [];
    const files = await buildNotices(r, zh, zhTemplates, 'notices', undefined, { beforeDrawing: async (paths) => void seen.push(...paths) });
    expect(seen).toEqual(files.map((f) => f.path));
    // Refused for the first person (an existing notice): no chart is drawn, nothing returned.
    const real = await loadChartRasteriser();
    let drawn = 0;
    const counting: ChartRasteriser = { fonts: real.fonts, png: (svg, scale) => (drawn++, real.png(svg, scale)) };
    const refuse = async (paths: readonly string[]) => {
      throw new Error(`exists: ${paths[0]}`);
    };
    await expect(buildNotices(r, zh, zhTemplates, 'notices', undefined, { rasteriser: counting, beforeDrawing: refuse })).rejects.toThrow('exists: notices/E1-张_伟_.md');
    expect(drawn).toBe(0);
    // The same rasteriser draws when nothing is refused, so the count above can fail.
    await buildNotices(r, zh, zhTemplates, 'notices', undefined, { rasteriser: counting });
    expect(drawn).toBe(4);
  });

  it('without a CJK font, says so once and describes the charts in words in Word; the SVG files stay whole', async () => {
    const r = report(zh, ADJUSTMENT);
    let said = 0;
    const rasteriser = await loadChartRasteriser({ cjk: null, latin: findChartFonts().latin });
    const files = await buildNotices(r, zh, zhTemplates, 'notices', undefined, { rasteriser, onFontMissing: () => said++ });
    expect(said).toBe(1);
    const docx = files.find((f) => f.path.endsWith('E2-李娜.docx'))!.data as Uint8Array;
    const zip = unzipSync(docx);
    expect(Object.keys(zip).filter((n) => n.startsWith('word/media/'))).toEqual([]);
    expect(strFromU8(zip['word/document.xml']!)).toContain('综合得分的构成：');
    expect(files.filter((f) => f.path.endsWith('.svg'))).toHaveLength(4);
  });
});
