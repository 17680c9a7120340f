// `aspm evaluate POLICY --tickets FILE [--roster FILE] [--ratings FILE] [--metrics FILE]
//  --period PERIOD -o report.json [--xlsx [FILE]] [--html [FILE]] [--adjustments FILE] [--history DIR]
//  [--date YYYY-MM-DD]`: reads the exports, computes every KPI per person, scores them as
// the policy says, and writes the JSON report (and the Excel report) and a summary.
// The work is the use case's (src/app/evaluate-policy.ts); this edge parses the options,
// shows progress and warnings on stderr and the summary on stdout.
import type { EvaluateRequest } from '../../app/evaluate-policy.js';
import type { Diagnostic } from '../../errors.js';
import type { InputKind } from '../../evaluate/report.js';
import { t } from '../../i18n/catalogue.js';
import { formatDiagnostic } from '../../i18n/format-diagnostic.js';
import type { Language } from '../../i18n/language.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import type { TextSink } from '../context.js';
import { once } from '../single-value.js';
import type { CommandDefinition } from './command.js';

/** The command's options as commander gives them: the use case's request, less what the command adds. */
type EvaluateCommandOptions = Omit<EvaluateRequest, 'policy' | 'language'>;

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
      .option('--html [file]', t(language, 'opt-html'))
      .option('--notices <dir>', t(language, 'opt-notices'), once('--notices'))
      .option('--templates <dir>', t(language, 'opt-notice-templates'), once('--templates'))
      .option('--adjustments <file>', t(language, 'opt-adjustments'), once('--adjustments'))
      .option('--history <dir>', t(language, 'opt-history'), once('--history'))
      .option('--date <date>', t(language, 'opt-date'), once('--date'))
      .option('--strict', t(language, 'opt-strict'))
      .option('--force', t(language, 'opt-force'))
      .action(async (policyPath: string, options: EvaluateCommandOptions) => {
        // Loaded here, not at the top: `aspm --help` must not load exceljs, docx and the readers.
        const { evaluatePolicy } = await import('../../app/evaluate-policy.js');
        const strict = options.strict ?? false;
        const progress = progressBar(io.stderr, language);
        const result = await evaluatePolicy(
          { ...options, policy: policyPath, language },
          {
            now: () => io.now(),
            onPolicyWarnings: (diagnostics) => {
              for (const d of diagnostics) io.stderr.write(formatDiagnostic(d, language) + '\n');
            },
            ...(progress ? { onProgress: progress.update, onReadEnd: progress.clear } : {}),
            onDataWarnings: (warnings) => printEvaluationWarnings(io.stderr, warnings.items, warnings.counts, language, strict),
          },
        );
        const { written } = result;
        if (written.staleRemoved.length > 0) io.stderr.write(terminalSafe(t(language, 'stale-temporaries-removed', { count: written.staleRemoved.length, paths: written.staleRemoved.join(', ') })) + '\n');
        for (const input of result.inputs) {
          if (input.kind === 'holidays') {
            // Days, not rows, and no columns: a holidays file is not a table of records.
            io.stderr.write(terminalSafe(t(language, 'evaluate-input-holidays', { path: input.path, days: input.rows })) + '\n');
            continue;
          }
          const more =
            (input.skipped ? t(language, 'evaluate-skipped', { count: input.skipped }) : '') +
            (input.outside_period ? t(language, 'evaluate-outside-period', { count: input.outside_period }) : '') +
            (input.not_counted ? t(language, 'evaluate-not-counted', { count: input.not_counted }) : '') +
            (input.superseded ? t(language, 'evaluate-superseded', { count: input.superseded }) : '');
          io.stderr.write(terminalSafe(t(language, 'evaluate-input-summary', { path: input.path, rows: input.rows, used: input.used, more })) + '\n');
          // Which column each field came from: a column matched by name but holding something else shows here.
          io.stderr.write(terminalSafe(t(language, 'evaluate-input-columns', { columns: input.columns })) + '\n');
        }
        io.stderr.write(terminalSafe(t(language, 'evaluate-written', { path: written.report, staff: result.staff, kpis: result.kpis, warnings: result.warnings.total })) + '\n');
        if (written.xlsx) io.stderr.write(terminalSafe(t(language, 'result-written', { paths: [written.xlsx] })) + '\n');
        if (written.html) io.stderr.write(terminalSafe(t(language, 'result-written', { paths: [written.html] })) + '\n');
        if (written.notices) io.stderr.write(terminalSafe(t(language, 'notices-written', { count: written.notices.count, lists: written.notices.ticketLists, dir: written.notices.dir })) + '\n');
        if (written.notices?.chartsWithoutFont) io.stderr.write(terminalSafe(t(language, 'notice-charts-no-cjk-font')) + '\n');
        const { renderSummary } = await import('../../report/render-summary.js');
        io.stdout.write(renderSummary(result.report, result.policy, language));
      });
  },
};

/** The data's warnings, at most PRINTED_PER_CODE of each code, then how many more there were. */
export function printEvaluationWarnings(sink: TextSink, items: readonly Diagnostic[], counts: ReadonlyMap<string, number>, language: Language, strict: boolean): void {
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
