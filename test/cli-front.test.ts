// Help and usage errors speak only the catalogue's core and command-line parts: the rest
// (src/i18n/all-messages.ts) loads before a command runs. In a fresh process that loads
// the built command-line entry and nothing else, every command's help and each kind of
// usage error must come out whole in both languages — a message of a part not loaded
// would be an internal error — and the rest of the catalogue must still be absent at the
// end (else this test would prove nothing). So must \`aspm validate\`, which speaks only
// those parts too (its diagnostics included). The test runner's own processes have the
// whole catalogue, so this one is spawned.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

const script = (broken: string, unknown: string, warned: string) => `
const { main } = await import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'main.js'))});
const { hasMessage } = await import(${JSON.stringify(join(ROOT, 'dist', 'i18n', 'catalogue.js'))});
const { commands } = await import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'commands', 'index.js'))});
const cases = [];
for (const lang of ['zh-CN', 'en']) {
  cases.push([lang, '--help'], [lang, 'help'], [lang, 'nosuch'], [lang, '--nosuch'], [lang, 'init', '--preset', 'huge'], [lang, 'render']);
  for (const command of commands) cases.push([lang, command.name, '--help'], [lang, command.name, '--no-such-option']);
  cases.push([lang, 'validate', 'presets/large.zh-CN.yaml'], [lang, 'validate', ${JSON.stringify(broken)}], [lang, 'validate', ${JSON.stringify(unknown)}], [lang, 'validate', ${JSON.stringify(warned)}], [lang, 'validate', 'no-such-policy.yaml']);
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
  it('come out whole in both languages with only the command-line part of the catalogue, as does aspm validate', () => {
    // A policy with semantic errors, and one the schema rejects: their diagnostics in full.
    const work = mkdtempSync(join(tmpdir(), 'aspm-front-'));
    const broken = join(work, 'broken.yaml');
    const unknown = join(work, 'unknown.yaml');
    const preset = readFileSync(join(ROOT, 'presets', 'small.zh-CN.yaml'), 'utf8');
    writeFileSync(broken, preset.replace(/timezone: .*/, 'timezone: Mars/Olympus').replace(/weight: \d+/, 'weight: 7'));
    writeFileSync(unknown, preset + '\nno_such_section: 1\n');
    // Valid, with a warning that names cycles (a pay deduction counted over quarters, the bonus paid monthly).
    const warned = join(work, 'warned.yaml');
    const medium = readFileSync(join(ROOT, 'presets', 'medium.en.yaml'), 'utf8');
    expect(medium).toContain('when: { grades: [D], consecutive: 2, cycle: monthly }');
    writeFileSync(warned, medium.replaceAll('when: { grades: [D], consecutive: 2, cycle: monthly }', 'when: { grades: [D], consecutive: 2, cycle: quarterly }'));
    let run;
    try {
      run = spawnSync(process.execPath, ['--input-type=module', '-e', script(broken, unknown, warned)], { cwd: ROOT, encoding: 'utf8' });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    expect(run.stderr).toBe('');
    const { results, restLoaded } = JSON.parse(run.stdout) as { results: FrontResult[]; restLoaded: boolean[] };
    // Nothing of what the commands do was needed, or loaded.
    expect(restLoaded).toEqual([false, false, false, false]);
    for (const result of results) {
      const label = result.argv.join(' ');
      expect(`${label}: ${result.err}`).not.toMatch(/internal error|内部错误|unknown message code/);
      if (result.argv[0] === 'validate' && !result.argv.includes('--no-such-option') && !result.argv.includes('--help')) {
        const valid = result.argv[1] === 'presets/large.zh-CN.yaml' || result.argv[1]!.endsWith('warned.yaml');
        expect({ label, code: result.code }).toEqual({ label, code: valid ? 0 : 1 });
        if (!valid) expect(result.err.length).toBeGreaterThan(0);
      } else if (result.argv.includes('--help') || result.argv[0] === 'help') {
        expect({ label, code: result.code }).toEqual({ label, code: 0 });
        expect(result.out).toMatch(result.argv.includes('zh-CN') ? /用法：/ : /Usage:/);
      } else {
        expect({ label, code: result.code }).toEqual({ label, code: 2 });
        expect(result.err.length).toBeGreaterThan(0);
      }
    }
    // The broken policy's diagnostics: where, and what (the schema's and the rules' messages).
    const brokenRun = results.find((r) => r.argv[1] !== undefined && r.argv[1].endsWith('broken.yaml') && r.argv.includes('en'))!;
    expect(brokenRun.err).toMatch(/broken\.yaml:\d+:\d+/);
    expect(brokenRun.err).toContain('Mars/Olympus');
    expect(brokenRun.err).toMatch(/weights?.*100|100.*weights?/i);
    const unknownRun = results.find((r) => r.argv[1] !== undefined && r.argv[1].endsWith('unknown.yaml') && r.argv.includes('zh-CN'))!;
    expect(unknownRun.err).toMatch(/unknown\.yaml:\d+:1: .*no_such_section/);
    const warnedRun = results.find((r) => r.argv[1] !== undefined && r.argv[1].endsWith('warned.yaml') && r.argv.includes('zh-CN'))!;
    expect(warnedRun.err).toMatch(/warned\.yaml:\d+:\d+: .*季度.*月度|warned\.yaml:\d+:\d+: .*月度.*季度/);
    // Every command's help was there (its own description, in the language asked).
    const evaluateHelp = results.find((r) => r.argv.join(' ') === 'evaluate --help --lang zh-CN')!;
    expect(evaluateHelp.out).toContain('按制度考核每位员工');
    expect(results.filter((r) => r.argv.includes('--help')).length).toBe(2 * 8);
  });
});
