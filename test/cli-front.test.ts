// Help and usage errors speak only the catalogue's core and command-line parts: the rest
// (src/i18n/all-messages.ts) loads before a command runs. In a fresh process that loads
// the built command-line entry and nothing else, every command's help and each kind of
// usage error must come out whole in both languages — a message of a part not loaded
// would be an internal error — and the rest of the catalogue must still be absent at the
// end (else this test would prove nothing). The test runner's own processes have the
// whole catalogue, so this one is spawned.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

const SCRIPT = `
const { main } = await import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'main.js'))});
const { hasMessage } = await import(${JSON.stringify(join(ROOT, 'dist', 'i18n', 'catalogue.js'))});
const { commands } = await import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'commands', 'index.js'))});
const cases = [];
for (const lang of ['zh-CN', 'en']) {
  cases.push([lang, '--help'], [lang, 'help'], [lang, 'nosuch'], [lang, '--nosuch'], [lang, 'init', '--preset', 'huge'], [lang, 'render']);
  for (const command of commands) cases.push([lang, command.name, '--help'], [lang, command.name, '--no-such-option']);
}
const results = [];
for (const [lang, ...argv] of cases) {
  let out = '';
  let err = '';
  const io = {
    stdout: { write: (text) => { out += text; } },
    stderr: { write: (text) => { err += text; } },
    stdin: process.stdin,
    env: {},
    cwd: process.cwd(),
    now: () => new Date(0),
  };
  const code = await main([...argv, '--lang', lang], io);
  results.push({ argv: [...argv, '--lang', lang], code, out, err });
}
process.stdout.write(JSON.stringify({ results, restLoaded: ['evaluate-written', 'init-written', 'dashboard-written', 'demo-done'].map(hasMessage) }));
`;

interface FrontResult {
  readonly argv: readonly string[];
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

describe('help and usage errors before a command runs', () => {
  it('come out whole in both languages with only the command-line part of the catalogue', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { results, restLoaded } = JSON.parse(run.stdout) as { results: FrontResult[]; restLoaded: boolean[] };
    // Nothing of what the commands do was needed, or loaded.
    expect(restLoaded).toEqual([false, false, false, false]);
    for (const result of results) {
      const label = result.argv.join(' ');
      expect(`${label}: ${result.err}`).not.toMatch(/internal error|内部错误|unknown message code/);
      if (result.argv.includes('--help') || result.argv[0] === 'help') {
        expect({ label, code: result.code }).toEqual({ label, code: 0 });
        expect(result.out).toMatch(result.argv.includes('zh-CN') ? /用法：/ : /Usage:/);
      } else {
        expect({ label, code: result.code }).toEqual({ label, code: 2 });
        expect(result.err.length).toBeGreaterThan(0);
      }
    }
    // Every command's help was there (its own description, in the language asked).
    const evaluateHelp = results.find((r) => r.argv.join(' ') === 'evaluate --help --lang zh-CN')!;
    expect(evaluateHelp.out).toContain('按制度考核每位员工');
    expect(results.filter((r) => r.argv.includes('--help')).length).toBe(2 * 8);
  });
});
