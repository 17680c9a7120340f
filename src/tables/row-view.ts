// A data row as the ticket evaluator reads it: cell by cell, each only as far as some KPI
// needs it. Readers that deliver cells (XLSX, JSON, CSV in encodings other than UTF-8)
// are wrapped in a CellsRow; the UTF-8 CSV reader hands over a view of its bytes
// (csv-bytes.ts) that reads the common forms without making a string per field. Both
// must give the same answer for the same text: a view may take a shortcut, never a
// different reading.
import { cellText, isBlank, readBoolean, readNumber, readSatisfaction, readTimestamp, type Cell } from './parse-value.js';
import type { ZoneClock } from './time-zone.js';

export interface RowView {
  /** Number of cells (fields) in the row. */
  readonly length: number;
  /** The cell as a cell reader would deliver it (undefined past the row's end). */
  cell(column: number): Cell;
  /** isBlank(cell(column)). */
  blank(column: number): boolean;
  /** cellText(cell(column)): the trimmed text. */
  text(column: number): string;
  /** readTimestamp(cell(column), …). */
  timestamp(column: number, clock: ZoneClock, date1904: boolean): number;
  /** readBoolean(cell(column)). */
  boolean(column: number): number;
  /** readNumber(cell(column)). */
  number(column: number): number;
  /** readSatisfaction(cell(column), …). */
  satisfaction(column: number, min: number, max: number): number;
  /**
   * For lookups keyed by text: when the cell's text — trimmed, or as written — lies in
   * `bytes` as UTF-8, sets keyStart/keyEnd to it and returns true; false means "use
   * text() (or cell())" and is always a correct answer.
   */
  bytesOf(column: number, trimmed: boolean): boolean;
  readonly bytes: Uint8Array;
  readonly keyStart: number;
  readonly keyEnd: number;
  /** Every cell, in a new array (for rows kept while the header is looked for). */
  cells(): Cell[];
}

const NO_BYTES = new Uint8Array(0);

/** A RowView over cells a reader delivered; reset for each row (no allocation). */
export class CellsRow implements RowView {
  private row: readonly Cell[] = [];
  readonly bytes = NO_BYTES;
  readonly keyStart = 0;
  readonly keyEnd = 0;

  reset(cells: readonly Cell[]): this {
    this.row = cells;
    return this;
  }

  get length(): number {
    return this.row.length;
  }

  cell(column: number): Cell {
    return this.row[column];
  }

  blank(column: number): boolean {
    return isBlank(this.row[column]);
  }

  text(column: number): string {
    return cellText(this.row[column]);
  }

  timestamp(column: number, clock: ZoneClock, date1904: boolean): number {
    return readTimestamp(this.row[column], clock, date1904);
  }

  boolean(column: number): number {
    return readBoolean(this.row[column]);
  }

  number(column: number): number {
    return readNumber(this.row[column]);
  }

  satisfaction(column: number, min: number, max: number): number {
    return readSatisfaction(this.row[column], min, max);
  }

  bytesOf(): boolean {
    return false;
  }

  cells(): Cell[] {
    return [...this.row];
  }
}
