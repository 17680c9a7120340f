// Writes generated sample data the way real systems export it: CSV in UTF-8 (English or
// Chinese headers), CSV in GBK with Chinese headers as Excel on Chinese Windows saves it,
// and XLSX with date cells. Used by the benchmark, the tests and the demo.
import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';
import { writeStreamed } from '../io/write-output.js';
import type { SampleStaff, SampleTicket } from './generate-sample-data.js';
import type { SampleMetrics, SampleRating } from './generate-staff-inputs.js';
import { XlsxStreamWriter, type XlsxCell } from './xlsx-writer.js';

export type HeaderLanguage = 'zh-CN' | 'en';

const FIELDS = [
  'ticket_id',
  'staff_id',
  'staff_name',
  'team',
  'created_at',
  'first_response_at',
  'resolved_at',
  'reopened',
  'revisit',
  'satisfaction',
  'complaint',
  'cost',
  'promised_at',
  'arrived_at',
  'priority',
  'type',
] as const satisfies readonly (keyof SampleTicket)[];

export const TICKET_HEADERS: Readonly<Record<HeaderLanguage, readonly string[]>> = {
  en: FIELDS,
  'zh-CN': ['工单号', '处理人工号', '处理人', '班组', '创建时间', '首次响应时间', '解决时间', '是否重开', '是否二次上门', '满意度', '是否投诉', '维修费用', '预约时间', '到达时间', '优先级', '工单类型'],
};

const TIME_FIELDS = new Set(['created_at', 'first_response_at', 'resolved_at', 'promised_at', 'arrived_at']);

const ROLE_NAMES: Readonly<Record<SampleStaff['role'], string>> = { agent: '客服专员', technician: '维修技术员', supervisor: '服务主管' };

/** `2026-10-03 09:05:00` for a wall time written as if UTC. */
export function formatWallTime(wall: number): string {
  return new Date(wall).toISOString().slice(0, 19).replace('T', ' ');
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A ticket's cells as export text (times as `YYYY-MM-DD HH:MM:SS`, flags as 是/否 or Y/N). */
export function ticketTexts(ticket: SampleTicket, language: HeaderLanguage): string[] {
  return FIELDS.map((field) => {
    const value = ticket[field];
    if (value === undefined) return '';
    if (typeof value === 'boolean') return language === 'zh-CN' ? (value ? '是' : '否') : value ? 'Y' : 'N';
    if (TIME_FIELDS.has(field)) return formatWallTime(value as number);
    return String(value);
  });
}

/** Lines into `path`, whole or not at all (through a temporary file). */
function writeLines(path: string, lines: Iterable<string>, encoding: 'utf-8' | 'gb18030', bom: boolean): Promise<void> {
  return writeStreamed(path, (temporary) => streamLines(temporary, lines, encoding, bom));
}

async function streamLines(path: string, lines: Iterable<string>, encoding: 'utf-8' | 'gb18030', bom: boolean): Promise<void> {
  // A temporary (writeStreamed), created exclusively as every temporary is (write-output.ts).
  const out = createWriteStream(path, { flags: 'wx' });
  // The stream's first error (the create refused, a full disk), listened to from the start: an
  // error with no listener would end the process, and one met while waiting must end the wait.
  let failure: Error | undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    out.once('error', (error) => {
      failure = error;
      reject(error);
    });
  });
  failed.catch(() => undefined);
  const settle = (wait: Promise<void>) => Promise.race([wait, failed]);
  const encode = (text: string) => (encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030'));
  if (bom && encoding === 'utf-8') out.write(Buffer.from([0xef, 0xbb, 0xbf]));
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const data = encode(batch.join(''));
    batch = [];
    if (failure) throw failure;
    if (!out.write(data)) await settle(new Promise<void>((resolve) => out.once('drain', resolve)));
  };
  for (const line of lines) {
    batch.push(line);
    if (batch.length >= 2000) await flush();
  }
  await flush();
  await settle(new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve()))));
  if (failure) throw failure;
}

export interface CsvStyle {
  readonly language: HeaderLanguage;
  readonly encoding?: 'utf-8' | 'gb18030';
  readonly bom?: boolean;
  /** Line end: Excel on Windows writes CRLF. */
  readonly crlf?: boolean;
}

export async function writeTicketsCsv(path: string, tickets: Iterable<SampleTicket>, style: CsvStyle): Promise<void> {
  const eol = style.crlf ? '\r\n' : '\n';
  function* lines() {
    yield TICKET_HEADERS[style.language].join(',') + eol;
    for (const t of tickets) yield ticketTexts(t, style.language).map(csvField).join(',') + eol;
  }
  await writeLines(path, lines(), style.encoding ?? 'utf-8', style.bom ?? false);
}

export async function writeRosterCsv(path: string, staff: readonly SampleStaff[], style: CsvStyle): Promise<void> {
  const eol = style.crlf ? '\r\n' : '\n';
  const header = style.language === 'zh-CN' ? '工号,姓名,岗位,班组' : 'staff_id,name,role,team';
  function* lines() {
    yield header + eol;
    for (const s of staff) yield [s.id, s.name, style.language === 'zh-CN' ? ROLE_NAMES[s.role] : s.role, s.team].map(csvField).join(',') + eol;
  }
  await writeLines(path, lines(), style.encoding ?? 'utf-8', style.bom ?? false);
}

/** Tickets as an Excel workbook: times as date cells, numbers as numbers. */
export function writeTicketsXlsx(path: string, tickets: Iterable<SampleTicket>, language: HeaderLanguage): Promise<void> {
  return writeStreamed(path, (temporary) => streamTicketsXlsx(temporary, tickets, language));
}

async function streamTicketsXlsx(path: string, tickets: Iterable<SampleTicket>, language: HeaderLanguage): Promise<void> {
  const writer = new XlsxStreamWriter(path, language === 'zh-CN' ? '工单' : 'Tickets');
  await writer.addRow(TICKET_HEADERS[language]);
  for (const t of tickets) {
    const cells: XlsxCell[] = FIELDS.map((field) => {
      const value = t[field];
      if (value === undefined) return null;
      if (typeof value === 'boolean') return language === 'zh-CN' ? (value ? '是' : '否') : value ? 'Y' : 'N';
      if (TIME_FIELDS.has(field)) return { date: value as number };
      return value;
    });
    await writer.addRow(cells);
  }
  await writer.close();
}

const RATER_WORDS_ZH: Readonly<Record<SampleRating['rater_type'], string>> = { supervisor: '上级', peer: '同事', subordinate: '下属', customer: '客户', self: '自评' };

/** Ratings as HR exports them: one row per rater, person and item. */
export async function writeRatingsCsv(path: string, ratings: readonly SampleRating[], style: CsvStyle): Promise<void> {
  const eol = style.crlf ? '\r\n' : '\n';
  const zh = style.language === 'zh-CN';
  const header = zh ? '被评价人工号,被评价人,评价人类型,评价人工号,评价项目,评分' : 'staff_id,staff_name,rater_type,rater_id,item,score';
  function* lines() {
    yield header + eol;
    for (const r of ratings) yield [r.staff_id, r.staff_name, zh ? RATER_WORDS_ZH[r.rater_type] : r.rater_type, r.rater_id, r.item, String(r.score)].map(csvField).join(',') + eol;
  }
  await writeLines(path, lines(), style.encoding ?? 'utf-8', style.bom ?? false);
}

/** Per-person metrics: id, name and one column per count. */
export async function writeMetricsCsv(path: string, rows: readonly SampleMetrics[], columns: readonly string[], style: CsvStyle): Promise<void> {
  const eol = style.crlf ? '\r\n' : '\n';
  const header = [style.language === 'zh-CN' ? '工号' : 'staff_id', style.language === 'zh-CN' ? '姓名' : 'name', ...columns];
  function* lines() {
    yield header.map(csvField).join(',') + eol;
    for (const r of rows) yield [r.staff_id, r.name, ...columns.map((c) => String(r.values[c] ?? 0))].map(csvField).join(',') + eol;
  }
  await writeLines(path, lines(), style.encoding ?? 'utf-8', style.bom ?? false);
}
