// A small streaming XLSX writer for generated data sets too large for exceljs to write in
// reasonable time: one sheet, shared strings (as Excel writes them), numbers, and date-time
// cells (serial numbers with a date format). Rows are deflated into the ZIP as they come;
// memory holds only the shared strings. Writes only what it is given; reads nothing.
import { createWriteStream, type WriteStream } from 'node:fs';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { escapeXml } from '../text/escape-xml.js';

export type XlsxCell = string | number | { readonly date: number } | null | undefined;

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

interface Written {
  name: string;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

export class XlsxStreamWriter {
  private readonly out: WriteStream;
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly strings = new Map<string, number>();
  private readonly stringList: string[] = [];
  private row = 0;
  private sheet: { deflate: ReturnType<typeof createDeflateRaw>; crc: number; size: number; compressed: number; start: number; pending: string[]; pendingLength: number } | undefined;
  private readonly columns: string[] = [];

  constructor(
    path: string,
    private readonly sheetName = 'Sheet1',
  ) {
    this.out = createWriteStream(path);
  }

  private async write(data: Uint8Array): Promise<void> {
    this.offset += data.length;
    if (!this.out.write(data)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }

  private localHeader(name: string, crc: number, compressed: number, size: number, descriptor: boolean): Buffer {
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(descriptor ? 0x0808 : 0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(0, 10);
    header.writeUInt32LE(descriptor ? 0 : crc, 14);
    header.writeUInt32LE(descriptor ? 0 : compressed, 18);
    header.writeUInt32LE(descriptor ? 0 : size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    return Buffer.concat([header, nameBytes]);
  }

  private async addSmall(name: string, text: string): Promise<void> {
    const data = Buffer.from(text, 'utf8');
    const compressed = deflateRawSync(data);
    const crc = crc32(data);
    const offset = this.offset;
    await this.write(this.localHeader(name, crc, compressed.length, data.length, false));
    await this.write(compressed);
    this.entries.push({ name, crc, compressed: compressed.length, size: data.length, offset });
  }

  private async startSheet(): Promise<void> {
    const deflate = createDeflateRaw({ level: 6 });
    const state = { deflate, crc: 0, size: 0, compressed: 0, start: this.offset, pending: [] as string[], pendingLength: 0 };
    this.sheet = state;
    await this.write(this.localHeader('xl/worksheets/sheet1.xml', 0, 0, 0, true));
    deflate.on('data', (chunk: Buffer) => {
      state.compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) deflate.pause();
    });
    this.out.on('drain', () => deflate.resume());
    await this.sheetText('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  }

  private async sheetText(text: string, flush = false): Promise<void> {
    const s = this.sheet!;
    s.pending.push(text);
    s.pendingLength += text.length;
    if (s.pendingLength < 1 << 16 && !flush) return;
    const data = Buffer.from(s.pending.join(''), 'utf8');
    s.pending = [];
    s.pendingLength = 0;
    s.crc = crc32(data, s.crc);
    s.size += data.length;
    if (!s.deflate.write(data)) await new Promise<void>((resolve) => s.deflate.once('drain', resolve));
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
      } else {
        xml += `<c r="${ref}" s="1"><v>${(cell.date - EXCEL_EPOCH) / DAY}</v></c>`;
      }
    }
    await this.sheetText(xml + '</row>');
  }

  async close(): Promise<void> {
    if (!this.sheet) await this.startSheet();
    await this.sheetText('</sheetData></worksheet>', true);
    const s = this.sheet!;
    await new Promise<void>((resolve, reject) => {
      s.deflate.once('end', resolve);
      s.deflate.once('error', reject);
      s.deflate.end();
    });
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(s.crc >>> 0, 4);
    descriptor.writeUInt32LE(s.compressed, 8);
    descriptor.writeUInt32LE(s.size, 12);
    await this.write(descriptor);
    this.entries.push({ name: 'xl/worksheets/sheet1.xml', crc: s.crc >>> 0, compressed: s.compressed, size: s.size, offset: s.start });

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
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    );
    // Central directory.
    const cdStart = this.offset;
    for (const e of this.entries) {
      const name = Buffer.from(e.name, 'utf8');
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(e.name.endsWith('sheet1.xml') ? 0x0808 : 0x0800, 8);
      header.writeUInt16LE(8, 10);
      header.writeUInt32LE(e.crc >>> 0, 16);
      header.writeUInt32LE(e.compressed, 20);
      header.writeUInt32LE(e.size, 24);
      header.writeUInt16LE(name.length, 28);
      header.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([header, name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - cdStart, 12);
    end.writeUInt32LE(cdStart, 16);
    await this.write(end);
    await new Promise<void>((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(resolve);
    });
  }
}
