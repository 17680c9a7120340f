// The command's bundle (dist/bundle/, made by scripts/bundle-cli.mjs after tsc, what
// bin/aspm.js runs), read through the record esbuild keeps of what went into each file:
// start-up loads only what it needs, and every module of the command's own bundle is in
// exactly one file, so a process never holds two copies of one module's state (the message
// catalogue, the temporary files to remove on Ctrl+C). The front (start.cjs, help.cjs) is a
// separate CommonJS build that never runs a command. The global setup builds it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BUNDLE = 'dist/bundle';

interface Metafiles {
  /** The command's own bundle: main.js, its chunks and the CSV worker (ES modules). */
  readonly command: Metafile;
  /** The front bin/aspm.js requires first: start.cjs and help.cjs (CommonJS). */
  readonly front: Metafile;
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
    expect(bin).toMatch(/join\(__dirname, '\.\.', 'dist', 'bundle', 'help\.cjs'\)/);
    expect(bin).toMatch(/import\('\.\.\/dist\/bundle\/main\.js'\)/);
    // CommonJS, so that neither it nor the front starts Node's ES module loader.
    expect(JSON.parse(readFileSync(join(ROOT, 'bin', 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    for (const file of ['start.cjs', 'help.cjs', 'main.js']) expect(existsSync(join(ROOT, BUNDLE, file))).toBe(true);
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
    expect(version.sort()).toEqual(['dist/cli/broken-pipe.js', 'dist/cli/code-cache.js', 'dist/cli/start.js', 'dist/package-root.js']);

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
