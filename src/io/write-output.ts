// Writes what a command produced without ever losing a user's file: every target is
// checked before anything is written (an existing file needs --force), each file is
// written to a temporary sibling and renamed into place, and an interrupted run removes
// its temporaries, so no half-written output is ever left behind.
import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AspmError } from '../errors.js';

export interface OutputFile {
  readonly path: string;
  readonly data: string | Uint8Array;
}

export interface WriteOptions {
  readonly force?: boolean;
  /**
   * Create missing parent folders (default): `-o reports/2026-10.json` makes `reports/`.
   * False makes a missing folder an error instead.
   */
  readonly createParents?: boolean;
  /** Files the command reads: never an output, even with --force. */
  readonly inputs?: readonly string[];
}

const pendingTemporaries = new Set<string>();

/**
 * Marks a path (a file or a folder a command is building) as temporary until the command
 * finishes, so that an interruption removes it; `keep` is called once it is complete.
 */
export function trackTemporary(path: string): { keep: () => void; discard: () => Promise<void> } {
  pendingTemporaries.add(path);
  return {
    keep: () => void pendingTemporaries.delete(path),
    discard: async () => {
      pendingTemporaries.delete(path);
      await rm(path, { force: true, recursive: true });
    },
  };
}

/** Removes temporaries of writes in flight; called when the process is interrupted. */
export function removePendingTemporaries(): void {
  for (const path of pendingTemporaries) {
    try {
      rmSync(path, { force: true, recursive: true });
    } catch {
      // Best effort while exiting.
    }
  }
  pendingTemporaries.clear();
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw writeFailure(path, cause);
  }
}

function writeFailure(path: string, cause: unknown): AspmError {
  return new AspmError('write-failed', { path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) }, { cause });
}

/** Fails, before anything is written, if any target may not be written. */
export async function checkTargets(paths: readonly string[], options: WriteOptions = {}): Promise<void> {
  const seen = new Set<string>();
  const inputs = new Set((options.inputs ?? []).map((p) => resolve(p)));
  for (const path of paths) {
    const absolute = resolve(path);
    if (seen.has(absolute)) continue;
    seen.add(absolute);
    if (inputs.has(absolute)) throw new AspmError('output-is-input', { path });
    const existing = await statOrNull(absolute);
    if (existing?.isDirectory()) throw new AspmError('output-is-directory', { path });
    if (existing && !options.force) throw new AspmError('output-exists', { path });
    if (options.createParents === false) {
      const parent = await statOrNull(dirname(absolute));
      if (!parent?.isDirectory()) throw new AspmError('output-dir-missing', { path: dirname(path) });
    }
  }
}

export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * A file too large to hold in memory, written by `write` into a temporary sibling and
 * renamed into place once complete; a failure or an interruption removes the temporary,
 * so the target is never half-written.
 */
export async function writeStreamed(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = temporaryPathFor(path);
  const tracked = trackTemporary(temporary);
  try {
    await write(temporary);
    await rename(temporary, path);
    tracked.keep();
  } catch (cause) {
    await tracked.discard();
    throw cause;
  }
}

/** Writes all files, or none: temporaries first, then one rename each. */
export async function writeOutputs(files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  await checkTargets(
    files.map((f) => f.path),
    options,
  );
  const staged: { temporary: string; target: string }[] = [];
  // What was being created or written when something failed, for the message.
  let current = '';
  try {
    for (const file of files) {
      const target = resolve(file.path);
      if (options.createParents !== false) {
        current = dirname(file.path);
        await mkdir(dirname(target), { recursive: true });
      }
      current = file.path;
      const temporary = temporaryPathFor(target);
      pendingTemporaries.add(temporary);
      staged.push({ temporary, target });
      await writeFile(temporary, file.data, { flag: 'wx' });
    }
    for (const { temporary, target } of staged) {
      current = target;
      await rename(temporary, target);
      pendingTemporaries.delete(temporary);
    }
  } catch (cause) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    for (const { temporary } of staged) pendingTemporaries.delete(temporary);
    if (cause instanceof AspmError) throw cause;
    throw writeFailure(current, cause);
  }
}

export async function writeOutput(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  await writeOutputs([{ path, data }], options);
}
