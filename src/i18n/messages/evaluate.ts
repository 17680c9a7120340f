// Messages of `aspm evaluate` part 1: reading exports, matching columns, values that cannot
// be used, and the command's own output. Each says what happened, where, and what to do.
import { defineMessages, formatValue, yearRanges, type MessageParams, type Params } from '../translate.js';

function list(value: unknown, separator: string): string {
  return Array.isArray(value) ? value.map(formatValue).join(separator) : formatValue(value);
}

/** What a field's values should be, by how the evaluator reads it. */
const KIND_ZH: Readonly<Record<string, string>> = { time: '时间', boolean: '是/否', number: '数字', satisfaction: '满意度评分', text: '文字', duration: '按所声明写法的时长' };
const KIND_EN: Readonly<Record<string, string>> = { time: 'dates and times', boolean: 'yes or no', number: 'numbers', satisfaction: 'satisfaction scores', text: 'text', duration: 'durations written as declared' };
const DURATION_ZH: Readonly<Record<string, string>> = { seconds: '秒数', minutes: '分钟数', hours: '小时数', clock: 'h:mm:ss 或 mm:ss 时长（或 Excel 时间）' };
const DURATION_EN: Readonly<Record<string, string>> = { seconds: 'a number of seconds', minutes: 'a number of minutes', hours: 'a number of hours', clock: 'an h:mm:ss or mm:ss duration (or an Excel time)' };

/** A field's headers as report.json lists them: a date and a time column `A + B`; `| B` (first_of) and `+ B` (a duration added) as they are. */
function joinHeaders(headers: readonly string[]): string {
  return headers.map((h, i) => (i === 0 ? h : /^[|+] /.test(h) ? ` ${h}` : ` + ${h}`)).join('');
}

/** The rows and values shown as examples in a message about a whole column. */
function examplesOf(p: MessageParams): { row: number; value: string }[] {
  return Array.isArray(p.examples) ? (p.examples as { row: number; value: string }[]) : [];
}

/** "…; the ticket is left out of A、B" — only when some KPI needs the value. */
function leftOutZh(p: MessageParams): string {
  const kpis = list(p.kpis, '、');
  return kpis ? `该工单不计入：${kpis}。` : '该行不予采用。';
}

function leftOutEn(p: MessageParams): string {
  const kpis = list(p.kpis, ', ');
  return kpis ? ` The ticket is left out of: ${kpis}.` : ' The row is not used.';
}

/**
 * What to do about times in a number field: declare a field of one's own a duration (the
 * object form of its column mapping, quoted as YAML reads it); a built-in number field
 * (cost) was matched to the wrong column.
 */
function timesFixZh(p: MessageParams): string {
  const field = String(p.field);
  return p.declare
    ? `如果这一列记录的是时长，请在制度的 data_sources.tickets 中声明：columns: { ${field}: { column: ${JSON.stringify(String(p.column))}, duration: clock } }。`
    : `这一列多半不是 ${field}：请在制度 data_sources.tickets.columns 中把 ${field} 映射到正确的列。`;
}

function timesFixEn(p: MessageParams): string {
  const field = String(p.field);
  return p.declare
    ? `If the column holds durations, declare it under data_sources.tickets in the policy: columns: { ${field}: { column: ${JSON.stringify(String(p.column))}, duration: clock } }.`
    : `The column most likely is not ${field}: map ${field} to the right column under data_sources.tickets.columns in the policy.`;
}

/** A field and a few of the headers it is known by (evaluate/columns.ts knownHeaders gives them). */
export interface KnownHeaders {
  readonly field: string;
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

/** Why a field the file seems to have is missing (evaluate/columns.ts missingFieldCause gives it). */
type MissingFieldCause =
  | { readonly kind: 'taken'; readonly field: string; readonly header: string; readonly by: string; readonly as: 'column' | 'base' | 'plus'; readonly plus?: string }
  | { readonly kind: 'derived'; readonly field: string; readonly headers: readonly string[]; readonly by: string; readonly plus: string };

function causesOf(p: MessageParams): readonly MissingFieldCause[] {
  return Array.isArray(p.causes) ? (p.causes as MissingFieldCause[]) : [];
}

/** A mapping as the policy would write it: `Created`, or `[Date, Time]`. */
function yamlHeaders(headers: readonly string[]): string {
  return headers.length === 1 ? headers[0]! : `[${headers.join(', ')}]`;
}

function causeZh(c: MissingFieldCause): string {
  if (c.kind === 'derived') return `制度未映射 ${c.field}，文件中也没有以其命名的列；制度把 ${c.by} 读作“${c.headers.join(' ')}”加上“${c.plus}”列的时长`;
  const how = c.as === 'plus' ? `作为加到 ${c.by} 上的时长` : c.as === 'base' ? `作为 ${c.by} 的基准时间（再加上“${c.plus}”列的时长）` : `作为 ${c.by}`;
  return `文件中的“${c.header}”列本会读作 ${c.field}，但制度把它映射${how}；制度映射的列只用于所映射的字段`;
}

function causeEn(c: MissingFieldCause): string {
  if (c.kind === 'derived') return `not mapped, and no column of the file is named for it; the policy reads ${c.by} as ${c.headers.join(' + ')} plus the duration in ${c.plus}`;
  const how = c.as === 'plus' ? `as the duration added to ${c.by}` : c.as === 'base' ? `as the time of ${c.by}, to which it adds ${c.plus}` : `to ${c.by}`;
  return `the file's column ${c.header} would be read as ${c.field}, but the policy maps it ${how}, and a column the policy maps is read only for the fields mapped to it`;
}

function causeFixes(p: MessageParams, language: 'zh' | 'en'): string {
  return causesOf(p)
    .map((c) => {
      const mapping = `${c.field}: ${yamlHeaders(c.kind === 'taken' ? [c.header] : c.headers)}`;
      const what = c.kind === 'taken' ? c.header : c.headers.join(language === 'zh' ? ' ' : ' + ');
      return language === 'zh'
        ? `如“${what}”也是 ${c.field}，请在制度 data_sources.tickets.columns 中同时映射 ${mapping}。`
        : ` If ${what} is also the ${c.field}, map it as well under data_sources.tickets.columns in the policy: ${mapping}.`;
    })
    .join('');
}

/**
 * Missing fields, each with the headers it is known by in the message's language:
 * `satisfaction（满意度、评分）`. `p.headers` holds { field, zh, en } (columns.ts knownHeaders).
 */
function fieldsWithHeaders(p: MessageParams, language: 'zh' | 'en'): string {
  const known = Array.isArray(p.headers) ? (p.headers as KnownHeaders[]) : [];
  const fields = Array.isArray(p.fields) ? p.fields.map(formatValue) : [formatValue(p.fields)];
  return fields
    .map((field) => {
      const cause = causesOf(p).find((c) => c.field === field);
      if (cause) return language === 'zh' ? `${field}（${causeZh(cause)}）` : `${field} (${causeEn(cause)})`;
      const names = known.find((k) => k.field === field)?.[language] ?? [];
      if (names.length === 0) return field;
      return language === 'zh' ? `${field}（${names.join('、')}）` : `${field} (${names.join(', ')})`;
    })
    .join(language === 'zh' ? '、' : '; ');
}

/** The first missing field that can be mapped on its own (for the example of a mapping). */
function firstField(p: MessageParams): string {
  const fields = Array.isArray(p.fields) ? p.fields.map(formatValue) : [];
  return (fields.find((f) => !f.includes(' ')) ?? 'created_at').split(' ')[0]!;
}

/**
 * What is wrong with a JSON export. Declared here, beside its wording, so that the reader
 * (tables/json-scanner.ts) can only raise a problem the catalogue can word.
 */
export type JsonProblem = 'not-object' | 'expected-array' | 'text-after-end' | 'unexpected-brace' | 'not-closed' | 'syntax';

/** Each JsonProblem, worded. */
const JSON_PROBLEM_ZH: Readonly<Record<JsonProblem, string>> = {
  'not-object': '每条记录应是一个对象 {…}',
  'expected-array': 'JSON 数组应以 [ 开始',
  'text-after-end': '数组结尾的 ] 之后还有内容',
  'unexpected-brace': '多余的 }',
  'not-closed': '数组没有以 ] 结束',
  syntax: '语法错误',
};
const JSON_PROBLEM_EN: Readonly<Record<JsonProblem, string>> = {
  'not-object': 'each record should be an object {…}',
  'expected-array': 'a JSON array should start with [',
  'text-after-end': 'there is text after the closing ]',
  'unexpected-brace': 'an unexpected }',
  'not-closed': 'the array is not closed with ]',
  syntax: 'a syntax error',
};

export const evaluateMessages = defineMessages({
  // ── command line ─────────────────────────────────────────────────────────
  'evaluate-written': {
    'zh-CN': '已写入 {path}：{staff} 人，{kpis} 项指标结果，{warnings} 条警告。',
    en: 'Wrote {path}: {staff} people, {kpis} KPI results, {warnings} warning(s).',
  },
  'evaluate-input-summary': {
    'zh-CN': '{path}：读取 {rows} 行，采用 {used} 行{more}',
    en: '{path}: {rows} rows read, {used} used{more}',
  },
  'evaluate-nobody-assessed': {
    'zh-CN': '没有任何人能被考核：{staff} 人中没有一人有可计分的指标数据（工单文件 {rows} 行，采用 {used} 行），未写入任何文件。请先处理上面的警告（常见原因：某列匹配错误、--period 不对、导出的月份不对）后重新运行。',
    en: 'Nobody could be assessed: none of the {staff} people has data for any KPI that could be scored ({used} of the {rows} ticket rows used), so nothing was written. Deal with the warnings above (usually a column matched wrongly, the wrong --period, or the wrong month exported) and run again.',
  },
  'evaluate-input-holidays': {
    'zh-CN': '{path}：节假日文件，列出 {days} 个日期（放假日和补班日）',
    en: '{path}: holidays file, {days} day(s) listed (days off and make-up working days)',
  },
  'evaluate-input-columns': {
    'zh-CN': (p: Params<'columns'>) => `  读取的列：${Object.entries(p.columns as Record<string, string[]>).map(([field, headers]) => `${field} ← ${joinHeaders(headers)}`).join('，')}`,
    en: (p: Params<'columns'>) => `  columns read: ${Object.entries(p.columns as Record<string, string[]>).map(([field, headers]) => `${field} ← ${joinHeaders(headers)}`).join(', ')}`,
  },
  'evaluate-skipped': { 'zh-CN': '，因数据问题未采用 {count} 行（见警告）', en: ', {count} left out for data problems (see the warnings)' },
  'evaluate-outside-period': { 'zh-CN': '，不在考核期 {count} 行', en: ', {count} outside the period' },
  'evaluate-superseded': { 'zh-CN': '，同一工单的较早记录 {count} 行（按最后一行计）', en: ', {count} earlier row(s) of tickets whose last row counts' },
  'evaluate-not-counted': { 'zh-CN': '，在考核期内但没有任何指标可用的数据 {count} 行', en: ', {count} in the period with nothing any KPI could use' },
  'evaluate-strict-failed': {
    'zh-CN': '严格模式（--strict）下有 {count} 条数据警告，未写入报告。请修正数据，或去掉 --strict 后按警告核对。',
    en: '{count} data warning(s) under --strict; no report was written. Fix the data, or run without --strict and review the warnings.',
  },
  'evaluate-more-warnings': {
    'zh-CN': '……另有 {count} 条“{code}”警告，完整列表见报告文件。',
    en: '… and {count} more "{code}" warning(s); the report file lists them all.',
  },
  'policy-invalid': {
    'zh-CN': '制度文件 {file} 有错误，无法考核。请先运行 aspm validate {file} 并按提示修改。',
    en: 'The policy {file} has errors, so nothing can be evaluated. Run `aspm validate {file}` and fix what it reports.',
  },
  'progress-reading': { 'zh-CN': '读取', en: 'Reading' },

  // ── periods ──────────────────────────────────────────────────────────────
  'period-invalid': {
    'zh-CN': '无法识别考核期“{value}”。可写为 2026-10（月）、2026-Q4（季度）、2026（年）或 2026-10-01..2026-10-15（起止日期，均含）。',
    en: 'Cannot read the period "{value}". Write 2026-10 (a month), 2026-Q4 (a quarter), 2026 (a year) or 2026-10-01..2026-10-15 (first and last day, both included).',
  },
  'period-reversed': {
    'zh-CN': '考核期“{value}”的结束日期早于开始日期。',
    en: 'The period "{value}" ends before it starts.',
  },

  // ── files ────────────────────────────────────────────────────────────────
  'table-empty': {
    'zh-CN': '{path} 是空的（没有表头，也没有数据）。请检查是否导出了正确的文件。',
    en: '{path} is empty (no header, no data). Check that the right file was exported.',
  },
  'table-header-only': {
    'zh-CN': '{path} 只有表头，没有数据行。请检查导出时的筛选条件和日期范围。',
    en: '{path} has a header but no data rows. Check the filters and date range used for the export.',
  },
  'table-binary': {
    'zh-CN': '{path} 不是表格文件（含有二进制数据）。支持 CSV、XLSX、JSON 和 JSON Lines。',
    en: '{path} is not a table (it holds binary data). Supported: CSV, XLSX, JSON and JSON Lines.',
  },
  'table-xls-legacy': {
    'zh-CN': '{path} 是旧版 Excel 97–2003（.xls）格式，无法读取。请在 Excel 中“另存为” .xlsx 或 CSV。',
    en: '{path} is an old Excel 97–2003 (.xls) workbook, which cannot be read. Save it as .xlsx or CSV in Excel.',
  },
  'xlsx-unreadable': {
    'zh-CN': '{path} 不是可读取的 Excel 工作簿（{detail}）。请用 Excel 打开后重新另存为 .xlsx。',
    en: '{path} is not a readable Excel workbook ({detail}). Open it in Excel and save it again as .xlsx.',
  },
  // A crafted or damaged .xlsx (a ZIP archive): nothing is read from it, so no row goes missing without a word.
  'xlsx-corrupt': {
    'zh-CN': (p: Params<'path' | 'problem', 'part' | 'index' | 'row'>) =>
      `${String(p.path)} 已损坏：${
        ({
          'not-zip': '它不是完整的 ZIP 压缩包（末尾的目录缺失，文件可能不完整）',
          directory: '其 ZIP 目录中的大小、位置或条目数与文件不符',
          entry: `其中的部件 ${String(p.part)} 的大小或位置与文件不符`,
          method: `其中的部件 ${String(p.part)} 使用了 Excel 不用的压缩方式`,
          inflate: `其中的部件 ${String(p.part)} 的压缩数据已损坏`,
          length: `其中的部件 ${String(p.part)} 解压后的长度与压缩包所记的不符`,
          checksum: `其中的部件 ${String(p.part)} 未通过 CRC-32 校验（写出后内容被改动过）`,
          xml: `其中的部件 ${String(p.part)} 不是完整的 XML（提前结束或已损坏）`,
          'shared-string': `其中的部件 ${String(p.part)} 第 ${String(p.row)} 行引用了共享字符串 ${String(p.index)}，而工作簿中没有该字符串`,
        } as Record<string, string>)[String(p.problem)] ?? String(p.problem)
      }。为免数据行被悄悄漏掉，未读取其中任何一行。请用 Excel 打开（Excel 可能提示修复）后重新另存为 .xlsx，或重新导出。`,
    en: (p: Params<'path' | 'problem', 'part' | 'index' | 'row'>) =>
      `${String(p.path)} is damaged: ${
        ({
          'not-zip': 'it is not a whole ZIP archive (the directory at its end is missing; the file may be cut short)',
          directory: 'its ZIP directory gives sizes, offsets or counts that do not fit the file',
          entry: `its part ${String(p.part)} is described with a size or offset that does not fit the file`,
          method: `its part ${String(p.part)} is compressed in a way Excel does not use`,
          inflate: `the compressed data of its part ${String(p.part)} are broken`,
          length: `its part ${String(p.part)} does not inflate to the length the archive declares`,
          checksum: `its part ${String(p.part)} fails its CRC-32 check (its bytes changed after it was written)`,
          xml: `its part ${String(p.part)} is not whole XML (it ends early or is damaged)`,
          'shared-string': `its part ${String(p.part)}, row ${String(p.row)}, refers to shared string ${String(p.index)}, which the workbook does not have`,
        } as Record<string, string>)[String(p.problem)] ?? String(p.problem)
      }. No row of it was read, so that none is lost without a word. Open it in Excel (which may offer to repair it) and save it again as .xlsx, or export it again.`,
  },
  'xlsx-too-large': {
    'zh-CN': (p: Params<'limit' | 'part' | 'path' | 'what'>) =>
      `${String(p.path)} 超出 aspm 读取 Excel 文件的上限：${
        ({
          part: `其中的部件 ${String(p.part)} 解压后超过 ${String(p.limit)}`,
          ratio: `其中的部件 ${String(p.part)} 的压缩比超过 ${String(p.limit)} : 1，真实的表格不会压缩到这个程度（这是“压缩炸弹”的特征）`,
          workbook: `读取到部件 ${String(p.part)} 时，所读部件解压后合计超过 ${String(p.limit)}`,
          'row-size': `其中的部件 ${String(p.part)} 有一行的 XML 超过 ${String(p.limit)} 个字符（或该行没有结束）`,
          'string-size': `其中的部件 ${String(p.part)} 有一个字符串的 XML 超过 ${String(p.limit)} 个字符（Excel 单元格最多 32,767 个字符）`,
          cells: `其中的部件 ${String(p.part)} 连同中间的空单元格共超过 ${String(p.limit)} 个单元格`,
          styles: `其中的部件 ${String(p.part)} 声明了超过 ${String(p.limit)} 个单元格样式或数字格式（Excel 最多允许 64,000 个单元格样式）`,
        } as Record<string, string>)[String(p.what)] ?? String(p.what)
      }。未读取其中的数据。如文件确实来自贵司系统，请改为导出 CSV。`,
    en: (p: Params<'limit' | 'part' | 'path' | 'what'>) =>
      `${String(p.path)} is beyond what aspm reads from an Excel file: ${
        ({
          part: `its part ${String(p.part)} inflates to more than ${String(p.limit)}`,
          ratio: `its part ${String(p.part)} is compressed more than ${String(p.limit)} : 1, which real spreadsheets never are (a "zip bomb" is)`,
          workbook: `by its part ${String(p.part)}, the parts read inflate to more than ${String(p.limit)} together`,
          'row-size': `its part ${String(p.part)} has a row whose XML is longer than ${String(p.limit)} characters (or that never ends)`,
          'string-size': `its part ${String(p.part)} has a string whose XML is longer than ${String(p.limit)} characters (an Excel cell holds at most 32,767)`,
          cells: `its part ${String(p.part)} holds more than ${String(p.limit)} cells, counting the empty ones in between`,
          styles: `its part ${String(p.part)} declares more than ${String(p.limit)} cell styles or number formats (Excel allows at most 64,000 cell styles)`,
        } as Record<string, string>)[String(p.what)] ?? String(p.what)
      }. Nothing of it was used. If the file really comes from your system, export the data as CSV instead.`,
  },
  'xlsx-beyond-limits': {
    'zh-CN': (p: Params<'part' | 'path' | 'row', 'ref'>) =>
      `${String(p.path)} 的部件 ${String(p.part)} 中有${p.ref === undefined ? `第 ${String(p.row)} 行` : `第 ${String(p.row)} 行的单元格 ${String(p.ref)}`}，超出了 Excel 的范围（最多 1,048,576 行、16,384 列，即到 XFD 列）。Excel 写不出这样的文件，它是伪造或损坏的；未读取其中的数据。请重新导出。`,
    en: (p: Params<'part' | 'path' | 'row', 'ref'>) =>
      `${String(p.path)} has, in its part ${String(p.part)}, ${p.ref === undefined ? `a row ${String(p.row)}` : `a cell ${String(p.ref)} in row ${String(p.row)}`}, beyond Excel's limits (1,048,576 rows, 16,384 columns: up to column XFD). Excel cannot write such a file, so it is forged or damaged; nothing of it was used. Export the data again.`,
  },
  'sheet-not-found': {
    'zh-CN': '{path} 中没有名为“{sheet}”的工作表。现有工作表：{sheets}。',
    en: '{path} has no sheet named "{sheet}". Its sheets: {sheets}.',
  },
  'encoding-unknown': {
    'zh-CN': '不认识的编码 {value}。可用：utf-8、gbk（即 gb18030）、utf-16le、utf-16be 等。',
    en: 'Unknown encoding {value}. Use utf-8, gbk (read as gb18030), utf-16le, utf-16be or similar.',
  },
  'encoding-mismatch': {
    'zh-CN': '{path} 在第 {offset} 字节附近出现不符合 {encoding} 编码的内容（文件可能混用了编码）。请用 --encoding 指定编码（如 --encoding gbk），或在 Excel 中另存为“CSV UTF-8”。',
    en: '{path} has bytes near offset {offset} that are not valid {encoding} (the file may mix encodings). Name the encoding with --encoding (e.g. --encoding gbk), or save it from Excel as "CSV UTF-8".',
  },
  'csv-unclosed-quote': {
    'zh-CN': '第 {row} 行的双引号没有闭合，其后的内容无法分行。请在 Excel 中打开并另存为 CSV，或修正该行的引号。',
    en: 'The double quote in row {row} is never closed, so the rest of the file cannot be split into rows. Save the file again from Excel, or fix the quotes in that row.',
  },
  'json-invalid': {
    'zh-CN': (p: Params<'problem' | 'row', 'detail'>) => `第 ${String(p.row)} 行（第 ${String(p.row)} 个记录附近）不是有效的 JSON：${JSON_PROBLEM_ZH[p.problem as JsonProblem]}${p.detail ? `（${String(p.detail)}）` : ''}。请检查导出的文件是否完整。`,
    en: (p: Params<'problem' | 'row', 'detail'>) => `Row ${String(p.row)} (the record there) is not valid JSON: ${JSON_PROBLEM_EN[p.problem as JsonProblem]}${p.detail ? ` (${String(p.detail)})` : ''}. Check that the export is complete.`,
  },

  // ── columns ──────────────────────────────────────────────────────────────
  'columns-missing': {
    'zh-CN': (p: Params<'file' | 'found' | 'kpis', 'fields' | 'headers' | 'causes' | 'sheet' | 'sheets'>) =>
      `${String(p.file)} 缺少必需的列：${fieldsWithHeaders(p, 'zh')}。${causeFixes(p, 'zh')}需要这些列的指标：${list(p.kpis, '、')}。` +
      `文件中的列：${list(p.found, '、')}。如文件中有这些数据但列名不同，请在制度文件 data_sources.tickets.columns 中映射（如 ${firstField(p)}: 导出文件中的列名）；` +
      `如贵司不统计这些数据，请把这些指标从制度的岗位指标（roles[].kpis）中删除。` +
      (p.sheets ? `以上读的是工作表“${String(p.sheet)}”；工作簿中还有：${list(p.sheets, '、')}，如数据在其中，请用 --sheet 指定。` : ''),
    en: (p: Params<'file' | 'found' | 'kpis', 'fields' | 'headers' | 'causes' | 'sheet' | 'sheets'>) =>
      `${String(p.file)} lacks required columns: ${fieldsWithHeaders(p, 'en')}.${causeFixes(p, 'en')} KPIs that need them: ${list(p.kpis, ', ')}. ` +
      `Columns in the file: ${list(p.found, ', ')}. If the file has this data under other names, map them in the policy under data_sources.tickets.columns (e.g. ${firstField(p)}: the header in your export); ` +
      `if you do not record it, remove these KPIs from the roles' KPIs (roles[].kpis) in the policy.` +
      (p.sheets ? ` This was the sheet "${String(p.sheet)}"; the workbook also has: ${list(p.sheets, ', ')} — if the data is there, name it with --sheet.` : ''),
  },
  'roster-columns-missing': {
    'zh-CN': (p: Params<'fields' | 'file' | 'found'>) => `人员名单 ${String(p.file)} 缺少必需的列：${list(p.fields, '、')}。文件中的列：${list(p.found, '、')}。可在 data_sources.roster.columns 中映射列名。`,
    en: (p: Params<'fields' | 'file' | 'found'>) => `The roster ${String(p.file)} lacks required columns: ${list(p.fields, ', ')}. Columns in the file: ${list(p.found, ', ')}. Map other names under data_sources.roster.columns.`,
  },
  'metrics-columns-missing': {
    'zh-CN': (p: Params<'fields' | 'file' | 'found'>) => `人员指标表 ${String(p.file)} 缺少制度引用的列：${list(p.fields, '、')}。文件中的列：${list(p.found, '、')}。`,
    en: (p: Params<'fields' | 'file' | 'found'>) => `The metrics file ${String(p.file)} lacks columns the policy reads: ${list(p.fields, ', ')}. Columns in the file: ${list(p.found, ', ')}.`,
  },
  'ratings-columns-missing': {
    'zh-CN': (p: Params<'fields' | 'file' | 'found'>) => `评价表 ${String(p.file)} 缺少必需的列：${list(p.fields, '、')}。文件中的列：${list(p.found, '、')}。`,
    en: (p: Params<'fields' | 'file' | 'found'>) => `The ratings file ${String(p.file)} lacks required columns: ${list(p.fields, ', ')}. Columns in the file: ${list(p.found, ', ')}.`,
  },
  'roster-required': {
    'zh-CN': (p: Params<'roles'>) => `制度有多个岗位（${list(p.roles, '、')}），需要用 --roster 提供人员名单，才能知道每人的岗位。`,
    en: (p: Params<'roles'>) => `The policy has several roles (${list(p.roles, ', ')}); give the staff roster with --roster so that each person's role is known.`,
  },
  'roster-cannot-attribute': {
    'zh-CN': '{file} 只有处理人工号，而人员名单没有工号列，无法把工单对应到人。请在名单中加入工号列，或在工单中提供处理人姓名。',
    en: '{file} names staff only by id, but the roster has no id column, so tickets cannot be matched to people. Add an id column to the roster, or staff names to the tickets.',
  },
  'metrics-required': {
    'zh-CN': (p: Params<'columns' | 'kpis'>) => `指标 ${list(p.kpis, '、')} 取自人员指标表的列 ${list(p.columns, '、')}，请用 --metrics 提供该文件。`,
    en: (p: Params<'columns' | 'kpis'>) => `The KPIs ${list(p.kpis, ', ')} come from the metrics columns ${list(p.columns, ', ')}; give that file with --metrics.`,
  },
  'no-ticket-id-column': {
    'zh-CN': '{file} 没有工单号列，无法识别重复的工单，每一行都按一张工单计算。',
    en: '{file} has no ticket id column, so repeated tickets cannot be detected; every row counts as a ticket.',
  },
  'no-fix-flags': {
    'zh-CN': '工单中既没有“是否重开”也没有“是否二次上门”列：“{kpi}”会把每张已解决工单都算作一次修复。请确认导出时包含这些列。',
    en: 'The tickets have neither a reopened nor a revisit column, so "{kpi}" counts every resolved ticket as fixed first time. Check that the export includes those columns.',
  },
  'no-team-data': {
    'zh-CN': '有按班组计算的指标，但工单和人员名单都没有班组列，这些指标将没有数据。',
    en: 'Some KPIs are computed per team, but neither the tickets nor the roster have a team column, so they will have no data.',
  },
  'rows-above-header': {
    'zh-CN': '表头在第 {row} 行，其上方 {count} 行（如标题）未作为数据读取。',
    en: 'The header is on row {row}; the {count} row(s) above it (titles) were not read as data.',
  },

  // ── values ───────────────────────────────────────────────────────────────
  'value-unreadable-time': {
    'zh-CN': (p: Params<'value', 'kpis'>) => `无法识别时间“${String(p.value)}”。支持 2026-10-03 09:05:00、2026/10/3 9:05、2026年10月3日 9:05、03-10-2026 09:05（日在前）、带时区的 ISO 格式和 Excel 日期。${leftOutZh(p)}`,
    en: (p: Params<'value', 'kpis'>) => `Cannot read "${String(p.value)}" as a date and time. Accepted: 2026-10-03 09:05:00, 2026/10/3 9:05, 2026年10月3日 9:05, 03-10-2026 09:05 (day first), ISO with an offset, and Excel dates.${leftOutEn(p)}`,
  },
  'value-yes-no-in-time': {
    'zh-CN': (p: Params<'field' | 'value', 'kpis'>) =>
      `“${String(p.value)}”是“是/否”值，不是时间：这一列可能不是 ${String(p.field)}（按列名自动匹配）。请在制度 data_sources.tickets.columns 中把 ${String(p.field)} 映射到正确的列。${leftOutZh(p)}`,
    en: (p: Params<'field' | 'value', 'kpis'>) =>
      `"${String(p.value)}" is a yes/no value, not a time: this column may not be ${String(p.field)} (it was matched by its name). Map ${String(p.field)} to the right column under data_sources.tickets.columns in the policy.${leftOutEn(p)}`,
  },
  'value-impossible-time': {
    'zh-CN': (p: Params<'value', 'kpis'>) => `时间“${String(p.value)}”不存在（月份、日期或时刻超出范围）。${leftOutZh(p)}`,
    en: (p: Params<'value', 'kpis'>) => `The time "${String(p.value)}" does not exist (month, day or time of day out of range).${leftOutEn(p)}`,
  },
  'value-ambiguous-date': {
    'zh-CN': (p: Params<'value', 'kpis'>) => `日期“${String(p.value)}”的日、月顺序不明确（可能是月/日/年，也可能是日/月/年）。请导出为 年-月-日 格式。${leftOutZh(p)}`,
    en: (p: Params<'value', 'kpis'>) => `The date "${String(p.value)}" could be month/day/year or day/month/year. Export dates as year-month-day.${leftOutEn(p)}`,
  },
  'value-unreadable-boolean': {
    'zh-CN': (p: Params<'value', 'kpis'>) => `无法把“${String(p.value)}”识别为是/否（支持 是/否、Y/N、yes/no、true/false、1/0，空白为否）。${leftOutZh(p)}`,
    en: (p: Params<'value', 'kpis'>) => `Cannot read "${String(p.value)}" as yes or no (accepted: 是/否, Y/N, yes/no, true/false, 1/0; blank is no).${leftOutEn(p)}`,
  },
  'value-unreadable-number': {
    'zh-CN': (p: Params<'value', 'kpis'>) => `无法把“${String(p.value)}”识别为数字。${leftOutZh(p)}`,
    en: (p: Params<'value', 'kpis'>) => `Cannot read "${String(p.value)}" as a number.${leftOutEn(p)}`,
  },
  'value-time-in-number': {
    'zh-CN': (p: Params<'column' | 'field' | 'value', 'declare' | 'kpis'>) =>
      `“${String(p.value)}”是时间或时长，不是数字（列“${String(p.column)}”按 ${String(p.field)} 读取为数字）。${timesFixZh(p)}${leftOutZh(p)}`,
    en: (p: Params<'column' | 'field' | 'value', 'declare' | 'kpis'>) =>
      `"${String(p.value)}" is a time or a duration, not a number (column "${String(p.column)}" is read as ${String(p.field)}, a number). ${timesFixEn(p)}${leftOutEn(p)}`,
  },
  'value-unreadable-duration': {
    'zh-CN': (p: Params<'unit' | 'value', 'kpis'>) =>
      `无法把“${String(p.value)}”识别为${DURATION_ZH[String(p.unit)] ?? '时长'}（制度声明此列为 duration: ${String(p.unit)}）。h:mm:ss 文字或 Excel 时间单元格请声明为 clock，数字请声明为 seconds、minutes 或 hours。${leftOutZh(p)}`,
    en: (p: Params<'unit' | 'value', 'kpis'>) =>
      `Cannot read "${String(p.value)}" as ${DURATION_EN[String(p.unit)] ?? 'a duration'} (the policy declares this column duration: ${String(p.unit)}). Declare h:mm:ss text or Excel time cells as clock, and numbers as seconds, minutes or hours.${leftOutEn(p)}`,
  },
  'value-negative-duration': {
    'zh-CN': (p: Params<'value', 'kpis'>) => `时长“${String(p.value)}”为负数，不合理。${leftOutZh(p)}`,
    en: (p: Params<'value', 'kpis'>) => `The duration "${String(p.value)}" is negative, which is impossible.${leftOutEn(p)}`,
  },
  'on-hold-exceeds-span': {
    'zh-CN': (p: Params<'span' | 'value', 'kpis'>) => `挂起时长“${String(p.value)}”超过了从创建到解决的时长（${String(p.span)}），扣除挂起时长后按 0 计算：${list(p.kpis, '、')}。请核对挂起时长的单位。`,
    en: (p: Params<'span' | 'value', 'kpis'>) => `The on-hold time "${String(p.value)}" is longer than the time from creation to resolution (${String(p.span)}), so the time less on-hold counts as 0 in: ${list(p.kpis, ', ')}. Check the on-hold column's unit.`,
  },
  'value-negative': {
    'zh-CN': (p: Params<'value', 'kpis'>) => `费用“${String(p.value)}”为负数，不合理。${leftOutZh(p)}`,
    en: (p: Params<'value', 'kpis'>) => `The cost "${String(p.value)}" is negative, which is impossible.${leftOutEn(p)}`,
  },
  'value-unreadable-satisfaction': {
    'zh-CN': (p: Params<'value', 'kpis'>) => `无法把“${String(p.value)}”识别为满意度评分。${leftOutZh(p)}`,
    en: (p: Params<'value', 'kpis'>) => `Cannot read "${String(p.value)}" as a satisfaction score.${leftOutEn(p)}`,
  },
  'value-outside-scale': {
    'zh-CN': (p: Params<'max' | 'min' | 'value', 'kpis'>) => `评分“${String(p.value)}”不在量表 ${String(p.min)}–${String(p.max)} 之内。${leftOutZh(p)}`,
    en: (p: Params<'max' | 'min' | 'value', 'kpis'>) => `The score "${String(p.value)}" lies outside the scale ${String(p.min)}–${String(p.max)}.${leftOutEn(p)}`,
  },
  'column-values-unfit': {
    'zh-CN': (p: Params<'column' | 'count' | 'field' | 'kind' | 'kpis' | 'total', 'examples' | 'mapped'>) => {
      const what = KIND_ZH[String(p.kind)] ?? '有效值';
      const examples = examplesOf(p).map((e) => `第 ${e.row} 行“${e.value}”`).join('、');
      const fix = p.mapped
        ? `制度在 data_sources.tickets.columns 中把 ${String(p.field)} 映射到了这一列：请改为正确的列名。`
        : `这一列是按列名自动匹配为 ${String(p.field)} 的，多半并不是它：请在制度 data_sources.tickets.columns 中把 ${String(p.field)} 映射到正确的列（如 ${String(p.field)}: 列名）。`;
      const kpis = list(p.kpis, '、');
      return `列“${String(p.column)}”按 ${String(p.field)} 读取，但 ${String(p.total)} 个非空值中有 ${String(p.count)} 个不是${what}，例如${examples}。${fix}${kpis ? `这些工单不计入：${kpis}。` : '这些行不予采用。'}`;
    },
    en: (p: Params<'column' | 'count' | 'field' | 'kind' | 'kpis' | 'total', 'examples' | 'mapped'>) => {
      const what = KIND_EN[String(p.kind)] ?? 'valid values';
      const examples = examplesOf(p).map((e) => `row ${e.row} "${e.value}"`).join(', ');
      const fix = p.mapped
        ? `The policy maps ${String(p.field)} to this column under data_sources.tickets.columns: name the right column there.`
        : `The column was matched to ${String(p.field)} by its name and most likely is not it: map ${String(p.field)} to the right column under data_sources.tickets.columns in the policy (${String(p.field)}: <header>).`;
      const kpis = list(p.kpis, ', ');
      return `Column "${String(p.column)}" was read as ${String(p.field)}, but ${String(p.count)} of its ${String(p.total)} non-blank values are not ${what}, e.g. ${examples}. ${fix}${kpis ? ` Those tickets are left out of: ${kpis}.` : ' Those rows are not used.'}`;
    },
  },
  'column-times-in-number': {
    'zh-CN': (p: Params<'column' | 'count' | 'field' | 'total', 'declare' | 'examples' | 'kpis'>) => {
      const examples = examplesOf(p).map((e) => `第 ${e.row} 行“${e.value}”`).join('、');
      const kpis = list(p.kpis, '、');
      return `列“${String(p.column)}”按 ${String(p.field)} 读取为数字，但 ${String(p.total)} 个非空值中有 ${String(p.count)} 个是时间或时长（Excel 的时间单元格或 h:mm:ss 文字），例如${examples}，未按数字计算。${timesFixZh(p)}${kpis ? `这些工单不计入：${kpis}。` : '这些行不予采用。'}`;
    },
    en: (p: Params<'column' | 'count' | 'field' | 'total', 'declare' | 'examples' | 'kpis'>) => {
      const examples = examplesOf(p).map((e) => `row ${e.row} "${e.value}"`).join(', ');
      const kpis = list(p.kpis, ', ');
      return `Column "${String(p.column)}" is read as ${String(p.field)}, a number, but ${String(p.count)} of its ${String(p.total)} non-blank values are times or durations (Excel time cells or h:mm:ss text), e.g. ${examples}, and were not counted as numbers. ${timesFixEn(p)}${kpis ? ` Those tickets are left out of: ${kpis}.` : ' Those rows are not used.'}`;
    },
  },
  'time-before-creation': {
    'zh-CN': (p: Params<'created' | 'value', 'kpis'>) => `时间“${String(p.value)}”早于工单创建时间“${String(p.created)}”，不合理。${leftOutZh(p)}`,
    en: (p: Params<'created' | 'value', 'kpis'>) => `The time "${String(p.value)}" is before the ticket was created ("${String(p.created)}"), which is impossible.${leftOutEn(p)}`,
  },
  'value-missing': {
    'zh-CN': (p: Params<never, 'kpis'>) => `缺少创建时间，无法判断工单属于哪个考核期、耗时多久。${leftOutZh(p)}`,
    en: (p: Params<never, 'kpis'>) => `The creation time is missing, so the ticket cannot be placed in a period or timed.${leftOutEn(p)}`,
  },

  // ── rows and people ──────────────────────────────────────────────────────
  'duplicate-ticket': {
    'zh-CN': '工单号 {value} 已在第 {first} 行出现，本行被忽略（以第一次出现的为准）。',
    en: 'Ticket {value} already appeared in row {first}; this row is ignored (the first one counts).',
  },
  'ticket-without-id': {
    'zh-CN': '该行没有工单号（可能是合计行或空行），不予采用。',
    en: 'This row has no ticket id (perhaps a total or an empty line); it is not used.',
  },
  'ticket-without-staff': {
    'zh-CN': '该工单没有处理人（工号和姓名为空，或只是“?”“-”“未分配”之类的占位符），不计入任何人的指标。',
    en: 'This ticket has no staff member (id and name blank, or only a placeholder such as "?", "-" or "N/A"), so it counts for nobody.',
  },
  'credit-blank': {
    'zh-CN': (p: Params<'count' | 'kpis'>) => `${String(p.count)} 张工单的这一列为空（或只是占位符），它们不计入计给此列人员的指标：${list(p.kpis, '、')}（首次出现在此行）。其他指标照常计给工单上的其他人员。`,
    en: (p: Params<'count' | 'kpis'>) => `${String(p.count)} ticket(s) have this column blank (or only a placeholder), so they count for no one in the KPIs that credit this column's person: ${list(p.kpis, ', ')} (first seen on this row). Their other KPIs credit the other people on the ticket as usual.`,
  },
  'row-extra-cells': {
    'zh-CN': '该行有 {count} 个单元格超出表头（表头 {header} 列）：可能是未加引号的分隔符导致错位，请核对该行。',
    en: 'This row has {count} cell(s) beyond the header ({header} columns): an unquoted delimiter may have shifted it. Check the row.',
  },
  'staff-not-on-roster': {
    'zh-CN': '处理人“{value}”不在人员名单上，其 {tickets} 张工单不计入考核（首次出现在此行）。如其应参加考核，请加入名单。',
    en: 'Staff "{value}" is not on the roster; their {tickets} ticket(s) are left out (first seen on this row). Add them to the roster if they are to be evaluated.',
  },
  'team-not-in-tickets': {
    'zh-CN': (p: Params<'staff' | 'team' | 'teams'>) => `${String(p.staff)} 的班组“${String(p.team)}”在考核期的工单中没有出现，其按班组计算的指标没有数据。工单中的班组：${list(p.teams, '、')}。请核对名单与工单中班组的写法是否一致。`,
    en: (p: Params<'staff' | 'team' | 'teams'>) => `The team "${String(p.team)}" of ${String(p.staff)} appears in no ticket of the period, so their team KPIs have no data. Teams in the tickets: ${list(p.teams, ', ')}. Check that the roster and the tickets write the team the same way.`,
  },
  'tickets-look-like-event-log': {
    'zh-CN': '{rows} 行中有 {repeats} 行的工单号重复，已按每张工单的第一行计算。如果这是每次更新记一行的事件日志（如 ServiceNow、Jira 导出），最后一行才是工单的最终状态：请在制度的 data_sources.tickets 中加上 events（按 order_by 排序、按字段取首行或末行，见“读取导出文件”一节），或简单地加上 repeated_ids: last，然后重新运行。',
    en: '{repeats} of {rows} rows repeat a ticket id, and each ticket was read by its first row. If this is an event log with a row per update (ServiceNow, Jira exports), the last row is the ticket\'s final state: add events under data_sources.tickets in the policy (rows ordered by order_by, first or last row per field; see "Reading the exports"), or simply repeated_ids: last, and run again.',
  },
  'events-column-missing': {
    'zh-CN': (p: Params<'file' | 'found' | 'key' | 'name'>) =>
      `制度 data_sources.tickets.events 的 ${String(p.key)} 指定的列“${String(p.name)}”在 ${String(p.file)} 中不存在。文件中的列：${list(p.found, '、')}。请改为其中一列（或在 columns 中映射的字段名）。`,
    en: (p: Params<'file' | 'found' | 'key' | 'name'>) =>
      `The column "${String(p.name)}" that ${String(p.key)} names under data_sources.tickets.events is not in ${String(p.file)}. Columns in the file: ${list(p.found, ', ')}. Name one of them (or a field mapped under columns).`,
  },
  'events-no-id-column': {
    'zh-CN': (p: Params<'file' | 'found'>) => `${String(p.file)} 中找不到工单号列，事件日志无法把同一工单的各行合并。文件中的列：${list(p.found, '、')}。请在 data_sources.tickets.columns 中映射 ticket_id。`,
    en: (p: Params<'file' | 'found'>) => `${String(p.file)} has no ticket id column, so an event log's rows cannot be grouped by ticket. Columns in the file: ${list(p.found, ', ')}. Map ticket_id under data_sources.tickets.columns.`,
  },
  'event-order-unreadable': {
    'zh-CN': '排序列（events.order_by）的值“{value}”既不是数字也不是时间，无法确定这一行在工单各行中的先后：该行未使用。',
    en: 'The order value "{value}" (events.order_by) is neither a number nor a time, so this row cannot be placed among its ticket\'s rows: it was left out.',
  },
  'event-time-unreadable': {
    'zh-CN': '更新时间（events.at）“{value}”无法识别为时间：这一行不参与挂起时长的计算。',
    en: 'The update time "{value}" (events.at) is not a readable time: this row takes no part in the on-hold time.',
  },
  'period-no-tickets': {
    'zh-CN': '没有一张工单落在考核期 {period} 内：文件中 {count} 张工单的日期在 {first} 至 {last} 之间。请核对 --period，或是否导出了正确的月份。',
    en: 'No ticket falls in the period {period}: the {count} ticket(s) in the file are dated {first} to {last}. Check --period, or whether the right month was exported.',
  },
  'period-no-usable-tickets': {
    'zh-CN': (p: Params<'period' | 'rows' | 'outside' | 'skipped' | 'notCounted' | 'excluded' | 'superseded', 'first' | 'last'>) => {
      const parts: string[] = [];
      if (Number(p.outside) > 0) parts.push(`${String(p.outside)} 行的日期不在考核期内${p.first === undefined ? '' : `（${String(p.first)} 至 ${String(p.last)}）`}`);
      if (Number(p.superseded) > 0) parts.push(`${String(p.superseded)} 行是同一工单较早的记录`);
      if (Number(p.skipped) > 0) parts.push(`${String(p.skipped)} 行因数据问题未采用（没有工单号、工单号重复、没有处理人或处理人不在名单上、用于划分考核期的时间无法读取），无法判断是否属于考核期`);
      if (Number(p.notCounted) > 0) parts.push(`${String(p.notCounted)} 行落在考核期内，但没有一项指标能计入（指标所需的值为空或无法读取，或工单尚未解决）`);
      if (Number(p.excluded) > 0) parts.push(`${String(p.excluded)} 行已按批准的申诉排除`);
      return `工单文件中没有一行能计入考核期 ${String(p.period)}：共 ${String(p.rows)} 行，其中 ${parts.join('；')}。问题在数据而不在 --period：原因见这些行和列的警告，处理后重新运行。`;
    },
    en: (p: Params<'period' | 'rows' | 'outside' | 'skipped' | 'notCounted' | 'excluded' | 'superseded', 'first' | 'last'>) => {
      const parts: string[] = [];
      if (Number(p.outside) > 0) parts.push(`${String(p.outside)} are dated outside the period${p.first === undefined ? '' : ` (${String(p.first)} to ${String(p.last)})`}`);
      if (Number(p.superseded) > 0) parts.push(`${String(p.superseded)} are earlier rows of a ticket whose last row counts`);
      if (Number(p.skipped) > 0) parts.push(`${String(p.skipped)} were left out for data problems (no ticket id, a repeated id, no staff member or one not on the roster, a placing time that cannot be read), before they could be placed in a period`);
      if (Number(p.notCounted) > 0) parts.push(`${String(p.notCounted)} fall in the period but no KPI could count them (a value the KPIs need is blank or unreadable, or the ticket is still open)`);
      if (Number(p.excluded) > 0) parts.push(`${String(p.excluded)} were left out by approved appeals`);
      return `No row of the tickets file counts in the period ${String(p.period)}: of its ${String(p.rows)} rows, ${parts.join('; ')}. The fault is in the data, not --period: the warnings on those rows and columns say why; deal with them and run again.`;
    },
  },
  'period-partly-covered': {
    // With `field`, only that placing time falls short (an export filtered by it): named, with the KPIs it places.
    'zh-CN': (p: Params<'period' | 'start' | 'end' | 'from' | 'to' | 'rows', 'earliest' | 'latest' | 'field' | 'kpis'>) => {
      const time = p.field === 'created_at' ? '创建时间' : p.field === 'resolved_at' ? '解决时间' : '工单时间';
      const edges = [p.earliest === undefined ? '' : `最早的${time}为 ${String(p.earliest)}`, p.latest === undefined ? '' : `最晚的${time}为 ${String(p.latest)}`].filter(Boolean).join('，');
      const judged = p.field === undefined ? '各项计数和时效指标都只按这一段计算' : `按${time}归入考核期的指标（${list(p.kpis, '、')}）都只按这一段计算`;
      const covered = p.field === undefined ? '' : `按${time}计`;
      return `工单文件${covered}只覆盖考核期 ${String(p.start)} 至 ${String(p.end)} 中的 ${String(p.from)} 至 ${String(p.to)}（文件中${edges}；考核期内 ${String(p.rows)} 行），${judged}。如果导出时考核期尚未结束，或导出时按日期筛选过，请导出整个考核期后重新运行；如果其余日期确实没有工单（如放假），可忽略此提示。`;
    },
    en: (p: Params<'period' | 'start' | 'end' | 'from' | 'to' | 'rows', 'earliest' | 'latest' | 'field' | 'kpis'>) => {
      const time = p.field === 'created_at' ? 'creation time' : p.field === 'resolved_at' ? 'resolution time' : 'ticket time';
      const edges = [p.earliest === undefined ? '' : `its earliest ${time} is ${String(p.earliest)}`, p.latest === undefined ? '' : `its latest ${time} is ${String(p.latest)}`].filter(Boolean).join(', ');
      const judged = p.field === undefined ? 'every count and SLA is' : `the KPIs that place tickets by ${time} (${list(p.kpis, ', ')}) are`;
      const covered = p.field === undefined ? '' : ` by ${time}`;
      return `The file covers${covered} only ${String(p.from)} – ${String(p.to)} of the period ${String(p.start)} – ${String(p.end)} (${edges}; ${String(p.rows)} rows in the period), so ${judged} judged on that part alone. If the export was pulled before the period ended, or filtered by date, export the whole period and run again; if there were simply no tickets on the other days (a holiday), nothing needs doing.`;
    },
  },
  'staff-left-out-of-roster': {
    'zh-CN': '处理人“{value}”在人员名单第 {rosterRow} 行，但该行的岗位无法识别（见人员名单的警告），未参加考核，其 {tickets} 张工单不计入。请更正名单中的岗位后重新运行。',
    en: 'Staff "{value}" is on roster row {rosterRow}, but that row\'s role could not be used (see the roster warning), so they are not evaluated and their {tickets} ticket(s) are left out. Correct the role on the roster and run again.',
  },
  'staff-name-ambiguous': {
    'zh-CN': '人员名单中有多人叫“{value}”，无法按姓名确定是谁，{tickets} 张工单不计入考核。请在工单中提供处理人工号。',
    en: 'Several people on the roster are called "{value}", so {tickets} ticket(s) cannot be attributed by name and are left out. Include staff ids in the tickets.',
  },
  'roster-row-without-person': {
    'zh-CN': '名单中该行既无工号也无姓名，已跳过。',
    en: 'This roster row has neither id nor name; it was skipped.',
  },
  'roster-duplicate': {
    'zh-CN': '{staff} 已在名单第 {first} 行出现，本行被忽略。',
    en: '{staff} already appears on roster row {first}; this row is ignored.',
  },
  'roster-unknown-role': {
    'zh-CN': (p: Params<'roles' | 'staff' | 'value'>) => `${String(p.staff)} 的岗位“${String(p.value)}”不在制度中。制度的岗位：${list(p.roles, '、')}。`,
    en: (p: Params<'roles' | 'staff' | 'value'>) => `The role "${String(p.value)}" of ${String(p.staff)} is not in the policy. The policy's roles: ${list(p.roles, ', ')}.`,
  },
  'roster-no-role': {
    'zh-CN': (p: Params<'roles' | 'staff'>) => `${String(p.staff)} 没有填写岗位，无法考核。制度的岗位：${list(p.roles, '、')}。`,
    en: (p: Params<'roles' | 'staff'>) => `${String(p.staff)} has no role, so cannot be evaluated. The policy's roles: ${list(p.roles, ', ')}.`,
  },
  'roster-row-extra-cells': {
    'zh-CN': '{staff} 这一行有 {count} 个单元格，超出表头的 {header} 列：可能是未加引号的逗号导致错位（如奖金基数写成 1,500）。本行的奖金基数不予采用，按岗位的默认基数计算；请核对并更正该行。',
    en: 'The row of {staff} has {count} cells, more than the {header} columns of the header: an unquoted comma may have shifted it (e.g. a bonus base written 1,500). Its bonus base is not used (the role\'s default is); check and correct the row.',
  },
  'roster-bonus-base-invalid': {
    'zh-CN': '{staff} 的绩效奖金基数“{value}”不是有效金额（应为不小于 0 的数字），按岗位的默认基数计算。请更正名单。',
    en: 'The bonus base "{value}" of {staff} is not a valid amount (a number of 0 or more); the role\'s default is used. Correct the roster.',
  },
  'roster-several-roles': {
    'zh-CN': '{staff} 填写了多个岗位“{value}”，但制度不允许兼岗（multi_role: false），按第一个岗位 {role} 考核。',
    en: '{staff} has several roles ("{value}") but the policy does not allow that (multi_role: false); evaluated as {role}, the first.',
  },
  'row-without-person': {
    'zh-CN': '该行既无工号也无姓名，不予采用。',
    en: 'This row names no person (no id, no name); it is not used.',
  },
  'person-not-on-roster': {
    'zh-CN': '“{value}”不在人员名单上，其 {rows} 行数据不予采用（首次出现在此行）。',
    en: '"{value}" is not on the roster; their {rows} row(s) are not used (first seen on this row).',
  },
  'person-left-out-of-roster': {
    'zh-CN': '“{value}”在人员名单第 {rosterRow} 行，但该行的岗位无法识别（见人员名单的警告），未参加考核，其 {rows} 行数据不予采用。请更正名单中的岗位后重新运行。',
    en: '"{value}" is on roster row {rosterRow}, but that row\'s role could not be used (see the roster warning), so they are not evaluated and their {rows} row(s) are not used. Correct the role on the roster and run again.',
  },
  'metrics-duplicate': {
    'zh-CN': '{value} 在人员指标表中出现多次，本行被忽略（以第一行为准）。',
    en: '{value} appears more than once in the metrics file; this row is ignored (the first counts).',
  },
  'rater-type-unknown': {
    'zh-CN': '评价人类型“{value}”无法识别（可用：上级/supervisor、同事/peer、客户/customer、自评/self），该行不予采用。',
    en: 'Unknown rater type "{value}" (use supervisor/上级, peer/同事, customer/客户 or self/自评); the row is not used.',
  },
  'staff-no-team': {
    'zh-CN': '{staff} 没有班组，按班组计算的指标无数据。请在人员名单中填写班组。',
    en: '{staff} has no team, so the KPIs computed per team have no data. Fill in the team on the roster.',
  },
  'holidays-file-not-covered': {
    'zh-CN': (p: Params<'file' | 'days' | 'years'>) =>
      `工作日历（节假日文件 ${String(p.file)}）只知道 ${yearRanges(p.years, '、')} 年的节假日；本考核期的 ${list(p.days, '、')} 不在其内，这些日期按周一至周五计算工作日，未计入节假日和补班日。请在节假日文件中补上这些年份的日期并列入 years。`,
    en: (p: Params<'file' | 'days' | 'years'>) =>
      `The working calendar (holidays file ${String(p.file)}) knows the holidays of ${yearRanges(p.years, ', ')} only; in this period, ${list(p.days, ', ')} lie outside them and count Monday to Friday, without holidays or make-up days. Add those years' dates to the holidays file and list the years in \`years\`.`,
  },
  'holidays-not-covered': {
    'zh-CN': (p: Params<'first' | 'last' | 'years'>) => `节假日数据只覆盖 ${String(p.first)}–${String(p.last)} 年；${list(p.years, '、')} 年按周一至周五计算工作日，未计入法定节假日和调休。请升级 aspm 或改用自然时间（duration: calendar）。`,
    en: (p: Params<'first' | 'last' | 'years'>) => `Holiday data covers ${String(p.first)}–${String(p.last)} only; for ${list(p.years, ', ')} working days are Monday to Friday, without public holidays or make-up days. Update aspm, or count calendar time (duration: calendar).`,
  },
  'warnings-truncated': {
    'zh-CN': '另有 {count} 条警告未逐条列出（已列出前 {kept} 条）。',
    en: '{count} more warning(s) are not listed one by one (the first {kept} are).',
  },
});
