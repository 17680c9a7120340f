// The wizard's answers once every question has a value: what the questions resolve to and
// what `buildPolicy` reads. The file format (every key optional) is `Answers`, generated
// from schemas/src/answers.schema.yaml.
import type { Policy } from '../policy/policy.generated.js';
import type { Answers, RoleKpi as RoleKpiAnswer } from './answers.generated.js';

export type { Answers, RoleKpiAnswer };

export type AnswerKey = Exclude<keyof Answers, '$schema'>;

export type ResolvedAnswers = { [K in AnswerKey]-?: NonNullable<Answers[K]> };

/** The situation questions, which adjust the suggested weights and items. */
export type Situation = Pick<ResolvedAnswers, 'competition' | 'training_maturity' | 'cost_pressure' | 'complaints'>;

/** What every default is computed from besides the earlier answers. */
export interface WizardContext {
  /** The preset for the chosen size and language, as loaded (defaults filled). */
  readonly preset: Policy;
  /** Today's date (YYYY-MM-DD), for the default effective date. */
  readonly today: string;
}
