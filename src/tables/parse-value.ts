// Reading one cell of an export as a time, a yes/no, a number or a satisfaction score, in
// every form the issue lists. Pure and allocation-light: these run once per cell of a
// million-row file, so they return numbers (NaN = unreadable) instead of result objects,
// and `explain*` says why only for the few cells that fail.
import type { ZoneClock } from './time-zone.js';

/** A cell as the readers deliver it: text (CSV, JSON), numbers and booleans (XLSX, JSON). */
export type Cell = string | number | boolean | null | undefined;

const DAY = 86_400_000;
/** Excel's day 0 is 1899-12-30 (it counts a 29 Feb 1900 that never was). */
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, Excel's last day. */
const EXCEL_MAX_SERIAL = 2_958_466;

export function isBlank(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  // Only pay for trim when the text could be all white space.
  const c = cell.charCodeAt(0);
  return (c === 32 || c === 9 || c === 0x3000 || c === 0xa0) && cell.trim().length === 0;
}

/** Whether String.prototype.trim (and so cellText) removes this character (code unit or code point). */
export function isTrimSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Text of a cell, for text fields (ids, names, teams) and for messages. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  return String(cell);
}

// ── times ─────────────────────────────────────────────────────────────────────

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Wall time (as if UTC) of a date and time, NaN when the date does not exist. The day
 * count is plain arithmetic (days from the civil date, proleptic Gregorian): this runs for
 * several cells of every row, and Date.UTC costs ten times as much. Years below 100 keep
 * Date.UTC, which reads them as 19xx.
 */
export function wallOf(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return NaN;
  if (y < 100) return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146_097 + doe - 719_468;
  return days * DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

function two(s: string, i: number): number {
  return digit(s, i) * 10 + digit(s, i + 1);
}

/** `YYYY-MM-DD HH:MM[:SS]` (or with `T`), the form nearly every system writes: no regex. */
function fastWall(s: string): number {
  const n = s.length;
  if ((n !== 16 && n !== 19) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) return NaN;
  const sep = s.charCodeAt(10);
  if (sep !== 32 && sep !== 84) return NaN;
  const year = two(s, 0) * 100 + two(s, 2);
  let second = 0;
  if (n === 19) {
    if (s.charCodeAt(16) !== 58) return NaN;
    second = two(s, 17);
  }
  return wallOf(year, two(s, 5), two(s, 8), two(s, 11), two(s, 14), second, 0);
}

const TIME_PART = String.raw`(?:(?:\s+|T)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?)?`;
const OFFSET_PART = String.raw`\s*(Z|[+-]\d{2}(?::?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME_PART}${OFFSET_PART}$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[-.](\d{1,2})[-.](\d{4})${TIME_PART}${OFFSET_PART}$`, 'i');
const SLASH_YEAR_LAST = /^\d{1,2}\/\d{1,2}\/\d{4}/;
const NUMERIC = /^\d+(\.\d+)?$/;
const MERIDIEM = /\s*(上午|下午|凌晨|早上|中午|晚上|[AaPp]\.?[Mm]\.?)\s*/;

/** Chinese and 12-hour forms rewritten to the plain form, or the text unchanged. */
function normalise(text: string): { text: string; meridiem: 'am' | 'pm' | '' } {
  let s = text;
  if (/[年月日时点分秒：]/.test(s)) {
    s = s.replace(/[年月]/g, '-').replace(/日\s*/, ' ').replace(/[时点：]/g, ':').replace(/分/g, ':').replace(/秒/g, '');
    s = s.replace(/:+\s*$/, '').replace(/\s+:/g, ':').trim();
  }
  let meridiem: 'am' | 'pm' | '' = '';
  const m = MERIDIEM.exec(s);
  if (m) {
    const word = m[1]!.toLowerCase().replace(/\./g, '');
    meridiem = word === 'am' || word === '上午' || word === '凌晨' || word === '早上' ? 'am' : 'pm';
    s = (s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length)).trim();
    // "2026/10/3 下午 3:05" and "2026/10/3 3:05 PM" both leave "date time".
  }
  return { text: s, meridiem };
}

function offsetMs(text: string | undefined): number {
  if (!text) return NaN;
  if (text === 'Z' || text === 'z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 14 || minutes > 59) return NaN;
  return sign * (hours * 60 + minutes) * 60_000;
}

function fraction(text: string | undefined): number {
  return text ? Math.round(Number('0.' + text) * 1000) : 0;
}

interface WallResult {
  wall: number;
  /** The written offset in ms, or NaN when the text has none. */
  offset: number;
}

function parseWallText(raw: string): WallResult | undefined {
  const { text, meridiem } = normalise(raw);
  let m = YEAR_FIRST.exec(text);
  let y: number, mo: number, d: number;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else if ((m = DAY_FIRST.exec(text))) {
    d = Number(m[1]);
    mo = Number(m[2]);
    y = Number(m[3]);
  } else {
    return undefined;
  }
  let hour = m[4] === undefined ? 0 : Number(m[4]);
  if (meridiem) {
    if (hour < 1 || hour > 12) return { wall: NaN, offset: NaN };
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
  }
  const wall = wallOf(y, mo, d, hour, m[5] === undefined ? 0 : Number(m[5]), m[6] === undefined ? 0 : Number(m[6]), fraction(m[7]));
  const offset = m[8] === undefined ? NaN : offsetMs(m[8]);
  if (m[8] !== undefined && Number.isNaN(offset)) return { wall: NaN, offset: NaN };
  return { wall, offset };
}

/** Wall time of an Excel serial day number (days since 1899-12-30, or 1904-01-01). */
export function excelSerialToWall(serial: number, date1904 = false): number {
  if (!(serial >= 0) || serial >= EXCEL_MAX_SERIAL) return NaN;
  // Serials before 1 March 1900 (< 61) count Excel's phantom 29 Feb 1900: shift by a day.
  const base = date1904 ? EXCEL_EPOCH_1904 : serial < 61 ? EXCEL_EPOCH_1900 + DAY : EXCEL_EPOCH_1900;
  return base + Math.round(serial * DAY);
}

/**
 * A cell as an instant (UTC ms), NaN when it cannot be read. Times without an offset are
 * wall times in `clock`'s zone; with an offset (`Z`, `+08:00`) they are converted. Numbers
 * are Excel serial days (what a date cell holds); `date1904` for Mac workbooks.
 */
export function readTimestamp(cell: Cell, clock: ZoneClock, date1904 = false): number {
  if (typeof cell === 'number') return clock.wallToUtc(excelSerialToWall(cell, date1904));
  if (typeof cell !== 'string') return NaN;
  let s = cell;
  let wall = fastWall(s);
  if (wall === wall) return clock.wallToUtc(wall);
  s = s.trim();
  if (NUMERIC.test(s)) return clock.wallToUtc(excelSerialToWall(Number(s), date1904));
  const parsed = parseWallText(s);
  if (!parsed) return NaN;
  wall = parsed.wall;
  if (Number.isNaN(parsed.offset)) return clock.wallToUtc(wall);
  return wall - parsed.offset;
}

export type TimeProblem = 'time-unreadable' | 'time-impossible' | 'time-ambiguous';

/** Why `readTimestamp` gave NaN: unreadable, a date that does not exist, or day/month order unknown. */
export function explainTimestamp(cell: Cell): TimeProblem {
  if (typeof cell === 'number') return 'time-impossible';
  const s = cellText(cell);
  if (SLASH_YEAR_LAST.test(s)) return 'time-ambiguous';
  if (NUMERIC.test(s)) return 'time-impossible';
  return parseWallText(s) ? 'time-impossible' : 'time-unreadable';
}

/** Local date part of a cell as wall ms at midnight (for a date column joined with a time column). */
export function readDatePart(cell: Cell, date1904 = false): number {
  if (typeof cell === 'number') {
    const wall = excelSerialToWall(cell, date1904);
    return wall - (((wall % DAY) + DAY) % DAY);
  }
  const s = cellText(cell);
  if (NUMERIC.test(s)) return readDatePart(Number(s), date1904);
  const parsed = parseWallText(s);
  if (!parsed || !Number.isNaN(parsed.offset)) return NaN;
  return parsed.wall - (((parsed.wall % DAY) + DAY) % DAY);
}

const TIME_ONLY = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?$/;

/** Time of day of a cell in ms since midnight: `9:05`, `09:05:00`, `下午 3:05`, a day fraction. */
export function readTimeOfDay(cell: Cell): number {
  if (typeof cell === 'number') {
    if (!(cell >= 0)) return NaN;
    return Math.round((cell - Math.floor(cell)) * DAY) % DAY;
  }
  const s = cellText(cell);
  if (NUMERIC.test(s)) return readTimeOfDay(Number(s));
  const { text, meridiem } = normalise(s);
  const m = TIME_ONLY.exec(text);
  if (!m) {
    const parsed = parseWallText(s);
    return parsed && Number.isNaN(parsed.offset) ? ((parsed.wall % DAY) + DAY) % DAY : NaN;
  }
  let hour = Number(m[1]);
  if (meridiem) {
    if (hour < 1 || hour > 12) return NaN;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
  }
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  return ((hour * 60 + minute) * 60 + second) * 1000 + fraction(m[4]);
}

// ── yes / no ─────────────────────────────────────────────────────────────────

const YES = new Set(['是', 'y', 'yes', 'true', 't', '1', '有', '√', '✓', '✔', '对']);
const NO = new Set(['否', 'n', 'no', 'false', 'f', '0', '无', '没有', '×', '✗', '✘', '-', '错']);

/**
 * 1 for yes, 0 for no (a blank cell is no), -1 when unreadable. A count (重开次数 = 2) is
 * yes when above zero.
 */
export function readBoolean(cell: Cell): number {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell === 'number') return cell > 0 ? 1 : cell === 0 ? 0 : -1;
  if (cell.length === 1) {
    // The common one-character answers, without allocating.
    const c = cell.charCodeAt(0);
    if (c === 0x662f || c === 89 || c === 121 || c === 49) return 1; // 是 Y y 1
    if (c === 0x5426 || c === 78 || c === 110 || c === 48) return 0; // 否 N n 0
  }
  const s = cell.trim().toLowerCase();
  if (s === '') return 0;
  if (YES.has(s)) return 1;
  if (NO.has(s)) return 0;
  const n = readNumber(s);
  if (n === n && Number.isInteger(n)) return n > 0 ? 1 : n === 0 ? 0 : -1;
  return -1;
}

// ── numbers ──────────────────────────────────────────────────────────────────

const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const GROUPED_NUMBER = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const CURRENCY_PREFIX = /^[-+]?\s*[¥￥$€£]\s*/;

/** A number: `1234.5`, `1,234.5`, `85%` (→ 85), `¥1,200`, `1200元`; NaN when not a number. */
export function readNumber(cell: Cell): number {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NaN;
  if (typeof cell !== 'string') return NaN;
  let s = cell.trim();
  if (PLAIN_NUMBER.test(s)) return Number(s);
  if (s.endsWith('%') || s.endsWith('％')) s = s.slice(0, -1).trimEnd();
  else if (s.endsWith('元')) s = s.slice(0, -1).trimEnd();
  const currency = CURRENCY_PREFIX.exec(s);
  if (currency) s = (currency[0].trimStart().startsWith('-') ? '-' : '') + s.slice(currency[0].length);
  if (PLAIN_NUMBER.test(s)) return Number(s);
  if (GROUPED_NUMBER.test(s)) return Number(s.replace(/,/g, ''));
  return NaN;
}

// ── satisfaction ─────────────────────────────────────────────────────────────

/** Words used instead of scores on a 1–5 survey (回访 results are often text). */
const SATISFACTION_WORDS: ReadonlyMap<string, number> = new Map([
  ['非常满意', 5],
  ['很满意', 5],
  ['满意', 4],
  ['比较满意', 4],
  ['较满意', 4],
  ['一般', 3],
  ['基本满意', 3],
  ['不满意', 2],
  ['较不满意', 2],
  ['非常不满意', 1],
  ['很不满意', 1],
  ['very satisfied', 5],
  ['satisfied', 4],
  ['neutral', 3],
  ['dissatisfied', 2],
  ['unsatisfied', 2],
  ['very dissatisfied', 1],
]);

/**
 * A satisfaction score on the policy's scale, NaN when unreadable. Numbers outside the
 * scale are returned as they are; the caller judges them impossible. The five survey
 * words are read only on a 1–5 scale, where their meaning is unambiguous.
 */
export function readSatisfaction(cell: Cell, scaleMin: number, scaleMax: number): number {
  const n = readNumber(cell);
  if (n === n) return n;
  if (typeof cell !== 'string' || scaleMin !== 1 || scaleMax !== 5) return NaN;
  return SATISFACTION_WORDS.get(cell.trim().toLowerCase()) ?? NaN;
}

// ── durations ────────────────────────────────────────────────────────────────

/**
 * How a duration column is written: a number of seconds, minutes or hours, or `clock` —
 * `h:mm:ss` text (hours may pass 24, as Excel's `[h]:mm:ss` shows them: `125:10:00`), or
 * a number read as a fraction of a day, which is how Excel stores a time cell.
 */
export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'clock';

const MS_PER: Readonly<Record<Exclude<DurationUnit, 'clock'>, number>> = { seconds: 1000, minutes: 60_000, hours: 3_600_000 };

/** `h:mm:ss`, `-h:mm:ss`, `mm:ss` (two parts are minutes and seconds), with fractional seconds. */
const CLOCK = /^([-+])?(\d+):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?$/;
const DURATION_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const GROUPED_DURATION = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

function durationNumber(cell: Cell): number {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NaN;
  if (typeof cell !== 'string') return NaN;
  const s = cell.trim();
  if (DURATION_NUMBER.test(s)) return Number(s);
  if (GROUPED_DURATION.test(s)) return Number(s.replace(/,/g, ''));
  return NaN;
}

/**
 * A duration cell in milliseconds, NaN when unreadable; a negative duration is returned as
 * it is (the caller judges it). With `clock`, two parts (`03:40`) are minutes and seconds,
 * as call-centre exports write talk and wait times; three are hours, minutes and seconds.
 * Minutes and seconds past 59 are refused in text with more parts before them (`1:75:00`).
 */
export function readDuration(cell: Cell, unit: DurationUnit): number {
  if (unit !== 'clock') {
    const n = durationNumber(cell);
    return n === n ? n * MS_PER[unit] : NaN;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? Math.round(cell * DAY * 1000) / 1000 : NaN;
  if (typeof cell !== 'string') return NaN;
  const s = cell.trim();
  const m = CLOCK.exec(s);
  if (!m) {
    const n = durationNumber(s);
    return n === n ? Math.round(n * DAY * 1000) / 1000 : NaN;
  }
  const sign = m[1] === '-' ? -1 : 1;
  const first = Number(m[2]);
  const second = Number(m[3]);
  let ms: number;
  if (m[4] === undefined) {
    // mm:ss — minutes may pass 59 (`125:30`), seconds may not.
    if (second > 59) return NaN;
    ms = (first * 60 + second) * 1000;
  } else {
    const third = Number(m[4]);
    if (second > 59 || third > 59) return NaN;
    ms = ((first * 60 + second) * 60 + third) * 1000 + fraction(m[5]);
  }
  return sign * ms;
}
