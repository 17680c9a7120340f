// The shape of a command: a name and a function that declares its arguments and options
// on a commander Command and sets its action. Actions report an exit code through
// `exit`, or throw an AspmError; they never call process.exit themselves.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

export interface CommandDefinition {
  readonly name: string;
  /**
   * The command speaks only the catalogue's core and command-line parts (which help and
   * usage errors use too): the rest of the catalogue is not loaded before it runs. True only
   * where everything it reaches reports in those parts: src/cli/start-up.test.ts reads every
   * message code in what the command can reach, and test/cli-front.test.ts runs it.
   */
  readonly coreMessagesOnly?: boolean;
  register(command: Command, context: CommandContext, exit: (code: number) => void): void;
}
