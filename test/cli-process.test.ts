// The few things only a real process shows, with the built CLI through its bin wrapper:
// the exit code a shell sees, output to a reader that has gone away, and that the wrapper
// starts the command at all. Everything else end to end runs in process (run-main.ts);
// inputs that are not files, runs at once and a capped heap are in reliability-cli and
// hostile-xlsx.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, hasStackTrace, ROOT, runCli } from './helpers/run-cli.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const preset = join(ROOT, 'presets', 'small.en.yaml');

describe('the aspm process', () => {
  it('bin/aspm.js starts the command: --version on stdout, exit 0', () => {
    const run = runCli(['--version']);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(version);
    expect(run.status).toBe(0);
  });

  it('exits 0 for a valid policy, 1 for an invalid one, 2 for a usage error, never with a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-process-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(preset, 'utf8').replace('size: small', 'size: huge'));
    const runs = [runCli(['validate', preset, '--lang', 'en']), runCli(['validate', broken, '--lang', 'en']), runCli(['evaluat', '--lang', 'en'])];
    expect(runs.map((run) => run.status)).toEqual([0, 1, 2]);
    expect(runs[1]!.stderr).toContain('not-allowed-value');
    expect(runs[2]!.stderr).toContain('Unknown command evaluat');
    for (const run of runs) expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('a reader that closes the pipe early (`aspm schema | head`) is no error: exit 0, nothing on stderr', async () => {
    const child = spawn(process.execPath, [BIN, 'schema'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed before the command has started, so its first write finds no reader (EPIPE).
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (code, sig) => done([code, sig])));
    expect(stderr).toBe('');
    expect({ status, signal }).toEqual({ status: 0, signal: null });
  });
});
