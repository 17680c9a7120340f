// Excel time cells (issue 12, item 1): a number with a time format is read as the clock
// Excel shows (0:03:40), never as a fraction of a day that scores; in a number field that
// is not declared a duration it is one message for the column that says how to declare it.
// Workbooks written here (xlsx-writer, or forged part by part for a hostile styles.xml).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AspmError } from '../src/errors.js';
import { t } from '../src/i18n/catalogue.js';
import type { Cell } from '../src/tables/parse-value.js';
import { readTable, type TableConsumer } from '../src/tables/read-table.js';
import { MAX_CELL_STYLES } from '../src/tables/xlsx-xml.js';
import { XlsxStreamWriter, type XlsxCell } from '../src/sample-data/xlsx-writer.js';
import { forgeZip, rowsXml, sheetXml, workbookParts } from './helpers/forge-xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-xlsx-times-'));
const DAY = 86_400;

async function writeWorkbook(name: string, rows: readonly (readonly XlsxCell[])[]): Promise<string> {
  const path = join(dir, name);
  const writer = new XlsxStreamWriter(path);
  for (const row of rows) await writer.addRow(row);
  await writer.close();
  return path;
}

async function readRows(path: string): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  const consumer: TableConsumer = {
    score: (h) => (h.includes('Call Id') ? 1 : 0),
    header() {},
    row(cells) {
      rows.push([...cells]);
    },
  };
  await readTable(path, consumer);
  return rows;
}

describe('reading time cells', () => {
  it('a number in h:mm:ss or [h]:mm:ss is its clock text; dates, date-times and plain numbers are as before', async () => {
    const date = Date.UTC(2021, 0, 4, 9, 5); // 2021-01-04 09:05, serial 44200 + 9:05
    const path = await writeWorkbook('times.xlsx', [
      ['Call Id', 'Talk', 'Long', 'Opened', 'Speed'],
      ['C1', { time: 220 / DAY }, { time: (26 * 3600 + 220) / DAY, elapsed: true }, { date }, 109],
      ['C2', { time: 0.0016550925925925926 }, { time: 0.5, elapsed: true }, { date: date + 86_400_000 }, 7.5],
    ]);
    expect(await readRows(path)).toEqual([
      ['C1', '0:03:40', '26:03:40', 44200 + (9 * 60 + 5) / 1440, 109],
      ['C2', '0:02:23', '12:00:00', 44201 + (9 * 60 + 5) / 1440, 7.5],
    ]);
  });

  it('a styles part with more cell styles than Excel allows stops the read, naming it; a cut one is damaged', async () => {
    const sheet = sheetXml(rowsXml([['Call Id', 'Talk'], ['C1', 0.5]]));
    const styles = (xfs: string) => `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>${xfs}</cellXfs></styleSheet>`;
    // Stored, not deflated: a part this repetitive would be refused for its ratio first.
    const many = join(dir, 'many-styles.xlsx');
    writeFileSync(many, forgeZip(workbookParts(sheet, undefined, { name: '', data: styles('<xf numFmtId="21"/>'.repeat(MAX_CELL_STYLES + 1)), store: true })));
    const error = (await readRows(many).catch((e: unknown) => e)) as AspmError;
    expect(error).toBeInstanceOf(AspmError);
    expect(error).toMatchObject({ code: 'xlsx-too-large', params: { path: many, part: 'xl/styles.xml', what: 'styles', limit: MAX_CELL_STYLES.toLocaleString('en') } });
    expect(t('en', error.code, error.params)).toContain('its part xl/styles.xml declares more than 1,048,576 cell styles or number formats');
    expect(t('zh-CN', error.code, error.params)).toContain('其中的部件 xl/styles.xml 声明了超过 1,048,576 个单元格样式或数字格式');
    const cut = join(dir, 'cut-styles.xlsx');
    writeFileSync(cut, forgeZip(workbookParts(sheet, undefined, styles('<xf numFmtId="21"/>').slice(0, -14))));
    await expect(readRows(cut)).rejects.toMatchObject({ code: 'xlsx-corrupt', params: { part: 'xl/styles.xml', problem: 'xml' } });
    // The same styles whole: the General cell is its number.
    const whole = join(dir, 'whole-styles.xlsx');
    writeFileSync(whole, forgeZip(workbookParts(sheet, undefined, styles('<xf numFmtId="0"/><xf numFmtId="21"/>'))));
    expect(await readRows(whole)).toEqual([['C1', 0.5]]);
  });
});
