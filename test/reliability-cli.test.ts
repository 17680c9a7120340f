// The built CLI against inputs that are not files, interruptions and runs at once: it
// must end by itself, with a message of its own, and leave no half-done output.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRoster, generateTickets } from '../src/sample-data/generate-sample-data.js';
import { writeRosterCsv, writeTicketsCsv } from '../src/sample-data/write-sample-data.js';
import { BIN, hasStackTrace, ROOT } from './helpers/run-cli.js';

const preset = join(ROOT, 'presets', 'small.en.yaml');

interface Ended {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  /** Whether the test had to send SIGTERM, then SIGKILL, to end it. */
  readonly terminated: boolean;
  readonly killed: boolean;
}

/** Runs the CLI; after `patience` ms it is sent SIGTERM, and SIGKILL 5 s later. */
function runAsync(args: readonly string[], options: { cwd?: string; patience?: number } = {}): Promise<Ended> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let terminated = false;
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout.resume();
    const term = setTimeout(() => {
      terminated = true;
      child.kill('SIGTERM');
    }, options.patience ?? 20_000);
    const kill = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, (options.patience ?? 20_000) + 5_000);
    child.on('close', (status, signal) => {
      clearTimeout(term);
      clearTimeout(kill);
      done({ status, signal, stderr, terminated, killed });
    });
  });
}

describe('inputs that are not regular files', () => {
  it('a FIFO as the policy or as the tickets is refused at once (exit 1, named), never waited on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-fifo-'));
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const policy = join(dir, 'policy.yaml');
    cpSync(preset, policy);
    const roster = join(dir, 'roster.csv');
    await writeRosterCsv(roster, generateRoster({ seed: 1, staff: 3, tickets: 0, year: 2026, month: 9, language: 'en' }), { language: 'en' });
    const [validate, evaluate] = await Promise.all([
      runAsync(['validate', fifo]),
      runAsync(['evaluate', policy, '--tickets', fifo, '--roster', roster, '--period', '2026-09', '-o', join(dir, 'report.json')]),
    ]);
    for (const run of [validate, evaluate]) {
      expect(run.terminated).toBe(false);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${fifo} is not a regular file`);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
    expect(readdirSync(dir).sort()).toEqual(['pipe.yaml', 'policy.yaml', 'roster.csv']);
  }, 60_000);
});

describe('two runs at once, and the run after one that was killed', () => {
  it('two evaluate runs with the same outputs: one writes a whole set, the other refuses (exit 1) and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-race-'));
    const options = { seed: 5, staff: 6, tickets: 300, year: 2026, month: 9, language: 'en' as const };
    const staff = generateRoster(options);
    await writeRosterCsv(join(dir, 'roster.csv'), staff, { language: 'en' });
    await writeTicketsCsv(join(dir, 'tickets.csv'), generateTickets(options, staff), { language: 'en' });
    cpSync(preset, join(dir, 'policy.yaml'));
    const args = ['evaluate', 'policy.yaml', '--tickets', 'tickets.csv', '--roster', 'roster.csv', '--period', '2026-09', '-o', 'out/report.json', '--xlsx', '--date', '2026-10-08'];
    const runs = await Promise.all([runAsync(args, { cwd: dir }), runAsync(args, { cwd: dir })]);
    const statuses = runs.map((r) => r.status).sort();
    expect(statuses).toEqual([0, 1]);
    const loser = runs.find((r) => r.status === 1)!;
    expect(loser.stderr).toMatch(/output-exists|output-busy/);
    expect(hasStackTrace(loser.stderr)).toBe(false);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['report.json', 'report.xlsx']);

    // A temporary left by a run that was killed (its process is gone) is removed, and named.
    const stale = join(dir, 'out', '.report.json.999999999.0badc0de.tmp');
    writeFileSync(stale, 'half');
    const again = await runAsync([...args, '--force'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('Removed 1 temporary file(s) left by an earlier run that was interrupted');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['report.json', 'report.xlsx']);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')).period.id).toBe('2026-09');
  }, 120_000);
});

describe('outputs that name a folder or cannot exist', () => {
  it('-o out/, a notices folder named past 255 bytes: usage errors (exit 2) before any work, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-names-'));
    cpSync(preset, join(dir, 'policy.yaml'));
    const roster = join(dir, 'roster.csv');
    await writeRosterCsv(roster, generateRoster({ seed: 1, staff: 3, tickets: 0, year: 2026, month: 9, language: 'en' }), { language: 'en' });
    const base = ['evaluate', 'policy.yaml', '--tickets', 'roster.csv', '--roster', 'roster.csv', '--period', '2026-09'];
    const [folder, long] = await Promise.all([
      runAsync([...base, '-o', 'out/'], { cwd: dir }),
      runAsync([...base, '-o', 'report.json', '--notices', '通'.repeat(90)], { cwd: dir }),
    ]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('output-names-folder');
    expect(long.status).toBe(2);
    expect(long.stderr).toContain('output-path-too-long');
    expect(readdirSync(dir).sort()).toEqual(['policy.yaml', 'roster.csv']);
  }, 60_000);
});
