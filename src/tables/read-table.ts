// Streams a table file (CSV, XLSX, JSON array, JSON Lines) into a TableHandler: detects
// format and encoding, finds the header, numbers rows as a spreadsheet shows them, hashes
// the bytes for the report, and reports progress. All the parsing is in pure modules under
// src/evaluate; this file only moves bytes, and turns every way a file can be unreadable
// into an AspmError that says what to do.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { basename } from 'node:path';
import { AspmError } from '../errors.js';
import type { MessageCode } from '../i18n/catalogue.js';
import { byRecord, CsvByteRecord, forEachRecord } from './csv-byte-record.js';
import { CsvByteScanner, Utf8Error, type ReadAheadPlan } from './csv-bytes.js';
import { CsvParser, CsvUnclosedQuoteError } from './csv-parser.js';
import { byteOrderMark, detectEncoding, normaliseEncodingName, sniffFormat, type TableFormat, type TextEncoding } from './detect-format.js';
import { JsonArrayScanner, JsonFormatError, JsonLinesScanner, jsonCell } from './json-scanner.js';
import type { Cell } from './parse-value.js';
import type { RowView } from './row-view.js';
import { HeaderLocator, type TableHandler } from './table.js';
import { MAX_SHEET_CELLS, parseRelationships, parseWorkbook, resolvePartPath, SharedStringsParser, SheetScanner, StylesParser, XlsxPartError } from './xlsx-xml.js';
import { checkRegularFile, openFailure, openRegularFile } from '../io/read-input.js';
import { scanCsvInWorker, scanWorkerScript } from './scan-csv-in-worker.js';
import { ZipArchive, ZipFormatError, ZipLimitError, type ZipEntry } from '../io/zip-archive.js';

export interface ReadTableOptions {
  /** XLSX: the sheet to read (default the first visible one). */
  readonly sheet?: string;
  /** Text files: the encoding, instead of detecting it. */
  readonly encoding?: string;
  /** Called now and then with bytes read so far and the file's size. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Size of the pieces the file is read in (tests use small ones). */
  readonly chunkSize?: number;
  /**
   * A UTF-8 CSV: find its records in a second thread while this one uses them — true,
   * false, or (unset) for files of PARALLEL_FROM_BYTES and more when a core is free.
   */
  readonly parallel?: boolean;
}

/** Below this, starting a thread costs about what it saves. */
export const PARALLEL_FROM_BYTES = 16 * 1024 * 1024;

/**
 * Whether a second thread would find a core to run on: more than one core, and the
 * machine's load (the last minute) leaves one free. On a busy machine the two threads
 * of a read wait on each other and use more processor time in all than one thread, so
 * one thread is then faster; on a quiet one, two are.
 */
export function spareCore(): boolean {
  const cores = availableParallelism();
  return cores > 1 && loadavg()[0]! <= cores - 1;
}

export interface TableInfo {
  readonly path: string;
  readonly format: TableFormat;
  readonly encoding?: TextEncoding;
  readonly sheet?: string;
  readonly sheets?: readonly string[];
  readonly date1904: boolean;
  readonly headers: readonly string[];
  readonly headerRow: number;
  /** Non-blank rows after the header. */
  readonly rows: number;
  /** Non-blank rows above the header (titles), not read as data. */
  readonly rowsAboveHeader: number;
  readonly sha256: string;
  readonly bytes: number;
}

export interface TableConsumer extends TableHandler {
  /** How many known field names a candidate header row holds (to find the header). */
  score(headers: readonly string[]): number;
  /** Told the date system before any row (XLSX from a Mac may count from 1904). */
  dateSystem?(date1904: boolean): void;
  /** Fields a reader may read ahead in another thread, once the header is known. */
  readAhead?(): ReadAheadPlan | undefined;
}

const HEAD_BYTES = 64 * 1024;

function fail(code: 'table-empty' | 'table-header-only' | 'table-binary' | 'table-xls-legacy', path: string): AspmError {
  return new AspmError(code, { path }, { location: { file: path } });
}

export async function readTable(path: string, consumer: TableConsumer, options: ReadTableOptions = {}): Promise<TableInfo> {
  let size: number;
  let head: Uint8Array;
  try {
    // A FIFO or a device would block the reads below for ever: regular files only.
    await checkRegularFile(path);
    const info = await stat(path);
    size = info.size;
    // Found, but perhaps not readable (permissions, a socket, a device that refuses).
    head = await readHead(path);
  } catch (cause) {
    if (cause instanceof AspmError) throw cause;
    const d = openFailure(cause, path);
    throw new AspmError(d.code, d.params, { location: { file: path } });
  }
  const forced = options.encoding === undefined ? undefined : normaliseEncodingName(options.encoding);
  if (options.encoding !== undefined && forced === undefined) {
    throw new AspmError('encoding-unknown', { value: options.encoding }, { exitCode: 2 });
  }
  const sniffed = sniffFormat(head, path, forced);
  if (!sniffed.ok) {
    const code = sniffed.problem === 'empty' ? 'table-empty' : sniffed.problem === 'binary' ? 'table-binary' : 'table-xls-legacy';
    throw fail(code, path);
  }
  let result: Omit<TableInfo, 'headers' | 'headerRow' | 'rows' | 'rowsAboveHeader'> & { jsonRows?: number };
  let headers: readonly string[] = [];
  let headerRow = 0;
  const watching: TableHandler = {
    header(h, row) {
      headers = h;
      headerRow = row;
      consumer.header(h, row);
    },
    row: (cells, row) => consumer.row(cells, row),
    ...(consumer.rowView ? { rowView: (view: RowView, row: number) => consumer.rowView!(view, row) } : {}),
  };
  const tracked = new HeaderLocator((h) => consumer.score(h), watching);
  if (sniffed.format === 'xlsx') {
    try {
      result = await readXlsx(path, size, tracked, consumer, options);
      tracked.end();
    } catch (cause) {
      throw cause instanceof AspmError && options.sheet === undefined ? await withOtherSheets(cause, path) : cause;
    }
  } else {
    consumer.dateSystem?.(false);
    result = await readText(path, size, head, sniffed.format, forced, tracked, watching, options, consumer);
    tracked.end();
  }
  if (headers.length === 0) throw fail('table-empty', path);
  const { jsonRows, ...info } = result;
  const rows = jsonRows ?? tracked.dataRows;
  if (rows === 0) throw fail('table-header-only', path);
  return { ...info, headers, headerRow, rows, rowsAboveHeader: tracked.skippedAbove };
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await openRegularFile(path);
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function readText(
  path: string,
  size: number,
  head: Uint8Array,
  format: TableFormat,
  forced: TextEncoding | undefined,
  locator: HeaderLocator,
  direct: TableHandler,
  options: ReadTableOptions,
  consumer: TableConsumer,
) {
  const detected = forced ? { encoding: forced, bomLength: byteOrderMark(head)?.encoding === forced ? byteOrderMark(head)!.length : 0 } : detectEncoding(head);
  if (format === 'csv' && detected.encoding === 'utf-8') return readUtf8Csv(path, size, locator, options, consumer);
  const decoder = new TextDecoder(detected.encoding, { fatal: true, ignoreBOM: false });
  const hash = createHash('sha256');
  let push: (text: string) => void;
  let finish: () => void;
  let jsonRows: number | undefined;
  if (format === 'csv') {
    const parser = new CsvParser((fields, record) => locator.record(fields, record));
    push = (text) => parser.push(text);
    finish = () => parser.end();
  } else {
    // Exports often leave out a field that is empty, so the first object need not have
    // every key: the columns are all the keys of all the objects, in order of appearance.
    const keys = await jsonKeys(path, format, detected.encoding, options.chunkSize);
    if (keys.length > 0) direct.header(keys, 1);
    const onObject = (value: Record<string, unknown>, record: number) => {
      const cells: Cell[] = keys.map((k) => jsonCell(value[k]));
      jsonRows = (jsonRows ?? 0) + 1;
      direct.row(cells, record + 1);
    };
    const scanner = format === 'json' ? new JsonArrayScanner(onObject) : new JsonLinesScanner(onObject);
    jsonRows = 0;
    push = (text) => scanner.push(text);
    finish = () => scanner.end();
  }
  let done = 0;
  let offset = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new AspmError('encoding-mismatch', { path, encoding: detected.encoding, offset }, { location: { file: path } });
      }
      offset += chunk.length;
      if (text.length > 0) push(text);
      done += chunk.length;
      options.onProgress?.(done, size);
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw new AspmError('encoding-mismatch', { path, encoding: detected.encoding, offset }, { location: { file: path } });
    }
    if (rest.length > 0) push(rest);
    finish();
  } catch (cause) {
    throw tableError(cause, path);
  }
  return { path, format, encoding: detected.encoding, date1904: false, sha256: hash.digest('hex'), bytes: size, jsonRows };
}

/** The keys of all the objects of a JSON array or JSON Lines file, in order of appearance. */
async function jsonKeys(path: string, format: TableFormat, encoding: TextEncoding, chunkSize: number | undefined): Promise<string[]> {
  const keys = new Set<string>();
  const onObject = (value: Record<string, unknown>) => {
    for (const key in value) keys.add(key);
  };
  const scanner = format === 'json' ? new JsonArrayScanner(onObject) : new JsonLinesScanner(onObject);
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: chunkSize ?? 1 << 20 }) as AsyncIterable<Buffer>) {
      const text = decoder.decode(chunk, { stream: true });
      if (text.length > 0) scanner.push(text);
    }
    const rest = decoder.decode();
    if (rest.length > 0) scanner.push(rest);
    scanner.end();
  } catch (cause) {
    throw tableError(cause, path);
  }
  return [...keys];
}

/**
 * A UTF-8 CSV (most exports) is read as bytes: no decoding into text, no string per field
 * (csv-bytes.ts); a large one with its records found in a second thread. Same records,
 * same errors as the text path.
 */
async function readUtf8Csv(path: string, size: number, locator: HeaderLocator, options: ReadTableOptions, consumer: TableConsumer) {
  const chunkSize = options.chunkSize ?? 1 << 20;
  const onRecord = (record: RowView, number: number) => locator.recordView(record, number);
  const parallel = options.parallel ?? (size >= PARALLEL_FROM_BYTES && spareCore());
  const worker = parallel ? scanWorkerScript() : undefined;
  if (options.parallel === true && !worker) throw new Error('the CSV reading thread is not built (npm run build)');
  let sha256: string;
  try {
    if (worker) {
      const view = new CsvByteRecord();
      sha256 = await scanCsvInWorker(
        worker,
        path,
        chunkSize,
        (batch, done) => {
          forEachRecord(batch, view, onRecord);
          options.onProgress?.(done, size);
        },
        () => consumer.readAhead?.(),
      );
    } else {
      const hash = createHash('sha256');
      const scanner = new CsvByteScanner(byRecord(onRecord));
      let done = 0;
      for await (const chunk of createReadStream(path, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        scanner.push(chunk);
        done += chunk.length;
        options.onProgress?.(done, size);
      }
      scanner.end();
      sha256 = hash.digest('hex');
    }
  } catch (cause) {
    if (cause instanceof Utf8Error) throw new AspmError('encoding-mismatch', { path, encoding: 'utf-8', offset: cause.offset }, { location: { file: path } });
    throw tableError(cause, path);
  }
  return { path, format: 'csv' as const, encoding: 'utf-8', date1904: false, sha256, bytes: size, jsonRows: undefined };
}

function tableError(cause: unknown, path: string): unknown {
  if (cause instanceof CsvUnclosedQuoteError) return new AspmError('csv-unclosed-quote', { row: cause.record }, { location: { file: path, row: cause.record } });
  if (cause instanceof JsonFormatError) return new AspmError('json-invalid', { row: cause.record + 1, problem: cause.problem, detail: cause.detail }, { location: { file: path, row: cause.record + 1 } });
  if (cause instanceof ZipFormatError) return new AspmError('xlsx-corrupt', { path, problem: cause.problem, part: cause.part }, { location: { file: path } });
  if (cause instanceof ZipLimitError) {
    const limit = cause.limit === 'ratio' ? cause.value : bytesText(cause.value);
    return new AspmError('xlsx-too-large', { path, part: cause.part, what: cause.limit, limit }, { location: { file: path } });
  }
  // A read that fails half way (EIO, a file removed under us), here or in the reading thread: a message, not an internal error.
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    const d = openFailure(cause, path);
    return new AspmError(d.code, d.params, { location: { file: path } });
  }
  return cause;
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** 2 GiB, 256 MiB: how the limits read in a message. */
function bytesText(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GiB` : `${bytes / 1024 ** 2} MiB`;
}

/** Workbook and relationship parts are a few kilobytes; a larger one is not what Excel writes. */
const SMALL_PART_BYTES = 16 * 1024 ** 2;
/**
 * Shared strings are held for the whole read (a sheet refers to them by number), so they
 * get a limit of their own: 256 MiB of XML is a million rows with ~200 bytes of unique text
 * each, and about as much again in memory.
 */
const SHARED_STRINGS_BYTES = 256 * 1024 ** 2;
/**
 * styles.xml is read for the number format of each cell style (is it a time?). Real ones
 * are kilobytes; one bloated by years of copy and paste, megabytes. It is streamed and
 * only its formats are held (StylesParser's limits), so its bound is the shared strings'.
 */
const STYLES_BYTES = SHARED_STRINGS_BYTES;

/** A part's problem as the message that names the part. */
function partError(cause: XlsxPartError, path: string, part: string): AspmError {
  const p = cause.problem;
  const location = { file: path, ...('row' in p ? { row: p.row } : {}) };
  switch (p.kind) {
    case 'row-beyond':
      return new AspmError('xlsx-beyond-limits', { path, part, row: p.row }, { location });
    case 'column-beyond':
      return new AspmError('xlsx-beyond-limits', { path, part, row: p.row, ref: p.ref }, { location });
    case 'row-size':
    case 'string-size':
    case 'cells':
    case 'styles':
      return new AspmError('xlsx-too-large', { path, part, what: p.kind, limit: p.limit.toLocaleString('en') }, { location });
    case 'xml':
      return new AspmError('xlsx-corrupt', { path, part, problem: 'xml' }, { location });
    case 'shared-string':
      return new AspmError('xlsx-corrupt', { path, part, problem: 'shared-string', index: p.index, row: p.row }, { location });
  }
}

/**
 * Streams a part's text into `parser`; the part must end whole (`end`) and be no larger
 * than `maxBytes`. When the text does not parse, the rest of the part is still inflated:
 * if its checksum or length fails too, that is the cause to name (a damaged part), not the
 * garbage it inflated to.
 */
async function streamPart(
  archive: ZipArchive,
  entry: ZipEntry,
  maxBytes: number,
  parser: { push(text: string): void; end(): void },
  onBytes?: (n: number) => void,
): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  const chunks = archive.chunks(entry, maxBytes);
  let problem: XlsxPartError | undefined;
  const parse = (step: () => void) => {
    try {
      step();
    } catch (cause) {
      if (!(cause instanceof XlsxPartError)) throw cause;
      problem = cause;
    }
  };
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      if (problem) continue;
      const chunk = next.value;
      onBytes?.(chunk.length);
      parse(() => {
        const text = decoder.decode(chunk, { stream: true });
        if (text.length > 0) parser.push(text);
      });
    }
  } finally {
    await chunks.return(undefined);
  }
  if (!problem) {
    parse(() => {
      const rest = decoder.decode();
      if (rest.length > 0) parser.push(rest);
      parser.end();
    });
  }
  if (problem) throw partError(problem, archive.path, entry.name);
}

/** A small part (workbook, relationships) parsed whole; its problems name it. */
async function readSmallPart<T>(archive: ZipArchive, entry: ZipEntry, parse: (xml: string) => T): Promise<T> {
  const xml = await archive.text(entry, SMALL_PART_BYTES);
  try {
    return parse(xml);
  } catch (cause) {
    throw cause instanceof XlsxPartError ? partError(cause, archive.path, entry.name) : cause;
  }
}

/** The parts of a workbook every read starts from: its entries and workbook.xml. */
async function openWorkbook(path: string) {
  const archive = await ZipArchive.open(path);
  const entry = (name: string): ZipEntry | undefined => archive.entry(name);
  const rootRels = entry('_rels/.rels');
  const officeDocument = rootRels ? (await readSmallPart(archive, rootRels, parseRelationships)).find((r) => r.type.endsWith('/officeDocument'))?.target : undefined;
  const workbookPath = officeDocument ? resolvePartPath('', officeDocument) : 'xl/workbook.xml';
  const workbookEntry = entry(workbookPath);
  if (!workbookEntry) throw new AspmError('xlsx-unreadable', { path, detail: `no ${workbookPath} (is this an Excel workbook?)` }, { location: { file: path } });
  return { archive, entry, workbookPath, workbook: await readSmallPart(archive, workbookEntry, parseWorkbook) };
}

/**
 * Columns missing from the sheet read by default, in a workbook with more sheets: the
 * data may be on another one, and the message says which there are and about --sheet.
 */
async function withOtherSheets(error: AspmError, path: string): Promise<AspmError> {
  if (error.code !== 'columns-missing') return error;
  const sheets = (await openWorkbook(path)).workbook.sheets;
  const read = sheets.find((s) => !s.hidden) ?? sheets[0];
  if (sheets.length < 2 || !read) return error;
  return new AspmError<MessageCode>(error.code, { ...error.params, sheet: read.name, sheets: sheets.filter((s) => s !== read).map((s) => s.name) }, { location: error.location, exitCode: error.exitCode });
}

async function readXlsx(path: string, size: number, locator: HeaderLocator, consumer: TableConsumer, options: ReadTableOptions) {
  try {
    const sha256 = await sha256OfFile(path);
    const { archive, entry, workbookPath, workbook } = await openWorkbook(path);
    const relsPath = resolvePartPath(workbookPath, `_rels/${basename(workbookPath)}.rels`);
    const relsEntry = entry(relsPath);
    const rels = relsEntry ? await readSmallPart(archive, relsEntry, parseRelationships) : [];
    const names = workbook.sheets.map((s) => s.name);
    let sheet = workbook.sheets.find((s) => !s.hidden) ?? workbook.sheets[0];
    if (options.sheet !== undefined) {
      sheet = workbook.sheets.find((s) => s.name === options.sheet) ?? workbook.sheets.find((s) => s.name.trim().toLowerCase() === options.sheet!.trim().toLowerCase());
      if (!sheet) throw new AspmError('sheet-not-found', { path, sheet: options.sheet, sheets: names.join(', ') }, { location: { file: path }, exitCode: 1 });
    }
    if (!sheet) throw fail('table-empty', path);
    const target = rels.find((r) => r.id === sheet.relId)?.target;
    const sheetEntry = target ? entry(resolvePartPath(workbookPath, target)) : undefined;
    if (!sheetEntry) throw new AspmError('xlsx-unreadable', { path, detail: `sheet ${sheet.name} has no data part` }, { location: { file: path } });
    const stringsTarget = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
    const stringsEntry = stringsTarget ? entry(resolvePartPath(workbookPath, stringsTarget)) : undefined;
    const strings = new SharedStringsParser();
    if (stringsEntry) await streamPart(archive, stringsEntry, SHARED_STRINGS_BYTES, strings);
    const stylesTarget = rels.find((r) => r.type.endsWith('/styles'))?.target;
    const stylesEntry = stylesTarget ? entry(resolvePartPath(workbookPath, stylesTarget)) : undefined;
    const styles = new StylesParser();
    if (stylesEntry) await streamPart(archive, stylesEntry, STYLES_BYTES, styles);
    consumer.dateSystem?.(workbook.date1904);
    const scanner = new SheetScanner(strings.strings, (cells, row) => locator.record(cells, row), MAX_SHEET_CELLS, styles.timeStyles());
    let done = 0;
    const total = sheetEntry.uncompressedSize || size;
    await streamPart(
      archive,
      sheetEntry,
      Infinity,
      scanner,
      (n) => {
        done += n;
        options.onProgress?.(done, total);
      },
    );
    return { path, format: 'xlsx' as const, sheet: sheet.name, sheets: names, date1904: workbook.date1904, sha256, bytes: size };
  } catch (cause) {
    if (cause instanceof AspmError) throw cause;
    const mapped = tableError(cause, path);
    throw mapped;
  }
}
