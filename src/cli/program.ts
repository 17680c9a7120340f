// Builds the command-line program: the commands, their help in the user's language, and
// commander's own errors mapped onto aspm's usage errors (exit 2).
import { Command, CommanderError, Option } from 'commander';
import { usageError, type AspmError } from '../errors.js';
import { t, type MessageCode } from '../i18n/catalogue.js';
import { LANGUAGES } from '../i18n/language.js';
import { packageInfo } from '../package-root.js';
import { commands } from './commands/index.js';
import type { CommandContext } from './context.js';
import { helpWidth, localisedHelp } from './help-format.js';

export interface Program {
  readonly command: Command;
  /** The exit code the command that ran asked for (0 when it did not say). */
  exitCode(): number;
}

/**
 * Thrown instead of running a command the program was not built to run (`runs` says no):
 * the arguments asked for more than help, or for another command than the front's (see
 * answerHelp and answerInFront in main.ts).
 */
export const COMMAND_WOULD_RUN: unique symbol = Symbol('aspm: a command would run');

export interface ProgramOptions {
  /** Whether the program may run the command of this name (every command when not given). */
  readonly runs?: (command: string) => boolean;
}

export function buildProgram(context: CommandContext, { runs = () => true }: ProgramOptions = {}): Program {
  const { language, io } = context;
  const say = (code: MessageCode) => t(language, code);
  let exitCode = 0;

  const configure = (command: Command): Command =>
    command
      .helpOption('-h, --help', say('opt-help'))
      .configureHelp(localisedHelp(language, helpWidth(io.stdout)))
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        // Commander's own error text is English; main() prints ours instead.
        outputError: () => undefined,
      })
      .showSuggestionAfterError(false)
      .exitOverride();

  const program = configure(new Command('aspm'))
    .description(say('cli-description'))
    .version(packageInfo().version, '-V, --version', say('opt-version'))
    .addOption(new Option('--lang <language>', say('opt-lang')).choices(LANGUAGES))
    .helpCommand('help [command]', say('cmd-help'))
    .allowExcessArguments(false)
    // Help and usage errors speak the catalogue's core and command-line parts; a command
    // that runs may speak any message, unless it says it speaks only those. A program not
    // built to run the command (the help front, another command's front) stops here,
    // before any of the command's code is loaded.
    .hook('preAction', async (_program, action) => {
      if (!runs(action.name())) throw COMMAND_WOULD_RUN;
      if (commands.find((c) => c.name === action.name())?.coreMessagesOnly) return;
      await import('../i18n/all-messages.js');
    });

  for (const definition of commands) {
    const command = configure(program.command(definition.name));
    definition.register(command, context, (code) => {
      exitCode = code;
    });
  }

  return { command: program, exitCode: () => exitCode };
}

/** Turns commander's usage errors into aspm's; returns undefined for help/version exits. */
export function commanderToUsageError(error: CommanderError, argv: readonly string[]): AspmError | undefined {
  if (
    error.code === 'commander.helpDisplayed' ||
    error.code === 'commander.version' ||
    error.code === 'commander.help' ||
    error.exitCode === 0
  ) {
    return undefined;
  }
  const quoted = /'([^']+)'/g;
  const names = [...error.message.matchAll(quoted)].map((m) => m[1] ?? '');
  const command = argv.find((a) => commands.some((c) => c.name === a)) ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return usageError('usage-unknown-option', { option: names[0] ?? '', command });
    case 'commander.unknownCommand':
      return usageError('usage-unknown-command', { name: names[0] ?? '', commands: commands.map((c) => c.name).join(', ') });
    case 'commander.missingArgument':
      return usageError('usage-missing-argument', { argument: names[0] ?? '', command });
    case 'commander.optionMissingArgument':
      return usageError('usage-missing-option-value', { option: names[0] ?? '' });
    case 'commander.missingMandatoryOptionValue':
      return usageError('usage-missing-mandatory-option', { option: names[0] ?? '', command });
    case 'commander.excessArguments':
      return usageError('usage-excess-arguments', { arguments: excessArguments(error.message), command });
    case 'commander.invalidArgument': {
      const allowed = /Allowed choices are (.+)\./.exec(error.message)?.[1] ?? '';
      // "option '--preset <size>' argument 'huge' is invalid" names the option first;
      // "command-argument value 'foo' is invalid for argument 'name'" names the value first.
      const optionFirst = /^error: option '/.test(error.message);
      const option = (optionFirst ? names[0] : names[1]) ?? '';
      const value = (optionFirst ? names[1] : names[0]) ?? '';
      return usageError('usage-invalid-choice', { option: option.replace(/\s*[<[].*$/, ''), value, allowed });
    }
    default:
      return usageError('usage-other', { detail: error.message.replace(/^error: /, '') });
  }
}

function excessArguments(message: string): string {
  return /Received (\d+) arguments?/.exec(message)?.[0] ?? message.replace(/^error: /, '');
}

export { CommanderError };
