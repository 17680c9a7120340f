// A holidays file (`evaluation.holidays_file`): the days off and make-up working days of a
// working calendar for any country, as YAML (schemas/src/holidays.schema.yaml, through the
// same pipeline as a policy) or as CSV (`date,kind,name`). Every problem is
// `holidays.yaml:LINE:COL`; the file the policy names but that cannot be read is reported at
// the policy's `holidays_file` line, since that is where the fix usually is. Parsing is pure;
// `readHolidaysFile` adds the file system. It never decides what a day is on its own: the
// working calendar (src/evaluate/working-calendar.ts) lays these days over its base.
import { dirname, isAbsolute, join } from 'node:path';
import { error, type Diagnostic } from '../errors.js';
import { readSmallFile } from '../io/read-input.js';
import { decodeUtf8Text } from '../text/decode-text.js';
import { isCalendarDay } from '../text/calendar-day.js';
import { validate as validateHolidays } from '../validation/compiled/holidays.validate.generated.js';
import { loadDocumentText, type Rule } from '../validation/load-document.js';
import { locate, type YamlSource } from '../validation/yaml-document.js';
import type { HolidaysFile } from './holidays.generated.js';
import type { Policy } from './policy.generated.js';

/** A holidays file has a few dozen lines a year; anything this large is the wrong file. */
export const MAX_HOLIDAYS_BYTES = 1024 * 1024;

/** The days a holidays file lists, and the years it knows in full. */
export interface HolidayList {
  /** The file as the policy names it (for messages). */
  readonly file: string;
  /** Day (`YYYY-MM-DD`) → its name ('' when unnamed). */
  readonly off: ReadonlyMap<string, string>;
  readonly work: ReadonlyMap<string, string>;
  /** Ascending: its `years`, or every year from its earliest to its latest date. */
  readonly years: readonly number[];
  /**
   * The file as read (set by `readHolidaysFile`): where, its hash and format, so that
   * report.json can list it among its inputs — another list gives other results.
   */
  readonly read?: { readonly path: string; readonly sha256: string; readonly format: 'yaml' | 'csv' };
}

export type HolidaysResult = { readonly ok: true; readonly value: HolidayList; readonly diagnostics: readonly Diagnostic[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Where each listed day is: its kind, its index in that list and its name. */
interface Entry {
  readonly day: string;
  readonly kind: 'off' | 'work';
  readonly name: string;
}

function yearsSpanned(days: readonly string[]): number[] {
  if (days.length === 0) return [];
  const years = days.map((d) => Number(d.slice(0, 4)));
  const out: number[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) out.push(y);
  return out;
}

function listOf(file: string, entries: readonly Entry[], years: readonly number[] | undefined): HolidayList {
  const off = new Map<string, string>();
  const work = new Map<string, string>();
  for (const e of entries) (e.kind === 'off' ? off : work).set(e.day, e.name);
  return { file, off, work, years: years ? [...years].sort((a, b) => a - b) : yearsSpanned(entries.map((e) => e.day)) };
}

const yamlRules: Rule<HolidaysFile>[] = [
  (doc, report) => {
    // The same date twice, or both off and work: which one was meant cannot be guessed.
    const seen = new Map<string, { kind: 'off' | 'work'; index: number }>();
    for (const kind of ['off', 'work'] as const) {
      doc[kind].forEach((d, i) => {
        if (!isCalendarDay(d.date)) {
          report({ code: 'holidays-date-invalid', params: { value: d.date }, path: [kind, i, 'date'] });
          return;
        }
        const first = seen.get(d.date);
        if (!first) seen.set(d.date, { kind, index: i });
        else if (first.kind === kind) report({ code: 'holidays-date-duplicate', params: { date: d.date, first: { $line: [first.kind, first.index, 'date'] } }, path: [kind, i, 'date'] });
        else report({ code: 'holidays-date-off-and-work', params: { date: d.date, first: { $line: [first.kind, first.index, 'date'] } }, path: [kind, i, 'date'] });
        if (doc.years && !doc.years.includes(Number(d.date.slice(0, 4)))) {
          report({ code: 'holidays-date-outside-years', params: { date: d.date, years: doc.years.join(', ') }, path: [kind, i, 'date'] });
        }
      });
    }
  },
];

/** Checks the text of a YAML holidays file. `file` is the name used in diagnostics. */
export function parseHolidaysYaml(text: string, file: string): HolidaysResult {
  const loaded = loadDocumentText<HolidaysFile>(text, file, { schema: 'holidays', validate: validateHolidays, rules: yamlRules });
  if (!loaded.ok) return loaded;
  const doc = loaded.value;
  const entries = (['off', 'work'] as const).flatMap((kind) => doc[kind].map((d) => ({ day: d.date, kind, name: d.name ?? '' })));
  return { ok: true, value: listOf(file, entries, doc.years), diagnostics: loaded.diagnostics };
}

/** How a CSV row may say which kind of day it is (English, and 休/班 as Chinese calendars print them). */
const CSV_KINDS: Readonly<Record<string, 'off' | 'work'>> = {
  off: 'off',
  holiday: 'off',
  休: 'off',
  放假: 'off',
  work: 'work',
  workday: 'work',
  班: 'work',
  补班: 'work',
};

const CSV_HEADERS: Readonly<Record<string, 'date' | 'kind' | 'name'>> = { date: 'date', 日期: 'date', kind: 'kind', 类型: 'kind', name: 'name', 名称: 'name' };

/** One CSV line split into fields with their 1-based columns; `"…"` quotes, `""` inside them. */
function csvFields(line: string): { text: string; col: number }[] | undefined {
  const fields: { text: string; col: number }[] = [];
  let i = 0;
  for (;;) {
    const col = i + 1;
    let text = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return undefined; // an unclosed quote
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += line[i++];
      }
      if (i < line.length && line[i] !== ',') return undefined;
    } else {
      const end = line.indexOf(',', i);
      text = line.slice(i, end === -1 ? line.length : end);
      i = end === -1 ? line.length : end;
    }
    fields.push({ text: text.trim(), col });
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

/** Checks the text of a CSV holidays file: a header `date,kind,name` (name optional), a row a day. */
export function parseHolidaysCsv(text: string, file: string): HolidaysResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const diagnostics: Diagnostic[] = [];
  const at = (line: number, col: number) => ({ file, line, col });
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  const header = headerIndex === -1 ? undefined : csvFields(lines[headerIndex]!);
  const columns = new Map<'date' | 'kind' | 'name', number>();
  header?.forEach((f, i) => {
    const known = CSV_HEADERS[f.text.toLowerCase()];
    if (known && !columns.has(known)) columns.set(known, i);
  });
  if (headerIndex === -1 || !columns.has('date') || !columns.has('kind')) {
    return { ok: false, diagnostics: [error('holidays-csv-header', {}, at(headerIndex === -1 ? 1 : headerIndex + 1, 1))] };
  }
  const dateAt = columns.get('date')!;
  const kindAt = columns.get('kind')!;
  const nameAt = columns.get('name');
  const entries: Entry[] = [];
  const seen = new Map<string, { kind: 'off' | 'work'; line: number }>();
  for (let n = headerIndex + 1; n < lines.length; n++) {
    const raw = lines[n]!;
    if (raw.trim() === '') continue;
    const line = n + 1;
    const fields = csvFields(raw);
    if (!fields) {
      diagnostics.push(error('holidays-csv-quote', {}, at(line, 1)));
      continue;
    }
    const date = fields[dateAt];
    const kindField = fields[kindAt];
    if (!date || !isCalendarDay(date.text)) {
      diagnostics.push(error('holidays-date-invalid', { value: date?.text ?? '' }, at(line, date?.col ?? raw.length + 1)));
      continue;
    }
    const kind = kindField ? CSV_KINDS[kindField.text.toLowerCase()] : undefined;
    if (!kind) {
      diagnostics.push(error('holidays-kind-invalid', { value: kindField?.text ?? '' }, at(line, kindField?.col ?? raw.length + 1)));
      continue;
    }
    const first = seen.get(date.text);
    if (first) {
      diagnostics.push(error(first.kind === kind ? 'holidays-date-duplicate' : 'holidays-date-off-and-work', { date: date.text, first: first.line }, at(line, date.col)));
      continue;
    }
    seen.set(date.text, { kind, line });
    entries.push({ day: date.text, kind, name: nameAt === undefined ? '' : (fields[nameAt]?.text ?? '') });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, value: listOf(file, entries, undefined), diagnostics: [] };
}

/** The path of the holidays file a policy names: relative to the policy file's folder. */
export function holidaysPath(policyPath: string, named: string): string {
  return isAbsolute(named) ? named : join(dirname(policyPath), named);
}

/**
 * Reads and checks the holidays file the policy names, if any (undefined when it names
 * none). `source` is the policy's YAML, to point a file that cannot be read at the line
 * that names it.
 */
export async function readHolidaysFile(policy: Policy, policyPath: string, source: YamlSource | undefined): Promise<HolidaysResult | undefined> {
  const named = policy.evaluation.holidays_file;
  if (named === undefined) return undefined;
  const path = holidaysPath(policyPath, named);
  const read = await readSmallFile(path, MAX_HOLIDAYS_BYTES);
  if (!read.ok) {
    const location = source ? locate(source, ['evaluation', 'holidays_file']) : { file: policyPath };
    return { ok: false, diagnostics: [error('holidays-file-unreadable', { file: named, problem: { $t: read.diagnostic.code, params: read.diagnostic.params } }, location)] };
  }
  const decoded = decodeUtf8Text(read.bytes, path);
  if (!decoded.ok) return { ok: false, diagnostics: [decoded.diagnostic] };
  const format = /\.csv$/i.test(named) ? 'csv' : 'yaml';
  const parsed = format === 'csv' ? parseHolidaysCsv(decoded.text, path) : parseHolidaysYaml(decoded.text, path);
  if (!parsed.ok) return parsed;
  // node:crypto only here: loading it costs every policy read (aspm validate) 6 ms.
  const { createHash } = await import('node:crypto');
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  return { ...parsed, value: { ...parsed.value, file: named, read: { path, sha256, format } } };
}
