// A small streaming XLSX writer for generated data sets too large for exceljs to write in
// reasonable time: one sheet, shared strings (as Excel writes them), numbers, date-time
// cells (serial numbers with a date format) and time cells (fractions of a day with a time
// format: h:mm:ss, or [h]:mm:ss for a duration that may pass a day). Rows are deflated into the ZIP as they come;
// memory holds only the shared strings. Writes only what it is given; reads nothing. The
// ZIP itself is io/zip-archive.ts's ZipStreamWriter; this file knows only the workbook.
import { ZipStreamWriter, type ZipEntryStream } from '../io/zip-archive.js';
import { escapeXml } from '../text/escape-xml.js';

/** A date: epoch milliseconds. A time: days (0:03:40 is 220 / 86,400), `elapsed` for [h]:mm:ss. */
export type XlsxCell = string | number | { readonly date: number } | { readonly time: number; readonly elapsed?: boolean } | null | undefined;

const DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Shared strings and the sheet name alike: `"` escaped, as this writer always has. */
const xmlValue = (text: string) => escapeXml(text, 'double');

function columnName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export class XlsxStreamWriter {
  private readonly zip: ZipStreamWriter;
  private readonly strings = new Map<string, number>();
  private readonly stringList: string[] = [];
  private row = 0;
  private sheet: { entry: ZipEntryStream; pending: string[]; pendingLength: number } | undefined;
  private readonly columns: string[] = [];

  constructor(
    path: string,
    private readonly sheetName = 'Sheet1',
  ) {
    this.zip = new ZipStreamWriter(path);
  }

  private async startSheet(): Promise<void> {
    this.sheet = { entry: await this.zip.stream('xl/worksheets/sheet1.xml'), pending: [], pendingLength: 0 };
    await this.sheetText('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  }

  /** Gathers the sheet's text into pieces of about 64 K characters before they are deflated. */
  private async sheetText(text: string, flush = false): Promise<void> {
    const s = this.sheet!;
    s.pending.push(text);
    s.pendingLength += text.length;
    if (s.pendingLength < 1 << 16 && !flush) return;
    const data = Buffer.from(s.pending.join(''), 'utf8');
    s.pending = [];
    s.pendingLength = 0;
    await s.entry.write(data);
  }

  private addSmall(name: string, text: string): Promise<void> {
    return this.zip.add(name, Buffer.from(text, 'utf8'));
  }

  /** Appends a row; the first row is usually the header. */
  async addRow(cells: readonly XlsxCell[]): Promise<void> {
    if (!this.sheet) await this.startSheet();
    this.row++;
    let xml = `<row r="${this.row}">`;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === null || cell === undefined || cell === '') continue;
      this.columns[c] ??= columnName(c);
      const ref = `${this.columns[c]}${this.row}`;
      if (typeof cell === 'number') xml += `<c r="${ref}"><v>${cell}</v></c>`;
      else if (typeof cell === 'string') {
        let index = this.strings.get(cell);
        if (index === undefined) {
          index = this.stringList.length;
          this.strings.set(cell, index);
          this.stringList.push(cell);
        }
        xml += `<c r="${ref}" t="s"><v>${index}</v></c>`;
      } else if ('date' in cell) {
        xml += `<c r="${ref}" s="1"><v>${(cell.date - EXCEL_EPOCH) / DAY}</v></c>`;
      } else {
        xml += `<c r="${ref}" s="${cell.elapsed ? 3 : 2}"><v>${cell.time}</v></c>`;
      }
    }
    await this.sheetText(xml + '</row>');
  }

  async close(): Promise<void> {
    if (!this.sheet) await this.startSheet();
    await this.sheetText('</sheetData></worksheet>', true);
    await this.sheet!.entry.end();

    const sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.stringList.length}" uniqueCount="${this.stringList.length}">`];
    for (const text of this.stringList) sst.push(`<si><t xml:space="preserve">${xmlValue(text)}</t></si>`);
    sst.push('</sst>');
    await this.addSmall('xl/sharedStrings.xml', sst.join(''));
    await this.addSmall(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    );
    await this.addSmall(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    );
    await this.addSmall(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlValue(this.sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    );
    await this.addSmall(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    await this.addSmall(
      'xl/styles.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    );
    await this.zip.close();
  }
}
