// The temporaries of writes in flight (files, and folders a write created), removed when
// the process is interrupted. Apart from write-output.ts, which fills them, so that the
// command line's Ctrl+C handler can sweep them without loading the writer at start-up.
// node:fs's callback rm, not node:fs/promises: this module loads with the command line, and
// fs/promises (with the streams it brings) is not needed to print help.
import { rm, rmdirSync, rmSync } from 'node:fs';

export const pendingTemporaries = new Set<string>();
/** Folders a write created, removed (when empty) if the run is interrupted. */
export const pendingFolders = new Set<string>();

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
      await new Promise<void>((resolve, reject) => rm(path, { force: true, recursive: true }, (error) => (error ? reject(error) : resolve())));
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
  for (const folder of [...pendingFolders].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty, or gone: left as it is.
    }
  }
  pendingFolders.clear();
}
