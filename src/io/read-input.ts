// Reads a user's input file whole, turning every way that can fail into a diagnostic that
// says what to do (missing, a folder, unreadable, too large). Only for files that are
// small by nature (policies, answers, adjustments); ticket exports are streamed.
// Only regular files are read: a FIFO, a socket or a device can block an open or a read
// for ever, and a blocked read keeps even a Ctrl+C from ending the process.
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { error, type Diagnostic } from '../errors.js';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic };

export async function readSmallFile(path: string, maxBytes: number): Promise<ReadResult> {
  const location = { file: path };
  let handle;
  try {
    handle = await openRegularFile(path);
  } catch (cause) {
    return { ok: false, diagnostic: openFailure(cause, path) };
  }
  try {
    const stat = await handle.stat();
    if (stat.size > maxBytes) return { ok: false, diagnostic: error('file-too-large', { size: stat.size, limit: maxBytes }, location) };
    // Read at most one byte past the limit: a file that grows while read still fails.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return { ok: false, diagnostic: error('file-too-large', { size: length, limit: maxBytes }, location) };
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (cause) {
    return { ok: false, diagnostic: openFailure(cause, path) };
  } finally {
    await handle.close();
  }
}

/** Thrown (as an errno-like code) for a path that exists but is not a regular file. */
const NOT_REGULAR = 'ASPM_NOT_REGULAR';

/** Fails with an errno-like code, for openFailure, unless `path` is a regular file. */
export async function checkRegularFile(path: string): Promise<void> {
  // stat never blocks on a FIFO, where open without O_NONBLOCK waits for a writer.
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error(path), { code: 'EISDIR' });
  if (!info.isFile()) throw Object.assign(new Error(path), { code: NOT_REGULAR });
}

/**
 * Opens a regular file for reading, never waiting: O_NONBLOCK keeps a FIFO swapped in
 * after the stat from blocking the open, and the handle's own stat is checked again.
 */
export async function openRegularFile(path: string): Promise<FileHandle> {
  await checkRegularFile(path);
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error(path), { code: 'EISDIR' });
    if (!info.isFile()) throw Object.assign(new Error(path), { code: NOT_REGULAR });
    return handle;
  } catch (cause) {
    await handle.close();
    throw cause;
  }
}

export function openFailure(cause: unknown, path: string): Diagnostic {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return error('file-not-found', { path }, { file: path });
  if (code === 'EISDIR') return error('is-directory', { path }, { file: path });
  if (code === NOT_REGULAR) return error('not-a-regular-file', { path }, { file: path });
  return error('file-unreadable', { path, reason: code ?? String(cause) }, { file: path });
}
