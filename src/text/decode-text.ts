// Bytes of a YAML file → text, refusing what is not UTF-8 text. Pure: the caller reads the
// file. (Ticket exports in GBK are decoded elsewhere, by the evaluator's readers.)
import { error, type Diagnostic } from '../errors.js';

export type Decoded = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * UTF-16 by its byte order mark, or without one by a zero byte in every other place of
 * the first characters (ASCII text saved as UTF-16, as Windows Notepad may): a policy saved
 * so is still a text file, not binary data.
 */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const pairs = Math.min(8, Math.floor(bytes.length / 2));
  if (pairs < 2) return undefined;
  let le = 0;
  let be = 0;
  for (let i = 0; i < pairs; i++) {
    const [a, b] = [bytes[2 * i]!, bytes[2 * i + 1]!];
    if (a !== 0 && b === 0) le++;
    if (a === 0 && b !== 0) be++;
  }
  return le === pairs ? 'utf-16le' : be === pairs ? 'utf-16be' : undefined;
}

export function decodeUtf8Text(bytes: Uint8Array, file: string): Decoded {
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    try {
      return { ok: true, text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch {
      return { ok: false, diagnostic: error('not-utf16', { encoding: utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE' }, { file, line: 1, col: 1 }) };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, diagnostic: error('not-text', { line: lineAt(bytes, nul) }, { file, line: lineAt(bytes, nul), col: 1 }) };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const line = lineAt(bytes, bad);
    return { ok: false, diagnostic: error('not-utf8', { line }, { file, line, col: 1 }) };
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range rules out overlong forms, surrogates and code points past
    // U+10FFFF, as the decoders do (E0 A0–BF, ED 80–9F, F0 90–BF, F4 80–8F).
    const second = bytes[i + 1];
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (length > 1 && second !== undefined && (second < low || second > high)) return i;
    if (i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}
