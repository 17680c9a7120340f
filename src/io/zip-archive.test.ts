// The one ZIP module: what ZipStreamWriter writes, ZipArchive reads back with every check on;
// replaceZipEntries changes only the entries it is asked to, and reads the directory with the
// same bounds as ZipArchive; zipArchive builds in memory what ZipArchive reads back.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceZipEntries, zipArchive, ZipArchive, ZipFormatError, ZipStreamWriter } from './zip-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const big = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `<row r="${i}">工单 ${i * 7919}</row>`).join(''), 'utf8');

async function writeZip(name: string): Promise<string> {
  const path = join(dir, name);
  const writer = new ZipStreamWriter(path);
  const stream = await writer.stream('xl/worksheets/sheet1.xml');
  for (let at = 0; at < big.length; at += 50_000) await stream.write(big.subarray(at, at + 50_000));
  await stream.end();
  await writer.add('名字.xml', Buffer.from('<a>一</a>', 'utf8'));
  await writer.add('empty', Buffer.alloc(0));
  await writer.close();
  return path;
}

async function contents(archive: ZipArchive, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of archive.chunks(archive.entry(name)!)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('ZipStreamWriter', () => {
  it('rejects, rather than ending the process or claiming success, when the file cannot be written', async () => {
    for (const size of [100, 200_000]) {
      const writer = new ZipStreamWriter(join(dir, 'no such folder', `x-${size}.xlsx`));
      const failed = (async () => {
        await writer.add('a.xml', Buffer.alloc(size, 65));
        await writer.close();
      })();
      await expect(failed).rejects.toMatchObject({ code: 'ENOENT' });
    }
  });

  it('writes streamed and whole entries that ZipArchive reads back, sizes and CRC checked', async () => {
    const archive = await ZipArchive.open(await writeZip('a.zip'));
    expect([...archive.entries.keys()]).toEqual(['xl/worksheets/sheet1.xml', '名字.xml', 'empty']);
    expect((await contents(archive, 'xl/worksheets/sheet1.xml')).equals(big)).toBe(true);
    expect(archive.entry('xl/worksheets/sheet1.xml')).toMatchObject({ method: 8, uncompressedSize: big.length, crc: crc32(big) >>> 0 });
    expect(await archive.text(archive.entry('名字.xml')!, 100)).toBe('<a>一</a>');
    expect((await contents(archive, 'empty')).length).toBe(0);
  });

  it('gives the same bytes for the same entries (no time stamps)', async () => {
    expect(readFileSync(await writeZip('b.zip')).equals(readFileSync(await writeZip('c.zip')))).toBe(true);
  });
});

describe('zipArchive', () => {
  const parts: [string, Buffer][] = [
    ['[Content_Types].xml', Buffer.from('<Types/>', 'utf8')],
    ['word/document.xml', big],
    ['word/media/图.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255, 1])],
    ['empty', Buffer.alloc(0)],
  ];

  it('holds the parts in the order given, each read back whole with its size and CRC checked', async () => {
    const path = join(dir, 'memory.zip');
    const bytes = zipArchive(parts);
    writeFileSync(path, bytes);
    const archive = await ZipArchive.open(path);
    expect([...archive.entries.keys()]).toEqual(parts.map(([name]) => name));
    for (const [name, data] of parts) {
      expect((await contents(archive, name)).equals(data), name).toBe(true);
      expect(archive.entry(name)!.crc).toBe(crc32(data) >>> 0);
    }
    // Deflated: the repetitive part is much smaller than itself.
    expect(bytes.length).toBeLessThan(big.length / 3);
    // Dated 1 January 1980 (MS-DOS: day 1, month 1 << 5, year 0 << 9), a date every reader accepts, in the first local header.
    expect(Buffer.from(bytes).readUInt16LE(12)).toBe(1 | (1 << 5));
  });

  it('gives the same bytes for the same parts, other bytes for other parts', () => {
    const a = Buffer.from(zipArchive(parts));
    expect(Buffer.from(zipArchive(parts)).equals(a)).toBe(true);
    expect(Buffer.from(zipArchive(parts.slice(1))).equals(a)).toBe(false);
  });
});

describe('replaceZipEntries', () => {
  it('deflates the replaced entry anew and copies every other entry byte for byte', async () => {
    const before = readFileSync(await writeZip('d.zip'));
    const seen: string[] = [];
    const after = replaceZipEntries(before, (name, content) => {
      seen.push(name);
      return name === '名字.xml' ? Buffer.from(content().toString('utf8').replace('一', '二'), 'utf8') : undefined;
    });
    expect(seen).toEqual(['xl/worksheets/sheet1.xml', '名字.xml', 'empty']);
    const path = join(dir, 'e.zip');
    writeFileSync(path, after);
    const archive = await ZipArchive.open(path);
    expect(await archive.text(archive.entry('名字.xml')!, 100)).toBe('<a>二</a>');
    expect((await contents(archive, 'xl/worksheets/sheet1.xml')).equals(big)).toBe(true);
    // The streamed entry's data descriptor is dropped and its sizes move into the header:
    // the compressed bytes themselves are the same.
    const original = await ZipArchive.open(join(dir, 'd.zip'));
    expect(archive.entry('xl/worksheets/sheet1.xml')!.compressedSize).toBe(original.entry('xl/worksheets/sheet1.xml')!.compressedSize);
    expect(after.length).toBe(before.length - 16 + (archive.entry('名字.xml')!.compressedSize - original.entry('名字.xml')!.compressedSize));
  });

  it('adds new entries after the others, readable with their UTF-8 names; a name already there is refused', async () => {
    const before = readFileSync(await writeZip('g.zip'));
    const after = replaceZipEntries(before, () => undefined, new Map([['xl/charts/图表1.xml', Buffer.from('<c>柱形</c>', 'utf8')]]));
    const path = join(dir, 'h.zip');
    writeFileSync(path, after);
    const archive = await ZipArchive.open(path);
    expect([...archive.entries.keys()]).toEqual(['xl/worksheets/sheet1.xml', '名字.xml', 'empty', 'xl/charts/图表1.xml']);
    expect(await archive.text(archive.entry('xl/charts/图表1.xml')!, 100)).toBe('<c>柱形</c>');
    expect((await contents(archive, 'xl/worksheets/sheet1.xml')).equals(big)).toBe(true);
    expect(() => replaceZipEntries(before, () => undefined, new Map([['名字.xml', Buffer.from('x')]]))).toThrow(ZipFormatError);
  });

  it('trusts no directory field: a directory that claims more entries than it can hold is refused', async () => {
    const bytes = Buffer.from(readFileSync(await writeZip('f.zip')));
    bytes.writeUInt16LE(5000, bytes.length - 22 + 10);
    expect(() => replaceZipEntries(bytes, () => undefined)).toThrow(ZipFormatError);
    expect(() => replaceZipEntries(Buffer.from('not a zip at all, not even close'), () => undefined)).toThrow(expect.objectContaining({ problem: 'not-zip' }));
  });
});
