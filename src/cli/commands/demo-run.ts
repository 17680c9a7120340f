// The demo's run (see demo.ts): the folder, the sample data, the steps as functions, and
// what it says at the end. Loaded only when `aspm demo` runs.
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { AspmError, isAspmError, type Diagnostic } from '../../errors.js';
import { buildDemoData, DEMO_MONTHS, DEMO_QUARTER_ID, DEMO_RESULT_DATE, demoAdjustmentsYaml, demoAnswersYaml, type DemoData } from '../../demo/demo-data.js';
import { t, type MessageCode } from '../../i18n/catalogue.js';
import { formatDiagnostic } from '../../i18n/format-diagnostic.js';
import type { Language } from '../../i18n/language.js';
import { trackTemporary } from '../../io/pending-temporaries.js';
import { checkTargets, writeOutputs } from '../../io/write-output.js';
import { writeMetricsCsv, writeRatingsCsv, writeRosterCsv, writeTicketsCsv, writeTicketsXlsx } from '../../sample-data/write-sample-data.js';
import type { CommandContext, TextSink } from '../context.js';
import { formatAspmError } from '../failure.js';
import { printEvaluationWarnings } from './evaluate.js';
import { ASPM_COMMAND } from '../../wizard/next-steps.js';
import { schemaBeside, schemaRefBeside } from '../../app/schema-files.js';

export interface DemoOptions {
  readonly lang?: Language;
  readonly force?: boolean;
}

/** File names in the data folder, in the language of the data. */
const NAMES: Readonly<Record<Language, Record<'roster' | 'tickets' | 'ratings' | 'metrics' | 'adjustments', string>>> = {
  'zh-CN': { roster: '人员名单.csv', tickets: '工单导出-2026Q3', ratings: '评价', metrics: '奖惩记录', adjustments: '申诉调整-2026-09.yaml' },
  en: { roster: 'roster.csv', tickets: 'tickets-2026Q3', ratings: 'ratings', metrics: 'metrics', adjustments: 'adjustments-2026-09.yaml' },
};

export async function runDemo(dir: string, options: DemoOptions, context: CommandContext): Promise<void> {
  const { io, language } = context;
  const policyLanguage = options.lang ?? language;
  const created = await prepareFolder(dir, options.force ?? false);
  const folder = created ? trackTemporary(dir) : undefined;
  try {
    const made = await buildDemo(dir, policyLanguage, options.force ?? false, context);
    folder?.keep();
    io.stdout.write(demoSummary(dir, made, language) + '\n');
  } catch (caught) {
    await folder?.discard();
    throw caught;
  }
}

/** True when the folder is new (or was empty), so that a failed demo may remove it. */
async function prepareFolder(dir: string, force: boolean): Promise<boolean> {
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new AspmError('demo-not-a-folder', { path: dir });
  const entries = info ? await readdir(dir) : [];
  if (entries.length > 0 && !force) throw new AspmError('demo-folder-not-empty', { path: dir, count: entries.length });
  try {
    await mkdir(dir, { recursive: true });
  } catch (cause) {
    throw new AspmError('write-failed', { path: dir, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) }, { cause });
  }
  return entries.length === 0;
}

interface DemoMade {
  readonly staff: number;
  readonly tickets: number;
  readonly reports: string;
  /** The quarter's dashboard (HTML). */
  readonly dashboard: string;
  /** What `aspm evaluate` printed for the last month: grades, top and bottom, warnings. */
  readonly summary: string;
}

async function buildDemo(dir: string, language: Language, force: boolean, context: CommandContext): Promise<DemoMade> {
  // Loaded when the demo runs, not when the program lists its commands.
  const { evaluatePolicy } = await import('../../app/evaluate-policy.js');
  const { renderSummary } = await import('../../report/render-summary.js');
  const at = (...parts: string[]) => join(dir, ...parts);
  const policyPath = at('policy.yaml');
  // The policy takes effect before the quarter it scores, as a real one would: dated from
  // today (init's default) the demo would be a trial run. init's warning about a date in the
  // past is expected here and not shown.
  const answersPath = at('answers.yaml');
  const answersSchema = await schemaBeside(answersPath, 'answers', force);
  await writeOutputs([{ path: answersPath, data: demoAnswersYaml(language, schemaRefBeside('answers')) }, ...(answersSchema ? [answersSchema] : [])], { force });
  // The steps speak the policy's language, so that the reports and notices they write
  // match the policy document; the demo's own account is in the user's language.
  await step('init', language, async () => {
    const { draftPolicy } = await import('../../app/draft-policy.js');
    const drafted = await draftPolicy({ output: policyPath, answersFile: answersPath, size: 'medium', language, now: context.io.now(), force });
    await writeOutputs(drafted.files, { force });
  });
  const policy = await step('render', language, () => publish(policyPath, [at('policy.docx'), at('policy.md'), at('policy.html')], force));

  const data = buildDemoData(policy, language);
  const files = await writeData(at('data'), data, language);

  const reports = at('reports');
  const notices = at('notices');
  await mkdir(reports, { recursive: true });
  const common = { policy: policyPath, roster: files.roster, date: DEMO_RESULT_DATE, history: reports, xlsx: true, force, language } as const;
  const evaluate = (request: Omit<Parameters<typeof evaluatePolicy>[0], keyof typeof common>) =>
    step('evaluate', language, (quiet) =>
      evaluatePolicy({ ...request, ...common }, { now: () => context.io.now(), onPolicyWarnings: (diagnostics) => printDiagnostics(quiet, diagnostics, language), onDataWarnings: (warnings) => printEvaluationWarnings(quiet, warnings.items, warnings.counts, language, false) }),
    );
  // The two months before are scored first, as they would have been each month, so that
  // rules over consecutive months (improvement plan after two D) can look back.
  let summary = '';
  for (const month of DEMO_MONTHS) {
    const last = month === DEMO_MONTHS[DEMO_MONTHS.length - 1];
    const result = await evaluate({
      tickets: files.ticketsCsv, ratings: files.ratings(month), metrics: files.metrics(month), period: month, output: join(reports, `${month}.json`),
      ...(last ? { adjustments: files.adjustments, notices: join(notices, month) } : {}),
    });
    if (last) summary = renderSummary(result.report, result.policy, language);
  }
  // The quarter from the Excel export: the same tickets give the same values.
  await evaluate({
    tickets: files.ticketsXlsx, ratings: files.ratings(DEMO_QUARTER_ID), metrics: files.metrics(DEMO_QUARTER_ID),
    period: DEMO_QUARTER_ID, output: join(reports, `${DEMO_QUARTER_ID}.json`), adjustments: files.adjustments, notices: join(notices, DEMO_QUARTER_ID),
    // The quarter's dashboard, its months (the history) beside it.
    html: true,
  });

  return { staff: data.roster.length, tickets: data.tickets.length, reports, dashboard: join(reports, `${DEMO_QUARTER_ID}.html`), summary };
}

/** The policy document as Word, Markdown and HTML, as `aspm render` writes it; returns the policy. */
async function publish(policyPath: string, outputs: readonly string[], force: boolean) {
  const { formatOfPath } = await import('../../render/document-formats.js');
  const { publishPolicy } = await import('../../app/publish-policy.js');
  await checkTargets(outputs, { force, inputs: [policyPath] });
  const published = await publishPolicy({ policy: policyPath, formats: outputs.map((path) => formatOfPath(path)!) });
  await writeOutputs(
    published.documents.map((document, i) => ({ path: outputs[i]!, data: document.data })),
    { force, inputs: [policyPath] },
  );
  return published.policy;
}

interface DataFiles {
  readonly roster: string;
  readonly ticketsCsv: string;
  readonly ticketsXlsx: string;
  readonly adjustments: string;
  ratings(period: string): string;
  metrics(period: string): string;
}

async function writeData(dir: string, data: DemoData, language: Language): Promise<DataFiles> {
  await mkdir(dir, { recursive: true });
  const names = NAMES[language];
  const zh = language === 'zh-CN';
  // What Excel on Chinese Windows saves: GB18030 (GBK) with CRLF; elsewhere UTF-8.
  const style = zh ? ({ language, encoding: 'gb18030', crlf: true } as const) : ({ language } as const);
  const files: DataFiles = {
    roster: join(dir, names.roster),
    ticketsCsv: join(dir, `${names.tickets}.csv`),
    ticketsXlsx: join(dir, `${names.tickets}.xlsx`),
    adjustments: join(dir, names.adjustments),
    ratings: (period) => join(dir, `${names.ratings}-${period.replace('-Q', 'Q')}.csv`),
    metrics: (period) => join(dir, `${names.metrics}-${period.replace('-Q', 'Q')}.csv`),
  };
  await writeRosterCsv(files.roster, data.roster, style);
  await writeTicketsCsv(files.ticketsCsv, data.tickets, style);
  await writeTicketsXlsx(files.ticketsXlsx, data.tickets, language);
  for (const [period, ratings] of data.ratings) await writeRatingsCsv(files.ratings(period), ratings, style);
  for (const [period, rows] of data.metrics) await writeMetricsCsv(files.metrics(period), rows, data.metricsColumns, style);
  const schema = await schemaBeside(files.adjustments, 'adjustments', true);
  await writeOutputs([{ path: files.adjustments, data: demoAdjustmentsYaml(data.appeal, language, schemaRefBeside('adjustments')) }, ...(schema ? [schema] : [])], { force: true });
  return files;
}

/**
 * Runs one step of the demo. What it says (warnings) is kept and shown only if it fails,
 * together with its error, as `aspm <step>` would have printed them.
 */
async function step<T>(name: string, language: Language, run: (quiet: TextSink) => Promise<T>): Promise<T> {
  const said: string[] = [];
  const quiet: TextSink = { write: (text: string) => said.push(text), isTTY: false };
  try {
    return await run(quiet);
  } catch (caught) {
    if (!isAspmError(caught) || caught.code === 'demo-step-failed') throw caught;
    said.push(formatAspmError(caught, language));
    throw new AspmError('demo-step-failed', { step: `aspm ${name}`, code: caught.exitCode, output: said.join('').trim() });
  }
}

function printDiagnostics(sink: TextSink, diagnostics: readonly Diagnostic[], language: Language): void {
  for (const d of diagnostics) sink.write(formatDiagnostic(d, language) + '\n');
}

function demoSummary(dir: string, made: DemoMade, language: Language): string {
  const say = (code: MessageCode, params: Record<string, unknown> = {}) => t(language, code, params);
  const shown = (path: string) => relative(dir, path) || path;
  return [
    made.summary.trimEnd(),
    '',
    say('demo-done', { dir, staff: made.staff, tickets: made.tickets }),
    '',
    say('demo-made-policy', { files: ['answers.yaml', 'policy.yaml', 'policy.docx', 'policy.md', 'policy.html'].join('  ') }),
    say('demo-made-data', { dir: 'data/' }),
    say('demo-made-reports', { months: DEMO_MONTHS.join(language === 'zh-CN' ? '、' : ', '), quarter: DEMO_QUARTER_ID, reports: shown(made.reports) + '/', notices: 'notices/' }),
    '',
    say('demo-open', { xlsx: join(shown(made.reports), `${DEMO_MONTHS[2]}.xlsx`), docx: 'policy.docx' }),
    say('demo-open-dashboard', { html: shown(made.dashboard), quarter: DEMO_QUARTER_ID }),
    '',
    say('demo-your-turn'),
    `  ${ASPM_COMMAND} init -o policy.yaml`,
    `  ${ASPM_COMMAND} render policy.yaml -o policy.docx`,
    `  ${ASPM_COMMAND} evaluate policy.yaml --tickets ${say('demo-your-tickets')} --roster ${say('demo-your-roster')} --ratings ${say('demo-your-ratings')} --period ${DEMO_MONTHS[2]} -o report.json --xlsx --html --notices notices`,
  ].join('\n');
}
