// `report.xlsx` for the manager and HR: a summary sheet (rank, person, each KPI's score,
// total, grade, bonus) with a frozen header, filters and number formats; a sheet per role
// with the full breakdown (value, target, floor, score, weight and contribution of every
// KPI, the raters, points, vetoes, grades and actions); a sheet of notes in words (the
// appeal deadline, the notes that explain each result); and the adjustments and data
// warnings when there are any (an empty sheet would print as a page of headers — the notes
// say there were none instead). Labels are in the user's language. Text from the data
// (names, reasons, ids) that starts with = + - @ is written as a text cell with the Text
// format, never as a formula: a name like "=HYPERLINK(…)" must stay a name. A trial run (a
// period that ended before the policy took effect) says so above the headers of every sheet.
// Percentages are fractions with a percent format and dates are dates, so a formula or a chart
// over the cells works. Every sheet carries a title row (company, report, period) and prints
// them with page numbers in its header and footer: a loose printed page says what it is.
//
// Printing (A4 landscape) is planned here, as HR prints these sheets to sign them: a sheet
// that fits on one page width at a readable size is fitted to it; a wider one is cut into
// pages between column groups — never through a KPI's columns and the merged header above
// them — with the person columns repeated on every page (see `planPrint`). Builds bytes;
// writing them is the caller's job.
import type ExcelJS from 'exceljs';
import { t, type MessageCode } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { measuresDuration } from '../policy/kpi-catalogue.js';
import type { Kpi, Policy } from '../policy/policy.generated.js';
import { formatAmount, formatDate, formatNumber, joinList } from '../render/document-values.js';
import { displayWidth } from '../text/display-width.js';
import { actionText, periodLabel } from './notice-view.js';
import type { ReportKpi, ReportPerson, ScoredReport } from '../scoring/scored-report.js';
import { addColumnBreaks } from './xlsx-column-breaks.js';
import { gradeDistribution, teamKpiMedians } from './xlsx-chart-figures.js';
import { addSheetCharts, type XlsxChart } from './xlsx-charts.js';

/** A number or date with a format of its own (a column mixing units: the adjustments' before and after). */
interface Formatted {
  readonly value: number | Date;
  readonly format: string;
}
type Value = string | number | Formatted | null;

/** Cells that a spreadsheet would read as a formula if typed in. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

const SCORE = '0.00';
// A number format lets the rank column be as narrow as its numbers, its header wrapping.
const RANK = '0';
const MONEY = '#,##0.00';
// Percentages are stored as fractions (0.9485 shown as 94.85%), so a formula or a chart over
// them works as over any spreadsheet's percentages.
const PERCENT = '0.00%';
// Dates are real dates (sortable, usable in formulas), shown the ISO way in both languages.
const DATE = 'yyyy-mm-dd';
const MONTH = 'yyyy-mm';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE5F0' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB0B7C3' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function valueFormat(unit: Kpi['unit'] | string): string {
  switch (unit) {
    case 'count':
      return '#,##0.##';
    case 'currency':
      return MONEY;
    case 'percent':
      return PERCENT;
    default:
      return '0.00';
  }
}

/** A KPI value in its cell: a percentage as a fraction, so its percent format shows it as the report states it. */
function inUnit(unit: Kpi['unit'] | string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return unit === 'percent' ? value / 100 : value;
}

/** A weight (percent of the KPI score) as a fraction shown as percent: 25% whole, 12.50% when it has decimals. */
function weightCell(weight: number | null | undefined): Value {
  if (weight === null || weight === undefined) return null;
  return { value: weight / 100, format: Number.isInteger(weight) ? '0%' : PERCENT };
}

/** An ISO date (2026-11-10) or month (2026-10) as a date cell; anything else stays text. */
function dateCell(text: string | null | undefined): Value {
  if (text === null || text === undefined) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  // exceljs writes a Date by its UTC time: midnight UTC is the day itself, in any time zone.
  if (m) return { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), format: DATE };
  // A month is its first day shown as the month; a quarter (2026-Q3) has no date and stays text.
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)), format: MONTH };
  return text;
}

/** Text for a print header or footer: & is its escape character, and the whole field holds 255 characters. */
function printText(text: string): string {
  return text.slice(0, 100).replace(/&/g, '&&');
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

interface Column {
  readonly header: string;
  readonly format?: string;
  readonly width?: number;
  /** Small grey text (an internal code next to the words that say it). */
  readonly quiet?: boolean;
  /** Wider text wraps (a role's name in the summary). */
  readonly maxWidth?: number;
}

// ── printing ──
/** A4 landscape (842 pt) less the 0.4-inch side margins, less a little for rounding in the application. */
const PAPER_POINTS = (842 - 2 * 0.4 * 72) * 0.95;
/**
 * Points a unit of column width takes on paper. The unit is a digit of the workbook's font:
 * Calibri 11 is 7 pixels (5.25 pt) in Excel and WPS, and in LibreOffice with Carlito; a
 * LibreOffice without either measures with a fallback font, about 7 pt. Fitting is judged
 * with Excel's measure (the application scales the sheet itself); page breaks are planned
 * with the wider one, as a page that overflows is cut wherever it ends.
 */
const EXCEL_POINTS = 5.25;
const WIDEST_POINTS = 7;
/** Fitting a sheet to the page width is worth it only while the text stays this large (%): 6.6 pt of Calibri 11. */
const MIN_FIT_SCALE = 60;
/** Scales tried when a sheet is cut into pages: the one with the fewest pages, the largest among equals. */
const SCALES = [100, 95, 90, 85, 80, 75, 70] as const;

export type PrintPlan =
  | { readonly kind: 'as-is' }
  | { readonly kind: 'fit' }
  | { readonly kind: 'pages'; readonly scale: number; readonly breaks: readonly number[]; readonly pages: number };

/**
 * How a sheet prints on A4 landscape. `titles` columns are repeated on every page; `units`
 * are the spans of the columns after them that must stay on one page (a KPI's six columns
 * under one merged header). As it is when it fits; fitted to the page width when that keeps
 * the text at least MIN_FIT_SCALE % large (and `fit` allows it); else cut into pages between
 * units, at the scale that needs the fewest pages. `breaks` are the 1-based columns that
 * start a new page.
 */
export function planPrint(widths: readonly number[], titles: number, units: readonly number[], fit: boolean): PrintPlan {
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const paper = PAPER_POINTS;
  if (totalWidth * WIDEST_POINTS <= paper) return { kind: 'as-is' };
  if (fit && (paper / (totalWidth * EXCEL_POINTS)) * 100 >= MIN_FIT_SCALE) return { kind: 'fit' };
  const points = widths.map((w) => w * WIDEST_POINTS);
  const titleWidth = points.slice(0, titles).reduce((a, b) => a + b, 0);
  const spans: { start: number; width: number }[] = [];
  let column = titles;
  for (const span of units) {
    spans.push({ start: column + 1, width: points.slice(column, column + span).reduce((a, b) => a + b, 0) });
    column += span;
  }
  let best: Extract<PrintPlan, { kind: 'pages' }> | undefined;
  for (const scale of SCALES) {
    const room = (paper * 100) / scale;
    const breaks: number[] = [];
    let used = titleWidth;
    let onPage = 0;
    for (const span of spans) {
      if (onPage > 0 && used + span.width > room) {
        breaks.push(span.start);
        used = titleWidth;
        onPage = 0;
      }
      used += span.width;
      onPage++;
    }
    if (!best || breaks.length + 1 < best.pages) best = { kind: 'pages', scale, breaks, pages: breaks.length + 1 };
  }
  return best!;
}

function setCell(cell: ExcelJS.Cell, value: Value, format: string | undefined): void {
  if (value === null || value === '') {
    cell.value = null;
    return;
  }
  if (typeof value === 'number') {
    cell.value = value;
    if (format) cell.numFmt = format;
    return;
  }
  if (typeof value === 'object') {
    cell.value = value.value;
    cell.numFmt = value.format;
    return;
  }
  cell.value = value;
  if (looksLikeFormula(value)) cell.numFmt = '@';
}

interface TableOptions {
  /** Columns that say who a row is about: frozen on screen, repeated on every printed page. */
  readonly freezeColumns?: number;
  /** A merged header row above the column headers; each group stays on one printed page. */
  readonly groups?: readonly { readonly label: string; readonly span: number }[];
  /** May be fitted to the page width (not a sheet that should keep its page breaks). */
  readonly fit?: boolean;
  /** Spans after the title columns that stay on one page (default: the groups, else each column). */
  readonly units?: readonly number[];
  /** A line above everything (a trial run's mark), across the sheet; printed on every page with the header rows. */
  readonly banner?: string;
  /** The title row (company, report, period) under the banner, above the headers; printed on every page too. */
  readonly title?: string;
  /** The print header and footer, in the codes spreadsheets read (&L, &C, &R, &P, &N). */
  readonly headerFooter?: { readonly header: string; readonly footer: string };
}

/** One row above the table across its columns (the trial mark, the title). */
function addLine(sheet: ExcelJS.Worksheet, row: number, text: string, columns: number, font: Partial<ExcelJS.Font>): void {
  const cell = sheet.getRow(row).getCell(1);
  setCell(cell, text, undefined);
  cell.font = font;
  cell.alignment = { vertical: 'middle', horizontal: 'left' };
  if (columns > 1) sheet.mergeCells(row, 1, row, columns);
  sheet.getRow(row).height = 22;
}

/** A sheet with one header row (or two, when `groups` spans headers), data rows, filter, freeze and print setup. */
function addTable(workbook: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: readonly Value[][], options: TableOptions = {}): { sheet: ExcelJS.Worksheet; plan: PrintPlan } {
  const bannerRows = (options.banner ? 1 : 0) + (options.title ? 1 : 0);
  // Header rows are counted from the top of the sheet, the banner and title included.
  const headerRows = bannerRows + (options.groups ? 2 : 1);
  const titles = options.freezeColumns ?? 0;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: titles, ySplit: headerRows }],
  });
  // The trial mark stays first (A1), the title under it: a trial sheet says so before anything else.
  if (options.banner) addLine(sheet, 1, options.banner, columns.length, { bold: true, size: 12, color: { argb: 'FFC00000' } });
  if (options.title) addLine(sheet, options.banner ? 2 : 1, options.title, columns.length, { bold: true, size: 14 });
  if (options.headerFooter) sheet.headerFooter = { oddHeader: options.headerFooter.header, oddFooter: options.headerFooter.footer };
  if (options.groups) {
    const top = sheet.getRow(bannerRows + 1);
    let c = 1;
    for (const g of options.groups) {
      setCell(top.getCell(c), g.label, undefined);
      if (g.span > 1) sheet.mergeCells(bannerRows + 1, c, bannerRows + 1, c + g.span - 1);
      c += g.span;
    }
  }
  const header = sheet.getRow(headerRows);
  columns.forEach((col, i) => setCell(header.getCell(i + 1), col.header, undefined));
  for (let r = bannerRows + 1; r <= headerRows; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= columns.length; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    }
  }
  const widths = columns.map((col, i) => {
    const data = Math.max(0, ...rows.map((r) => Math.max(...valueText(r[i] ?? null, col.format).split('\n').map(displayWidth))));
    // Numbers: as wide as the numbers, and the header wraps (a KPI name is long, its values
    // short) — Chinese between any two characters, English between words, so a column is at
    // least as wide as the header's longest word. A header of several words wraps too.
    const wraps = col.format !== undefined || /\s/.test(col.header);
    const header = wraps ? Math.min(displayWidth(col.header), Math.max(6, longestWord(col.header))) : displayWidth(col.header);
    return col.width ?? Math.min(col.maxWidth ?? 48, Math.max(6, header, data) + 2);
  });
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  // The groups after the title columns are the units a page must not cut; without groups, each column is one.
  const units = options.units ?? (options.groups ? groupUnits(options.groups, titles) : columns.slice(titles).map(() => 1));
  const plan = planPrint(widths, titles, units, options.fit ?? false);
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${headerRows}`,
    ...(titles > 0 ? { printTitlesColumn: `A:${String.fromCharCode(64 + titles)}` } : {}),
    ...(plan.kind === 'fit' ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    ...(plan.kind === 'pages' ? { scale: plan.scale } : {}),
  };
  /** Lines a text takes in a column of `width` characters. */
  const linesIn = (text: string, width: number) => text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 2))), 0);
  // Spreadsheets do not grow a row for wrapped text they did not lay out themselves.
  const headerLines = Math.max(1, ...columns.map((col, i) => linesIn(col.header, widths[i]!)));
  sheet.getRow(headerRows).height = 15 * Math.min(5, headerLines) + 2;
  const GRADE = /^[A-Za-z][A-Za-z0-9+-]{0,7}$/;
  rows.forEach((values, r) => {
    const row = sheet.getRow(headerRows + 1 + r);
    let lines = 1;
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      setCell(cell, v, columns[c]?.format);
      cell.border = BORDER;
      const quiet = columns[c]?.quiet === true;
      // A quiet column's small text takes about two thirds of the room.
      const wrap = typeof v === 'string' && linesIn(v, quiet ? widths[c]! * 1.5 : widths[c]!) > 1;
      if (wrap && !quiet) lines = Math.max(lines, linesIn(v, widths[c]!));
      if (quiet) cell.font = { size: 8, color: { argb: 'FF7F7F7F' } };
      // Grades and short codes read best centred; text wraps within its column.
      cell.alignment = { vertical: 'top', wrapText: wrap, ...(typeof v === 'string' && GRADE.test(v) && !columns[c]?.format && displayWidth(v) <= 2 ? { horizontal: 'center' } : {}) };
    });
    if (lines > 1) row.height = 16 * Math.min(lines, 20) + 2;
  });
  if (columns.length > 0) sheet.autoFilter = { from: { row: headerRows, column: 1 }, to: { row: headerRows + rows.length, column: columns.length } };
  return { sheet, plan };
}

/** The spans of the groups after the first `titles` columns (a group the titles cut in two keeps its rest as one unit). */
function groupUnits(groups: readonly { readonly span: number }[], titles: number): number[] {
  const units: number[] = [];
  let column = 0;
  for (const g of groups) {
    const rest = Math.min(g.span, column + g.span - titles);
    if (rest > 0) units.push(rest);
    column += g.span;
  }
  return units;
}

/** The longest run of Latin letters and digits in a text (where English cannot wrap). */
function longestWord(text: string): number {
  return Math.max(0, ...(text.match(/[\x21-\x7e]+/g) ?? []).map((w) => w.length));
}

/** What a cell shows, near enough to size its column. */
function valueText(v: Value, format: string | undefined): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.value instanceof Date ? v.format.replace(/yyyy/, '0000') : valueText(v.value, v.format);
  if (typeof v === 'number') return format === MONEY ? formatAmount(v) : format?.endsWith('%') ? `${formatNumber(v * 100)}%` : formatNumber(v);
  return v;
}

export interface XlsxInput {
  readonly report: ScoredReport;
  readonly policy: Policy;
  readonly language: Language;
}

export async function buildReportXlsx(input: XlsxInput): Promise<Uint8Array> {
  const { report, policy, language } = input;
  const L = (code: MessageCode, params?: Record<string, unknown>) => t(language, code, params);
  // Durations in working time say so in their unit: 工作小时, not 小时.
  const business = policy.evaluation.duration === 'business';
  const unitOf = (kpi: Kpi) =>
    L((business && measuresDuration(kpi.id) && (kpi.unit === 'hours' || kpi.unit === 'minutes') ? `xlsx-unit-working-${kpi.unit}` : `xlsx-unit-${kpi.unit}`) as MessageCode);
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'aspm';
  // The result date, not the clock: the same inputs give the same workbook properties.
  workbook.created = new Date(`${report.result_date}T00:00:00Z`);
  workbook.modified = workbook.created;
  const taken = new Set<string>();
  /** Column breaks per worksheet id, written into the file after exceljs (which cannot). */
  const breaks = new Map<number, readonly number[]>();
  // A trial run is marked on every sheet, as on every notice: a sheet printed alone still says it.
  const banner = report.trial ? L('xlsx-trial-banner', { mark: L('trial-mark'), period: report.period.id, effective: report.policy.effective_date }) : undefined;
  // Every sheet, on screen and on paper, says whose results these are and for which period.
  const company = policy.meta.company;
  const period = periodLabel(language, report.period.id);
  const title = L('xlsx-title', { company, period });
  const headerFooter = {
    header: `&L${printText(company)}&R${printText(period)}`,
    // The sheet's name beside the page number: a loose page says which table it belongs to.
    footer: `&L&A&C${L('xlsx-print-page')}`,
  };
  const table = (name: string, columns: readonly Column[], rows: readonly Value[][], options: TableOptions) => {
    const { sheet, plan } = addTable(workbook, sheetName(name, taken), columns, rows, { ...options, title, headerFooter, ...(banner ? { banner } : {}) });
    if (plan.kind === 'pages') breaks.set(sheet.id, plan.breaks);
    return sheet;
  };
  const roleName = (id: string) => policy.roles.find((r) => r.id === id)?.name ?? id;
  const roleOrder = (id: string) => policy.roles.findIndex((r) => r.id === id);
  const ordered = [...report.staff].sort(
    (a, b) => roleOrder(a.role) - roleOrder(b.role) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const bonusOf = (p: ReportPerson) => p.outcomes.bonus.amount;
  const rankBy = report.staff.find((p) => p.rank_group !== null)?.rank_group?.by ?? report.grades.forced_distribution?.group_by ?? 'role';
  const list = (items: readonly string[]) => joinList(language, [...items]);
  const actionsOf = (p: ReportPerson) => p.outcomes.actions.map((a) => actionText(language, a, policy)).join(L('xlsx-action-separator'));

  // ── summary ──
  // Each KPI's value and score side by side (the role sheets add target, floor, weight and
  // contribution). Printed, the person columns and the result come first, and the KPI pairs
  // follow on pages of their own when the sheet is wider than a page.
  const kpiIds = policy.kpis.filter((k) => report.staff.some((p) => p.kpis.some((x) => x.id === k.id))).map((k) => k.id);
  const kpiOf = (p: ReportPerson, id: string): ReportKpi | undefined => p.kpis.find((k) => k.id === id);
  // The result right after the person, then the KPI scores it comes from: a summary too
  // wide for one page (long English headers) is cut after the result, so the first page is
  // the one HR signs.
  const resultColumns: Column[] = [
    { header: L('xlsx-quantitative'), format: SCORE },
    { header: L('xlsx-qualitative'), format: SCORE },
    { header: L('xlsx-points'), format: SCORE },
    { header: L('xlsx-total'), format: SCORE },
    { header: L('xlsx-grade-bands') },
    { header: L('xlsx-grade') },
    { header: L('xlsx-bonus'), format: MONEY },
  ];
  const summaryColumns: Column[] = [
    { header: L('xlsx-rank', { by: rankBy }), format: RANK },
    { header: L('xlsx-staff-id') },
    { header: L('xlsx-name') },
    { header: L('xlsx-role'), maxWidth: 16 },
    { header: L('xlsx-team') },
    ...resultColumns,
    ...kpiIds.flatMap((id) => {
      const kpi = policy.kpis.find((k) => k.id === id)!;
      return [
        { header: L('xlsx-kpi-value', { kpi: kpi.name, unit: unitOf(kpi) }), format: valueFormat(kpi.unit) },
        { header: L('xlsx-kpi-score', { kpi: kpi.name }), format: SCORE },
      ];
    }),
  ];
  const summaryRows = ordered.map((p) => [
    p.rank,
    p.id,
    p.name,
    roleName(p.role),
    p.team,
    p.quantitative.score,
    p.qualitative.score,
    p.points.total,
    p.total_rounded,
    p.grade_by_bands,
    p.grade ?? L('xlsx-not-assessed'),
    bonusOf(p),
    ...kpiIds.flatMap((id) => [inUnit(policy.kpis.find((k) => k.id === id)!.unit, kpiOf(p, id)?.value), kpiOf(p, id)?.score ?? null]),
  ]);
  // Role and team, then the result as one block, then each KPI.
  table(L('xlsx-sheet-summary'), summaryColumns, summaryRows, { freezeColumns: 3, fit: true, units: [1, 1, resultColumns.length, ...kpiIds.map(() => 2)] });

  // ── one sheet per role ──
  const distributed = report.grades.forced_distribution !== null;
  for (const role of policy.roles) {
    const people = ordered.filter((p) => p.role === role.id);
    if (people.length === 0) continue;
    const kpis = role.kpis.map((e) => ({ entry: e, kpi: policy.kpis.find((k) => k.id === e.kpi)! }));
    const raters = (role.raters ?? policy.qualitative.raters).map((r) => r.type);
    const lead: Column[] = [{ header: L('xlsx-rank', { by: rankBy }), format: RANK }, { header: L('xlsx-staff-id') }, { header: L('xlsx-name') }, { header: L('xlsx-team') }];
    const perKpi = (kpi: Kpi): Column[] => [
      // The unit once, on the value: the target and floor beside it are in the same unit.
      { header: L('xlsx-value-unit', { unit: unitOf(kpi) }), format: valueFormat(kpi.unit) },
      { header: L('xlsx-target'), format: valueFormat(kpi.unit) },
      { header: L('xlsx-floor'), format: valueFormat(kpi.unit) },
      { header: L('xlsx-score'), format: SCORE },
      // Set per cell (weightCell): 25% whole, 12.50% with decimals.
      { header: L('xlsx-weight') },
      { header: L('xlsx-contribution'), format: SCORE },
    ];
    // The tail in two groups, each narrow enough for a page: the scores that make the total, then the result.
    const scores: Column[] = [
      { header: L('xlsx-quantitative'), format: SCORE },
      ...raters.map((type) => ({ header: L('xlsx-rater-score', { type: L(`score-rater-${type}` as MessageCode) }), format: SCORE })),
      { header: L('xlsx-qualitative'), format: SCORE },
      { header: L('xlsx-points'), format: SCORE },
    ];
    const tail: Column[] = [
      { header: L('xlsx-vetoes') },
      { header: L('xlsx-total'), format: SCORE },
      { header: L('xlsx-grade-bands') },
      ...(distributed ? [{ header: L('xlsx-grade-distributed') }] : []),
      { header: L('xlsx-grade') },
      { header: L('xlsx-bonus'), format: MONEY },
      { header: L('xlsx-actions') },
    ];
    const columns = [...lead, ...kpis.flatMap((k) => perKpi(k.kpi)), ...scores, ...tail];
    const groups = [
      { label: L('xlsx-person'), span: lead.length },
      ...kpis.map((k) => ({ label: L('xlsx-kpi-group', { kpi: k.kpi.name, team: k.entry.scope === 'team' ? L('xlsx-team-scope') : '', weight: k.entry.weight }), span: 6 })),
      { label: L('xlsx-scores'), span: scores.length },
      { label: L('xlsx-result'), span: tail.length },
    ];
    const rows = people.map((p) => [
      p.rank,
      p.id,
      p.name,
      p.team,
      ...kpis.flatMap(({ entry }) => {
        const k = p.kpis.find((x) => x.id === entry.kpi && x.scope === entry.scope);
        const unit = policy.kpis.find((x) => x.id === entry.kpi)!.unit;
        return k ? [inUnit(unit, k.value), inUnit(unit, k.target), inUnit(unit, k.floor), k.score, weightCell(k.weight), k.contribution] : [null, null, null, null, null, null];
      }),
      p.quantitative.score,
      ...raters.map((type) => p.qualitative.raters.find((r) => r.type === type)?.score ?? null),
      p.qualitative.score,
      p.points.total,
      list(p.vetoes.filter((v) => v.triggered).map((v) => v.name)) || null,
      p.total_rounded,
      p.grade_by_bands,
      ...(distributed ? [p.grade_distributed] : []),
      p.grade ?? L('xlsx-not-assessed'),
      bonusOf(p),
      actionsOf(p) || null,
    ]);
    // The whole person group (with the team) repeats on every page: a merged label cut by the repeat would show half.
    table(role.name, columns, rows, { freezeColumns: lead.length, groups });
  }

  // ── notes, adjustments, warnings ──
  // In words: HR reads the message; the code (for looking a note up) comes after it, small.
  const sayDate = (iso: string) => formatDate(language, iso);
  const noteRows: Value[][] = [
    // The deadline as the notices state it: the day itself counts.
    [null, null, L('xlsx-note-deadline', { date: sayDate(report.result_date), deadline: sayDate(report.appeal.deadline), days: report.appeal.file_within_days }), null],
    // Cells hold the exact values and show two decimals, so a total can differ from the sum of what is shown.
    [null, null, L('xlsx-note-rounding'), null],
    ...(report.adjustments.length === 0 ? [[null, null, L('xlsx-note-no-adjustments'), null]] : []),
    ...(report.warnings.length === 0 ? [[null, null, L('xlsx-note-no-warnings'), null]] : []),
    // What each column group of the other sheets means, for whoever reads a printed copy without the policy at hand.
    ...(['intro', 'value', 'target', 'floor', 'score', 'weight', 'contribution', 'total', 'grades', 'bonus', 'actions'] as const).map((part) => [null, null, L(`xlsx-explain-${part}`), null]),
    ...report.notes.map((n) => [null, null, n.message, n.code]),
    ...ordered.flatMap((p) => p.notes.map((n) => [p.id, p.name, n.message, n.code] as Value[])),
  ];
  table(L('xlsx-sheet-notes'), [{ header: L('xlsx-staff-id') }, { header: L('xlsx-name') }, { header: L('xlsx-message'), width: 90 }, { header: L('xlsx-code'), width: 16, quiet: true }], noteRows, { freezeColumns: 2, fit: true });

  if (report.adjustments.length > 0) {
    // A corrected KPI value in its KPI's unit (a percentage as percent), a rating as a score.
    const corrected = (a: (typeof report.adjustments)[number], value: number | null | undefined): Value => {
      if (value === null || value === undefined) return null;
      if (a.kind === 'override_rating') return { value, format: SCORE };
      const unit = policy.kpis.find((k) => k.id === a.kpi)?.unit ?? 'number';
      return { value: inUnit(unit, value)!, format: valueFormat(unit) };
    };
    const adjustmentRows = report.adjustments.map((a) => [
      a.appeal,
      L(`adjustment-kind-${a.kind.replace(/_/g, '-')}` as MessageCode),
      a.staff_id,
      a.staff_name,
      a.ticket_id ?? (a.kpi ? policy.kpis.find((k) => k.id === a.kpi)?.name ?? a.kpi : null) ?? a.item ?? null,
      dateCell(a.month),
      a.kind === 'override_kpi' ? corrected(a, a.original_value) : a.kind === 'override_rating' ? corrected(a, a.original_score) : null,
      a.kind === 'override_kpi' ? corrected(a, a.value) : a.kind === 'override_rating' ? corrected(a, a.score) : list(a.kpis ?? []) || null,
      a.reason,
      a.approved_by,
      dateCell(a.approved_on),
    ]);
    table(
      L('xlsx-sheet-adjustments'),
      [
        { header: L('xlsx-appeal') },
        { header: L('xlsx-kind') },
        { header: L('xlsx-staff-id') },
        { header: L('xlsx-name') },
        { header: L('xlsx-subject') },
        { header: L('xlsx-month') },
        { header: L('xlsx-before') },
        // A ticket left out of many KPIs names them all: wrapped, not one long line.
        { header: L('xlsx-after'), width: 30 },
        { header: L('xlsx-reason'), width: 36 },
        { header: L('xlsx-approved-by') },
        { header: L('xlsx-approved-on') },
      ],
      adjustmentRows,
      { freezeColumns: 1, fit: true },
    );
  }

  if (report.warnings.length > 0) {
    const warningRows = report.warnings.map((w) => [w.file, w.row, w.column, w.value, w.message, w.code]);
    table(
      L('xlsx-sheet-warnings'),
      [{ header: L('xlsx-file') }, { header: L('xlsx-row') }, { header: L('xlsx-column') }, { header: L('xlsx-value') }, { header: L('xlsx-message'), width: 90 }, { header: L('xlsx-code'), width: 16, quiet: true }],
      warningRows,
      { freezeColumns: 1, fit: true },
    );
  }

  // ── charts, last: a sheet of pictures after the tables they are drawn from ──
  const charts = chartsSheet();

  const buffer = await workbook.xlsx.writeBuffer();
  const withBreaks = addColumnBreaks(new Uint8Array(buffer as ArrayBuffer), breaks);
  return addSheetCharts(withBreaks, charts.id, charts.name, charts.charts, CHART_FONTS);

  /**
   * The charts sheet: on the left the figures (grades against the quota, then each KPI's
   * team medians against the target) as cells, on the right a native chart of each table
   * that points at those cells. Printed one page wide.
   */
  function chartsSheet(): { id: number; name: string; charts: XlsxChart[] } {
    const name = sheetName(L('xlsx-sheet-charts'), taken);
    // The title rows (trial mark, title, what the charts show) stay in view and print on every page, as on the other sheets.
    const heading = (banner ? 1 : 0) + 2;
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: heading, showGridLines: false }] });
    const TABLE_COLUMNS = 5;
    let row = 1;
    if (banner) addLine(sheet, row++, banner, TABLE_COLUMNS + 10, { bold: true, size: 12, color: { argb: 'FFC00000' } });
    addLine(sheet, row++, title, TABLE_COLUMNS + 10, { bold: true, size: 14 });
    const note = sheet.getRow(row++).getCell(1);
    note.value = L('xlsx-charts-note');
    note.font = { size: 9, color: { argb: 'FF595959' } };
    row++;
    [14, 12, 12, 11, 11].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    sheet.getColumn(TABLE_COLUMNS + 1).width = 3;
    const header = (r: number, labels: readonly string[]) => {
      labels.forEach((label, i) => {
        const cell = sheet.getRow(r).getCell(i + 1);
        cell.value = label;
        cell.font = { bold: true };
        cell.fill = HEADER_FILL;
        cell.border = BORDER;
        cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      });
    };
    const put = (r: number, c: number, value: Value, format?: string) => {
      const cell = sheet.getRow(r).getCell(c);
      setCell(cell, value, format);
      cell.border = BORDER;
    };
    const col = (c: number) => String.fromCharCode(64 + c);
    const range = (c: number, first: number, last: number) => `$${col(c)}$${first}:$${col(c)}$${last}`;
    const cellRef = (c: number, r: number) => `$${col(c)}$${r}`;
    /** A chart beside its table: from the column after the gap, as high as 16 rows or the table. */
    const anchor = (top: number, rows: number) => ({ fromColumn: TABLE_COLUMNS + 1, fromRow: top - 1, toColumn: TABLE_COLUMNS + 11, toRow: top - 1 + Math.max(16, rows) });
    const made: XlsxChart[] = [];

    // Grades: count, share of those assessed, quota.
    const grades = gradeDistribution(report);
    const quota = grades.some((g) => g.quota !== null);
    const top = row;
    header(row, [L('xlsx-chart-grade'), L('xlsx-chart-grade-label'), L('xlsx-chart-count'), L('xlsx-chart-share'), ...(quota ? [L('xlsx-chart-quota')] : [])]);
    const first = row + 1;
    for (const g of grades) {
      row++;
      put(row, 1, g.grade);
      put(row, 2, g.label);
      put(row, 3, g.count, RANK);
      put(row, 4, g.share, '0.0%');
      if (quota) put(row, 5, g.quota, '0%');
    }
    const last = row;
    const categories = { ref: range(1, first, last), texts: grades.map((g) => g.grade) };
    made.push({
      title: L(quota ? 'xlsx-chart-grades-title' : 'xlsx-chart-grades-title-plain'),
      categories,
      series: [
        { kind: 'bar', name: { ref: cellRef(4, top), text: L('xlsx-chart-share') }, values: { ref: range(4, first, last), numbers: grades.map((g) => g.share), format: '0%' }, colour: '4F6FC4', labels: true },
        ...(quota ? [{ kind: 'bar' as const, name: { ref: cellRef(5, top), text: L('xlsx-chart-quota') }, values: { ref: range(5, first, last), numbers: grades.map((g) => g.quota), format: '0%' }, colour: 'B7BCC6', labels: true }] : []),
      ],
      axisFormat: '0%',
      fromZero: true,
      anchor: anchor(top, last - top + 2),
    });
    row = top + Math.max(17, last - top + 3);

    // Each KPI: its team medians against the target. Two blocks to a printed page, none cut in two.
    for (const [index, { id, rows }] of teamKpiMedians(report, policy).entries()) {
      const kpi = policy.kpis.find((k) => k.id === id)!;
      const format = valueFormat(kpi.unit);
      if (index % 2 === 1) sheet.getRow(row - 1).addPageBreak();
      const blockTop = row;
      const label = sheet.getRow(row).getCell(1);
      label.value = L('xlsx-chart-kpi-block', { kpi: kpi.name, unit: unitOf(kpi) });
      label.font = { bold: true };
      row++;
      const head = row;
      header(row, [L('xlsx-team'), L('xlsx-chart-median'), L('xlsx-target'), L('xlsx-chart-count')]);
      const from = row + 1;
      for (const r of rows) {
        row++;
        put(row, 1, r.team === '' ? L('xlsx-chart-no-team') : r.team);
        put(row, 2, inUnit(kpi.unit, r.median), format);
        put(row, 3, inUnit(kpi.unit, r.target), format);
        put(row, 4, r.people, RANK);
      }
      const to = row;
      made.push({
        title: L('xlsx-chart-kpi-title', { kpi: kpi.name }),
        categories: { ref: range(1, from, to), texts: rows.map((r) => (r.team === '' ? L('xlsx-chart-no-team') : r.team)) },
        series: [
          { kind: 'bar', name: { ref: cellRef(2, head), text: L('xlsx-chart-median') }, values: { ref: range(2, from, to), numbers: rows.map((r) => inUnit(kpi.unit, r.median)), format }, colour: '4F6FC4', labels: true },
          { kind: 'line', name: { ref: cellRef(3, head), text: L('xlsx-target') }, values: { ref: range(3, from, to), numbers: rows.map((r) => inUnit(kpi.unit, r.target)), format }, colour: 'C8423B' },
        ],
        axisFormat: kpi.unit === 'percent' ? '0%' : 'General',
        fromZero: kpi.unit !== 'percent',
        anchor: anchor(blockTop, to - blockTop + 1),
      });
      row = blockTop + Math.max(17, to - blockTop + 2);
    }
    sheet.headerFooter = { oddHeader: headerFooter.header, oddFooter: headerFooter.footer };
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: 9,
      orientation: 'landscape',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${heading}`,
    };
    return { id: sheet.id, name, charts: made };
  }
}

/** Chart text: Calibri (the workbook's font) for Latin, 微软雅黑 for Chinese — where it is missing, each application picks its own CJK sans. */
const CHART_FONTS = { latin: 'Calibri', eastAsian: 'Microsoft YaHei' } as const;
