// The parts of an .xlsx file that matter for reading a table, parsed from their XML text:
// the workbook's sheet list, relationships, shared strings and sheet rows. A lean scanner
// rather than a general XML parser: sheet XML is regular and a million rows must read in
// seconds. Incremental (text goes in as chunks cut anywhere) and pure.
import { isTrimSpace, type Cell } from './parse-value.js';
import { builtinFormatKind, ELAPSED, formatKind, NUMBER, TIME, timeCellText, type FormatKind } from './xlsx-number-format.js';

/** Excel's last row and column (XFD): a reference beyond them is a forged or broken file. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/**
 * How much XML one row or one shared string may span. Excel holds at most 32,767
 * characters in a cell; a row of a real export is a few kilobytes. Without a bound, a row
 * or string that never closes is buffered until V8 cannot make the string.
 */
export const MAX_ROW_CHARS = 16 * 1024 * 1024;
export const MAX_STRING_CHARS = 1024 * 1024;
/**
 * Cells a sheet may hand over, counting the empty ones before a cell far to the right:
 * 2 GiB of sheet XML (zip-archive's limit) holds fewer real cells than this, so only a
 * sheet of gaps (`<c r="XFD1">` on every row) reaches it.
 */
export const MAX_SHEET_CELLS = 2 ** 28;
/**
 * Cell styles (`<xf>` of `<cellXfs>`) and number formats (`<numFmt>`) styles.xml may
 * declare. Excel allows 64,000 cell styles and about 250 number formats in a workbook; a
 * part with far more is forged, and must not make the reader hold millions of entries.
 */
export const MAX_CELL_STYLES = 1 << 20;
export const MAX_NUMBER_FORMATS = 1 << 16;

/** What makes a part unusable: a reference beyond Excel's limits, a size beyond aspm's, or broken XML. */
export type XlsxProblem =
  | { readonly kind: 'row-beyond'; readonly row: number }
  | { readonly kind: 'column-beyond'; readonly ref: string; readonly row: number }
  | { readonly kind: 'row-size' | 'string-size' | 'cells' | 'styles'; readonly limit: number }
  | { readonly kind: 'xml' }
  | { readonly kind: 'shared-string'; readonly index: string; readonly row: number };

export class XlsxPartError extends Error {
  constructor(readonly problem: XlsxProblem) {
    super(problem.kind);
  }
}

/** Whether the text that ended a part closes its root element (`</worksheet>`, `</x:sst>`, `<sst … />`). */
function closesRoot(tail: string, root: string): boolean {
  return new RegExp(`(?:</(?:[\\w.-]+:)?${root}\\s*>|<(?:[\\w.-]+:)?${root}\\b[^<>]*/>)\\s*$`).test(tail);
}

/** Enough of a part's end to hold its root's closing tag, or a whole empty root with its namespaces. */
const TAIL = 512;

/** Checks that a small part (workbook, relationships) is whole: its root element closes. */
export function checkWholePart(xml: string, root: string): void {
  if (!closesRoot(xml.slice(-TAIL), root)) throw new XlsxPartError({ kind: 'xml' });
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** XML text content → string (entities, then OOXML `_xHHHH_` escapes). */
export function unescapeXml(text: string): string {
  let s = text;
  if (s.includes('&')) {
    s = s.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
      name ? NAMED[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
    );
  }
  if (s.includes('_x')) s = s.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

const ATTRIBUTES = new Map<string, RegExp>();

/** The value of attribute `name` in a start tag's text, or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  // Made once per name: styles.xml may have tens of thousands of tags to ask.
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

function startTags(xml: string, element: string): string[] {
  const re = new RegExp(`<(?:\\w+:)?${element}\\b([^>]*)>`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1] ?? '');
}

export interface WorkbookSheet {
  readonly name: string;
  readonly relId: string;
  readonly hidden: boolean;
}

export interface Workbook {
  readonly sheets: readonly WorkbookSheet[];
  readonly date1904: boolean;
}

export function parseWorkbook(xml: string): Workbook {
  checkWholePart(xml, 'workbook');
  const sheets = startTags(xml, 'sheet').map((tag) => ({
    name: attribute(tag, 'name') ?? '',
    relId: attribute(tag, 'r:id') ?? attribute(tag, 'id') ?? '',
    hidden: (attribute(tag, 'state') ?? 'visible') !== 'visible',
  }));
  const pr = startTags(xml, 'workbookPr')[0] ?? '';
  const date1904 = ['1', 'true'].includes(attribute(pr, 'date1904') ?? '');
  return { sheets, date1904 };
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

export function parseRelationships(xml: string): Relationship[] {
  checkWholePart(xml, 'Relationships');
  return startTags(xml, 'Relationship').map((tag) => ({
    id: attribute(tag, 'Id') ?? '',
    type: attribute(tag, 'Type') ?? '',
    target: attribute(tag, 'Target') ?? '',
  }));
}

/** A relationship target resolved against the folder of the part that names it. */
export function resolvePartPath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

/** Text of all `<t>` runs of a string item, leaving out phonetic guides (`<rPh>`). */
function stringItemText(xml: string): string {
  let body = xml;
  if (body.includes('<rPh')) body = body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  let from = 0;
  for (;;) {
    const open = body.indexOf('<t', from);
    if (open === -1) break;
    const after = body.charCodeAt(open + 2);
    if (after !== 62 && after !== 32 && after !== 47) {
      from = open + 2;
      continue; // another element starting with <t (e.g. <tabs>)
    }
    const close = body.indexOf('>', open);
    if (body.charCodeAt(close - 1) === 47) {
      from = close + 1; // <t/>
      continue;
    }
    const end = body.indexOf('</t>', close);
    if (end === -1) break;
    text += body.slice(close + 1, end);
    from = end + 4;
  }
  return unescapeXml(text);
}

/** Collects `<si>` items of sharedStrings.xml as text arrives. */
export class SharedStringsParser {
  readonly strings: string[] = [];
  private buffer = '';
  private tail = '';

  push(chunk: string): void {
    this.tail = (this.tail + chunk.slice(-TAIL)).slice(-TAIL);
    const buf = this.buffer + chunk;
    let pos = 0;
    for (;;) {
      const open = buf.indexOf('<si', pos);
      if (open === -1) {
        pos = Math.max(pos, buf.length - 3);
        break;
      }
      const after = buf.charCodeAt(open + 3);
      if (Number.isNaN(after)) {
        pos = open;
        break;
      }
      if (after !== 62 && after !== 32 && after !== 47) {
        pos = open + 3;
        continue;
      }
      const tagEnd = buf.indexOf('>', open);
      if (tagEnd === -1) {
        pos = open;
        break;
      }
      if (buf.charCodeAt(tagEnd - 1) === 47) {
        this.strings.push('');
        pos = tagEnd + 1;
        continue;
      }
      const close = buf.indexOf('</si>', tagEnd);
      if (close === -1) {
        pos = open;
        break;
      }
      this.strings.push(stringItemText(buf.slice(tagEnd + 1, close)));
      pos = close + 5;
    }
    this.buffer = buf.slice(pos);
    if (this.buffer.length > MAX_STRING_CHARS) throw new XlsxPartError({ kind: 'string-size', limit: MAX_STRING_CHARS });
  }

  /** The part has ended: it must have ended whole (a cut one loses strings without a word). */
  end(): void {
    if (!closesRoot(this.tail, 'sst')) throw new XlsxPartError({ kind: 'xml' });
  }
}

/** Where the `>` that ends the tag opened at `open` is (quoted `>` are inside it), or −1 when it has not come yet. */
function tagEnd(buf: string, open: number): number {
  let quote = 0;
  for (let i = open + 1; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

/**
 * Reads styles.xml as text arrives, for what a cell's style (`s`) says of its number: the
 * number format of each cell style (`<cellXfs>`), built-in or declared (`<numFmts>`),
 * classified once, so that a sheet of a million rows looks each cell's style up in an
 * array. Holds one tag at a time, the formats' kinds and one number per cell style.
 */
export class StylesParser {
  private buffer = '';
  private tail = '';
  private inNumberFormats = false;
  private inCellStyles = false;
  private readonly formats = new Map<number, FormatKind>();
  private readonly styleFormats: number[] = [];

  push(chunk: string): void {
    this.tail = (this.tail + chunk.slice(-TAIL)).slice(-TAIL);
    const buf = this.buffer + chunk;
    let pos = 0;
    for (;;) {
      const open = buf.indexOf('<', pos);
      if (open === -1) {
        pos = buf.length;
        break;
      }
      const end = tagEnd(buf, open);
      if (end === -1) {
        pos = open;
        break;
      }
      this.tag(buf.slice(open + 1, end));
      pos = end + 1;
    }
    this.buffer = buf.slice(pos);
    // A format code is at most 255 characters in Excel: a tag that never ends is not one.
    if (this.buffer.length > MAX_STRING_CHARS) throw new XlsxPartError({ kind: 'string-size', limit: MAX_STRING_CHARS });
  }

  end(): void {
    if (!closesRoot(this.tail, 'styleSheet')) throw new XlsxPartError({ kind: 'xml' });
  }

  /**
   * What each cell style makes of a number, indexed by style id: NUMBER, TIME or ELAPSED;
   * undefined when no style is a time (then the sheet need not read styles at all).
   */
  timeStyles(): Uint8Array | undefined {
    const kinds = new Uint8Array(this.styleFormats.length);
    let any = false;
    for (let i = 0; i < kinds.length; i++) {
      const id = this.styleFormats[i]!;
      const kind = this.formats.get(id) ?? builtinFormatKind(id);
      kinds[i] = kind === 'time' ? TIME : kind === 'elapsed' ? ELAPSED : NUMBER;
      if (kinds[i] !== NUMBER) any = true;
    }
    return any ? kinds : undefined;
  }

  private tag(text: string): void {
    const closing = text.startsWith('/');
    const qualified = TAG_NAME.exec(text)?.[1] ?? '';
    const name = qualified.slice(qualified.indexOf(':') + 1);
    const selfClosing = text.endsWith('/');
    if (name === 'numFmts') this.inNumberFormats = !closing && !selfClosing;
    else if (name === 'cellXfs') this.inCellStyles = !closing && !selfClosing;
    else if (closing) return;
    else if (name === 'numFmt' && this.inNumberFormats) {
      // A differential format (<dxf>, conditional formatting) has its <numFmt> outside <numFmts>.
      const id = formatId(attribute(text, 'numFmtId'));
      if (id < 0) return;
      if (this.formats.size >= MAX_NUMBER_FORMATS && !this.formats.has(id)) throw new XlsxPartError({ kind: 'styles', limit: MAX_NUMBER_FORMATS });
      this.formats.set(id, formatKind(attribute(text, 'formatCode') ?? ''));
    } else if (name === 'xf' && this.inCellStyles) {
      if (this.styleFormats.length >= MAX_CELL_STYLES) throw new XlsxPartError({ kind: 'styles', limit: MAX_CELL_STYLES });
      // No number format, or one that is not a number: General.
      this.styleFormats.push(Math.max(0, formatId(attribute(text, 'numFmtId'))));
    }
  }
}

const TAG_NAME = /^\/?([^\s/]+)/;

/** A numFmtId as written, or −1 when it is not a whole number. */
function formatId(text: string | undefined): number {
  const n = text === undefined ? NaN : Number(text);
  return Number.isSafeInteger(n) && n >= 0 ? n : -1;
}

/**
 * The one-character name of an attribute written in `buf[from, to)` as its code (r → 114),
 * or −1 for any other name: what `buf.slice(from, to).trim()` compared with 'r' or 't' says.
 */
function attributeName(buf: string, from: number, to: number): number {
  let s = from;
  let e = to;
  while (s < e && isTrimSpace(buf.charCodeAt(s))) s++;
  while (e > s && isTrimSpace(buf.charCodeAt(e - 1))) e--;
  return e - s === 1 ? buf.charCodeAt(s) : -1;
}

/** Column index (0-based) of the cell reference (such as `AB12`) in `buf[from, to)`, without cutting it out. */
function columnAt(buf: string, from: number, to: number): number {
  let column = 0;
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + (c - 64);
    else if (c >= 97 && c <= 122) column = column * 26 + (c - 96);
    else break;
    // Stop counting past XFD: `ZZZZZZ…` must not grow into a number no row can be padded to.
    if (column > EXCEL_COLUMNS) return column - 1;
  }
  return column - 1;
}

/** The number written as 1–9 ASCII digits in `buf[from, to)`, or −1 for anything else (then Number() decides). */
function digitsAt(buf: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export type SheetRowHandler = (cells: Cell[], row: number) => void;

/**
 * Turns sheet XML into rows of cells: shared and inline strings, numbers (dates are
 * numbers: Excel serial days), booleans, formula results, and error values as their text
 * (`#N/A`), which later read as unreadable. A number whose cell style is a time format
 * (`timeStyles`, from StylesParser) is its clock text, `0:03:40` (xlsx-number-format.ts).
 */
export class SheetScanner {
  private buffer = '';
  private tail = '';
  private lastRow = 0;
  private cellBudget: number;
  /** Bytes of XML consumed, for progress. */
  consumed = 0;

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly onRow: SheetRowHandler,
    private readonly maxCells = MAX_SHEET_CELLS,
    private readonly timeStyles?: Uint8Array,
  ) {
    this.cellBudget = maxCells;
  }

  push(chunk: string): void {
    this.tail = (this.tail + chunk.slice(-TAIL)).slice(-TAIL);
    const buf = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    let pos = 0;
    const length = buf.length;
    for (;;) {
      const open = buf.indexOf('<row', pos);
      if (open === -1) {
        pos = Math.max(pos, length - 4);
        break;
      }
      const after = buf.charCodeAt(open + 4);
      if (Number.isNaN(after)) {
        pos = open;
        break;
      }
      if (after !== 32 && after !== 62 && after !== 47) {
        pos = open + 4;
        continue;
      }
      const tagEnd = buf.indexOf('>', open);
      if (tagEnd === -1) {
        pos = open;
        break;
      }
      if (buf.charCodeAt(tagEnd - 1) === 47) {
        this.onRow([], this.rowNumber(buf, open + 4, tagEnd));
        pos = tagEnd + 1;
        continue;
      }
      const close = buf.indexOf('</row>', tagEnd);
      if (close === -1) {
        pos = open;
        break;
      }
      const rowNumber = this.rowNumber(buf, open + 4, tagEnd);
      const cells = this.cells(buf, tagEnd + 1, close, rowNumber);
      this.cellBudget -= cells.length;
      if (this.cellBudget < 0) throw new XlsxPartError({ kind: 'cells', limit: this.maxCells });
      this.onRow(cells, rowNumber);
      pos = close + 6;
    }
    this.consumed += pos;
    this.buffer = pos >= length ? '' : buf.slice(pos);
    if (this.buffer.length > MAX_ROW_CHARS) throw new XlsxPartError({ kind: 'row-size', limit: MAX_ROW_CHARS });
  }

  /** The part has ended: a sheet cut short (a row left open, no `</worksheet>`) is never read as a shorter sheet. */
  end(): void {
    if (!closesRoot(this.tail, 'worksheet')) throw new XlsxPartError({ kind: 'xml' });
  }

  private rowNumber(buf: string, from: number, to: number): number {
    const at = buf.indexOf(' r="', from);
    let n = -1;
    if (at !== -1 && at < to) n = parseInt(buf.slice(at + 4, buf.indexOf('"', at + 4)), 10);
    if (!(n > 0)) n = this.lastRow + 1;
    if (n > EXCEL_ROWS) throw new XlsxPartError({ kind: 'row-beyond', row: n });
    this.lastRow = n;
    return n;
  }

  private cells(buf: string, from: number, to: number, row: number): Cell[] {
    const cells: Cell[] = [];
    const styles = this.timeStyles;
    let pos = from;
    let next = 0;
    while (pos < to) {
      const open = buf.indexOf('<c', pos);
      if (open === -1 || open >= to) break;
      const after = buf.charCodeAt(open + 2);
      if (after !== 32 && after !== 62 && after !== 47) {
        pos = open + 2;
        continue;
      }
      const tagEnd = buf.indexOf('>', open);
      let column = next;
      let type = '';
      let style = -1;
      // Attributes: r (reference), t (type) and, when some style is a time, s (style). Names
      // are found by character codes, without cutting strings: a million rows have sixteen million.
      let a = open + 2;
      while (a < tagEnd) {
        const eq = buf.indexOf('="', a);
        if (eq === -1 || eq > tagEnd) break;
        const valueEnd = buf.indexOf('"', eq + 2);
        const name = attributeName(buf, a, eq);
        if (name === 114) {
          column = columnAt(buf, eq + 2, valueEnd); // r
          if (column >= EXCEL_COLUMNS) throw new XlsxPartError({ kind: 'column-beyond', ref: buf.slice(eq + 2, Math.min(valueEnd, eq + 34)), row });
        } else if (name === 116) type = buf.slice(eq + 2, valueEnd); // t
        else if (name === 115 && styles !== undefined) style = digitsAt(buf, eq + 2, valueEnd); // s
        a = valueEnd + 1;
      }
      // Cells without a reference count on from the last: they may not walk past XFD either.
      if (column >= EXCEL_COLUMNS) throw new XlsxPartError({ kind: 'column-beyond', ref: `#${column + 1}`, row });
      next = column + 1;
      if (buf.charCodeAt(tagEnd - 1) === 47) {
        pos = tagEnd + 1;
        continue;
      }
      const close = buf.indexOf('</c>', tagEnd);
      const end = close === -1 || close > to ? to : close;
      pos = end + 4;
      let value: Cell = null;
      if (type === 'inlineStr') {
        value = stringItemText(buf.slice(tagEnd + 1, end));
      } else {
        const v = buf.indexOf('<v', tagEnd);
        if (v === -1 || v >= end) continue;
        const vStart = buf.indexOf('>', v) + 1;
        if (buf.charCodeAt(vStart - 2) === 47) continue; // <v/>
        const vEnd = buf.indexOf('</v>', vStart);
        if (type === 's') {
          // A shared string's index, read without cutting it out when it is plain digits.
          const index = digitsAt(buf, vStart, vEnd);
          const shared = this.sharedStrings[index >= 0 ? index : Number(buf.slice(vStart, vEnd))];
          // A string the table does not have: the part is broken, and the cell is not empty.
          if (shared === undefined) throw new XlsxPartError({ kind: 'shared-string', index: buf.slice(vStart, Math.min(vEnd, vStart + 20)), row });
          value = shared;
          while (cells.length < column) cells.push(null);
          cells[column] = value;
          continue;
        }
        const raw = buf.slice(vStart, vEnd);
        switch (type) {
          case '':
          case 'n':
            value = Number(raw);
            if (value !== value) value = raw;
            else if (style >= 0 && styles !== undefined && style < styles.length && styles[style] !== NUMBER) value = timeCellText(value, styles[style]!) ?? value;
            break;
          case 'b':
            value = raw === '1' || raw === 'true';
            break;
          default: // str (formula text), e (error), d (ISO date)
            value = unescapeXml(raw);
        }
      }
      while (cells.length < column) cells.push(null);
      cells[column] = value;
    }
    return cells;
  }
}
