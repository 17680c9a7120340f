// What checking a policy loads: the policy's own compiled validator (and the holidays file's,
// which a policy may name), not those of the other kinds of file. Each validator is tens to
// hundreds of kilobytes of code that `aspm validate` and `aspm render` would parse for nothing.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..');

/** `import … from './x.js'` and `export … from './x.js'` that load x (not `import type`). */
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\b)(?:[^;'"]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm;

/** The source files (relative to src/) that `entry` loads, following relative imports. */
function sourcesLoadedBy(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(join(SRC, file), 'utf8').matchAll(STATIC_IMPORT)) {
      queue.push(relative(SRC, resolve(SRC, dirname(file), specifier!)).replace(/\.js$/, '.ts'));
    }
  }
  return seen;
}

const validators = (files: Iterable<string>) => [...files].filter((file) => file.endsWith('.validate.generated.ts')).sort();

describe('checking a policy', () => {
  it('loads the compiled validators of the policy and the holidays file only', () => {
    expect(validators(sourcesLoadedBy('policy/load-policy.ts'))).toEqual([
      'validation/compiled/holidays.validate.generated.ts',
      'validation/compiled/policy.validate.generated.ts',
    ]);
  });

  it('finds the validators a loader imports (the walk itself)', () => {
    expect(validators(sourcesLoadedBy('scoring/adjustments.ts'))).toContain('validation/compiled/adjustments.validate.generated.ts');
    expect(validators(sourcesLoadedBy('app/draft-policy.ts'))).toEqual(
      expect.arrayContaining(['validation/compiled/answers.validate.generated.ts', 'validation/compiled/policy.validate.generated.ts']),
    );
  });
});
