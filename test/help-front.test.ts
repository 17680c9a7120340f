// The help front: `aspm --help` and its kin are answered by dist/bundle/help.cjs, a CommonJS
// file loaded without Node's ES module loader (bin/aspm.js, scripts/bundle-cli.mjs). It must
// answer exactly as the command itself answers, need none of the command's code, and hand
// over to the whole command when the arguments run one after all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageWith, ROOT, runCli } from './helpers/run-cli.js';
import { expectSameAsMain } from './helpers/run-main.js';

const CASES: readonly (readonly string[])[] = [
  [],
  ['--help'],
  ['-h'],
  ['help'],
  ['help', 'evaluate'],
  ['help', 'nosuch'],
  ['render', '--help'],
  ['evaluate', 'p.yaml', '-h'],
  ['nosuch', '-h'],
  ['--nosuch', '--help'],
  ['init', '--preset', 'huge', '-h'],
  ['--lang', 'en', '-h'],
];

describe('the help front', () => {
  it('answers as the command does, byte for byte, in Chinese and in English', async () => {
    // Every case in Chinese; in English, help on stdout, on stderr, and a usage error.
    const runs = [
      ...CASES.map((argv) => ({ argv, lang: 'zh_CN.UTF-8' })),
      ...[[], ['--help'], ['render', '--help'], ['nosuch', '-h']].map((argv) => ({ argv, lang: 'en_US.UTF-8' })),
    ];
    const statuses = await expectSameAsMain(runs);
    // The cases reach help on stdout, help on stderr with a usage error, and usage errors alone.
    expect(statuses).toEqual(new Set([0, 2]));
  });

  it("needs none of the command's code: help comes from a package that holds only the front", () => {
    const copy = packageWith(['start.cjs', 'help.cjs']);
    const en = { env: { LANG: 'en_US.UTF-8' } };
    const inCopy = (args: readonly string[]) => runCli(args, { ...en, bin: join(copy, 'bin', 'aspm.js') });
    expect(inCopy(['--help'])).toEqual(runCli(['--help'], en));
    expect(inCopy(['help', 'render'])).toEqual(runCli(['help', 'render'], en));
    expect(inCopy(['help', 'render']).status).toBe(0);
    // A command needs main.js, which the copy does not have: the check above can fail.
    expect(inCopy(['validate', join(ROOT, 'presets', 'small.en.yaml')]).status).not.toBe(0);
    expect(runCli(['validate', join(ROOT, 'presets', 'small.en.yaml')], en).status).toBe(0);
  });

  it('loads with the code cache the build saved, which this Node accepts; a foreign cache changes nothing', () => {
    const help = join(ROOT, 'dist', 'bundle', 'help.cjs');
    /** Whether V8 refused the cache found beside `front` ('undefined' when none was found). */
    const rejected = (front: string) =>
      spawnSync(
        process.execPath,
        ['-e', `const { loadCommonJs, readCodeCache } = require(${JSON.stringify(join(ROOT, 'dist', 'bundle', 'start.cjs'))}); const file = ${JSON.stringify(front)}; process.stdout.write(String(loadCommonJs(file, readCodeCache(file)).script.cachedDataRejected));`],
        { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
      ).stdout;
    expect(rejected(help)).toBe('false');
    // A cache of other code (another version of aspm, another Node) is refused by V8 …
    const copy = packageWith(['start.cjs', 'help.cjs']);
    // (Here: bytes that are no cache at all, where the copy's front looks for its own.)
    writeFileSync(join(copy, 'dist', 'bundle', 'help.cjs.cache'), readFileSync(join(ROOT, 'dist', 'bundle', 'start.cjs')));
    expect(rejected(join(copy, 'dist', 'bundle', 'help.cjs'))).toBe('true');
    // … and help is answered all the same.
    const en = { env: { LANG: 'en_US.UTF-8' } };
    expect(runCli(['--help'], { ...en, bin: join(copy, 'bin', 'aspm.js') })).toEqual(runCli(['--help'], en));
  });

  it('hands over to the command when -h turns out to be a value: render -o -h writes a file named -h', () => {
    const work = mkdtempSync(join(tmpdir(), 'aspm-help-front-'));
    const run = runCli(['render', join(ROOT, 'presets', 'small.en.yaml'), '-o', '-h', '--format', 'md'], { cwd: work, env: { LANG: 'en_US.UTF-8' } });
    expect(run.stderr).toBe('Wrote -h\n');
    expect(run.status).toBe(0);
    expect(existsSync(join(work, '-h'))).toBe(true);
    // The same document as the command writes under a name that is not an option.
    expect(runCli(['render', join(ROOT, 'presets', 'small.en.yaml'), '-o', 'policy.md'], { cwd: work }).status).toBe(0);
    expect(readFileSync(join(work, '-h'), 'utf8')).toBe(readFileSync(join(work, 'policy.md'), 'utf8'));
  });
});
