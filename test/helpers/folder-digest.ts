// What a folder holds, as one digest per entry: each file's content hashed, each folder's
// entries listed. Compared before and after, it tells whether anything in the folder was
// written, added, removed or renamed; the files' times cannot, as a write in the same tick
// of the file system's clock as the one before leaves them equal.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every entry's digest, by its path relative to `dir` ('' for `dir` itself). */
export function digestFolder(dir: string): Record<string, string> {
  const digests: Record<string, string> = {};
  const visit = (relative: string) => {
    const path = join(dir, relative);
    if (statSync(path).isDirectory()) {
      const entries = readdirSync(path).sort();
      digests[relative] = `folder: ${entries.join('/')}`;
      for (const entry of entries) visit(relative === '' ? entry : join(relative, entry));
    } else {
      digests[relative] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  visit('');
  return digests;
}

/** The entries whose digest differs between two digests of a folder, or that only one has. */
export function changedEntries(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string[] {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((path) => before[path] !== after[path]).sort();
}
