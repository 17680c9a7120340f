// Vitest global setup: the folder the shared demos are made in (test/helpers/shared-demo.ts),
// one per run of the tests, handed to the workers by provide/inject and removed at the end.
// Nothing is made here: a run that reads no demo pays nothing for it. Before the folder is
// removed (or emptied for a rerun in watch mode, where the sources may have changed), the
// run fails if a test wrote into a demo the other files were reading: each must hold what
// it held when its maker recorded it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { changedEntries, digestFolder } from './helpers/folder-digest.js';
import type { SharedDemoRecord } from './helpers/shared-demo.js';

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'aspm-shared-demo-'));
  project.provide('sharedDemoRoot', root);
  project.onTestsRerun(() => {
    try {
      checkUntouched(root);
    } finally {
      for (const entry of readdirSync(root)) rmSync(join(root, entry), { recursive: true, force: true });
    }
  });
  return () => {
    try {
      checkUntouched(root);
    } catch (error) {
      // Vitest prints an error of a global teardown but still exits 0.
      process.exitCode = 1;
      throw error;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
}

/** Throws, naming them, when files or folders of a made demo changed after it was made. */
function checkUntouched(root: string): void {
  const changed: string[] = [];
  for (const name of readdirSync(root).filter((f) => f.endsWith('.json'))) {
    const record = JSON.parse(readFileSync(join(root, name), 'utf8')) as SharedDemoRecord;
    if (record.made) changed.push(...changedEntries(record.digest, digestFolder(record.dir)).map((path) => join(record.dir, path)));
  }
  if (changed.length > 0) {
    throw new Error(`A test wrote into the shared demo, which other test files read (copy it first): ${changed.slice(0, 10).join(', ')}${changed.length > 10 ? ` and ${changed.length - 10} more` : ''}`);
  }
}
