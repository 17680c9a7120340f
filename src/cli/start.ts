// The process entry behind bin/aspm.js. `aspm --version` asked alone is answered from
// package.json before anything else is loaded: the answer is one line, and loading the
// command parser and the message catalogue for it would cost more than Node's own start.
// Everything else — the version with other arguments too — goes through main() as always.
import { packageInfo } from '../package-root.js';
import { exitQuietlyOnBrokenPipe } from './broken-pipe.js';

/** True when argv (without node and script) asks for the version and nothing else. */
export function asksOnlyVersion(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
}

/** Commands whose work is bounded by a policy file: over before optimised code pays for itself. */
const SHORT_COMMANDS: ReadonlySet<string> = new Set(['validate', 'render', 'schema', 'init']);

/**
 * Whether argv runs one of the short commands (not help: `--help` or `help` prints and
 * ends either way). The command is the first argument that is not an option (nor the
 * value of --lang). The evaluator, the dashboard and the demo go through data of any size.
 */
export function runsShortCommand(argv: readonly string[]): boolean {
  if (argv.includes('--help') || argv.includes('-h')) return false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') i++;
    else if (!arg.startsWith('-')) return SHORT_COMMANDS.has(arg);
  }
  return false;
}

export async function start(): Promise<void> {
  const argv = process.argv.slice(2);
  if (asksOnlyVersion(argv)) {
    exitQuietlyOnBrokenPipe();
    // What commander prints for --version, byte for byte.
    process.stdout.write(`${packageInfo().version}\n`);
    return;
  }
  // A short command is over before V8's optimising compiler pays for itself: it compiles on
  // a second thread, which a two-core machine shares with the command, and then throws much
  // of the result away. Without it `aspm render` of the large preset took 40 % less time,
  // `aspm validate` 20 % (BENCHMARKS.md). Set before the commands' code is loaded; the
  // evaluator, the dashboard and the demo, which run through large data, keep it. (node:v8
  // only then: loading it costs help a few milliseconds.)
  if (runsShortCommand(argv)) (await import('node:v8')).setFlagsFromString('--no-opt');
  const { run } = await import('./main.js');
  await run();
}
