// `report.xlsx` for the manager and HR: a summary sheet (rank, person, each KPI's value and
// score, total, grade, bonus) with a frozen header, filters and number formats; a sheet per
// role with the full breakdown (value, target, floor, score, weight and contribution of
// every KPI, the raters, points, vetoes, grades and actions); and sheets for the notes
// that explain each result, the adjustments and the data warnings. Labels are in the user's language. Text from the data
// (names, reasons, ids) that starts with = + - @ is written as a text cell with the Text
// format, never as a formula: a name like "=HYPERLINK(…)" must stay a name. Builds bytes;
// writing them is the caller's job.
import type ExcelJS from 'exceljs';
import { t, type MessageCode } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { Kpi, Policy } from '../policy/policy.generated.js';
import { joinList } from '../render/document-values.js';
import { displayWidth } from '../text/display-width.js';
import type { ReportKpi, ReportPerson, ScoredReport } from './report-model.js';

type Value = string | number | null;

/** Cells that a spreadsheet would read as a formula if typed in. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

const SCORE = '0.00';
const MONEY = '#,##0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE5F0' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB0B7C3' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function valueFormat(unit: Kpi['unit'] | string): string {
  switch (unit) {
    case 'count':
      return '#,##0.##';
    case 'currency':
      return MONEY;
    default:
      return '0.00';
  }
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
  cell.value = value;
  if (looksLikeFormula(value)) cell.numFmt = '@';
}

/** A sheet with one header row (or two, when `groups` spans headers), data rows, filter and freeze. */
function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly Value[][],
  options: { freezeColumns?: number; groups?: readonly { readonly label: string; readonly span: number }[] } = {},
): ExcelJS.Worksheet {
  const headerRows = options.groups ? 2 : 1;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: options.freezeColumns ?? 0, ySplit: headerRows }],
    // Printed on A4 landscape across as many pages as it takes, each page repeating the
    // header rows and the columns that say who a row is about (fitting 30 columns on one
    // page would make them unreadable).
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `1:${headerRows}`,
      ...(options.freezeColumns ? { printTitlesColumn: `A:${String.fromCharCode(64 + options.freezeColumns)}` } : {}),
    },
  });
  if (options.groups) {
    const top = sheet.getRow(1);
    let c = 1;
    for (const g of options.groups) {
      setCell(top.getCell(c), g.label, undefined);
      if (g.span > 1) sheet.mergeCells(1, c, 1, c + g.span - 1);
      c += g.span;
    }
  }
  const header = sheet.getRow(headerRows);
  columns.forEach((col, i) => setCell(header.getCell(i + 1), col.header, undefined));
  for (let r = 1; r <= headerRows; r++) {
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
    // Numbers: as wide as the numbers, and the header wraps (a KPI name is long, its values short).
    const header = col.format ? Math.min(displayWidth(col.header), 8) : displayWidth(col.header);
    return col.width ?? Math.min(48, Math.max(6, header, data) + 2);
  });
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  /** Lines a text takes in a column of `width` characters. */
  const linesIn = (text: string, width: number) => text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 2))), 0);
  // Spreadsheets do not grow a row for wrapped text they did not lay out themselves.
  const headerLines = Math.max(1, ...columns.map((col, i) => linesIn(col.header, widths[i]!)));
  sheet.getRow(headerRows).height = 15 * Math.min(4, headerLines) + 2;
  const GRADE = /^[A-Za-z][A-Za-z0-9+-]{0,7}$/;
  rows.forEach((values, r) => {
    const row = sheet.getRow(headerRows + 1 + r);
    let lines = 1;
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      setCell(cell, v, columns[c]?.format);
      cell.border = BORDER;
      const wrap = typeof v === 'string' && linesIn(v, widths[c]!) > 1;
      if (wrap) lines = Math.max(lines, linesIn(v, widths[c]!));
      // Grades and short codes read best centred; text wraps within its column.
      cell.alignment = { vertical: 'top', wrapText: wrap, ...(typeof v === 'string' && GRADE.test(v) && !columns[c]?.format && displayWidth(v) <= 2 ? { horizontal: 'center' } : {}) };
    });
    if (lines > 1) row.height = 16 * Math.min(lines, 20) + 2;
  });
  if (columns.length > 0) sheet.autoFilter = { from: { row: headerRows, column: 1 }, to: { row: headerRows + rows.length, column: columns.length } };
  return sheet;
}

function valueText(v: Value, format: string | undefined): string {
  if (v === null) return '';
  if (typeof v === 'number') return format === MONEY ? v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(Math.round(v * 100) / 100);
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
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'aspm';
  // The result date, not the clock: the same inputs give the same workbook properties.
  workbook.created = new Date(`${report.result_date}T00:00:00Z`);
  workbook.modified = workbook.created;
  const taken = new Set<string>();
  const roleName = (id: string) => policy.roles.find((r) => r.id === id)?.name ?? id;
  const roleOrder = (id: string) => policy.roles.findIndex((r) => r.id === id);
  const ordered = [...report.staff].sort(
    (a, b) => roleOrder(a.role) - roleOrder(b.role) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const bonusOf = (p: ReportPerson) => p.outcomes.bonus.amount;
  const list = (items: readonly string[]) => joinList(language, [...items]);
  const actionsOf = (p: ReportPerson) =>
    p.outcomes.actions
      .map((a) => (a.topics && a.topics.length > 0 ? L('notice-action-topics', { name: a.name, topics: list(a.topics) }) : a.deduction_percent ? L('notice-action-deduction', { name: a.name, percent: a.deduction_percent }) : a.name))
      .join(L('xlsx-action-separator'));

  // ── summary ──
  const kpiIds = policy.kpis.filter((k) => report.staff.some((p) => p.kpis.some((x) => x.id === k.id))).map((k) => k.id);
  const kpiOf = (p: ReportPerson, id: string): ReportKpi | undefined => p.kpis.find((k) => k.id === id);
  const summaryColumns: Column[] = [
    { header: L('xlsx-rank') },
    { header: L('xlsx-staff-id') },
    { header: L('xlsx-name') },
    { header: L('xlsx-role') },
    { header: L('xlsx-team') },
    ...kpiIds.flatMap((id) => {
      const kpi = policy.kpis.find((k) => k.id === id)!;
      return [
        { header: L('xlsx-kpi-value', { kpi: kpi.name, unit: L(`xlsx-unit-${kpi.unit}` as MessageCode) }), format: valueFormat(kpi.unit) },
        { header: L('xlsx-kpi-score', { kpi: kpi.name }), format: SCORE },
      ];
    }),
    { header: L('xlsx-quantitative'), format: SCORE },
    { header: L('xlsx-qualitative'), format: SCORE },
    { header: L('xlsx-points'), format: SCORE },
    { header: L('xlsx-total'), format: SCORE },
    { header: L('xlsx-grade-bands') },
    { header: L('xlsx-grade') },
    { header: L('xlsx-bonus'), format: MONEY },
  ];
  const summaryRows = ordered.map((p) => [
    p.rank,
    p.id,
    p.name,
    roleName(p.role),
    p.team,
    ...kpiIds.flatMap((id) => {
      const k = kpiOf(p, id);
      return [k?.value ?? null, k?.score ?? null];
    }),
    p.quantitative.score,
    p.qualitative.score,
    p.points.total,
    p.total_rounded,
    p.grade_by_bands,
    p.grade ?? L('xlsx-not-assessed'),
    bonusOf(p),
  ]);
  addTable(workbook, sheetName(L('xlsx-sheet-summary'), taken), summaryColumns, summaryRows, { freezeColumns: 3 });

  // ── one sheet per role ──
  const distributed = report.grades.forced_distribution !== null;
  for (const role of policy.roles) {
    const people = ordered.filter((p) => p.role === role.id);
    if (people.length === 0) continue;
    const kpis = role.kpis.map((e) => ({ entry: e, kpi: policy.kpis.find((k) => k.id === e.kpi)! }));
    const raters = (role.raters ?? policy.qualitative.raters).map((r) => r.type);
    const lead: Column[] = [{ header: L('xlsx-rank') }, { header: L('xlsx-staff-id') }, { header: L('xlsx-name') }, { header: L('xlsx-team') }];
    const perKpi = (kpi: Kpi): Column[] => [
      { header: L('xlsx-value'), format: valueFormat(kpi.unit) },
      { header: L('xlsx-target'), format: valueFormat(kpi.unit) },
      { header: L('xlsx-floor'), format: valueFormat(kpi.unit) },
      { header: L('xlsx-score'), format: SCORE },
      { header: L('xlsx-weight'), format: SCORE },
      { header: L('xlsx-contribution'), format: SCORE },
    ];
    const tail: Column[] = [
      { header: L('xlsx-quantitative'), format: SCORE },
      ...raters.map((type) => ({ header: L('xlsx-rater-score', { type: L(`score-rater-${type}` as MessageCode) }), format: SCORE })),
      { header: L('xlsx-qualitative'), format: SCORE },
      { header: L('xlsx-points'), format: SCORE },
      { header: L('xlsx-vetoes') },
      { header: L('xlsx-total'), format: SCORE },
      { header: L('xlsx-grade-bands') },
      ...(distributed ? [{ header: L('xlsx-grade-distributed') }] : []),
      { header: L('xlsx-grade') },
      { header: L('xlsx-bonus'), format: MONEY },
      { header: L('xlsx-actions') },
    ];
    const columns = [...lead, ...kpis.flatMap((k) => perKpi(k.kpi)), ...tail];
    const groups = [
      { label: L('xlsx-person'), span: lead.length },
      ...kpis.map((k) => ({ label: L('xlsx-kpi-group', { kpi: k.kpi.name, team: k.entry.scope === 'team' ? L('xlsx-team-scope') : '', weight: k.entry.weight }), span: 6 })),
      { label: L('xlsx-result'), span: tail.length },
    ];
    const rows = people.map((p) => [
      p.rank,
      p.id,
      p.name,
      p.team,
      ...kpis.flatMap(({ entry }) => {
        const k = p.kpis.find((x) => x.id === entry.kpi && x.scope === entry.scope);
        return k ? [k.value, k.target, k.floor, k.score, k.weight, k.contribution] : [null, null, null, null, null, null];
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
    addTable(workbook, sheetName(role.name, taken), columns, rows, { freezeColumns: 3, groups });
  }

  // ── notes, adjustments, warnings ──
  const noteRows: Value[][] = [
    // Cells hold the exact values and show two decimals, so a total can differ from the sum of what is shown.
    [null, null, 'xlsx-note-rounding', L('xlsx-note-rounding')],
    ...report.notes.map((n) => [null, null, n.code, n.message]),
    ...ordered.flatMap((p) => p.notes.map((n) => [p.id, p.name, n.code, n.message] as Value[])),
  ];
  addTable(workbook, sheetName(L('xlsx-sheet-notes'), taken), [{ header: L('xlsx-staff-id') }, { header: L('xlsx-name') }, { header: L('xlsx-code') }, { header: L('xlsx-message'), width: 90 }], noteRows, { freezeColumns: 2 });

  const adjustmentRows = report.adjustments.map((a) => [
    a.appeal,
    L(`adjustment-kind-${a.kind.replace(/_/g, '-')}` as MessageCode),
    a.staff_id,
    a.staff_name,
    a.ticket_id ?? (a.kpi ? policy.kpis.find((k) => k.id === a.kpi)?.name ?? a.kpi : null) ?? a.item ?? null,
    a.month ?? null,
    a.kind === 'override_kpi' ? (a.original_value ?? null) : a.kind === 'override_rating' ? (a.original_score ?? null) : null,
    a.kind === 'override_kpi' ? (a.value ?? null) : a.kind === 'override_rating' ? (a.score ?? null) : list(a.kpis ?? []) || null,
    a.reason,
    a.approved_by,
    a.approved_on,
  ]);
  addTable(
    workbook,
    sheetName(L('xlsx-sheet-adjustments'), taken),
    [
      { header: L('xlsx-appeal') },
      { header: L('xlsx-kind') },
      { header: L('xlsx-staff-id') },
      { header: L('xlsx-name') },
      { header: L('xlsx-subject') },
      { header: L('xlsx-month') },
      { header: L('xlsx-before') },
      { header: L('xlsx-after') },
      { header: L('xlsx-reason'), width: 40 },
      { header: L('xlsx-approved-by') },
      { header: L('xlsx-approved-on') },
    ],
    adjustmentRows,
    { freezeColumns: 1 },
  );

  const warningRows = report.warnings.map((w) => [w.code, w.file, w.row, w.column, w.value, w.message]);
  addTable(
    workbook,
    sheetName(L('xlsx-sheet-warnings'), taken),
    [{ header: L('xlsx-code') }, { header: L('xlsx-file') }, { header: L('xlsx-row') }, { header: L('xlsx-column') }, { header: L('xlsx-value') }, { header: L('xlsx-message'), width: 90 }],
    warningRows,
    { freezeColumns: 1 },
  );

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
