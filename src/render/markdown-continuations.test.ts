import { describe, expect, it } from 'vitest';
import { parseMarkdownDocument } from './markdown-document.js';
import { dropContinuations } from './markdown-continuations.js';
import { markdownToHtml } from './markdown-to-html.js';

const FORM = '**一、量化考核**\n\n| a |\n|---|\n| 1 |\n\n[[continued]]\n\n**考核表（续）**\n\n[[/continued]]\n\n**二、定性考核**\n';

describe('a form’s continuation heading', () => {
  it('is read as a block of its own, holding what heads the next page', () => {
    const blocks = parseMarkdownDocument(FORM);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'continuation', 'paragraph']);
    const continuation = blocks[2];
    expect(continuation?.kind === 'continuation' && continuation.blocks.map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('is left out of the .md file, with one blank line between the blocks around it', () => {
    expect(dropContinuations(FORM)).toBe('**一、量化考核**\n\n| a |\n|---|\n| 1 |\n\n**二、定性考核**\n');
    const fenced = '```\n[[continued]]\nkept\n[[/continued]]\n```\n';
    expect(dropContinuations(fenced)).toBe(fenced);
  });

  it('is left out of the web page, which has no pages', () => {
    const html = markdownToHtml(FORM, { language: 'zh-CN', title: 't' });
    expect(html).not.toContain('考核表（续）');
    expect(html).not.toContain('continued');
    expect(html).toContain('二、定性考核');
  });
});
