// The column widths of table-layout.ts against the algorithm as it was before it measured
// each cell once, kept below as the reference (its own steps, table-layout.ts's rules and
// measures): every table of every preset's policy document and a few thousand made-up
// tables must get the same widths, to the unit.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPreset, presetNames } from '../../test/helpers/presets.js';
import { parseMarkdownDocument, type Block, type TableCell } from './markdown-document.js';
import { renderPolicyMarkdown } from './render-policy.js';
import { columnWidths, layoutRules, type TableMetrics } from './table-layout.js';
import { readTemplateSet } from './templates.js';

// The reference's rules and measures, which are table-layout.ts's own (see the reference below).
const { BLANK_LEAST, BLANK_WANTED, BOLD_LATIN, LONG_LEAST, NEARLY, SHORT, SHORT_CROWDED, SLACK, linesOf, longestPiece, nameColumn, nameLeast, textHalfEms } = layoutRules;

type Table = Extract<Block, { kind: 'table' }>;

function tablesOf(blocks: readonly Block[]): Table[] {
  return blocks.flatMap((block): Table[] => {
    switch (block.kind) {
      case 'table':
        return [block];
      case 'list':
        return block.items.flatMap((item) => tablesOf(item));
      case 'quote':
      case 'continuation':
        return tablesOf(block.blocks);
      default:
        return [];
    }
  });
}

/** The Word writer's A4 table, the HTML writer's (its own units), and narrower pages that crowd a table. */
const METRICS: readonly TableMetrics[] = [
  { total: 8306, halfEm: 105, cellPadding: 170 },
  { total: 8306, halfEm: 100, cellPadding: 170 },
  { total: 1000, halfEm: (1000 / 8306) * 105, cellPadding: (1000 / 8306) * 170 },
  { total: 5000, halfEm: 105, cellPadding: 170 },
  { total: 2500, halfEm: 105, cellPadding: 170 },
];

const presetTables: Table[] = [];
beforeAll(async () => {
  for (const name of presetNames()) {
    const policy = await loadPreset(name);
    const markdown = renderPolicyMarkdown(policy, await readTemplateSet(policy.meta.language));
    presetTables.push(...tablesOf(parseMarkdownDocument(markdown)));
  }
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '首次响应时长', '客户满意度（班组）', '平均解决时长 ※', '从工单创建到首次响应的平均时长。', '≤ 24 小时', '月度', '分钟', '95.00%',
  '23.52 分钟', '2026年10月15日', 'T00003731', 'SS-2026-009', '（20%）', '（由客服主管按月复核并报人力资源部备案）', '□ 是 □ 否',
  'First response time', 'Acknowledgement', 'follow-up', 'second-visit', 'CNY 3,000.00', '15 October 2026', '12.5 min',
  'Contribution', 'the mean time from a ticket being opened to its first response', '1', '12', '(3)', '#', '—', '售后工单系统',
  'Customer satisfaction (team)', '考核期内创建的工单中，首次响应时长不超过三十分钟的工单数除以考核期内创建的工单数乘以百分之百。',
];

function madeUpTable(next: () => number): { header: TableCell[] | null; rows: TableCell[][] } {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const cell = (): TableCell => {
    if (next() < 0.15) return { inline: [], text: '', label: false, empty: true };
    const text = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(PIECES)).join(pick([' ', '', '，', '; ']));
    return { inline: [], text, label: next() < 0.15, empty: false };
  };
  const columns = 1 + Math.floor(next() * 8);
  const width = () => (next() < 0.2 ? Math.floor(next() * columns) : columns);
  const rows = Array.from({ length: Math.floor(next() * 10) }, () => Array.from({ length: width() }, cell));
  const header = next() < 0.8 ? Array.from({ length: columns }, cell) : null;
  return { header, rows };
}

describe('table column widths, measured once a cell', () => {
  it('are the widths the reference gives for every table of every preset', () => {
    expect(presetTables.length).toBeGreaterThan(100);
    for (const table of presetTables) {
      for (const metrics of METRICS) {
        expect(columnWidths(table.header, table.rows, metrics)).toEqual(referenceColumnWidths(table.header, table.rows, metrics));
      }
    }
  });

  it('are the widths the reference gives for made-up tables, crowded and roomy', () => {
    const next = random(14);
    let tried = 0;
    for (let i = 0; i < 1500; i++) {
      const { header, rows } = madeUpTable(next);
      const metrics = METRICS[i % METRICS.length]!;
      expect(columnWidths(header, rows, metrics), JSON.stringify({ header, rows, metrics })).toEqual(referenceColumnWidths(header, rows, metrics));
      tried++;
    }
    expect(tried).toBe(1500);
  });

  it('are the same when asked again, and a caller changing the widths it got changes nothing', () => {
    const table = presetTables.find((t) => t.rows.length > 3 && (t.header?.length ?? 0) > 4)!;
    const metrics = METRICS[0]!;
    const first = columnWidths(table.header, table.rows, metrics);
    const expected = referenceColumnWidths(table.header, table.rows, metrics);
    first.fill(0);
    expect(columnWidths(table.header, table.rows, metrics)).toEqual(expected);
    // Another page, or the same rows under another header, is laid out anew.
    expect(columnWidths(table.header, table.rows, METRICS[3]!)).toEqual(referenceColumnWidths(table.header, table.rows, METRICS[3]!));
    expect(columnWidths(null, table.rows, metrics)).toEqual(referenceColumnWidths(null, table.rows, metrics));
  });
});

// ---- The reference: table-layout.ts's column widths as they were (commit ac0afb6). ----
// The rules and measures are table-layout.ts's own (a change to them changes both sides);
// what is kept here is how the widths were worked out from them, measuring every cell
// again each time it was asked (the rules and measures are at the top of the file).
function cellLeast(cell: TableCell, short: number): number {
  if (cell.empty) return BLANK_LEAST;
  // A label is bold, and bold Latin letters are wider (Acknowledgemen / t).
  const latin = cell.label ? BOLD_LATIN : undefined;
  const width = textHalfEms(cell.text, latin) + SLACK;
  return width <= short ? width : Math.max(Math.min(LONG_LEAST, width) + SLACK, longestPiece(cell.text, latin) + SLACK);
}

function cellWanted(cell: TableCell): number {
  return cell.empty ? BLANK_WANTED : textHalfEms(cell.text) + SLACK;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Widths (in the unit of `metrics`) of the table's columns; whole numbers adding up to the total. */
function referenceColumnWidths(header: readonly TableCell[] | null, rows: readonly (readonly TableCell[])[], metrics: TableMetrics): number[] {
  const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
  // A header row is set in bold (Word and HTML alike), so its words are measured as a label's:
  // Contribution in a column sized for regular letters broke as Contributio / n.
  const allRows = header ? [header.map((c) => (c.label || c.empty ? c : { ...c, label: true })), ...rows] : rows;
  const cellsOf = (column: number) => {
    const cells = allRows.map((row) => row[column]).filter((c): c is TableCell => c !== undefined);
    // Blanks ask for writing room only in a column of blanks (实际值, 得分, 签字); a blank
    // under a column of values (a total row's 序号) asks for nothing.
    const filled = rows.some((row) => row[column] !== undefined && !row[column]?.empty);
    return filled ? cells.filter((c) => !c.empty) : cells;
  };
  // Room for text, in half-ems, once every cell's margins are taken off.
  const room = Math.max(columns * 2, (metrics.total - columns * metrics.cellPadding) / metrics.halfEm);
  const names = nameColumn(rows, columns);
  const leastWith = (short: number) =>
    Array.from({ length: columns }, (_, column) =>
      Math.max(2, ...cellsOf(column).map((c) => (column === names ? Math.max(cellLeast(c, short), nameLeast(c)) : cellLeast(c, short)))),
    );
  let least = leastWith(SHORT);
  if (sum(least) > room * 0.75) least = leastWith(SHORT_CROWDED);
  const wanted = least.map((l, column) => Math.max(l, ...cellsOf(column).map(cellWanted)));

  let shares: number[];
  if (sum(wanted) <= room) {
    // Everything fits on one line: spread the spare room in proportion to what each wants.
    shares = wanted.map((w) => w + ((room - sum(wanted)) * w) / sum(wanted));
  } else if (sum(least) <= room) {
    shares = shortestTable(allRows, columns, least, wanted, room);
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

/** From the least widths, spends the room where it shortens the table most. */
function shortestTable(rows: readonly (readonly TableCell[])[], columns: number, least: readonly number[], wanted: readonly number[], room: number): number[] {
  const texts = rows.map((row) => Array.from({ length: columns }, (_, i) => (row[i] && !row[i].empty ? textHalfEms(row[i].text) : 0)));
  const height = (shares: readonly number[]) => sum(texts.map((row) => Math.max(...row.map((width, i) => linesOf(width, shares[i] ?? 1)))));
  const shares = [...least];
  for (;;) {
    const left = room - sum(shares);
    const current = height(shares);
    let best: { column: number; step: number; ratio: number } | undefined;
    for (let column = 0; column < columns; column++) {
      const share = shares[column] ?? 0;
      // The smallest widening that takes a line off one of the column's cells.
      let step = Infinity;
      for (const row of texts) {
        const width = row[column] ?? 0;
        const lines = linesOf(width, share);
        if (lines > 1) step = Math.min(step, Math.ceil(width / (lines - 1)) + SLACK - share);
      }
      if (!Number.isFinite(step) || step <= 0 || step > left) continue;
      const trial = [...shares];
      trial[column] = share + step;
      const ratio = (current - height(trial)) / step;
      if (ratio > 0 && (!best || ratio > best.ratio)) best = { column, step, ratio };
    }
    if (!best) break;
    shares[best.column] = (shares[best.column] ?? 0) + best.step;
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
