// Runs aspm in this process through `main(argv, io)`, as run-cli.ts runs the built CLI in
// a child: the same neutral environment, stdin a closed pipe, the real clock, the working
// folder; what it says is captured as text. End-to-end tests use this; the few tests where
// the process itself is the point (a broken pipe, a capped heap, the bin wrapper) spawn.
import { PassThrough } from 'node:stream';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT, runCli, type CliRun } from './run-cli.js';

export interface RunOptions {
  readonly cwd?: string;
  /** Added to a neutral environment (no colour, LANG=C), as for a spawned run. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** What stdin holds; it is a pipe, never a terminal, and ends after this. */
  readonly input?: string;
}

/** One run at a time: each changes the working folder, which belongs to the process. */
let queue: Promise<unknown> = Promise.resolve();

export function runMain(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const cwd = options.cwd ?? ROOT;
  const run = queue.then(() => inFolder(cwd, () => runIn(cwd, args, options)));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The commands resolve relative paths against the process's working folder, not `io.cwd`,
 * so a run "in" a folder is made there, as a spawned one is (vitest's forks pool allows
 * process.chdir; the folder is restored after each run).
 */
async function inFolder<T>(cwd: string, run: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    return await run();
  } finally {
    process.chdir(previous);
  }
}

async function runIn(cwd: string, args: readonly string[], options: RunOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  stdin.end(options.input ?? '');
  const status = await main(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    stdin,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', LANG: 'C', ...options.env },
    cwd,
    now: () => new Date(),
  });
  return { status, stdout, stderr };
}

/**
 * Each run made twice, by the built command in a child (bin/aspm.js, through whichever front
 * it takes) and by main() in this process, and held equal: output, errors and exit code. The
 * exit codes seen, for the caller to check that its runs reach the outcomes it means.
 */
export async function expectSameAsMain(runs: readonly { readonly argv: readonly string[]; readonly lang: string }[]): Promise<Set<number | null>> {
  const statuses = new Set<number | null>();
  for (const { argv, lang } of runs) {
    const built = runCli(argv, { env: { LANG: lang } });
    const command = await runMain(argv, { env: { LANG: lang } });
    expect({ argv, lang, ...built }).toEqual({ argv, lang, ...command });
    statuses.add(built.status);
  }
  return statuses;
}
