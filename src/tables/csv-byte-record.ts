// A record of a UTF-8 CSV batch (csv-bytes.ts) as a RowView: field c lies at an offset
// pair in the batch's arrays, and a field becomes a string only when asked for one (a name,
// a warning, an unusual value). The common forms — `2026-10-03 09:05:00`, Y/N, 是/否, plain
// decimals — are read from the bytes (parse-bytes.ts), or taken from values another thread
// read ahead (read-ahead.ts); ids, people and teams are looked up by their bytes
// (bytesOf). Every reading equals the string readers' reading of the same cell; a property
// test holds it to that. Pure.
import { PLAIN_FIELD, type RecordBatch } from './csv-bytes.js';
import { booleanFromBytes, NOT_DECIDED, numberFromBytes, wallFromBytes } from './parse-bytes.js';
import { cellText, isBlank, isTrimSpace, readBoolean, readNumber, readSatisfaction, readTimestamp, type Cell } from './parse-value.js';
import type { RowView } from './row-view.js';
import type { ZoneClock } from './time-zone.js';

const QUOTE = 34;
const PLAIN = PLAIN_FIELD;

const AHEAD_TIME = 0;
const AHEAD_BOOLEAN = 1;
const AHEAD_NUMBER = 2;

/** A record as field offsets; valid only during the call it is handed to. */
export type ByteRecordHandler = (record: CsvByteRecord, number: number) => void;

/**
 * One record of a batch, as a RowView: field c lies at starts/ends[first + c]. Moved from
 * record to record (forEachRecord), never copied.
 */
export class CsvByteRecord implements RowView {
  bytes: Buffer = Buffer.alloc(0);
  /** The batch's field arrays. PLAIN: the text is bytes[start, end); ESCAPED: bytes[start, end) is the field as written, quotes and all. */
  private starts: Int32Array = new Int32Array(0);
  private ends: Int32Array = new Int32Array(0);
  private kinds: Uint8Array = new Uint8Array(0);
  private first = 0;
  length = 0;
  keyStart = 0;
  keyEnd = 0;
  // Values read ahead: for column c, slot aheadSlot[c] (−1: none) of record `record`, read
  // as aheadKinds[slot] (AHEAD_*); times in aheadZone, which `aheadClock` was found to be in.
  private aheadValues: Float64Array | undefined;
  private aheadSlot = new Int16Array(0);
  private aheadKinds = new Uint8Array(0);
  private aheadWidth = 0;
  private aheadZone = '';
  private aheadClock: ZoneClock | undefined;
  private record = 0;

  /** Points the view at a batch (then at each record with `at`). */
  useBatch(batch: RecordBatch): void {
    const b = batch.bytes;
    this.bytes = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    this.starts = batch.starts;
    this.ends = batch.ends;
    this.kinds = batch.kinds;
    this.aheadValues = batch.ahead?.values;
    if (batch.ahead) {
      const { columns, kinds, zone } = batch.ahead.plan;
      this.aheadSlot = new Int16Array(Math.max(0, ...columns) + 1).fill(-1);
      columns.forEach((column, p) => {
        if (this.aheadSlot[column] === -1) this.aheadSlot[column] = p;
      });
      this.aheadKinds = Uint8Array.from(kinds, (k) => (k === 'time' ? AHEAD_TIME : k === 'boolean' ? AHEAD_BOOLEAN : AHEAD_NUMBER));
      this.aheadWidth = columns.length;
      // Zone names are compared once per batch, not per field: the plan's is a copy.
      if (zone !== this.aheadZone) this.aheadClock = undefined;
      this.aheadZone = zone;
    }
  }

  /** The view on record `record` of the batch, whose fields start at `first`. */
  at(first: number, length: number, record: number): void {
    this.first = first;
    this.length = length;
    this.record = record;
  }

  /** The value read ahead for a column as `kind` (AHEAD_*), or NaN. */
  private ahead(column: number, kind: number): number {
    if (this.aheadValues === undefined || column >= this.aheadSlot.length) return NaN;
    const p = this.aheadSlot[column]!;
    if (p === -1 || this.aheadKinds[p] !== kind) return NaN;
    return this.aheadValues[this.record * this.aheadWidth + p]!;
  }

  cell(column: number): Cell {
    if (column >= this.length) return undefined;
    const f = this.first + column;
    const text = this.bytes.toString('utf8', this.starts[f]!, this.ends[f]!);
    return this.kinds[f] === PLAIN ? text : unescapeQuoted(text);
  }

  cells(): Cell[] {
    const cells: Cell[] = [];
    for (let c = 0; c < this.length; c++) cells.push(this.cell(c));
    return cells;
  }

  /** Whether the field is plain; its text is then bytes[starts, ends) at first + column. */
  private plain(column: number): boolean {
    return column < this.length && this.kinds[this.first + column] === PLAIN;
  }

  blank(column: number): boolean {
    if (column >= this.length) return true;
    const f = this.first + column;
    if (this.kinds[f] === PLAIN) {
      const start = this.starts[f]!;
      if (start === this.ends[f]) return true;
      // isBlank looks further only at a field that starts with a space, a tab, U+00A0 or U+3000.
      const b = this.bytes[start];
      if (b !== 32 && b !== 9 && b !== 0xc2 && b !== 0xe3) return false;
    }
    return isBlank(this.cell(column));
  }

  text(column: number): string {
    return cellText(this.cell(column));
  }

  timestamp(column: number, clock: ZoneClock, date1904: boolean): number {
    if (this.aheadValues !== undefined) {
      if (this.aheadClock === undefined && clock.zone === this.aheadZone) this.aheadClock = clock;
      if (clock === this.aheadClock) {
        const v = this.ahead(column, AHEAD_TIME);
        if (v === v) return v;
      }
    }
    if (this.plain(column)) {
      const wall = wallFromBytes(this.bytes, this.starts[this.first + column]!, this.ends[this.first + column]!);
      if (wall === wall) return clock.wallToUtc(wall);
    }
    return readTimestamp(this.cell(column), clock, date1904);
  }

  boolean(column: number): number {
    const v = this.ahead(column, AHEAD_BOOLEAN);
    if (v === v) return v;
    if (this.plain(column)) {
      const b = booleanFromBytes(this.bytes, this.starts[this.first + column]!, this.ends[this.first + column]!);
      if (b !== NOT_DECIDED) return b;
    }
    return readBoolean(this.cell(column));
  }

  number(column: number): number {
    const v = this.ahead(column, AHEAD_NUMBER);
    if (v === v) return v;
    if (this.plain(column)) {
      const n = numberFromBytes(this.bytes, this.starts[this.first + column]!, this.ends[this.first + column]!);
      if (n === n) return n;
    }
    return readNumber(this.cell(column));
  }

  satisfaction(column: number, min: number, max: number): number {
    const v = this.ahead(column, AHEAD_NUMBER);
    if (v === v) return v;
    if (this.plain(column)) {
      const n = numberFromBytes(this.bytes, this.starts[this.first + column]!, this.ends[this.first + column]!);
      if (n === n) return n;
    }
    return readSatisfaction(this.cell(column), min, max);
  }

  bytesOf(column: number, trimmed: boolean): boolean {
    if (!this.plain(column)) return false;
    let start = this.starts[this.first + column]!;
    let end = this.ends[this.first + column]!;
    if (trimmed) {
      const b = this.bytes;
      while (start < end && isAsciiSpace(b[start]!)) start++;
      while (end > start && isAsciiSpace(b[end - 1]!)) end--;
      // A non-ASCII edge may be white space that trim() removes (U+3000, U+00A0, …): let text() decide.
      if (start < end && (b[start]! >= 0x80 || b[end - 1]! >= 0x80) && (spaceAtStart(b, start, end) || spaceAtEnd(b, start, end))) return false;
    }
    this.keyStart = start;
    this.keyEnd = end;
    return true;
  }
}

/** What String.prototype.trim removes among ASCII: tab, LF, VT, FF, CR and space. */
function isAsciiSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13);
}

function codePointAt(b: Uint8Array, i: number, end: number): number {
  const lead = b[i]!;
  if (lead < 0x80) return lead;
  const n = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (i + n > end) return -1;
  let cp = lead & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) cp = (cp << 6) | (b[i + k]! & 0x3f);
  return cp;
}

function spaceAtStart(b: Uint8Array, start: number, end: number): boolean {
  return b[start]! >= 0x80 && isTrimSpace(codePointAt(b, start, end));
}

function spaceAtEnd(b: Uint8Array, start: number, end: number): boolean {
  if (b[end - 1]! < 0x80) return false;
  let i = end - 1;
  while (i > start && (b[i]! & 0xc0) === 0x80) i--;
  return isTrimSpace(codePointAt(b, i, end));
}

/** The text of a quoted field as written (`"a ""b"" c"tail`): the rules of CsvParser.parseQuoted. */
function unescapeQuoted(raw: string): string {
  let value = '';
  let from = 1;
  for (;;) {
    const q = raw.indexOf('"', from);
    value += raw.slice(from, q);
    if (raw.charCodeAt(q + 1) === QUOTE) {
      value += '"';
      from = q + 2;
      continue;
    }
    return value + raw.slice(q + 1);
  }
}

/** Hands each record of a batch to `onRecord`, through one view. */
export function forEachRecord(batch: RecordBatch, view: CsvByteRecord, onRecord: ByteRecordHandler): void {
  view.useBatch(batch);
  const firstField = batch.firstField;
  for (let r = 0; r < batch.records; r++) {
    const first = firstField[r]!;
    view.at(first, firstField[r + 1]! - first, r);
    onRecord(view, batch.firstRecord + r);
  }
}

/** A batch handler that hands over record by record (when batches are used where they are made). */
export function byRecord(onRecord: ByteRecordHandler): (batch: RecordBatch) => void {
  const view = new CsvByteRecord();
  return (batch) => forEachRecord(batch, view, onRecord);
}
