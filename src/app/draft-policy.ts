// Drafting a policy: from answers (an answers file, an object, or none) and a size preset
// to the checked policy, its commented YAML text and the files to write beside it — what
// `aspm init --answers` builds, and what the wizard builds once it has asked. The asking
// stays in the command line; nothing here prompts, prints or writes, so a program can
// draft a policy without a terminal. The steps are exported for the wizard, which asks
// between them; `draftPolicy` runs them in the same order without asking.

// Every message: a use case's errors and documents may speak any of them.
import '../i18n/all-messages.js';

import { basename } from 'node:path';
import { stringify } from 'yaml';
import { AspmError, error, usageError, warning, type Diagnostic } from '../errors.js';
import type { Language } from '../i18n/language.js';
import { readSmallFile } from '../io/read-input.js';
import type { OutputFile } from '../io/write-output.js';
import { parsePolicy } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.generated.js';
import { dayIn } from '../tables/time-zone.js';
import { validate as validateAnswers } from '../validation/compiled/answers.validate.generated.js';
import { loadDocumentBytes } from '../validation/load-document.js';
import { locate, type YamlSource } from '../validation/yaml-document.js';
import type { Answers, ResolvedAnswers, WizardContext } from '../wizard/answers.js';
import { assemblePolicy, type BuiltPolicy } from '../wizard/build-policy.js';
import { completeAnswers } from '../wizard/complete-answers.js';
import { readPreset } from '../wizard/read-preset.js';
import { renderPolicyYaml } from '../wizard/render-policy-yaml.js';
import type { Size } from '../wizard/sizes.js';
import { schemaBeside } from './schema-files.js';

/** Answers files are a few kilobytes. */
export const MAX_ANSWERS_BYTES = 512 * 1024;

/** Answers given before any asking, with where they came from so that findings point into the file. */
export interface GivenAnswers {
  readonly answers: Answers;
  /** The answers file, when they were read from one. */
  readonly file?: string;
  readonly source?: YamlSource;
}

/** Reads an answers file and checks it against the answers schema; a bad file stops here. */
export async function readAnswersFile(path: string): Promise<GivenAnswers> {
  const read = await readSmallFile(path, MAX_ANSWERS_BYTES);
  if (!read.ok) throw new AspmError('answers-invalid', { file: path }, { diagnostics: [read.diagnostic] });
  const loaded = loadDocumentBytes<Answers>(read.bytes, path, { schema: 'answers', validate: validateAnswers, rules: [] });
  if (!loaded.ok) throw new AspmError('answers-invalid', { file: path }, { diagnostics: loaded.diagnostics });
  return { answers: loaded.value, file: path, source: loaded.source };
}

/**
 * Answers given as data (by a program), checked against the answers schema exactly as a
 * file is: findings name `answers.yaml`, the file they would be written as, at its line
 * and column. A mistyped key or a value of the wrong type stops here, as in a file.
 */
export function checkAnswersObject(answers: unknown): GivenAnswers {
  const file = 'answers.yaml';
  const loaded = loadDocumentBytes<Answers>(new TextEncoder().encode(stringify(answers ?? {})), file, { schema: 'answers', validate: validateAnswers, rules: [] });
  if (!loaded.ok) throw new AspmError('answers-invalid', { file }, { diagnostics: loaded.diagnostics });
  return { answers: loaded.value, file, source: loaded.source };
}

/**
 * The given answers checked against the preset and completed with its defaults. A wrong
 * answer stops drafting (every one is listed, in file order); an allowed but unusual one
 * (a past effective date) comes back as a warning for the caller to say.
 */
export function checkGivenAnswers(given: GivenAnswers, context: WizardContext): { readonly answers: ResolvedAnswers; readonly warnings: readonly Diagnostic[] } {
  const completed = completeAnswers(given.answers, context);
  const where = (path: readonly (string | number)[], at?: 'value' | 'key') => (given.source ? locate(given.source, path, at) : { file: given.file ?? '' });
  if (completed.findings.length > 0) {
    const diagnostics = completed.findings
      .map((f): Diagnostic => error(f.code, f.params, where(f.path, f.at)))
      .sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.col ?? 0) - (b.location?.col ?? 0));
    throw new AspmError('answers-invalid', { file: given.file ?? '' }, { diagnostics });
  }
  return { answers: completed.answers, warnings: completed.warnings.map((f) => warning(f.code, f.params, where(f.path, f.at))) };
}

/** A drafted policy: what the wizard shows in its summary and what is written. */
export interface Draft {
  /** The policy as the YAML file states it, after the policy loader's checks. */
  readonly policy: Policy;
  /** The commented YAML text of the policy file. */
  readonly text: string;
  /** What the answers made of the preset, with the situation adjustments that explain it. */
  readonly built: BuiltPolicy;
}

/**
 * The policy the answers make of the preset, as commented YAML, checked by the policy
 * loader: a policy the loader would reject is never handed on to be written.
 */
export function buildDraft(answers: ResolvedAnswers, preset: Policy, options: { readonly today: string; readonly output: string }): Draft {
  const built = assemblePolicy(answers, preset);
  const text = renderPolicyYaml(built.policy, {
    generatedOn: options.today,
    fileName: basename(options.output),
    adjustments: built.adjustments,
    estimatedBonusBases: built.estimatedBonusBases,
  });
  const checked = parsePolicy(text, options.output);
  if (!checked.ok) throw new AspmError('policy-build-invalid', {}, { diagnostics: checked.diagnostics });
  return { policy: checked.value, text, built };
}

export interface DraftPolicyRequest {
  /** Where the policy is to be written: its name goes in the file's header, its schema beside it. */
  readonly output: string;
  /** Answers given as data; questions left open take the preset's defaults. */
  readonly answers?: Answers;
  /** An answers file to read instead of `answers`. */
  readonly answersFile?: string;
  /** The preset's size, when not the answers' (`--preset`); medium when neither says. */
  readonly size?: Size;
  /** The policy's language when the answers do not name one. */
  readonly language: Language;
  /** Now: today's date in the preset's time zone is the default effective date. */
  readonly now: Date;
  /** Replace a schema file beside `output` that differs from aspm's. */
  readonly force?: boolean;
}

export interface DraftedPolicy extends Draft {
  readonly answers: ResolvedAnswers;
  /** Given answers that are allowed but unusual. */
  readonly warnings: readonly Diagnostic[];
  /** The policy file, and the policy schema beside it unless that very schema is there already. */
  readonly files: readonly OutputFile[];
}

/** Drafts a policy from answers without asking anything: `aspm init --yes [--answers FILE]`. */
export async function draftPolicy(request: DraftPolicyRequest): Promise<DraftedPolicy> {
  const schemaFile = await schemaBeside(request.output, 'policy', request.force ?? false);
  if (request.answersFile && request.answers) throw usageError('draft-answers-twice', { file: request.answersFile });
  const given: GivenAnswers = request.answersFile ? await readAnswersFile(request.answersFile) : checkAnswersObject(request.answers ?? {});
  const preset = await readPreset({ size: request.size ?? given.answers.size ?? 'medium', language: given.answers.language ?? request.language });
  const today = dayIn(request.now, preset.meta.timezone);
  const checked = checkGivenAnswers(given, { preset, today });
  const draft = buildDraft(checked.answers, preset, { today, output: request.output });
  return { ...draft, answers: checked.answers, warnings: checked.warnings, files: [{ path: request.output, data: draft.text }, ...(schemaFile ? [schemaFile] : [])] };
}
