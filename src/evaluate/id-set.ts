// Ticket ids seen so far, to ignore a ticket's later rows ("first row wins"). Exact, and
// it never holds a reference to the reader's text or bytes (a Set of sliced strings would
// keep every chunk of the file alive): ids are copied into a ByteKeyTable, which also lets
// the CSV reader look an id up straight from the bytes of its field.
import { ByteKeyTable } from './byte-key-table.js';

export class IdSet {
  private readonly table = new ByteKeyTable();

  get size(): number {
    return this.table.size;
  }

  /** Adds `id` first seen in `row`; returns 0 if new, else the row where it was first seen. */
  add(id: string, row: number): number {
    const entry = this.table.findText(id);
    if (entry !== -1) return this.table.value(entry);
    this.table.insertText(id, row);
    return 0;
  }

  /** `add` for an id given as UTF-8 bytes `source[start, end)`. */
  addBytes(source: Uint8Array, start: number, end: number, row: number): number {
    const entry = this.table.find(source, start, end);
    if (entry !== -1) return this.table.value(entry);
    this.table.insert(source, start, end, row);
    return 0;
  }
}

/** A copy of a string that does not keep the (large) string it was cut from alive. */
export function detach(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
