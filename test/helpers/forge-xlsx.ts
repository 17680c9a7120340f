// Builds .xlsx files byte by byte, as someone forging one would: any part, stored or
// deflated, with whatever sizes, checksum or directory fields the test wants to lie about.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ForgedPart {
  readonly name: string;
  readonly data: Buffer | string;
  /** Stored (method 0) instead of deflated. */
  readonly store?: boolean;
  /** Compressed bytes to write instead of deflating `data` (e.g. a bomb made in pieces). */
  readonly compressed?: Buffer;
  /** What the central directory says, instead of the truth. */
  readonly declared?: { readonly uncompressed?: number; readonly compressed?: number; readonly crc?: number };
}

export interface ForgeOptions {
  /** The end record's central-directory size, instead of the truth. */
  readonly cdSize?: number;
  /** Write a ZIP64 end record (its central-directory size may lie too). */
  readonly zip64?: { readonly cdSize?: bigint };
}

export function forgeZip(parts: readonly ForgedPart[], options: ForgeOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    const body = part.compressed ?? (part.store ? data : deflateRawSync(data));
    const name = Buffer.from(part.name, 'utf8');
    const crc = part.declared?.crc ?? crc32(data);
    const compressedSize = part.declared?.compressed ?? body.length;
    const uncompressedSize = part.declared?.uncompressed ?? data.length;
    const big = uncompressedSize > 0xfffffffe || compressedSize > 0xfffffffe;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(big ? 45 : 20, 4);
    local.writeUInt16LE(part.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(big ? 0xffffffff : compressedSize, 18);
    local.writeUInt32LE(big ? 0xffffffff : uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const extra = big ? Buffer.alloc(20) : Buffer.alloc(0);
    if (big) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(uncompressedSize), 4);
      extra.writeBigUInt64LE(BigInt(compressedSize), 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(big ? 45 : 20, 6);
    central.writeUInt16LE(part.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(big ? 0xffffffff : compressedSize, 20);
    central.writeUInt32LE(big ? 0xffffffff : uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const tail: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(parts.length), 24);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(options.zip64.cdSize ?? BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
  } else {
    end.writeUInt16LE(parts.length, 8);
    end.writeUInt16LE(parts.length, 10);
    end.writeUInt32LE(options.cdSize ?? directory.length, 12);
    end.writeUInt32LE(offset, 16);
  }
  return Buffer.concat([...locals, directory, ...tail, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A sheet's XML around its rows. */
export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`;
}

/** Shared strings' XML around its items. */
export function stringsXml(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}">${items}</sst>`;
}

/** Rows of inline-string and number cells, the first one the header. */
export function rowsXml(table: readonly (readonly (string | number)[])[]): string {
  const column = (i: number) => String.fromCharCode(65 + i);
  return table
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map((v, i) => (typeof v === 'number' ? `<c r="${column(i)}${r + 1}"><v>${v}</v></c>` : `<c r="${column(i)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`))
          .join('')}</row>`,
    )
    .join('');
}

/**
 * The parts of a one-sheet workbook. `sheet`, `strings` and `styles` replace the sheet's,
 * the shared strings' and the styles' parts (a ForgedPart to lie about them, a string for their XML).
 */
export function workbookParts(sheet: string | ForgedPart, strings?: string | ForgedPart, styles?: string | ForgedPart): ForgedPart[] {
  const part = (name: string, value: string | ForgedPart): ForgedPart => (typeof value === 'string' ? { name, data: value } : { ...value, name });
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${styles === undefined ? '' : `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`}</Relationships>`,
    },
    part('xl/worksheets/sheet1.xml', sheet),
    ...(strings === undefined ? [] : [part('xl/sharedStrings.xml', strings)]),
    ...(styles === undefined ? [] : [part('xl/styles.xml', styles)]),
  ];
}
