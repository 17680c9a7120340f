import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AspmError } from '../errors.js';
import { writeRosterCsv } from '../sample-data/write-sample-data.js';
import { checkTargets, MAX_NAME_BYTES, temporaryPathFor, writeOutputs, writeStreamed } from './write-output.js';

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

/** The pid of a process that has ended (a child that ran and exited). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('writeOutputs: two runs at once and runs that were killed (issue 17, 14 and 15)', () => {
  const set = (dir: string, mark: string) => [
    { path: join(dir, 'report.json'), data: `report ${mark}` },
    { path: join(dir, 'report.xlsx'), data: `excel ${mark}` },
    { path: join(dir, 'notices', 'a.md'), data: `notice ${mark}` },
  ];

  it('without force, of two writes of the same outputs at once one wins whole and the other refuses', async () => {
    const dir = fresh();
    const results = await Promise.allSettled([writeOutputs(set(dir, 'one')), writeOutputs(set(dir, 'two'))]);
    const won = results.findIndex((r) => r.status === 'fulfilled');
    const lost = results.find((r) => r.status === 'rejected');
    expect(won).not.toBe(-1);
    expect(lost?.reason).toBeInstanceOf(AspmError);
    expect(['output-exists', 'output-busy']).toContain((lost?.reason as AspmError | undefined)?.code);
    const mark = won === 0 ? 'one' : 'two';
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(`report ${mark}`);
    expect(readFileSync(join(dir, 'report.xlsx'), 'utf8')).toBe(`excel ${mark}`);
    expect(readFileSync(join(dir, 'notices', 'a.md'), 'utf8')).toBe(`notice ${mark}`);
    expect(readdirSync(dir).sort()).toEqual(['notices', 'report.json', 'report.xlsx']);
  });

  it('with force, writes at once still leave one consistent set', async () => {
    const dir = fresh();
    await writeOutputs(set(dir, 'zero'));
    const marks = ['one', 'two', 'three'];
    await Promise.allSettled(marks.map((m) => writeOutputs(set(dir, m), { force: true })));
    const mark = readFileSync(join(dir, 'report.json'), 'utf8').slice('report '.length);
    expect(readFileSync(join(dir, 'report.xlsx'), 'utf8')).toBe(`excel ${mark}`);
    expect(readFileSync(join(dir, 'notices', 'a.md'), 'utf8')).toBe(`notice ${mark}`);
    expect(readdirSync(dir).sort()).toEqual(['notices', 'report.json', 'report.xlsx']);
  });

  it('takes over the lock of a run that was killed, and removes its temporaries', async () => {
    const dir = fresh();
    const pid = deadPid();
    writeFileSync(join(dir, '.report.json.aspm-lock'), String(pid));
    const stale = join(dir, `.report.json.${pid}.0badc0de.tmp`);
    writeFileSync(stale, 'half');
    const { staleRemoved } = await writeOutputs(set(dir, 'one'));
    expect(staleRemoved).toEqual([stale]);
    expect(readdirSync(dir).sort()).toEqual(['notices', 'report.json', 'report.xlsx']);
  });

  it('leaves a folder alone though its name looks like a dead run\'s temporary', async () => {
    const dir = fresh();
    const folder = join(dir, `.keep.${deadPid()}.0badc0de.tmp`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'mine.txt'), 'user data');
    const { staleRemoved } = await writeOutputs(set(dir, 'one'));
    expect(staleRemoved).toEqual([]);
    expect(readFileSync(join(folder, 'mine.txt'), 'utf8')).toBe('user data');
  });

  it('refuses while a live run holds the lock', async () => {
    const dir = fresh();
    writeFileSync(join(dir, '.report.json.aspm-lock'), String(process.ppid));
    await expect(writeOutputs(set(dir, 'one'))).rejects.toMatchObject({ code: 'output-busy', exitCode: 1 });
    expect(readdirSync(dir)).toEqual(['.report.json.aspm-lock']);
  });

  it('a write that fails leaves no folder it created', async () => {
    const dir = fresh();
    // A link to nowhere: nothing there when the targets are checked, no folder can be made.
    symlinkSync(join(dir, 'nowhere', 'deeper'), join(dir, 'link'));
    const attempt = writeOutputs([
      { path: join(dir, 'reports', '2026', 'report.json'), data: '{}' },
      { path: join(dir, 'link', 'a.md'), data: 'x' },
    ]);
    await expect(attempt).rejects.toMatchObject({ code: 'write-failed' });
    expect(readdirSync(dir)).toEqual(['link']);
  });

  it('an output that names a folder (-o out/) or is too long for any file system is a usage error, before any write', async () => {
    const dir = fresh();
    await expect(checkTargets([join(dir, 'out') + '/'])).rejects.toMatchObject({ code: 'output-names-folder', exitCode: 2 });
    await expect(checkTargets([join(dir, `${'报'.repeat(90)}.json`)])).rejects.toMatchObject({ code: 'output-path-too-long', exitCode: 2 });
    await expect(writeOutputs([{ path: join(dir, 'out') + '/', data: 'x' }])).rejects.toMatchObject({ code: 'output-names-folder' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names a temporary so that it fits where its target fits (255 bytes of UTF-8)', () => {
    const name = `${'张'.repeat(84)}.md`; // 254 bytes
    const temporary = basename(temporaryPathFor(join(tmpdir(), name)));
    expect(Buffer.byteLength(temporary)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(temporary).toMatch(/^\.张+\.\d+\.[0-9a-f]{8}\.tmp$/);
  });
});

describe('temporaries', () => {
  it('are created exclusively: a file already at the name fails the write and is left as it was', async () => {
    const dir = fresh();
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      // With the randomness fixed, the next temporary's name is known, and something is put there first.
      const planted = temporaryPathFor(join(dir, 'a.txt'));
      writeFileSync(planted, 'not aspm’s');
      await expect(writeOutputs([{ path: join(dir, 'a.txt'), data: 'A' }])).rejects.toThrow();
      expect(readFileSync(planted, 'utf8')).toBe('not aspm’s');
      expect(existsSync(join(dir, 'a.txt'))).toBe(false);
      // The same for a streamed write, whose writer creates the temporary itself.
      const streamed = temporaryPathFor(join(dir, 'b.csv'));
      writeFileSync(streamed, 'not aspm’s either');
      const write = writeStreamed(join(dir, 'b.csv'), (temporary) => writeFile(temporary, 'B', { flag: 'wx' }));
      await expect(write).rejects.toThrow();
      expect(readFileSync(streamed, 'utf8')).toBe('not aspm’s either');
      expect(existsSync(join(dir, 'b.csv'))).toBe(false);
    } finally {
      random.mockRestore();
    }
  });

  it("are created exclusively by the sample data's own CSV writer too, however much it writes: the planted file stays, no crash", async () => {
    const dir = fresh();
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.25);
    try {
      for (const people of [3, 20_000]) {
        const target = join(dir, `roster-${people}.csv`);
        const planted = temporaryPathFor(target);
        writeFileSync(planted, 'planted');
        const staff = Array.from({ length: people }, (_, i) => ({ id: `E${i}`, name: `员工${i}`, role: 'agent' as const, team: '一组' }));
        await expect(writeRosterCsv(target, staff, { language: 'zh-CN' })).rejects.toThrow();
        expect({ people, planted: readFileSync(planted, 'utf8'), written: existsSync(target) }).toEqual({ people, planted: 'planted', written: false });
      }
    } finally {
      random.mockRestore();
    }
  });

  it('have names that differ from one write to the next', () => {
    const names = new Set(Array.from({ length: 1000 }, () => temporaryPathFor('/x/a.txt')));
    expect(names.size).toBe(1000);
    for (const name of names) expect(basename(name)).toMatch(new RegExp(`^\\.a\\.txt\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
  });
});

describe('writeStreamed', () => {
  it('says a system error while streaming (a folder gone, a full disk) as write-failed for the file, not as a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-streamed-'));
    const path = join(dir, 'tickets.csv');
    const failed = await writeStreamed(path, async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }).catch((caught: unknown) => caught);
    expect(failed).toMatchObject({ code: 'write-failed', params: { path, reason: 'ENOSPC' } });
    expect(readdirSync(dir)).toEqual([]);
  });

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
