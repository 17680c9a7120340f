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
    expect(name).toBeGreaterThanOrEqual(4); // a name may wrap beside a long text: the row is tall anyway
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

  it('make alike columns alike', () => {
    const widths = widthsOf('| 被考核人 | 直属主管 | 部门经理 | 人力资源部 |\n|---|---|---|---|\n|   |   |   |   |\n');
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(700);
  });
});
