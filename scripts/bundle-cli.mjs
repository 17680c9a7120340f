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
// - The front, CommonJS files that bin/aspm.js requires before any of that: start.cjs
//   (--version, and where to go), help.cjs (help and usage errors), and for validate and
//   render a file each that runs that command alone, with the document templates beside it.
//   Each is loaded with the code V8 compiled for it here (saveCodeCaches), without Node's ES
//   module loader: a short command is over in a few hundred milliseconds, a good part of
//   which went into loading modules and compiling their code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';

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

/**
 * In a command's front (CommonJS, one file), the dynamic import() of every other command's
 * code becomes a module that fails when loaded, as in the help front: the front's program
 * runs its own command and no other. So does the rest of the message catalogue when the
 * command speaks only the core part (coreMessagesOnly, which the program checks before it
 * would load it). The command's own imports, and those of the code they reach (templates,
 * ExcelJS), stay: esbuild runs such a module when first imported.
 */
const onlyCommand = (name, { coreMessagesOnly }) => ({
  name: 'only-command',
  setup(build) {
    const commandsDir = join(root, 'dist', 'cli', 'commands');
    const program = join(root, 'dist', 'cli', 'program.js');
    const stubbed = (args) =>
      args.kind === 'dynamic-import' &&
      !args.path.startsWith('node:') &&
      ((dirname(args.importer) === commandsDir && basename(args.importer) !== `${name}.js`) || (args.importer === program && coreMessagesOnly));
    build.onResolve({ filter: /.*/ }, (args) => (stubbed(args) ? { path: args.path, namespace: `not-in-${name}-front` } : undefined));
    build.onLoad({ filter: /.*/, namespace: `not-in-${name}-front` }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`aspm: ${args.path} is not part of the ${name} front (scripts/bundle-cli.mjs)`)});`,
      loader: 'js',
    }));
  },
});

/**
 * The render front holds the document templates of neither language (a third of its size
 * each, and a document is in one): each is a CommonJS file of its own beside the front, with
 * its code cache, required when a document in its language is made. The modules are data
 * alone, so no state is held twice.
 */
const templatesApart = {
  name: 'templates-apart',
  setup(build) {
    build.onResolve({ filter: /[\\/]precompiled[\\/][^/\\]+\.generated\.js$/ }, (args) => ({ path: basename(args.path), namespace: 'templates-apart' }));
    build.onLoad({ filter: /.*/, namespace: 'templates-apart' }, (args) => ({
      contents: `const { requireBundleFile } = require(${JSON.stringify(join(root, 'dist', 'cli', 'code-cache.js'))});
        module.exports = requireBundleFile(require('node:path').join(__dirname, ${JSON.stringify(templatesFile(args.path))}));`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/** `zh-CN.generated.js` → `templates-zh-CN.cjs`. */
const templatesFile = (precompiled) => `templates-${precompiled.replace(/\.generated\.js$/, '')}.cjs`;

/**
 * In the front, an import() of one of Node's own modules (node:v8 for --no-opt, node:crypto
 * where a holidays file is read) is a require(): in CommonJS, import() starts Node's ES
 * module loader, which the front exists to avoid, and in a file loaded with its code cache
 * (a vm.Script, src/cli/code-cache.ts) it fails outright. No front calls import() at all
 * (test/bundle.test.ts).
 */
const builtinsRequired = {
  name: 'builtins-required',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'builtins-required' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'builtins-required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
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
  // main.js's program without the commands' code; each command front is main.js's program
  // with that command's code alone. CommonJS has no import.meta: a module's own URL
  // (package-root.js finds the package with it) is made from __filename.
  /** @type {import('esbuild').BuildOptions} */
  const FRONT = {
    ...COMMON,
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // Read whole at every start (a front is one file): without comments and indentation it
    // is a third smaller, and in ASCII (\\u escapes) V8 holds its text in one byte a character
    // rather than two. Names are kept, for the stack ASPM_DEBUG shows.
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    define: { 'import.meta.url': '__aspmModuleUrl' },
    // Strict, as main.js is (an ES module): the directive must come first, before the banner's
    // line, or esbuild's own "use strict" after it is a plain string and the file sloppy.
    banner: { js: `"use strict";const __aspmModuleUrl = require('node:url').pathToFileURL(__filename).href;` },
  };
  const front = await build({ ...FRONT, entryPoints: { start: 'dist/cli/start.js', help: 'dist/cli/main.js' }, plugins: [lazyChildProcess, builtinsRequired, notInHelpFront] });
  const templates = await build({
    ...FRONT,
    entryPoints: Object.fromEntries(['zh-CN', 'en'].map((language) => [templatesFile(`${language}.generated.js`).replace(/\.cjs$/, ''), `dist/render/precompiled/${language}.generated.js`])),
  });
  const { FRONT_COMMANDS } = await import(pathToFileURL(join(root, 'dist', 'cli', 'start.js')).href);
  const { commands } = await import(pathToFileURL(join(root, 'dist', 'cli', 'commands', 'index.js')).href);
  /** @type {Record<string, import('esbuild').Metafile>} */
  const commandFronts = {};
  for (const name of FRONT_COMMANDS) {
    const definition = commands.find((/** @type {{ name: string }} */ command) => command.name === name);
    if (!definition) throw new Error(`FRONT_COMMANDS names ${name}, which is no command`);
    const built = await build({ ...FRONT, entryPoints: { [name]: 'dist/cli/main.js' }, plugins: [lazyChildProcess, builtinsRequired, templatesApart, onlyCommand(name, { coreMessagesOnly: definition.coreMessagesOnly === true })] });
    commandFronts[name] = built.metafile;
  }
  for (const metafile of [front.metafile, templates.metafile, ...Object.values(commandFronts)]) {
    for (const output of Object.keys(metafile.outputs)) if (output.endsWith('.cjs')) asciiOnly(join(root, output));
  }
  // What went into each file, for test/bundle.test.ts: what start-up loads, one copy of each module.
  writeFileSync(join(BUNDLE_DIR, 'metafile.json'), JSON.stringify({ command: command.metafile, front: front.metafile, templates: templates.metafile, commandFronts }));
  saveCodeCaches(FRONT_COMMANDS);
  return { command, front, commandFronts };
}

/**
 * Escapes what esbuild's `charset: 'ascii'` leaves as it is, the characters of regular
 * expressions (/[。.]$/), so that the front's text is ASCII: loaded as such, it is read
 * without decoding UTF-8 (src/cli/code-cache.ts), and held in one byte a character. In a
 * regular expression each UTF-16 unit written as \uXXXX means the same, in a character class
 * and with the u flag too (there a pair of escaped surrogates is one code point). Anywhere
 * else (a tagged template's raw text, which esbuild cannot escape), or after a backslash
 * (`\。` would become `\\u3002`), an escape would change the meaning: the build stops instead.
 */
export function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  if (!/[\u0080-\uffff]/.test(text)) return;
  const regexes = regularExpressionsOf(text, file);
  let next = 0;
  const escaped = text.replace(/[\u0080-\uffff]/g, (unit, at) => {
    while (next < regexes.length && regexes[next].end <= at) next++;
    const inRegex = next < regexes.length && regexes[next].start <= at;
    let backslashes = 0;
    while (text[at - 1 - backslashes] === '\\') backslashes++;
    if (!inRegex || backslashes % 2 === 1) {
      throw new Error(`${file}: a non-ASCII character ${inRegex ? 'escaped by a backslash' : 'outside a regular expression'} at ${at}: ${JSON.stringify(text.slice(at - 40, at + 10))}; see asciiOnly in scripts/bundle-cli.mjs`);
    }
    return `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
  writeFileSync(file, escaped);
}

/** Where the regular expression literals of a JavaScript text are, in order. */
function regularExpressionsOf(text, file) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  // TypeScript reads JavaScript as JSX may be in it (`</` can be taken for a closing tag): text
  // it cannot parse as it stands is not trusted to say where the regular expressions are.
  const problems = /** @type {{ parseDiagnostics?: readonly import('typescript').Diagnostic[] }} */ (source).parseDiagnostics ?? [];
  if (problems.length > 0) throw new Error(`${file}: TypeScript's parser cannot read it (${ts.flattenDiagnosticMessageText(problems[0].messageText, ' ')} at ${problems[0].start}); see asciiOnly in scripts/bundle-cli.mjs`);
  const found = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push({ start: node.getStart(source), end: node.end });
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found.sort((a, b) => a.start - b.start);
}

/**
 * What each front runs once at build time (argv, and the LANG it runs under), every run
 * ending with 0; the code V8 compiled meanwhile is what is saved.
 * - help: `aspm --help` and `aspm evaluate --help` in both languages.
 * - validate: the large preset in Chinese, the small one in English.
 * - render: the large preset to a Word file, the small one to Markdown and HTML (OUT/ is a
 *   temporary folder); and the templates it loaded.
 */
const EXERCISES = {
  help: ['zh_CN.UTF-8', 'en_US.UTF-8'].flatMap((lang) => [['--help'], ['evaluate', '--help']].map((argv) => ({ argv, lang }))),
  validate: [
    { argv: ['validate', 'presets/large.zh-CN.yaml'], lang: 'zh_CN.UTF-8' },
    { argv: ['validate', 'presets/small.en.yaml'], lang: 'en_US.UTF-8' },
  ],
  render: [
    { argv: ['render', 'presets/large.zh-CN.yaml', '-o', 'OUT/policy.docx'], lang: 'zh_CN.UTF-8' },
    { argv: ['render', 'presets/small.en.yaml', '-o', 'OUT/policy.md'], lang: 'en_US.UTF-8' },
    { argv: ['render', 'presets/small.en.yaml', '-o', 'OUT/policy.html'], lang: 'en_US.UTF-8' },
  ],
};

/**
 * Runs each front (EXERCISES) and saves the code V8 compiled beside it, and beside each file
 * it required with a cache (src/cli/code-cache.ts): in a plain Node (no NODE_OPTIONS) under
 * the flags the front runs under, as V8 refuses a cache made under others. A command front
 * runs with --no-opt (src/cli/start.ts), help without it.
 */
function saveCodeCaches(commandFronts) {
  const work = mkdtempSync(join(tmpdir(), 'aspm-code-cache-'));
  try {
    for (const name of ['help', ...commandFronts]) {
      const runs = EXERCISES[name];
      if (runs === undefined) throw new Error(`no exercise for the ${name} front in scripts/bundle-cli.mjs`);
      const script = `
        ${name === 'help' ? '' : "require('node:v8').setFlagsFromString('--no-opt');"}
        const { loadCommonJs, writeCodeCache } = require(${JSON.stringify(join(BUNDLE_DIR, 'start.cjs'))});
        const file = ${JSON.stringify(join(BUNDLE_DIR, `${name}.cjs`))};
        const { exports: front, script } = loadCommonJs(file);
        // A run that never ends would leave Node nothing to wait for, and exit 0 with no cache saved.
        let saved = false;
        process.on('exit', () => { if (!saved) process.exitCode ||= 13; });
        (async () => {
          for (const { argv, lang } of ${JSON.stringify(runs)}) {
            let said = '';
            const sink = { write: (text) => { said += text; return true; } };
            const io = { stdout: sink, stderr: sink, get stdin() { return process.stdin; }, env: { LANG: lang }, cwd: process.cwd(), now: () => new Date(0) };
            const args = argv.map((arg) => (arg.startsWith('OUT/') ? require('node:path').join(${JSON.stringify(work)}, arg.slice(4)) : arg));
            const code = ${name === 'help' ? 'await front.answerHelp(args, io)' : `await front.answerInFront(${JSON.stringify(name)}, args, io)`};
            if (code !== 0) throw new Error(\`aspm \${argv.join(' ')} ended with \${code}:\\n\${said}\`);
          }
          writeCodeCache(file, script);
          front.saveCodeCaches();
          saved = true;
        })().catch((error) => { console.error(error); process.exitCode = 1; });
      `;
      const env = { ...process.env };
      delete env.NODE_OPTIONS;
      const run = spawnSync(process.execPath, ['--input-type=commonjs', '-e', script], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
      if (run.status !== 0) throw new Error(`saving the ${name} front's code cache failed (${run.error?.message ?? `exit ${run.status ?? run.signal}`}):\n${run.stderr}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
