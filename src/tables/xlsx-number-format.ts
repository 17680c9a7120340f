// What an XLSX number format says a number is: a plain number, a date (or date and time),
// a time of day, or an elapsed time ([h]:mm:ss) — and the text a time cell is read as.
// Excel stores a time as a fraction of a day (0:03:40 is 0.0025463); only the cell's
// format says so. Dates stay serial numbers (the time fields read those); a time-only
// format makes the cell its clock text, so that a duration is never read as a fraction of
// a day without a word. Pure; knows nothing of XML.

/** How a number formatted so is read. */
export type FormatKind = 'number' | 'date' | 'time' | 'elapsed';

/** One byte per kind, for a table indexed by style: NUMBER (0) is a number as written. */
export const NUMBER = 0;
export const TIME = 1;
export const ELAPSED = 2;

/**
 * Built-in formats (ECMA-376 Part 1, 18.8.30, and the East Asian and Thai ids of
 * [MS-XLS] 2.4.126) that are times: 18–21 (h:mm AM/PM … h:mm:ss), 45 mm:ss, 46 [h]:mm:ss,
 * 47 mmss.0; in every East Asian locale 32–35 (h"时"mm"分" …); Thai 76, 77, 79, 80, 81.
 * 14–17, 22, 27–31, 36, 50–54, 57, 58, 71–75 and 78 are dates and read as numbers, as
 * before. 55 and 56 are left out: times in Chinese (上午/下午h"时"mm"分"), dates in
 * Japanese and Korean, and the file does not say which.
 */
const BUILTIN_TIMES: ReadonlyMap<number, FormatKind> = new Map([
  ...[18, 19, 20, 21, 32, 33, 34, 35, 45, 47, 76, 77, 79, 81].map((id) => [id, 'time'] as const),
  [46, 'elapsed'],
  [80, 'elapsed'],
]);
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58, 71, 72, 73, 74, 75, 78]);

/** The kind of built-in format `id` (one without a `<numFmt>` in the workbook). */
export function builtinFormatKind(id: number): FormatKind {
  return BUILTIN_TIMES.get(id) ?? (BUILTIN_DATES.has(id) ? 'date' : 'number');
}

/** Date and time parts of a format code, in order: y d h s, M (month or minute), and H N S for [h] [m] [s]. */
function dateTimeTokens(code: string): string {
  let tokens = '';
  const lower = code.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!;
    if (c === '"') {
      const end = lower.indexOf('"', i + 1);
      i = end === -1 ? lower.length : end; // quoted text: "h", "时"
    } else if (c === '\\' || c === '_' || c === '*') {
      i++; // an escaped character, a space as wide as one, a fill character
    } else if (c === '[') {
      const end = lower.indexOf(']', i + 1);
      const inner = lower.slice(i + 1, end === -1 ? lower.length : end);
      // [h] [mm] [ss]: elapsed; [Red], [>=100], [$-804], [DBNum1]: colour, condition, locale.
      if (/^(h+|m+|s+)$/.test(inner)) tokens += inner[0] === 'h' ? 'H' : inner[0] === 'm' ? 'N' : 'S';
      i = end === -1 ? lower.length : end;
    } else if (lower.startsWith('am/pm', i) || lower.startsWith('a/p', i)) {
      i += lower.startsWith('am/pm', i) ? 4 : 2; // the M of AM/PM is no month
    } else if (lower.startsWith('general', i)) {
      i += 6;
    } else if (c === 'e' && (lower[i + 1] === '+' || lower[i + 1] === '-')) {
      i++; // 0.00E+00: an exponent, not the era year
    } else if (c === 'y' || c === 'e' || c === 'b' || c === 'g') {
      tokens += 'y'; // years (e: era year, b: Buddhist year, g: era name)
    } else if (c === 'd' || c === 'a') {
      tokens += 'd'; // days (aaa: the weekday in Chinese and Japanese)
    } else if (c === 'h' || c === 's') {
      tokens += c;
    } else if (c === 'm') {
      tokens += 'M'; // month or minute: decided below
    }
    // A run of one letter (yyyy, hh, mm) is one part.
    if (tokens.length > 1 && tokens[tokens.length - 1] === tokens[tokens.length - 2]) tokens = tokens.slice(0, -1);
  }
  return tokens;
}

/**
 * The kind of a custom format code (`<numFmt formatCode>`), by its first section (the one
 * for positive numbers): a date when it shows a year, day or month; otherwise a time when
 * it shows hours, minutes or seconds, elapsed when any of them is in brackets ([h]:mm:ss).
 * `m` is minutes right after an hour or right before a second (`h:mm`, `mm:ss`), as Excel
 * reads it, else a month. Quoted text, escaped characters and bracketed colours,
 * conditions and locales are not parts.
 */
export function formatKind(code: string): FormatKind {
  const section = firstSection(code);
  const tokens = dateTimeTokens(section);
  let time = false;
  let elapsed = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === 'y' || t === 'd') return 'date';
    if (t === 'M') {
      const before = tokens[i - 1];
      const after = tokens[i + 1];
      if (before !== 'h' && before !== 'H' && after !== 's' && after !== 'S') return 'date';
      time = true;
    } else if (t === 'H' || t === 'N' || t === 'S') {
      time = elapsed = true;
    } else if (t === 'h' || t === 's') time = true;
  }
  return elapsed ? 'elapsed' : time ? 'time' : 'number';
}

/** The code up to its first `;` outside quotes and brackets. */
function firstSection(code: string): string {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '\\' && !quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '[') bracket = true;
    else if (!quoted && c === ']') bracket = false;
    else if (c === ';' && !quoted && !bracket) return code.slice(0, i);
  }
  return code;
}

/** Excel counts time in days; the text is to the second. */
const SECONDS_PER_DAY = 86_400;
/** Seconds beyond this are not whole numbers in a double: such a "duration" stays the number it is. */
const MAX_SECONDS = Number.MAX_SAFE_INTEGER;

/**
 * The text a number in a time format (TIME or ELAPSED) is read as, or undefined when it
 * stays a number: a time of day of a whole day or more is a date and time shown by its
 * time only (the serial keeps the date, which a time field reads), and an elapsed time too
 * large for whole seconds is not a time anyone recorded.
 */
export function timeCellText(value: number, kind: number): string | undefined {
  if (kind === TIME) return value > -1 && value < 1 ? clockText(value, false) : undefined;
  return Math.abs(value) * SECONDS_PER_DAY <= MAX_SECONDS ? clockText(value, true) : undefined;
}

/**
 * The text of a number shown in a time format, always `h:mm:ss` (hours unpadded, then
 * minutes and seconds of two digits), rounded to the nearest second as Excel shows it.
 * A time of day (`time`) drops whole days, as Excel does; an elapsed time keeps them as
 * hours (`26:03:40`). Always three parts, whatever the format shows (`mm:ss`, `h:mm`):
 * `3:40` could be minutes or hours to whoever reads the text. A negative value keeps its
 * sign (`-0:03:40`, as Excel shows it in a 1904 workbook).
 */
function clockText(value: number, elapsed: boolean): string {
  const magnitude = Math.abs(value);
  let seconds = Math.round((elapsed ? magnitude : magnitude - Math.floor(magnitude)) * SECONDS_PER_DAY);
  if (!elapsed && seconds === SECONDS_PER_DAY) seconds = 0; // 23:59:59.6 rounds to the next midnight
  const s = seconds % 60;
  const m = Math.floor(seconds / 60) % 60;
  const h = Math.floor(seconds / 3600);
  return `${value < 0 ? '-' : ''}${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}`;
}
