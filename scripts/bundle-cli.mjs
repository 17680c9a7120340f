#!/usr/bin/env node
// Bundles the aspm command (dist/cli/start.js, compiled by tsc) into dist/bundle/, the code
// bin/aspm.js runs. Node's module loader costs per file (resolving, reading, compiling and
// linking each of several hundred ES modules and CommonJS files): a command that loads the
// policy reader alone went through ~150 of them. Bundled, each command loads a few chunks.
//
// - Code splitting keeps every command's dependencies out of start-up: a dynamic import()
//   stays a dynamic import of its own chunk, and a module used by two commands lives in one
//   shared chunk, so there is one copy of every module's state (the message catalogue, the
//   pending temporary files) in a process.
// - The CSV scanning worker is a second entry, beside the chunks: it is found as
//   `./csv-scan-worker.js` next to the module that starts it, as in dist/tables/.
// - Packages with native code or files found at run time stay outside and are loaded from
//   node_modules as before. The library (`import 'aspm-cli'`) is not bundled: it is
//   dist/index.js as tsc wrote it.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the bundle goes; bin/aspm.js imports its `start.js`. */
export const BUNDLE_DIR = join(root, 'dist', 'bundle');

/**
 * Left to node_modules: a native addon (resvg), ExcelJS (CommonJS with optional requires
 * of its own), ECharts (already one file, required where a chart is drawn).
 */
const EXTERNAL = ['@resvg/resvg-js', 'exceljs', 'echarts'];

/**
 * Commander requires node:child_process when it loads, for executable subcommands (`git
 * foo` running `git-foo`), which aspm has none of; loading it brings Node's net, dgram and
 * stream modules into every start. Here it is required when first used instead. The build
 * fails if commander's line changes, rather than bundle the eager one silently.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`${args.path}: no "${eager}" to make lazy; see scripts/bundle-cli.mjs`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * In the help front (CommonJS, one file), a dynamic import() is a command's code or the rest
 * of the catalogue, which the front never loads: the program it builds stops before any
 * command runs. Each becomes a module that fails when loaded, so that the front can never
 * load a second copy of a module the command's own bundle holds.
 */
const notInHelpFront = {
  name: 'not-in-help-front',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' && !args.path.startsWith('node:') ? { path: args.path, namespace: 'not-in-help-front' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'not-in-help-front' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`aspm: ${args.path} is not part of the help front (scripts/bundle-cli.mjs)`)});`,
      loader: 'js',
    }));
  },
};

/** What both builds share. @type {import('esbuild').BuildOptions} */
const COMMON = {
  absWorkingDir: root,
  outdir: BUNDLE_DIR,
  entryNames: '[name]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  charset: 'utf8',
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
};

export async function bundleCli() {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  const command = await build({
    ...COMMON,
    entryPoints: { main: 'dist/cli/main.js', 'csv-scan-worker': 'dist/tables/csv-scan-worker.js' },
    chunkNames: '[name]-[hash]',
    splitting: true,
    format: 'esm',
    // CommonJS packages (commander, handlebars, iconv-lite …) call require(); an ES module
    // has none, so each chunk makes one, relative to itself.
    banner: { js: "import { createRequire as __aspmCreateRequire } from 'node:module'; const require = __aspmCreateRequire(import.meta.url);" },
    plugins: [lazyChildProcess],
  });
  // The front: what bin/aspm.js requires first. start.cjs is small and decides; help.cjs is
  // main.js's program without the commands' code. CommonJS has no import.meta: a module's
  // own URL (package-root.js finds the package with it) is made from __filename.
  const front = await build({
    ...COMMON,
    entryPoints: { start: 'dist/cli/start.js', help: 'dist/cli/main.js' },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    define: { 'import.meta.url': '__aspmModuleUrl' },
    banner: { js: "const __aspmModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [lazyChildProcess, notInHelpFront],
  });
  // What went into each file, for test/bundle.test.ts: what start-up loads, one copy of each module.
  writeFileSync(join(BUNDLE_DIR, 'metafile.json'), JSON.stringify({ command: command.metafile, front: front.metafile }));
  saveHelpCodeCache();
  return { command, front };
}

/**
 * Runs the help front once, as `aspm --help` and `aspm evaluate --help` in both languages, in
 * a plain Node (no NODE_OPTIONS: V8 refuses a cache made under other flags), and saves the
 * code V8 compiled beside it (src/cli/code-cache.ts).
 */
function saveHelpCodeCache() {
  const script = `
    const { loadCommonJs, codeCachePath } = require(${JSON.stringify(join(BUNDLE_DIR, 'start.cjs'))});
    const file = ${JSON.stringify(join(BUNDLE_DIR, 'help.cjs'))};
    const { exports: help, script } = loadCommonJs(file);
    const sink = { write: () => true };
    const io = (lang) => ({ stdout: sink, stderr: sink, get stdin() { return process.stdin; }, env: { LANG: lang }, cwd: process.cwd(), now: () => new Date() });
    (async () => {
      for (const lang of ['zh_CN.UTF-8', 'en_US.UTF-8']) for (const argv of [['--help'], ['evaluate', '--help']]) await help.answerHelp(argv, io(lang));
      require('node:fs').writeFileSync(codeCachePath(file), script.createCachedData());
    })();
  `;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const run = spawnSync(process.execPath, ['--input-type=commonjs', '-e', script], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`saving the help front's code cache failed:\n${run.stderr}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
