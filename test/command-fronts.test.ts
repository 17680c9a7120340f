// The command fronts: `aspm validate` and `aspm render` run from dist/bundle/validate.cjs and
// render.cjs, CommonJS files loaded with the code V8 compiled for them at build time, without
// Node's ES module loader (bin/aspm.js, scripts/bundle-cli.mjs). Each must answer exactly as
// the whole command answers, byte for byte and file for file, need nothing of main.js, and
// load with a code cache this Node accepts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { packageWith, ROOT, runCli, runWithStdoutClosed } from './helpers/run-cli.js';
import { expectSameAsMain, runMain } from './helpers/run-main.js';

const BUNDLE = join(ROOT, 'dist', 'bundle');
const preset = (name: string) => join(ROOT, 'presets', name);

/** A folder with policies that reach the fronts' less common paths. */
function policies(): string {
  const work = mkdtempSync(join(tmpdir(), 'aspm-command-fronts-'));
  // A holidays file beside the policy: read, checked and hashed (node:crypto, required when needed).
  const doc = parseDocument(readFileSync(preset('small.en.yaml'), 'utf8'));
  doc.setIn(['meta', 'timezone'], 'America/Sao_Paulo');
  doc.setIn(['evaluation', 'holidays'], 'none');
  doc.setIn(['evaluation', 'holidays_file'], 'feriados.yaml');
  writeFileSync(join(work, 'holidays.yaml'), String(doc));
  writeFileSync(join(work, 'feriados.yaml'), 'country: BR\nyears: [2026]\noff:\n  - { date: 2026-04-03, name: Sexta-feira Santa }\n');
  // Errors of the schema and of the rules, in Chinese.
  const zh = readFileSync(preset('small.zh-CN.yaml'), 'utf8');
  writeFileSync(join(work, 'broken.yaml'), zh.replace(/timezone: .*/, 'timezone: Mars/Olympus').replace(/weight: \d+/, 'weight: 7') + '\nno_such_section: 1\n');
  writeFileSync(join(work, 'not-yaml.yaml'), 'meta: [unclosed\n');
  return work;
}

/** What a run printed and wrote: the files of its folder, by name. */
function filesOf(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [name, readFileSync(join(folder, name)).toString('base64')]),
  );
}

/**
 * The code caches a run of `bin` gave V8, and whether V8 took each: every vm.Script made with
 * a cache says so at exit (a preloaded module, so that what is checked is bin/aspm.js's own
 * way of loading: its flags, its files). Node's own compile cache (Node 22.8 and later) is
 * kept off, so that the fronts load through vm.Script there too.
 */
function cachesTaken(bin: string, args: readonly string[]): string[] {
  const work = mkdtempSync(join(tmpdir(), 'aspm-command-fronts-'));
  const preload = join(work, 'report-caches.cjs');
  writeFileSync(
    preload,
    `const vm = require('node:vm');
     const Script = vm.Script;
     vm.Script = class extends Script {
       constructor(code, options) {
         super(code, options);
         if (options && options.cachedData) process.on('exit', () => require('node:fs').writeSync(2, 'cache ' + require('node:path').basename(options.filename) + ' ' + (this.cachedDataRejected ? 'rejected' : 'accepted') + '\\n'));
       }
     };`,
  );
  const run = spawnSync(process.execPath, ['-r', preload, bin, ...args], { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', NODE_DISABLE_COMPILE_CACHE: '1' } });
  return run.stderr
    .split('\n')
    .filter((line) => line.startsWith('cache '))
    .sort();
}

describe('the command fronts', () => {
  it('answer as the command does: validate, every outcome, in Chinese and in English', async () => {
    const work = policies();
    // Each outcome once, each language for most (every spawn costs the suite a Node start).
    const [zh, en] = ['zh_CN.UTF-8', 'en_US.UTF-8'];
    const cases: { argv: string[]; lang: string }[] = [
      { argv: ['validate', preset('large.zh-CN.yaml')], lang: zh },
      { argv: ['validate', preset('small.en.yaml'), join(work, 'holidays.yaml')], lang: en },
      { argv: ['validate', join(work, 'broken.yaml')], lang: zh },
      { argv: ['validate', join(work, 'broken.yaml')], lang: en },
      { argv: ['validate', join(work, 'not-yaml.yaml'), join(work, 'no-such.yaml')], lang: zh },
      { argv: ['validate', '--json', join(work, 'broken.yaml'), preset('medium.en.yaml')], lang: en },
      { argv: ['--lang', 'en', 'validate', join(work, 'feriados.yaml')], lang: zh },
      { argv: ['validate'], lang: en },
    ];
    const statuses = await expectSameAsMain(cases);
    // Valid, invalid, and a usage error.
    expect(statuses).toEqual(new Set([0, 1, 2]));
  });

  it('answer as the command does: render writes the same files and says the same', async () => {
    const work = policies();
    const cases = [
      ['render', preset('large.zh-CN.yaml'), '-o', 'policy.docx'],
      ['render', preset('small.en.yaml'), '-o', 'policy.md', '-o', 'policy.html'],
      ['render', join(work, 'holidays.yaml'), '-o', 'holidays.md'],
      ['render', join(work, 'broken.yaml'), '-o', 'broken.docx'],
      ['render', preset('small.zh-CN.yaml'), '--format', 'html', '-o', 'policy.html'],
    ];
    const statuses = new Set<number | null>();
    for (const argv of cases) {
      const [byFront, byCommand] = [mkdtempSync(join(tmpdir(), 'aspm-front-')), mkdtempSync(join(tmpdir(), 'aspm-command-'))];
      const front = runCli(argv, { cwd: byFront, env: { LANG: 'zh_CN.UTF-8' } });
      const command = await runMain(argv, { cwd: byCommand, env: { LANG: 'zh_CN.UTF-8' } });
      expect({ argv, ...front, files: filesOf(byFront) }).toEqual({ argv, ...command, files: filesOf(byCommand) });
      statuses.add(front.status);
    }
    expect(statuses).toEqual(new Set([0, 1]));
  });

  it("need nothing of main.js: validate and render run in a package that holds only the fronts", () => {
    const copy = packageWith(readdirSync(BUNDLE).filter((name) => /\.cjs(\.cache)?$/.test(name)));
    const en = { env: { LANG: 'en_US.UTF-8' } };
    const inCopy = (args: readonly string[], cwd?: string) => runCli(args, { ...en, bin: join(copy, 'bin', 'aspm.js'), ...(cwd ? { cwd } : {}) });
    expect(inCopy(['validate', preset('large.zh-CN.yaml')])).toEqual(runCli(['validate', preset('large.zh-CN.yaml')], en));
    const [inPackage, inCommand] = [mkdtempSync(join(tmpdir(), 'aspm-front-')), mkdtempSync(join(tmpdir(), 'aspm-command-'))];
    const render = ['render', preset('medium.zh-CN.yaml'), '-o', 'policy.docx', '-o', 'policy.md'];
    expect({ ...inCopy(render, inPackage), files: filesOf(inPackage) }).toEqual({ ...runCli(render, { ...en, cwd: inCommand }), files: filesOf(inCommand) });
    expect(inCopy(render, inPackage).status).toBe(1);
    // Another command needs main.js, which the copy does not have: the checks above can fail.
    expect(inCopy(['schema', 'policy']).status).not.toBe(0);
    expect(runCli(['schema', 'policy'], en).status).toBe(0);
  });

  it('run with the code cache the build saved, which V8 accepts as bin/aspm.js loads them', () => {
    const caches = (args: readonly string[]) => cachesTaken(join(ROOT, 'bin', 'aspm.js'), args);
    expect(caches(['validate', preset('large.zh-CN.yaml')])).toEqual(['cache validate.cjs accepted']);
    expect(caches(['render', preset('large.zh-CN.yaml'), '-o', 'p.docx'])).toEqual(['cache render.cjs accepted', 'cache templates-zh-CN.cjs accepted']);
    expect(caches(['render', preset('small.en.yaml'), '-o', 'p.md'])).toEqual(['cache render.cjs accepted', 'cache templates-en.cjs accepted']);
    expect(caches(['--help'])).toEqual(['cache help.cjs accepted']);
  });

  it('keep a cache whose file is newer but the same (as an install unpacks them), and drop it when the file has changed', () => {
    // V8 checks a cache against the source's length only: a front patched in place, the same
    // length, would run the code the cache holds. The cache's own check is the file's CRC-32.
    const copy = packageWith(['start.cjs', 'validate.cjs', 'validate.cjs.cache']);
    const bin = join(copy, 'bin', 'aspm.js');
    const front = join(copy, 'dist', 'bundle', 'validate.cjs');
    const validate = ['validate', preset('small.en.yaml')];
    const said = () => runCli(validate, { env: { LANG: 'en_US.UTF-8' }, bin }).stdout;
    // Dated a second after its cache, as npm may unpack them: the same file, so the cache is used.
    const later = new Date(statSync(`${front}.cache`).mtimeMs + 1000);
    utimesSync(front, later, later);
    expect(cachesTaken(bin, validate)).toEqual(['cache validate.cjs accepted']);
    expect(said()).toMatch(/: valid \(/);
    // Changed after the build, the same length: the cache is not its, and the change runs.
    const text = readFileSync(front, 'utf8');
    expect(text.split(': valid (').length).toBe(2);
    writeFileSync(front, text.replace(': valid (', ': VALID ('));
    utimesSync(front, later, later);
    expect(cachesTaken(bin, validate)).toEqual([]);
    expect(said()).toMatch(/: VALID \(/);
  });

  it('a reader that closes the pipe early (`aspm validate … | head`) is no error: exit 0, nothing on stderr', async () => {
    expect(await runWithStdoutClosed(['validate', '--json', preset('large.zh-CN.yaml')])).toEqual({ status: 0, signal: null, stderr: '' });
  });

  it('load with the code cache the build saved, which this Node accepts under the flag they run with', () => {
    // Made and used under --no-opt (src/cli/start.ts): V8 refuses a cache made under other flags.
    const rejected = (file: string, flags: string) =>
      spawnSync(
        process.execPath,
        [
          '-e',
          `require('node:v8').setFlagsFromString(${JSON.stringify(flags)});
           const { loadCommonJs, readCodeCache } = require(${JSON.stringify(join(BUNDLE, 'start.cjs'))});
           const file = ${JSON.stringify(join(BUNDLE, file))};
           process.stdout.write(String(loadCommonJs(file, readCodeCache(file)).script.cachedDataRejected));`,
        ],
        { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
      ).stdout;
    for (const file of ['validate.cjs', 'render.cjs', 'templates-zh-CN.cjs', 'templates-en.cjs']) {
      expect({ file, rejected: rejected(file, '--no-opt') }).toEqual({ file, rejected: 'false' });
    }
    // The check can fail: under other flags the same cache is refused.
    expect(rejected('validate.cjs', '--opt')).toBe('true');
  });
});
