// Crafted and damaged .xlsx files (issue 17, items 1–4), each forged here byte by byte:
// whatever a file declares about itself, reading it ends in a message naming the file and
// the part, or in exactly the rows it holds — never in a shorter table, an internal error,
// a native crash or gigabytes of memory. The cases that used to crash Node or exhaust its
// heap run in a child process with a small heap, as a user would run them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { AspmError } from '../src/errors.js';
import type { Cell } from '../src/tables/parse-value.js';
import { t } from '../src/i18n/catalogue.js';
import { readTable, type TableConsumer } from '../src/tables/read-table.js';
import { ZipArchive, ZipLimitError, ZIP_LIMITS } from '../src/io/zip-archive.js';
import { generateRoster, generateTickets } from '../src/sample-data/generate-sample-data.js';
import { writeRosterCsv, writeTicketsCsv } from '../src/sample-data/write-sample-data.js';
import { forgeZip, rowsXml, sheetXml, stringsXml, workbookParts, type ForgedPart } from './helpers/forge-xlsx.js';
import { BIN, hasStackTrace, ROOT } from './helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-hostile-xlsx-'));
const SHEET = 'xl/worksheets/sheet1.xml';
const TABLE = [['id', 'name', 'score'], ...Array.from({ length: 8 }, (_, i) => [`T${i + 1}`, `人${i + 1}`, 90 + i])];
const ROWS = TABLE.slice(1);

function collector() {
  const rows: Cell[][] = [];
  const consumer: TableConsumer = {
    score: (h) => h.filter((x) => x === 'id' || x === 'name').length,
    header() {},
    row(cells) {
      rows.push([...cells]);
    },
  };
  return { rows, consumer };
}

function write(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function read(path: string) {
  const { rows, consumer } = collector();
  await readTable(path, consumer);
  return rows;
}

/** The AspmError a read ends in (the test fails if it ends any other way). */
async function failure(path: string): Promise<AspmError> {
  const error = await read(path).then(
    () => undefined,
    (cause: unknown) => cause,
  );
  expect(error).toBeInstanceOf(AspmError);
  return error as AspmError;
}

describe('rows are never lost without a word (item 3)', () => {
  it('a part whose bytes changed after it was written fails its CRC-32, named', async () => {
    const xml = sheetXml(rowsXml(TABLE));
    // The same part unchanged, stored as this one is, reads whole.
    expect(await read(write('good.xlsx', forgeZip(workbookParts({ name: '', data: xml, store: true }))))).toEqual(ROWS);
    const changed = xml.replace('<v>95</v>', '<v>15</v>');
    const path = write('crc.xlsx', forgeZip(workbookParts({ name: '', data: changed, store: true, declared: { crc: crcOf(xml) } })));
    const error = await failure(path);
    expect(error).toMatchObject({ code: 'xlsx-corrupt', params: { path, part: SHEET, problem: 'checksum' }, location: { file: path } });
    expect(t('en', error.code, error.params)).toContain(`${path} is damaged: its part ${SHEET} fails its CRC-32 check`);
    expect(t('zh-CN', error.code, error.params)).toContain(`其中的部件 ${SHEET} 未通过 CRC-32 校验`);
  });

  it('damage that also breaks the XML is named by its cause, the failed checksum, not by the garbage', async () => {
    const strings = stringsXml('<si><t>id</t></si><si><t>name</t></si><si><t>T1</t></si>');
    const xml = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c></row>');
    const damaged = xml.replace('<v>2</v>', '<v>9</v>');
    const path = write('crc-garbage.xlsx', forgeZip(workbookParts({ name: '', data: damaged, store: true, declared: { crc: crcOf(xml) } }, strings)));
    expect(await failure(path)).toMatchObject({ code: 'xlsx-corrupt', params: { part: SHEET, problem: 'checksum' } });
  });

  it.each([
    ['in the middle of a row', (xml: string) => xml.slice(0, xml.indexOf('<row r="5"') + 30)],
    ['after a whole row', (xml: string) => xml.slice(0, xml.indexOf('<row r="5"'))],
    ['before </worksheet>', (xml: string) => xml.slice(0, xml.indexOf('</worksheet>'))],
  ])('a sheet that ends early (%s) is an error, not a shorter sheet', async (_, cut) => {
    const path = write('cut.xlsx', forgeZip(workbookParts(cut(sheetXml(rowsXml(TABLE))))));
    expect(await failure(path)).toMatchObject({ code: 'xlsx-corrupt', params: { path, part: SHEET, problem: 'xml' } });
  });

  it('a part shorter than the archive declares is an error naming it', async () => {
    const xml = sheetXml(rowsXml(TABLE));
    const path = write('short.xlsx', forgeZip(workbookParts({ name: '', data: xml, declared: { uncompressed: Buffer.byteLength(xml) + 100 } })));
    expect(await failure(path)).toMatchObject({ code: 'xlsx-corrupt', params: { part: SHEET, problem: 'length' } });
  });

  it('a workbook part that is not XML is an error naming it', async () => {
    const parts = workbookParts(sheetXml(rowsXml(TABLE))).map((p) => (p.name === 'xl/workbook.xml' ? { ...p, data: 'PK\u0003\u0004 not xml at all' } : p));
    expect(await failure(write('not-xml.xlsx', forgeZip(parts)))).toMatchObject({ code: 'xlsx-corrupt', params: { part: 'xl/workbook.xml', problem: 'xml' } });
  });

  it('shared strings cut short, or a cell naming a string they lack, are errors naming the part', async () => {
    const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>7</v></c></row>');
    const strings = stringsXml('<si><t>id</t></si><si><t>name</t></si><si><t>T1</t></si>');
    const cut = write('strings-cut.xlsx', forgeZip(workbookParts(sheet, strings.slice(0, -8))));
    expect(await failure(cut)).toMatchObject({ code: 'xlsx-corrupt', params: { part: 'xl/sharedStrings.xml', problem: 'xml' } });
    const missing = write('strings-missing.xlsx', forgeZip(workbookParts(sheet, strings)));
    expect(await failure(missing)).toMatchObject({ code: 'xlsx-corrupt', params: { part: SHEET, problem: 'shared-string', index: '7', row: 2 }, location: { row: 2 } });
  });
});

describe('sizes, offsets and counts that disagree with the file (item 2)', () => {
  it('a ZIP64 directory size of 2^50 is xlsx-corrupt', async () => {
    const path = write('zip64.xlsx', forgeZip(workbookParts(sheetXml(rowsXml(TABLE))), { zip64: { cdSize: 2n ** 50n } }));
    expect(await failure(path)).toMatchObject({ code: 'xlsx-corrupt', params: { path, problem: 'directory' } });
    // The same workbook with an honest ZIP64 end record reads whole.
    expect(await read(write('zip64-ok.xlsx', forgeZip(workbookParts(sheetXml(rowsXml(TABLE))), { zip64: {} })))).toEqual(ROWS);
  });

  it('a part whose compressed size runs past the directory is xlsx-corrupt naming it', async () => {
    const path = write('past.xlsx', forgeZip(workbookParts({ name: '', data: sheetXml(rowsXml(TABLE)), declared: { compressed: 5000 } })));
    expect(await failure(path)).toMatchObject({ code: 'xlsx-corrupt', params: { part: SHEET, problem: 'entry' } });
  });

  it('a part declaring 3 GiB inflated is xlsx-too-large before a byte is inflated', async () => {
    const path = write('declared-big.xlsx', forgeZip(workbookParts({ name: '', data: sheetXml(rowsXml(TABLE)), declared: { uncompressed: 3 * 1024 ** 3 } })));
    const error = await failure(path);
    expect(error).toMatchObject({ code: 'xlsx-too-large', params: { path, part: SHEET, what: 'part', limit: '2 GiB' } });
    expect(t('en', error.code, error.params)).toContain(`its part ${SHEET} inflates to more than 2 GiB`);
  });
});

describe("references beyond Excel's limits (items 1 and 4)", () => {
  it.each([
    ['a row past 1,048,576', `<row r="1048577"><c r="A1048577"><v>1</v></c></row>`, { row: 1048577 }],
    ['a column past XFD', `<row r="9"><c r="XFE9"><v>1</v></c></row>`, { row: 9, ref: 'XFE9' }],
    ['cells without references walking past XFD', `<row r="9"><c r="XFD9"><v>1</v></c><c><v>2</v></c></row>`, { row: 9, ref: '#16385' }],
  ])('%s is xlsx-beyond-limits naming the part', async (_, extra, params) => {
    const path = write('beyond.xlsx', forgeZip(workbookParts(sheetXml(rowsXml(TABLE) + extra))));
    const error = await failure(path);
    expect(error).toMatchObject({ code: 'xlsx-beyond-limits', params: { path, part: SHEET, ...params } });
    expect(t('en', error.code, error.params)).toContain("beyond Excel's limits (1,048,576 rows, 16,384 columns");
    // The last row and column Excel has are read.
    const rows = await read(write('edge.xlsx', forgeZip(workbookParts(sheetXml(rowsXml(TABLE) + '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>')))));
    expect(rows).toHaveLength(ROWS.length + 1);
    expect(rows.at(-1)![16383]).toBe(7);
  });
});

describe('inflating is bounded per part and per read (item 1)', () => {
  const limits = { partBytes: 4096, archiveBytes: 5000, ratio: 10, ratioFromBytes: 1024 };
  const drain = async (archive: ZipArchive, name: string) => {
    for await (const chunk of archive.chunks(archive.entry(name)!)) expect(chunk.length).toBeGreaterThan(0);
  };
  const limitOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => (e instanceof ZipLimitError ? { limit: e.limit, part: e.part, value: e.value } : e),
    );

  it('a part beyond the absolute limit, one compressed beyond the ratio, and parts beyond the read’s total', async () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => String(i % 97)).join(',');
    const parts: ForgedPart[] = [
      { name: 'big', data: text(3000), store: true },
      { name: 'bomb', data: 'A'.repeat(4000) },
      { name: 'a', data: text(1000), store: true },
      { name: 'b', data: text(1000), store: true },
    ];
    const path = write('limits.zip', forgeZip(parts));
    const archive = await ZipArchive.open(path, limits);
    expect(await limitOf(drain(archive, 'big'))).toEqual({ limit: 'part', part: 'big', value: 4096 });
    expect(await limitOf(drain(archive, 'bomb'))).toEqual({ limit: 'ratio', part: 'bomb', value: 10 });
    await drain(archive, 'a');
    expect(await limitOf(drain(archive, 'b'))).toEqual({ limit: 'workbook', part: 'b', value: 5000 });
    expect(ZIP_LIMITS).toMatchObject({ partBytes: 2 * 1024 ** 3, archiveBytes: 2 * 1024 ** 3, ratio: 200 });
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** CRC-32 of a text, for declaring the checksum of the text before it was changed. */
function crcOf(text: string): number {
  return forgeZip([{ name: 'x', data: text, store: true }]).readUInt32LE(14);
}

// ── in a child process with a small heap, as a user runs aspm ─────────────────────────
const HEAP_MB = 96;
const policy = join(ROOT, 'presets', 'medium.zh-CN.yaml');
const tickets = join(dir, 'tickets.csv');
const roster = join(dir, 'roster.csv');

/** `aspm evaluate` in a child whose V8 heap is capped at HEAP_MB: exit code, stderr, seconds. */
function evaluate(args: readonly string[]) {
  const started = Date.now();
  const withRoster = args.includes('--roster') ? args : [...args, '--roster', roster];
  const result = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, 'evaluate', policy, '--period', '2026-10', '-o', join(dir, `report-${started}.json`), ...withRoster], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' },
    timeout: 60_000,
  });
  return { status: result.status, signal: result.signal, stderr: result.stderr, seconds: (Date.now() - started) / 1000 };
}

/** Deflates `pieces` repeated `times` without holding them all: a bomb of a few hundred KB. */
async function bomb(head: string, piece: string, times: number, tail: string): Promise<{ compressed: Buffer; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const block = Buffer.from(piece.repeat(Math.ceil((1 << 20) / piece.length)));
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  deflate.write(head);
  for (let i = 0; i < times; i++) {
    size += block.length;
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  const done = new Promise((resolve) => deflate.on('end', resolve));
  deflate.end(tail);
  await done;
  return { compressed: Buffer.concat(out), size };
}

describe('crafted workbooks in a child process with a 96 MB heap (items 1, 2 and 4)', () => {
  beforeAll(async () => {
    const options = { seed: 17, staff: 5, tickets: 50, year: 2026, month: 10, language: 'zh-CN' as const };
    const staff = generateRoster(options);
    await writeRosterCsv(roster, staff, { language: 'zh-CN' });
    await writeTicketsCsv(tickets, generateTickets(options, staff), { language: 'zh-CN' });
  });

  /** The run stopped cleanly with `code`, naming the file, with no stack trace, quickly. */
  function expectRefused(run: ReturnType<typeof evaluate>, path: string, code: string) {
    expect({ status: run.status, signal: run.signal }).toEqual({ status: 1, signal: null });
    expect(run.stderr).toMatch(new RegExp(`^${escape(path)}(?:: row \\d+)?: ${code}: ${escape(path)} `, 'm'));
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.seconds).toBeLessThan(30);
  }

  it('a 200 MB shared string in a few hundred KB (a zip bomb as a cell) is xlsx-too-large', async () => {
    const { compressed, size } = await bomb(stringsXml('<si><t>').replace('</sst>', ''), 'A', 200, '</t></si></sst>');
    expect(compressed.length).toBeLessThan(300_000);
    const sheet = sheetXml(rowsXml([['工单号'], ['T1']]));
    const path = write('bomb-cell.xlsx', forgeZip(workbookParts(sheet, { name: '', data: Buffer.alloc(0), compressed, declared: { uncompressed: size, crc: 0 } })));
    const run = evaluate(['--tickets', path]);
    expectRefused(run, path, 'xlsx-too-large');
    expect(run.stderr).toContain('compressed more than 200 : 1');
  });

  it('a sheet of one 256 MB row that never ends (a zip bomb as a workbook) is xlsx-too-large', async () => {
    const head = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>工单号</t></is></c>').replace('</sheetData></worksheet>', '');
    const { compressed, size } = await bomb(head, '<c><v>1</v></c>', 256, '</row></sheetData></worksheet>');
    const path = write('bomb-sheet.xlsx', forgeZip(workbookParts({ name: '', data: Buffer.alloc(0), compressed, declared: { uncompressed: size, crc: 0 } })));
    expectRefused(evaluate(['--tickets', path]), path, 'xlsx-too-large');
  });

  it('r="ZZZZZZ3" in a 1.5 KB file is xlsx-beyond-limits, not a row padded to column 321,272,406', () => {
    const path = write('zzzzzz.xlsx', forgeZip(workbookParts(sheetXml(rowsXml([['工单号', '处理人工号'], ['T1', 'E1']]) + '<row r="3"><c r="ZZZZZZ3"><v>1</v></c></row>'))));
    const run = evaluate(['--tickets', path]);
    expectRefused(run, path, 'xlsx-beyond-limits');
    expect(run.stderr).toContain('a cell ZZZZZZ3 in row 3');
  });

  it('a central directory whose size field says 4 GB is xlsx-corrupt, not a native crash', () => {
    const path = write('cd-4gb.xlsx', forgeZip(workbookParts(sheetXml(rowsXml(TABLE))), { cdSize: 0xfffffff0 }));
    const run = evaluate(['--tickets', path]);
    expectRefused(run, path, 'xlsx-corrupt');
    expect(run.stderr).toContain('its ZIP directory gives sizes, offsets or counts that do not fit the file');
  });

  it.each(['roster', 'ratings', 'metrics'])('--%s goes through the same reader: a damaged workbook there is named too', (kind) => {
    const xml = sheetXml(rowsXml([['工号', '姓名'], ['E1', '张三']]));
    const path = write(`${kind}.xlsx`, forgeZip(workbookParts({ name: '', data: xml.replace('张三', '李四'), store: true, declared: { crc: crcOf(xml) } })));
    const run = evaluate(['--tickets', tickets, `--${kind}`, path]);
    expectRefused(run, path, 'xlsx-corrupt');
    expect(run.stderr).toContain(`its part ${SHEET} fails its CRC-32 check`);
  });
});
