// The CSV reader for UTF-8 files, working on bytes: it splits records into field offsets
// and hands each record over as a RowView, so that a million-row export is read without
// decoding it into text or making a string per field — a field becomes a string only when
// a reader needs one (a name, a warning, an unusual value). It follows exactly the rules
// of the text reader (csv-parser.ts): delimiter and line ends found the same way, quotes
// only at the start of a field, a quoted line ended by a bare CR as there; a property
// test holds the two to the same records for any text cut anywhere. It also checks that
// the bytes are UTF-8, as the text decoder would. Pure: bytes in, records out.
import { isUtf8 } from 'node:buffer';
import { CsvUnclosedQuoteError, delimiterSample, detectDelimiter } from './csv-parser.js';
import { booleanFromBytes, NOT_DECIDED, numberFromBytes, wallFromBytes } from './parse-bytes.js';
import { cellText, isBlank, readBoolean, readNumber, readSatisfaction, readTimestamp, type Cell } from './parse-value.js';
import type { AheadValues } from './read-ahead.js';
import type { RowView } from './row-view.js';
import type { ZoneClock } from './time-zone.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** A record as field offsets; valid only during the call it is handed to. */
export type ByteRecordHandler = (record: CsvByteRecord, number: number) => void;

/**
 * The complete records of one piece of a file: their bytes and where each field lies.
 * Plain arrays of numbers, so that a batch made in a worker thread can be handed over
 * without copying (csv-scan-worker.ts).
 */
export interface RecordBatch {
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** PLAIN or ESCAPED per field. */
  readonly kinds: Uint8Array;
  /** Record r has fields firstField[r] to firstField[r + 1] − 1. */
  readonly firstField: Int32Array;
  readonly records: number;
  /** The number of the batch's first record in the file (from 1). */
  readonly firstRecord: number;
  /** Values of some fields, read ahead by the thread that made the batch (read-ahead.ts). */
  readonly ahead?: AheadValues;
}

/** The bytes are not UTF-8; `offset` is where the piece that showed it starts, as the text reader reports. */
export class Utf8Error extends Error {
  constructor(readonly offset: number) {
    super(`not UTF-8 in the bytes from ${offset}`);
  }
}

/** A field whose text is its bytes; or one that was quoted with doubled quotes or text after the closing quote. */
const PLAIN = 0;
const ESCAPED = 1;

const AHEAD_TIME = 0;
const AHEAD_BOOLEAN = 1;
const AHEAD_NUMBER = 2;

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

/** White space that trim() removes beyond ASCII (Unicode Zs, LS, PS, BOM). */
function isWideSpace(cp: number): boolean {
  return cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
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
  return b[start]! >= 0x80 && isWideSpace(codePointAt(b, start, end));
}

function spaceAtEnd(b: Uint8Array, start: number, end: number): boolean {
  if (b[end - 1]! < 0x80) return false;
  let i = end - 1;
  while (i > start && (b[i]! & 0xc0) === 0x80) i--;
  return isWideSpace(codePointAt(b, i, end));
}

/** The text of a quoted field as written (`"a ""b"" c"tail`): the rules of CsvParser.parseQuoted. */
export function unescapeQuoted(raw: string): string {
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

/**
 * How many bytes at the end of `b[from, to)` begin a UTF-8 character that the next piece
 * may complete (0–3). Bytes that can begin no character are not held back, so that the
 * check fails on the same piece as the text decoder does.
 */
function incompleteTail(b: Uint8Array, from: number, to: number): number {
  for (let back = 1; back <= 3 && to - back >= from; back++) {
    const lead = b[to - back]!;
    if ((lead & 0xc0) === 0x80) continue;
    const need = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 1;
    if (need <= back) return 0;
    if (back >= 2) {
      const second = b[to - back + 1]!;
      const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
      const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
      if (second < low || second > high) return 0;
    }
    return back;
  }
  return 0;
}

/** The field arrays a scanner fills, grown as needed and reused from batch to batch. */
class BatchArrays {
  starts = new Int32Array(1 << 12);
  ends = new Int32Array(1 << 12);
  kinds = new Uint8Array(1 << 12);
  firstField = new Int32Array(1 << 8);

  growFields(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
  }

  growRecords(): void {
    const firstField = new Int32Array(this.firstField.length * 2);
    firstField.set(this.firstField);
    this.firstField = firstField;
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

/**
 * Bytes in, batches of complete records out, one batch per piece pushed. A batch is valid
 * only during the call it is handed to: the scanner reuses its arrays and buffer.
 */
export class CsvByteScanner {
  /** Bytes not yet made into records, from 0 to `length`. */
  private buffer: Buffer = Buffer.alloc(1 << 16);
  private length = 0;
  /** Bytes checked to be UTF-8 (whole characters), from the buffer's start. */
  private checked = 0;
  /** Bytes pushed before the current piece, for errors. */
  private consumed = 0;
  private bomDone = false;
  private newline: number | undefined;
  private delimiter: number | undefined;
  private record = 0;
  private readonly arrays = new BatchArrays();
  /** Fields and records in the batch being made. */
  private fields = 0;
  private records = 0;

  constructor(private readonly onBatch: (batch: RecordBatch) => void) {}

  push(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + chunk.length));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
    const tail = incompleteTail(this.buffer, this.checked, this.length);
    if (!isUtf8(this.buffer.subarray(this.checked, this.length - tail))) throw new Utf8Error(this.consumed);
    this.checked = this.length - tail;
    this.consumed += chunk.length;
    this.parse(false);
  }

  end(): void {
    if (this.checked < this.length) throw new Utf8Error(this.consumed);
    this.parse(true);
    if (this.length > 0) throw new CsvUnclosedQuoteError(this.record + 1);
  }

  private parse(final: boolean): void {
    if (!this.bomDone) {
      if (this.length < 3 && !final) return;
      this.bomDone = true;
      const b = this.buffer;
      if (this.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.consume(3);
    }
    // Only whole characters are parsed: line ends and delimiters never sit inside one, but
    // a record must not end in the middle of one either.
    const data = this.buffer.subarray(0, this.checked);
    if (this.newline === undefined && !this.findNewline(data, final)) return;
    if (this.delimiter === undefined && !this.findDelimiter(data, final)) return;
    this.fields = 0;
    this.records = 0;
    let used: number;
    try {
      used = this.scan(data, final);
    } finally {
      // Records made before an unclosed quote are handed over before the error, as the text reader does.
      if (this.records > 0) {
        const a = this.arrays;
        a.firstField[this.records] = this.fields;
        const firstRecord = this.record - this.records + 1;
        this.onBatch({ bytes: data, starts: a.starts, ends: a.ends, kinds: a.kinds, firstField: a.firstField, records: this.records, firstRecord });
      }
    }
    this.consume(used);
  }

  /** Drops the first `n` bytes (made into records). */
  private consume(n: number): void {
    if (n === 0) return;
    this.buffer.copyWithin(0, n, this.length);
    this.length -= n;
    this.checked -= n;
  }

  /** As CsvParser: the first line end decides between LF (with or without CR) and a lone CR. */
  private findNewline(data: Buffer, final: boolean): boolean {
    const lf = data.indexOf(LF);
    const cr = data.indexOf(CR);
    if (lf === -1 && cr === -1) {
      if (!final) return false;
      this.newline = LF;
      return true;
    }
    // A CR at the very end may be the first half of CRLF: wait for more.
    if (cr === data.length - 1 && lf === -1 && !final) return false;
    this.newline = cr !== -1 && (lf === -1 || cr < lf) && data[cr + 1] !== LF ? CR : LF;
    return true;
  }

  /** As CsvParser: from the first ten lines, decoded (they are whole characters). */
  private findDelimiter(data: Buffer, final: boolean): boolean {
    const nl = this.newline!;
    // The text reader waits for ten line ends or 64 Ki characters (never more than bytes).
    let lines = 0;
    for (let at = data.indexOf(nl); at !== -1 && lines < 10; at = data.indexOf(nl, at + 1)) lines++;
    if (lines < 10 && !final && data.length <= 1 << 16) return false;
    const sample = delimiterSample(data.toString('utf8'), String.fromCharCode(nl) as '\n' | '\r', final);
    if (sample === undefined) return false;
    this.delimiter = detectDelimiter(sample).charCodeAt(0);
    return true;
  }

  /** Ends the record whose fields are those added since the last record. */
  private endRecord(): void {
    const a = this.arrays;
    if (this.records + 1 >= a.firstField.length) a.growRecords();
    a.firstField[++this.records] = this.fields;
    this.record++;
  }

  /** Makes records of `data` into the batch; returns how many bytes they used (the rest waits for more). */
  private scan(data: Buffer, final: boolean): number {
    const nl = this.newline!;
    const delim = this.delimiter!;
    const length = data.length;
    const a = this.arrays;
    a.firstField[0] = 0;
    let pos = 0;
    let nextQuote = data.indexOf(QUOTE);
    if (nextQuote === -1) nextQuote = length;
    while (pos < length) {
      // A line without a quote: fields end at delimiters, the record at the line end.
      let f = this.fields;
      let fieldStart = pos;
      let i = pos;
      let starts = a.starts;
      let ends = a.ends;
      let kinds = a.kinds;
      for (; i < length; i++) {
        const c = data[i];
        if (c === delim) {
          if (f === starts.length) {
            a.growFields();
            starts = a.starts;
            ends = a.ends;
            kinds = a.kinds;
          }
          starts[f] = fieldStart;
          ends[f] = i;
          kinds[f] = PLAIN;
          f++;
          fieldStart = i + 1;
        } else if (c === nl) break;
      }
      if (i === length && !final) break;
      const eol = i;
      if (nextQuote < eol) {
        const next = this.quotedRecord(data, pos, final);
        if (next === -1) break;
        pos = next;
        nextQuote = data.indexOf(QUOTE, pos);
        if (nextQuote === -1) nextQuote = length;
        continue;
      }
      let end = eol;
      if (nl === LF && end > pos && data[end - 1] === CR) end--;
      if (f === a.starts.length) a.growFields();
      a.starts[f] = fieldStart;
      a.ends[f] = end;
      a.kinds[f] = PLAIN;
      this.fields = f + 1;
      this.endRecord();
      pos = eol + 1;
    }
    return Math.min(pos, length);
  }

  /** One record that holds a quote, as CsvParser.parseQuoted; returns where the next starts, or -1 if it is not complete yet. */
  private quotedRecord(data: Buffer, start: number, final: boolean): number {
    const nl = this.newline!;
    const delim = this.delimiter!;
    const length = data.length;
    const a = this.arrays;
    let f = this.fields;
    let i = start;
    const fieldEnd = (from: number): number => {
      let j = from;
      while (j < length) {
        const c = data[j];
        if (c === delim || c === nl || (c === CR && nl === LF)) break;
        j++;
      }
      return j;
    };
    for (;;) {
      if (f === a.starts.length) a.growFields();
      if (i < length && data[i] === QUOTE) {
        const open = i;
        let escaped = false;
        let from = i + 1;
        let close: number;
        for (;;) {
          const q = data.indexOf(QUOTE, from);
          if (q === -1) {
            if (final) throw new CsvUnclosedQuoteError(this.record + 1);
            return -1;
          }
          if (q + 1 >= length && !final) return -1; // the next byte decides: wait
          if (q + 1 < length && data[q + 1] === QUOTE) {
            escaped = true;
            from = q + 2;
            continue;
          }
          close = q;
          i = q + 1;
          break;
        }
        const j = fieldEnd(i);
        if (j >= length && !final) return -1;
        if (escaped || j > i) {
          a.starts[f] = open;
          a.ends[f] = j;
          a.kinds[f] = ESCAPED;
        } else {
          a.starts[f] = open + 1;
          a.ends[f] = close;
          a.kinds[f] = PLAIN;
        }
        f++;
        i = j;
      } else {
        const j = fieldEnd(i);
        if (j >= length && !final) return -1;
        a.starts[f] = i;
        a.ends[f] = j;
        a.kinds[f] = PLAIN;
        f++;
        i = j;
      }
      if (i >= length) {
        this.fields = f;
        this.endRecord();
        return length;
      }
      const c = data[i];
      if (c === delim) {
        i++;
        continue;
      }
      if (c === CR && nl === LF) {
        if (i + 1 >= length && !final) return -1;
        i += i + 1 < length && data[i + 1] === LF ? 2 : 1;
      } else {
        i++;
      }
      this.fields = f;
      this.endRecord();
      return i;
    }
  }
}
