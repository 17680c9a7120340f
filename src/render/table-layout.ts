// Column widths for a table, from what its cells hold. Word and LibreOffice lay a table out
// with the widths written in the file (they ignore "auto"), so aspm decides them: every
// column first gets the narrowest width at which nothing breaks badly (a short value such
// as ≤ 24 小时 or a header stays on one line, a long text keeps four characters a line),
// then the room left goes, a little at a time, where it saves the most lines of table
// height; whatever then remains is shared by the columns that would still like more.
// A form's blank columns ask for room to write in, and a table's name column (the first
// column of text: 指标, 事项, 岗位 …) keeps names of up to seven Chinese characters on one line
// even in a crowded table: 首次响应时长 broken as 首次响应时 / 长 reads badly, and the room
// it takes comes from the long texts beside it, which wrap anyway. Pure.
import { displayWidth } from '../text/display-width.js';
import type { TableCell } from './markdown-document.js';

export interface TableMetrics {
  /** Width of the whole table. */
  readonly total: number;
  /** Width of half an em of the table's text (a Latin letter; a Chinese character is two). */
  readonly halfEm: number;
  /** Space a cell takes beyond its text (left and right margins). */
  readonly cellPadding: number;
}

/** Half-ems a blank cell asks for: room to write a short value by hand. */
const BLANK_WANTED = 8;
const BLANK_LEAST = 5;
/** Text up to this many half-ems (six Chinese characters) should not wrap… */
const SHORT = 12;
/** …unless the table is crowded, when only four characters stay together. */
const SHORT_CROWDED = 8;
/** A long text may wrap, but not into a column narrower than four Chinese characters. */
const LONG_LEAST = 8;
/**
 * A name in the name column stays on one line up to this width (half-ems): seven Chinese
 * characters, or six with a mark (平均解决时长 ※), or two short words in Latin letters
 * (First response / time; a longer name wraps between words, and the room goes to the
 * definitions beside it, which in English run to five lines and more).
 */
const NAME_WIDE = 15;
const NAME_LATIN = 15;
/** Half-ems of a bold Latin letter (Liberation Serif Bold, measured in LibreOffice's PDF). */
const BOLD_LATIN = 1.35;
/** Slack for bold text and for fonts a little wider than their size (half-ems). */
const SLACK = 2;
/** A column this close to its one-line width (half-ems) gets it before others get more. */
const NEARLY = 6;

/** Marks that Chinese fonts draw a full character wide (※ after a team KPI, □ 是 □ 否). */
const FULL_WIDTH_SYMBOLS = /[※□■○●◇◆☆★]/gu;

/**
 * Width of a text in half-ems. Latin letters and digits count a little over one: the fonts
 * that stand in for Times New Roman where it is missing (DejaVu, Liberation) are wider.
 */
function textHalfEms(text: string, latin = 1.2): number {
  const trimmed = text.trim();
  const wide = displayWidth(trimmed) - trimmed.length + (trimmed.match(FULL_WIDTH_SYMBOLS)?.length ?? 0);
  return Math.ceil(wide * 2 + (trimmed.length - wide) * latin);
}

/**
 * Lines a text takes on lines `room` half-ems wide, wrapped as Word and LibreOffice wrap it:
 * Latin words whole (a word longer than a line is cut), Chinese text at any character.
 * Latin letters average a little under half an em in Times New Roman and the fonts that
 * stand in for it (measured in LibreOffice's PDF: 0.8 half-em a letter, with its spaces).
 */
export function wrappedLines(text: string, room: number): number {
  let lines = 1;
  let used = 0;
  for (const token of text.trim().match(TOKENS) ?? []) {
    const space = /^\s/u.test(token);
    const first = token.charCodeAt(0);
    const latin = space || (first >= 0x21 && first <= 0x7e);
    const width = space ? LATIN_LETTER : latin ? token.length * LATIN_LETTER : characterHalfEms(token);
    // A Chinese line is justified, but its last character may be pushed over by half a character or so.
    if (used + width <= (latin ? room : room - KINSOKU)) {
      used += width;
    } else if (space) {
      [lines, used] = [lines + 1, 0];
    } else {
      lines += 1 + Math.floor(Math.max(0, width - 0.001) / room);
      used = width % room;
    }
  }
  return lines;
}

/**
 * `textHalfEms` of a token that is one character (with the punctuation held to it), the
 * most of what a Chinese text is made of: remembered, as the Word writer estimates the height
 * of every paragraph of a policy, and a text uses a few thousand characters at most. (Bounded
 * all the same: a process that publishes many documents starts afresh past the bound.)
 */
function characterHalfEms(token: string): number {
  let width = characterWidths.get(token);
  if (width === undefined) {
    if (characterWidths.size >= MOST_REMEMBERED) characterWidths.clear();
    width = textHalfEms(token);
    characterWidths.set(token, width);
  }
  return width;
}

const characterWidths = new Map<string, number>();
const MOST_REMEMBERED = 10_000;

/**
 * What a line breaks between: a run of spaces, a Latin word (with its punctuation), or any
 * other single character — an opening bracket held to what follows it and closing
 * punctuation to what comes before, as neither may end or start a Chinese line.
 */
const TOKENS = /\s+|[（“‘《【〔〈「『]*(?:[\x21-\x7E]+|[^\s])[，。、；：！？）”’》】〕〉」』]*/gu;
const LATIN_LETTER = 0.8;
const KINSOKU = 0.5;

/**
 * What never wraps: a ticket or appeal number (T00003731, SS-2026-009), a date (2026年10月15日,
 * 15 October 2026) and a number with its unit (23.52 分钟, 95.00%, 12.5 min, CNY 3,000.00).
 */
const UNBROKEN = /[A-Z]+-?\d[\d-]*(?=[^\w-]|$)|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2} [A-Z][a-z]+ \d{4}|(?:[A-Z]{3} )?[-+]?\d[\d,.]*\s?(?:%|[\p{Script=Han}]{1,2}(?:\/[\p{Script=Han}]{1,2})?|[A-Za-z]{1,6}\b)?/gu;

function longestLatinWord(text: string, latin = 1.2): number {
  let longest = 0;
  // Word and LibreOffice break a line after a hyphen: follow- / up, second- / visit.
  for (const word of text.split(/[^\x21-\x7E]+|(?<=[A-Za-z]-)(?=[A-Za-z])/u)) longest = Math.max(longest, Math.ceil(word.length * latin));
  return longest;
}

/**
 * The widest piece of a text that should not be broken: a Latin word, or a bracketed note
 * such as （20%） that wraps as a whole onto the next line (a long one wraps like any text).
 */
function longestPiece(text: string, latin?: number): number {
  const pieces = text.split(/\s+|(?=（)|(?<=）)/u);
  return Math.max(
    0,
    // A value with its unit and a date are read as one: 23.52 分/钟 or 2026年/10月15/日 is misread.
    // Digits run wider than the Latin estimate in the faces LibreOffice substitutes; and Word
    // and LibreOffice put a little space between Chinese characters and digits (2026 年 10 月).
    ...[...text.matchAll(UNBROKEN)].map((m) => textHalfEms(m[0], 1.4) + (m[0].match(/\p{Script=Han}(?=\s*\d)|\d(?=\s*\p{Script=Han})/gu)?.length ?? 0) / 2),
    ...pieces.map((piece) => {
      // A short note in brackets moves as a whole; a long one wraps like any Chinese text.
      if (piece.startsWith('（')) return textHalfEms(piece) <= SHORT ? textHalfEms(piece) : LONG_LEAST;
      return longestLatinWord(piece, latin);
    }),
  );
}

/** The least width of a name: all of it on one line, up to the cap for its script. */
function nameLeast(cell: TableCell): number {
  if (cell.empty) return 0;
  const width = textHalfEms(cell.text);
  const cap = displayWidth(cell.text) > cell.text.length ? NAME_WIDE : NAME_LATIN;
  // A short note in brackets after a name (客户满意度（班组）) stays on the name's line: 班 / 组 misreads.
  const note = /（[^（）]*）$/u.exec(cell.text.trim());
  const noted = note && textHalfEms(note[0]) <= SHORT ? cap + textHalfEms(note[0]) : cap;
  return Math.max(Math.min(width, noted), longestPiece(cell.text)) + SLACK;
}

const NUMBER = /^[\s\d.()（）#№-]*$/u;

/**
 * The column that names the rows: the first whose cells are not all numbers (序号 comes
 * first in some tables). A table of two columns has none: its columns have room enough.
 */
function nameColumn(rows: readonly (readonly TableCell[])[], columns: number): number {
  if (columns < 3) return -1;
  for (let column = 0; column < columns - 1; column++) {
    const cells = rows.map((row) => row[column]).filter((c): c is TableCell => c !== undefined && !c.empty);
    if (cells.length > 0 && !cells.every((c) => NUMBER.test(c.text))) return column;
  }
  return -1;
}

/** Lines a text of `width` half-ems takes in a column of `share` half-ems. */
function linesOf(width: number, share: number, slack = SLACK): number {
  return width === 0 ? 1 : Math.max(1, Math.ceil(width / Math.max(1, share - slack)));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The rules and measures the widths are made of, for the reference that table-layout.
 * equivalence.test.ts keeps of how they were worked out before each cell was measured once.
 */
export const layoutRules = { BLANK_LEAST, BLANK_WANTED, BOLD_LATIN, LONG_LEAST, NEARLY, SHORT, SHORT_CROWDED, SLACK, linesOf, longestPiece, nameColumn, nameLeast, textHalfEms } as const;

/**
 * Widths already laid out, per table (its rows, as parsed) and page: the Word writer asks for
 * a table's widths once for every way page-fit.ts tries to break a form across pages, and
 * once more to write it, five times a table and more. A table's cells are read-only data, so
 * the same rows, header and metrics always give the same widths.
 */
const laidOut = new WeakMap<readonly (readonly TableCell[])[], { header: readonly TableCell[] | null; key: string; widths: readonly number[] }[]>();

/** Widths (in the unit of `metrics`) of the table's columns; whole numbers adding up to the total. */
export function columnWidths(header: readonly TableCell[] | null, rows: readonly (readonly TableCell[])[], metrics: TableMetrics): number[] {
  const key = `${metrics.total} ${metrics.halfEm} ${metrics.cellPadding}`;
  let known = laidOut.get(rows);
  if (!known) {
    known = [];
    laidOut.set(rows, known);
  }
  const hit = known.find((entry) => entry.header === header && entry.key === key);
  if (hit) return [...hit.widths];
  const widths = layOutColumns(header, rows, metrics);
  known.push({ header, key, widths: [...widths] });
  return widths;
}

/** What a cell measures, each measured once however often the layout asks. */
interface CellMeasure {
  readonly cell: TableCell;
  /** Half-ems of its text as its weight (bold or regular) sets it. */
  readonly width: number;
  /** Half-ems of its text in regular type. */
  readonly regular: number;
  /** `longestPiece` of its text as its weight sets it, measured when first asked. */
  piece?: number;
  /** `nameLeast` of the cell, in the column of names, measured when first asked. */
  nameLeast?: number;
}

function layOutColumns(header: readonly TableCell[] | null, rows: readonly (readonly TableCell[])[], metrics: TableMetrics): number[] {
  const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
  // A header row is set in bold (Word and HTML alike), so its words are measured as a label's:
  // Contribution in a column sized for regular letters broke as Contributio / n.
  const allRows = header ? [header.map((c) => (c.label || c.empty ? c : { ...c, label: true })), ...rows] : rows;
  const measure = (cell: TableCell): CellMeasure => {
    const regular = cell.empty ? 0 : textHalfEms(cell.text);
    // A label is bold, and bold Latin letters are wider (Acknowledgemen / t).
    return { cell, regular, width: cell.empty ? 0 : cell.label ? textHalfEms(cell.text, BOLD_LATIN) : regular };
  };
  const measured = allRows.map((row) => row.map(measure));
  const cellsByColumn = Array.from({ length: columns }, (_, column) => {
    const cells = measured.map((row) => row[column]).filter((c): c is CellMeasure => c !== undefined);
    // Blanks ask for writing room only in a column of blanks (实际值, 得分, 签字); a blank
    // under a column of values (a total row's 序号) asks for nothing.
    const filled = rows.some((row) => row[column] !== undefined && !row[column]?.empty);
    return filled ? cells.filter((c) => !c.cell.empty) : cells;
  });
  // Room for text, in half-ems, once every cell's margins are taken off.
  const room = Math.max(columns * 2, (metrics.total - columns * metrics.cellPadding) / metrics.halfEm);
  const names = nameColumn(rows, columns);
  const leastWith = (short: number) =>
    cellsByColumn.map((cells, column) =>
      Math.max(2, ...cells.map((m) => (column === names ? Math.max(measuredLeast(m, short), (m.nameLeast ??= nameLeast(m.cell))) : measuredLeast(m, short)))),
    );
  let least = leastWith(SHORT);
  if (sum(least) > room * 0.75) least = leastWith(SHORT_CROWDED);
  const wanted = least.map((l, column) => Math.max(l, ...(cellsByColumn[column] ?? []).map((m) => (m.cell.empty ? BLANK_WANTED : m.regular + SLACK))));

  let shares: number[];
  if (sum(wanted) <= room) {
    // Everything fits on one line: spread the spare room in proportion to what each wants.
    shares = wanted.map((w) => w + ((room - sum(wanted)) * w) / sum(wanted));
  } else if (sum(least) <= room) {
    const texts = measured.map((row) => Array.from({ length: columns }, (_, i) => row[i]?.regular ?? 0));
    shares = shortestTable(texts, columns, least, wanted, room);
  } else if (sum(least) - columns * SLACK <= room) {
    // Too little room for the slack: it goes first, so that what must stay on one line still
    // does (客户满意度（班组） beside six columns of values), every column alike.
    const spare = (room - sum(least) + columns * SLACK) / columns;
    shares = least.map((l) => l - SLACK + spare);
  } else {
    shares = least.map((l) => (l * room) / sum(least));
  }
  const widths = shares.map((s) => Math.floor(s * metrics.halfEm + metrics.cellPadding));
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] = (widths[widest] ?? 0) + metrics.total - sum(widths);
  return widths;
}

/**
 * The narrowest a cell's column may be: a short text on one line, a long one with its widest
 * unbreakable piece whole and at least four characters a line.
 */
function measuredLeast(m: CellMeasure, short: number): number {
  if (m.cell.empty) return BLANK_LEAST;
  const width = m.width + SLACK;
  if (width <= short) return width;
  m.piece ??= longestPiece(m.cell.text, m.cell.label ? BOLD_LATIN : undefined);
  return Math.max(Math.min(LONG_LEAST, width) + SLACK, m.piece + SLACK);
}

/**
 * From the least widths, spends the room where it shortens the table most. `texts` holds the
 * half-ems of each row's cells (0 for a blank). Each round tries widening every column and
 * keeps the widening that takes off most lines per half-em; a row's height is its tallest
 * cell, so a trial needs only each row's tallest cell apart from the column tried.
 */
function shortestTable(texts: readonly (readonly number[])[], columns: number, least: readonly number[], wanted: readonly number[], room: number): number[] {
  const shares = [...least];
  const lines = texts.map((row) => row.map((width, i) => linesOf(width, shares[i] ?? 1)));
  const tallest = new Array<number>(texts.length);
  const tallestColumn = new Array<number>(texts.length);
  const secondTallest = new Array<number>(texts.length);
  for (;;) {
    const left = room - sum(shares);
    let current = 0;
    lines.forEach((row, r) => {
      let [top, at, second] = [-Infinity, -1, -Infinity];
      row.forEach((n, i) => {
        if (n > top) [second, top, at] = [top, n, i];
        else if (n > second) second = n;
      });
      [tallest[r], tallestColumn[r], secondTallest[r]] = [top, at, second];
      current += top;
    });
    let best: { column: number; step: number; ratio: number } | undefined;
    for (let column = 0; column < columns; column++) {
      const share = shares[column] ?? 0;
      // The smallest widening that takes a line off one of the column's cells.
      let step = Infinity;
      texts.forEach((row, r) => {
        const width = row[column] ?? 0;
        const n = lines[r]?.[column] ?? 1;
        if (n > 1) step = Math.min(step, Math.ceil(width / (n - 1)) + SLACK - share);
      });
      if (!Number.isFinite(step) || step <= 0 || step > left) continue;
      const widened = share + step;
      let height = 0;
      texts.forEach((row, r) => {
        const others = tallestColumn[r] === column ? (secondTallest[r] ?? -Infinity) : (tallest[r] ?? -Infinity);
        height += Math.max(others, linesOf(row[column] ?? 0, widened));
      });
      const ratio = (current - height) / step;
      if (ratio > 0 && (!best || ratio > best.ratio)) best = { column, step, ratio };
    }
    if (!best) break;
    const column = best.column;
    shares[column] = (shares[column] ?? 0) + best.step;
    texts.forEach((row, r) => {
      const target = lines[r];
      if (target) target[column] = linesOf(row[column] ?? 0, shares[column] ?? 1);
    });
  }
  // With what is left, a text a character or two short of one line (平均解决时长 in a
  // five-character column) is made whole, the smallest need first: it reads better, though
  // the table is no shorter for it.
  const deficit = (i: number) => (wanted[i] ?? 0) - (shares[i] ?? 0);
  const nearly = shares.map((_, i) => i).filter((i) => deficit(i) > 0 && deficit(i) <= NEARLY);
  for (const i of nearly.sort((a, b) => deficit(a) - deficit(b))) {
    if (deficit(i) > room - sum(shares)) break;
    shares[i] = (shares[i] ?? 0) + deficit(i);
  }
  // What is still left goes to the columns that would still like more.
  const left = room - sum(shares);
  const deficits = shares.map((share, i) => Math.max(0, (wanted[i] ?? 0) - share));
  const total = sum(deficits);
  return total > 0 ? shares.map((share, i) => share + (left * (deficits[i] ?? 0)) / total) : shares.map((share) => share + (left * share) / sum(shares));
}

/** Lines of text each row takes in columns of these widths. */
export function rowLines(rows: readonly (readonly TableCell[])[], widths: readonly number[], metrics: TableMetrics): number[] {
  const lines = (cell: TableCell, column: number) => {
    const share = ((widths[column] ?? 0) - metrics.cellPadding) / metrics.halfEm;
    return cell.empty || textHalfEms(cell.text) <= share ? 1 : wrappedLines(cell.text, share);
  };
  return rows.map((row) => Math.max(1, ...row.map(lines)));
}

