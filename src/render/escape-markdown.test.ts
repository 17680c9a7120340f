import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownCell } from './escape-markdown.js';
import { parseMarkdownDocument, plainText, type Block } from './markdown-document.js';

const nasty = [
  'A|B *C* <b>',
  '{{x}} and {{{y}}}',
  '# not a heading',
  '1. not a list',
  '2) not a list either',
  '- not a bullet',
  '+ nor this',
  '> not a quote',
  '---',
  '===',
  '`code` and ``more``',
  '_under_ and __strong__ and ~~struck~~',
  '[link](http://example.com) and ![img](x.png)',
  '<http://example.com> <b>bold</b> &amp; &#x41;',
  'back\\slash at the end\\',
  '50% * 2 = 100%',
  '示例|科技 *有限* 公司',
  '**警告：**不要',
];

function onlyParagraphText(blocks: Block[]): string {
  expect(blocks).toHaveLength(1);
  const block = blocks[0]!;
  expect(block.kind).toBe('paragraph');
  return block.kind === 'paragraph' ? plainText(block.inline) : '';
}

describe('escaping text for Markdown', () => {
  it.each(nasty)('%s comes out literally in a paragraph', (text) => {
    const blocks = parseMarkdownDocument(`前缀 ${escapeMarkdown(text)}\n`);
    expect(onlyParagraphText(blocks)).toBe(`前缀 ${text}`);
  });

  it.each(nasty)('%s comes out literally at the start of a line', (text) => {
    const blocks = parseMarkdownDocument(`${escapeMarkdown(text)}\n`);
    expect(onlyParagraphText(blocks)).toBe(text);
  });

  it.each(nasty)('%s stays in its table cell and keeps the table intact', (text) => {
    const markdown = `| a | b | c |\n|---|---|---|\n| x | ${escapeMarkdownCell(text)} | y |\n`;
    const [table] = parseMarkdownDocument(markdown);
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]?.map((c) => c.text)).toEqual(['x', text, 'y']);
  });

  it('keeps a multi-line text inside its paragraph, and a cell on one line', () => {
    const text = '第一行\n\n# 第二行\n- 第三行';
    expect(onlyParagraphText(parseMarkdownDocument(`${escapeMarkdown(text)}\n`))).toBe('第一行 # 第二行 - 第三行');
    expect(escapeMarkdownCell('甲\n乙\nB')).not.toContain('\n');
  });

  it('closes up the spaces a YAML line fold puts between Chinese characters, and keeps the others', () => {
    expect(escapeMarkdown('提升服务水平， 持续提高')).toBe('提升服务水平，持续提高');
    expect(escapeMarkdown('通过 App 等渠道，不低于 95%')).toBe('通过 App 等渠道，不低于 95%');
  });

  it('brings any text through a paragraph and a table cell unchanged (property)', () => {
    const alphabet = fc.constantFrom(...'ab1. -+#>*_`[]()|~<>&!\\{}=:：，。中文\u3000'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, minLength: 1, maxLength: 30 }), (raw) => {
        const text = raw.trim();
        // Spaces a line fold leaves between Chinese characters are closed up on purpose (tested above).
        fc.pre(text !== '' && !/\s{2,}/.test(text) && !/\s[，。：\u3000]|[，。：\u3000]\s|[中文]\s[中文]/.test(text));
        const paragraph = parseMarkdownDocument(`${escapeMarkdown(text)}\n`);
        expect(paragraph).toHaveLength(1);
        expect(paragraph[0]?.kind === 'paragraph' && plainText(paragraph[0].inline)).toBe(text);
        const [table] = parseMarkdownDocument(`| a | b |\n|---|---|\n| ${escapeMarkdownCell(text)} | z |\n`);
        expect(table?.kind === 'table' && table.rows[0]?.map((c) => c.text)).toEqual([text.trim(), 'z']);
      }),
      { numRuns: 1000 },
    );
  });
});
