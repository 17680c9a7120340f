// `aspm init`: the wizard's edge. Reads the answers file, picks and reads the preset, asks
// what is still open when a terminal is attached (and --yes is not given), builds the
// policy, checks it with the policy loader, shows the summary, confirms, and writes the
// commented YAML atomically. Ctrl+C or a closed terminal writes nothing and exits 130.
import { Option } from 'commander';
import { basename } from 'node:path';
import { styleText } from 'node:util';
import { AspmError, error, warning, type Diagnostic } from '../../errors.js';
import { formatInstant, zoneClock } from '../../tables/time-zone.js';
import { t } from '../../i18n/catalogue.js';
import { formatDiagnostic } from '../../i18n/format-diagnostic.js';
import { readSmallFile } from '../../io/read-input.js';
import { checkTargets, writeOutputs } from '../../io/write-output.js';
import { parsePolicy } from '../../policy/load-policy.js';
import { loadDocumentBytes } from '../../validation/load-document.js';
import { locate, type YamlSource } from '../../validation/yaml-document.js';
import type { Answers, ResolvedAnswers, WizardContext } from '../../wizard/answers.js';
import type { Language } from '../../i18n/language.js';
import { askPolicyAnswers, askPresetAnswers } from '../../wizard/ask-answers.js';
import { assemblePolicy } from '../../wizard/build-policy.js';
import { completeAnswers, type CompletedAnswers } from '../../wizard/complete-answers.js';
import { PARTS, type Section } from '../../wizard/questions.js';
import { nextCommands } from '../../wizard/next-steps.js';
import type { Prompts } from '../../wizard/prompts.js';
import { availablePresets, hasPreset, presetFileName, readPreset, SIZES, type Size } from '../../wizard/read-preset.js';
import { renderPolicyYaml } from '../../wizard/render-policy-yaml.js';
import { wrapHanging } from '../../text/display-width.js';
import { PLAIN_STYLE, renderSummary, type SummaryStyle } from '../../wizard/render-summary.js';
import { useColor, type CommandContext } from '../context.js';
import { EXIT_INTERRUPTED } from '../main.js';
import { inquirerPrompts, isPromptExit } from '../inquirer-prompts.js';
import type { CommandDefinition } from './command.js';
import { schemaBeside } from './schema.js';

export interface InitOptions {
  readonly output: string;
  readonly preset?: Size;
  readonly yes?: boolean;
  readonly answers?: string;
  readonly force?: boolean;
}

export interface InitDependencies {
  /** Replaces the terminal prompts (tests pass a scripted fake or inquirer under test). */
  readonly prompts?: Prompts;
  /** Whether to ask at all; by default, when stdin is a terminal. */
  readonly interactive?: boolean;
}

/** Answers files are a few kilobytes. */
export const MAX_ANSWERS_BYTES = 512 * 1024;

export const initCommand: CommandDefinition = {
  name: 'init',
  register(command, context, exit) {
    const { language } = context;
    command
      .description(t(language, 'cmd-init'))
      .option('-o, --output <file>', t(language, 'opt-init-output'), 'policy.yaml')
      .addOption(new Option('--preset <size>', t(language, 'opt-preset')).choices(SIZES))
      .option('-y, --yes', t(language, 'opt-yes'))
      .option('--answers <file>', t(language, 'opt-answers'))
      .option('--force', t(language, 'opt-force'))
      .action(async (options: InitOptions) => {
        exit(await runInit(options, context));
      });
  },
};

export async function runInit(options: InitOptions, context: CommandContext, dependencies: InitDependencies = {}): Promise<number> {
  const { io, language } = context;
  const interactive = dependencies.interactive ?? (Boolean(io.stdin.isTTY) && !options.yes);
  // Say no before asking anything, not after forty questions.
  const inputs = options.answers ? [options.answers] : [];
  await checkTargets([options.output], { force: options.force ?? false, inputs });
  const schemaFile = await schemaBeside(options.output, 'policy', options.force ?? false);
  const loaded = options.answers ? await readAnswers(options.answers) : { answers: {} as Answers };
  const given = loaded.answers;
  if (!interactive && !options.yes && !options.answers) io.stderr.write(t(language, 'init-not-interactive') + '\n');

  const closed = new AbortController();
  const prompts = dependencies.prompts ?? terminalPrompts(context, closed.signal);
  const onEnd = () => closed.abort();
  if (interactive && !dependencies.prompts) io.stdin.once('end', onEnd);
  try {
    if (interactive) prompts.say(t(language, 'wizard-intro'));
    const available = availablePresets();
    const presetContext = { messageLanguage: language, ...(options.preset ? { size: options.preset } : {}), hasPreset: (size: Size, lang: Language) => hasPreset({ size, language: lang }, available) };
    const presetGiven = { ...given, ...(options.preset ? { size: options.preset } : {}) };
    const ask = { language, prompts, heading: heading(context) };
    let progress = {};
    let chosen = interactive
      ? await askPresetAnswers(presetGiven, presetContext, { ...ask, progress })
      : { language: given.language ?? language, size: options.preset ?? given.size ?? 'medium' };
    let preset = await readPreset({ size: chosen.size, language: chosen.language });
    const today = dateIn(io.now(), preset.meta.timezone);
    let wizardContext = { preset, today };

    const completed = checkGiven(given, wizardContext, options.answers, loaded.source);
    // Allowed but unusual answers in the file: said on stderr, whether or not anything is asked.
    for (const f of completed.warnings) {
      const location = loaded.source ? locate(loaded.source, f.path, f.at) : { file: options.answers ?? '' };
      io.stderr.write(formatDiagnostic(warning(f.code, f.params, location), language) + '\n');
    }
    if (interactive) prompts.say(t(language, 'preset-chosen', { file: presetFileName(chosen) }));
    let answers: ResolvedAnswers = interactive ? await askPolicyAnswers(given, wizardContext, { ...ask, progress }) : completed.answers;

    // The summary, then write; or go back to a part, change it, and see the summary again.
    for (;;) {
      const built = assemblePolicy(answers, preset);
      const text = renderPolicyYaml(built.policy, {
        generatedOn: today,
        fileName: basename(options.output),
        adjustments: built.adjustments,
        estimatedBonusBases: built.estimatedBonusBases,
      });
      // Never write a policy the loader would reject.
      const checked = parsePolicy(text, options.output);
      if (!checked.ok) throw new AspmError('policy-build-invalid', {}, { diagnostics: checked.diagnostics });

      // In a terminal, long lines wrap between words rather than where the terminal cuts them.
      const columns = (io.stdout as { columns?: unknown }).columns;
      const width = typeof columns === 'number' && io.stdout.isTTY ? columns - 1 : undefined;
      const summary = renderSummary(built.policy, built.adjustments, { language, style: summaryStyle(context), draft: built.draft, situation: answers, ...(width !== undefined ? { width } : {}) });
      const fit = (text: string) => (width !== undefined ? wrapHanging(text, width) : text);
      io.stdout.write('\n' + fit(summary) + '\n');
      if (!interactive || (await prompts.confirm({ message: t(language, 'confirm-write', { path: options.output }), hint: t(language, 'confirm-write-hint'), default: true }))) {
        await writeOutputs([{ path: options.output, data: text }, ...(schemaFile ? [schemaFile] : [])], { force: options.force ?? false, inputs });
        const next = nextCommands(options.output, checked.value.meta.title);
        io.stdout.write(t(language, 'init-written', { path: options.output, roles: checked.value.roles.length, kpis: checked.value.kpis.length, ...next }) + '\n');
        // Prose wraps between words; the commands above do not, so that they copy whole.
        if (schemaFile) io.stdout.write(fit(t(language, 'schema-beside-written', { path: schemaFile.path })) + '\n');
        return 0;
      }
      const part = await prompts.select<Section | 'quit'>({
        message: t(language, 'revisit-pick'),
        hint: t(language, 'revisit-pick-hint'),
        choices: [
          ...PARTS.map((p, index) => ({ value: p, name: `${index + 1}. ${t(language, `section-${p}`)}` })),
          { value: 'quit' as const, name: t(language, 'revisit-quit') },
        ],
        default: 'basics',
      });
      if (part === 'quit') {
        io.stderr.write(t(language, 'interrupted') + '\n');
        return EXIT_INTERRUPTED;
      }
      progress = {};
      const previousContext = wizardContext;
      if (part === 'basics') {
        const again = await askPresetAnswers(presetGiven, presetContext, { ...ask, progress, revisit: { part, previous: chosen } });
        if (again.size !== chosen.size || again.language !== chosen.language) {
          chosen = again;
          preset = await readPreset({ size: chosen.size, language: chosen.language });
          wizardContext = { preset, today };
          checkGiven(given, wizardContext, options.answers, loaded.source);
          prompts.say(t(language, 'revisit-preset-changed', { file: presetFileName(chosen) }));
        }
      }
      answers = await askPolicyAnswers(given, wizardContext, { ...ask, progress, revisit: { part, previous: answers }, previousContext });
    }
  } catch (caught) {
    if (!isPromptExit(caught)) throw caught;
    io.stderr.write('\n' + t(language, 'interrupted') + '\n');
    return EXIT_INTERRUPTED;
  } finally {
    io.stdin.removeListener('end', onEnd);
  }
}

/** The answers file's answers, checked against the preset; wrong ones stop the command. */
function checkGiven(given: Answers, wizardContext: WizardContext, file: string | undefined, source: YamlSource | undefined): CompletedAnswers {
  const completed = completeAnswers(given, wizardContext);
  if (completed.findings.length > 0) {
    const diagnostics = completed.findings
      .map((f): Diagnostic => error(f.code, f.params, source ? locate(source, f.path, f.at) : { file: file ?? '' }))
      .sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.col ?? 0) - (b.location?.col ?? 0));
    throw new AspmError('answers-invalid', { file: file ?? '' }, { diagnostics });
  }
  return completed;
}

async function readAnswers(path: string): Promise<{ answers: Answers; source?: YamlSource }> {
  const read = await readSmallFile(path, MAX_ANSWERS_BYTES);
  if (!read.ok) throw new AspmError('answers-invalid', { file: path }, { diagnostics: [read.diagnostic] });
  const loaded = loadDocumentBytes<Answers>(read.bytes, path, { schema: 'answers', rules: [] });
  if (!loaded.ok) throw new AspmError('answers-invalid', { file: path }, { diagnostics: loaded.diagnostics });
  return { answers: loaded.value, source: loaded.source };
}

/**
 * The prompts draw on stdout, or on stderr when only stderr is a terminal (stdout sent to a
 * file), so the questions are seen wherever the answers are typed.
 */
function terminalPrompts(context: CommandContext, signal: AbortSignal): Prompts {
  const { io, language } = context;
  const sink = !io.stdout.isTTY && io.stderr.isTTY ? io.stderr : io.stdout;
  const output = isWritable(sink) ? sink : undefined;
  return inquirerPrompts({
    language,
    color: useColor(io, sink),
    write: (text) => sink.write(text),
    context: { input: io.stdin, ...(output ? { output } : {}), signal },
  });
}

function isWritable(sink: unknown): sink is NodeJS.WritableStream {
  return typeof (sink as { on?: unknown }).on === 'function' && typeof (sink as { write?: unknown }).write === 'function';
}

function heading(context: CommandContext): (text: string) => string {
  return summaryStyle(context).heading;
}

function summaryStyle(context: CommandContext): SummaryStyle {
  return useColor(context.io, context.io.stdout)
    ? { heading: (text) => styleText('bold', text), dim: (text) => styleText('dim', text) }
    : PLAIN_STYLE;
}

/** The calendar date of `now` in `timeZone`, as YYYY-MM-DD. */
export function dateIn(now: Date, timeZone: string): string {
  return formatInstant(now.getTime(), zoneClock(timeZone)).slice(0, 10);
}
