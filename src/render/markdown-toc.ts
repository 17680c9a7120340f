// For the .md output: the `[[toc]]` line becomes a table of contents in plain Markdown (a
// list of links to the headings, with the anchors GitHub and aspm's HTML give them), so
// the file reads well anywhere, not only where `[[toc]]` is understood. Pure.
import { escapeMarkdown } from './escape-markdown.js';
import { fenceTracker, parseMarkdownDocument, tocHeadings } from './markdown-document.js';

const MARKER = /^ {0,3}\[\[toc\]\]\s*$/i;

export function expandTableOfContents(markdown: string, title: string): string {
  const headings = tocHeadings(parseMarkdownDocument(markdown));
  const list = headings.map((h) => `${'  '.repeat(h.level - 2)}- [${escapeMarkdown(h.text)}](#${h.id})`).join('\n');
  const toc = `**${escapeMarkdown(title)}**\n\n${list}`;
  const inFence = fenceTracker();
  return markdown
    .split('\n')
    .map((line) => (!inFence(line) && MARKER.test(line) ? toc : line))
    .join('\n');
}
