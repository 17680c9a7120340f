// The commonest forms of a cell read straight from its UTF-8 bytes, so that the CSV reader
// need not make a string for every field of a million rows: `2026-10-03 09:05:00`, `Y`/`N`
// and 是/否, plain decimals. Each reader accepts only text that the string reader of
// parse-value.ts reads the same way, and gives exactly its result; for anything else it
// says "ask the string reader" (NaN, or NOT_DECIDED) — it never guesses. Pure.
import { wallOf } from './parse-value.js';

/** A boolean the byte reader leaves to readBoolean. */
export const NOT_DECIDED = -2;

/** The number of two ASCII digits at b[i], or -1. Small integers only: no NaN in the hot path. */
function twoAt(b: Uint8Array, i: number): number {
  const hi = b[i]! - 48;
  const lo = b[i + 1]! - 48;
  return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
}

/**
 * Wall time of `YYYY-MM-DD HH:MM[:SS]` (or with `T`) in `b[start, end)`, as fastWall in
 * parse-value reads the same text; NaN for any other form (the string reader then decides).
 * Every position is checked to be an ASCII digit or separator, so the bytes are the
 * text's characters one for one.
 */
export function wallFromBytes(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if ((n !== 16 && n !== 19) || b[start + 4] !== 45 || b[start + 7] !== 45 || b[start + 13] !== 58) return NaN;
  const sep = b[start + 10];
  if (sep !== 32 && sep !== 84) return NaN;
  let second = 0;
  if (n === 19) {
    if (b[start + 16] !== 58) return NaN;
    second = twoAt(b, start + 17);
  }
  const century = twoAt(b, start);
  const yy = twoAt(b, start + 2);
  const month = twoAt(b, start + 5);
  const day = twoAt(b, start + 8);
  const hour = twoAt(b, start + 11);
  const minute = twoAt(b, start + 14);
  if ((century | yy | month | day | hour | minute | second) < 0) return NaN;
  return wallOf(century * 100 + yy, month, day, hour, minute, second, 0);
}

/** 1 or 0 for the usual one-character answers (Y/N, y/n, 1/0, 是/否) and a blank; else NOT_DECIDED. */
export function booleanFromBytes(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0) return 0;
  if (n === 1) {
    const c = b[start];
    if (c === 89 || c === 121 || c === 49) return 1;
    if (c === 78 || c === 110 || c === 48) return 0;
  } else if (n === 3) {
    const c0 = b[start];
    const c1 = b[start + 1];
    const c2 = b[start + 2];
    if (c0 === 0xe6 && c1 === 0x98 && c2 === 0xaf) return 1; // 是
    if (c0 === 0xe5 && c1 === 0x90 && c2 === 0xa6) return 0; // 否
  }
  return NOT_DECIDED;
}

/** Exact powers of ten: every one up to 1e22 is a double. */
const POWERS = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** Above this, ten times the mantissa plus a digit may not be exact. */
const MANTISSA_LIMIT = (Number.MAX_SAFE_INTEGER - 9) / 10;

/**
 * A plain decimal (`299.23`, `-5`, `+.5`, `7.`) with at most fifteen-odd significant digits;
 * NaN for anything else (spaces, grouping, %, exponents, long numbers), which readNumber
 * then reads. The value is the digits as an exact integer divided by an exact power of
 * ten: one correctly rounded division, hence exactly what Number() gives for the text.
 */
export function numberFromBytes(b: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  const first = b[i];
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let point = false;
  for (; i < end; i++) {
    const c = b[i]!;
    if (c === 46) {
      if (point) return NaN;
      point = true;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9 || mantissa > MANTISSA_LIMIT) return NaN;
    mantissa = mantissa * 10 + d;
    digits++;
    if (point) scale++;
  }
  if (digits === 0 || scale > 22) return NaN;
  const value = scale === 0 ? mantissa : mantissa / POWERS[scale]!;
  return negative ? -value : value;
}
