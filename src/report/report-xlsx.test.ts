// The Excel report read back with exceljs: sheets, labels in the user's language, frozen
// header and filters, number formats, the numbers of the JSON report, notes in words, no
// empty sheets, and the print plan (fitted to the page width, or cut between KPI groups) —
// and text from the data that looks like a formula stays text.
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeEvaluation, presetPolicy, type PersonInput } from '../../test/helpers/scoring-fixtures.js';
import type { Language } from '../i18n/language.js';
import { buildPolicyView } from '../render/policy-view.js';
import { parseAdjustmentsBytes } from '../scoring/adjustments.js';
import { buildReportXlsx, looksLikeFormula, planPrint } from './report-xlsx.js';
import { scoreEvaluation } from '../scoring/score-evaluation.js';

const medium = presetPolicy('medium.zh-CN');
const agent = (s: number) => ({ response_sla_rate: 80 + 0.15 * s, first_response_minutes: 120 - 0.9 * s, csat: 80 + 0.15 * s, tickets_resolved: 60 + 0.7 * s, complaint_rate: 3 - 0.025 * s });
const people: PersonInput[] = [
  { id: 'E1', name: '=HYPERLINK("http://evil","张伟")', role: 'agent', team: '+1组', kpis: agent(90), bonusBase: 1800 },
  { id: 'E2', name: '李娜', role: 'agent', team: '@SUM(A1)', kpis: agent(60) },
  { id: 'E3', name: '-王芳', role: 'technician', kpis: { first_time_fix_rate: 88, onsite_punctuality_rate: 93, csat: 94, resolution_hours: 30, reopen_rate: 4 } },
  { id: 'E4', name: '赵强', role: 'supervisor', kpis: {} },
];

async function workbookFor(language: Language, { clean = false, policy = medium } = {}) {
  const evaluation = makeEvaluation(policy, people);
  if (!clean) evaluation.warnings.add('value-unreadable-time', { value: '=1+1', kpis: ['客户满意度'] }, { file: 'tickets.csv', row: 9, column: '解决时间' });
  const text = `version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E2\n    kpi: csat\n    value: 91\n    appeal: "=cmd|' /C calc'!A0"\n    reason: 回访记录有误\n    approved_by: 申诉小组\n    approved_on: 2026-11-10\n`;
  const adj = parseAdjustmentsBytes(new TextEncoder().encode(text), 'adj.yaml', { policy, periodId: '2026-10', months: [] });
  if (!adj.ok) throw new Error('fixture');
  const adjustments = clean ? {} : { adjustments: { file: 'adj.yaml', items: adj.value.adjustments, source: adj.source } };
  const report = scoreEvaluation({ policy, policyFile: { path: 'p.yaml', sha256: '0' }, evaluation, ...adjustments, resultDate: '2026-11-05', language, toolVersion: 't' });
  const bytes = await buildReportXlsx({ report, policy, language });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return { report, workbook, bytes };
}

/** The XML of every sheet in the archive (to look for <f> formula elements), or of the sheets whose file name matches. */
function sheetXml(bytes: Uint8Array, only?: RegExp): string {
  const buffer = Buffer.from(bytes);
  let out = '';
  for (let at = 0; at + 30 < buffer.length; ) {
    if (buffer.readUInt32LE(at) !== 0x04034b50) break;
    const method = buffer.readUInt16LE(at + 8);
    const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const extra = buffer.readUInt16LE(at + 28);
    const name = buffer.subarray(at + 30, at + 30 + nameLength).toString();
    const data = buffer.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    if (only ? only.test(name) : name.startsWith('xl/worksheets/') || name === 'xl/sharedStrings.xml') out += method === 8 ? inflateRawSync(data).toString() : data.toString();
    at += 30 + nameLength + extra + size;
  }
  return out;
}

describe('report.xlsx', () => {
  it('has the summary, a sheet per role, notes, adjustments and warnings — in Chinese', async () => {
    const { workbook } = await workbookFor('zh-CN');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '客服专员', '维修技术员', '服务主管', '说明', '申诉调整', '数据警告', '图表']);
    const summary = workbook.getWorksheet('汇总')!;
    const header = (summary.getRow(2).values as unknown[]).slice(1);
    // The person, the result, then each KPI's value and score (the role sheets add target,
    // floor, weight and contribution).
    expect(header.slice(0, 12)).toEqual(['岗位内排名', '工号', '姓名', '岗位', '班组', '量化得分', '定性得分', '加减分', '总分', '分数段等级', '最终等级', '绩效奖金']);
    expect(header.slice(12, 16)).toEqual(['首次响应时长（分钟）', '首次响应时长 得分', '响应及时率（%）', '响应及时率 得分']);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 2 });
    // Durations counted in working time say so in their unit.
    const business = structuredClone(medium);
    business.evaluation = { ...business.evaluation, duration: 'business' };
    const working = (await workbookFor('zh-CN', { policy: business })).workbook;
    expect((working.getWorksheet('汇总')!.getRow(2).values as unknown[]).slice(13, 17)).toEqual(['首次响应时长（工作分钟）', '首次响应时长 得分', '响应及时率（%）', '响应及时率 得分']);
    // Columns A… and rows 2–6: the header (under the title) and four people.
    const last = summary.getRow(2).getCell(header.length).address.replace(/\d+$/, '');
    expect(summary.autoFilter).toBe(`A2:${last}6`);
  });

  it('and in English', async () => {
    const { workbook } = await workbookFor('en');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', '客服专员', '维修技术员', '服务主管', 'Notes', 'Adjustments', 'Data warnings', 'Charts']);
    expect((workbook.getWorksheet('Summary')!.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['Rank in role', 'Staff id', 'Name']);
  });

  it('holds the numbers of the JSON report, with number formats', async () => {
    const { workbook, report } = await workbookFor('zh-CN');
    const summary = workbook.getWorksheet('汇总')!;
    const header = (summary.getRow(2).values as unknown[]).slice(1) as string[];
    const col = (label: string) => header.indexOf(label) + 1;
    const e1 = report.staff.find((p) => p.id === 'E1')!;
    const row = summary.getRow(3);
    expect(row.getCell(col('工号')).value).toBe('E1');
    expect(row.getCell(col('总分')).value).toBe(e1.total_rounded);
    expect(row.getCell(col('总分')).numFmt).toBe('0.00');
    expect(row.getCell(col('最终等级')).value).toBe(e1.grade);
    expect(row.getCell(col('绩效奖金')).value).toBe(e1.outcomes.bonus.amount);
    expect(row.getCell(col('绩效奖金')).numFmt).toBe('#,##0.00');
    expect(row.getCell(col('客户满意度 得分')).value).toBe(e1.kpis.find((k) => k.id === 'csat')!.score);
    const notAssessed = summary.getRow(6);
    expect(notAssessed.getCell(col('工号')).value).toBe('E4');
    expect(notAssessed.getCell(col('最终等级')).value).toBe('未评定');
    const role = workbook.getWorksheet('客服专员')!;
    expect(role.getCell(2, 5).value).toBe('响应及时率（25%）');
    expect((role.getRow(3).values as unknown[]).slice(5, 11)).toEqual(['实际值（%）', '目标值', '底线值', '得分', '权重', '加权得分']);
    expect(role.getRow(3).getCell(11).value).toBe('实际值（分钟）');
    expect(role.getRow(3).getCell(5).numFmt).toBeUndefined();
    expect(role.getRow(4).getCell(5).value).toBeCloseTo(e1.kpis.find((k) => k.id === 'response_sla_rate')!.value! / 100, 12);
    expect(role.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 3 });
    // The action column carries each action's reason: the grades that fired it and the article of the policy.
    const e2 = report.staff.find((p) => p.id === 'E2')!;
    expect(e2.outcomes.actions.length).toBeGreaterThan(0);
    const actionsAt = (role.getRow(3).values as unknown[]).indexOf('结果应用');
    const e2Row = [4, 5].find((n) => role.getRow(n).getCell(2).value === 'E2')!;
    const actions = String(role.getRow(e2Row).getCell(actionsAt).value);
    expect(actions).toContain(`2026年10月考核等级为 ${e2.grade} 级，依据${buildPolicyView(medium).article.training!.number}。`);
    const adjustments = workbook.getWorksheet('申诉调整')!;
    const adjusted = adjustments.getRow(3).values as unknown[];
    expect(adjusted.slice(1, 7)).toEqual([`=cmd|' /C calc'!A0`, '更正指标值', 'E2', '李娜', '客户满意度', undefined]);
    // 客户满意度 is a percentage: before and after as fractions shown as percent, like the role sheets.
    expect(adjusted[7]).toBeCloseTo(report.adjustments[0]!.original_value! / 100, 12);
    expect(adjusted[8]).toBeCloseTo(0.91, 12);
    expect(adjustments.getRow(3).getCell(7).numFmt).toBe('0.00%');
  });

  it('says on the notes sheet, in words, the appeal deadline (the day counts) and that cells hold unrounded values', async () => {
    for (const [language, sheet, deadline, text] of [
      ['zh-CN', '说明', '结果公布日 2026年11月5日；申诉截止 2026年11月12日（含当日），即结果公布后 5 个工作日内。', '单元格保存未舍入的数值，显示为两位小数'],
      ['en', 'Notes', 'Results published 5 November 2026; appeals by 12 November 2026 (inclusive), that is within 5 working days after publication.', 'Cells hold the unrounded values and show two decimals'],
    ] as const) {
      const { workbook } = await workbookFor(language);
      const notes = workbook.getWorksheet(sheet)!;
      expect(notes.getRow(3).getCell(3).value).toBe(deadline);
      expect(String(notes.getRow(4).getCell(3).value)).toContain(text);
    }
  });

  it('shows HR the words of each note, its code after them in a narrow column', async () => {
    const { workbook, report } = await workbookFor('zh-CN');
    const notes = workbook.getWorksheet('说明')!;
    expect((notes.getRow(2).values as unknown[]).slice(1)).toEqual(['工号', '姓名', '内容', '代码']);
    expect(notes.getColumn(4).width).toBeLessThan(notes.getColumn(3).width! / 4);
    const e4 = report.staff.find((p) => p.id === 'E4')!;
    const rows = (notes.getSheetValues() as unknown[][]).filter((r) => r?.[1] === 'E4');
    expect(rows.map((r) => r[3])).toEqual(e4.notes.map((n) => n.message));
    expect(rows.map((r) => r[4])).toEqual(e4.notes.map((n) => n.code));
    expect(rows.map((r) => r[3]).every((m) => typeof m === 'string' && !/^note-/.test(m))).toBe(true);
  });

  it('leaves out the adjustments and warnings sheets when there are none, and says so in the notes', async () => {
    const { workbook } = await workbookFor('zh-CN', { clean: true });
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '客服专员', '维修技术员', '服务主管', '说明', '图表']);
    const texts = (workbook.getWorksheet('说明')!.getSheetValues() as unknown[][]).map((r) => r?.[3]);
    expect(texts).toContain('本期没有申诉调整。');
    expect(texts).toContain('本期数据没有警告。');
    const { workbook: full } = await workbookFor('zh-CN');
    const fullTexts = (full.getWorksheet('说明')!.getSheetValues() as unknown[][]).map((r) => r?.[3]);
    expect(fullTexts).not.toContain('本期没有申诉调整。');
  });

  it('prints on A4 landscape: sheets cut between column groups with the person columns repeated', async () => {
    const { workbook, bytes } = await workbookFor('zh-CN');
    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(summary.pageSetup.printTitlesRow).toBe('1:2');
    const role = workbook.getWorksheet('客服专员')!;
    expect(role.pageSetup.fitToPage).toBeFalsy();
    expect(role.pageSetup.printTitlesColumn).toBe('A:D');
    expect(role.pageSetup.printTitlesRow).toBe('1:3');
    // Breaks fall only where a merged group header starts: never through a KPI's columns.
    const xml = sheetXml(bytes, new RegExp(`^xl/worksheets/sheet${role.id}\\.xml$`));
    const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1);
    expect(breaks.length).toBeGreaterThan(0);
    const starts = role.model.merges.map((range) => range.replace(/\d+/g, '').split(':')[0]!).map((letters) => role.getColumn(letters).number);
    for (const b of breaks) expect(starts).toContain(b);
    // The summary, wider than a page with each KPI's value and score, breaks only between
    // the result block and whole KPI pairs.
    const summaryXml = sheetXml(bytes, new RegExp(`^xl/worksheets/sheet${summary.id}\\.xml$`));
    const summaryBreaks = [...summaryXml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(summaryBreaks.length).toBeGreaterThan(0);
    for (const b of summaryBreaks) expect(b === 12 || (b > 12 && (b - 12) % 2 === 0)).toBe(true);
  });

  it('stores percentages as fractions with a percent format and dates as dates, so formulas and charts work', async () => {
    const { workbook, report } = await workbookFor('zh-CN');
    const e1 = report.staff.find((p) => p.id === 'E1')!;
    const sla = e1.kpis.find((k) => k.id === 'response_sla_rate')!;
    const minutes = e1.kpis.find((k) => k.id === 'first_response_minutes')!;
    const role = workbook.getWorksheet('客服专员')!;
    const e1Row = [4, 5].find((n) => role.getRow(n).getCell(2).value === 'E1')!;
    const cells = [5, 6, 7, 8, 9, 10].map((c) => role.getRow(e1Row).getCell(c));
    const [value, target, floor, score, weight, contribution] = cells as [ExcelJS.Cell, ExcelJS.Cell, ExcelJS.Cell, ExcelJS.Cell, ExcelJS.Cell, ExcelJS.Cell];
    // A percent KPI: value, target and floor as fractions (94.85 → 0.9485) shown as percent.
    for (const [cell, stated] of [[value, sla.value!], [target, sla.target], [floor, sla.floor]] as const) {
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.value as number).toBeCloseTo(stated / 100, 12);
      expect(cell.value as number).toBeLessThanOrEqual(1);
      expect(cell.numFmt).toBe('0.00%');
    }
    // The weight too (25% is 0.25), so the weighted score is the score times the weight.
    expect(weight.value).toBe(0.25);
    expect(weight.numFmt).toBe('0%');
    expect(contribution.value as number).toBeCloseTo((score.value as number) * (weight.value as number), 9);
    // A KPI in minutes keeps its number and its format.
    expect(role.getRow(e1Row).getCell(11).value).toBe(minutes.value);
    expect(role.getRow(e1Row).getCell(11).numFmt).toBe('0.00');
    // The summary's percent values alike.
    const summary = workbook.getWorksheet('汇总')!;
    const at = (summary.getRow(2).values as unknown[]).indexOf('响应及时率（%）');
    expect(summary.getRow(3).getCell(at).value as number).toBeCloseTo(sla.value! / 100, 12);
    expect(summary.getRow(3).getCell(at).numFmt).toBe('0.00%');
    // The approval date is a date cell (not the text 2026-11-10), shown as a date.
    const approved = workbook.getWorksheet('申诉调整')!.getRow(3).getCell(11);
    expect(approved.type).toBe(ExcelJS.ValueType.Date);
    expect(approved.value).toEqual(new Date(Date.UTC(2026, 10, 10)));
    expect(approved.numFmt).toBe('yyyy-mm-dd');
  });

  it('heads every sheet with a title row, prints company, period and page numbers, and repeats the header rows', async () => {
    for (const [language, title, header, footer] of [
      ['zh-CN', '示例科技有限公司　2026年10月绩效考核结果', '&L示例科技有限公司&R2026年10月', '&L&A&C第 &P 页 共 &N 页'],
      ['en', 'Example Technology Co., Ltd. — performance results, October 2026', '&LExample Technology Co., Ltd.&ROctober 2026', '&L&A&CPage &P of &N'],
    ] as const) {
      const policy = presetPolicy(language === 'en' ? 'medium.en' : 'medium.zh-CN');
      const { workbook } = await workbookFor(language, { policy });
      expect(workbook.worksheets.length).toBe(8);
      for (const sheet of workbook.worksheets) {
        expect(sheet.getCell('A1').value, sheet.name).toBe(title);
        expect(sheet.headerFooter.oddHeader, sheet.name).toBe(header);
        expect(sheet.headerFooter.oddFooter, sheet.name).toBe(footer);
        // The title and the header rows print on every page; the frozen rows are the same.
        const last = Number(sheet.pageSetup.printTitlesRow!.split(':')[1]);
        expect(sheet.pageSetup.printTitlesRow).toBe(`1:${last}`);
        expect(sheet.views[0]).toMatchObject({ ySplit: last });
        expect(last).toBeGreaterThanOrEqual(2);
      }
    }
    // A company name with & prints as itself: & is the escape character of print headers.
    const amp = structuredClone(medium);
    amp.meta = { ...amp.meta, company: 'A&B 服务' };
    const { workbook } = await workbookFor('zh-CN', { policy: amp });
    expect(workbook.worksheets[0]!.headerFooter.oddHeader).toBe('&LA&&B 服务&R2026年10月');
  });

  it('keeps the trial mark first and puts the title under it on a trial run', async () => {
    const trial = structuredClone(medium);
    trial.meta = { ...trial.meta, effective_date: '2027-01-01' };
    const { workbook } = await workbookFor('zh-CN', { policy: trial });
    for (const sheet of workbook.worksheets) {
      expect(String(sheet.getCell('A1').value)).toMatch(/^试算/);
      expect(String(sheet.getCell('A2').value)).toMatch(/^示例科技有限公司\u30002026年10月绩效考核结果/);
      expect(sheet.pageSetup.printTitlesRow).toMatch(/^1:[3-9]$/);
    }
    expect(workbook.getWorksheet('汇总')!.getCell('B3').value).toBe('工号');
  });

  it('explains on the notes sheet, in the report\'s language, what each column group means', async () => {
    for (const [language, sheet, expected] of [
      ['zh-CN', '说明', ['各列含义：', '实际值：', '目标值：', '底线值：', '得分：', '权重：', '加权得分：', '量化得分、定性得分、加减分、总分：', '分数段等级：', '绩效奖金：', '结果应用：']],
      ['en', 'Notes', ['What the columns mean:', 'Value:', 'Target:', 'Floor:', 'Score:', 'Weight:', 'Contribution:', 'KPI score, rating score, points, total:', 'Grade by bands:', 'Bonus:', 'Actions:']],
    ] as const) {
      const { workbook } = await workbookFor(language, { policy: presetPolicy(language === 'en' ? 'medium.en' : 'medium.zh-CN') });
      const texts = (workbook.getWorksheet(sheet)!.getSheetValues() as unknown[][]).map((r) => String(r?.[3] ?? ''));
      const at = texts.indexOf(expected[0]);
      expect(at).toBeGreaterThan(-1);
      // One row per column group, in the order the sheets show them, each starting with the group's name.
      expect(texts.slice(at, at + expected.length).map((text, i) => text.startsWith(expected[i]!))).toEqual(expected.map(() => true));
      // And what the sheet said before is still there: the deadline and the rounding.
      expect(texts.some((t) => /申诉截止|appeals by/.test(t))).toBe(true);
    }
  });

  it('writes data that starts with = + - @ as text, never as a formula', async () => {
    const { workbook, bytes } = await workbookFor('zh-CN');
    const summary = workbook.getWorksheet('汇总')!;
    const name = summary.getRow(3).getCell(3);
    expect(name.value).toBe('=HYPERLINK("http://evil","张伟")');
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.formula).toBeUndefined();
    expect(name.numFmt).toBe('@');
    expect(summary.getRow(3).getCell(5).value).toBe('+1组');
    expect(summary.getRow(4).getCell(5).numFmt).toBe('@');
    expect(workbook.getWorksheet('数据警告')!.getRow(3).getCell(4).value).toBe('=1+1');
    expect(sheetXml(bytes)).not.toMatch(/<f[ >]/);
    expect(['=x', '+x', '-x', '@x', 'x=1'].map(looksLikeFormula)).toEqual([true, true, true, true, false]);
  });
});

describe('planPrint', () => {
  it('leaves a sheet that fits as it is', () => {
    expect(planPrint([10, 10, 10], 1, [1, 1], true)).toEqual({ kind: 'as-is' });
  });

  it('fits a sheet to the page width while the text stays large enough', () => {
    expect(planPrint(Array(20).fill(10), 3, Array(17).fill(1), true)).toEqual({ kind: 'fit' });
    // Not when fitting would shrink it below two thirds, nor when the sheet may not be fitted.
    expect(planPrint(Array(40).fill(10), 3, Array(37).fill(1), true).kind).toBe('pages');
    expect(planPrint(Array(20).fill(10), 3, Array(17).fill(1), false).kind).toBe('pages');
  });

  it('cuts a wide sheet between units, on as few pages as the scales allow, the largest scale among equals', () => {
    // Four person columns, then five groups of six columns 8 wide, then a group of 100.
    const widths = [10, 8, 10, 8, ...Array(30).fill(8), 100];
    const plan = planPrint(widths, 4, [6, 6, 6, 6, 6, 1], false);
    expect(plan.kind).toBe('pages');
    if (plan.kind !== 'pages') return;
    // Every break starts a group: column 5 + 6k, or the last column.
    for (const b of plan.breaks) expect((b - 5) % 6 === 0 || b === 35).toBe(true);
    expect(plan.pages).toBe(plan.breaks.length + 1);
    // Two groups a page at 80% (not one a page at 100%, nor smaller than needed): three pages
    // of groups and one for the wide column.
    expect(plan).toEqual({ kind: 'pages', scale: 80, breaks: [17, 29, 35], pages: 4 });
  });
});
