// Markdown → a small document model (title, headings, paragraphs, lists, tables, page
// breaks, table of contents) that the Word and HTML writers share, so both read the
// Markdown the same way. Parsing follows CommonMark + GFM tables (markdown-it) with what
// Chinese needs: emphasis next to full-width punctuation (`**注意：**内容`) and line breaks
// between Chinese characters that add no space. Raw HTML is not interpreted: `<b>` in a
// text stays the four characters `<b>`. Pure.
//
// Conventions beyond Markdown, for documents and forms:
//   `# …`            the document title (a setext `===` title may hold a hard break `\`);
//   `## …`, `### …`  headings of level 1 and 2, listed in the table of contents;
//   `---`            a page break;
//   `[[toc]]`        the table of contents, alone on a line;
//   `![alt](file)`   alone in a paragraph: a picture (a chart); the writer is given its
//                    bytes, or shows the alt text where it has none;
//   a table whose header cells are all empty has no header row;
//   a cell whose whole content is bold is a label cell (shaded like a header);
//   an empty cell is a blank to fill in by hand (its row is tall enough to write in), and a
//   row of empty cells in a one-column table is a box to write in;
//   `[[continued]]` … `[[/continued]]`, each alone on a line: where a form may go on to its
//   next page. The Word writer breaks the page there, and shows what the lines enclose (the
//   form's name and 续), only when what follows up to the next such place or page break does
//   not fit on the page; outputs without pages leave it out.
import MarkdownIt, { type StateBlock, type StateCore, type Token } from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { breakVanishes, firstChar, lastChar } from './cjk-text.js';
import { stripControlCharacters } from '../text/escape-xml.js';

export interface TextRun {
  readonly kind: 'text';
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly strike?: boolean;
  readonly code?: boolean;
  readonly href?: string;
}

export interface LineBreak {
  readonly kind: 'break';
}

export type Inline = TextRun | LineBreak;

export type Alignment = 'left' | 'center' | 'right' | null;

export interface TableCell {
  readonly inline: readonly Inline[];
  /** The cell's text without formatting. */
  readonly text: string;
  /** The whole content is bold: a label. */
  readonly label: boolean;
  readonly empty: boolean;
}

export type Block =
  | { readonly kind: 'title'; readonly inline: readonly Inline[]; readonly text: string }
  | { readonly kind: 'heading'; readonly level: number; readonly inline: readonly Inline[]; readonly text: string; readonly id: string }
  | { readonly kind: 'paragraph'; readonly inline: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly (readonly Block[])[] }
  | { readonly kind: 'quote'; readonly blocks: readonly Block[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'pageBreak' }
  | { readonly kind: 'toc' }
  /** A paragraph that is one image and nothing else: `src` as written (decoded), `alt` its text. */
  | { readonly kind: 'image'; readonly src: string; readonly alt: string }
  /** Where a form may go on to its next page, with what heads the next page if it does. */
  | { readonly kind: 'continuation'; readonly blocks: readonly Block[] }
  | {
      readonly kind: 'table';
      readonly align: readonly Alignment[];
      /** Null when every header cell is empty. */
      readonly header: readonly TableCell[] | null;
      readonly rows: readonly (readonly TableCell[])[];
    };

export type HeadingBlock = Extract<Block, { kind: 'heading' }>;

/** Heading levels (2 = `##`) that a table of contents lists. */
const TOC_LEVELS = [2, 3] as const;

const TOC_MARKER = '[[toc]]';

function tocBlockRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const line = state.src.slice(start, state.eMarks[startLine]).trim();
  if (line.toLowerCase() !== TOC_MARKER) return false;
  if (silent) return true;
  const token = state.push('toc', 'nav', 0);
  token.block = true;
  token.markup = line;
  token.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
}

/** A soft line break between Chinese characters reads as nothing, not as a space. */
function cjkSoftBreaks(state: StateCore): void {
  for (const block of state.tokens) {
    const children = block.children;
    if (block.type !== 'inline' || !children) continue;
    children.forEach((token, index) => {
      if (token.type !== 'softbreak') return;
      const before = neighbourText(children, index, -1);
      const after = neighbourText(children, index, 1);
      if (breakVanishes(lastChar(before), firstChar(after))) {
        token.type = 'text';
        token.tag = '';
        token.content = '';
      }
    });
  }
}

function neighbourText(tokens: readonly Token[], index: number, step: 1 | -1): string {
  for (let i = index + step; i >= 0 && i < tokens.length; i += step) {
    const token = tokens[i];
    if (!token) break;
    if (token.type === 'text' || token.type === 'code_inline') {
      if (token.content !== '') return token.content;
      continue;
    }
    if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
  }
  return '';
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * For the line-by-line passes over Markdown text (tidying, the .md table of contents and
 * continuations): a function to call on each line in turn that tells whether the line is
 * in fenced code, its opening fence included and its closing fence not.
 */
export function fenceTracker(): (line: string) => boolean {
  let fence: string | undefined;
  return (line) => {
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker[0];
    else if (fence !== undefined && marker?.startsWith(fence)) fence = undefined;
    return fence !== undefined;
  };
}

export const CONTINUED_OPEN = '[[continued]]';
export const CONTINUED_CLOSE = '[[/continued]]';

function continuedBlockRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const line = state.src.slice(start, state.eMarks[startLine]).trim().toLowerCase();
  if (line !== CONTINUED_OPEN && line !== CONTINUED_CLOSE) return false;
  if (silent) return true;
  const open = line === CONTINUED_OPEN;
  const token = state.push(open ? 'continued_open' : 'continued_close', 'div', open ? 1 : -1);
  token.block = true;
  token.markup = line;
  token.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
}

let parser: InstanceType<typeof MarkdownIt> | undefined;

/** The one Markdown reading aspm uses (also for HTML output and the .md table of contents). */
function markdownParser(): InstanceType<typeof MarkdownIt> {
  if (!parser) {
    parser = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: false });
    parser.use(cjkFriendly);
    parser.block.ruler.before('paragraph', 'aspm_toc', tocBlockRule);
    parser.block.ruler.before('paragraph', 'aspm_continued', continuedBlockRule);
    parser.core.ruler.push('aspm_cjk_soft_breaks', cjkSoftBreaks);
  }
  return parser;
}

/** Reads Markdown into the document model. */
export function parseMarkdownDocument(markdown: string): Block[] {
  const tokens = markdownParser().parse(stripControlCharacters(markdown), {});
  const slugs = new Map<string, number>();
  const cursor = { index: 0 };
  return readBlocks(tokens, cursor, undefined, slugs);
}

function readBlocks(tokens: readonly Token[], cursor: { index: number }, until: string | undefined, slugs: Map<string, number>): Block[] {
  const blocks: Block[] = [];
  while (cursor.index < tokens.length) {
    const token = tokens[cursor.index]!;
    if (until !== undefined && token.type === until) {
      cursor.index++;
      return blocks;
    }
    cursor.index++;
    switch (token.type) {
      case 'heading_open': {
        const inline = readInline(tokens[cursor.index]);
        cursor.index += 2; // inline, heading_close
        const level = Number(token.tag.slice(1));
        const text = plainText(inline);
        if (level === 1) blocks.push({ kind: 'title', inline, text });
        else blocks.push({ kind: 'heading', level, inline, text, id: uniqueSlug(text, slugs) });
        break;
      }
      case 'paragraph_open': {
        const image = soleImage(tokens[cursor.index]);
        if (image) {
          cursor.index += 2;
          blocks.push(image);
          break;
        }
        const inline = readInline(tokens[cursor.index]);
        cursor.index += 2;
        if (inline.length > 0) blocks.push({ kind: 'paragraph', inline });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
        const items: Block[][] = [];
        while (cursor.index < tokens.length && tokens[cursor.index]!.type !== close) {
          cursor.index++; // list_item_open
          items.push(readBlocks(tokens, cursor, 'list_item_close', slugs));
        }
        cursor.index++;
        blocks.push({ kind: 'list', ordered, start: Number(token.attrGet('start') ?? 1), items });
        break;
      }
      case 'blockquote_open':
        blocks.push({ kind: 'quote', blocks: readBlocks(tokens, cursor, 'blockquote_close', slugs) });
        break;
      case 'code_block':
      case 'fence':
        blocks.push({ kind: 'code', text: token.content.replace(/\n$/, '') });
        break;
      case 'hr':
        blocks.push({ kind: 'pageBreak' });
        break;
      case 'toc':
        blocks.push({ kind: 'toc' });
        break;
      case 'continued_open':
        blocks.push({ kind: 'continuation', blocks: readBlocks(tokens, cursor, 'continued_close', slugs) });
        break;
      case 'table_open':
        blocks.push(readTable(tokens, cursor));
        break;
      default:
        // html_block cannot occur (HTML is off); closing tokens are consumed above.
        break;
    }
  }
  return blocks;
}

function readTable(tokens: readonly Token[], cursor: { index: number }): Block {
  const align: Alignment[] = [];
  let header: TableCell[] | null = null;
  const rows: TableCell[][] = [];
  let row: TableCell[] | undefined;
  let inHead = false;
  while (cursor.index < tokens.length) {
    const token = tokens[cursor.index]!;
    cursor.index++;
    if (token.type === 'table_close') break;
    if (token.type === 'thead_open') inHead = true;
    else if (token.type === 'thead_close') inHead = false;
    else if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row) {
      if (inHead) header = row;
      else rows.push(row);
      row = undefined;
    } else if ((token.type === 'th_open' || token.type === 'td_open') && row) {
      if (inHead) align.push(alignmentOf(token));
      const inline = readInline(tokens[cursor.index]);
      cursor.index += 2; // inline, th_close/td_close
      row.push(tableCell(inline));
    }
  }
  const headerEmpty = header === null || header.every((c) => c.empty);
  return { kind: 'table', align, header: headerEmpty ? null : header, rows };
}

function alignmentOf(token: Token): Alignment {
  const style = String(token.attrGet('style') ?? '');
  const match = /text-align:(left|center|right)/.exec(style);
  return (match?.[1] as Alignment | undefined) ?? null;
}

function tableCell(inline: Inline[]): TableCell {
  const text = plainText(inline);
  const empty = text.trim() === '';
  const label = !empty && isAllBold(inline);
  return { inline, text, label, empty };
}

/** The image of a paragraph that holds only an image (markdown-it percent-encodes its address: decoded back). */
function soleImage(token: Token | undefined): Extract<Block, { kind: 'image' }> | undefined {
  const children = (token?.children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === '') && c.type !== 'softbreak');
  const only = children[0];
  if (children.length !== 1 || only?.type !== 'image') return undefined;
  const raw = String(only.attrGet('src') ?? '');
  let src = raw;
  try {
    src = decodeURI(raw);
  } catch {
    // A malformed escape stays as written: the writer then finds no bytes and shows the alt text.
  }
  return { kind: 'image', src, alt: stripControlCharacters(only.content) };
}

interface Marks {
  bold: number;
  italic: number;
  strike: number;
  href: string[];
}

function readInline(token: Token | undefined): Inline[] {
  const runs: Inline[] = [];
  const marks: Marks = { bold: 0, italic: 0, strike: 0, href: [] };
  const push = (text: string, code = false) => {
    if (text === '') return;
    const href = marks.href[marks.href.length - 1];
    runs.push({
      kind: 'text',
      text,
      ...(marks.bold > 0 ? { bold: true } : {}),
      ...(marks.italic > 0 ? { italic: true } : {}),
      ...(marks.strike > 0 ? { strike: true } : {}),
      ...(code ? { code: true } : {}),
      ...(href !== undefined ? { href } : {}),
    });
  };
  for (const child of token?.children ?? []) {
    switch (child.type) {
      case 'text':
        push(child.content);
        break;
      case 'code_inline':
        push(child.content, true);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        runs.push({ kind: 'break' });
        break;
      case 'strong_open':
        marks.bold++;
        break;
      case 'strong_close':
        marks.bold--;
        break;
      case 'em_open':
        marks.italic++;
        break;
      case 'em_close':
        marks.italic--;
        break;
      case 's_open':
        marks.strike++;
        break;
      case 's_close':
        marks.strike--;
        break;
      case 'link_open':
        marks.href.push(String(child.attrGet('href') ?? ''));
        break;
      case 'link_close':
        marks.href.pop();
        break;
      case 'image':
        push(child.content);
        break;
      default:
        if (child.content) push(child.content);
    }
  }
  return mergeRuns(runs);
}

/** Joins neighbouring runs with the same formatting, so a writer makes fewer, longer runs. */
function mergeRuns(runs: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    const previous = merged[merged.length - 1];
    if (previous?.kind === 'text' && run.kind === 'text' && sameFormat(previous, run)) {
      merged[merged.length - 1] = { ...previous, text: previous.text + run.text };
    } else {
      merged.push(run);
    }
  }
  return merged;
}

function sameFormat(a: TextRun, b: TextRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.code === b.code && a.href === b.href;
}

/**
 * Whether every letter of a text is bold: a cell so is a label, a paragraph so is a caption
 * (一、量化考核). One test, so the Word and HTML writers and the page estimate agree.
 */
export function isAllBold(inline: readonly Inline[]): boolean {
  return inline.every((run) => run.kind === 'break' || run.bold === true || run.text.trim() === '');
}

/**
 * Whether a block introduces the one after it — a paragraph ending in a colon before a
 * list, a table, a formula or a further paragraph (考核数据按以下口径统计： / "Their duties:")
 * — and so must not end a page without it. One test for the Word and HTML writers.
 */
export function isLeadIn(block: Block, next: Block | undefined): boolean {
  if (block.kind !== 'paragraph' || next === undefined || next.kind === 'heading' || next.kind === 'pageBreak') return false;
  return /[:：]$/.test(plainText(block.inline).trimEnd());
}

export function plainText(inline: readonly Inline[]): string {
  return inline.map((run) => (run.kind === 'text' ? run.text : ' ')).join('');
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as `-`. */
function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');
}

function uniqueSlug(text: string, slugs: Map<string, number>): string {
  const base = headingSlug(text) || 'section';
  const seen = slugs.get(base) ?? 0;
  slugs.set(base, seen + 1);
  return seen === 0 ? base : `${base}-${seen}`;
}

/** The headings a table of contents lists, in order. */
export function tocHeadings(blocks: readonly Block[]): HeadingBlock[] {
  return blocks.filter((b): b is HeadingBlock => b.kind === 'heading' && (TOC_LEVELS as readonly number[]).includes(b.level));
}
