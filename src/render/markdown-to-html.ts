// Markdown → one standalone HTML file (CSS inside, no scripts, nothing fetched) that reads
// well on screen and prints like the Word document: A4 pages, the same fonts, headings,
// tables, forms, page breaks and a 第 X 页 共 Y 页 footer where the browser supports page
// margin boxes. Shares its reading of Markdown with the Word writer. Pure.
import { escapeXml, stripControlCharacters } from '../text/escape-xml.js';
import { resolveDocumentOptions, type DocumentOptions, type ResolvedDocumentOptions } from './document-options.js';
import { isAllBold, parseMarkdownDocument, tocHeadings, type Block, type Inline, type TableCell } from './markdown-document.js';
import { columnWidths } from './table-layout.js';

/** Text and attribute values alike: both quotes escaped. */
function escapeHtml(text: string): string {
  return escapeXml(text, 'all');
}

/** A CSS string literal; quotes, backslashes and line breaks cannot end it early. */
function cssString(text: string): string {
  return `"${stripControlCharacters(text).replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r<>]/g, ' ')}"`;
}

function fontList(...families: string[]): string {
  const generic = new Set(['serif', 'sans-serif', 'monospace']);
  const unique = [...new Set(families.filter(Boolean))];
  return unique.map((f) => (generic.has(f) ? f : cssString(f))).join(', ');
}

/** Makes a standalone HTML document from Markdown. */
export function markdownToHtml(markdown: string, documentOptions: DocumentOptions): string {
  const options = resolveDocumentOptions(documentOptions);
  const blocks = parseMarkdownDocument(markdown);
  const body = renderBlocks(blocks, { options, blocks });
  const meta = [
    ['author', options.creator],
    ['description', options.description],
    ['keywords', options.keywords],
    ['generator', 'aspm'],
  ]
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([name, content]) => `<meta name="${name}" content="${escapeHtml(content)}">`)
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${options.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    meta,
    `<style>\n${stylesheet(options)}</style>`,
    '</head>',
    '<body>',
    '<main class="document">',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function stylesheet(options: ResolvedDocumentOptions): string {
  const chinese = options.language === 'zh-CN';
  const serif = chinese ? ['SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'] : ['Times New Roman', 'serif'];
  const sans = chinese ? ['SimHei', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif'] : ['Arial', 'Helvetica', 'sans-serif'];
  const body = fontList(options.latinFont, options.bodyFont, ...serif);
  const heading = fontList(options.latinHeadingFont, options.headingFont, ...sans);
  const headingWeight = chinese ? 'normal' : 'bold';
  const footer = options.footer
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
  const margin = chinese ? '2.54cm 3.18cm' : '2.54cm';
  return `@page { size: A4; margin: ${margin}; @bottom-center { content: ${footer}; font-family: ${body}; font-size: 9pt; } ${
    options.header ? `@top-right { content: ${cssString(options.header)}; font-family: ${body}; font-size: 9pt; }` : ''
  } }
@page :first { @top-right { content: none; } }
html { background: #eceff1; }
body { margin: 0; color: #000; font-family: ${body}; font-size: ${options.bodySizePt}pt; line-height: ${(options.lineSpacing * 1.25).toFixed(2)}; }
main.document { box-sizing: border-box; max-width: 21cm; margin: 1.5rem auto; padding: ${margin}; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2); }
h1, h2, h3, h4, h5, h6, .toc-title { font-family: ${heading}; font-weight: ${headingWeight}; color: #000; line-height: 1.4; break-after: avoid; page-break-after: avoid; }
h1.title { font-size: ${options.titleSizePt}pt; text-align: center; margin: 2em 0 1.5em; }
h2 { font-size: 16pt; text-align: center; margin: 1em 0 0.75em; }
h3 { font-size: 14pt; text-align: center; margin: 0.8em 0 0.6em; }
h4, h5, h6 { font-size: ${options.bodySizePt}pt; margin: 0.6em 0 0.3em; }
p { margin: 0 0 ${chinese ? '0' : '0.5em'}; text-align: ${chinese ? 'justify' : 'left'}; ${options.firstLineIndent ? 'text-indent: 2em;' : ''} }
p.caption { text-indent: 0; break-after: avoid; page-break-after: avoid; }
table + p { margin-top: 0.5em; }
ul, ol { margin: 0 0 0.5em; padding-left: 3em; }
blockquote { margin: 0 0 0.5em 2em; color: #404040; }
pre { font-family: "Courier New", monospace; font-size: ${Math.max(8, options.bodySizePt - 2)}pt; margin: 0 0 0.5em 2em; white-space: pre-wrap; }
code { font-family: "Courier New", monospace; }
a { color: #1f4e79; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0.4em 0; font-size: ${options.tableSizePt}pt; line-height: 1.3; }
th, td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: middle; text-align: left; overflow-wrap: anywhere; }
th, td.label { background: #e7e6e6; font-weight: bold; text-align: center; }
td.center { text-align: center; }
td.right { text-align: right; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.with-blanks > td { height: 0.8cm; }
tr.blank-row > td { height: 1.2cm; }
tr.writing-box > td { height: 2.8cm; }
nav.toc { margin: 0 0 1em; }
nav.toc .toc-title { font-size: 16pt; text-align: center; margin: 0.5em 0 1em; }
nav.toc ol { list-style: none; margin: 0; padding: 0; }
nav.toc li.toc-level-2 { padding-left: 2em; }
nav.toc a { color: inherit; text-decoration: none; }
hr.page-break { border: 0; border-top: 1px dashed #b0bec5; margin: 2em -1cm; }
@media print {
  html { background: none; }
  main.document { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  hr.page-break { border: 0; margin: 0; height: 0; break-after: page; page-break-after: always; }
  a { color: inherit; text-decoration: none; }
}
`;
}

interface Context {
  readonly options: ResolvedDocumentOptions;
  readonly blocks: readonly Block[];
}

function renderBlocks(blocks: readonly Block[], context: Context): string {
  return blocks.map((block) => renderBlock(block, context)).join('\n');
}

function renderBlock(block: Block, context: Context): string {
  switch (block.kind) {
    case 'title':
      return `<h1 class="title">${renderInline(block.inline)}</h1>`;
    case 'heading': {
      const level = Math.min(block.level, 6);
      return `<h${level} id="${escapeHtml(block.id)}">${renderInline(block.inline)}</h${level}>`;
    }
    case 'paragraph': {
      const caption = isAllBold(block.inline);
      return `<p${caption ? ' class="caption"' : ''}>${renderInline(block.inline)}</p>`;
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      const items = block.items.map((item) => `<li>${renderListItem(item, context)}</li>`).join('\n');
      return `<${tag}${start}>\n${items}\n</${tag}>`;
    }
    case 'quote':
      return `<blockquote>\n${renderBlocks(block.blocks, context)}\n</blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case 'pageBreak':
      return '<hr class="page-break">';
    case 'toc': {
      const entries = tocHeadings(context.blocks)
        .map((h) => `<li class="toc-level-${h.level - 1}"><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a></li>`)
        .join('\n');
      return `<nav class="toc">\n<p class="toc-title">${escapeHtml(context.options.tocTitle)}</p>\n<ol>\n${entries}\n</ol>\n</nav>`;
    }
    case 'table':
      return renderTable(block, context);
    case 'image':
      return `<p class="figure"><img src="${escapeHtml(block.src)}" alt="${escapeHtml(block.alt)}"></p>`;
    case 'continuation':
      // Where a printed form goes on to its next page: a web page has none.
      return '';
  }
}

/** A tight list item's paragraphs are its text; a loose one keeps its paragraphs. */
function renderListItem(blocks: readonly Block[], context: Context): string {
  if (blocks.length === 1 && blocks[0]?.kind === 'paragraph') return renderInline(blocks[0].inline);
  return renderBlocks(blocks, context);
}

function renderInline(inline: readonly Inline[]): string {
  return inline
    .map((run) => {
      if (run.kind === 'break') return '<br>';
      let html = escapeHtml(run.text);
      if (run.code) html = `<code>${html}</code>`;
      if (run.strike) html = `<s>${html}</s>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.href && /^(https?:|mailto:|#)/i.test(run.href)) html = `<a href="${escapeHtml(run.href)}">${html}</a>`;
      return html;
    })
    .join('');
}

function renderTable(block: Extract<Block, { kind: 'table' }>, context: Context): string {
  // The same split as the Word document's, as percentages of the width.
  const total = 10_000;
  const widths = columnWidths(block.header, block.rows, { total, halfEm: (total / 8306) * context.options.tableSizePt * 10, cellPadding: (total / 8306) * 170 });
  const columns = widths.length;
  const colgroup = `<colgroup>${widths.map((w) => `<col style="width: ${(w / 100).toFixed(2)}%">`).join('')}</colgroup>`;
  const cell = (content: TableCell | undefined, column: number, tag: 'th' | 'td') => {
    const classes: string[] = [];
    const align = block.align[column];
    if (tag === 'td' && content?.label) classes.push('label');
    else if (tag === 'td' && align && align !== 'left') classes.push(align);
    const attribute = classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
    return `<${tag}${attribute}>${renderInline(content?.inline ?? [])}</${tag}>`;
  };
  const head = block.header ? `<thead>\n<tr>${widths.map((_, i) => cell(block.header?.[i], i, 'th')).join('')}</tr>\n</thead>\n` : '';
  const rows = block.rows
    .map((row) => {
      const cells = widths.map((_, i) => row[i]);
      const blanks = cells.filter((c) => c === undefined || c.empty).length;
      const rowClass = blanks === 0 ? '' : blanks === columns ? (columns === 1 ? 'writing-box' : 'blank-row') : 'with-blanks';
      return `<tr${rowClass ? ` class="${rowClass}"` : ''}>${cells.map((c, i) => cell(c, i, 'td')).join('')}</tr>`;
    })
    .join('\n');
  return `<table>\n${colgroup}\n${head}<tbody>\n${rows}\n</tbody>\n</table>`;
}
