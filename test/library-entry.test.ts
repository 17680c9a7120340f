// The library entry is a small documented API that never loads the command line: a program
// importing 'aspm-cli' must not pull in commander, the prompt library or src/cli/ (their
// load time, and a terminal library in a server). Checked in a fresh node process, where
// every module loaded is recorded; and every export carries a doc comment.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';

const DIST = pathToFileURL(join(ROOT, 'dist')).href;
const RECORDER = pathToFileURL(join(ROOT, 'test', 'helpers', 'record-modules.mjs')).href;

/** The URLs of the modules loaded by a fresh node that imports `specifier` by the package's own name. */
function modulesLoadedBy(specifier: string): string[] {
  const out = join(mkdtempSync(join(tmpdir(), 'aspm-modules-')), 'loaded.txt');
  const run = spawnSync(process.execPath, ['--import', RECORDER, '--input-type=module', '-e', `await import(${JSON.stringify(specifier)});`], {
    // From the package's folder its own name resolves through package.json "exports".
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ASPM_RECORD_MODULES: out },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return [...new Set(readFileSync(out, 'utf8').split('\n').filter(Boolean))];
}

/** What of the command line a list of loaded modules holds. */
function cliModules(loaded: readonly string[]): string[] {
  return loaded.filter((url) => /\/node_modules\/(commander|@inquirer\/[^/]+)\//.test(url) || url.startsWith(`${DIST}/cli/`) || url === `${DIST}/cli.js`);
}

describe('the library entry', () => {
  it('loads no CLI dependency: neither commander, nor @inquirer/*, nor src/cli/', () => {
    const loaded = modulesLoadedBy('aspm-cli');
    // The recorder saw the library itself and the packages it uses, so an empty list below means something.
    expect(loaded).toContain(`${DIST}/index.js`);
    expect(loaded).toContain(`${DIST}/policy/load-policy.js`);
    expect(loaded.some((url) => url.includes('/node_modules/yaml/'))).toBe(true);
    expect(cliModules(loaded)).toEqual([]);
  });

  it('leaves the command line to aspm-cli/cli, which does load it (so the check above can fail)', () => {
    const loaded = modulesLoadedBy('aspm-cli/cli');
    const cli = cliModules(loaded);
    expect(cli).toContain(`${DIST}/cli.js`);
    expect(cli).toContain(`${DIST}/cli/main.js`);
    expect(cli.some((url) => url.includes('/node_modules/commander/'))).toBe(true);
  });

  // One program for both entries: building it (the whole of src/) is most of this test's time.
  // A doc comment is a property of aspm's own declarations, so the program leaves out what
  // only type checking needs: the standard library's and Node's declarations (half its files).
  let shared: ts.Program | undefined;
  const entries = ['src/index.ts', 'src/cli.ts'];
  it.each(entries)('%s documents every export', (entry) => {
    const program = (shared ??= ts.createProgram(
      entries.map((file) => join(ROOT, file)),
      { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2023, noEmit: true, noLib: true, types: [] },
    ));
    const checker = program.getTypeChecker();
    const module = checker.getSymbolAtLocation(program.getSourceFile(join(ROOT, entry))!)!;
    const exported = checker.getExportsOfModule(module);
    expect(exported.length).toBeGreaterThan(entry === 'src/index.ts' ? 20 : 3);
    // The doc comment may sit on the export (`export { /** … */ name }`) or on the declaration.
    const documented = (symbol: ts.Symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return symbol.getDocumentationComment(checker).length > 0 || target.getDocumentationComment(checker).length > 0;
    };
    expect(exported.filter((symbol) => !documented(symbol)).map((symbol) => symbol.name)).toEqual([]);
  });
});
