// Column widths for a table, from what its cells hold: Word and LibreOffice lay a table out
// with the widths written in the file (they ignore "auto"), and a form needs room to write
// in its blank columns. The split follows the automatic table layout of CSS: every column
// gets at least its narrowest sensible width, and the room left is shared by how much wider
// each column would like to be. Pure.
import { displayWidth } from './cjk-text.js';
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
const BLANK_WANTED = 10;
const BLANK_LEAST = 6;
/** Text up to this many half-ems (six Chinese characters) should not wrap… */
const SHORT = 12;
/** …unless the table is crowded, when only four characters stay together. */
const SHORT_CROWDED = 8;
/** A long text may wrap, but not into a column narrower than four Chinese characters. */
const LONG_LEAST = 8;

function longestLatinWord(text: string): number {
  let longest = 0;
  for (const word of text.split(/[^\x21-\x7E]+/u)) longest = Math.max(longest, word.length);
  return longest;
}

/** Slack for bold text and for fonts a little wider than their size (half-ems). */
const SLACK = 2;

/**
 * Width of a cell's text in half-ems. Latin letters and digits count a little over one: the
 * fonts that stand in for Times New Roman where it is missing (DejaVu, Liberation) are wider.
 */
function textWidth(text: string): number {
  const trimmed = text.trim();
  const wide = displayWidth(trimmed) - trimmed.length;
  return Math.ceil(wide * 2 + (trimmed.length - wide) * 1.2);
}

function cellLeast(cell: TableCell, short: number): number {
  if (cell.empty) return BLANK_LEAST;
  const width = textWidth(cell.text) + SLACK;
  return width <= short ? width : Math.max(Math.min(LONG_LEAST, width), longestLatinWord(cell.text));
}

function cellWanted(cell: TableCell): number {
  return cell.empty ? BLANK_WANTED : textWidth(cell.text) + SLACK;
}

/** Widths (in the unit of `metrics`) of the table's columns; whole numbers adding up to the total. */
export function columnWidths(header: readonly TableCell[] | null, rows: readonly (readonly TableCell[])[], metrics: TableMetrics): number[] {
  const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
  const cellsOf = (column: number) => {
    const cells = [...(header ? [header[column]] : []), ...rows.map((row) => row[column])].filter((c): c is TableCell => c !== undefined);
    // Blanks ask for writing room only in a column of blanks (实际值, 得分, 签字); a blank
    // under a column of values (a total row's 序号) asks for nothing.
    const filled = rows.some((row) => row[column] !== undefined && !row[column]?.empty);
    return filled ? cells.filter((c) => !c.empty) : cells;
  };
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const leastWith = (short: number) => Array.from({ length: columns }, (_, column) => Math.max(2, ...cellsOf(column).map((c) => cellLeast(c, short))));
  // Room for text, in half-ems, once every cell's margins are taken off.
  const room = Math.max(columns * 2, (metrics.total - columns * metrics.cellPadding) / metrics.halfEm);
  let least = leastWith(SHORT);
  if (sum(least) > room * 0.75) least = leastWith(SHORT_CROWDED);
  const wanted = least.map((l, column) => Math.max(l, ...cellsOf(column).map(cellWanted)));
  let shares: number[];
  if (sum(wanted) <= room) {
    // Everything fits on one line: spread the spare room in proportion to what each wants.
    shares = wanted.map((w) => w + ((room - sum(wanted)) * w) / sum(wanted));
  } else if (sum(least) <= room) {
    // Every column gets its least; what is left goes to the columns that want more.
    const spread = wanted.map((w, i) => w - (least[i] ?? 0));
    const spreadSum = sum(spread) || 1;
    shares = least.map((l, i) => l + ((room - sum(least)) * (spread[i] ?? 0)) / spreadSum);
  } else {
    shares = least.map((l) => (l * room) / sum(least));
  }
  const widths = shares.map((s) => Math.floor(s * metrics.halfEm + metrics.cellPadding));
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] = (widths[widest] ?? 0) + metrics.total - sum(widths);
  return widths;
}
