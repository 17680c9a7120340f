// The wizard of `aspm init`, loaded only when the command runs: reads the answers file,
// picks and reads the preset, asks what is still open when a terminal is attached (and
// --yes is not given), drafts the policy (src/app/draft-policy.ts), shows the summary,
// confirms, and writes the commented YAML atomically. Ctrl+C or a closed terminal writes
// nothing and exits 130.
import { styleText } from 'node:util';
import { buildDraft, checkGivenAnswers, readAnswersFile, type GivenAnswers } from '../../app/draft-policy.js';
import { dayIn } from '../../tables/time-zone.js';
import { schemaBeside } from '../../app/schema-files.js';
import { t } from '../../i18n/catalogue.js';
import { formatDiagnostic } from '../../i18n/format-diagnostic.js';
import type { Language } from '../../i18n/language.js';
import { checkTargets, writeOutputs } from '../../io/write-output.js';
import { wrapHanging } from '../../text/display-width.js';
import type { ResolvedAnswers } from '../../wizard/answers.js';
import { askPolicyAnswers, askPresetAnswers } from '../../wizard/ask-answers.js';
import { nextCommands } from '../../wizard/next-steps.js';
import type { Prompts } from '../../wizard/prompts.js';
import { PARTS, type Section } from '../../wizard/questions.js';
import { availablePresets, hasPreset, presetFileName, readPreset, type Size } from '../../wizard/read-preset.js';
import { PLAIN_STYLE, renderSummary, type SummaryStyle } from '../../wizard/render-summary.js';
import { useColor, type CommandContext } from '../context.js';
import { inquirerPrompts, isPromptExit } from '../inquirer-prompts.js';
import { EXIT_INTERRUPTED } from '../failure.js';

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

export async function runWizard(options: InitOptions, context: CommandContext, dependencies: InitDependencies = {}): Promise<number> {
  const { io, language } = context;
  const interactive = dependencies.interactive ?? (Boolean(io.stdin.isTTY) && !options.yes);
  // Say no before asking anything, not after forty questions.
  const inputs = options.answers ? [options.answers] : [];
  await checkTargets([options.output], { force: options.force ?? false, inputs });
  const schemaFile = await schemaBeside(options.output, 'policy', options.force ?? false);
  const loaded: GivenAnswers = options.answers ? await readAnswersFile(options.answers) : { answers: {} };
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
    const today = dayIn(io.now(), preset.meta.timezone);
    let wizardContext = { preset, today };

    const completed = checkGivenAnswers(loaded, wizardContext);
    // Allowed but unusual answers in the file: said on stderr, whether or not anything is asked.
    for (const w of completed.warnings) io.stderr.write(formatDiagnostic(w, language) + '\n');
    if (interactive) prompts.say(t(language, 'preset-chosen', { file: presetFileName(chosen) }));
    let answers: ResolvedAnswers = interactive ? await askPolicyAnswers(given, wizardContext, { ...ask, progress }) : completed.answers;

    // The summary, then write; or go back to a part, change it, and see the summary again.
    for (;;) {
      const { built, text, policy } = buildDraft(answers, preset, { today, output: options.output });

      // In a terminal, long lines wrap between words rather than where the terminal cuts them.
      const columns = (io.stdout as { columns?: unknown }).columns;
      const width = typeof columns === 'number' && io.stdout.isTTY ? columns - 1 : undefined;
      const summary = renderSummary(built.policy, built.adjustments, { language, style: summaryStyle(context), draft: built.draft, situation: answers, ...(width !== undefined ? { width } : {}) });
      const fit = (text: string) => (width !== undefined ? wrapHanging(text, width) : text);
      io.stdout.write('\n' + fit(summary) + '\n');
      if (!interactive || (await prompts.confirm({ message: t(language, 'confirm-write', { path: options.output }), hint: t(language, 'confirm-write-hint'), default: true }))) {
        await writeOutputs([{ path: options.output, data: text }, ...(schemaFile ? [schemaFile] : [])], { force: options.force ?? false, inputs });
        const next = nextCommands(options.output, policy.meta.title);
        io.stdout.write(t(language, 'init-written', { path: options.output, roles: policy.roles.length, kpis: policy.kpis.length, ...next }) + '\n');
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
          checkGivenAnswers(loaded, wizardContext);
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
