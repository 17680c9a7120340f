// Completes a set of answers without asking: each question in order takes the given
// answer (checked) or its default. A wrong answer is reported with the path to it in the
// answers file and replaced by the default, so one mistake does not cascade into others.
// Pure: the same walk the interactive wizard makes, with the defaults as the user's replies.
import type { Finding } from '../validation/load-document.js';
import type { Answers, ResolvedAnswers, WizardContext } from './answers.js';
import { chosenRoles } from './suggestions.js';
import { POLICY_QUESTIONS, type AnyQuestion, type Problem, type QuestionContext } from './questions.js';

export interface CompletedAnswers {
  readonly answers: ResolvedAnswers;
  readonly findings: readonly Finding[];
  /** Given answers that are allowed but unusual (a past effective date), to be said. */
  readonly warnings: readonly Finding[];
}

export function completeAnswers(given: Answers, context: WizardContext): CompletedAnswers {
  const findings: Finding[] = [];
  const warnings: Finding[] = [];
  const { language, size } = context.preset.meta;
  const answers: Partial<ResolvedAnswers> = { language, size };
  for (const key of ['language', 'size'] as const) {
    const value = given[key];
    if (value !== undefined && value !== answers[key]) {
      findings.push({ code: 'answers-preset-mismatch', params: { key, value, preset: answers[key] }, path: [key] });
    }
  }
  for (const question of POLICY_QUESTIONS) {
    const resolved = resolveOne(question, given, { ...context, answers });
    findings.push(...resolved.findings);
    warnings.push(...resolved.warnings);
    (answers as Record<string, unknown>)[question.id] = resolved.value;
  }
  // A policy assesses someone: the roles ticked and the custom ones cannot both be empty.
  if (chosenRoles(answers as ResolvedAnswers, context.preset).length === 0) {
    findings.push({ code: 'answer-no-roles', params: {}, path: [given.roles !== undefined ? 'roles' : 'custom_roles'] });
  }
  return { answers: answers as ResolvedAnswers, findings, warnings };
}

/** The given answer merged over or replacing the default, or the default when it is wrong. */
export function resolveOne(question: AnyQuestion, given: Answers, ctx: QuestionContext): { value: unknown; findings: Finding[]; warnings: Finding[] } {
  const fallback = question.default(ctx);
  const own = given[question.id];
  if (own === undefined) return { value: fallback, findings: [], warnings: [] };
  const value = question.merge ? { ...(fallback as object), ...(own as object) } : own;
  const check = question.check as ((value: unknown, ctx: QuestionContext) => Problem[]) | undefined;
  const problems = check?.(value, ctx) ?? [];
  const located = (p: Problem): Finding => ({ code: p.code, params: p.params, path: [question.id, ...(p.path ?? [])], ...(p.at ? { at: p.at } : {}) });
  if (problems.length > 0) return { value: fallback, findings: problems.map(located), warnings: [] };
  return { value, findings: [], warnings: answerWarnings(question, value, ctx).map(located) };
}

/** What is unusual about an answer, if the question says what to watch for. */
export function answerWarnings(question: AnyQuestion, value: unknown, ctx: QuestionContext): Problem[] {
  const warn = question.warn as ((value: unknown, ctx: QuestionContext) => Problem[]) | undefined;
  return warn?.(value, ctx) ?? [];
}
