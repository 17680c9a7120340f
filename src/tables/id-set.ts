// Ticket ids seen so far, to ignore a ticket's later rows ("first row wins"). Exact, and
// it never holds a reference to the reader's text or bytes (a Set of sliced strings would
// keep every chunk of the file alive): ids are copied, as UTF-8, so that the CSV reader
// can look an id up straight from the bytes of its field.
//
// Exports are nearly always in ticket order. An id that comes after every id before it
// (shorter first, then byte by byte: T9 before T10) cannot have been seen, so it is only
// appended to an ordered run — no hashing, no probe into a table far larger than the
// processor's caches, which is what a million ids otherwise cost. Other ids are looked up
// in the run (binary search) and in a hash table. When more than one id in 64 comes out
// of order, the run is moved into the hash table and no longer kept, so that a file in
// any other order costs what a hash table costs.
import { ByteKeyTable, encodeKey, grow } from './byte-key-table.js';

/** Out-of-order ids tolerated per id before the run is given up (1 in 64), after a start. */
const DISORDER_SHIFT = 6;
const DISORDER_GRACE = 4096;

export class IdSet {
  private readonly table = new ByteKeyTable();
  private runOn = true;
  private run = new Uint8Array(1 << 16);
  /** Where each run id starts in `run`; runStarts[runCount] is the end of the last. */
  private runStarts = new Int32Array(1 << 12);
  private runRows = new Int32Array(1 << 12);
  private runCount = 0;
  private adds = 0;
  private disorder = 0;
  private scratch = new Uint8Array(256);

  get size(): number {
    return this.runCount + this.table.size;
  }

  /** Whether ids are still kept as an ordered run (for tests). */
  get ordered(): boolean {
    return this.runOn;
  }

  /** Adds `id` first seen in `row`; returns 0 if new, else the row where it was first seen. */
  add(id: string, row: number): number {
    if (this.scratch.length < id.length * 3) this.scratch = new Uint8Array(id.length * 3);
    return this.addBytes(this.scratch, 0, encodeKey(id, this.scratch), row);
  }

  /** `add` for an id given as UTF-8 bytes `source[start, end)`. */
  addBytes(source: Uint8Array, start: number, end: number, row: number): number {
    this.adds++;
    if (this.runOn) {
      if (this.runCount === 0 || this.compare(this.runCount - 1, source, start, end) < 0) {
        this.append(source, start, end, row);
        return 0;
      }
      const found = this.search(source, start, end);
      if (found !== -1) return this.runRows[found]!;
      if (++this.disorder << DISORDER_SHIFT > this.adds && this.adds > DISORDER_GRACE) this.dissolve();
    }
    const entry = this.table.find(source, start, end);
    if (entry !== -1) return this.table.value(entry);
    this.table.insert(source, start, end, row);
    return 0;
  }

  /** Run id k against `source[start, end)`: negative when k comes first. */
  private compare(k: number, source: Uint8Array, start: number, end: number): number {
    const from = this.runStarts[k]!;
    const length = this.runStarts[k + 1]! - from;
    if (length !== end - start) return length - (end - start);
    const run = this.run;
    for (let i = 0; i < length; i++) {
      const d = run[from + i]! - source[start + i]!;
      if (d !== 0) return d;
    }
    return 0;
  }

  private search(source: Uint8Array, start: number, end: number): number {
    let lo = 0;
    let hi = this.runCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compare(mid, source, start, end);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private append(source: Uint8Array, start: number, end: number, row: number): void {
    const used = this.runStarts[this.runCount]!;
    const length = end - start;
    if (used + length > this.run.length) {
      const grown = new Uint8Array(Math.max(this.run.length * 2, used + length));
      grown.set(this.run.subarray(0, used));
      this.run = grown;
    }
    const run = this.run;
    for (let i = 0; i < length; i++) run[used + i] = source[start + i]!;
    if (this.runCount + 1 >= this.runStarts.length) {
      this.runStarts = grow(this.runStarts);
      this.runRows = grow(this.runRows);
    }
    this.runRows[this.runCount] = row;
    this.runStarts[++this.runCount] = used + length;
  }

  /** The run into the hash table, for a file not in ticket order. */
  private dissolve(): void {
    for (let k = 0; k < this.runCount; k++) this.table.insert(this.run, this.runStarts[k]!, this.runStarts[k + 1]!, this.runRows[k]!);
    this.runOn = false;
    this.run = new Uint8Array(0);
    this.runStarts = new Int32Array(1);
    this.runRows = new Int32Array(0);
    this.runCount = 0;
  }
}

/** A copy of a string that does not keep the (large) string it was cut from alive. */
export function detach(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
