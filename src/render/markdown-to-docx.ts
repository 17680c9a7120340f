// Markdown → a Word document (.docx) that reads like a company document: A4 with normal
// margins, body text in 宋体 小四 at 1.5 lines with the first line indented two characters
// (Chinese; Times New Roman for English), black 黑体 headings (never Word's blue), a table of
// contents filled in without the "update fields?" prompt, bordered tables with explicit
// column widths, a header row repeated on every page, rows that do not break across pages
// and short tables kept on one page, forms that go on to a next page only where they must
// (page-fit.ts), and a 第 X 页 共 Y 页 footer. Used for the policy and for any other document aspm
// writes (e.g. result notices). The WordprocessingML is written here as text (docx/wordml.ts
// keeps the schema's order of properties) and zipped by the project's own ZIP writer: the
// same Markdown and options always give the same bytes. Never reads files or the clock itself.
import { stripControlCharacters } from '../text/escape-xml.js';
import { resolveDocumentOptions, type DocumentOptions, type ResolvedDocumentOptions } from './document-options.js';
import { BODY_NAMESPACES, packDocx, type Relationship, type RelationshipType } from './docx/docx-package.js';
import { stylesPart } from './docx/styles-part.js';
import { attr, dirtyField, fonts, LINE_BREAK_RUN, paragraph, simpleField, TAB_RUN, textRun, type Justification, type ParagraphProperties, type RunProperties } from './docx/wordml.js';
import { isAllBold, isLeadIn, parseMarkdownDocument, tocHeadings, type Alignment, type Block, type Inline, type TableCell as MarkdownCell } from './markdown-document.js';
import { blockHeight, CELL_MARGIN, leastRowHeight, placeContinuations, tableMetrics, tableRowHeights, type PageMetrics } from './page-fit.js';
import { columnWidths } from './table-layout.js';

/** A4 in twentieths of a point (DXA). */
const PAGE = { width: 11906, height: 16838 } as const;
/** Word's "Normal" margins: 2.54 cm top and bottom; 3.18 cm left and right in Chinese Word, 2.54 cm in English. */
const MARGINS = {
  'zh-CN': { top: 1440, bottom: 1440, left: 1800, right: 1800, header: 851, footer: 992 },
  en: { top: 1440, bottom: 1440, left: 1440, right: 1440, header: 709, footer: 709 },
} as const;
const BLACK = '000000';
const LABEL_FILL = 'E7E6E6';
/**
 * A table of up to this many rows below its header, and no taller than this part of the
 * page, is kept on one page with the paragraph that introduces it. A taller one may break
 * between rows (its header row repeats): kept whole, it would leave the rest of a page empty.
 */
const KEEP_TOGETHER_ROWS = 12;
const KEEP_TOGETHER_PAGE_PART = 1 / 3;
/** Single line spacing with no space around: tight paragraphs (spacers, pictures). */
const SINGLE = { before: 0, after: 0, line: 240 } as const;
/** English Metric Units in a pixel at 96 to the inch. */
const EMU_PER_PIXEL = 9525;

/** A picture for an image paragraph (`![alt](src)`): PNG bytes and the size to show it at, in points. */
export interface DocxImage {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** The document's relationships and pictures, numbered as the body first needs them. */
class Parts {
  readonly relationships: Relationship[] = [];
  readonly media = new Map<string, Uint8Array>();
  private readonly images = new Map<string, string>();
  private readonly links = new Map<string, string>();
  /** Drawing ids: unique in the document, from 1. */
  drawings = 0;

  relate(type: RelationshipType, target: string): string {
    const id = `rId${this.relationships.length + 1}`;
    this.relationships.push({ id, type, target });
    return id;
  }

  /** One relationship per address, however often the document links to it. */
  hyperlink(href: string): string {
    let id = this.links.get(href);
    if (id === undefined) this.links.set(href, (id = this.relate('hyperlink', href)));
    return id;
  }

  /** One picture part per address, however often the document shows it. */
  image(src: string, png: Uint8Array): string {
    let id = this.images.get(src);
    if (id === undefined) {
      const name = `image${this.media.size + 1}.png`;
      this.media.set(name, png);
      this.images.set(src, (id = this.relate('image', `media/${name}`)));
    }
    return id;
  }
}

interface Context {
  readonly options: ResolvedDocumentOptions;
  /** Pictures by the address the Markdown gives them; an image without one shows its alt text. */
  readonly images: ReadonlyMap<string, DocxImage>;
  readonly textWidth: number;
  readonly page: PageMetrics;
  /** Every block of the document, for the table of contents. */
  readonly blocks: readonly Block[];
  /** The bookmark on each heading the table of contents lists, for its page number. */
  readonly bookmarks: ReadonlyMap<Block, Mark>;
  readonly parts: Parts;
}

const twips = (pt: number) => Math.round(pt * 20);

/** Makes Word document bytes from Markdown; `images` are the pictures of its image paragraphs, by address. */
export async function markdownToDocx(markdown: string, documentOptions: DocumentOptions, images: ReadonlyMap<string, DocxImage> = new Map()): Promise<Uint8Array> {
  return buildDocx(parseMarkdownDocument(markdown), resolveDocumentOptions(documentOptions), images);
}

/** The .docx bytes for the blocks of a Markdown document. */
function buildDocx(blocks: readonly Block[], options: ResolvedDocumentOptions, images: ReadonlyMap<string, DocxImage>): Uint8Array {
  const margins = MARGINS[options.language];
  const textWidth = PAGE.width - margins.left - margins.right;
  const page: PageMetrics = { ...options, textWidth, textHeight: PAGE.height - margins.top - margins.bottom };
  // Word's own names for the bookmarks of contents entries (_Toc + digits), which it hides.
  const bookmarks = new Map<Block, Mark>(tocHeadings(blocks).map((h, i) => [h, { name: `_Toc${100000 + i}`, id: i + 1 }]));
  const parts = new Parts();
  parts.relate('styles', 'styles.xml');
  parts.relate('settings', 'settings.xml');
  // Headers and footers first, so their relationships keep their numbers whatever the body holds.
  const headersAndFooters = new Map<string, string>();
  const references: string[] = [];
  const add = (kind: 'header' | 'footer', type: 'default' | 'first', content: string) => {
    const name = `${kind}${[...headersAndFooters.keys()].filter((n) => n.startsWith(kind)).length + 1}.xml`;
    const tag = kind === 'header' ? 'hdr' : 'ftr';
    headersAndFooters.set(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${tag} ${BODY_NAMESPACES}>${content}</w:${tag}>`);
    references.push(`<w:${kind}Reference w:type="${type}" r:id="${parts.relate(kind, name)}"/>`);
  };
  // A page header from the second page on, and a cover without a page number: the first page has its own.
  const titlePage = options.header !== undefined || options.cover;
  if (options.header !== undefined) {
    add('header', 'default', pageHeader(options.header, options));
    // An empty paragraph: a header part must hold at least one block.
    add('header', 'first', '<w:p/>');
  }
  add('footer', 'default', pageFooter(options));
  if (titlePage) add('footer', 'first', options.cover ? '<w:p/>' : pageFooter(options));

  const context: Context = { options, images, textWidth, page, blocks, bookmarks, parts };
  const body = writeBlocks(placeContinuations(blocks, page), context, 0).join('');
  const section =
    '<w:sectPr>' +
    references.join('') +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${margins.top}" w:right="${margins.right}" w:bottom="${margins.bottom}" w:left="${margins.left}" w:header="${margins.header}" w:footer="${margins.footer}" w:gutter="0"/>` +
    (titlePage ? '<w:titlePg/>' : '') +
    '<w:docGrid w:linePitch="360"/>' +
    '</w:sectPr>';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${BODY_NAMESPACES}><w:body>${body}${section}</w:body></w:document>`;
  return packDocx({
    document,
    styles: stylesPart(options),
    headersAndFooters,
    media: parts.media,
    relationships: parts.relationships,
    properties: {
      // Escaped, and stripped of what XML cannot hold, where the parts are written.
      title: options.title,
      ...(options.subject ? { subject: options.subject } : {}),
      creator: options.creator ?? 'aspm',
      ...(options.description ? { description: options.description } : {}),
      ...(options.keywords ? { keywords: options.keywords } : {}),
      ...(options.company ? { company: options.company } : {}),
      ...(options.date && /^\d{4}-\d{2}-\d{2}$/.test(options.date) ? { date: options.date } : {}),
    },
  });
}

function pageHeader(header: string, options: ResolvedDocumentOptions): string {
  return paragraph(
    { style: 'PageHeader', bottomBorder: { size: 4, color: BLACK, space: 1 }, alignment: 'right' },
    textRun(header, { fonts: fonts(options.bodyFont, options.latinFont) }),
  );
}

/** 第 {page} 页 共 {pages} 页 with Word's page fields in place of the placeholders. */
function pageFooter(options: ResolvedDocumentOptions): string {
  const content = options.footer
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? simpleField('PAGE') : part === '{pages}' ? simpleField('NUMPAGES') : textRun(part)))
    .join('');
  return paragraph({ style: 'PageHeader', alignment: 'center' }, content);
}

/**
 * The paragraphs that close a document or a page-broken part of it with a table (a notice's
 * department and date, its last words and the 员工确认 row): kept with that table, so the
 * sign-off never stands alone on a last page. Only as far back as a heading and only while
 * they are short: a long run of text kept whole would leave the rest of a page empty.
 */
function signOffLeads(blocks: readonly Block[], page: PageMetrics): Set<Block> {
  const leads = new Set<Block>();
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    if (block.kind !== 'table' || (next !== undefined && next.kind !== 'pageBreak')) return;
    const run: Block[] = [];
    for (let i = index - 1; i >= 0 && blocks[i]!.kind === 'paragraph'; i--) run.push(blocks[i]!);
    const height = run.reduce((total, paragraph, i) => total + blockHeight(paragraph, run[i + 1], page), 0);
    if (height <= page.textHeight * KEEP_TOGETHER_PAGE_PART) run.forEach((paragraph) => leads.add(paragraph));
  });
  return leads;
}

function writeBlocks(blocks: readonly Block[], context: Context, depth: number): string[] {
  const out: string[] = [];
  const leads = signOffLeads(blocks, context.page);
  let breakBefore = false;
  let previous: Block | undefined;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const next = blocks[index + 1];
    if (block.kind === 'pageBreak') {
      breakBefore = out.length > 0;
      continue;
    }
    const pageBreakBefore = breakBefore;
    breakBefore = false;
    // A table needs a paragraph before it to start a new page, and one between it and
    // another table, or Word joins the two.
    if (block.kind === 'table' && (pageBreakBefore || previous?.kind === 'table')) out.push(spacer(pageBreakBefore));
    out.push(...writeBlock(block, context, { pageBreakBefore: pageBreakBefore && block.kind !== 'table', afterTable: previous?.kind === 'table', beforeTable: next?.kind === 'table', leadIn: isLeadIn(block, next) || leads.has(block), depth }));
    previous = block;
  }
  return out;
}

interface Placement {
  readonly pageBreakBefore: boolean;
  readonly afterTable: boolean;
  readonly beforeTable: boolean;
  /** The block introduces the next one (a paragraph ending in a colon, or the words before a sign-off): they stay on one page. */
  readonly leadIn: boolean;
  readonly depth: number;
}

function spacer(pageBreakBefore: boolean): string {
  return paragraph({ pageBreakBefore, spacing: SINGLE }, textRun('', { size: 8 }));
}

function writeBlock(block: Block, context: Context, placement: Placement): string[] {
  const { pageBreakBefore } = placement;
  switch (block.kind) {
    case 'title':
      return [paragraph({ style: 'Title', pageBreakBefore }, runs(block.inline, context))];
    case 'heading': {
      const mark = context.bookmarks.get(block);
      const content = runs(block.inline, context);
      return [paragraph({ style: headingStyle(block.level), pageBreakBefore }, mark ? bookmarked(mark, content) : content)];
    }
    case 'paragraph': {
      const allBold = isAllBold(block.inline);
      const properties: ParagraphProperties = {
        style: 'BodyText',
        // A paragraph that introduces a table, a list or a formula stays with it; a bold line is a caption.
        keepNext: placement.beforeTable || placement.leadIn || allBold,
        pageBreakBefore,
        // A caption (a line in bold, such as 一、量化考核) sits tight above its table.
        ...(allBold ? { indent: { firstLine: 0, firstLineChars: 0 }, spacing: { before: 120, after: 60, line: 264 } } : {}),
        ...(placement.afterTable && !allBold ? { spacing: { before: 160 } } : {}),
      };
      return [paragraph(properties, runs(block.inline, context))];
    }
    case 'list':
      return listParagraphs(block, context, placement);
    case 'quote':
      return block.blocks.flatMap((child, i) =>
        child.kind === 'paragraph'
          ? [paragraph({ style: 'BlockQuote', pageBreakBefore: pageBreakBefore && i === 0 }, runs(child.inline, context))]
          : writeBlocks([child], context, placement.depth + 1),
      );
    case 'code':
      return block.text.split('\n').map((line, i) => paragraph({ style: 'CodeBlock', pageBreakBefore: pageBreakBefore && i === 0 }, textRun(line)));
    case 'toc':
      return tableOfContents(context, placement);
    case 'table':
      return [table(block, context)];
    case 'image':
      return [picture(block, context, pageBreakBefore)];
    case 'pageBreak':
    case 'continuation':
      // Continuations are resolved before (placeContinuations); one inside a list or quote is no place for a page break.
      return [];
  }
}

/**
 * A picture on a line of its own, centred, no wider than the text; kept with the paragraph
 * before it (its caption). Without bytes for it, its alt text stands in its place.
 */
function picture(block: Extract<Block, { kind: 'image' }>, context: Context, pageBreakBefore: boolean): string {
  const image = context.images.get(block.src);
  // Stripped before it is cut to 100 characters for the picture's name.
  const alt = stripControlCharacters(block.alt);
  const placement = { pageBreakBefore, spacing: { before: 60, after: 120, line: 240 }, alignment: 'center' } as const;
  if (!image) return paragraph({ style: 'BodyText', ...placement }, textRun(alt));
  // Sized in whole pixels at 96 to the inch, as Word does; the text width is in twips (1,440 to the inch).
  const widest = (context.textWidth / 1440) * 96;
  const width = Math.min(widest, (image.width * 96) / 72);
  const height = (width * image.height) / image.width;
  const cx = Math.round(width) * EMU_PER_PIXEL;
  const cy = Math.round(height) * EMU_PER_PIXEL;
  const id = context.parts.image(block.src, image.png);
  const drawing = ++context.parts.drawings;
  const short = attr(alt.slice(0, 100));
  const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  return paragraph(
    { keepLines: true, ...placement },
    '<w:r><w:drawing>' +
      '<wp:inline distT="0" distB="0" distL="0" distR="0">' +
      `<wp:extent cx="${cx}" cy="${cy}"/>` +
      '<wp:effectExtent l="0" t="0" r="0" b="0"/>' +
      `<wp:docPr id="${drawing}" name="${short}" descr="${attr(alt)}" title="${short}"/>` +
      `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
      `<a:graphic xmlns:a="${a}"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
      '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      `<pic:nvPicPr><pic:cNvPr id="${drawing}" name="${short}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
      `<pic:blipFill><a:blip r:embed="${id}"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
      '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>',
  );
}

/** A bookmark: its name, and its number in the document. */
interface Mark {
  readonly name: string;
  readonly id: number;
}

/** Runs inside a bookmark numbered by the document, so the same document always has the same numbers. */
function bookmarked(mark: Mark, content: string): string {
  return `<w:bookmarkStart w:name="${mark.name}" w:id="${mark.id}"/>${content}<w:bookmarkEnd w:id="${mark.id}"/>`;
}

function headingStyle(level: number): string {
  if (level <= 2) return 'Heading1';
  if (level === 3) return 'Heading2';
  if (level === 4) return 'Heading3';
  return 'Heading4';
}

/**
 * The table of contents: an entry per chapter and appendix, whose page number is a PAGEREF
 * field to a bookmark on its heading. Each application works the number out as it lays the
 * pages out with its own fonts (宋体 in Word and WPS on Windows, other faces in LibreOffice
 * set the same text on other lines): LibreOffice computes the fields as it lays out, and
 * they are written dirty, so Word and WPS update them when the file opens. The entries are
 * plain paragraphs, not a TOC field: LibreOffice reads a TOC field as a static index and
 * would show its (empty) cached numbers. aspm writes no number of its own: a wrong page
 * number is worse than none.
 */
function tableOfContents(context: Context, placement: Placement): string[] {
  const leader = { type: 'right', position: context.textWidth, leader: 'dot' } as const;
  return [
    paragraph({ style: 'TOCHeading', pageBreakBefore: placement.pageBreakBefore }, textRun(context.options.tocTitle)),
    ...tocHeadings(context.blocks).map((heading) => {
      const anchor = context.bookmarks.get(heading)!.name;
      return paragraph(
        { style: `TOC${heading.level - 1}`, tabs: [leader] },
        `<w:hyperlink w:anchor="${anchor}" w:history="1">${textRun(heading.text)}</w:hyperlink>${TAB_RUN}${dirtyField(`PAGEREF ${anchor}`)}`,
      );
    }),
  ];
}

function listParagraphs(block: Extract<Block, { kind: 'list' }>, context: Context, placement: Placement): string[] {
  const out: string[] = [];
  const indent = twips(context.options.bodySizePt * 2);
  block.items.forEach((item, index) => {
    const marker = block.ordered ? `${block.start + index}.` : '•';
    item.forEach((child, childIndex) => {
      if (child.kind === 'paragraph') {
        const left = indent * (placement.depth + 1) + indent / 2;
        out.push(
          paragraph(
            { style: 'ListParagraph', pageBreakBefore: placement.pageBreakBefore && index === 0 && childIndex === 0, tabs: [{ type: 'left', position: left }], indent: { left, hanging: indent / 2 + 120 } },
            (childIndex === 0 ? textRun(`${marker}\t`) : '') + runs(child.inline, context),
          ),
        );
      } else {
        out.push(...writeBlocks([child], context, placement.depth + 1));
      }
    });
  });
  return out;
}

function runs(inline: readonly Inline[], context: Context): string {
  let out = '';
  for (const run of inline) {
    if (run.kind === 'break') {
      out += LINE_BREAK_RUN;
      continue;
    }
    const properties: RunProperties = {
      ...(run.code ? { fonts: fonts(context.options.bodyFont, 'Courier New') } : {}),
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italic: true } : {}),
      ...(run.strike ? { strike: true } : {}),
    };
    if (run.href && /^(https?:|mailto:)/i.test(run.href)) {
      out += `<w:hyperlink r:id="${context.parts.hyperlink(run.href)}" w:history="1">${textRun(run.text, { style: 'Hyperlink', ...properties })}</w:hyperlink>`;
    } else {
      out += textRun(run.text, properties);
    }
  }
  return out;
}

const TABLE_BORDER = `w:val="single" w:color="${BLACK}" w:sz="4"`;
const TABLE_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${TABLE_BORDER}/>`).join('')}</w:tblBorders>`;
const CELL_MARGINS = `<w:tcMar><w:top w:type="dxa" w:w="${CELL_MARGIN.top}"/><w:left w:type="dxa" w:w="${CELL_MARGIN.left}"/><w:bottom w:type="dxa" w:w="${CELL_MARGIN.bottom}"/><w:right w:type="dxa" w:w="${CELL_MARGIN.right}"/></w:tcMar>`;

function table(block: Extract<Block, { kind: 'table' }>, context: Context): string {
  const widths = columnWidths(block.header, block.rows, tableMetrics(context.page));
  const columns = widths.length;
  // A table may break between rows, never inside one, and its header row stays with the
  // first row below it. A short table is kept on one page: each row keeps with the next but
  // the last, which does not, so a table is never chained to what follows it (LibreOffice
  // would read a chain through every row as "keep the table with the next paragraph" and push
  // whole chapters onto the next page). Only short tables: one kept whole that does not fit
  // in what is left of a page moves on and leaves that much of the page empty.
  const height = tableRowHeights(block, widths, context.page).reduce((a, b) => a + b, 0);
  const keepTogether = block.rows.length <= KEEP_TOGETHER_ROWS && height <= context.page.textHeight * KEEP_TOGETHER_PAGE_PART;
  const cell = (content: MarkdownCell | undefined, column: number, header: boolean, keepNext: boolean) => {
    const shaded = header || (content?.label ?? false);
    const align: Alignment = header || content?.label ? 'center' : (block.align[column] ?? null);
    const inline = header ? (content?.inline ?? []).map((r) => (r.kind === 'text' ? { ...r, bold: true } : r)) : (content?.inline ?? []);
    // tcPr in schema order: tcW, shd, tcMar, vAlign.
    return (
      `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[column] ?? 0}"/>` +
      (shaded ? `<w:shd w:val="clear" w:color="auto" w:fill="${LABEL_FILL}"/>` : '') +
      `${CELL_MARGINS}<w:vAlign w:val="center"/></w:tcPr>` +
      paragraph({ style: 'TableText', keepNext, ...(align ? { alignment: align satisfies Justification } : {}) }, runs(inline, context)) +
      '</w:tc>'
    );
  };
  let rows = '';
  if (block.header) {
    rows += `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${widths.map((_, i) => cell(block.header?.[i], i, true, true)).join('')}</w:tr>`;
  }
  block.rows.forEach((row, rowIndex) => {
    const keepNext = keepTogether && rowIndex < block.rows.length - 1;
    const least = leastRowHeight(row, columns);
    rows +=
      `<w:tr><w:trPr><w:cantSplit/>${least ? `<w:trHeight w:val="${least}" w:hRule="atLeast"/>` : ''}</w:trPr>` +
      widths.map((_, i) => cell(row[i], i, false, keepNext)).join('') +
      '</w:tr>';
  });
  // tblPr in schema order: tblW, tblBorders, tblLayout.
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${context.textWidth}"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    rows +
    '</w:tbl>'
  );
}
