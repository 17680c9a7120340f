// Markdown → a Word document (.docx) that reads like a company document: A4 with normal
// margins, body text in 宋体 小四 at 1.5 lines with the first line indented two characters
// (Chinese; Times New Roman for English), black 黑体 headings (never Word's blue), a table of
// contents filled in without the "update fields?" prompt, bordered tables with explicit
// column widths, a header row repeated on every page, rows that do not break across pages
// and short tables kept on one page, forms that go on to a next page only where they must
// (page-fit.ts), and a 第 X 页 共 Y 页 footer. Used for the policy and for any other document aspm
// writes (e.g. result notices). The same Markdown and options always give the same
// word/document.xml. Never reads files or the clock itself.
import {
  BookmarkEnd,
  BookmarkStart,
  InternalHyperlink,
  PageReference,
  Tab,
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
  type ISectionOptions,
} from 'docx';
import { escapeXml, stripControlCharacters } from '../text/escape-xml.js';
import { resolveDocumentOptions, type DocumentOptions, type ResolvedDocumentOptions } from './document-options.js';
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

/** A picture for an image paragraph (`![alt](src)`): PNG bytes and the size to show it at, in points. */
export interface DocxImage {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
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
}

const half = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);

function fonts(eastAsia: string, latin: string) {
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin };
}

function lineSpacing(multiple: number) {
  return { line: Math.round(240 * multiple), lineRule: LineRuleType.AUTO };
}

/** Makes Word document bytes from Markdown; `images` are the pictures of its image paragraphs, by address. */
export async function markdownToDocx(markdown: string, documentOptions: DocumentOptions, images: ReadonlyMap<string, DocxImage> = new Map()): Promise<Uint8Array> {
  const document = buildDocxDocument(parseMarkdownDocument(markdown), documentOptions, images);
  const options = resolveDocumentOptions(documentOptions);
  const buffer = await Packer.toBuffer(document, false, [{ path: 'docProps/app.xml', data: appProperties(options) }]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Extended properties: docx writes them empty; Word shows the company from here. */
function appProperties(options: ResolvedDocumentOptions): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>aspm</Application>' +
    (options.company ? `<Company>${escapeXml(options.company, 'none')}</Company>` : '') +
    '</Properties>'
  );
}

/** The docx Document for the blocks of a Markdown document. */
function buildDocxDocument(blocks: readonly Block[], documentOptions: DocumentOptions, images: ReadonlyMap<string, DocxImage>): Document {
  const options = resolveDocumentOptions(documentOptions);
  const margins = MARGINS[options.language];
  const textWidth = PAGE.width - margins.left - margins.right;
  const page: PageMetrics = { ...options, textWidth, textHeight: PAGE.height - margins.top - margins.bottom };
  // Word's own names for the bookmarks of contents entries (_Toc + digits), which it hides.
  const bookmarks = new Map<Block, Mark>(tocHeadings(blocks).map((h, i) => [h, { name: `_Toc${100000 + i}`, id: i + 1 }]));
  const context: Context = { options, images, textWidth, page, blocks, bookmarks };
  const children = writeBlocks(placeContinuations(blocks, page), context, 0);
  const text = (value: string | undefined) => (value === undefined ? undefined : stripControlCharacters(value));
  const section: ISectionOptions = {
    properties: {
      page: { size: { width: PAGE.width, height: PAGE.height }, margin: margins },
      titlePage: options.header !== undefined || options.cover,
    },
    headers: options.header === undefined ? {} : { default: pageHeader(options.header, options), first: new Header({ children: [] }) },
    footers: { default: pageFooter(options), first: options.cover ? new Footer({ children: [] }) : pageFooter(options) },
    children,
  };
  return new Document({
    title: text(options.title) ?? '',
    ...(options.subject ? { subject: text(options.subject) } : {}),
    creator: text(options.creator) ?? 'aspm',
    lastModifiedBy: text(options.creator) ?? 'aspm',
    ...(options.description ? { description: text(options.description) } : {}),
    ...(options.keywords ? { keywords: text(options.keywords) } : {}),
    styles: styles(options),
    sections: [section],
  });
}

function styles(options: ResolvedDocumentOptions) {
  const chinese = options.language === 'zh-CN';
  const body = fonts(options.bodyFont, options.latinFont);
  const heading = fonts(options.headingFont, options.latinHeadingFont);
  const indent = twips(options.bodySizePt * 2);
  // Chinese headings are 黑体, which needs no bold; Western headings are bold.
  const headingRun = (size: number) => ({ font: heading, size: half(size), bold: !chinese, italics: false, color: BLACK });
  const headingParagraph = (level: number, centred: boolean, before: number) => ({
    alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before, after: before, ...lineSpacing(options.lineSpacing) },
    keepNext: true,
    keepLines: true,
    outlineLevel: level,
  });
  return {
    default: {
      document: {
        run: {
          font: body,
          size: half(options.bodySizePt),
          // Latin text (digits too) follows Western line breaking; Chinese text is zh-CN.
          language: { value: 'en-US', eastAsia: 'zh-CN' },
        },
        // Widow and orphan control: a paragraph never leaves one line alone at the foot or the head of a page.
        paragraph: { widowControl: true, spacing: { before: 0, after: 0, ...lineSpacing(options.lineSpacing) } },
      },
      title: {
        run: { font: heading, size: half(options.titleSizePt), bold: !chinese, color: BLACK },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 720, after: 720, line: 240, lineRule: LineRuleType.AUTO } },
      },
      heading1: { run: headingRun(16), paragraph: headingParagraph(0, true, 240) },
      heading2: { run: headingRun(14), paragraph: headingParagraph(1, true, 200) },
      heading3: { run: headingRun(options.bodySizePt), paragraph: headingParagraph(2, false, 120) },
      heading4: { run: headingRun(options.bodySizePt), paragraph: headingParagraph(3, false, 120) },
      // docx gives the lower headings Word's blue; a document that uses them gets black.
      heading5: { run: headingRun(options.bodySizePt), paragraph: headingParagraph(4, false, 120) },
      heading6: { run: headingRun(options.bodySizePt), paragraph: headingParagraph(5, false, 120) },
      listParagraph: { paragraph: { indent: { left: indent } } },
      hyperlink: { run: { color: '1F4E79', underline: {} } },
    },
    paragraphStyles: [
      {
        id: 'BodyText',
        name: 'Body Text',
        basedOn: 'Normal',
        next: 'BodyText',
        quickFormat: true,
        paragraph: {
          indent: options.firstLineIndent ? { firstLine: indent, firstLineChars: 200 } : {},
          spacing: { after: chinese ? 0 : 120 },
          alignment: chinese ? AlignmentType.BOTH : AlignmentType.LEFT,
        },
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: half(options.tableSizePt) },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'TOCHeading',
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: heading, size: half(16), bold: !chinese, color: BLACK },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360 } },
      },
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: lineSpacing(options.lineSpacing) } },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: indent }, spacing: lineSpacing(options.lineSpacing) } },
      {
        id: 'BlockQuote',
        name: 'Block Quote',
        basedOn: 'BodyText',
        run: { color: '404040' },
        paragraph: { indent: { left: indent, firstLine: 0 } },
      },
      {
        id: 'CodeBlock',
        name: 'Code Block',
        basedOn: 'Normal',
        run: { font: fonts(options.bodyFont, 'Courier New'), size: half(Math.max(8, options.bodySizePt - 2)) },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO }, indent: { left: indent } },
      },
      {
        id: 'PageHeader',
        name: 'header',
        basedOn: 'Normal',
        run: { size: half(9) },
        paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } },
      },
    ],
  };
}

function pageHeader(text: string, options: ResolvedDocumentOptions): Header {
  return new Header({
    children: [
      new Paragraph({
        style: 'PageHeader',
        alignment: AlignmentType.RIGHT,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: BLACK, space: 1 } },
        children: [new TextRun({ text: stripControlCharacters(text), font: fonts(options.bodyFont, options.latinFont) })],
      }),
    ],
  });
}

/** 第 {page} 页 共 {pages} 页 with Word's page fields in place of the placeholders. */
function pageFooter(options: ResolvedDocumentOptions): Footer {
  const parts = options.footer.split(/(\{page\}|\{pages\})/);
  const children = parts
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? PageNumber.CURRENT : part === '{pages}' ? PageNumber.TOTAL_PAGES : stripControlCharacters(part)));
  return new Footer({
    children: [new Paragraph({ style: 'PageHeader', alignment: AlignmentType.CENTER, children: [new TextRun({ children })] })],
  });
}

type BodyChild = Paragraph | Table;

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

function writeBlocks(blocks: readonly Block[], context: Context, depth: number): BodyChild[] {
  const out: BodyChild[] = [];
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

function spacer(pageBreakBefore: boolean): Paragraph {
  return new Paragraph({ pageBreakBefore, spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: '', size: 8 })] });
}

function writeBlock(block: Block, context: Context, placement: Placement): BodyChild[] {
  const { pageBreakBefore } = placement;
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, pageBreakBefore, children: runs(block.inline, context) })];
    case 'heading': {
      const mark = context.bookmarks.get(block);
      const children = runs(block.inline, context);
      return [new Paragraph({ heading: headingLevel(block.level), pageBreakBefore, children: mark ? bookmarked(mark, children) : children })];
    }
    case 'paragraph': {
      const allBold = isAllBold(block.inline);
      const options: IParagraphOptions = {
        style: 'BodyText',
        pageBreakBefore,
        // A paragraph that introduces a table, a list or a formula stays with it; a bold line is a caption.
        keepNext: placement.beforeTable || placement.leadIn || allBold,
        // A caption (a line in bold, such as 一、量化考核) sits tight above its table.
        ...(allBold ? { indent: { firstLine: 0, firstLineChars: 0 }, spacing: { before: 120, after: 60, line: 264, lineRule: LineRuleType.AUTO } } : {}),
        ...(placement.afterTable && !allBold ? { spacing: { before: 160 } } : {}),
        children: runs(block.inline, context),
      };
      return [new Paragraph(options)];
    }
    case 'list':
      return listParagraphs(block, context, placement);
    case 'quote':
      return block.blocks.flatMap((child, i) =>
        child.kind === 'paragraph'
          ? [new Paragraph({ style: 'BlockQuote', pageBreakBefore: pageBreakBefore && i === 0, children: runs(child.inline, context) })]
          : writeBlocks([child], context, placement.depth + 1),
      );
    case 'code':
      return block.text.split('\n').map((line, i) => new Paragraph({ style: 'CodeBlock', pageBreakBefore: pageBreakBefore && i === 0, children: [new TextRun(stripControlCharacters(line))] }));
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
function picture(block: Extract<Block, { kind: 'image' }>, context: Context, pageBreakBefore: boolean): Paragraph {
  const image = context.images.get(block.src);
  const paragraph = { alignment: AlignmentType.CENTER, pageBreakBefore, spacing: { before: 60, after: 120, line: 240, lineRule: LineRuleType.AUTO } };
  if (!image) return new Paragraph({ ...paragraph, style: 'BodyText', children: [new TextRun(stripControlCharacters(block.alt))] });
  // docx takes pixels at 96 to the inch; the text width is in twips (1,440 to the inch).
  const widest = (context.textWidth / 1440) * 96;
  const width = Math.min(widest, (image.width * 96) / 72);
  const height = (width * image.height) / image.width;
  return new Paragraph({
    ...paragraph,
    keepLines: true,
    children: [
      new ImageRun({
        type: 'png',
        data: image.png,
        transformation: { width: Math.round(width), height: Math.round(height) },
        altText: { name: stripControlCharacters(block.alt).slice(0, 100), description: stripControlCharacters(block.alt), title: stripControlCharacters(block.alt).slice(0, 100) },
      }),
    ],
  });
}

/** A bookmark: its name, and its number in the document. */
interface Mark {
  readonly name: string;
  readonly id: number;
}

/**
 * Runs inside a bookmark numbered by the document: docx's Bookmark takes its number from a
 * counter shared by the whole process, so the same document rendered twice would differ.
 */
function bookmarked(mark: Mark, children: readonly ParagraphChild[]): ParagraphChild[] {
  // BookmarkStart and BookmarkEnd are paragraph content, though docx's type leaves them out.
  const part = (component: BookmarkStart | BookmarkEnd) => component as unknown as ParagraphChild;
  return [part(new BookmarkStart(mark.name, mark.id)), ...children, part(new BookmarkEnd(mark.id))];
}

function headingLevel(level: number) {
  if (level <= 2) return HeadingLevel.HEADING_1;
  if (level === 3) return HeadingLevel.HEADING_2;
  if (level === 4) return HeadingLevel.HEADING_3;
  return HeadingLevel.HEADING_4;
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
function tableOfContents(context: Context, placement: Placement): BodyChild[] {
  const leader = { type: 'right' as const, position: context.textWidth, leader: 'dot' as const };
  return [
    new Paragraph({ style: 'TOCHeading', pageBreakBefore: placement.pageBreakBefore, children: [new TextRun(context.options.tocTitle)] }),
    ...tocHeadings(context.blocks).map((heading) => {
      const anchor = context.bookmarks.get(heading)!.name;
      return new Paragraph({
        style: `TOC${heading.level - 1}`,
        tabStops: [leader],
        children: [new InternalHyperlink({ anchor, children: [new TextRun(stripControlCharacters(heading.text))] }), new TextRun({ children: [new Tab()] }), new PageReference(anchor)],
      });
    }),
  ];
}

function listParagraphs(block: Extract<Block, { kind: 'list' }>, context: Context, placement: Placement): BodyChild[] {
  const out: BodyChild[] = [];
  const indent = twips(context.options.bodySizePt * 2);
  block.items.forEach((item, index) => {
    const marker = block.ordered ? `${block.start + index}.` : '•';
    item.forEach((child, childIndex) => {
      if (child.kind === 'paragraph') {
        out.push(
          new Paragraph({
            style: 'ListParagraph',
            pageBreakBefore: placement.pageBreakBefore && index === 0 && childIndex === 0,
            indent: { left: indent * (placement.depth + 1) + indent / 2, hanging: indent / 2 + 120 },
            children: childIndex === 0 ? [new TextRun(`${marker}\t`), ...runs(child.inline, context)] : runs(child.inline, context),
            tabStops: [{ type: 'left', position: indent * (placement.depth + 1) + indent / 2 }],
          }),
        );
      } else {
        out.push(...writeBlocks([child], context, placement.depth + 1));
      }
    });
  });
  return out;
}

function runs(inline: readonly Inline[], context: Context): (TextRun | ExternalHyperlink)[] {
  return inline.map((run) => {
    if (run.kind === 'break') return new TextRun({ break: 1 });
    const options: IRunOptions = {
      text: stripControlCharacters(run.text),
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
      ...(run.strike ? { strike: true } : {}),
      ...(run.code ? { font: fonts(context.options.bodyFont, 'Courier New') } : {}),
    };
    if (run.href && /^(https?:|mailto:)/i.test(run.href)) {
      return new ExternalHyperlink({ link: run.href, children: [new TextRun({ ...options, style: 'Hyperlink' })] });
    }
    return new TextRun(options);
  });
}

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function table(block: Extract<Block, { kind: 'table' }>, context: Context): Table {
  const widths = columnWidths(block.header, block.rows, tableMetrics(context.page));
  const border = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
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
    return new TableCell({
      width: { size: widths[column] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: CELL_MARGIN,
      ...(shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: LABEL_FILL } } : {}),
      children: [
        new Paragraph({
          style: 'TableText',
          keepNext,
          ...(align ? { alignment: ALIGNMENT[align] } : {}),
          children: runs(header ? (content?.inline ?? []).map((r) => (r.kind === 'text' ? { ...r, bold: true } : r)) : (content?.inline ?? []), context),
        }),
      ],
    });
  };
  const rows: TableRow[] = [];
  if (block.header) {
    rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: widths.map((_, i) => cell(block.header?.[i], i, true, true)) }));
  }
  block.rows.forEach((row, rowIndex) => {
    const keepNext = keepTogether && rowIndex < block.rows.length - 1;
    const cells = widths.map((_, i) => row[i]);
    const height = leastRowHeight(row, columns);
    rows.push(
      new TableRow({
        cantSplit: true,
        ...(height ? { height: { value: height, rule: HeightRule.ATLEAST } } : {}),
        children: cells.map((c, i) => cell(c, i, false, keepNext)),
      }),
    );
  });
  return new Table({
    width: { size: context.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows,
  });
}
