// The evaluate use case: a policy and the exports in; report.json (and the Excel report, a
// notice and a ticket list per person) written, all or nothing. Every input is read and
// checked before anything is written. It serves `aspm evaluate`, `aspm demo` and the
// library alike, so it never touches process, prompts or a terminal: what the CLI prints
// (warnings as they come, progress, the summary) reaches it through the callbacks and the
// result.

// Every message: a use case's errors and documents may speak any of them.
import '../i18n/all-messages.js';

import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AspmError, usageError, type Diagnostic } from '../errors.js';
import { evaluateFiles, type Evaluation } from '../evaluate/evaluate-files.js';
import { parsePeriod } from '../evaluate/period.js';
import type { InputKind, InputSummary } from '../evaluate/report.js';
import type { Language } from '../i18n/language.js';
import { readSmallFile } from '../io/read-input.js';
import { checkOutputName, checkTargets, writeOutputs, type OutputFile } from '../io/write-output.js';
import { packageInfo } from '../package-root.js';
import { MAX_POLICY_BYTES, parsePolicyBytes } from '../policy/load-policy.js';
import { holidaysPath, readHolidaysFile } from '../policy/holidays-file.js';
import type { Policy } from '../policy/policy.generated.js';
import { readTemplateSet } from '../render/templates.js';
import { buildNotices, type TicketLists } from '../report/render-notice.js';
import type { ScoredReport } from '../scoring/scored-report.js';
import { buildReportXlsx } from '../report/report-xlsx.js';
import { excludedTicketIds, readAdjustments, type LoadedAdjustments } from '../scoring/adjustments.js';
import { readHistory } from '../scoring/history.js';
import { planScoring, scoreEvaluation } from '../scoring/score-evaluation.js';
import { dayIn } from '../tables/time-zone.js';
import { isCalendarDay } from '../text/calendar-day.js';
import { locate } from '../validation/yaml-document.js';

/** What to evaluate and where to write it: the options of `aspm evaluate`, as data. */
export interface EvaluateRequest {
  /** The policy file (YAML). */
  readonly policy: string;
  /** The ticket export (CSV, XLSX or JSON). */
  readonly tickets: string;
  readonly roster?: string;
  readonly ratings?: string;
  readonly metrics?: string;
  /** `2026-09`, `2026-Q3`, `2026`. */
  readonly period: string;
  /** Where report.json goes. */
  readonly output: string;
  /** The Excel report: a path, or true for the report's name with `.xlsx`. */
  readonly xlsx?: string | boolean;
  /** The HTML dashboard (with the history's reports when `history` is given): a path, or true for the report's name with `.html`. */
  readonly html?: string | boolean;
  /** A folder for a notice (.md, .docx) and a ticket list per person. */
  readonly notices?: string;
  /** A folder of templates replacing the built-in notice templates (needs `notices`). */
  readonly templates?: string;
  /** Approved appeals (adjustments YAML). */
  readonly adjustments?: string;
  /** A folder of earlier reports, for rules over consecutive periods. */
  readonly history?: string;
  /** The result date printed on the report and the notices, YYYY-MM-DD (default: today in the policy's time zone). */
  readonly date?: string;
  /** XLSX sheet of the tickets file. */
  readonly sheet?: string;
  /** Encoding of the tickets file, instead of detecting it. */
  readonly encoding?: string;
  /** Any warning about the data fails the run (nothing is written). */
  readonly strict?: boolean;
  /** Replace existing outputs. */
  readonly force?: boolean;
  /** Language of the report's messages and of the Excel report. */
  readonly language: Language;
}

/** The warnings about the data: those kept in full, and the number per code of all of them. */
export interface DataWarnings {
  readonly items: readonly Diagnostic[];
  readonly counts: ReadonlyMap<string, number>;
  readonly total: number;
}

/** Callbacks for a caller that shows the work as it goes; all optional. */
export interface EvaluateOptions {
  /** The clock, for the default result date. */
  readonly now?: () => Date;
  /** The policy's warnings, once it has loaded. */
  readonly onPolicyWarnings?: (diagnostics: readonly Diagnostic[]) => void;
  /** Reading progress per input file (bytes or rows done of total). */
  readonly onProgress?: (kind: InputKind, path: string, done: number, total: number) => void;
  /** Reading has ended (called even when it failed): a progress display can be cleared. */
  readonly onReadEnd?: () => void;
  /** The data's warnings, before `strict` turns them into a failure. */
  readonly onDataWarnings?: (warnings: DataWarnings) => void;
}

/** What was evaluated and written. */
export interface EvaluateResult {
  readonly report: ScoredReport;
  readonly policy: Policy;
  readonly policyWarnings: readonly Diagnostic[];
  readonly warnings: DataWarnings;
  /** Each input read: rows, rows used, why the others were not, which column gave each field. */
  readonly inputs: readonly InputSummary[];
  /** People evaluated and KPI values computed. */
  readonly staff: number;
  readonly kpis: number;
  readonly written: {
    readonly report: string;
    readonly xlsx?: string;
    readonly html?: string;
    /** The notices' folder, the number of notices (one per person) and of ticket lists. */
    /** `chartsWithoutFont`: no CJK font was found, so the Word notices describe their charts in words instead of showing them. */
    readonly notices?: { readonly dir: string; readonly count: number; readonly ticketLists: number; readonly chartsWithoutFont: boolean };
    /** Temporaries of an earlier, killed run that were removed. */
    readonly staleRemoved: readonly string[];
  };
}

/** `report.json` → `report.xlsx`; any other name gets `.xlsx` appended. */
export function xlsxPathFor(output: string): string {
  return /\.json$/i.test(output) ? output.replace(/\.json$/i, '.xlsx') : `${output}.xlsx`;
}

/** `report.json` → `report.html`; any other name gets `.html` appended. */
export function htmlPathFor(output: string): string {
  return /\.json$/i.test(output) ? output.replace(/\.json$/i, '.html') : `${output}.html`;
}

/**
 * Evaluates a policy over the exports of one period and writes the report (and the Excel
 * report and notices when asked). User-fixable problems throw an AspmError (exit code 1, or
 * 2 for a request that contradicts itself); nothing is written unless everything succeeds.
 */
export async function evaluatePolicy(request: EvaluateRequest, options: EvaluateOptions = {}): Promise<EvaluateResult> {
  const policyPath = request.policy;
  const policyBytes = await readSmallFile(policyPath, MAX_POLICY_BYTES);
  if (!policyBytes.ok) throw new AspmError('policy-invalid', { file: policyPath }, { diagnostics: [policyBytes.diagnostic] });
  const loaded = parsePolicyBytes(policyBytes.bytes, policyPath);
  if (!loaded.ok) throw new AspmError('policy-invalid', { file: policyPath }, { diagnostics: loaded.diagnostics });
  const holidays = await readHolidaysFile(loaded.value, policyPath, loaded.source);
  if (holidays && !holidays.ok) throw new AspmError('policy-invalid', { file: policyPath }, { diagnostics: holidays.diagnostics });
  options.onPolicyWarnings?.(loaded.diagnostics);
  const policy = loaded.value;
  const period = parsePeriod(request.period, policy.meta.timezone);
  const plan = planScoring(policy, period);
  if (request.date !== undefined && !isCalendarDay(request.date)) throw usageError('date-invalid', { value: request.date });
  const now = options.now ?? (() => new Date());
  const resultDate = request.date ?? dayIn(now(), policy.meta.timezone);
  const xlsxPath = request.xlsx === true ? xlsxPathFor(request.output) : typeof request.xlsx === 'string' ? request.xlsx : undefined;
  if (xlsxPath !== undefined && resolve(xlsxPath) === resolve(request.output)) throw usageError('xlsx-same-as-report', { path: xlsxPath });
  const htmlPath = request.html === true ? htmlPathFor(request.output) : typeof request.html === 'string' ? request.html : undefined;
  if (htmlPath !== undefined && [request.output, xlsxPath].some((p) => p !== undefined && resolve(p) === resolve(htmlPath))) throw usageError('html-same-as-output', { path: htmlPath });
  // Refuse an existing report before reading a million rows, not after.
  const targets = [request.output, ...(xlsxPath ? [xlsxPath] : []), ...(htmlPath ? [htmlPath] : [])];
  // The files read are never outputs, even with --force (a report over the export…).
  const holidaysFile = policy.evaluation.holidays_file === undefined ? undefined : holidaysPath(policyPath, policy.evaluation.holidays_file);
  const inputs = [policyPath, holidaysFile, request.tickets, request.roster, request.ratings, request.metrics, request.adjustments].filter((p): p is string => p !== undefined);
  if (request.templates !== undefined && request.notices === undefined) throw usageError('templates-without-notices');
  if (request.sheet !== undefined && !/\.xlsx$/i.test(request.tickets)) throw usageError('sheet-without-workbook', { path: request.tickets });
  const force = request.force ?? false;
  await checkTargets(targets, { force, inputs });
  let adjustments: LoadedAdjustments | undefined;
  if (request.adjustments) {
    const read = await readAdjustments(request.adjustments, { policy, periodId: period.id, months: plan.months });
    if (!read.ok) {
      const errors = read.diagnostics.filter((d) => d.severity === 'error').length;
      throw new AspmError('adjustments-invalid', { file: request.adjustments, count: errors }, { diagnostics: read.diagnostics });
    }
    adjustments = { file: request.adjustments, items: read.value.adjustments, source: read.source };
  }
  const history = request.history
    ? await readHistory(request.history, { company: policy.meta.company, title: policy.meta.title, grades: policy.grades.bands.map((b) => b.grade), effectiveDate: policy.meta.effective_date })
    : { reports: [], otherPolicies: [] };
  // The dashboard draws from whole reports, read now so that one it cannot show stops the
  // run before the exports are read. Loaded only for --html: the report schema's validator
  // and the chart library are large.
  const dashboard = htmlPath !== undefined ? await import('./write-dashboard.js') : undefined;
  const dashboardHistory = dashboard && request.history ? await dashboard.readDashboardHistory(request.history) : [];
  // The notices are in the policy's language, like the policy document.
  const templates = request.notices !== undefined ? await readTemplateSet(policy.meta.language, request.templates) : undefined;
  if (request.notices !== undefined) await checkNoticeFolder(request.notices);
  let evaluation: Evaluation;
  try {
    evaluation = await evaluateFiles({
      policy,
      period: request.period,
      slices: plan.months,
      ...(adjustments ? { excludeTickets: excludedTicketIds(adjustments) } : {}),
      tickets: request.tickets,
      ...(request.roster ? { roster: request.roster } : {}),
      ...(request.ratings ? { ratings: request.ratings } : {}),
      ...(request.metrics ? { metrics: request.metrics } : {}),
      ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
      ...(request.encoding !== undefined ? { encoding: request.encoding } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(holidays ? { holidays: holidays.value } : {}),
      // Each notice comes with the person's ticket list.
      ...(request.notices !== undefined ? { ticketDetails: true } : {}),
      locatePolicy: (path) => locate(loaded.source, path),
    });
  } finally {
    options.onReadEnd?.();
  }
  const { warnings } = evaluation;
  options.onDataWarnings?.(warnings);
  if (request.strict && warnings.total > 0) throw new AspmError('evaluate-strict-failed', { count: warnings.total });
  const report = scoreEvaluation({
    policy,
    policyFile: { path: policyPath, sha256: createHash('sha256').update(policyBytes.bytes).digest('hex') },
    evaluation,
    ...(adjustments ? { adjustments } : {}),
    history: history.reports,
    historyOtherPolicies: history.otherPolicies,
    resultDate,
    language: request.language,
    toolVersion: packageInfo().version,
  });
  // A report in which no one has a result is a failed run, not a result to publish.
  if (report.staff.every((s) => s.status === 'not_assessed')) {
    const tickets = evaluation.inputs.find((i) => i.kind === 'tickets')!;
    throw new AspmError('evaluate-nobody-assessed', { staff: report.staff.length, rows: tickets.rows, used: tickets.used });
  }
  const files: OutputFile[] = [{ path: request.output, data: JSON.stringify(report, null, 2) + '\n' }];
  if (xlsxPath) files.push({ path: xlsxPath, data: await buildReportXlsx({ report, policy, language: request.language }) });
  // In the policy's language, like the notices: the page is read by the department. With
  // the policy at hand, its goals chapter too (a report does not carry it).
  if (dashboard && htmlPath) files.push({ path: htmlPath, data: await dashboard.dashboardOfRun(report, dashboardHistory, { goals: policy.goals ?? [] }) });
  let chartsWithoutFont = false;
  const writing = { force, inputs: [...inputs, ...dashboardHistory.map((r) => r.path)] };
  // A notice that exists (without --force) is refused before the notices are drawn, as the
  // report is before the tickets are read; writeOutputs checks every file again.
  const notices =
    templates && request.notices !== undefined
      ? await buildNotices(report, policy, templates, request.notices, ticketLists(evaluation), {
          onFontMissing: () => (chartsWithoutFont = true),
          beforeDrawing: (paths) => checkTargets(paths, writing),
        })
      : [];
  // All or nothing; missing folders (reports/, the notices' folder) are created.
  const written = await writeOutputs([...files, ...notices], writing);
  return {
    report,
    policy,
    policyWarnings: loaded.diagnostics,
    warnings,
    inputs: evaluation.inputs,
    staff: evaluation.staff.length,
    kpis: evaluation.staff.reduce((n, s) => n + s.kpis.length, 0),
    written: {
      report: request.output,
      ...(xlsxPath ? { xlsx: xlsxPath } : {}),
      ...(htmlPath ? { html: htmlPath } : {}),
      ...(request.notices !== undefined ? { notices: { dir: request.notices, count: report.staff.length, ticketLists: notices.filter((f) => f.path.endsWith('.tickets.csv')).length, chartsWithoutFont } } : {}),
      staleRemoved: written.staleRemoved,
    },
  };
}

/** The tickets that counted for each person of the evaluation, for their ticket lists. */
function ticketLists(evaluation: Evaluation): TicketLists {
  const { details } = evaluation;
  const byMember = details.indexesByPerson();
  return { plan: evaluation.plan, detailsOf: (index) => (byMember.get(evaluation.staff[index]!.member.index) ?? []).map((i) => details.at(i)) };
}

/** The notices' folder may exist (as a folder) or be created; a file there is a mistake. */
async function checkNoticeFolder(dir: string): Promise<void> {
  // A folder name too long for the file system: a usage error now, not after the scoring.
  checkOutputName(join(dir, 'notice.md'));
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new AspmError('notices-not-a-folder', { path: dir });
}
