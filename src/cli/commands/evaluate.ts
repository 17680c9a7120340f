// `aspm evaluate POLICY --tickets FILE [--roster FILE] [--ratings FILE] [--metrics FILE]
//  --period PERIOD -o report.json`: reads the exports and writes KPI values per person.
// (Part 1 of the evaluation; scoring, grades and notices build on its result.)
import { AspmError, type Diagnostic } from '../../errors.js';
import { evaluateFiles, type Evaluation } from '../../evaluate/evaluate-files.js';
import type { InputKind } from '../../evaluate/report.js';
import { buildReport } from '../../evaluate/report.js';
import { t } from '../../i18n/catalogue.js';
import { formatDiagnostic } from '../../i18n/format-diagnostic.js';
import type { Language } from '../../i18n/language.js';
import { checkTargets, writeOutputs } from '../../io/write-output.js';
import { readPolicy } from '../../policy/load-policy.js';
import type { TextSink } from '../context.js';
import type { CommandDefinition } from './command.js';

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
}

/** Warnings printed per code before the rest are only counted (the report has them all). */
const PRINTED_PER_CODE = 20;

export const evaluateCommand: CommandDefinition = {
  name: 'evaluate',
  register(command, { io, language }) {
    command
      .description(t(language, 'cmd-evaluate'))
      .argument('<policy>', t(language, 'arg-policy'))
      .requiredOption('--tickets <file>', t(language, 'opt-tickets'))
      .option('--roster <file>', t(language, 'opt-roster'))
      .option('--ratings <file>', t(language, 'opt-ratings'))
      .option('--metrics <file>', t(language, 'opt-metrics'))
      .requiredOption('--period <period>', t(language, 'opt-period'))
      .requiredOption('-o, --output <file>', t(language, 'opt-report'))
      .option('--sheet <name>', t(language, 'opt-sheet'))
      .option('--encoding <encoding>', t(language, 'opt-encoding'))
      .option('--strict', t(language, 'opt-strict'))
      .option('--force', t(language, 'opt-force'))
      .action(async (policyPath: string, options: EvaluateOptions) => {
        const loaded = await readPolicy(policyPath);
        if (!loaded.ok) throw new AspmError('policy-invalid', { file: policyPath }, { diagnostics: loaded.diagnostics });
        for (const d of loaded.diagnostics) io.stderr.write(formatDiagnostic(d, language) + '\n');
        // Refuse an existing report before reading a million rows, not after.
        await checkTargets([options.output], { force: options.force ?? false });
        const progress = progressBar(io.stderr, language);
        let evaluation: Evaluation;
        try {
          evaluation = await evaluateFiles({
            policy: loaded.value,
            period: options.period,
            tickets: options.tickets,
            ...(options.roster ? { roster: options.roster } : {}),
            ...(options.ratings ? { ratings: options.ratings } : {}),
            ...(options.metrics ? { metrics: options.metrics } : {}),
            ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
            ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
            ...(progress ? { onProgress: progress.update } : {}),
          });
        } finally {
          progress?.clear();
        }
        const { warnings } = evaluation;
        printWarnings(io.stderr, warnings.items, warnings.counts, language, options.strict ?? false);
        if (options.strict && warnings.total > 0) throw new AspmError('evaluate-strict-failed', { count: warnings.total });
        const report = buildReport({
          period: evaluation.period,
          inputs: evaluation.inputs,
          staff: evaluation.staff,
          warnings: warnings.items,
          droppedWarnings: warnings.dropped,
          language,
        });
        await writeOutputs([{ path: options.output, data: JSON.stringify(report, null, 2) + '\n' }], { force: options.force ?? false });
        for (const input of evaluation.inputs) {
          const outside = input.outside_period ? t(language, 'evaluate-outside-period', { count: input.outside_period }) : '';
          io.stderr.write(t(language, 'evaluate-input-summary', { path: input.path, rows: input.rows, used: input.used, skipped: input.skipped, outside }) + '\n');
        }
        const kpis = evaluation.staff.reduce((n, s) => n + s.kpis.length, 0);
        io.stderr.write(t(language, 'evaluate-written', { path: options.output, staff: evaluation.staff.length, kpis, warnings: warnings.total }) + '\n');
      });
  },
};

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
    if (total > shown) sink.write(t(language, 'evaluate-more-warnings', { count: total - shown, code }) + '\n');
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
      sink.write(`\r${t(language, 'progress-reading')} ${path} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(share * 100)}%\x1b[K`);
    },
    clear() {
      if (shown) sink.write('\r\x1b[K');
    },
  };
}
