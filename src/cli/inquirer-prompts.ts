// The wizard's Prompts over @inquirer/prompts: the hint under each question, key help and
// yes/no in the user's language, and no colour when colour is off. The inquirer functions
// and streams are parameters, so tests can drive the real prompts with @inquirer/testing.
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { styleText } from 'node:util';
import { t, type MessageCode } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { displayWidth, wrapHanging, wrapLine, wrapText } from '../text/display-width.js';
import type { Prompts } from '../wizard/prompts.js';

export interface InquirerFunctions {
  readonly input: typeof input;
  readonly select: typeof select;
  readonly checkbox: typeof checkbox;
  readonly confirm: typeof confirm;
}

export interface InquirerPromptsOptions {
  readonly language: Language;
  readonly color: boolean;
  /** Where `say` writes; the prompts render to `context.output` (stdout by default). */
  readonly write: (text: string) => void;
  readonly context?: {
    readonly input?: NodeJS.ReadableStream;
    readonly output?: NodeJS.WritableStream;
    readonly signal?: AbortSignal;
  };
  readonly functions?: InquirerFunctions;
}

type Status = 'idle' | 'done' | 'loading';
type Paint = (format: Parameters<typeof styleText>[0], text: string) => string;

const KEY_ACTIONS: Readonly<Record<string, MessageCode>> = {
  navigate: 'keys-navigate',
  select: 'keys-select',
  all: 'keys-all',
  invert: 'keys-invert',
  submit: 'keys-submit',
};

export function inquirerPrompts(options: InquirerPromptsOptions): Prompts {
  const fns = options.functions ?? { input, select, checkbox, confirm };
  const { language, color } = options;
  const say = (code: MessageCode) => t(language, code);
  const paint: Paint = color ? (format, text) => styleText(format, text) : (_format, text) => text;
  const context = options.context ?? {};

  const terminalColumns = () => (context.output as { columns?: number } | undefined)?.columns ?? process.stdout.columns ?? 80;

  /** The question in bold, its hint dimmed on the lines below; only the question once answered. */
  const message =
    (hint: string | undefined, typed: boolean, done: { width: number }) =>
    (text: string, status: Status): string => {
      // The question itself wraps between words too (after "? ", continued under its text).
      const lines = wrapLine(text, terminalColumns() - 3);
      // "✔ question answer": how much of the last line the answer finds taken.
      done.width = displayWidth(lines.at(-1) ?? '') + 2;
      const question = paint('bold', lines.join('\n  '));
      if (status === 'done' || !hint) return question;
      // Wrapped between words (or Chinese characters) to the terminal, not cut mid-word by it.
      const hintLines = hint
        .split('\n')
        .flatMap((line) => wrapLine(line, terminalColumns() - 3))
        .map((line) => `  ${paint('dim', line)}`);
      // Typed answers go on a line of their own, after the hint.
      return [question, ...hintLines].join('\n') + (typed ? `\n ${paint('dim', '›')}` : '');
    };

  const keysHelpTip = (keys: [string, string][]) =>
    keys
      .map(([key, action]) => {
        const code = KEY_ACTIONS[action];
        return `${paint('bold', key === 'space' ? say('keys-space') : key)} ${paint('dim', code ? say(code) : action)}`;
      })
      .join(paint('dim', ' • '));

  const plain = color
    ? {}
    : {
        prefix: { idle: '?', done: '✔' },
        style: {
          answer: (text: string) => text,
          defaultAnswer: (text: string) => `(${text})`,
          help: (text: string) => text,
          highlight: (text: string) => text,
          key: (text: string) => `<${text}>`,
          description: (text: string) => text,
          disabled: (text: string) => text,
        },
      };

  const separator = language === 'zh-CN' ? '、' : ', ';
  const renderSelectedChoices = (choices: readonly { short: string }[]) => choices.map((c) => c.short).join(separator);
  /**
   * The answer after the question, when it fits on that line; else on the lines below,
   * wrapped between words (a long list of KPIs would otherwise be cut mid-word).
   */
  const answer = (done: { width: number }) => (text: string) => {
    const columns = terminalColumns() - 1;
    const laid = done.width + 1 + displayWidth(text) <= columns ? text : '\n' + wrapLine(text, columns - 2).map((line) => `  ${line}`).join('\n');
    return color ? paint('cyan', laid) : laid;
  };
  // A choice's description (a role's duties) is shown under the list, wrapped the same way.
  const description = (text: string) => {
    const wrapped = wrapText(text, terminalColumns() - 1);
    return color ? paint('cyan', wrapped) : wrapped;
  };
  // Why an answer was refused, wrapped between words and continued under its text ("100" was cut as "10⏎0").
  const error = (text: string) => {
    const wrapped = wrapHanging(`> ${text}`, terminalColumns() - 1);
    return color ? paint('red', wrapped) : wrapped;
  };
  const theme = (hint: string | undefined, typed: boolean) => {
    const done = { width: 0 };
    return {
      ...plain,
      style: { ...plain.style, message: message(hint, typed, done), keysHelpTip, renderSelectedChoices, answer: answer(done), description, error },
      i18n: { disabledError: say('choice-disabled') },
    };
  };

  return {
    input: (q) =>
      fns.input(
        {
          message: q.message,
          ...(q.default !== undefined ? { default: q.default } : {}),
          ...(q.validate ? { validate: q.validate } : {}),
          theme: theme(q.hint, true),
        },
        context,
      ),
    select: (q) =>
      fns.select(
        {
          message: q.message,
          choices: q.choices.map((c) => ({ ...c })),
          ...(q.default !== undefined ? { default: q.default } : {}),
          pageSize: 12,
          // Typing to search would treat Escape or Left (no text) as a search for "" and move the
          // highlight to the first option, so Enter would record an answer never chosen. The
          // vim bindings turn search off (and add j/k); arrows and numbers still move.
          theme: { ...theme(q.hint, false), keybindings: ['vim'] as const },
        },
        context,
      ),
    checkbox: (q) =>
      fns.checkbox(
        {
          message: q.message,
          choices: q.choices.map((c) => ({ ...c })),
          ...(q.validate ? { validate: (choices: readonly { value: (typeof q.choices)[number]['value'] }[]) => q.validate!(choices.map((c) => c.value)) } : {}),
          pageSize: 12,
          theme: theme(q.hint, false),
        },
        context,
      ),
    confirm: (q) =>
      fns.confirm(
        {
          message: q.message,
          default: q.default ?? true,
          theme: {
            ...theme(q.hint, true),
            keywords: {
              yes: say('answer-yes'),
              no: say('answer-no'),
              error: () => say('confirm-error'),
            },
            style: {
              ...theme(q.hint, true).style,
              // Inquirer marks the default by capitalising its initial, which Chinese does not
              // have: say what Enter does in words, the same way with colour and without.
              defaultAnswer: () => paint('dim', t(language, 'confirm-choices', { default: q.default ?? true })),
            },
          },
          transformer: (value: boolean) => say(value ? 'answer-yes' : 'answer-no'),
        },
        context,
      ),
    // Long lines of the summary wrap between words, as the hints do; short ones (tables) are left as they are.
    say: (text) => options.write(wrapHanging(text, terminalColumns() - 1) + '\n'),
  };
}

/** True for the errors inquirer raises when the user presses Ctrl+C or the input closes. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && ['ExitPromptError', 'AbortPromptError', 'CancelPromptError'].includes(error.name);
}
