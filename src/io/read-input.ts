// Reads a user's input file whole, turning every way that can fail into a diagnostic that
// says what to do (missing, a folder, unreadable, too large). Only for files that are
// small by nature (policies, answers, adjustments); ticket exports are streamed.
import { open } from 'node:fs/promises';
import { error, type Diagnostic } from '../errors.js';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic };

export async function readSmallFile(path: string, maxBytes: number): Promise<ReadResult> {
  const location = { file: path };
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    return { ok: false, diagnostic: openFailure(cause, path) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { ok: false, diagnostic: error('is-directory', { path }, location) };
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

export function openFailure(cause: unknown, path: string): Diagnostic {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return error('file-not-found', { path }, { file: path });
  if (code === 'EISDIR') return error('is-directory', { path }, { file: path });
  return error('file-unreadable', { path, reason: code ?? String(cause) }, { file: path });
}
