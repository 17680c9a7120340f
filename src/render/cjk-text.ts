// What Chinese text needs that Latin text does not: where a line break between characters
// vanishes, and joining lines without the space Latin text puts between them (how wide a
// string is: src/text/display-width.ts). Pure.
import { isWide } from '../text/display-width.js';

/** Full-width punctuation, next to which no space is ever wanted. */
const WIDE_PUNCTUATION = /[\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\uFE10-\uFE19\uFE30-\uFE4F]/u;

function isWidePunctuation(char: string): boolean {
  return WIDE_PUNCTUATION.test(char);
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
