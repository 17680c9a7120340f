// A CliIo in memory: what a command writes is kept as text, stdin can pose as a terminal,
// the clock is fixed. For running commands in-process.
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/context.js';

export interface MemoryIo extends CliIo {
  stdoutText(): string;
  stderrText(): string;
}

export function memoryIo(options: { cwd: string; now?: Date; tty?: boolean; env?: Record<string, string> }): MemoryIo {
  let out = '';
  let err = '';
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  return {
    stdout: { write: (text: string) => (out += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (err += text), isTTY: options.tty ?? false },
    stdin,
    env: options.env ?? {},
    cwd: options.cwd,
    now: () => options.now ?? new Date('2026-03-14T08:00:00Z'),
    stdoutText: () => out,
    stderrText: () => err,
  };
}
