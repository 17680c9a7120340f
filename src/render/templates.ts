// Handlebars templates that turn a view of data into Markdown, one folder per language
// (templates/<language>/, e.g. `policy.md.hbs` with partials under `policy/`). Any file can
// be rendered by name or used as a partial by name (`{{> policy/general}}`); a folder given
// with --templates overrides built-in files of the same name and may add new ones.
// `renderTemplate` is pure; `readTemplateSet` reads the folders. Templates are compiled
// with `noEscape` (HTML escaping is wrong for Markdown) and `strict` (a misspelt field is an
// error, not a silent blank); text is escaped for Markdown by the `md` and `cell` helpers.
// The shipped templates are precompiled (`npm run gen`, precompiled-templates.ts) and run
// through Handlebars' runtime: its parser and compiler are loaded only for a --templates
// folder, whose files are checked and compiled when read.
import type Handlebars from 'handlebars';
import handlebarsRuntime from 'handlebars/runtime.js';
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { AspmError } from '../errors.js';
import type { Language } from '../i18n/language.js';
import { openFailure, readSmallFile } from '../io/read-input.js';
import { packagePath } from '../package-root.js';
import { t, type MessageCode } from '../i18n/catalogue.js';
import { asClause, asSentence } from './document-values.js';
import { escapeMarkdown, escapeMarkdownCell } from './escape-markdown.js';
import { fenceTracker } from './markdown-document.js';
import { loadPrecompiledTemplates, type PrecompiledTemplates } from './precompiled-templates.js';

export interface TemplateSource {
  /** The name templates use for it: its path below the language folder, without `.md.hbs`. */
  readonly name: string;
  /** Where it was read from, for messages. */
  readonly path: string;
  readonly text: string;
}

export interface TemplateSet {
  readonly language: Language;
  readonly sources: ReadonlyMap<string, TemplateSource>;
}

const EXTENSIONS = ['.md.hbs', '.hbs'] as const;
/** Templates are small; anything larger is the wrong file. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

function templateName(relativePath: string): string | undefined {
  const path = relativePath.split(sep).join('/');
  const extension = EXTENSIONS.find((e) => path.endsWith(e));
  return extension ? path.slice(0, -extension.length) : undefined;
}

/** Handlebars' runtime: what a precompiled template needs (the package declares its types only for the whole). */
const HandlebarsRuntime = handlebarsRuntime as unknown as Pick<typeof Handlebars, 'create' | 'createFrame' | 'template'>;

let compiler: typeof Handlebars | undefined;

/** Handlebars with its parser and compiler: about as long to load as the rest of a render, so only when a template is not precompiled. */
function handlebarsCompiler(): typeof Handlebars {
  return (compiler ??= createRequire(import.meta.url)('handlebars') as typeof Handlebars);
}

/** The sets of the shipped templates, with their precompiled form. */
const shipped = new WeakMap<TemplateSet, PrecompiledTemplates>();

/** Checks each template's syntax, so a mistake is reported with its file and line. */
export function buildTemplateSet(language: Language, sources: readonly TemplateSource[], base?: TemplateSet): TemplateSet {
  const map = new Map(base?.sources ?? []);
  for (const source of sources) {
    try {
      handlebarsCompiler().parse(source.text);
    } catch (cause) {
      const { line, detail } = describeHandlebarsError(cause);
      throw new AspmError('template-syntax', { detail }, { location: { file: source.path, ...(line ? { line } : {}) }, cause });
    }
    map.set(source.name, source);
  }
  return { language, sources: map };
}

/** The built-in templates of a language, with the files of `overrideDir` laid over them. */
export async function readTemplateSet(language: Language, overrideDir?: string): Promise<TemplateSet> {
  const builtin = await shippedTemplateSet(language);
  if (overrideDir === undefined) return builtin;
  const folder = await overrideFolder(overrideDir, language);
  const overrides = await readTemplateFolder(folder);
  if (overrides.length === 0) throw new AspmError('templates-dir-empty', { path: overrideDir });
  return buildTemplateSet(language, overrides, builtin);
}

/**
 * The shipped templates of a language, from their precompiled module rather than the files:
 * the same text (a test holds them to templates/), checked when it was precompiled.
 */
async function shippedTemplateSet(language: Language): Promise<TemplateSet> {
  const precompiled = await loadPrecompiledTemplates(language);
  const folder = packagePath('templates', language);
  const sources = new Map<string, TemplateSource>();
  for (const [name, template] of Object.entries(precompiled)) sources.set(name, { name, path: join(folder, ...template.file.split('/')), text: template.text });
  const set: TemplateSet = { language, sources };
  shipped.set(set, precompiled);
  return set;
}

/** `DIR/<language>/` when it exists (one folder for both languages), else `DIR` itself. */
async function overrideFolder(dir: string, language: Language): Promise<string> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new AspmError('templates-dir-missing', { path: dir });
  const perLanguage = join(dir, language);
  const languageInfo = await stat(perLanguage).catch(() => undefined);
  return languageInfo?.isDirectory() ? perLanguage : dir;
}

async function readTemplateFolder(folder: string): Promise<TemplateSource[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch (cause) {
    // A folder that cannot be listed (permissions): a message, not an internal error.
    const d = openFailure(cause, folder);
    throw new AspmError(d.code, d.params, { location: { file: folder } });
  }
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const sources: TemplateSource[] = [];
  for (const path of files) {
    const name = templateName(relative(folder, path));
    if (name === undefined) continue;
    const read = await readSmallFile(path, MAX_TEMPLATE_BYTES);
    if (!read.ok) throw new AspmError(read.diagnostic.code, read.diagnostic.params, { location: { file: path } });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
    } catch (cause) {
      throw new AspmError('template-not-utf8', { path }, { cause });
    }
    sources.push({ name, path, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') });
  }
  return sources;
}

interface NumberingFrame {
  count: number;
}

/** Helpers every template may use; those that write words follow the set's language. */
function helpers(language: Language): Record<string, Handlebars.HelperDelegate> {
  const last = (options: Handlebars.HelperOptions | undefined): boolean => (options?.data as { last?: boolean } | undefined)?.last ?? true;
  return {
    /** Text for a paragraph, heading or list item, escaped for Markdown. */
    md: (value: unknown) => escapeMarkdown(value),
    /** Text for a table cell: escaped, and on one line; `sentence=true` ends it as a sentence. */
    cell: (value: unknown, options?: Handlebars.HelperOptions) =>
      escapeMarkdownCell((options?.hash as { sentence?: boolean } | undefined)?.sentence ? asSentence(language, textOf(value)) : value),
    /** Text as a whole sentence (adds 。 / . when missing), escaped. */
    sentence: (value: unknown) => escapeMarkdown(asSentence(language, textOf(value))),
    /** One item of an enumeration in an {{#each}}: ends with ；, the last with 。; escaped. */
    clause: (value: unknown, options?: Handlebars.HelperOptions) => escapeMarkdown(asClause(language, textOf(value), last(options))),
    /** Text without its closing punctuation, escaped: for text that a template continues. */
    bare: (value: unknown) => escapeMarkdown(asClause(language, textOf(value), true).replace(/[。.]$/u, '')),
    /** The punctuation that closes an item of an {{#each}}: ；, or 。 after the last. */
    clauseEnd: (options?: Handlebars.HelperOptions) => asClause(language, 'x', last(options)).slice(1),
    /** Numbers the {{item}}s inside it （一）（二）… / (1) (2) …, however many conditions leave out. */
    numbered(this: unknown, options: Handlebars.HelperOptions) {
      const data = HandlebarsRuntime.createFrame(options.data ?? {}) as { numbering?: NumberingFrame };
      data.numbering = { count: 0 };
      return options.fn(this, { data });
    },
    /** The next item number of the enclosing {{#numbered}}. */
    item(options: Handlebars.HelperOptions) {
      const frame = (options.data as { numbering?: NumberingFrame } | undefined)?.numbering;
      // Without its {path}: renderFailure adds the path of the template being rendered.
      if (!frame) throw new AspmError<MessageCode>('template-item-outside-numbered');
      frame.count += 1;
      return t(language, 'doc-item-number', { n: frame.count });
    },
  };
}

function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Compiled templates of a set, kept while the set is: compiling is most of a render's time. */
const compiled = new WeakMap<TemplateSet, Map<string, Handlebars.TemplateDelegate>>();

function compiledTemplate(set: TemplateSet, main: TemplateSource): Handlebars.TemplateDelegate {
  let templates = compiled.get(set);
  if (!templates) {
    templates = new Map();
    compiled.set(set, templates);
  }
  let template = templates.get(main.name);
  if (!template) {
    const precompiled = shipped.get(set);
    template = precompiled ? precompiledTemplate(set, precompiled, main) : compileTemplate(set, main);
    templates.set(main.name, template);
  }
  return template;
}

function compileTemplate(set: TemplateSet, main: TemplateSource): Handlebars.TemplateDelegate {
  const env = handlebarsCompiler().create();
  env.registerHelper(helpers(set.language));
  for (const source of set.sources.values()) {
    // Partials compiled once too, with the same options as the template that uses them.
    env.registerPartial(source.name, env.compile(source.text, COMPILE_OPTIONS));
  }
  return env.compile(main.text, COMPILE_OPTIONS);
}

/** The same template and partials as `compileTemplate` makes of the shipped files, without compiling. */
function precompiledTemplate(set: TemplateSet, precompiled: PrecompiledTemplates, main: TemplateSource): Handlebars.TemplateDelegate {
  const env = HandlebarsRuntime.create();
  env.registerHelper(helpers(set.language));
  const template = (name: string) => env.template(precompiled[name]?.spec as TemplateSpecification);
  for (const source of set.sources.values()) env.registerPartial(source.name, template(source.name));
  return template(main.name);
}

type TemplateSpecification = Parameters<typeof HandlebarsRuntime.template>[0];

/** As scripts/precompile-templates.mjs compiles the shipped templates (COMPILE_OPTIONS there). */
const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** Renders the template `name` of the set with `context`; every other template is a partial. */
export function renderTemplate(set: TemplateSet, name: string, context: unknown): string {
  const main = set.sources.get(name);
  if (!main) throw new AspmError('template-missing', { name, language: set.language });
  let output: string;
  try {
    output = compiledTemplate(set, main)(context);
  } catch (cause) {
    throw renderFailure(cause, main);
  }
  return tidyMarkdown(output);
}

function renderFailure(cause: unknown, main: TemplateSource): AspmError {
  if (cause instanceof AspmError) return new AspmError(cause.code, { ...cause.params, path: main.path }, { cause });
  // A partial that includes itself recurses until the stack runs out.
  if (cause instanceof RangeError && /call stack/i.test(cause.message)) return new AspmError('template-recursive', { path: main.path }, { cause });
  const message = cause instanceof Error ? cause.message : String(cause);
  const partial = /^The partial (.+) could not be found/.exec(message);
  if (partial) return new AspmError('template-partial-missing', { name: partial[1] ?? '', template: main.path }, { cause });
  const field = /^"(.+)" not defined in .* - (\d+):(\d+)$/.exec(message);
  if (field) {
    return new AspmError('template-field-missing', { field: field[1] ?? '', line: Number(field[2]), col: Number(field[3]) }, { cause });
  }
  const helper = /^Missing helper: "(.+)"/.exec(message);
  if (helper) return new AspmError('template-helper-missing', { name: helper[1] ?? '' }, { cause });
  const { detail } = describeHandlebarsError(cause);
  return new AspmError('template-render-failed', { path: main.path, detail }, { cause });
}

function describeHandlebarsError(cause: unknown): { line?: number; detail: string } {
  const message = cause instanceof Error ? cause.message : String(cause);
  const parse = /^Parse error on line (\d+):\n([\s\S]*)$/.exec(message);
  if (parse) return { line: Number(parse[1]), detail: (parse[2] ?? '').trim().split('\n').pop() ?? '' };
  const located = /^(.*) - (\d+):(\d+)$/.exec(message);
  if (located) return { line: Number(located[2]), detail: located[1] ?? message };
  return { detail: message };
}

/**
 * Closes up the blank lines that optional sections leave behind (outside fenced code, where
 * they would matter), so the Markdown reads as if written by hand.
 */
export function tidyMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  const inFence = fenceTracker();
  let blank = 0;
  for (const line of lines) {
    const fenced = inFence(line);
    if (!fenced && line.trim() === '') {
      blank++;
      continue;
    }
    if (blank > 0 && out.length > 0) out.push('');
    blank = 0;
    out.push(!fenced ? line.replace(/[ \t]+$/, (s) => (s.length >= 2 ? s : '')) : line);
  }
  return out.join('\n') + '\n';
}
