import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberFromBytes, wallFromBytes } from './parse-bytes.js';
import { explainTimestamp, isTrimSpace, readBoolean, readDuration, readNumber, readSatisfaction, readTimestamp, readTimeOfDay, readDatePart, wallOf, type Cell } from './parse-value.js';
import { zoneClock } from './time-zone.js';

const shanghai = zoneClock('Asia/Shanghai');
const utc = (iso: string) => Date.parse(iso);

describe('readTimestamp', () => {
  it.each<[Cell, string]>([
    ['2026-10-03 09:05:00', '2026-10-03T01:05:00Z'],
    ['2026-10-03 09:05', '2026-10-03T01:05:00Z'],
    ['2026-10-03T09:05:00', '2026-10-03T01:05:00Z'],
    ['2026/10/3 9:05', '2026-10-03T01:05:00Z'],
    ['2026/10/03 09:05:07', '2026-10-03T01:05:07Z'],
    ['2026.10.3 9:05', '2026-10-03T01:05:00Z'],
    ['  2026-10-03 09:05:00  ', '2026-10-03T01:05:00Z'],
    ['2026-10-03', '2026-10-02T16:00:00Z'],
    ['2026-10-03T09:05:00Z', '2026-10-03T09:05:00Z'],
    ['2026-10-03T09:05:00+02:00', '2026-10-03T07:05:00Z'],
    ['2026-10-03T09:05:00.250+0800', '2026-10-03T01:05:00.250Z'],
    ['2026-10-03 09:05:00 -05', '2026-10-03T14:05:00Z'],
    ['2026年10月3日 9:05', '2026-10-03T01:05:00Z'],
    ['2026年10月3日 9时5分', '2026-10-03T01:05:00Z'],
    ['2026年10月3日', '2026-10-02T16:00:00Z'],
    ['2026/10/3 下午 3:05', '2026-10-03T07:05:00Z'],
    ['2026/10/3 3:05 PM', '2026-10-03T07:05:00Z'],
    ['2026/10/3 12:30 AM', '2026-10-02T16:30:00Z'],
    ['29-02-2016 13:33', '2016-02-29T05:33:00Z'],
    [46298.378472222, '2026-10-03T01:05:00Z'],
    ['46298.378472222', '2026-10-03T01:05:00Z'],
    [46298, '2026-10-02T16:00:00Z'],
  ])('%j → %s', (cell, expected) => {
    expect(readTimestamp(cell, shanghai)).toBe(utc(expected));
  });

  it('reads an Excel 1904 serial from a Mac workbook', () => {
    expect(readTimestamp(44836.378472222, shanghai, true)).toBe(utc('2026-10-03T01:05:00Z'));
  });

  it.each<[Cell, ReturnType<typeof explainTimestamp>]>([
    ['2026-13-45 10:00', 'time-impossible'],
    ['2026-02-29 10:00', 'time-impossible'],
    ['2026-10-03 25:00', 'time-impossible'],
    ['N/A', 'time-unreadable'],
    ['明天', 'time-unreadable'],
    ['03/10/2026 09:05', 'time-ambiguous'],
    ['99999999', 'time-impossible'],
  ])('%j is unreadable (%s)', (cell, problem) => {
    expect(readTimestamp(cell, shanghai)).toBeNaN();
    expect(explainTimestamp(cell)).toBe(problem);
  });

  it('joins a date column and a time column', () => {
    expect(readDatePart('2021-01-01') + readTimeOfDay(0.384004629629)).toBe(Date.UTC(2021, 0, 1, 9, 12, 58));
    expect(readTimeOfDay('下午 3:05')).toBe((15 * 60 + 5) * 60_000);
    expect(readTimeOfDay('25:00')).toBeNaN();
  });
});

describe('readBoolean', () => {
  it.each<[Cell, number]>([
    ['是', 1], ['否', 0], ['Y', 1], ['n', 0], ['yes', 1], ['No', 0], ['TRUE', 1], ['false', 0], ['1', 1], ['0', 0],
    ['', 0], [null, 0], [undefined, 0], ['  ', 0], [true, 1], [false, 0], [2, 1], ['3', 1], [0, 0],
    ['maybe', -1], ['-1', -1], [-2, -1],
  ])('%j → %d', (cell, expected) => {
    expect(readBoolean(cell)).toBe(expected);
  });
});

describe('readNumber', () => {
  it.each<[Cell, number]>([
    ['1234.5', 1234.5], ['1,234.5', 1234.5], ['12,345,678', 12345678], ['85%', 85], ['85 %', 85], ['¥1,200', 1200], ['￥99.5', 99.5],
    ['1200元', 1200], ['-3', -3], ['.5', 0.5], [42, 42], ['1e3', 1000],
  ])('%j → %d', (cell, expected) => {
    expect(readNumber(cell)).toBe(expected);
  });

  it.each<Cell>(['abc', '1,23', '12..3', 'N/A', '', '--1', '0x10', 'Infinity'])('%j is not a number', (cell) => {
    expect(readNumber(cell)).toBeNaN();
  });
});

describe('readSatisfaction', () => {
  it('reads scores and, on a 1–5 scale, survey words', () => {
    expect(readSatisfaction('4', 1, 5)).toBe(4);
    expect(readSatisfaction('非常满意', 1, 5)).toBe(5);
    expect(readSatisfaction('不满意', 1, 5)).toBe(2);
    expect(readSatisfaction('Satisfied', 1, 5)).toBe(4);
    expect(readSatisfaction('满意', 0, 10)).toBeNaN();
    expect(readSatisfaction('9', 0, 10)).toBe(9);
  });
});

describe('wall times by arithmetic and from bytes', () => {
  const utcClock = zoneClock('UTC');

  it('wallOf equals Date.UTC for every real date and is NaN for every other (property)', () => {
    const daysIn = (y: number, m: number) => new Date(Date.UTC(2000, m, 0)).getUTCDate() - (m === 2 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 999 }), (y, mo, d, h, mi, s, ms) => {
        const real = mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && s <= 59;
        expect(wallOf(y, mo, d, h, mi, s, ms)).toBe(real ? Date.UTC(y, mo - 1, d, h, mi, s, ms) : NaN);
      }),
      { numRuns: 3000 },
    );
  });

  it('wallFromBytes reads YYYY-MM-DD HH:MM[:SS] as readTimestamp does, and leaves the rest to it (property)', () => {
    const text = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.option(fc.integer({ min: 0, max: 61 })), fc.constantFrom(' ', 'T', '/', '  ')).map(
        ([y, mo, d, h, mi, s, sep]) => `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}${sep}${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}${s === null ? '' : `:${String(s).padStart(2, '0')}`}`,
      ),
      fc.string({ minLength: 16, maxLength: 19, unit: fc.constantFrom('0', '1', '9', '-', ':', ' ', 'T', '/', 'a', '工') }),
    );
    fc.assert(
      fc.property(text, (s) => {
        const bytes = Buffer.from(s);
        const wall = wallFromBytes(bytes, 0, bytes.length);
        if (wall === wall) expect(utcClock.wallToUtc(wall)).toBe(readTimestamp(s, utcClock));
        else expect(Number.isNaN(readTimestamp(s, utcClock)) || !/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?$/.test(s)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('numberFromBytes gives exactly Number() for plain decimals, and leaves the rest to readNumber (property)', () => {
    const decimal = fc.tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,17}$/), fc.constantFrom('', '.'), fc.stringMatching(/^\d{0,24}$/)).map(([sign, a, dot, b]) => sign + a + dot + b);
    fc.assert(
      fc.property(fc.oneof(decimal, fc.string({ maxLength: 8 }), fc.double().map(String)), (s) => {
        const bytes = Buffer.from(s);
        const n = numberFromBytes(bytes, 0, bytes.length);
        if (n === n) expect(Object.is(n, readNumber(s))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    // The common forms take the byte path.
    for (const s of ['299.23', '-5', '0.1', '12345678901234.5', '+.5', '7.', '-0']) expect(Object.is(numberFromBytes(Buffer.from(s), 0, s.length), Number(s))).toBe(true);
  });
});

describe('isTrimSpace', () => {
  it('is exactly what String.prototype.trim removes, for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isTrimSpace(c) !== (String.fromCharCode(c).trim() === '')) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('readDuration', () => {
  // Expected milliseconds worked out by hand: h × 3 600 000 + m × 60 000 + s × 1 000.
  it.each<[Cell, Parameters<typeof readDuration>[1], number]>([
    ['0:03:40', 'clock', 220_000],
    ['00:02:23', 'clock', 143_000],
    ['125:10:00', 'clock', 450_600_000],
    ['1:02:03.5', 'clock', 3_723_500],
    // Two parts are minutes and seconds (call-centre talk and wait times), minutes past 59 too.
    ['03:40', 'clock', 220_000],
    ['125:30', 'clock', 7_530_000],
    ['-0:01:00', 'clock', -60_000],
    // A number is a fraction of a day, as Excel stores a time cell: 0.00255 d = 220.32 s.
    [0.00255, 'clock', 220_320],
    ['0.00255', 'clock', 220_320],
    [220 / 86_400, 'clock', 220_000],
    [1.5, 'clock', 129_600_000],
    [90, 'seconds', 90_000],
    ['3.5', 'minutes', 210_000],
    [' 2 ', 'hours', 7_200_000],
    ['1,200', 'seconds', 1_200_000],
    ['-5', 'seconds', -5_000],
  ])('%j as %s is %d ms', (cell, unit, ms) => {
    expect(readDuration(cell, unit)).toBe(ms);
  });

  it.each<[Cell, Parameters<typeof readDuration>[1]]>([
    ['0:03:40', 'seconds'],
    ['3 min', 'minutes'],
    ['85%', 'seconds'],
    ['1:75:00', 'clock'],
    ['3:60', 'clock'],
    ['abc', 'clock'],
    [true, 'seconds'],
    [Number.POSITIVE_INFINITY, 'clock'],
  ])('%j as %s is unreadable', (cell, unit) => {
    expect(readDuration(cell, unit)).toBeNaN();
  });
});
