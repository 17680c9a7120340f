// The command's bundle (dist/bundle/, made by scripts/bundle-cli.mjs after tsc, what
// bin/aspm.js runs), read through the record esbuild keeps of what went into each file:
// start-up loads only what it needs, and every module of the command's own bundle is in
// exactly one file, so a process never holds two copies of one module's state (the message
// catalogue, the temporary files to remove on Ctrl+C). The front (start.cjs, help.cjs, and a
// front for each of validate and render) is made of separate CommonJS builds, each of which
// runs one command at most. The global setup builds it.
import { isAscii } from 'node:buffer';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BUNDLE = 'dist/bundle';

interface Metafiles {
  /** The command's own bundle: main.js, its chunks and the CSV worker (ES modules). */
  readonly command: Metafile;
  /** The front bin/aspm.js requires first: start.cjs and help.cjs (CommonJS). */
  readonly front: Metafile;
  /** The document templates of each language, required by the render front (CommonJS). */
  readonly templates: Metafile;
  /** Each command's front (dist/bundle/COMMAND.cjs), by command. */
  readonly commandFronts: Readonly<Record<string, Metafile>>;
}

interface Metafile {
  readonly outputs: Readonly<
    Record<string, { readonly imports: readonly { readonly path: string; readonly kind: string }[]; readonly inputs: Readonly<Record<string, unknown>>; readonly entryPoint?: string }>
  >;
}

const metafiles = (): Metafiles => JSON.parse(readFileSync(join(ROOT, BUNDLE, 'metafile.json'), 'utf8')) as Metafiles;
const meta = (): Metafile => metafiles().command;

/** The files a bundle file loads before it runs: itself and its static imports, followed. */
function staticFiles(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.path.startsWith('node:') && imported.path.startsWith(BUNDLE)) queue.push(imported.path);
    }
  }
  return seen;
}

/** The package of an input path (`node_modules/@a/b/x.js` → `@a/b`), or undefined for aspm's own. */
function packageOf(input: string): string | undefined {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const parts = input.slice(at + 'node_modules/'.length).split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

const inputsOf = (metafile: Metafile, files: Iterable<string>) => [...files].flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {}));

describe('the command bundle', () => {
  it('is what bin/aspm.js runs: the front first, the command as an ES module', () => {
    const bin = readFileSync(join(ROOT, 'bin', 'aspm.js'), 'utf8');
    expect(bin).toMatch(/require\('\.\.\/dist\/bundle\/start\.cjs'\)/);
    expect(bin).toMatch(/help: \(\) => load\('help\.cjs'\)/);
    expect(bin).toMatch(/front: \(command\) => load\(`\$\{command\}\.cjs`\)/);
    expect(bin).toMatch(/import\('\.\.\/dist\/bundle\/main\.js'\)/);
    // CommonJS, so that neither it nor the front starts Node's ES module loader.
    expect(JSON.parse(readFileSync(join(ROOT, 'bin', 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    for (const file of ['start.cjs', 'help.cjs', 'validate.cjs', 'render.cjs', 'templates-zh-CN.cjs', 'templates-en.cjs', 'main.js']) expect(existsSync(join(ROOT, BUNDLE, file))).toBe(true);
    expect(Object.keys(metafiles().commandFronts).sort()).toEqual(['render', 'validate']);
  });

  it('holds every module in one file only', () => {
    const metafile = meta();
    const placed = new Map<string, string[]>();
    for (const [file, output] of Object.entries(metafile.outputs)) {
      // The worker is another thread with modules of its own, as in dist/tables/.
      if (output.entryPoint === 'dist/tables/csv-scan-worker.js') continue;
      for (const input of Object.keys(output.inputs)) placed.set(input, [...(placed.get(input) ?? []), file]);
    }
    const twice = [...placed].filter(([, files]) => files.length > 1);
    expect(twice).toEqual([]);
    // The walk sees aspm's own modules and the packages it bundles.
    expect([...placed.keys()]).toEqual(expect.arrayContaining(['dist/i18n/catalogue.js', 'dist/policy/load-policy.js']));
    expect([...placed.keys()].some((input) => packageOf(input) === 'yaml')).toBe(true);
  });

  it('loads only its entry and small constants for `--version`, and no package but commander for `--help`', () => {
    const { front } = metafiles();
    const version = Object.keys(front.outputs[`${BUNDLE}/start.cjs`]!.inputs);
    // (node:v8, for --no-opt, is required when a short command runs.)
    expect(version.sort()).toEqual(['builtins-required:node:v8', 'dist/cli/broken-pipe.js', 'dist/cli/code-cache.js', 'dist/cli/start.js', 'dist/package-root.js']);

    const help = Object.keys(front.outputs[`${BUNDLE}/help.cjs`]!.inputs);
    const packages = new Set(help.map(packageOf).filter((name) => name !== undefined));
    expect([...packages]).toEqual(['commander']);
    expect(help).toContain('dist/i18n/catalogue.js');
    expect(help).toContain('dist/cli/main.js');
    // Of the message catalogue, only the core and the command line's own part (the rest is src/i18n/all-messages.ts).
    expect(help.filter((input) => input.startsWith('dist/i18n/messages/')).sort()).toEqual(['dist/i18n/messages/cli.js', 'dist/i18n/messages/core.js']);
    // The policy reader, the renderers and the evaluator come with the command that runs them.
    expect(help.filter((input) => /^dist\/(policy\/load-policy|validation|tables|evaluate|scoring|report|render\/render-document|dashboard|charts)\b/.test(input))).toEqual([]);
    // Each import() of a command's code, and of the rest of the catalogue, is a stub that fails
    // if loaded: the front never holds a second copy of what main.js holds.
    const stubs = help.filter((input) => input.startsWith('not-in-help-front:'));
    expect(stubs).toEqual(expect.arrayContaining(['not-in-help-front:../i18n/all-messages.js', 'not-in-help-front:../../app/evaluate-policy.js']));
    expect(front.outputs[`${BUNDLE}/help.cjs`]!.imports.filter((imported) => !imported.path.startsWith('node:'))).toEqual([]);
  });

  it("holds in each command's front that command's code and no other's", () => {
    const { commandFronts } = metafiles();
    const inputs = (name: string) => Object.keys(commandFronts[name]!.outputs[`${BUNDLE}/${name}.cjs`]!.inputs);
    const validate = inputs('validate');
    const render = inputs('render');
    // Its own command's code …
    expect(validate).toEqual(expect.arrayContaining(['dist/cli/main.js', 'dist/policy/load-policy.js']));
    expect(render).toEqual(expect.arrayContaining(['dist/cli/main.js', 'dist/app/publish-policy.js', 'dist/render/markdown-to-docx.js', 'dist/io/write-output.js']));
    // … and for every other command's import(), a stub that fails if loaded.
    expect(validate).toEqual(expect.arrayContaining(['not-in-validate-front:../../app/publish-policy.js', 'not-in-validate-front:../../app/evaluate-policy.js', 'not-in-validate-front:./init-wizard.js']));
    expect(render).toEqual(expect.arrayContaining(['not-in-render-front:../../policy/load-policy.js', 'not-in-render-front:../../app/evaluate-policy.js', 'not-in-render-front:./demo-run.js']));
    expect(validate.filter((input) => /^dist\/(app\/(publish|evaluate|draft)|render\/markdown-to|tables|evaluate|scoring|report|dashboard|charts)\b/.test(input))).toEqual([]);
    expect(render.filter((input) => /^dist\/(app\/(evaluate|draft)|tables|evaluate|scoring|report|dashboard|charts)\b/.test(input))).toEqual([]);
    // validate speaks only the catalogue's core and command-line parts; render, all of it.
    expect(validate).toContain('not-in-validate-front:../i18n/all-messages.js');
    expect(validate.filter((input) => input.startsWith('dist/i18n/messages/')).sort()).toEqual(['dist/i18n/messages/cli.js', 'dist/i18n/messages/core.js']);
    expect(render).toContain('dist/i18n/all-messages.js');
    // The templates are files of their own, each required when a document in its language is made.
    expect(render.filter((input) => input.startsWith('templates-apart:'))).toEqual(['templates-apart:zh-CN.generated.js', 'templates-apart:en.generated.js']);
    expect(render.filter((input) => input.startsWith('dist/render/precompiled/'))).toEqual([]);
    expect(Object.keys(metafiles().templates.outputs).filter((file) => file.endsWith('.cjs')).sort()).toEqual([`${BUNDLE}/templates-en.cjs`, `${BUNDLE}/templates-zh-CN.cjs`]);
  });

  it('makes every CommonJS file of the front ASCII, with no import() and nothing loaded from outside but Node itself', () => {
    const { front, templates, commandFronts } = metafiles();
    const outputs = [front, templates, ...Object.values(commandFronts)].flatMap((metafile) => Object.entries(metafile.outputs)).filter(([file]) => file.endsWith('.cjs'));
    expect(outputs.map(([file]) => file).sort()).toEqual(['help', 'render', 'start', 'templates-en', 'templates-zh-CN', 'validate'].map((name) => `${BUNDLE}/${name}.cjs`));
    for (const [file, output] of outputs) {
      // An import() would start Node's ES module loader, and fails outright in a file loaded with its code cache (a vm.Script).
      expect({ file, imports: output.imports.filter((imported) => imported.kind === 'dynamic-import' || !isBuiltin(imported.path)) }).toEqual({ file, imports: [] });
      // Read without decoding UTF-8 (src/cli/code-cache.ts), held in one byte a character.
      const text = readFileSync(join(ROOT, file));
      expect({ file, ascii: isAscii(text) }).toEqual({ file, ascii: true });
      // Strict, as main.js (an ES module) is: the directive comes first or it is no directive.
      expect({ file, first: text.subarray(0, 13).toString() }).toEqual({ file, first: '"use strict";' });
    }
  });

  it('escapes what is not ASCII in regular expressions only, and stops the build where an escape would change the meaning', async () => {
    const { asciiOnly } = (await import(pathToFileURL(join(ROOT, 'scripts', 'bundle-cli.mjs')).href)) as { asciiOnly: (file: string) => void };
    const dir = mkdtempSync(join(tmpdir(), 'aspm-ascii-'));
    const file = join(dir, 'front.cjs');
    // Strings are escaped by esbuild already (here by hand); regular expressions are what asciiOnly escapes.
    const regexes = 'module.exports = [/[。.]$/u.test("x\\u3002"), /^（.*）$/.test("\\uFF08\\u6CE8\\uFF09"), /[^𠀀]/u.test("\\uD840\\uDC00"), /𠀀/u.test("\\uD840\\uDC00"), /\\\\。/.test("\\\\\\u3002")];';
    writeFileSync(file, regexes);
    asciiOnly(file);
    const escaped = readFileSync(file);
    expect(isAscii(escaped)).toBe(true);
    // The same answers from the escaped text as from the original.
    const run = (text: string) => new Function('module', `${text}; return module.exports;`)({}) as boolean[];
    expect(run(escaped.toString())).toEqual(run(regexes));
    expect(run(regexes)).toEqual([true, true, false, true, true]);
    const refused: [string, RegExp][] = [
      ['module.exports = String.raw`。`;', /outside a regular expression/],
      ['module.exports = /\\。/.test("。");', /escaped by a backslash/],
      ['module.exports = "。";', /outside a regular expression/],
      // Valid JavaScript that TypeScript, reading it as JSX may be in it, cannot parse (`</`).
      ['module.exports = 1</。/.source.length;', /cannot read/],
    ];
    for (const [text, why] of refused) {
      writeFileSync(file, text);
      expect(() => asciiOnly(file)).toThrow(why);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });

  it("loads, before any command runs, no package but commander and no command's code", () => {
    const metafile = meta();
    const first = inputsOf(metafile, staticFiles(metafile, `${BUNDLE}/main.js`));
    expect(first).toContain('dist/cli/main.js');
    expect([...new Set(first.map(packageOf).filter((name) => name !== undefined))]).toEqual(['commander']);
    expect(first.filter((input) => /^dist\/(policy\/load-policy|validation|tables|evaluate|scoring|report|render\/render-document|dashboard|charts)\b/.test(input))).toEqual([]);
  });

  it('starts the CSV worker from beside the chunk that asks for it', () => {
    const metafile = meta();
    const worker = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === 'dist/tables/csv-scan-worker.js');
    expect(worker?.[0]).toBe(`${BUNDLE}/csv-scan-worker.js`);
    const starter = Object.entries(metafile.outputs).find(([, output]) => 'dist/tables/scan-csv-in-worker.js' in output.inputs)![0];
    expect(starter.startsWith(`${BUNDLE}/`) && !starter.slice(BUNDLE.length + 1).includes('/')).toBe(true);
  });
});
