// What `aspm --version` and `aspm --help` load before they answer: the static imports of
// the entry, followed through the sources. A command's dependencies (YAML, ajv, markdown-it,
// ExcelJS, the prompts) belong inside its action, loaded by `import()` when it runs;
// one static import of them from a command file would put them back on every start-up
// (bench/startup.bench.mjs measures the time; this says which import did it).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cliMessages } from '../i18n/messages/cli.js';
import { coreMessages } from '../i18n/messages/core.js';
import { allMessages } from '../i18n/catalogue.js';
import { commands } from './commands/index.js';
import { answerInFront, chooseLanguage, main } from './main.js';
import { asksForHelp, asksOnlyVersion, commandOf, FRONT_COMMANDS, runsShortCommand } from './start.js';

const SRC = resolve(import.meta.dirname, '..');


/** The only packages start-up may load: commander parses the arguments and prints help. */
const START_UP_PACKAGES = ['commander'];

/** `import … from 'x'` and `export … from 'x'` that load x (not `import type`), and bare `import 'x'`. */
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\b)(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

interface Closure {
  readonly modules: ReadonlySet<string>;
  readonly packages: ReadonlySet<string>;
  /** For each module reached, the module that imported it first (to explain a finding). */
  readonly importedBy: ReadonlyMap<string, string>;
}

/** `import('x')` with a literal specifier: what an action loads when it runs. */
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function staticClosure(entry: string, leaves: readonly string[] = [], options: { readonly dynamic?: boolean } = {}): Closure {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const importedBy = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (modules.has(file)) continue;
    modules.add(file);
    if (leaves.includes(file) && file !== entry) continue;
    const text = readFileSync(join(SRC, file), 'utf8');
    const specifiers = [...text.matchAll(STATIC_IMPORT), ...(options.dynamic ? text.matchAll(DYNAMIC_IMPORT) : [])].map((m) => m[1]!);
    for (const specifier of specifiers) {
      if (specifier.startsWith('node:')) continue;
      if (!specifier.startsWith('.')) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (!packages.has(name)) importedBy.set(name, file);
        packages.add(name);
        continue;
      }
      const target = relative(SRC, resolve(SRC, dirname(file), specifier)).replace(/\.js$/, '.ts');
      if (!importedBy.has(target)) importedBy.set(target, file);
      queue.push(target);
    }
  }
  return { modules, packages, importedBy };
}

/** The chain of imports from the entry to `name`, for a failure message a reader can act on. */
function chain(closure: Closure, name: string): string {
  const steps = [name];
  for (let at = closure.importedBy.get(name); at !== undefined; at = closure.importedBy.get(at)) steps.unshift(at);
  return steps.join(' → ');
}

const heavyPackages = (closure: Closure) => [...closure.packages].filter((name) => !START_UP_PACKAGES.includes(name));

describe('start-up', () => {
  it('answers `aspm --version` alone without the command parser, the catalogue or any package', () => {
    const closure = staticClosure('cli/start.ts');
    expect([...closure.packages]).toEqual([]);
    expect([...closure.modules].sort()).toEqual(['cli/broken-pipe.ts', 'cli/code-cache.ts', 'cli/start.ts', 'package-root.ts']);
    expect(['--version', '-V'].map((flag) => asksOnlyVersion([flag]))).toEqual([true, true]);
    // With anything else the version goes through commander, which knows what to do with it.
    expect([['--version', '--lang', 'en'], ['--help'], [], ['validate', '--version']].map(asksOnlyVersion)).toEqual([false, false, false, false]);
  });

  it('loads no package but commander before a command runs (`aspm --help`)', () => {
    const closure = staticClosure('cli/main.ts');
    expect(heavyPackages(closure).map((name) => chain(closure, name))).toEqual([]);
    // The use cases and the rooms below them come in with the action that needs them.
    const loadedEarly = [...closure.modules].filter((file) => /^(policy\/load-policy|validation\/|tables\/|evaluate\/|scoring\/|report\/|dashboard\/|charts\/|app\/(draft|publish|evaluate|write-dashboard))/.test(file));
    expect(loadedEarly.map((file) => chain(closure, file))).toEqual([]);
  });

  it('finds what a command file would load if it imported a renderer statically', () => {
    // The walk itself: the renderer's closure has markdown-it in it.
    const closure = staticClosure('render/render-document.ts');
    expect(heavyPackages(closure)).toEqual(expect.arrayContaining(['markdown-it']));
    expect(chain(closure, 'markdown-it')).toMatch(/^render\/render-document\.ts → .*markdown-it$/);
  });

  it('sends to the help front what may ask for help, and nothing that surely runs a command', () => {
    const help = [[], ['--help'], ['-h'], ['help'], ['help', 'render'], ['--lang', 'en', 'help'], ['render', '--help'], ['evaluate', 'p.yaml', '-h'], ['nosuch', '-h'], ['--lang', 'help', '-h']];
    // `--lang help` is a language, not the help command; after `--` a -h is an argument.
    const commands = [['validate', 'p.yaml'], ['--lang', 'help', 'validate', 'p.yaml'], ['render', 'p.yaml', '--', '-h'], ['--version'], ['render', 'help'], ['nosuch']];
    expect(help.map(asksForHelp)).toEqual(help.map(() => true));
    expect(commands.map(asksForHelp)).toEqual(commands.map(() => false));
  });

  it('turns off the optimising compiler for short commands only', () => {
    // Asked once help is ruled out: a -h here is an option's value or an argument after `--`.
    const short = [['validate', 'p.yaml'], ['render', 'p.yaml', '-o', 'p.docx'], ['--lang', 'en', 'init'], ['schema', 'report'], ['render', 'p.yaml', '-o', '-h'], ['validate', '--', '--help']];
    const others = [['--help'], [], ['help', 'render'], ['nosuch'], ['evaluate', 'p.yaml', '--tickets', 't.csv'], ['--lang', 'zh-CN', 'dashboard', 'reports'], ['demo'], ['--lang=en', 'evaluate'], ['--', 'validate']];
    expect(short.map(runsShortCommand)).toEqual(short.map(() => true));
    expect(others.map(runsShortCommand)).toEqual(others.map(() => false));
  });

  it('sends a command with a front of its own to that front, found as commander finds it', () => {
    const cases: [string[], string | undefined][] = [
      [['validate', 'p.yaml'], 'validate'],
      [['--lang', 'en', 'render', 'p.yaml', '-o', 'validate'], 'render'],
      [['--lang=en', 'validate', 'p.yaml'], 'validate'],
      // `--lang validate` is a language (commander refuses it as one); the command is render.
      [['--lang', 'validate', 'render'], 'render'],
      [['--', 'validate'], undefined],
      [['--version'], undefined],
      [[], undefined],
    ];
    expect(cases.map(([argv]) => commandOf(argv))).toEqual(cases.map(([, command]) => command));
    // Every front is a command's: the build makes dist/bundle/NAME.cjs for each.
    expect(FRONT_COMMANDS.filter((name) => !commands.some((command) => command.name === name))).toEqual([]);
  });

  it("hands over, having done nothing, when a front's program would run another command", async () => {
    let written = '';
    const io = { stdout: { write: (text: string) => (written += text) }, stderr: { write: (text: string) => (written += text) }, stdin: process.stdin, env: { LANG: 'en_US.UTF-8' }, cwd: process.cwd(), now: () => new Date(0) };
    expect(await answerInFront('validate', ['schema', 'policy'], io)).toBeUndefined();
    expect(await answerInFront('render', ['--lang', 'zh-CN', 'validate', join(SRC, '..', 'presets', 'small.en.yaml')], io)).toBeUndefined();
    expect(written).toBe('');
    // Its own command, help and usage errors it answers as main() does.
    for (const argv of [['validate', join(SRC, '..', 'presets', 'small.en.yaml')], ['validate', '--help'], ['nosuch']]) {
      const own = await answerInFront('validate', argv, io);
      const answered = written;
      written = '';
      expect({ argv, code: own, text: answered }).toEqual({ argv, code: await main(argv, io), text: written });
      written = '';
    }
  });

  it('asks Intl for the system locale only on Windows, and only when neither --lang nor a locale variable decides', () => {
    // Intl's first DateTimeFormat loads locale data: tens of milliseconds of every start.
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    const on = (name: string) => Object.defineProperty(process, 'platform', { ...platform, value: name });
    try {
      on('linux');
      expect(chooseLanguage([], { LANG: 'en_US.UTF-8' })).toBe('en');
      expect(chooseLanguage(['--lang', 'zh-CN'], { LANG: 'C' })).toBe('zh-CN');
      // Unset or C: what ICU reports on Linux and macOS, read from the same variables.
      expect(chooseLanguage([], { LANG: 'C.UTF-8' })).toBe('en');
      expect(chooseLanguage([], {})).toBe('en');
      expect(spy).not.toHaveBeenCalled();
      on('win32');
      expect(chooseLanguage([], { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
      expect(spy).not.toHaveBeenCalled();
      chooseLanguage([], {});
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      Object.defineProperty(process, 'platform', platform);
      spy.mockRestore();
    }
  });

  it('runs a command that speaks only the core and command-line messages without the rest of the catalogue', () => {
    // Such a command does not load src/i18n/all-messages.ts before it runs (program.ts): every
    // message code in the files it can reach, its actions' import() included, must be in those parts.
    const front = new Set([...Object.keys(coreMessages), ...Object.keys(cliMessages)]);
    const known = allMessages();
    const quoted = /'([a-z][a-z0-9]*(?:-[a-z0-9]+)+)'/g;
    const lean = commands.filter((command) => command.coreMessagesOnly);
    expect(lean.map((command) => command.name).sort()).toEqual(['schema', 'validate']);
    for (const command of lean) {
      const closure = staticClosure(`cli/commands/${command.name}.ts`, ['i18n/catalogue.ts'], { dynamic: true });
      // The walk reaches the policy loader through the action's import().
      if (command.name === 'validate') expect(closure.modules.has('policy/load-policy.ts')).toBe(true);
      // A code made from a template (`cycle-${cycle}`) stands for every code with its prefix.
      const templated = /`([a-z][a-z0-9]*(?:-[a-z0-9]+)*-)\$\{/g;
      const elsewhere = [...closure.modules]
        .filter((file) => !file.startsWith('i18n/messages/'))
        .flatMap((file) => {
          const text = readFileSync(join(SRC, file), 'utf8');
          const literal = [...text.matchAll(quoted)].map((m) => ({ file, code: m[1]! }));
          const made = [...text.matchAll(templated)].flatMap((m) => [...known.keys()].filter((code) => code.startsWith(m[1]!)).map((code) => ({ file, code })));
          return [...literal, ...made];
        })
        .filter(({ code }) => known.has(code) && !front.has(code));
      expect(elsewhere.map(({ file, code }) => `${command.name}: ${code} in ${chain(closure, file)}`)).toEqual([]);
    }
  });
});
