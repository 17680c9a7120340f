// `aspm evaluate POLICY --tickets FILE [--roster FILE] [--ratings FILE] [--metrics FILE]
//  --period PERIOD -o report.json [--xlsx [FILE]] [--adjustments FILE] [--history DIR]
//  [--date YYYY-MM-DD]`: reads the exports, computes every KPI per person, scores them as
// the policy says, and writes the JSON report (and the Excel report) and a summary.
// Every input is read and checked before anything is written.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AspmError, usageError, type Diagnostic } from '../../errors.js';
import { evaluateFiles, type Evaluation } from '../../evaluate/evaluate-files.js';
import { parsePeriod } from '../../evaluate/period.js';
import type { InputKind } from '../../evaluate/report.js';
import { zoneClock } from '../../tables/time-zone.js';
import { t } from '../../i18n/catalogue.js';
import { formatDiagnostic } from '../../i18n/format-diagnostic.js';
import type { Language } from '../../i18n/language.js';
import { readSmallFile } from '../../io/read-input.js';
import { checkOutputName, checkTargets, writeOutputs, type OutputFile } from '../../io/write-output.js';
import { MAX_POLICY_BYTES, parsePolicyBytes } from '../../policy/load-policy.js';
import { packageInfo } from '../../package-root.js';
import { excludedTicketIds, readAdjustments, type LoadedAdjustments } from '../../scoring/adjustments.js';
import { readHistory, type HistoryReport } from '../../scoring/history.js';
import { buildNotices, type TicketLists } from '../../report/render-notice.js';
import { readTemplateSet } from '../../render/templates.js';
import { renderSummary } from '../../report/render-summary.js';
import { buildReportXlsx } from '../../report/report-xlsx.js';
import { planScoring, scoreEvaluation } from '../../scoring/score-evaluation.js';
import type { TextSink } from '../context.js';
import type { CommandDefinition } from './command.js';
import { once } from '../single-value.js';
import { terminalSafe } from '../../text/terminal-safe.js';

export interface EvaluateOptions {
  readonly tickets: string;
  readonly roster?: string;
  readonly ratings?: string;
  readonly metrics?: string;
  readonly period: string;
  readonly output: string;
  readonly sheet?: string;
  readonly encoding?: string;
  readonly strict?: boolean;
  readonly force?: boolean;
  readonly adjustments?: string;
  readonly history?: string;
  readonly date?: string;
  /** true: next to -o with .xlsx. */
  readonly xlsx?: string | boolean;
  readonly notices?: string;
  readonly templates?: string;
}

/** A real calendar day written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** `report.json` → `report.xlsx`; any other name gets `.xlsx` appended. */
export function xlsxPathFor(output: string): string {
  return /\.json$/i.test(output) ? output.replace(/\.json$/i, '.xlsx') : `${output}.xlsx`;
}

/** The tickets that counted for each person of the evaluation, for their ticket lists. */
function ticketLists(evaluation: Evaluation): TicketLists {
  const { details } = evaluation;
  const byMember = details.indexesByPerson();
  return { plan: evaluation.plan, detailsOf: (index) => (byMember.get(evaluation.staff[index]!.member.index) ?? []).map((i) => details.at(i)) };
}

/** Warnings printed per code before the rest are only counted (the report has them all). */
const PRINTED_PER_CODE = 20;

export const evaluateCommand: CommandDefinition = {
  name: 'evaluate',
  register(command, { io, language }) {
    command
      .description(t(language, 'cmd-evaluate'))
      .argument('<policy>', t(language, 'arg-policy'))
      .requiredOption('--tickets <file>', t(language, 'opt-tickets'), once('--tickets'))
      .option('--roster <file>', t(language, 'opt-roster'), once('--roster'))
      .option('--ratings <file>', t(language, 'opt-ratings'), once('--ratings'))
      .option('--metrics <file>', t(language, 'opt-metrics'), once('--metrics'))
      .requiredOption('--period <period>', t(language, 'opt-period'), once('--period'))
      .requiredOption('-o, --output <file>', t(language, 'opt-report'), once('--output'))
      .option('--sheet <name>', t(language, 'opt-sheet'), once('--sheet'))
      .option('--encoding <encoding>', t(language, 'opt-encoding'), once('--encoding'))
      .option('--xlsx [file]', t(language, 'opt-xlsx'))
      .option('--notices <dir>', t(language, 'opt-notices'), once('--notices'))
      .option('--templates <dir>', t(language, 'opt-notice-templates'), once('--templates'))
      .option('--adjustments <file>', t(language, 'opt-adjustments'), once('--adjustments'))
      .option('--history <dir>', t(language, 'opt-history'), once('--history'))
      .option('--date <date>', t(language, 'opt-date'), once('--date'))
      .option('--strict', t(language, 'opt-strict'))
      .option('--force', t(language, 'opt-force'))
      .action(async (policyPath: string, options: EvaluateOptions) => {
        const policyBytes = await readSmallFile(policyPath, MAX_POLICY_BYTES);
        if (!policyBytes.ok) throw new AspmError('policy-invalid', { file: policyPath }, { diagnostics: [policyBytes.diagnostic] });
        const loaded = parsePolicyBytes(policyBytes.bytes, policyPath);
        if (!loaded.ok) throw new AspmError('policy-invalid', { file: policyPath }, { diagnostics: loaded.diagnostics });
        for (const d of loaded.diagnostics) io.stderr.write(formatDiagnostic(d, language) + '\n');
        const policy = loaded.value;
        const period = parsePeriod(options.period, policy.meta.timezone);
        const plan = planScoring(policy, period);
        if (options.date !== undefined && !isCalendarDay(options.date)) throw usageError('date-invalid', { value: options.date });
        const resultDate = options.date ?? new Date(zoneClock(policy.meta.timezone).utcToWall(io.now().getTime())).toISOString().slice(0, 10);
        const xlsxPath = options.xlsx === true ? xlsxPathFor(options.output) : typeof options.xlsx === 'string' ? options.xlsx : undefined;
        if (xlsxPath !== undefined && resolve(xlsxPath) === resolve(options.output)) throw usageError('xlsx-same-as-report', { path: xlsxPath });
        // Refuse an existing report before reading a million rows, not after.
        const targets = [options.output, ...(xlsxPath ? [xlsxPath] : [])];
        // The files read are never outputs, even with --force (a report over the export…).
        const inputs = [policyPath, options.tickets, options.roster, options.ratings, options.metrics, options.adjustments].filter((p): p is string => p !== undefined);
        if (options.templates !== undefined && options.notices === undefined) throw usageError('templates-without-notices');
        if (options.sheet !== undefined && !/\.xlsx$/i.test(options.tickets)) throw usageError('sheet-without-workbook', { path: options.tickets });
        await checkTargets(targets, { force: options.force ?? false, inputs });
        let adjustments: LoadedAdjustments | undefined;
        if (options.adjustments) {
          const read = await readAdjustments(options.adjustments, { policy, periodId: period.id, months: plan.months });
          if (!read.ok) {
            const errors = read.diagnostics.filter((d) => d.severity === 'error').length;
            throw new AspmError('adjustments-invalid', { file: options.adjustments, count: errors }, { diagnostics: read.diagnostics });
          }
          adjustments = { file: options.adjustments, items: read.value.adjustments, source: read.source };
        }
        const historyRead = options.history ? await readHistory(options.history, { company: policy.meta.company, title: policy.meta.title, grades: policy.grades.bands.map((b) => b.grade), effectiveDate: policy.meta.effective_date }) : { reports: [], otherPolicies: [] };
        const history: HistoryReport[] = historyRead.reports;
        // The notices are in the policy's language, like the policy document.
        const templates = options.notices !== undefined ? await readTemplateSet(policy.meta.language, options.templates) : undefined;
        if (options.notices !== undefined) await checkNoticeFolder(options.notices);
        const progress = progressBar(io.stderr, language);
        let evaluation: Evaluation;
        try {
          evaluation = await evaluateFiles({
            policy,
            period: options.period,
            slices: plan.months,
            ...(adjustments ? { excludeTickets: excludedTicketIds(adjustments) } : {}),
            tickets: options.tickets,
            ...(options.roster ? { roster: options.roster } : {}),
            ...(options.ratings ? { ratings: options.ratings } : {}),
            ...(options.metrics ? { metrics: options.metrics } : {}),
            ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
            ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
            ...(progress ? { onProgress: progress.update } : {}),
            // Each notice comes with the person's ticket list.
            ...(options.notices !== undefined ? { ticketDetails: true } : {}),
          });
        } finally {
          progress?.clear();
        }
        const { warnings } = evaluation;
        printWarnings(io.stderr, warnings.items, warnings.counts, language, options.strict ?? false);
        if (options.strict && warnings.total > 0) throw new AspmError('evaluate-strict-failed', { count: warnings.total });
        const report = scoreEvaluation({
          policy,
          policyFile: { path: policyPath, sha256: createHash('sha256').update(policyBytes.bytes).digest('hex') },
          evaluation,
          ...(adjustments ? { adjustments } : {}),
          history,
          historyOtherPolicies: historyRead.otherPolicies,
          resultDate,
          language,
          toolVersion: packageInfo().version,
        });
        // A report in which no one has a result is a failed run, not a result to publish.
        if (report.staff.every((s) => s.status === 'not_assessed')) {
          const tickets = evaluation.inputs.find((i) => i.kind === 'tickets')!;
          throw new AspmError('evaluate-nobody-assessed', { staff: report.staff.length, rows: tickets.rows, used: tickets.used });
        }
        const files: OutputFile[] = [{ path: options.output, data: JSON.stringify(report, null, 2) + '\n' }];
        if (xlsxPath) files.push({ path: xlsxPath, data: await buildReportXlsx({ report, policy, language }) });
        const notices = templates && options.notices !== undefined ? await buildNotices(report, policy, templates, options.notices, ticketLists(evaluation)) : [];
        // All or nothing; missing folders (reports/, the notices' folder) are created.
        const written = await writeOutputs([...files, ...notices], { force: options.force ?? false, inputs });
        if (written.staleRemoved.length > 0) io.stderr.write(terminalSafe(t(language, 'stale-temporaries-removed', { count: written.staleRemoved.length, paths: written.staleRemoved.join(', ') })) + '\n');
        for (const input of evaluation.inputs) {
          const more =
            (input.skipped ? t(language, 'evaluate-skipped', { count: input.skipped }) : '') +
            (input.outside_period ? t(language, 'evaluate-outside-period', { count: input.outside_period }) : '') +
            (input.not_counted ? t(language, 'evaluate-not-counted', { count: input.not_counted }) : '') +
            (input.superseded ? t(language, 'evaluate-superseded', { count: input.superseded }) : '');
          io.stderr.write(terminalSafe(t(language, 'evaluate-input-summary', { path: input.path, rows: input.rows, used: input.used, more })) + '\n');
          // Which column each field came from: a column matched by name but holding something else shows here.
          io.stderr.write(terminalSafe(t(language, 'evaluate-input-columns', { columns: input.columns })) + '\n');
        }
        const kpis = evaluation.staff.reduce((n, s) => n + s.kpis.length, 0);
        io.stderr.write(terminalSafe(t(language, 'evaluate-written', { path: options.output, staff: evaluation.staff.length, kpis, warnings: warnings.total })) + '\n');
        if (xlsxPath) io.stderr.write(terminalSafe(t(language, 'result-written', { paths: [xlsxPath] })) + '\n');
        if (options.notices !== undefined) io.stderr.write(terminalSafe(t(language, 'notices-written', { count: report.staff.length, lists: notices.filter((f) => f.path.endsWith('.tickets.csv')).length, dir: options.notices })) + '\n');
        io.stdout.write(renderSummary(report, policy, language));
      });
  },
};

/** The notices' folder may exist (as a folder) or be created; a file there is a mistake. */
async function checkNoticeFolder(dir: string): Promise<void> {
  // A folder name too long for the file system: a usage error now, not after the scoring.
  checkOutputName(join(dir, 'notice.md'));
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new AspmError('notices-not-a-folder', { path: dir });
}

function printWarnings(sink: TextSink, items: readonly Diagnostic[], counts: ReadonlyMap<string, number>, language: Language, strict: boolean): void {
  const printed = new Map<string, number>();
  for (const d of items) {
    const n = printed.get(d.code) ?? 0;
    printed.set(d.code, n + 1);
    if (n >= PRINTED_PER_CODE) continue;
    sink.write(formatDiagnostic(strict ? { ...d, severity: 'error' } : d, language) + '\n');
  }
  for (const [code, total] of counts) {
    const shown = Math.min(printed.get(code) ?? 0, PRINTED_PER_CODE);
    if (total > shown) sink.write(terminalSafe(t(language, 'evaluate-more-warnings', { count: total - shown, code })) + '\n');
  }
}

/** A one-line progress bar on a terminal, shown only when reading takes more than a moment. */
function progressBar(sink: TextSink, language: Language): { update: (kind: InputKind, path: string, done: number, total: number) => void; clear: () => void } | undefined {
  if (!sink.isTTY) return undefined;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(_kind, path, done, total) {
      const now = Date.now();
      if (now - started < 1000 || now - last < 100) return;
      last = now;
      shown = true;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(share * width);
      sink.write(`\r${t(language, 'progress-reading')} ${terminalSafe(path)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(share * 100)}%\x1b[K`);
    },
    clear() {
      if (shown) sink.write('\r\x1b[K');
    },
  };
}
