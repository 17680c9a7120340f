// Manual column page breaks (`<colBreaks>`) for sheets of an .xlsx file. exceljs writes row
// breaks but not column breaks, and without them a spreadsheet cuts a wide sheet wherever the
// paper ends — through a KPI's six columns and the merged header above them. This rewrites
// the zip: the named sheets get the element, every other entry is copied byte for byte.
// Pure (bytes in, bytes out); never changes a cell.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

interface Entry {
  readonly name: string;
  /** The central directory record, to copy with new sizes and offset. */
  readonly central: Buffer;
  /** The local header without the name and extra field. */
  readonly local: Buffer;
  readonly localName: Buffer;
  readonly localExtra: Buffer;
  data: Buffer;
  method: number;
  crc: number;
  size: number;
}

function readEntries(zip: Buffer): Entry[] {
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('xlsx: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error('xlsx: bad central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const central = zip.subarray(at, at + 46 + nameLength + extraLength + commentLength);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const compressed = zip.readUInt32LE(at + 20);
    const offset = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(offset) !== LOCAL) throw new Error('xlsx: bad local header');
    const localNameLength = zip.readUInt16LE(offset + 26);
    const localExtraLength = zip.readUInt16LE(offset + 28);
    const dataAt = offset + 30 + localNameLength + localExtraLength;
    entries.push({
      name,
      central,
      local: zip.subarray(offset, offset + 30),
      localName: zip.subarray(offset + 30, offset + 30 + localNameLength),
      localExtra: zip.subarray(offset + 30 + localNameLength, dataAt),
      data: zip.subarray(dataAt, dataAt + compressed),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      size: zip.readUInt32LE(at + 24),
    });
    at += central.length;
  }
  return entries;
}

/**
 * A copy of a local or central header with the entry's method, CRC and sizes. Both hold the
 * same run of fields (flags, method, time, date, CRC, sizes), starting at `flags`: 6 in a
 * local header, 8 in a central one. No data descriptor: sizes and CRC are in the headers.
 */
function withSizes(header: Buffer, flags: 6 | 8, e: Entry): Buffer {
  const out = Buffer.from(header);
  out.writeUInt16LE(out.readUInt16LE(flags) & ~0x0008, flags);
  out.writeUInt16LE(e.method, flags + 2);
  out.writeUInt32LE(e.crc, flags + 8);
  out.writeUInt32LE(e.data.length, flags + 12);
  out.writeUInt32LE(e.size, flags + 16);
  return out;
}

function writeEntries(entries: readonly Entry[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = withSizes(e.local, 6, e);
    const central = withSizes(e.central, 8, e);
    central.writeUInt32LE(offset, 42);
    parts.push(local, e.localName, e.localExtra, e.data);
    centrals.push(central);
    offset += local.length + e.localName.length + e.localExtra.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** Elements that come after `<colBreaks>` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER = /<(customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]|<\/worksheet>/;

/** The sheet XML with a `<colBreaks>` that starts a new page before each of `columns` (1-based, > 1). */
export function withColumnBreaks(xml: string, columns: readonly number[]): string {
  if (columns.length === 0 || xml.includes('<colBreaks')) return xml;
  // A break after column n (1-based) is written with id n.
  const breaks = columns.map((c) => `<brk id="${c - 1}" max="1048575" man="1"/>`).join('');
  const element = `<colBreaks count="${columns.length}" manualBreakCount="${columns.length}">${breaks}</colBreaks>`;
  const match = AFTER.exec(xml);
  if (!match) return xml;
  return xml.slice(0, match.index) + element + xml.slice(match.index);
}

/**
 * The workbook with column breaks: `breaks` maps a worksheet's file number (`sheet3.xml` →
 * 3, exceljs's worksheet id) to the columns (1-based) that start a new page.
 */
export function addColumnBreaks(xlsx: Uint8Array, breaks: ReadonlyMap<number, readonly number[]>): Uint8Array {
  if ([...breaks.values()].every((b) => b.length === 0)) return xlsx;
  const entries = readEntries(Buffer.from(xlsx.buffer, xlsx.byteOffset, xlsx.byteLength));
  for (const entry of entries) {
    const match = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.name);
    const columns = match ? breaks.get(Number(match[1])) : undefined;
    if (!columns || columns.length === 0) continue;
    const xml = (entry.method === 8 ? inflateRawSync(entry.data) : entry.data).toString('utf8');
    const text = Buffer.from(withColumnBreaks(xml, columns), 'utf8');
    entry.data = deflateRawSync(text);
    entry.method = 8;
    entry.crc = crc32(text);
    entry.size = text.length;
  }
  return new Uint8Array(writeEntries(entries));
}
