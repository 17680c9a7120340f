// Writes what a command produced without ever losing a user's file: every target is
// checked before anything is written (an existing file needs --force), each file is
// written to a temporary sibling and renamed into place, and an interrupted run removes
// its temporaries, so no half-written output is ever left behind. Two runs at once with
// the same outputs never mix: the writing holds a lock file beside the first output, and
// without --force each output is claimed exclusively (a hard link fails on an existing
// name, where a rename would silently replace it).
import { link, lstat, readFile, readdir, rename, rm, rmdir, stat, unlink, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { AspmError, usageError } from '../errors.js';
import { truncateUtf8 } from '../text/utf8-bytes.js';
import { pendingFolders, pendingTemporaries, trackTemporary } from './pending-temporaries.js';

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

// Kept in their own module so that the command line can sweep them on Ctrl+C without
// loading this one before a command writes anything.

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

/** Longest path (in bytes) Linux accepts in one call. */
const MAX_PATH_BYTES = 4095;

/**
 * A usage error, before any work, for an output that names a folder (`-o out/`) or that
 * no file system can hold (a name over 255 bytes, a path over 4095).
 */
export function checkOutputName(path: string): void {
  const last = basename(path);
  if (path.endsWith('/') || path.endsWith(sep) || last === '' || last === '.' || last === '..') throw usageError('output-names-folder', { path });
  const tooLong = resolve(path)
    .split(sep)
    .find((part) => Buffer.byteLength(part) > MAX_NAME_BYTES);
  if (tooLong !== undefined || Buffer.byteLength(resolve(path)) > MAX_PATH_BYTES) throw usageError('output-path-too-long', { path, limit: MAX_NAME_BYTES });
}

/** Fails, before anything is written, if any target may not be written. */
export async function checkTargets(paths: readonly string[], options: WriteOptions = {}): Promise<void> {
  const seen = new Set<string>();
  const inputs = new Set((options.inputs ?? []).map((p) => resolve(p)));
  for (const path of paths) {
    checkOutputName(path);
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

/** Longest file name (in bytes) that common file systems (ext4, APFS, NTFS) accept. */
export const MAX_NAME_BYTES = 255;

/** `.NAME.PID.RANDOM.tmp` — the pattern stale temporaries are recognised by. */
const TEMPORARY_NAME = /^\..*\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * A temporary beside `path`, named `.NAME.PID.RANDOM.tmp`. Every temporary is created
 * exclusively (O_EXCL: never an existing file, never through a link planted in its place),
 * so its name has only to be unlikely to meet another's, not secret: Math.random (seeded
 * from the system's entropy) rather than node:crypto, whose loading and set-up cost
 * `aspm render` a twentieth of its time.
 */
export function temporaryPathFor(path: string): string {
  const random = Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
  const suffix = `.${process.pid}.${random}.tmp`;
  // The temporary's name must fit where the target's does: the target's own name is
  // shortened in it (it only has to be recognisable), never the suffix.
  const name = truncateUtf8(basename(path), MAX_NAME_BYTES - 1 - suffix.length);
  return join(dirname(path), `.${name}${suffix}`);
}

/** The error of an exclusive create that found a file there already. */
function isAlreadyThere(cause: unknown): boolean {
  return (cause as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';
}

function lockPathFor(path: string): string {
  return join(dirname(path), `.${truncateUtf8(basename(path), MAX_NAME_BYTES - 12)}.aspm-lock`);
}

function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock beside `path` (create-exclusive), or fails with `output-busy` while
 * another live run holds it; a lock left by a run that was killed is taken over.
 */
async function acquireLock(path: string): Promise<() => Promise<void>> {
  const lock = lockPathFor(path);
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      pendingTemporaries.add(lock);
      return async () => {
        pendingTemporaries.delete(lock);
        await rm(lock, { force: true });
      };
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw writeFailure(path, cause);
      const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      if (attempt > 0 || processAlive(holder)) throw new AspmError('output-busy', { path });
      await rm(lock, { force: true });
    }
  }
}

/** Removes temporaries that runs which no longer exist left in `dir`; returns their paths. */
export async function removeStaleTemporaries(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY_NAME.exec(name);
    if (!match || processAlive(Number(match[1]))) continue;
    const path = join(dir, name);
    try {
      // aspm's temporaries are files: a folder or link that happens to match the name is not ours.
      if (!(await lstat(path)).isFile()) continue;
      await unlink(path);
      removed.push(path);
    } catch {
      // Not ours to insist on: a temporary that cannot be removed stays, and is named again.
    }
  }
  return removed;
}

/** Creates `dir` and its missing parents; returns the folders it created, outermost first. */
async function makeFolders(dir: string): Promise<string[]> {
  const first = await mkdir(dir, { recursive: true });
  if (first === undefined) return [];
  const created: string[] = [];
  for (let d = dir; d.length >= first.length; d = dirname(d)) {
    created.unshift(d);
    if (d === first) break;
  }
  return created;
}

/** Commits one staged file: a rename with --force, an exclusive claim without. */
async function commit(temporary: string, target: string, force: boolean): Promise<void> {
  if (force) return rename(temporary, target);
  try {
    await link(temporary, target);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new AspmError('output-exists', { path: target });
    // A file system without hard links: the lock still keeps aspm's own runs apart.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw cause;
    if (await statOrNull(target)) throw new AspmError('output-exists', { path: target });
    return rename(temporary, target);
  }
  await unlink(temporary);
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
    // A file already at the temporary's name (the write creates it exclusively) is not ours to remove.
    if (isAlreadyThere(cause)) tracked.keep();
    else await tracked.discard();
    // A full disk or a folder gone (a system error, with its code) is the user's to fix,
    // said as for any other output; anything else is passed on as it is.
    throw typeof (cause as NodeJS.ErrnoException | undefined)?.code === 'string' && !(cause instanceof AspmError) ? writeFailure(path, cause) : cause;
  }
}

export interface WriteResult {
  /** Temporaries of earlier runs that were killed, found beside the outputs and removed. */
  readonly staleRemoved: readonly string[];
}

/**
 * Writes all files, or none: temporaries first, then one claim (or, with force, one
 * rename) each, under a lock beside the first file. Clean-up after a failure never
 * hides the failure.
 */
export async function writeOutputs(files: readonly OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const force = options.force ?? false;
  await checkTargets(
    files.map((f) => f.path),
    options,
  );
  if (files.length === 0) return { staleRemoved: [] };
  const staged: { temporary: string; target: string }[] = [];
  const committed: string[] = [];
  const createdFolders: string[] = [];
  const staleRemoved: string[] = [];
  // What was being created or written when something failed, for the message.
  let current = files[0]!.path;
  let release: (() => Promise<void>) | undefined;
  try {
    for (const file of files) {
      const target = resolve(file.path);
      if (options.createParents !== false) {
        current = dirname(file.path);
        for (const folder of await makeFolders(dirname(target))) {
          createdFolders.push(folder);
          pendingFolders.add(folder);
        }
      }
      if (release === undefined) {
        current = file.path;
        release = await acquireLock(target);
      }
      if (!staged.some((s) => dirname(s.target) === dirname(target))) staleRemoved.push(...(await removeStaleTemporaries(dirname(target))));
      current = file.path;
      const temporary = temporaryPathFor(target);
      pendingTemporaries.add(temporary);
      staged.push({ temporary, target });
      await writeFile(temporary, file.data, { flag: 'wx' }).catch((cause: unknown) => {
        // A file of that name that this run did not make is not this run's to remove.
        if (isAlreadyThere(cause)) {
          staged.pop();
          pendingTemporaries.delete(temporary);
        }
        throw cause;
      });
    }
    for (const { temporary, target } of staged) {
      current = target;
      await commit(temporary, target, force);
      pendingTemporaries.delete(temporary);
      committed.push(target);
    }
    for (const folder of createdFolders) pendingFolders.delete(folder);
  } catch (cause) {
    await Promise.allSettled(staged.map(({ temporary }) => rm(temporary, { force: true })));
    for (const { temporary } of staged) pendingTemporaries.delete(temporary);
    // Without --force every committed file is new, claimed by this run: all or none.
    if (!force) await Promise.allSettled(committed.map((target) => rm(target, { force: true })));
    // The lock may sit in a folder this run made: released first, so that it can go.
    await release?.().catch(() => undefined);
    release = undefined;
    for (const folder of createdFolders.reverse()) {
      pendingFolders.delete(folder);
      await rmdir(folder).catch(() => undefined);
    }
    if (cause instanceof AspmError) throw cause;
    throw writeFailure(current, cause);
  } finally {
    await release?.().catch(() => undefined);
  }
  return { staleRemoved };
}

export async function writeOutput(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<WriteResult> {
  return writeOutputs([{ path, data }], options);
}
