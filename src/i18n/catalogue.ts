// The message catalogue: every user-facing string, in Chinese and English. Each area keeps
// its own part; this file joins them, and the type keeps codes unique and complete.
//
// Only two parts load with it: the core and the command line's own (help, usage errors).
// The parts of what the commands do join in all-messages.ts, which the library entry
// imports and the command line loads before any command runs, so `aspm --help` does not
// compile the thousand messages of the evaluator, the wizard and the reports.
import type { Language } from './language.js';
import { formatTemplate, type Entry, type EntryParams, type MessageParams } from './translate.js';
import { coreMessages } from './messages/core.js';
import { cliMessages } from './messages/cli.js';
import type { evaluateMessages } from './messages/evaluate.js';
import type { renderMessages } from './messages/render.js';
import type { wizardMessages } from './messages/wizard.js';
import type { scoringMessages } from './messages/scoring.js';
import type { demoMessages } from './messages/demo.js';
import type { dashboardMessages } from './messages/dashboard.js';

type Parts = [
  typeof coreMessages,
  typeof cliMessages,
  typeof evaluateMessages,
  typeof wizardMessages,
  typeof renderMessages,
  typeof scoringMessages,
  typeof demoMessages,
  typeof dashboardMessages,
];

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
export type MessageCode = KeysOfUnion<Parts[number]> & string;

type Catalogue = typeof coreMessages &
  typeof cliMessages &
  typeof evaluateMessages &
  typeof wizardMessages &
  typeof renderMessages &
  typeof scoringMessages &
  typeof demoMessages &
  typeof dashboardMessages;

/**
 * The parameters a message needs, read from the catalogue itself: the `{name}` placeholders
 * of its two strings, or the `Params<…>` its template functions declare. A misspelt or
 * missing parameter is a compile error where the message is made, not a `{name}` printed
 * to the user. A code known only as MessageCode (a message passed on, re-thrown with more
 * parameters) was checked where it was made, and takes any parameters.
 */
export type MessageParamsOf<C extends MessageCode> = [MessageCode] extends [C] ? MessageParams : NoneIfEmpty<EntryParams<Catalogue[C]>>;

/** A message without parameters takes none: `{}` alone would accept any object. */
type NoneIfEmpty<P> = P extends unknown ? ([keyof P] extends [never] ? Readonly<Record<string, never>> : P) : never;

/** The parameters as a call's last arguments: optional when a message needs none. */
export type MessageArgs<C extends MessageCode> = Record<never, never> extends MessageParamsOf<C> ? [params?: MessageParamsOf<C>] : [params: MessageParamsOf<C>];

const catalogue = new Map<string, Entry>();

/** Adds catalogue parts (all-messages.ts adds the parts of what the commands do). */
export function addMessages(...parts: readonly Readonly<Record<string, Entry>>[]): void {
  for (const part of parts) {
    for (const [code, entry] of Object.entries(part)) {
      if (catalogue.has(code)) throw new Error(`message code defined twice: ${code}`);
      catalogue.set(code, entry);
    }
  }
}

addMessages(coreMessages, cliMessages);

export function t<C extends MessageCode>(language: Language, code: C, ...params: MessageArgs<C>): string;
// The checked signature is the one above; this body sees plain parameters, because relating
// the generic type inside a body makes the compiler expand it for every code (seconds).
export function t(language: Language, code: MessageCode, params: MessageParams = {}): string {
  return translate(language, code, params);
}

/**
 * A message whose parameters were checked when it was made (a Diagnostic, an AspmError, a
 * MessageRef), translated now.
 */
export function translate(language: Language, code: MessageCode, params: MessageParams): string {
  const entry = catalogue.get(code);
  if (!entry) throw new Error(`unknown message code: ${code}`);
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) resolved[name] = resolveParam(language, value);
  return formatTemplate(entry[language], resolved);
}

/** A parameter that is itself a message, translated when the message is. */
export interface MessageRef {
  readonly $t: MessageCode;
  readonly params?: MessageParams;
}

/** A parameter given in both languages (e.g. a description taken from the schema). */
export type LocalText = Readonly<Record<Language, string>>;

export function ref<C extends MessageCode>(code: C, ...params: MessageArgs<C>): MessageRef;
export function ref(code: MessageCode, params?: MessageParams): MessageRef {
  return params ? { $t: code, params } : { $t: code };
}

function resolveParam(language: Language, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveParam(language, v));
  if (value && typeof value === 'object') {
    if ('$t' in value) {
      const reference = value as MessageRef;
      return translate(language, reference.$t, reference.params ?? {});
    }
    if ('zh-CN' in value && 'en' in value) return (value as LocalText)[language];
  }
  return value;
}

export function hasMessage(code: string): code is MessageCode {
  return catalogue.has(code);
}

/** Every code with its two templates, for tests that check the catalogue itself. */
export function allMessages(): ReadonlyMap<string, Entry> {
  return catalogue;
}
