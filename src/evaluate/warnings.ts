// Warnings about the data, collected while reading: each names file, row (as a spreadsheet
// shows it), column and value. A file with a million bad rows must not make a million
// entries in memory: past a limit only the count per code is kept, and the report says so.
import { warning, type Diagnostic, type SourceLocation } from '../errors.js';
import type { MessageCode } from '../i18n/catalogue.js';
import type { MessageParams } from '../i18n/translate.js';
import { detach } from '../tables/id-set.js';

export const MAX_STORED_WARNINGS = 10_000;

export class WarningSink {
  readonly items: Diagnostic[] = [];
  readonly counts = new Map<string, number>();
  total = 0;
  /**
   * Set while an event log's collapsed rows are evaluated (event-log.ts): the file row a
   * column's value came from, for the row a warning names. Unset otherwise.
   */
  rowOf: ((row: number, column: string | undefined) => number) | undefined = undefined;

  constructor(private readonly limit = MAX_STORED_WARNINGS) {}

  add(code: MessageCode, params: MessageParams, location?: SourceLocation): void {
    this.total++;
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    if (this.items.length >= this.limit) return;
    if (this.rowOf !== undefined && location?.row !== undefined) location = { ...location, row: this.rowOf(location.row, location.column) };
    // Values are cut from large text chunks; copy them so the chunks can be freed.
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(params)) kept[k] = typeof v === 'string' ? detach(v) : v;
    this.items.push(warning(code, kept, location));
  }

  /**
   * Takes back warnings already given (stored or only counted): those of `file` and `columns`
   * (a field derived from several names each) with the codes and numbers in `given`, when one
   * message about the whole column replaces them.
   */
  retract(file: string, columns: readonly string[], given: ReadonlyMap<MessageCode, number>): void {
    for (let i = this.items.length - 1; i >= 0; i--) {
      const d = this.items[i]!;
      if (d.location?.file === file && d.location.column !== undefined && columns.includes(d.location.column) && given.has(d.code as MessageCode)) this.items.splice(i, 1);
    }
    for (const [code, n] of given) {
      this.counts.set(code, (this.counts.get(code) ?? 0) - n);
      if (this.counts.get(code)! <= 0) this.counts.delete(code);
      this.total -= n;
    }
  }

  /** The file row a warning about `column` on `row` names (see rowOf). */
  rowAt(row: number, column: string): number {
    return this.rowOf === undefined ? row : this.rowOf(row, column);
  }

  /** Warnings not stored because of the limit. */
  get dropped(): number {
    return this.total - this.items.length;
  }
}
