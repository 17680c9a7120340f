// The shape of a command: a name and a function that declares its arguments and options
// on a commander Command and sets its action. Actions report an exit code through
// `exit`, or throw an AspmError; they never call process.exit themselves.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

export interface CommandDefinition {
  readonly name: string;
  register(command: Command, context: CommandContext, exit: (code: number) => void): void;
}
