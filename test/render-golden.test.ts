// Golden Markdown of the policy document: one folder per case under test/golden/render/.
// Every preset (presets/<size>.<language>.yaml) is a case by itself, found on disk, so a
// preset added later is covered as soon as its expected file is written; a folder with its
// own policy.yaml is a further case. Regenerate the expected files after a deliberate
// change with: UPDATE_GOLDEN=1 npx vitest run test/render-golden.test.ts
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPolicyMarkdown } from '../src/render/render-policy.js';
import { readTemplateSet } from '../src/render/templates.js';
import { loadPolicy, presetNames, PRESETS_DIR } from './helpers/presets.js';
import { ROOT } from './helpers/run-cli.js';

const GOLDEN = join(ROOT, 'test', 'golden', 'render');
const update = process.env.UPDATE_GOLDEN === '1';

const cases = [
  ...presetNames().map((name) => ({ name, policy: join(PRESETS_DIR, `${name}.yaml`) })),
  ...readdirSync(GOLDEN, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(GOLDEN, entry.name, 'policy.yaml')))
    .map((entry) => ({ name: entry.name, policy: join(GOLDEN, entry.name, 'policy.yaml') })),
];

describe('golden policy Markdown', () => {
  it('has a case for every preset', () => {
    expect(presetNames().length).toBeGreaterThanOrEqual(1);
  });

  it.each(cases)('$name', async ({ name, policy: file }) => {
    const policy = await loadPolicy(file);
    const markdown = renderPolicyMarkdown(policy, await readTemplateSet(policy.meta.language));
    const expectedFile = join(GOLDEN, name, 'expected.md');
    if (update) {
      mkdirSync(join(GOLDEN, name), { recursive: true });
      writeFileSync(expectedFile, markdown);
      return;
    }
    if (!existsSync(expectedFile)) {
      throw new Error(`No golden file for ${name}. Write it with: UPDATE_GOLDEN=1 npx vitest run test/render-golden.test.ts, then review it.`);
    }
    expect(markdown).toBe(readFileSync(expectedFile, 'utf8'));
  });
});
