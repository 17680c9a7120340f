// The few things only a real process shows, with the built CLI through its bin wrapper:
// the exit code a shell sees, output to a reader that has gone away, a signal while the
// wizard waits at a terminal, and that the wrapper starts the command at all. Everything else end to end runs in process (run-main.ts);
// inputs that are not files, runs at once and a capped heap are in reliability-cli and
// hostile-xlsx.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, hasStackTrace, ROOT, runCli, runWithStdoutClosed } from './helpers/run-cli.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const preset = join(ROOT, 'presets', 'small.en.yaml');
/** util-linux `script` gives the command a terminal (Debian has it in every install). */
const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;

/** The node process started under `pid` (script runs it through a shell, which may exec it or not). */
function nodeUnder(pid: number): number {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([id, parent, command]) => ({ id: Number(id), parent: Number(parent), command }));
  for (let parents = [pid]; parents.length > 0; ) {
    const children = table.filter((p) => parents.includes(p.parent));
    const node = children.find((p) => p.command === 'node');
    if (node) return node.id;
    parents = children.map((p) => p.id);
  }
  throw new Error(`no node process under ${pid}`);
}

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
    // Closed before the command has started, so its first write finds no reader (EPIPE).
    const { status, signal, stderr } = await runWithStdoutClosed(['schema']);
    expect(stderr).toBe('');
    expect({ status, signal }).toEqual({ status: 0, signal: null });
  });

  it.skipIf(!hasScript)('SIGTERM while the wizard waits at a terminal: ends by the signal (143), says it was cancelled, writes nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'aspm-signal-')), 'policy.yaml');
    const child = spawn('script', ['-qfec', `"${process.execPath}" "${BIN}" init --lang en -o "${out}"`, '/dev/null'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'en_US.UTF-8', TERM: 'dumb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let signalled = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      screen += text;
      // The first question is on the screen: aspm is running and waiting for an answer.
      if (!signalled && screen.includes('? ')) {
        signalled = true;
        process.kill(nodeUnder(child.pid!), 'SIGTERM');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    // script exits with the command's status, 128 + the signal's number when a signal ended it.
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    clearTimeout(timer);
    expect(signalled).toBe(true);
    expect(status).toBe(143);
    expect(screen).toContain('Cancelled; nothing was written.');
    expect(existsSync(out)).toBe(false);
  });
});
