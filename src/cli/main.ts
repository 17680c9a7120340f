// The entry of the aspm command and the only place that decides an exit code: commands
// return a code or throw an AspmError; everything else is a bug, reported as one.
import { CommanderError } from 'commander';
import { isAspmError } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import { detectLanguage, isLanguage, type Language } from '../i18n/language.js';
import { removePendingTemporaries } from '../io/pending-temporaries.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { exitQuietlyOnBrokenPipe } from './broken-pipe.js';
import { processIo, useColor, type CliIo, type CommandContext } from './context.js';
import { EXIT_INTERNAL, formatAspmError } from './failure.js';
import { buildProgram, commanderToUsageError, COMMAND_WOULD_RUN } from './program.js';

/** For the build, which saves what a command's front compiled (scripts/bundle-cli.mjs). */
export { saveCodeCaches } from './code-cache.js';

/** The `--lang` value in argv, read before commander runs so that help is translated. */
export function languageFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

export function chooseLanguage(argv: readonly string[], env: CliIo['env']): Language {
  const requested = languageFromArgv(argv);
  if (isLanguage(requested)) return requested;
  // Only Windows keeps the user's language outside the environment. Elsewhere the system
  // locale Intl reports comes from the same variables (unset or C: en-US), and asking it
  // loads ICU's locale data, a quarter of what `aspm --help` costs.
  return detectLanguage(env, process.platform === 'win32' ? () => Intl.DateTimeFormat().resolvedOptions().locale : 'en-US');
}

/** Runs aspm with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  return (await parse(argv, io, () => true)) ?? EXIT_INTERNAL;
}

/**
 * What main() answers when `argv` asks for help or is a usage error, as main() would answer
 * it; undefined, having written nothing, when it runs a command after all (`render p.yaml
 * -o -h` writes a file named -h). The command's help front (bin/aspm.js) answers `--help`
 * with this from a CommonJS file, without starting Node's ES module loader.
 */
export function answerHelp(argv: readonly string[], io: CliIo): Promise<number | undefined> {
  return parse(argv, io, () => false);
}

/**
 * What main() answers for `argv` when it runs `command` (or asks for help, or is a usage
 * error); undefined, having written nothing, when it would run another command. A command's
 * front (dist/bundle/COMMAND.cjs, CommonJS, with V8's compiled code saved beside it) answers
 * with this: it holds that command's code and no other's.
 */
export function answerInFront(command: string, argv: readonly string[], io: CliIo): Promise<number | undefined> {
  return parse(argv, io, (name) => name === command);
}

async function parse(argv: readonly string[], io: CliIo, runs: (command: string) => boolean): Promise<number | undefined> {
  const language = chooseLanguage(argv, io.env);
  const context: CommandContext = { io, language, color: useColor(io, io.stderr) };
  const program = buildProgram(context, { runs });
  try {
    await program.command.parseAsync([...argv], { from: 'user' });
    return program.exitCode();
  } catch (caught) {
    if (caught === COMMAND_WOULD_RUN) return undefined;
    return reportFailure(caught, argv, context);
  }
}

export function reportFailure(caught: unknown, argv: readonly string[], context: CommandContext): number {
  const { io, language } = context;
  let failure: unknown = caught;
  if (caught instanceof CommanderError) {
    const usage = commanderToUsageError(caught, argv);
    // `aspm` alone: commander shows the help on stderr as an error; like any usage error, exit 2.
    if (!usage) return caught.code === 'commander.help' && caught.exitCode !== 0 ? 2 : caught.exitCode;
    failure = usage;
  }
  if (isAspmError(failure)) {
    io.stderr.write(formatAspmError(failure, language) + '\n');
    return failure.exitCode;
  }
  const detail = failure instanceof Error ? failure.message : String(failure);
  io.stderr.write(terminalSafe(t(language, 'internal-error', { detail })) + '\n');
  if (io.env.ASPM_DEBUG && failure instanceof Error && failure.stack) io.stderr.write(failure.stack + '\n');
  return EXIT_INTERNAL;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The help front's process edge: help answered on the real streams; false when a command
 * would run. No Ctrl+C handling (help writes no file), whose signal watchers would cost
 * every `aspm --help` a few milliseconds.
 */
export async function runHelp(): Promise<boolean> {
  exitQuietlyOnBrokenPipe();
  const code = await answerHelp(process.argv.slice(2), processIo());
  if (code === undefined) return false;
  process.exitCode = code;
  return true;
}

/** The process edge: real streams, Ctrl+C handling, and the exit code. */
export async function run(): Promise<void> {
  await runOnProcess((argv, io) => main(argv, io));
}

/**
 * A command's front at the process edge, as run() is the whole command's: false, having
 * done nothing, when the arguments run another command.
 */
export function runFront(command: string): Promise<boolean> {
  return runOnProcess((argv, io) => answerInFront(command, argv, io));
}

async function runOnProcess(answer: (argv: readonly string[], io: CliIo) => Promise<number | undefined>): Promise<boolean> {
  const io = processIo();
  const argv = process.argv.slice(2);
  const onInterrupt = (signal: NodeJS.Signals) => {
    removePendingTemporaries();
    io.stderr.write('\n' + t(chooseLanguage(argv, io.env), 'interrupted') + '\n');
    // End by the signal itself, as a shell expects (Ctrl+C shows as 130), not by
    // process.exit: exit waits for file-system calls still under way, and one that
    // blocks (a read from a pipe or a stuck device) would keep the process alive.
    for (const name of SIGNALS) process.removeAllListeners(name);
    process.kill(process.pid, signal);
  };
  exitQuietlyOnBrokenPipe();
  for (const name of SIGNALS) process.once(name, onInterrupt);
  const code = await answer(argv, io);
  if (code === undefined) {
    // Handed over: the command that runs sets its own.
    for (const name of SIGNALS) process.removeListener(name, onInterrupt);
    return false;
  }
  process.exitCode = code;
  return true;
}
