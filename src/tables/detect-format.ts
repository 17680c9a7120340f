// What kind of file an export is, from its first bytes (and its name as a hint): XLSX,
// JSON array, JSON Lines or CSV; and for text, its encoding — UTF-8 with or without BOM,
// UTF-16 with BOM, or GBK/GB18030 as Excel on Chinese Windows writes it. Pure.
import chardet from 'chardet';
import { firstInvalidUtf8 } from '../text/decode-text.js';

export type TableFormat = 'csv' | 'xlsx' | 'json' | 'jsonl';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | (string & {});

export type Sniffed =
  | { readonly ok: true; readonly format: TableFormat }
  | { readonly ok: false; readonly problem: 'empty' | 'binary' | 'xls-legacy' };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Length of a byte-order mark and the encoding it announces. */
export function byteOrderMark(bytes: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without a BOM shows as a zero byte in every other position of ASCII text. */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.01;
}

/** The format of a file from its first bytes (a few KB) and, for text, its extension. */
export function sniffFormat(head: Uint8Array, path: string, encoding?: TextEncoding): Sniffed {
  if (head.length === 0) return { ok: false, problem: 'empty' };
  if (startsWith(head, ZIP)) return { ok: true, format: 'xlsx' };
  if (startsWith(head, OLE)) return { ok: false, problem: 'xls-legacy' };
  const bom = byteOrderMark(head);
  const textEncoding = encoding ?? bom?.encoding ?? utf16WithoutBom(head);
  let text: string;
  if (textEncoding === 'utf-16le' || textEncoding === 'utf-16be') {
    text = new TextDecoder(textEncoding).decode(head.subarray(bom?.length ?? 0, 4096));
  } else {
    if (looksBinary(head)) return { ok: false, problem: 'binary' };
    text = new TextDecoder('latin1').decode(head.subarray(bom?.length ?? 0, 4096));
  }
  const first = text.trimStart()[0];
  const lower = path.toLowerCase();
  if (first === '[') return { ok: true, format: 'json' };
  if (first === '{') return { ok: true, format: 'jsonl' };
  if (first === undefined && (lower.endsWith('.json') || lower.endsWith('.jsonl'))) return { ok: false, problem: 'empty' };
  return { ok: true, format: 'csv' };
}

/** GB18030 is a superset of GBK and GB2312; one decoder reads all three. */
function gb18030Valid(sample: Uint8Array): boolean {
  // The sample may end inside a character: drop up to three trailing bytes and retry.
  for (let cut = 0; cut < 4 && cut < sample.length; cut++) {
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch {
      // try a shorter sample
    }
  }
  return false;
}

/**
 * The encoding of a text export from its first bytes: a BOM decides; else UTF-8 when the
 * sample is valid UTF-8 (a character cut at the end of the sample is allowed); else
 * GB18030 when it decodes as such; else what chardet guesses.
 */
export function detectEncoding(sample: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  const bom = byteOrderMark(sample);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  const bad = firstInvalidUtf8(sample);
  if (bad >= sample.length - 3 && isUtf8Prefix(sample.subarray(bad))) return { encoding: 'utf-8', bomLength: 0 };
  if (gb18030Valid(sample)) return { encoding: 'gb18030', bomLength: 0 };
  const guess = chardet.detect(sample);
  if (guess && isSupportedEncoding(guess)) return { encoding: guess.toLowerCase(), bomLength: 0 };
  return { encoding: 'gb18030', bomLength: 0 };
}

/** Whether the bytes could be the start of one UTF-8 character cut off by the sample's end. */
function isUtf8Prefix(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  const b = bytes[0]!;
  const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (length === 0 || bytes.length >= length) return false;
  for (let i = 1; i < bytes.length; i++) if ((bytes[i]! & 0xc0) !== 0x80) return false;
  return true;
}

/** Encoding names accepted by --encoding, with the usual aliases. */
export function normaliseEncodingName(name: string): TextEncoding | undefined {
  const key = name.trim().toLowerCase().replace(/[_\s]/g, '-');
  const aliases: Record<string, TextEncoding> = {
    utf8: 'utf-8',
    'utf-8': 'utf-8',
    'utf-8-bom': 'utf-8',
    'utf-8-sig': 'utf-8',
    utf16: 'utf-16le',
    'utf-16': 'utf-16le',
    utf16le: 'utf-16le',
    'utf-16le': 'utf-16le',
    utf16be: 'utf-16be',
    'utf-16be': 'utf-16be',
    gbk: 'gb18030',
    gb2312: 'gb18030',
    gb18030: 'gb18030',
    cp936: 'gb18030',
    ansi: 'gb18030',
  };
  const known = aliases[key];
  if (known) return known;
  return isSupportedEncoding(key) ? key : undefined;
}

function isSupportedEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
