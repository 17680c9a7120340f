import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AspmError } from '../errors.js';
import { writeOutputs, writeStreamed } from './write-output.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'aspm-write-'));

describe('writeOutputs', () => {
  it('writes every file and leaves no temporary behind', async () => {
    const dir = fresh();
    await writeOutputs([
      { path: join(dir, 'a.txt'), data: 'A' },
      { path: join(dir, 'b.bin'), data: new Uint8Array([1, 2, 3]) },
    ]);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('A');
    expect([...readFileSync(join(dir, 'b.bin'))]).toEqual([1, 2, 3]);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.bin']);
  });

  it('refuses to overwrite without force and writes nothing at all', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'b.txt'), 'original');
    const attempt = writeOutputs([
      { path: join(dir, 'a.txt'), data: 'new' },
      { path: join(dir, 'b.txt'), data: 'new' },
    ]);
    await expect(attempt).rejects.toMatchObject({ code: 'output-exists', exitCode: 1 });
    await expect(attempt).rejects.toBeInstanceOf(AspmError);
    expect(existsSync(join(dir, 'a.txt'))).toBe(false);
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('original');
  });

  it('overwrites with force', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'b.txt'), 'original');
    await writeOutputs([{ path: join(dir, 'b.txt'), data: 'new' }], { force: true });
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('new');
  });

  it('will not replace a folder; creates a missing parent folder unless told not to', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'out.json'));
    await expect(writeOutputs([{ path: join(dir, 'out.json'), data: 'x' }], { force: true })).rejects.toMatchObject({ code: 'output-is-directory' });
    await expect(writeOutputs([{ path: join(dir, 'no', 'such', 'x.json'), data: 'x' }], { createParents: false })).rejects.toMatchObject({ code: 'output-dir-missing' });
    await writeOutputs([{ path: join(dir, 'made', 'x.json'), data: 'x' }]);
    expect(readFileSync(join(dir, 'made', 'x.json'), 'utf8')).toBe('x');
  });

  it('never writes over a file the command reads, even with force', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'tickets.csv'), 'the export');
    await expect(writeOutputs([{ path: join(dir, 'tickets.csv'), data: '{}' }], { force: true, inputs: [join(dir, '.', 'tickets.csv')] })).rejects.toMatchObject({
      code: 'output-is-input',
    });
    expect(readFileSync(join(dir, 'tickets.csv'), 'utf8')).toBe('the export');
  });

  it('names the place it could not write, not another file', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'blocker'), '');
    const attempt = writeOutputs(
      [
        { path: join(dir, 'report.json'), data: '{}' },
        { path: join(dir, 'blocker', 'notices', 'a.md'), data: 'x' },
      ],
      {},
    );
    // Whichever step fails (creating the folder or writing in it), the message names that place.
    await expect(attempt).rejects.toMatchObject({ code: 'write-failed', params: { path: expect.stringContaining(join(dir, 'blocker', 'notices')) } });
    expect(readdirSync(dir).sort()).toEqual(['blocker']);
  });
});

describe('writeStreamed', () => {
  it('puts the file in place only when written whole; a failure leaves the old file and no temporary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-streamed-'));
    const path = join(dir, 'tickets.csv');
    writeFileSync(path, 'old');
    await expect(
      writeStreamed(path, async (temporary) => {
        writeFileSync(temporary, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['tickets.csv']);
    await writeStreamed(path, async (temporary) => writeFileSync(temporary, 'new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['tickets.csv']);
  });
});
