// Bytes of a YAML file → text, refusing what is not UTF-8 text. Pure: the caller reads the
// file. (Ticket exports in GBK are decoded elsewhere, by the evaluator's readers.)
import { error, type Diagnostic } from '../errors.js';

export type Decoded = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUtf8Text(bytes: Uint8Array, file: string): Decoded {
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
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}
