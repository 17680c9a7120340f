// What every reader delivers, whatever the format: a header row, then rows of cells, each
// with its row number as a spreadsheet shows it (the header is row 1 when it is the first
// line). The header is the first non-blank row, unless a later one among the first few
// names more known fields (exports often put a title line or two above the header).
// A reader may hand rows over as views (row-view.ts) instead of cells; a handler that can
// read views gets them as they are, any other gets the cells.
import { cellText, isBlank, type Cell } from './parse-value.js';
import type { RowView } from './row-view.js';

export interface TableHandler {
  header(headers: readonly string[], row: number): void;
  row(cells: readonly Cell[], row: number): void;
  /** A row as a view, valid only during the call (readers reuse it). */
  rowView?(view: RowView, row: number): void;
}

/** How many non-blank rows may stand above the header. */
export const HEADER_LOOKAHEAD = 10;

export function isBlankRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) if (!isBlank(cell)) return false;
  return true;
}

function isBlankView(view: RowView): boolean {
  for (let c = 0; c < view.length; c++) if (!view.blank(c)) return false;
  return true;
}

/**
 * Finds the header among the first rows and forwards everything after it. `score` counts
 * the known field names in a candidate row.
 */
export class HeaderLocator {
  private pending: { cells: Cell[]; row: number }[] = [];
  private found = false;
  private rows = 0;
  headerRow = 0;
  /** Non-blank rows above the header that were not read as data. */
  skippedAbove = 0;

  constructor(
    private readonly score: (headers: readonly string[]) => number,
    private readonly handler: TableHandler,
  ) {}

  /** Number of data rows (non-blank rows after the header) seen so far. */
  get dataRows(): number {
    return this.rows;
  }

  get hasHeader(): boolean {
    return this.found || this.pending.length > 0;
  }

  record(cells: readonly Cell[], row: number): void {
    if (this.found) {
      if (isBlankRow(cells)) return;
      this.rows++;
      this.handler.row(cells, row);
      return;
    }
    if (isBlankRow(cells)) return;
    // Readers may reuse the array they pass; keep a copy while looking ahead.
    this.pending.push({ cells: [...cells], row });
    if (this.pending.length >= HEADER_LOOKAHEAD) this.decide();
  }

  /** `record` for a row given as a view. */
  recordView(view: RowView, row: number): void {
    if (!this.found) {
      this.record(view.cells(), row);
      return;
    }
    if (isBlankView(view)) return;
    this.rows++;
    if (this.handler.rowView) this.handler.rowView(view, row);
    else this.handler.row(view.cells(), row);
  }

  end(): void {
    if (!this.found && this.pending.length > 0) this.decide();
  }

  private decide(): void {
    let best = 0;
    let bestScore = 0;
    this.pending.forEach((candidate, i) => {
      const s = this.score(candidate.cells.map(cellText));
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    });
    const pending = this.pending;
    this.pending = [];
    this.found = true;
    const header = pending[best]!;
    this.headerRow = header.row;
    this.skippedAbove = best;
    this.handler.header(header.cells.map(cellText), header.row);
    for (const p of pending.slice(best + 1)) {
      this.rows++;
      this.handler.row(p.cells, p.row);
    }
  }
}
