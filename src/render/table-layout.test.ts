import { describe, expect, it } from 'vitest';
import { parseMarkdownDocument } from './markdown-document.js';
import { columnWidths, type TableMetrics } from './table-layout.js';

const A4_ZH: TableMetrics = { total: 8306, halfEm: 105, cellPadding: 170 };

function widthsOf(markdown: string, metrics = A4_ZH): number[] {
  const [table] = parseMarkdownDocument(markdown);
  if (table?.kind !== 'table') throw new Error('not a table');
  return columnWidths(table.header, table.rows, metrics);
}

/** Characters of 10.5 pt Chinese text that fit in a column of this width. */
const chars = (width: number) => Math.floor((width - A4_ZH.cellPadding) / (2 * A4_ZH.halfEm));

describe('table column widths', () => {
  it('add up to the width of the page text, in whole numbers', () => {
    for (const markdown of [
      '| a | b |\n|---|---|\n| x | y |\n',
      '| 序号 | 指标 | 定义与计算公式 | 单位 | 目标值 | 数据来源 | 考核周期 |\n|---|---|---|---|---|---|---|\n| 1 | 首次响应时长 | ' + '从工单创建到首次响应的平均时长。'.repeat(6) + ' | 分钟 | ≤ 30 | 售后工单系统 | 月度 |\n',
    ]) {
      const widths = widthsOf(markdown);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(8306);
      for (const w of widths) expect(Number.isInteger(w)).toBe(true);
    }
  });

  it('give the long text the room, and keep short values and headers on one line', () => {
    const long = '考核期内创建的工单中，首次响应时长不超过三十分钟的工单数除以考核期内创建的工单数乘以百分之百。'.repeat(2);
    const widths = widthsOf(`| 指标 | 定义与计算公式 | 单位 | 目标值 | 考核周期 |\n|---|---|---|---|---|\n| 平均解决时长 | ${long} | 小时 | ≤ 24 小时 | 月度 |\n`);
    const [name, definition, unit, target, cycle] = widths.map(chars);
    expect(definition).toBeGreaterThanOrEqual(12);
    expect(definition).toBe(Math.max(...widths.map(chars)));
    expect(name).toBeGreaterThanOrEqual(6); // 平均解决时长 on one line, not 平均解决时 / 长
    expect(unit).toBeGreaterThanOrEqual(2);
    expect(target).toBeGreaterThanOrEqual(4); // ≤ 24 小时 (4.5 in Chinese characters)
    expect(cycle).toBeGreaterThanOrEqual(4); // 考核周期
  });

  it('leave room to write in a column of blanks, and none for a blank under values', () => {
    const widths = widthsOf('| 序号 | 考核指标 | 实际值 | 得分 |\n|---|---|---|---|\n| 1 | 客户满意度 |   |   |\n|   | **合计** |   |   |\n');
    const [number, , actual, score] = widths;
    expect(actual).toBeGreaterThan(number!);
    expect(score).toBeGreaterThan(number!);
  });

  it('keep a name whole when the room is there', () => {
    const [name] = widthsOf('| 指标 | 说明 | 单位 |\n|---|---|---|\n| 平均解决时长 | 从工单创建到问题解决的平均时长 | 小时 |\n').map(chars);
    expect(name).toBeGreaterThanOrEqual(6);
  });

  it('keep names of up to seven characters whole in a crowded table', () => {
    const definition = '从工单创建到客服或技术人员首次响应客户的平均时长。计算公式：考核期内创建且已响应的工单之和除以这些工单数。';
    const markdown =
      '| 指标 | 定义与计算公式 | 单位 | 目标值 | 数据来源 | 考核周期 |\n|---|---|:---:|:---:|---|:---:|\n' +
      ['首次响应时长', '改进建议采纳数', '平均解决时长 ※'].map((name) => `| ${name} | ${definition} | 分钟 | ≤ 30 | 客户服务系统（工单模块） | 月度 |`).join('\n') +
      '\n';
    const widths = widthsOf(markdown);
    const [name, text] = widths.map(chars);
    expect(name).toBeGreaterThanOrEqual(8); // 改进建议采纳数, and 平均解决时长 ※ (the mark is a full character)
    // The definition still wraps at seven characters or more, as wide as the widest other column.
    expect(text).toBeGreaterThanOrEqual(7);
    expect(text).toBeGreaterThanOrEqual(Math.max(...widths.slice(2).map(chars)));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8306);
  });

  it('find the name column after a column of numbers, and keep English names to a few words a line', () => {
    const [number, event] = widthsOf(
      '| 序号 | 事项 | 认定标准 | 加减分 | 上限 |\n|:---:|---|---|:---:|:---:|\n| 1 | 客户书面表扬 | 客户通过锦旗、表扬信或官方渠道点名表扬，经核实。客户通过锦旗、表扬信或官方渠道点名表扬，经核实。 | 每次 +2 分 | 每期最多 6 分 |\n',
    ).map(chars);
    expect(number).toBeLessThan(4);
    expect(event).toBeGreaterThanOrEqual(6);
    const english = widthsOf(
      `| KPI (unit) | Definition and formula | Target | Data source |\n|---|---|:---:|---|\n| First response time (minutes) | ${'Mean time from the creation of a ticket to the first response. '.repeat(3)} | ≤ 30 | After-sales ticket system |\n`,
      { total: 9026, halfEm: 105, cellPadding: 170 },
    );
    // "First response" (14 letters) fits on a line of the name column.
    expect(((english[0] ?? 0) - 170) / 105).toBeGreaterThanOrEqual(14 * 1.2);
  });

  it('give an English definition the room a long KPI name or a hyphenated source would take', () => {
    const definition = 'Share of tickets fixed at the first attempt, neither reopened nor needing a second visit. '.repeat(3);
    const metrics = { total: 9026, halfEm: 105, cellPadding: 170 };
    const halfEms = (width: number) => (width - 170) / 105;
    const [name, text, , source] = widthsOf(
      `| KPI | Definition and formula | Target | Data source |\n|---|---|:---:|---|\n| Customer satisfaction (CSAT) | ${definition} | ≥ 95% | After-sales ticket system (reopen and second-visit flags) |\n| First-time fix rate | ${definition} | ≥ 90% | Customer follow-up survey records |\n`,
      metrics,
    ).map(halfEms);
    // Words stay whole ("satisfaction", 12 letters), but the name column does not hold the
    // whole of "Customer satisfaction" on one line…
    expect(name).toBeGreaterThanOrEqual(12 * 1.2);
    expect(name).toBeLessThan(18);
    // …and a line may break after a hyphen (second- / visit), as Word and LibreOffice break it.
    expect(source).toBeLessThan(12 * 1.2 + 2);
    expect(text).toBeGreaterThan(36);
  });

  it('make alike columns alike', () => {
    const widths = widthsOf('| 被考核人 | 直属主管 | 部门经理 | 人力资源部 |\n|---|---|---|---|\n|   |   |   |   |\n');
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(700);
  });
  it('keep a date, a value with its unit and a name with a short note in brackets on one line (a notice’s tables)', () => {
    const reason = '客户来电时要求改到次日上午回电，响应延误非本人原因（有通话录音为证）';
    const what = 'T00003731（不计入：首次响应时长、响应及时率、投诉率、解决工单量）';
    const appeals = widthsOf(`| 申诉编号 | 调整内容 | 理由 | 批准人 | 批准日期 |\n|---|---|---|---|---|\n| SS-2026-009 | ${what} | ${reason} | 绩效申诉小组 | 2026年10月15日 |\n`);
    // 2026年10月15日: 4 + 2 digits and 3 characters, about 7.5 characters of table text.
    expect(chars(appeals[4]!)).toBeGreaterThanOrEqual(8);
    const months = widthsOf(
      '| 考核指标 | 2026年7月 | 2026年8月 | 2026年9月 |\n|---|:---:|:---:|:---:|\n' +
        '| 首次响应时长 | 24.69 分钟 → 100.00 × 15% | 20.74 分钟 → 100.00 × 15% | 123.52 分钟（目标 30 分钟，底线 120 分钟）→ 100.00 × 15% |\n' +
        '| 客户满意度（班组） | 88（目标 130，底线 60）→ 40.00 × 15% | 107（目标 130，底线 60）→ 67.14 × 15% | 99（目标 130，底线 60）→ 55.71 × 15% |\n',
    );
    expect(chars(months[0]!)).toBeGreaterThanOrEqual(9); // 客户满意度（班组）
    for (const width of months.slice(1)) expect(chars(width)).toBeGreaterThanOrEqual(5); // 123.52 分钟
  });
});
