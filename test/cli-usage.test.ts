import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';

const preset = join(ROOT, 'presets', 'medium.zh-CN.yaml');

describe('command-line usage', () => {
  it('refuses an option given twice rather than silently dropping the first value', async () => {
    const run = await runMain(['evaluate', preset, '--tickets', 'a.csv', '--tickets', 'b.csv', '--period', '2026-09', '-o', 'x.json'], { env: { LANG: 'en_US.UTF-8' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('option-repeated: The option --tickets is given twice (a.csv and b.csv)');
  });

  it('answers `aspm` alone with the help on stderr and exit 2, a usage error as the README says', async () => {
    const run = await runMain([], { env: { LANG: 'en_US.UTF-8' } });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: aspm /);
    // Help asked for is not an error.
    expect((await runMain(['--help'], { env: { LANG: 'en_US.UTF-8' } })).status).toBe(0);
  });

  it('creates the folder an output goes into', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-usage-'));
    const run = await runMain(['render', preset, '-o', join(dir, 'published', '2026', 'policy.md')]);
    expect(run.status).toBe(0);
    expect(existsSync(join(dir, 'published', '2026', 'policy.md'))).toBe(true);
  });
});
