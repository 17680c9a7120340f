// Turns a message code and its parameters into text in one language. Messages live only
// in the catalogue parts under ./messages; nothing else in the code holds user-facing text.
import type { Language } from './language.js';

export type MessageParams = Readonly<Record<string, unknown>>;
export type Template = string | ((params: MessageParams) => string);
export type Entry = Readonly<Record<Language, Template>>;

/** Declares a catalogue part; the type keeps every entry complete in both languages. */
export function defineMessages<const T extends Record<string, Entry>>(entries: T): T {
  return entries;
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

export function formatTemplate(template: Template, params: MessageParams): string {
  if (typeof template === 'function') return template(params);
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in params ? formatValue(params[name]) : whole,
  );
}

/** English count with its noun: `1 role`, `3 roles`. */
export function plural(count: unknown, noun: string): string {
  return `${formatValue(count)} ${Number(count) === 1 ? noun : `${noun}s`}`;
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  return String(value);
}
