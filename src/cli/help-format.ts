// How `--help` looks: commander's layout, with aspm's words in the user's language and the
// text wrapped to the terminal's width — between words, or between two Chinese characters
// (which need no space) — with the wizard's wrapper, counting a Chinese character as two
// columns. Commander on its own counts every character as one, never breaks Chinese, and
// stops wrapping a description when the column left for it is narrow; its words
// ([options], <file>, choices) are English whatever the language.
import { stripVTControlCharacters } from 'node:util';
import { Help, type Argument, type Command, type Option } from 'commander';
import { hasMessage, t, type MessageCode } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { displayWidth, wrapLine } from '../text/display-width.js';

/** The width when stdout is not a terminal (a file, a pipe): what commander assumes too. */
export const DEFAULT_HELP_WIDTH = 80;

/** Below this, a description is not set beside its term but on the lines under it. */
const MIN_DESCRIPTION_WIDTH = 30;

/** Where a description under its term starts. */
const UNDER_INDENT = 6;

const TITLES: Readonly<Record<string, MessageCode>> = {
  'Usage:': 'cli-usage-title',
  'Options:': 'cli-options-title',
  'Commands:': 'cli-commands-title',
  'Arguments:': 'cli-arguments-title',
  'Global Options:': 'cli-global-options-title',
};

/** The width of stdout when it is a terminal, else the default. */
export function helpWidth(stdout: { readonly isTTY?: boolean; readonly columns?: unknown }): number {
  return stdout.isTTY && typeof stdout.columns === 'number' && stdout.columns > 0 ? stdout.columns : DEFAULT_HELP_WIDTH;
}

export function localisedHelp(language: Language, width: number): Partial<Help> {
  const say = (code: MessageCode, params: Readonly<Record<string, unknown>> = {}) => t(language, code, params);
  // `<file>`, `[dir]`, `<files...>`, `[options]`: the word inside, in the user's language.
  const word = (name: string) => {
    const code = `help-word-${name}`;
    return hasMessage(code) ? say(code) : name;
  };
  const placeholders = (text: string) =>
    text.replace(/([<[])([a-z]+)(\.\.\.)?([>\]])/g, (_whole, open: string, name: string, more: string | undefined, close: string) => `${open}${word(name)}${more ?? ''}${close}`);
  const list = (values: readonly unknown[]) => values.map(String).join(say('help-list-separator'));
  const withNotes = (description: string, choices: readonly string[] | undefined, fallback: unknown, shown: string | undefined) => {
    const notes: string[] = [];
    if (choices && choices.length > 0) notes.push(say('help-choices', { values: list(choices) }));
    if (fallback !== undefined && typeof fallback !== 'boolean') notes.push(say('help-default', { value: shown ?? list([fallback].flat()) }));
    return notes.length === 0 ? description : description + say('help-notes', { notes: notes.join(say('help-notes-separator')) });
  };
  const base = new Help();
  const width_ = (text: string) => displayWidth(stripVTControlCharacters(text));
  const wrap = (text: string, columns: number) =>
    text
      .split('\n')
      .flatMap((line) => wrapLine(line, columns))
      .join('\n');

  return {
    helpWidth: width,
    showGlobalOptions: true,
    sortSubcommands: false,
    styleTitle: (title: string) => {
      const code = TITLES[title];
      return code ? say(code) : title;
    },
    commandUsage: (cmd: Command) => placeholders(base.commandUsage(cmd)),
    subcommandTerm: (cmd: Command) => placeholders(base.subcommandTerm(cmd)),
    optionTerm: (option: Option) => placeholders(option.flags),
    argumentTerm: (argument: Argument) => word(argument.name()) + (argument.variadic ? '...' : ''),
    optionDescription: (option: Option) =>
      withNotes(option.description, option.argChoices, option.required || option.optional ? option.defaultValue : undefined, option.defaultValueDescription),
    argumentDescription: (argument: Argument) => withNotes(argument.description, argument.argChoices, argument.defaultValue, argument.defaultValueDescription),
    displayWidth: width_,
    boxWrap: (text: string, columns: number) => wrap(text, columns),
    formatItem: (term: string, termWidth: number, description: string) => {
      const indent = '  ';
      if (!description) return indent + term;
      const beside = width - termWidth - 4;
      if (beside >= MIN_DESCRIPTION_WIDTH) {
        const lines = wrap(description, beside).split('\n');
        const padded = term + ' '.repeat(Math.max(0, termWidth - width_(term)));
        return [indent + padded + '  ' + lines[0], ...lines.slice(1).map((line) => ' '.repeat(termWidth + 4) + line)].join('\n');
      }
      // Too narrow for two columns: the description under its term, as wide as it can be.
      const under = wrap(description, Math.max(MIN_DESCRIPTION_WIDTH, width - UNDER_INDENT)).split('\n');
      return [indent + term, ...under.map((line) => ' '.repeat(UNDER_INDENT) + line)].join('\n');
    },
  };
}
