// The byte reader against the text reader: the same records for any text cut anywhere
// (also inside a character), the same errors, and every cell read through the view the
// same as the string readers read it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeyTable } from './byte-key-table.js';
import { byRecord } from './csv-byte-record.js';
import { CsvByteScanner, Utf8Error, type ReadAheadPlan } from './csv-bytes.js';
import { CsvParser, CsvUnclosedQuoteError } from './csv-parser.js';
import { cellText, isBlank, readBoolean, readNumber, readSatisfaction, readTimestamp, type Cell } from './parse-value.js';
import { readAhead } from './read-ahead.js';
import type { RowView } from './row-view.js';
import { zoneClock } from './time-zone.js';
import { firstInvalidUtf8 } from '../text/decode-text.js';

type Outcome = { records: Cell[][] } | { error: string; record?: number; offset?: number };

function cutAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let at = 0;
  for (const size of cuts) {
    pieces.push(bytes.subarray(at, Math.min(at + size, bytes.length)));
    at = Math.min(at + size, bytes.length);
  }
  pieces.push(bytes.subarray(at));
  return pieces;
}

function failure(error: unknown): Outcome {
  if (error instanceof CsvUnclosedQuoteError) return { error: 'unclosed', record: error.record };
  if (error instanceof Utf8Error) return { error: 'utf8', offset: error.offset };
  throw error;
}

/** As read-table reads a file in another encoding: a streaming decoder, then the text reader. */
function viaText(pieces: readonly Uint8Array[]): Outcome {
  const records: Cell[][] = [];
  const parser = new CsvParser((fields) => records.push([...fields]));
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    for (const piece of pieces) {
      let text: string;
      try {
        text = decoder.decode(piece, { stream: true });
      } catch {
        return { error: 'utf8', offset: firstInvalidUtf8(Buffer.concat(pieces)) };
      }
      if (text.length > 0) parser.push(text);
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      return { error: 'utf8', offset: firstInvalidUtf8(Buffer.concat(pieces)) };
    }
    if (rest.length > 0) parser.push(rest);
    parser.end();
  } catch (error) {
    return failure(error);
  }
  return { records };
}

/** Read ahead as the worker thread does: every kind for the first columns, some twice. */
const PLAN: ReadAheadPlan = { zone: 'Asia/Shanghai', columns: [0, 1, 2, 3, 1], kinds: ['time', 'boolean', 'number', 'time', 'time'] };

function viaBytes(pieces: readonly Uint8Array[], check?: (row: RowView) => void, plan?: ReadAheadPlan): Outcome {
  const records: Cell[][] = [];
  const onRecord = byRecord((row) => {
    records.push(row.cells());
    check?.(row);
  });
  const scanner = new CsvByteScanner((batch) => onRecord(plan ? { ...batch, ahead: readAhead(batch, plan) } : batch));
  try {
    for (const piece of pieces) scanner.push(piece);
    scanner.end();
  } catch (error) {
    return failure(error);
  }
  return { records };
}

const clock = zoneClock('Asia/Shanghai');

/** Every reading of every cell through the view equals the string readers' reading of the cell. */
function sameReadings(row: RowView): void {
  const keys = new ByteKeyTable();
  for (let c = 0; c <= row.length; c++) {
    const cell = row.cell(c);
    expect(row.blank(c)).toBe(isBlank(cell));
    expect(row.text(c)).toBe(cellText(cell));
    expect(row.timestamp(c, clock, false)).toBe(readTimestamp(cell, clock, false));
    expect(row.boolean(c)).toBe(readBoolean(cell));
    expect(row.number(c)).toBe(readNumber(cell));
    expect(row.satisfaction(c, 1, 5)).toBe(readSatisfaction(cell, 1, 5));
    for (const trimmed of [true, false]) {
      if (!row.bytesOf(c, trimmed)) continue;
      const text = trimmed ? cellText(cell) : (cell as string);
      let entry = keys.find(row.bytes, row.keyStart, row.keyEnd);
      if (entry === -1) entry = keys.insert(row.bytes, row.keyStart, row.keyEnd, c);
      expect(keys.findText(text)).toBe(entry);
    }
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('CsvByteScanner reads as CsvParser does', () => {
  it.each<[string, string]>([
    ['plain, LF', 'a,b\n1,2\n'],
    ['CRLF, no final newline', 'a,b\r\n1,2'],
    ['CR only (old Mac)', 'a,b\r1,x\r'],
    ['semicolons and tabs', 'a;b\n1;2\n'],
    ['quoted delimiter, doubled quote, line break', 'a,b\n"x, ""y""\nz",2\n'],
    ['text after a closing quote', 'a,b\n"x"y z,2\n'],
    ['a quote inside an unquoted field', 'a,b\nx"y,"2"\n'],
    ['a bare CR ends a record, with a quote on the line or not', 'a,b\nx\ry,1\n"q",x\ry\n'],
    ['blank lines, empty fields, trailing delimiter', 'a,b,c\n\n,,\n1,2,\n'],
    ['a byte-order mark', '\uFEFFa,b\n1,2\n'],
    ['a BOM later in the file is a character', 'a,b\n\uFEFF1,2\n'],
    ['title line above a semicolon header', '报表\na;b\n1;2\n'],
    ['white space that trim removes', 'a,b\n\u3000 工号 \u3000,\u00a0\n\t,"\n"\n'],
    ['values of every form', 'a,b,c,d\n2026-10-03 09:05:00,是,299.23,Y\n2026/10/3 9:05,否,"1,234",n\n2026-10-03T09:05,1, 7 ,-0\n'],
  ])('%s', (_name, text) => {
    const bytes = utf8(text);
    const whole = viaBytes([bytes], sameReadings);
    expect(whole).toEqual(viaText([bytes]));
    expect(viaBytes([bytes], sameReadings, PLAN)).toEqual(whole);
    for (let size = 1; size <= 4; size++) {
      const cuts = Array.from({ length: bytes.length }, () => size);
      expect(viaBytes(cutAt(bytes, cuts), sameReadings)).toEqual(whole);
    }
  });

  it('skipped fields may hold quotes, delimiters and line breaks', () => {
    // The evaluator reads columns 0 and 2 only; column 1 must still be split correctly.
    const text = 'id,note,when\nT1,"a, ""b""\r\nc",2026-10-03 09:05\nT2,,2026-10-04 10:00\r\nT3,"x\ny\nz",2026-10-05 11:00\n';
    const rows: [string, number][] = [];
    const scanner = new CsvByteScanner(
      byRecord((row, n) => {
        if (n > 1) rows.push([row.text(0), row.timestamp(2, clock, false)]);
      }),
    );
    scanner.push(utf8(text));
    scanner.end();
    expect(rows).toEqual([
      ['T1', Date.UTC(2026, 9, 3, 1, 5)],
      ['T2', Date.UTC(2026, 9, 4, 2, 0)],
      ['T3', Date.UTC(2026, 9, 5, 3, 0)],
    ]);
  });

  it('a view takes values read ahead for the planned column, kind and zone only', () => {
    const seen: number[][] = [];
    const onRecord = byRecord((row, n) => {
      if (n > 1) seen.push([row.timestamp(0, clock, false), row.boolean(1), row.number(1), row.timestamp(0, zoneClock('UTC'), false)]);
    });
    const scanner = new CsvByteScanner((batch) => {
      const ahead = readAhead(batch, { zone: 'Asia/Shanghai', columns: [0, 1], kinds: ['time', 'boolean'] });
      ahead.values.fill(42); // marked, to see which readings come from it
      onRecord({ ...batch, ahead });
    });
    scanner.push(utf8('when,flag\n2026-10-03 09:05,1\n'));
    scanner.end();
    expect(seen).toEqual([[42, 42, 1, Date.UTC(2026, 9, 3, 9, 5)]]);
  });

  it('an unclosed quote names its record, as the text reader does', () => {
    const bytes = utf8('a\n"b\nc\n');
    expect(viaBytes([bytes])).toEqual({ error: 'unclosed', record: 2 });
    expect(viaText([bytes])).toEqual({ error: 'unclosed', record: 2 });
  });

  it.each<[string, number[], number[]]>([
    ['a byte that starts no character', [0x61, 0x2c, 0x62, 0x0a, 0xff, 0x0a], [3, 3]],
    ['a character cut short mid-file', [0x61, 0x0a, 0xe5, 0x90, 0x0a, 0x62], [3, 3]],
    ['a character cut short at the end', [0x61, 0x0a, 0xe5, 0x90], [2, 1]],
    ['a surrogate written as UTF-8', [0x61, 0x0a, 0xed, 0xa0, 0x80, 0x0a], [3, 1, 2]],
    ['GBK bytes', [0x61, 0x0a, 0xd5, 0xc5, 0x0a], [1, 1, 1, 1]],
  ])('not UTF-8: %s — the same error at the same offset', (_name, bytes, cuts) => {
    const data = Uint8Array.from(bytes);
    for (const pieces of [[data], cutAt(data, cuts)]) {
      const outcome = viaBytes(pieces);
      expect(outcome).toMatchObject({ error: 'utf8' });
      expect(outcome).toEqual(viaText(pieces));
    }
  });

  it('gives the same records and readings however the bytes are cut (property)', () => {
    const token = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(',', ';', '\t', '\n', '\r\n', '\r', '"', '""', ' ', '\u3000', '\u00a0') },
      { weight: 4, arbitrary: fc.constantFrom('工单', '是', '否', 'Y', 'n', '1', '0', '299.23', '-5', '1,234', '85%', '2026-10-03 09:05:00', '2026-10-03 09:05', '2026-13-45 10:00', '2026/10/3 9:05', 'T0001') },
      { weight: 2, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 40 }), (tokens, cuts) => {
        const bytes = utf8(tokens.join(''));
        const pieces = cutAt(bytes, cuts);
        const expected = viaText(pieces);
        expect(viaBytes(pieces, sameReadings)).toEqual(expected);
        // Values read ahead (as in the worker thread) read the same.
        expect(viaBytes(pieces, sameReadings, PLAN)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('names the offset of the invalid byte itself, not of the piece it came in (issue 17, 11)', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n' + 'x,y\n'.repeat(34_693) + 'z,'), Buffer.from([0xd5, 0xc5, 0x0a])]);
    expect(bytes.indexOf(0xd5)).toBe(138_778);
    expect(viaBytes(cutAt(bytes, Array(10).fill(64 * 1024)))).toEqual({ error: 'utf8', offset: 138_778 });
    // A character cut short at the very end: where it starts.
    const short = Buffer.concat([Buffer.from('a,b\n'.repeat(20_000)), Buffer.from([0xe5, 0x90])]);
    expect(viaBytes(cutAt(short, Array(3).fill(32 * 1024)))).toEqual({ error: 'utf8', offset: 80_000 });
  });

  it('reads invalid bytes cut anywhere as the text decoder does (property)', () => {
    const bytes = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x0a, 0x2c, 0x22, 0xe5, 0x90, 0xa6, 0xf0, 0x9f, 0xed)), { maxLength: 30 });
    fc.assert(
      fc.property(bytes, fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 20 }), (data, cuts) => {
        const pieces = cutAt(Uint8Array.from(data), cuts);
        expect(viaBytes(pieces)).toEqual(viaText(pieces));
      }),
      { numRuns: 1500 },
    );
  });
});
