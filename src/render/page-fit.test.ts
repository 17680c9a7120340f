import { describe, expect, it } from 'vitest';
import { parseMarkdownDocument, plainText, type Block } from './markdown-document.js';
import { blockHeight, leastRowHeight, placeContinuations, tableRowHeights, tableMetrics, type PageMetrics } from './page-fit.js';
import { columnWidths } from './table-layout.js';

/** A4 with the margins of a Chinese document; 24.6 cm of text height. */
const PAGE: PageMetrics = { language: 'zh-CN', textWidth: 8306, textHeight: 13958, bodySizePt: 12, titleSizePt: 22, tableSizePt: 10.5, lineSpacing: 1.5, firstLineIndent: true };
const CM = 567;

const heading = (name: string) => `[[continued]]\n\n**${name}（续）**\n\n[[/continued]]\n\n`;
/** A form: a heading, then parts of `rows` rows each to write in, with a place to go on to the next page before each part but the first. */
function form(parts: readonly number[]): string {
  return (
    '### 考核表\n\n' +
    parts
      .map((rows, i) => `${i > 0 ? heading('考核表') : ''}**第${i + 1}部分**\n\n| 项目 | 得分 |\n|---|---|\n${'| 项目 |   |\n'.repeat(rows)}`)
      .join('\n')
  );
}

const texts = (blocks: readonly Block[]) =>
  blocks.map((b) => (b.kind === 'pageBreak' ? '---' : b.kind === 'paragraph' || b.kind === 'heading' ? plainText(b.inline) : b.kind));

describe('placing a form on its pages', () => {
  it('leaves the continuations out when the whole form fits on its page', () => {
    const blocks = placeContinuations(parseMarkdownDocument(form([5, 5, 5])), PAGE);
    expect(texts(blocks)).toEqual(['考核表', '第1部分', 'table', '第2部分', 'table', '第3部分', 'table']);
  });

  it('goes on to the next page, under the form’s continuation heading, where the parts are most alike', () => {
    // Four parts of 8 rows (about 7.5 cm each): two pages, two parts on each.
    const blocks = placeContinuations(parseMarkdownDocument(form([8, 8, 8, 8])), PAGE);
    expect(texts(blocks)).toEqual(['考核表', '第1部分', 'table', '第2部分', 'table', '---', '考核表（续）', '第3部分', 'table', '第4部分', 'table']);
  });

  it('takes a third page rather than letting a page run over', () => {
    // Each part of 20 rows nearly fills a page: putting the last part with the second would run over.
    const blocks = placeContinuations(parseMarkdownDocument(form([20, 20, 10])), PAGE);
    expect(texts(blocks)).toEqual(['考核表', '第1部分', 'table', '---', '考核表（续）', '第2部分', 'table', '---', '考核表（续）', '第3部分', 'table']);
  });

  it('starts counting the page again after a page break', () => {
    const markdown = `${'正文。'.repeat(300)}\n\n---\n\n${form([5, 5])}`;
    expect(texts(placeContinuations(parseMarkdownDocument(markdown), PAGE))).not.toContain('考核表（续）');
  });
});

describe('estimated heights', () => {
  it('give rows to write in 0.8 cm, a row of blanks 1 cm and a box 2.8 cm', () => {
    const [table] = parseMarkdownDocument('| 项目 | 实际值 | 得分 |\n|---|---|---|\n| 客户满意度 |   |   |\n|   |   |   |\n');
    if (table?.kind !== 'table') throw new Error('not a table');
    expect(leastRowHeight(table.rows[0]!, 3)).toBeGreaterThanOrEqual(0.8 * CM);
    expect(leastRowHeight(table.rows[1]!, 3)).toBeGreaterThanOrEqual(CM);
    expect(leastRowHeight([], 1)).toBeGreaterThanOrEqual(2.8 * CM);
    expect(leastRowHeight(table.header!, 3)).toBeUndefined();
  });

  it('count the lines of wrapped text in a row, Chinese at any character and Latin between words', () => {
    const [table] = parseMarkdownDocument(`| 指标 | 说明 |\n|---|---|\n| 甲 | ${'从工单创建到首次响应的平均时长。'.repeat(8)} |\n| 乙 | 短 |\n`);
    if (table?.kind !== 'table') throw new Error('not a table');
    const widths = columnWidths(table.header, table.rows, tableMetrics(PAGE));
    const [header, long, short] = tableRowHeights(table, widths, PAGE);
    expect(long).toBeGreaterThan(3 * short!);
    expect(header).toBe(short);
  });

  it('make a paragraph of more text taller', () => {
    const [one, three] = parseMarkdownDocument(`${'字'.repeat(20)}\n\n${'字'.repeat(90)}\n`);
    expect(blockHeight(three!, undefined, PAGE)).toBeCloseTo(3 * blockHeight(one!, undefined, PAGE), -1);
  });
});
