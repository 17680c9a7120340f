import { beforeAll, describe, expect, it } from 'vitest';
import { loadPreset } from '../../test/helpers/presets.js';
import { markdownToHtml } from './markdown-to-html.js';
import { policyDocumentOptions, renderPolicyMarkdown } from './render-policy.js';
import { readTemplateSet } from './templates.js';

const VOID = new Set(['meta', 'br', 'hr', 'col', 'img', 'link', 'input', 'wbr']);

/** Problems with how the document's tags nest; empty when every tag is closed in order. */
function nestingProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  for (const match of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const [, closing, rawName] = match;
    const name = (rawName ?? '').toLowerCase();
    if (VOID.has(name)) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> at ${match.index}`);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

describe('Markdown → HTML', () => {
  let html: string;
  beforeAll(async () => {
    const policy = await loadPreset('medium.zh-CN');
    html = markdownToHtml(renderPolicyMarkdown(policy, await readTemplateSet('zh-CN')), policyDocumentOptions(policy));
  });

  it('is a standalone, well-formed document in the policy language', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(nestingProblems(html)).toEqual([]);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>示例科技有限公司售后服务绩效管理制度</title>');
    expect(html).not.toMatch(/<script|<link |src="http|href="http/);
  });

  it('prints on A4 with page breaks and a 第 X 页 共 Y 页 footer', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('"第 " counter(page) " 页 共 " counter(pages) " 页"');
    expect(html).toContain('<hr class="page-break">');
    expect(html).toContain('break-after: page');
  });

  it('has a table of contents whose links all lead to a heading', () => {
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const links = [...html.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(11);
    for (const link of links) expect(ids).toContain(link);
    expect(html).toContain('<p class="toc-title">目　录</p>');
  });

  it('writes tables with fixed column widths adding up to the page, label cells and rows to write in', () => {
    for (const group of html.matchAll(/<colgroup>(.*?)<\/colgroup>/g)) {
      const widths = [...(group[1] ?? '').matchAll(/width: ([\d.]+)%/g)].map((m) => Number(m[1]));
      expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    }
    expect(html).toContain('<td class="label"><strong>文件编号</strong></td>');
    expect(html).toContain('<tr class="writing-box">');
    expect(html).toContain('<thead>');
  });

  it('shows text literally, escaped for HTML', () => {
    const page = markdownToHtml('# A\\|B \\*C\\* \\<b> {{x}} & "q"\n\n| a |\n|---|\n| \\<i> |\n', { language: 'en', title: 'A <b> & "x"' });
    expect(page).toContain('<h1 class="title">A|B *C* &lt;b&gt; {{x}} &amp; &quot;q&quot;</h1>');
    expect(page).toContain('<td>&lt;i&gt;</td>');
    expect(page).toContain('<title>A &lt;b&gt; &amp; &quot;x&quot;</title>');
    expect(nestingProblems(page)).toEqual([]);
  });

  it('joins Chinese lines without a space, and reads emphasis next to full-width punctuation', () => {
    const page = markdownToHtml('第一行\n第二行\n\n**注意：**不要这样做。\n', { language: 'zh-CN', title: 't' });
    expect(page).toContain('<p>第一行第二行</p>');
    expect(page).toContain('<p><strong>注意：</strong>不要这样做。</p>');
  });
});
