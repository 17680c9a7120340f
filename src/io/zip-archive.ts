// The one ZIP module (an .xlsx file is a ZIP, and so is a .docx). Reads entries from disk
// without loading the archive: the central directory is read from the end of the file, and an
// entry is streamed through Node's own raw inflate; handles ZIP64 (large workbooks) and data
// descriptors, no encryption. Rewrites an archive in memory with some entries replaced
// (replaceZipEntries), builds a small new archive in memory (zipArchive: a Word document) and
// streams a large one to disk (ZipStreamWriter). The directory is parsed by one function
// whether the bytes come from a file or from memory, so both get the same bounds.
//
// An .xlsx file is a ZIP anyone can forge, so nothing it declares is trusted: every size,
// offset and count must fit inside the file before a byte is allocated for it; a part may
// not inflate to more than a limit, nor compress better than real spreadsheets do (a zip
// bomb does), nor may a workbook's parts together; and a part must inflate to exactly its
// declared length and CRC-32, so a damaged file is an error, never a shorter table.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createDeflateRaw, createInflateRaw, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

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
const DESCRIPTOR = 0x08074b50;
/** General-purpose flags: bit 3, sizes and CRC follow the data; bit 11, names are UTF-8. */
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const DEFLATE = 8;

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
      const reader = readDirectory(size);
      let step = reader.next();
      while (!step.done) step = reader.next(await readAt(handle, step.value.position, step.value.length));
      const { records, cdOffset } = step.value;
      const entries = new Map<string, ZipEntry>();
      for (const { entry } of records) entries.set(entry.name.replace(/\\/g, '/'), entry);
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

/** Bytes the directory reader needs next: up to `length` from `position` (fewer at the end). */
interface ReadRequest {
  readonly position: number;
  readonly length: number;
}

/** An entry as the directory lists it, with its directory record (to copy when rewriting). */
interface DirectoryRecord {
  readonly entry: ZipEntry;
  readonly record: Buffer;
}

interface Directory {
  /** In directory order; names as written (a name may repeat in a forged file). */
  readonly records: readonly DirectoryRecord[];
  readonly cdOffset: number;
}

/**
 * Reads the central directory of an archive of `size` bytes, asking for bytes by yielding
 * where they are: from a file (ZipArchive.open) or from memory (replaceZipEntries), with the
 * same checks either way.
 */
function* readDirectory(size: number): Generator<ReadRequest, Directory, Buffer> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tailStart = size - tailLength;
  const tail = yield { position: tailStart, length: tailLength };
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
    const eocd64 = yield { position: eocd64Offset, length: 56 };
    if (eocd64.length < 56 || eocd64.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipFormatError('directory');
    count = uint64(eocd64, 32);
    cdSize = uint64(eocd64, 40);
    cdOffset = uint64(eocd64, 48);
    directoryEnd = eocd64Offset;
  }
  // Checked before anything is allocated: a size field of 4 GB or 2^50 is a lie about a small file.
  if (cdOffset + cdSize > directoryEnd || count * 46 > cdSize) throw new ZipFormatError('directory');
  const directory = yield { position: cdOffset, length: cdSize };
  if (directory.length !== cdSize) throw new ZipFormatError('directory');
  const records: DirectoryRecord[] = [];
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
    records.push({ entry: { name, method, compressedSize, uncompressedSize, localHeaderOffset, crc }, record: directory.subarray(p, extraEnd + commentLength) });
    p = extraEnd + commentLength;
  }
  return { records, cdOffset };
}

function readDirectoryOf(zip: Buffer): Directory {
  const reader = readDirectory(zip.length);
  let step = reader.next();
  while (!step.done) step = reader.next(zip.subarray(step.value.position, step.value.position + step.value.length));
  return step.value;
}

/** The end-of-central-directory record (no ZIP64: for the archives this module writes). */
function endOfDirectory(count: number, directoryLength: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directoryLength, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}

interface Sizes {
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

/**
 * A copy of a local or central header with the entry's method, CRC and sizes. Both hold the
 * same run of fields (flags, method, time, date, CRC, sizes), starting at `flags`: 6 in a
 * local header, 8 in a central one. No data descriptor: sizes and CRC are in the headers.
 */
function withSizes(header: Buffer, flags: 6 | 8, sizes: Sizes): Buffer {
  const out = Buffer.from(header);
  out.writeUInt16LE(out.readUInt16LE(flags) & ~FLAG_DESCRIPTOR, flags);
  out.writeUInt16LE(sizes.method, flags + 2);
  out.writeUInt32LE(sizes.crc, flags + 8);
  out.writeUInt32LE(sizes.compressedSize, flags + 12);
  out.writeUInt32LE(sizes.uncompressedSize, flags + 16);
  return out;
}

/**
 * Gives an entry's new content, or undefined to keep it. `content` inflates the entry's
 * present bytes, only when called.
 */
export type ReplaceEntry = (name: string, content: () => Buffer) => Buffer | undefined;

/**
 * A copy of an archive held in memory, with the entries `replace` answers for deflated anew
 * and every other entry's data copied byte for byte, then the entries of `add` (new parts,
 * such as a workbook's charts; a name already in the archive is an error). Headers are
 * copied too, with the sizes and CRC moved into them (data descriptors are dropped). For
 * archives this program made (exceljs's workbooks): it does not bound inflated sizes as
 * ZipArchive does.
 */
export function replaceZipEntries(zip: Uint8Array, replace: ReplaceEntry, add: ReadonlyMap<string, Buffer> = new Map()): Uint8Array {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { entry, record } of readDirectoryOf(bytes).records) {
    const at = entry.localHeaderOffset;
    const local = bytes.subarray(at, at + 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw new ZipFormatError('entry', entry.name);
    const nameAndExtra = bytes.subarray(at + 30, at + 30 + local.readUInt16LE(26) + local.readUInt16LE(28));
    let data = bytes.subarray(at + 30 + nameAndExtra.length, at + 30 + nameAndExtra.length + entry.compressedSize);
    let sizes: Sizes = entry;
    const content = () => (entry.method === DEFLATE ? inflateRawSync(data) : Buffer.from(data));
    const replaced = replace(entry.name, content);
    if (replaced !== undefined) {
      data = deflateRawSync(replaced);
      sizes = { method: DEFLATE, crc: crc32(replaced), compressedSize: data.length, uncompressedSize: replaced.length };
    }
    const central = withSizes(record, 8, { ...sizes, compressedSize: data.length });
    central.writeUInt32LE(offset, 42);
    const header = withSizes(local, 6, { ...sizes, compressedSize: data.length });
    parts.push(header, nameAndExtra, data);
    centrals.push(central);
    offset += header.length + nameAndExtra.length + data.length;
    if (add.has(entry.name)) throw new ZipFormatError('entry', entry.name);
  }
  offset = appendEntries(parts, centrals, offset, add);
  const directory = Buffer.concat(centrals);
  return new Uint8Array(Buffer.concat([...parts, directory, endOfDirectory(centrals.length, directory.length, offset)]));
}

/**
 * Appends each part, deflated whole, as a new entry at `offset` (its local header and data to
 * `out`, its directory record to `centrals`); returns the offset after them.
 */
function appendEntries(out: Buffer[], centrals: Buffer[], offset: number, parts: Iterable<readonly [name: string, data: Uint8Array]>, date?: number): number {
  for (const [name, content] of parts) {
    const data = deflateRawSync(content);
    const entry: WrittenEntry = { name: Buffer.from(name, 'utf8'), flags: FLAG_UTF8, crc: crc32(content) >>> 0, compressedSize: data.length, uncompressedSize: content.length, offset, ...(date === undefined ? {} : { date }) };
    const header = localHeader(entry);
    out.push(header, data);
    centrals.push(centralHeader(entry));
    offset += header.length + data.length;
  }
  return offset;
}

/** 1980-01-01, the first day MS-DOS dates can hold: a valid date that is the same every time. */
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A new archive in memory from named parts, in the order given, each deflated whole. Every
 * entry is dated 1 January 1980, so the same parts give the same bytes. For small documents
 * (a Word file); an archive too large to hold goes through ZipStreamWriter.
 */
export function zipArchive(parts: Iterable<readonly [name: string, data: Uint8Array]>): Uint8Array {
  const out: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offset = appendEntries(out, centrals, 0, parts, FIXED_DATE);
  const directory = Buffer.concat(centrals);
  const bytes = Buffer.concat([...out, directory, endOfDirectory(centrals.length, directory.length, offset)]);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

interface WrittenEntry {
  readonly name: Buffer;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly offset: number;
  /** MS-DOS date of the entry; absent, zero (as the workbooks have always had). */
  readonly date?: number;
}

/** An entry being streamed into a ZipStreamWriter: write its bytes, then end it. */
export interface ZipEntryStream {
  write(data: Buffer): Promise<void>;
  end(): Promise<void>;
}

/**
 * Writes a new archive to a file as it goes: small entries deflated whole, and entries too
 * large to hold streamed through a deflater with their sizes in a data descriptor. Memory
 * holds only the directory. Entries have no time stamps, so the same content gives the
 * same bytes.
 */
export class ZipStreamWriter {
  private readonly out: WriteStream;
  private offset = 0;
  private readonly written: WrittenEntry[] = [];

  /** The first error of the file (a folder gone, a full disk): every later step rejects with it. */
  private failure: Error | undefined;

  /** `path` is created, never replaced: an existing file (or a link in its place) fails the write. */
  constructor(path: string) {
    this.out = createWriteStream(path, { flags: 'wx' });
    // Listened to from the start: an error with no listener would end the process.
    this.out.on('error', (error) => (this.failure ??= error));
  }

  private async write(data: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    this.offset += data.length;
    if (this.out.write(data)) return;
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        this.out.off('drain', done);
        this.out.off('error', done);
        if (this.failure) reject(this.failure);
        else resolve();
      };
      this.out.on('drain', done);
      this.out.on('error', done);
    });
  }

  /** An entry given whole, with its sizes in its header. */
  async add(name: string, data: Buffer): Promise<void> {
    const compressed = deflateRawSync(data);
    const entry = { name: Buffer.from(name, 'utf8'), flags: FLAG_UTF8, crc: crc32(data), compressedSize: compressed.length, uncompressedSize: data.length, offset: this.offset };
    await this.write(localHeader(entry));
    await this.write(compressed);
    this.written.push(entry);
  }

  /** An entry written piece by piece; nothing else may be added until it has ended. */
  async stream(name: string): Promise<ZipEntryStream> {
    const nameBytes = Buffer.from(name, 'utf8');
    const start = this.offset;
    const deflate = createDeflateRaw({ level: 6 });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    await this.write(localHeader({ name: nameBytes, flags: FLAG_UTF8 | FLAG_DESCRIPTOR, crc: 0, compressedSize: 0, uncompressedSize: 0, offset: start }));
    deflate.on('data', (chunk: Buffer) => {
      compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) deflate.pause();
    });
    const resume = () => deflate.resume();
    this.out.on('drain', resume);
    return {
      write: async (data) => {
        crc = crc32(data, crc);
        size += data.length;
        if (!deflate.write(data)) await new Promise<void>((resolve) => deflate.once('drain', resolve));
      },
      end: async () => {
        await new Promise<void>((resolve, reject) => {
          deflate.once('end', resolve);
          deflate.once('error', reject);
          deflate.end();
        });
        this.out.off('drain', resume);
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(DESCRIPTOR, 0);
        descriptor.writeUInt32LE(crc >>> 0, 4);
        descriptor.writeUInt32LE(compressed, 8);
        descriptor.writeUInt32LE(size, 12);
        await this.write(descriptor);
        this.written.push({ name: nameBytes, flags: FLAG_UTF8 | FLAG_DESCRIPTOR, crc: crc >>> 0, compressedSize: compressed, uncompressedSize: size, offset: start });
      },
    };
  }

  /** Writes the directory and closes the file. */
  async close(): Promise<void> {
    const directoryOffset = this.offset;
    for (const e of this.written) await this.write(centralHeader(e));
    await this.write(endOfDirectory(this.written.length, this.offset - directoryOffset, directoryOffset));
    await new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.out.once('error', reject);
      // The callback hears of an error before the 'error' listeners do.
      this.out.end((error?: Error | null) => {
        const failure = error ?? this.failure;
        if (failure) reject(failure);
        else resolve();
      });
    });
  }
}

/** An entry's record in the central directory, with its name. */
function centralHeader(e: WrittenEntry): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(e.flags, 8);
  header.writeUInt16LE(DEFLATE, 10);
  header.writeUInt16LE(e.date ?? 0, 14);
  header.writeUInt32LE(e.crc >>> 0, 16);
  header.writeUInt32LE(e.compressedSize, 20);
  header.writeUInt32LE(e.uncompressedSize, 24);
  header.writeUInt16LE(e.name.length, 28);
  header.writeUInt32LE(e.offset, 42);
  return Buffer.concat([header, e.name]);
}

/** A local header; an entry with a data descriptor has zero CRC and sizes here. */
function localHeader(e: WrittenEntry): Buffer {
  const descriptor = (e.flags & FLAG_DESCRIPTOR) !== 0;
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(e.flags, 6);
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(e.date ?? 0, 12);
  header.writeUInt32LE(descriptor ? 0 : e.crc, 14);
  header.writeUInt32LE(descriptor ? 0 : e.compressedSize, 18);
  header.writeUInt32LE(descriptor ? 0 : e.uncompressedSize, 22);
  header.writeUInt16LE(e.name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, e.name]);
}
