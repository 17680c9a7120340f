// The CSV reader for UTF-8 files, working on bytes: it splits records into field offsets,
// batch by batch, so that a million-row export is read without decoding it into text or
// making a string per field (csv-byte-record.ts reads the fields). It follows exactly the
// rules of the text reader (csv-parser.ts): the delimiter found the same way, a lone CR,
// a lone LF and CRLF each ending a record outside quotes (files that mix them are common),
// quotes only at the start of a field; a property test holds the two to the same records
// for any text cut anywhere. It also checks that the bytes are UTF-8, as the text decoder
// would. It finds every field of a record, not only those some KPI reads: a field that is
// skipped still decides, by its quotes, where the next one starts; finding it costs a
// comparison per byte, and no string is made for it. Pure: bytes in, batches out.
import { firstInvalidUtf8 } from '../text/decode-text.js';
import { isUtf8 } from 'node:buffer';
import { CsvUnclosedQuoteError, delimiterSample, detectDelimiter } from './csv-parser.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

export type AheadKind = 'time' | 'boolean' | 'number';

/** Which columns to read as what; times as wall times in `zone` (the policy's). */
export interface ReadAheadPlan {
  readonly zone: string;
  readonly columns: readonly number[];
  readonly kinds: readonly AheadKind[];
}

/** The values read ahead (read-ahead.ts) for a batch: values[record × columns + p] for the plan's column p. */
export interface AheadValues {
  readonly plan: ReadAheadPlan;
  readonly values: Float64Array;
}

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

/** A field whose text is its bytes; or one that was quoted with doubled quotes or text after the closing quote (its bytes are as written, quotes and all). */
export const PLAIN_FIELD = 0;
export const ESCAPED_FIELD = 1;
const PLAIN = PLAIN_FIELD;
const ESCAPED = ESCAPED_FIELD;

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
    if (!isUtf8(this.buffer.subarray(this.checked, this.length - tail))) {
      // The buffer ends with the last byte read: its first byte is this far into the file.
      const start = this.consumed + chunk.length - this.length;
      throw new Utf8Error(start + this.checked + firstInvalidUtf8(this.buffer.subarray(this.checked, this.length - tail)));
    }
    this.checked = this.length - tail;
    this.consumed += chunk.length;
    this.parse(false);
  }

  end(): void {
    if (this.checked < this.length) throw new Utf8Error(this.consumed - (this.length - this.checked));
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

  /** As CsvParser: from the first ten lines, decoded (they are whole characters). */
  private findDelimiter(data: Buffer, final: boolean): boolean {
    // The text reader waits for ten line ends or 64 Ki characters (never more than bytes);
    // counting CR and LF alone over-counts CRLF, and delimiterSample has the last word.
    let lines = 0;
    for (let i = 0; i < data.length && lines < 10; i++) if (data[i] === LF || data[i] === CR) lines++;
    if (lines < 10 && !final && data.length <= 1 << 16) return false;
    const sample = delimiterSample(data.toString('utf8'), final);
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
        const c = data[i]!;
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
        } else if (c <= CR && (c === LF || c === CR)) break; // one comparison for most bytes
      }
      // A CR at the end may be the first half of CRLF: the next byte decides.
      if (!final && (i === length || (i + 1 === length && data[i] === CR))) break;
      const eol = i;
      if (nextQuote < eol) {
        const next = this.quotedRecord(data, pos, final);
        if (next === -1) break;
        pos = next;
        nextQuote = data.indexOf(QUOTE, pos);
        if (nextQuote === -1) nextQuote = length;
        continue;
      }
      if (f === a.starts.length) a.growFields();
      a.starts[f] = fieldStart;
      a.ends[f] = eol;
      a.kinds[f] = PLAIN;
      this.fields = f + 1;
      this.endRecord();
      pos = eol + (data[eol] === CR && data[eol + 1] === LF ? 2 : 1);
    }
    return Math.min(pos, length);
  }

  /** One record that holds a quote, as CsvParser.parseQuoted; returns where the next starts, or -1 if it is not complete yet. */
  private quotedRecord(data: Buffer, start: number, final: boolean): number {
    const delim = this.delimiter!;
    const length = data.length;
    const a = this.arrays;
    let f = this.fields;
    let i = start;
    const fieldEnd = (from: number): number => {
      let j = from;
      while (j < length) {
        const c = data[j];
        if (c === delim || c === LF || c === CR) break;
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
      if (c === CR) {
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
