// Turns a message code and its parameters into text in one language. Messages live only
// in the catalogue parts under ./messages; nothing else in the code holds user-facing text.
import type { Language } from './language.js';

export type MessageParams = Readonly<Record<string, unknown>>;
// A function template names its parameters in its own type (see Params); the parameter is
// `never` here so that any such function is a Template, whatever parameters it names.
export type Template = string | ((params: never) => string);
export type Entry = Readonly<Record<Language, Template>>;

/**
 * The parameters a function template reads: `Params<'name' | 'kpi', 'role'>` for a message
 * that always needs a name and a KPI and may name a role. The compiler then rejects a read
 * of any other parameter inside the template, and a call that misses or misspells one.
 */
export type Params<Required extends string, Optional extends string = never> = { readonly [K in Required]: unknown } & { readonly [K in Optional]?: unknown };

type NameChar =
  | 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z'
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U' | 'V' | 'W' | 'X' | 'Y' | 'Z'
  | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '_';

type IsName<S extends string> = S extends `${NameChar}${infer Rest}` ? (Rest extends '' ? true : IsName<Rest>) : false;

/** The `{name}` placeholders of a template string, as PLACEHOLDER below finds them. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (IsName<Name> extends true ? Name : never) | Placeholders<Rest>
  : never;

/** What one language's template needs: its placeholders, or the parameter its function names. */
type TemplateParams<T> = T extends string
  ? { readonly [K in Placeholders<T>]: unknown }
  : T extends (params: infer P) => string
    ? P
    : never;

/** What a catalogue entry needs: what either language's template reads. */
export type EntryParams<E> = E extends Entry ? TemplateParams<E['zh-CN']> & TemplateParams<E['en']> : never;

/** Declares a catalogue part; the type keeps every entry complete in both languages. */
export function defineMessages<const T extends Record<string, Entry>>(entries: T): T {
  return entries;
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

export function formatTemplate(template: Template, params: MessageParams): string {
  // The parameters were checked against the template's own type where the message was made.
  if (typeof template === 'function') return (template as (params: MessageParams) => string)(params);
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in params ? formatValue(params[name]) : whole,
  );
}

/** English count with its noun: `1 role`, `3 roles`. */
export function plural(count: unknown, noun: string): string {
  return `${formatValue(count)} ${Number(count) === 1 ? noun : `${noun}s`}`;
}

/**
 * An event log's on-hold conditions ({field, values}[]) as words: `incident_state 为
 * “Awaiting User Info”、“Awaiting Vendor”之一` / `incident_state is one of "Awaiting User
 * Info", "Awaiting Vendor"`, several joined by 且 / and.
 */
export function holdConditions(value: unknown, language: 'zh-CN' | 'en'): string {
  const conditions = Array.isArray(value) ? (value as { field: string; values: string[] }[]) : [];
  const zh = language === 'zh-CN';
  return conditions
    .map((c) => {
      const values = c.values.map((v) => (zh ? `“${v}”` : `"${v}"`)).join(zh ? '、' : ', ');
      if (values === '') return zh ? `${c.field} 有值` : `${c.field} is set`;
      if (c.values.length === 1) return zh ? `${c.field} 为${values}` : `${c.field} is ${values}`;
      return zh ? `${c.field} 为${values}之一` : `${c.field} is one of ${values}`;
    })
    .join(zh ? '且' : ' and ');
}

/** Years as runs: [2004, …, 2026, 2028] → `2004–2026, 2028` (a calendar's known years). */
export function yearRanges(value: unknown, separator: string): string {
  const years = (Array.isArray(value) ? value : [value]).map(Number).sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    runs.push(j > i ? `${years[i]}–${years[j]}` : String(years[i]));
    i = j + 1;
  }
  return runs.join(separator);
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  return String(value);
}
