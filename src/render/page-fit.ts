// How tall blocks are on a Word page, as far as aspm needs to know it: to keep a short table
// on one page, and to decide where a form goes on to its next page (`[[continued]]`): there
// when the part that follows does not fit in what is left of the page, nowhere when it does.
// An estimate meant to err tall — lines are measured as LibreOffice draws them with the Noto
// CJK faces, taller than Word's 宋体 — because a part wrongly thought to fit spills over
// without its continuation heading, while one wrongly thought not to fit only starts a page
// early.
// Not a layout engine: it follows a page only from the last page break on, and a page whose
// estimate runs past its foot counts as overfull, the thing to avoid. Pure.
import type { Language } from '../i18n/language.js';
import type { Block, Inline, TableCell } from './markdown-document.js';
import { isAllBold, plainText } from './markdown-document.js';
import { columnWidths, rowLines, wrappedLines, type TableMetrics } from './table-layout.js';

/**
 * Least row heights (DXA): a row with blanks to write in by hand (实际值, 得分, a rater's
 * score: 0.8 cm), a row of blanks (signatures: 1 cm), a one-column box to write in (2.8 cm).
 */
const ROW_WITH_BLANKS = 454;
const BLANK_ROW = 567;
const WRITING_BOX = 1588;

/** Cell margins (DXA) of every table. */
export const CELL_MARGIN = { top: 0, bottom: 0, left: 85, right: 85 } as const;

/** What a line of text is high, in times its size: Noto CJK faces are tall, Liberation less so. */
const LINE_FACTOR: Record<Language, number> = { 'zh-CN': 1.45, en: 1.16 };
/** A caption's line, in times its size (measured in LibreOffice's PDF: 0.48 cm at 12 pt). */
const CAPTION_LINE = 1.25;
/** A row's borders and rounding (DXA). */
const ROW_EXTRA = 5;
/**
 * The part of the page a form may fill by the estimate, for what the estimate misses: on
 * the presets' forms it came within half a centimetre of LibreOffice's pages, mostly too
 * tall, and this keeps another half centimetre free.
 */
const FILL = 0.98;

export interface PageMetrics {
  readonly language: Language;
  /** Width and height of the page's text area (DXA). */
  readonly textWidth: number;
  readonly textHeight: number;
  readonly bodySizePt: number;
  readonly titleSizePt: number;
  readonly tableSizePt: number;
  readonly lineSpacing: number;
  readonly firstLineIndent: boolean;
}

type TableBlock = Extract<Block, { kind: 'table' }>;

/** The least height of a row with blanks to fill in by hand; none for a row of text. */
export function leastRowHeight(row: readonly (TableCell | undefined)[], columns: number): number | undefined {
  const blanks = Array.from({ length: columns }, (_, i) => row[i]).filter((c) => c === undefined || c.empty).length;
  return blanks === 0 ? undefined : blanks === columns ? (columns === 1 ? WRITING_BOX : BLANK_ROW) : ROW_WITH_BLANKS;
}

export function tableMetrics(page: PageMetrics): TableMetrics {
  return { total: page.textWidth, halfEm: page.tableSizePt * 10, cellPadding: CELL_MARGIN.left + CELL_MARGIN.right };
}

/** Height (DXA) of each row of a table, its header row first. */
export function tableRowHeights(block: TableBlock, widths: readonly number[], page: PageMetrics): number[] {
  const rows = block.header ? [block.header, ...block.rows] : block.rows;
  const line = page.tableSizePt * 20 * LINE_FACTOR[page.language];
  return rowLines(rows, widths, tableMetrics(page)).map((lines, i) =>
    Math.round(Math.max(lines * line + CELL_MARGIN.top + CELL_MARGIN.bottom, leastRowHeight(rows[i] ?? [], widths.length) ?? 0) + ROW_EXTRA),
  );
}

function lineHeight(sizePt: number, multiple: number, page: PageMetrics): number {
  return sizePt * 20 * multiple * LINE_FACTOR[page.language];
}

/** Lines a text takes across the page at this size, with its first line indented by `indent` DXA. */
function textLines(inline: readonly Inline[], sizePt: number, page: PageMetrics, indent = 0): number {
  const halfEm = sizePt * 10;
  // The first line's indent is taken as text at its start: two characters' worth of ideographic spaces.
  const lead = '\u3000'.repeat(Math.round(indent / (2 * halfEm)));
  return plainTextLines(inline).reduce((sum, text, i) => sum + wrappedLines((i === 0 ? lead : '') + text, page.textWidth / halfEm - 1), 0);
}

/** A text's lines as its hard breaks divide it. */
function plainTextLines(inline: readonly Inline[]): string[] {
  const lines: Inline[][] = [[]];
  for (const run of inline) {
    if (run.kind === 'break') lines.push([]);
    else lines[lines.length - 1]?.push(run);
  }
  return lines.map((line) => plainText(line));
}

/** The paragraph the Word writer puts before a table that follows a table or a page break. */
function spacerHeight(page: PageMetrics): number {
  return lineHeight(page.bodySizePt, 1, page);
}

/** Estimated height (DXA) of a block, as the Word writer lays it out after `previous`. */
export function blockHeight(block: Block, previous: Block | undefined, page: PageMetrics): number {
  switch (block.kind) {
    case 'title':
      return 1440 + textLines(block.inline, page.titleSizePt, page) * lineHeight(page.titleSizePt, 1, page);
    case 'heading': {
      const [size, spacing] = block.level <= 2 ? [16, 480] : block.level === 3 ? [14, 400] : [page.bodySizePt, 240];
      return spacing + textLines(block.inline, size, page) * lineHeight(size, page.lineSpacing, page);
    }
    case 'paragraph': {
      // A caption's lines are set at 1.1 of single spacing, which LibreOffice draws tighter than body lines.
      if (isAllBold(block.inline)) return 180 + textLines(block.inline, page.bodySizePt, page) * page.bodySizePt * 20 * CAPTION_LINE;
      const indent = page.firstLineIndent ? page.bodySizePt * 40 : 0;
      const spacing = (previous?.kind === 'table' ? 160 : 0) + (page.language === 'zh-CN' ? 0 : 120);
      return spacing + textLines(block.inline, page.bodySizePt, page, indent) * lineHeight(page.bodySizePt, page.lineSpacing, page);
    }
    case 'list':
      return block.items.flat().reduce((sum, child, i, all) => sum + blockHeight(child, all[i - 1], page), 0);
    case 'quote':
      return block.blocks.reduce((sum, child, i) => sum + blockHeight(child, block.blocks[i - 1], page), 0);
    case 'code':
      return block.text.split('\n').length * lineHeight(Math.max(8, page.bodySizePt - 2), 1, page);
    case 'table': {
      const widths = columnWidths(block.header, block.rows, tableMetrics(page));
      const spacer = previous?.kind === 'table' || previous?.kind === 'pageBreak' ? spacerHeight(page) : 0;
      return spacer + tableRowHeights(block, widths, page).reduce((a, b) => a + b, 0);
    }
    case 'toc':
      return page.textHeight;
    case 'image':
      // A chart is about half as high as the text is wide (notice-charts.ts sizes them so).
      return Math.round(page.textWidth / 2);
    case 'pageBreak':
    case 'continuation':
      return 0;
  }
}

/** `blockHeight` with the page fixed, as a function of the block and the block before it. */
type HeightOf = (block: Block, previous: Block | undefined) => number;

/**
 * `blockHeight` remembered for one page: placeContinuations measures every block of a form
 * once for each way of breaking it (up to 2¹⁰), and a block's height depends on the block
 * before it only through whether that is a table, a page break or something else.
 */
function rememberedHeights(page: PageMetrics): HeightOf {
  const known = new Map<Block, [number | undefined, number | undefined, number | undefined]>();
  return (block, previous) => {
    const slot = previous?.kind === 'table' ? 0 : previous?.kind === 'pageBreak' ? 1 : 2;
    let heights = known.get(block);
    if (!heights) {
      heights = [undefined, undefined, undefined];
      known.set(block, heights);
    }
    return (heights[slot] ??= blockHeight(block, previous, page));
  };
}

function blocksHeight(blocks: readonly Block[], previous: Block | undefined, heightOf: HeightOf): number {
  return blocks.reduce((sum, block, i) => sum + heightOf(block, i === 0 ? previous : blocks[i - 1]), 0);
}

type Continuation = Extract<Block, { kind: 'continuation' }>;

/** A stretch of blocks between page breaks: what comes before its first continuation, then each continuation with the part after it. */
interface Stretch {
  readonly first: readonly Block[];
  readonly parts: readonly { readonly continuation: Continuation; readonly blocks: readonly Block[] }[];
}

function stretches(blocks: readonly Block[]): (Stretch | Block)[] {
  const out: (Stretch | Block)[] = [];
  let current: { first: Block[]; parts: { continuation: Continuation; blocks: Block[] }[] } = { first: [], parts: [] };
  const close = () => {
    if (current.first.length > 0 || current.parts.length > 0) out.push(current);
    current = { first: [], parts: [] };
  };
  for (const block of blocks) {
    if (block.kind === 'pageBreak') {
      close();
      out.push(block);
    } else if (block.kind === 'continuation') {
      current.parts.push({ continuation: block, blocks: [] });
    } else {
      (current.parts[current.parts.length - 1]?.blocks ?? current.first).push(block);
    }
  }
  close();
  return out;
}

const PAGE_BREAK: Block = { kind: 'pageBreak' };

/** Whether one list of numbers comes before another, the first difference deciding. */
function lessThan(a: readonly number[], b: readonly number[]): boolean {
  const i = a.findIndex((value, index) => value !== b[index]);
  return i >= 0 && (a[i] ?? 0) < (b[i] ?? 0);
}

/** The blocks of a stretch broken at the continuations `breaks` says, and the estimated heights of its pages. */
function breakStretch(stretch: Stretch, breaks: readonly boolean[], previous: Block | undefined, heightOf: HeightOf): { blocks: Block[]; heights: number[] } {
  const blocks: Block[] = [...stretch.first];
  const heights = [blocksHeight(stretch.first, previous, heightOf)];
  stretch.parts.forEach((part, i) => {
    if (breaks[i]) {
      blocks.push(PAGE_BREAK, ...part.continuation.blocks);
      heights.push(blocksHeight(part.continuation.blocks, PAGE_BREAK, heightOf));
    }
    const last = blocks[blocks.length - 1] ?? previous;
    blocks.push(...part.blocks);
    heights[heights.length - 1]! += blocksHeight(part.blocks, last, heightOf);
  });
  return { blocks, heights };
}

/** Stretches with more continuations than this are broken where a part first does not fit. */
const MOST_TRIED = 10;

/**
 * The blocks with each `[[continued]]` resolved: a page break and its heading, or nothing.
 * Between two page breaks, of all the ways to break at its continuations, the one with no
 * page running over and the fewest pages by the estimate, and of those the one whose fullest
 * page is least full: a form of two pages is split where its halves are most alike, not
 * where the first page is crammed and the second nearly empty.
 */
export function placeContinuations(blocks: readonly Block[], page: PageMetrics): Block[] {
  const limit = page.textHeight * FILL;
  const pagesOf = (heights: readonly number[]) => heights.reduce((sum, h) => sum + Math.max(1, Math.ceil(h / limit)), 0);
  const heightOf = rememberedHeights(page);
  const out: Block[] = [];
  for (const item of stretches(blocks)) {
    if (!('parts' in item)) {
      out.push(item);
      continue;
    }
    // Nothing to decide where a stretch has no continuation: its blocks as they are, and no
    // height measured (most of a policy is such text; the Word writer measures it no more).
    if (item.parts.length === 0) {
      out.push(...item.first);
      continue;
    }
    const previous = out[out.length - 1];
    const count = item.parts.length;
    let best: { blocks: Block[]; cost: readonly number[] } | undefined;
    if (count <= MOST_TRIED) {
      for (let mask = 0; mask < 2 ** count; mask++) {
        const breaks = Array.from({ length: count }, (_, i) => (mask & (1 << i)) !== 0);
        const { blocks: broken, heights } = breakStretch(item, breaks, previous, heightOf);
        // A page that runs over is worst (its parts would move on without the form's heading),
        // then more pages, then a fuller fullest page.
        const cost = [heights.filter((h) => h > limit).length, pagesOf(heights), Math.max(...heights)];
        if (!best || lessThan(cost, best.cost)) best = { blocks: broken, cost };
      }
    } else {
      const breaks: boolean[] = [];
      for (let i = 0; i < count; i++) {
        const { heights } = breakStretch({ first: item.first, parts: item.parts.slice(0, i + 1) }, [...breaks, false], previous, heightOf);
        breaks.push((heights[heights.length - 1] ?? 0) > limit);
      }
      best = { blocks: breakStretch(item, breaks, previous, heightOf).blocks, cost: [] };
    }
    out.push(...best!.blocks);
  }
  return out;
}
