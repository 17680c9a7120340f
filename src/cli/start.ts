// The process entry behind bin/aspm.js, which loads it as CommonJS (dist/bundle/start.cjs).
// `aspm --version` asked alone is answered from package.json before anything else is loaded:
// the answer is one line, and loading the command parser and the message catalogue for it
// would cost more than Node's own start. Help is answered by the help front, and `validate`
// and `render` by a front of their own each, CommonJS files too: Node's ES module loader,
// which the command's own bundle needs, costs `aspm --help` more than a third of its time.
// Every other command, and whatever a front hands over, goes through main() as always.
import { packageInfo } from '../package-root.js';
import { exitQuietlyOnBrokenPipe } from './broken-pipe.js';

// For bin/aspm.js, and for the build, which makes the cache (scripts/bundle-cli.mjs).
export { loadCommonJs, readCodeCache, requireBundleFile, writeCodeCache } from './code-cache.js';

/** True when argv (without node and script) asks for the version and nothing else. */
export function asksOnlyVersion(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
}

/**
 * True when argv (without node and script) may ask for help: nothing at all, `-h` or `--help`
 * anywhere before `--`, or `help` as the command. The help front may still find that a
 * command runs (`-h` as an option's value), and hands over to the whole command.
 */
export function asksForHelp(argv: readonly string[]): boolean {
  if (argv.length === 0) return true;
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '-h' || arg === '--help') return true;
    if (arg === '--lang') i++;
    else if (command === undefined && !arg.startsWith('-')) command = arg;
  }
  return command === 'help';
}

/** Commands whose work is bounded by a policy file: over before optimised code pays for itself. */
const SHORT_COMMANDS: ReadonlySet<string> = new Set(['validate', 'render', 'schema', 'init']);

/**
 * The commands with a front of their own (dist/bundle/COMMAND.cjs): main.js's program with
 * that command's code and no other's, CommonJS, with the code V8 compiled for it saved
 * beside it at build time. The two that read and publish a policy, which a manager runs
 * again and again while drafting.
 */
export const FRONT_COMMANDS = ['validate', 'render'] as const;
export type FrontCommand = (typeof FRONT_COMMANDS)[number];

const isFrontCommand = (command: string | undefined): command is FrontCommand => (FRONT_COMMANDS as readonly (string | undefined)[]).includes(command);

/**
 * The command argv names: the first argument that is not an option (nor the value of
 * --lang), before `--`; undefined when there is none.
 */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * Whether argv, once help is ruled out (the help front answered nothing), runs one of the
 * short commands; a `-h` after `--` or as an option's value (`render p.yaml -o -h`) is no
 * help. The evaluator, the dashboard and the demo go through data of any size.
 */
export function runsShortCommand(argv: readonly string[]): boolean {
  const command = commandOf(argv);
  return command !== undefined && SHORT_COMMANDS.has(command);
}

/** The rest of the command, as bin/aspm.js finds it beside this file. */
export interface Entrances {
  /** The help front (dist/bundle/help.cjs): runHelp() is false when a command would run. */
  readonly help: () => { runHelp(): Promise<boolean> };
  /** A command's front (dist/bundle/COMMAND.cjs): runFront() is false when another command would run. */
  readonly front: (command: FrontCommand) => { runFront(command: string): Promise<boolean> };
  /** The whole command (dist/bundle/main.js, an ES module). */
  readonly command: () => Promise<{ run(): Promise<void> }>;
}

export async function start(entrances: Entrances): Promise<void> {
  const argv = process.argv.slice(2);
  if (asksOnlyVersion(argv)) {
    exitQuietlyOnBrokenPipe();
    // What commander prints for --version, byte for byte.
    process.stdout.write(`${packageInfo().version}\n`);
    return;
  }
  if (asksForHelp(argv) && (await entrances.help().runHelp())) return;
  // A short command is over before V8's optimising compiler pays for itself: it compiles on
  // a second thread, which a two-core machine shares with the command, and then throws much
  // of the result away. Without it `aspm render` of the large preset took 40 % less time,
  // `aspm validate` 20 % (BENCHMARKS.md). Set before the commands' code is loaded (a front's
  // saved code is made under the same flag, which V8 checks); the evaluator, the dashboard
  // and the demo, which run through large data, keep it. (node:v8 only then: loading it
  // costs help a few milliseconds.)
  if (runsShortCommand(argv)) (await import('node:v8')).setFlagsFromString('--no-opt');
  const command = commandOf(argv);
  if (isFrontCommand(command) && (await entrances.front(command).runFront(command))) return;
  const { run } = await entrances.command();
  await run();
}
