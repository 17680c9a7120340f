// Column breaks written into an .xlsx after exceljs: only the named sheet changes, in the
// place the schema wants, and the file stays a zip that exceljs (and fflate) read.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addColumnBreaks, withColumnBreaks } from './xlsx-column-breaks.js';

async function twoSheets(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date('2026-01-01T00:00:00Z');
  workbook.modified = workbook.created;
  for (const name of ['一', '二']) {
    const sheet = workbook.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape' } });
    sheet.addRow(['a', 'b', 'c', 'd', 'e']);
    sheet.getRow(1).addPageBreak();
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('column breaks', () => {
  it('go into the named sheet only, after its row breaks; every other part is unchanged', async () => {
    const before = await twoSheets();
    const after = addColumnBreaks(before, new Map([[2, [3, 5]]]));
    const a = unzipSync(before);
    const b = unzipSync(after);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) if (name !== 'xl/worksheets/sheet2.xml') expect(b[name]).toEqual(a[name]);
    const xml = strFromU8(b['xl/worksheets/sheet2.xml']!);
    // 0-based id of the column a page starts with: C is 2, E is 4.
    expect(xml).toContain('</rowBreaks><colBreaks count="2" manualBreakCount="2"><brk id="2" max="1048575" man="1"/><brk id="4" max="1048575" man="1"/></colBreaks>');
    expect(strFromU8(b['xl/worksheets/sheet1.xml']!)).not.toContain('colBreaks');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(after) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('二')!.getRow(1).getCell(5).value).toBe('e');
  });

  it('the same input gives the same bytes, and no breaks leave the file as it was', async () => {
    const before = await twoSheets();
    expect(addColumnBreaks(before, new Map([[1, [2]]]))).toEqual(addColumnBreaks(before, new Map([[1, [2]]])));
    expect(addColumnBreaks(before, new Map())).toBe(before);
  });

  it('come before the elements that follow them in a worksheet', () => {
    expect(withColumnBreaks('<worksheet><pageSetup/><drawing r:id="x"/></worksheet>', [4])).toBe('<worksheet><pageSetup/><colBreaks count="1" manualBreakCount="1"><brk id="3" max="1048575" man="1"/></colBreaks><drawing r:id="x"/></worksheet>');
    expect(withColumnBreaks('<worksheet><pageSetup/></worksheet>', [])).toBe('<worksheet><pageSetup/></worksheet>');
  });
});
