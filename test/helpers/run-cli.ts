// Runs the built aspm CLI as a user would, in a child process, and captures what it says.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'aspm.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; input?: string; bin?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [options.bin ?? BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    // A neutral environment: no colour, a known language unless the test sets one.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', LANG: 'C', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A stack trace is never acceptable output for a user's mistake. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /node:internal/.test(text);
}

/**
 * A copy of the package that holds only bin/ and package.json and, of the built bundle, the
 * files named (dist/bundle/NAME): a run of its bin/aspm.js shows what those files need.
 * Copied in the order given, each file then dated as it was copied.
 */
export function packageWith(bundleFiles: readonly string[]): string {
  const copy = mkdtempSync(join(tmpdir(), 'aspm-package-'));
  cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  mkdirSync(join(copy, 'dist', 'bundle'), { recursive: true });
  for (const file of bundleFiles) cpSync(join(ROOT, 'dist', 'bundle', file), join(copy, 'dist', 'bundle', file));
  return copy;
}

/**
 * Runs the built command with its stdout closed before it starts, as `aspm … | head` leaves it
 * when the reader has gone: its first write finds no reader (EPIPE).
 */
export async function runWithStdoutClosed(args: readonly string[]): Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (code, sig) => done([code, sig])));
  return { status, signal, stderr };
}
