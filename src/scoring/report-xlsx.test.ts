// The Excel report read back with exceljs: sheets, labels in the user's language, frozen
// header and filters, number formats, the numbers of the JSON report — and text from the
// data that looks like a formula stays text.
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeEvaluation, presetPolicy, type PersonInput } from '../../test/helpers/scoring-fixtures.js';
import type { Language } from '../i18n/language.js';
import { parseAdjustmentsBytes } from './adjustments.js';
import { buildReportXlsx, looksLikeFormula } from './report-xlsx.js';
import { scoreEvaluation } from './score-evaluation.js';

const policy = presetPolicy('medium.zh-CN');
const agent = (s: number) => ({ response_sla_rate: 80 + 0.15 * s, first_response_minutes: 120 - 0.9 * s, csat: 80 + 0.15 * s, tickets_resolved: 60 + 0.7 * s, complaint_rate: 3 - 0.025 * s });
const people: PersonInput[] = [
  { id: 'E1', name: '=HYPERLINK("http://evil","张伟")', role: 'agent', team: '+1组', kpis: agent(90), bonusBase: 1800 },
  { id: 'E2', name: '李娜', role: 'agent', team: '@SUM(A1)', kpis: agent(60) },
  { id: 'E3', name: '-王芳', role: 'technician', kpis: { first_time_fix_rate: 88, onsite_punctuality_rate: 93, csat: 94, resolution_hours: 30, reopen_rate: 4 } },
  { id: 'E4', name: '赵强', role: 'supervisor', kpis: {} },
];

async function workbookFor(language: Language) {
  const evaluation = makeEvaluation(policy, people);
  evaluation.warnings.add('value-unreadable-time', { value: '=1+1', kpis: ['客户满意度'] }, { file: 'tickets.csv', row: 9, column: '解决时间' });
  const text = `version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E2\n    kpi: csat\n    value: 91\n    appeal: "=cmd|' /C calc'!A0"\n    reason: 回访记录有误\n    approved_by: 申诉小组\n    approved_on: 2026-11-10\n`;
  const adj = parseAdjustmentsBytes(new TextEncoder().encode(text), 'adj.yaml', { policy, periodId: '2026-10', months: [] });
  if (!adj.ok) throw new Error('fixture');
  const report = scoreEvaluation({ policy, policyFile: { path: 'p.yaml', sha256: '0' }, evaluation, adjustments: { file: 'adj.yaml', items: adj.value.adjustments, source: adj.source }, resultDate: '2026-11-05', language, toolVersion: 't' });
  const bytes = await buildReportXlsx({ report, policy, language });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return { report, workbook, bytes };
}

/** The XML of every sheet in the archive (to look for <f> formula elements). */
function sheetXml(bytes: Uint8Array): string {
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
    if (name.startsWith('xl/worksheets/') || name === 'xl/sharedStrings.xml') out += method === 8 ? inflateRawSync(data).toString() : data.toString();
    at += 30 + nameLength + extra + size;
  }
  return out;
}

describe('report.xlsx', () => {
  it('has the summary, a sheet per role, notes, adjustments and warnings — in Chinese', async () => {
    const { workbook } = await workbookFor('zh-CN');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '客服专员', '维修技术员', '服务主管', '说明', '申诉调整', '数据警告']);
    const summary = workbook.getWorksheet('汇总')!;
    const header = (summary.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 7)).toEqual(['组内排名', '工号', '姓名', '岗位', '班组', '首次响应时长（分钟）', '首次响应时长 得分']);
    expect(header.slice(-7)).toEqual(['量化得分', '定性得分', '加减分', '总分', '分数段等级', '最终等级', '绩效奖金']);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1 });
    // Columns A… and rows 1–5: the header and four people.
    const last = summary.getRow(1).getCell(header.length).address.replace(/\d+$/, '');
    expect(summary.autoFilter).toBe(`A1:${last}5`);
  });

  it('and in English', async () => {
    const { workbook } = await workbookFor('en');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', '客服专员', '维修技术员', '服务主管', 'Notes', 'Adjustments', 'Data warnings']);
    expect((workbook.getWorksheet('Summary')!.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Rank in group', 'Staff id', 'Name']);
  });

  it('holds the numbers of the JSON report, with number formats', async () => {
    const { workbook, report } = await workbookFor('zh-CN');
    const summary = workbook.getWorksheet('汇总')!;
    const header = (summary.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (label: string) => header.indexOf(label) + 1;
    const e1 = report.staff.find((p) => p.id === 'E1')!;
    const row = summary.getRow(2);
    expect(row.getCell(col('工号')).value).toBe('E1');
    expect(row.getCell(col('总分')).value).toBe(e1.total_rounded);
    expect(row.getCell(col('总分')).numFmt).toBe('0.00');
    expect(row.getCell(col('最终等级')).value).toBe(e1.grade);
    expect(row.getCell(col('绩效奖金')).value).toBe(e1.outcomes.bonus.amount);
    expect(row.getCell(col('绩效奖金')).numFmt).toBe('#,##0.00');
    expect(row.getCell(col('客户满意度（%）')).value).toBe(e1.kpis.find((k) => k.id === 'csat')!.value);
    const notAssessed = summary.getRow(5);
    expect(notAssessed.getCell(col('工号')).value).toBe('E4');
    expect(notAssessed.getCell(col('最终等级')).value).toBe('未评定');
    const role = workbook.getWorksheet('客服专员')!;
    expect(role.getCell(1, 5).value).toBe('响应及时率（25%）');
    expect((role.getRow(2).values as unknown[]).slice(5, 11)).toEqual(['实际值', '目标值', '底线值', '得分', '权重%', '加权得分']);
    expect(role.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const adjustments = workbook.getWorksheet('申诉调整')!;
    expect((adjustments.getRow(2).values as unknown[]).slice(1, 9)).toEqual([`=cmd|' /C calc'!A0`, '更正指标值', 'E2', '李娜', '客户满意度', undefined, report.adjustments[0]!.original_value, 91]);
  });

  it('says on the notes sheet that cells hold unrounded values shown to two decimals', async () => {
    for (const [language, sheet, text] of [
      ['zh-CN', '说明', '单元格保存未舍入的数值，显示为两位小数'],
      ['en', 'Notes', 'Cells hold the unrounded values and show two decimals'],
    ] as const) {
      const { workbook } = await workbookFor(language);
      expect(String(workbook.getWorksheet(sheet)!.getRow(2).getCell(4).value)).toContain(text);
    }
  });

  it('writes data that starts with = + - @ as text, never as a formula', async () => {
    const { workbook, bytes } = await workbookFor('zh-CN');
    const summary = workbook.getWorksheet('汇总')!;
    const name = summary.getRow(2).getCell(3);
    expect(name.value).toBe('=HYPERLINK("http://evil","张伟")');
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.formula).toBeUndefined();
    expect(name.numFmt).toBe('@');
    expect(summary.getRow(2).getCell(5).value).toBe('+1组');
    expect(summary.getRow(3).getCell(5).numFmt).toBe('@');
    expect(workbook.getWorksheet('数据警告')!.getRow(2).getCell(5).value).toBe('=1+1');
    expect(sheetXml(bytes)).not.toMatch(/<f[ >]/);
    expect(['=x', '+x', '-x', '@x', 'x=1'].map(looksLikeFormula)).toEqual([true, true, true, true, false]);
  });
});
