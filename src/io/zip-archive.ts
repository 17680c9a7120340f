// Reads entries of a ZIP archive (an .xlsx file) from disk without loading it: the central
// directory is read from the end of the file, and an entry is streamed through Node's own
// raw inflate. Handles ZIP64 (large workbooks) and data descriptors; no encryption.
//
// An .xlsx file is a ZIP anyone can forge, so nothing it declares is trusted: every size,
// offset and count must fit inside the file before a byte is allocated for it; a part may
// not inflate to more than a limit, nor compress better than real spreadsheets do (a zip
// bomb does), nor may a workbook's parts together; and a part must inflate to exactly its
// declared length and CRC-32, so a damaged file is an error, never a shorter table.
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createInflateRaw, crc32 } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  readonly crc: number;
}

/** What is wrong with an archive (the catalogue's xlsx-corrupt says it in words). */
export type ZipProblem = 'not-zip' | 'directory' | 'entry' | 'method' | 'inflate' | 'length' | 'checksum';

export class ZipFormatError extends Error {
  constructor(
    readonly problem: ZipProblem,
    /** The entry concerned, when it is one. */
    readonly part?: string,
  ) {
    super(part === undefined ? problem : `${problem}: ${part}`);
  }
}

/** Which limit an archive exceeds (the catalogue's xlsx-too-large says it in words). */
export type ZipLimit = 'part' | 'ratio' | 'workbook';

export class ZipLimitError extends Error {
  constructor(
    readonly limit: ZipLimit,
    readonly part: string,
    /** The limit: bytes, or the ratio. */
    readonly value: number,
  ) {
    super(`${limit}: ${part}`);
  }
}

export interface ZipLimits {
  /** Most bytes one part may inflate to (a caller may ask for less, per part). */
  readonly partBytes: number;
  /** Most bytes all the parts read from one archive may inflate to, together. */
  readonly archiveBytes: number;
  /** Most a part larger than `ratioFromBytes` may be compressed: inflated ÷ compressed. */
  readonly ratio: number;
  readonly ratioFromBytes: number;
}

/**
 * Real workbooks compress 5–20 : 1 (a 100,000-row export: 7 : 1 for the sheet, 17 : 1 for
 * its shared strings); deflate cannot pass about 1,030 : 1, which is where bombs sit. A
 * sheet is streamed, so its limit bounds time rather than memory: 2 GiB is twice what
 * Excel's 1,048,576 rows of a wide ticket export take, and a read (sheet, shared strings
 * and the small parts together) inflates no more than that either.
 */
export const ZIP_LIMITS: ZipLimits = {
  partBytes: 2 * 1024 ** 3,
  archiveBytes: 2 * 1024 ** 3,
  ratio: 200,
  ratioFromBytes: 1024 ** 2,
};

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buffer.subarray(0, read);
}

/** A 64-bit field as a number, when it is one exactly (2^50 is a lie about this file anyway). */
function uint64(buffer: Buffer, at: number, part?: string): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError(part === undefined ? 'directory' : 'entry', part);
  return Number(value);
}

/** An opened archive: its entries, and a budget of inflated bytes shared by all its reads. */
export class ZipArchive {
  private inflated = 0;

  private constructor(
    readonly path: string,
    readonly entries: ReadonlyMap<string, ZipEntry>,
    /** Where the central directory starts: every entry's data ends before it. */
    private readonly dataEnd: number,
    private readonly limits: ZipLimits,
  ) {}

  static async open(path: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipArchive> {
    const handle = await open(path, 'r');
    try {
      const size = (await handle.stat()).size;
      const { entries, cdOffset } = await readDirectory(handle, size);
      return new ZipArchive(path, entries, cdOffset, limits);
    } finally {
      await handle.close();
    }
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name);
  }

  /**
   * The entry's uncompressed bytes, checked as they come: never more than it declares nor
   * than `maxBytes`, and at the end exactly its declared length and CRC-32.
   */
  async *chunks(entry: ZipEntry, maxBytes = this.limits.partBytes): AsyncGenerator<Buffer> {
    const { name } = entry;
    const limit = Math.min(maxBytes, this.limits.partBytes);
    if (entry.uncompressedSize > limit) throw new ZipLimitError('part', name, limit);
    if (entry.uncompressedSize > this.limits.ratioFromBytes && entry.uncompressedSize > entry.compressedSize * this.limits.ratio) {
      throw new ZipLimitError('ratio', name, this.limits.ratio);
    }
    if (this.inflated + entry.uncompressedSize > this.limits.archiveBytes) throw new ZipLimitError('workbook', name, this.limits.archiveBytes);
    this.inflated += entry.uncompressedSize;
    if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError('method', name);
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw new ZipFormatError('entry', name);

    const handle = await open(this.path, 'r');
    let header: Buffer;
    try {
      header = await readAt(handle, entry.localHeaderOffset, 30);
    } finally {
      await handle.close();
    }
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new ZipFormatError('entry', name);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressedSize > this.dataEnd) throw new ZipFormatError('entry', name);

    let crc = 0;
    let length = 0;
    if (entry.compressedSize > 0) {
      const raw = createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
      let source: Readable = raw;
      if (entry.method === 8) {
        const inflate = createInflateRaw({ chunkSize: 1 << 18 });
        raw.on('error', (cause) => inflate.destroy(cause));
        source = raw.pipe(inflate);
      }
      try {
        for await (const chunk of source as AsyncIterable<Buffer>) {
          length += chunk.length;
          if (length > entry.uncompressedSize) throw new ZipFormatError('length', name);
          crc = crc32(chunk, crc);
          yield chunk;
        }
      } catch (cause) {
        const code = (cause as NodeJS.ErrnoException | undefined)?.code;
        if (typeof code === 'string' && code.startsWith('Z_')) throw new ZipFormatError('inflate', name);
        throw cause;
      } finally {
        source.destroy();
        raw.destroy();
      }
    }
    if (length !== entry.uncompressedSize) throw new ZipFormatError('length', name);
    if (crc >>> 0 !== entry.crc) throw new ZipFormatError('checksum', name);
  }

  /** A small entry (workbook, relationships) as text. */
  async text(entry: ZipEntry, maxBytes: number): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.chunks(entry, maxBytes)) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }
}

async function readDirectory(handle: FileHandle, size: number): Promise<{ entries: Map<string, ZipEntry>; cdOffset: number }> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tailStart = size - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at === -1) throw new ZipFormatError('not-zip');
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  // The directory ends where the record that describes it starts.
  let directoryEnd = tailStart + at;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locatorAt = at - 20;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== ZIP64_LOCATOR) throw new ZipFormatError('directory');
    const eocd64Offset = uint64(tail, locatorAt + 8);
    if (eocd64Offset + 56 > tailStart + locatorAt) throw new ZipFormatError('directory');
    const eocd64 = await readAt(handle, eocd64Offset, 56);
    if (eocd64.length < 56 || eocd64.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipFormatError('directory');
    count = uint64(eocd64, 32);
    cdSize = uint64(eocd64, 40);
    cdOffset = uint64(eocd64, 48);
    directoryEnd = eocd64Offset;
  }
  // Checked before anything is allocated: a size field of 4 GB or 2^50 is a lie about a small file.
  if (cdOffset + cdSize > directoryEnd || count * 46 > cdSize) throw new ZipFormatError('directory');
  const directory = await readAt(handle, cdOffset, cdSize);
  if (directory.length !== cdSize) throw new ZipFormatError('directory');
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('directory');
    const method = directory.readUInt16LE(p + 10);
    const crc = directory.readUInt32LE(p + 16);
    let compressedSize = directory.readUInt32LE(p + 20);
    let uncompressedSize = directory.readUInt32LE(p + 24);
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    let localHeaderOffset = directory.readUInt32LE(p + 42);
    const extraEnd = p + 46 + nameLength + extraLength;
    if (extraEnd + commentLength > directory.length) throw new ZipFormatError('directory');
    const name = directory.toString('utf8', p + 46, p + 46 + nameLength);
    // ZIP64 sizes live in an extra field, in this order, only for the fields that overflowed.
    let e = p + 46 + nameLength;
    while (e + 4 <= extraEnd) {
      const id = directory.readUInt16LE(e);
      const length = directory.readUInt16LE(e + 2);
      const fieldEnd = Math.min(e + 4 + length, extraEnd);
      if (id === 0x0001) {
        let q = e + 4;
        const next = (): number => {
          if (q + 8 > fieldEnd) throw new ZipFormatError('entry', name);
          const value = uint64(directory, q, name);
          q += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      e += 4 + length;
    }
    // Every part's data lies before the directory; one that claims otherwise is damaged.
    if (localHeaderOffset + 30 + compressedSize > cdOffset) throw new ZipFormatError('entry', name);
    entries.set(name.replace(/\\/g, '/'), { name, method, compressedSize, uncompressedSize, localHeaderOffset, crc });
    p = extraEnd + commentLength;
  }
  return { entries, cdOffset };
}
