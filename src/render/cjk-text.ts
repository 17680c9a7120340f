// What Chinese text needs that Latin text does not: which characters are full width, how
// wide a string is on paper, and joining lines without the space Latin text puts between
// them. Pure.

/**
 * Han ideographs, CJK punctuation and symbols, kana, Hangul, full-width forms. A rough cut of
 * Unicode East Asian Width F/W that covers what Chinese documents contain.
 */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

/** Full-width punctuation, next to which no space is ever wanted. */
const WIDE_PUNCTUATION = /[\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\uFE10-\uFE19\uFE30-\uFE4F]/u;

export function isWide(char: string): boolean {
  return WIDE.test(char);
}

export function isWidePunctuation(char: string): boolean {
  return WIDE_PUNCTUATION.test(char);
}

/** Width in half-em units: a Chinese character counts 2, a Latin letter or digit 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char) ? 2 : 1;
  return width;
}

/**
 * Whether a line break between these two characters is dropped rather than read as a space:
 * between two full-width characters, or next to full-width punctuation (as CSS Text 3 does).
 */
export function breakVanishes(before: string, after: string): boolean {
  if (before === '' || after === '') return true;
  if (isWidePunctuation(before) || isWidePunctuation(after)) return true;
  return isWide(before) && isWide(after);
}

function lastChar(text: string): string {
  const chars = Array.from(text);
  return chars[chars.length - 1] ?? '';
}

function firstChar(text: string): string {
  return Array.from(text)[0] ?? '';
}

/** Joins lines into one: no space between Chinese characters, one space elsewhere. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out !== '' && !breakVanishes(lastChar(out), firstChar(line))) out += ' ';
    out += line;
  }
  return out;
}

export { lastChar, firstChar };
