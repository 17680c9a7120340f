// What a result leads to: the rules of the policy (promotion review, honours, training,
// warnings, pay deduction, improvement plans, demotion) checked against the grade, the
// rank and — for rules over consecutive cycles — the grades of earlier periods from
// history; and the bonus: bonus base (roster, else the role's default) × the grade's
// coefficient, cancelled by a veto, reduced by a pay deduction, rounded to 0.01. A rule
// that needs an earlier period nobody supplied does not fire, and says which period was
// missing, rather than guessing; nor does one that would look back before the policy's
// effective date, which says from which period it can first hold: a result from before
// the policy (a trial run, or no run at all) is never counted against anyone. Pure.
import type { Cycle, Policy, RuleTrigger } from '../policy/policy.generated.js';
import { laterPeriodId, periodIdBefore, periodIdOfDay, previousPeriodIds } from './cycles.js';
import { roundScore } from './grades.js';

/** A person's grades in an earlier period: `final` and the grade by bands with veto caps. */
export interface PastGrades {
  readonly final: string | null;
  readonly bands: string | null;
}

/**
 * Grades of a person in an earlier period: undefined when no report of that period was
 * given; null when the report does not have the person.
 */
export type HistoryLookup = (periodId: string, personKey: string) => PastGrades | null | undefined;

export interface TriggerContext {
  readonly primary: Cycle;
  readonly periodId: string;
  readonly periodCycle: Cycle | undefined;
  /** The person's `personKey` (staff id, else name), as history is keyed. */
  readonly staffId: string;
  readonly grades: PastGrades;
  /** Rank within the ranking group, null when not ranked. */
  readonly rank: number | null;
  readonly history: HistoryLookup;
  /** The policy's effective date (`YYYY-MM-DD`): no rule looks at a period that ended before it. */
  readonly effectiveDate: string;
}

/**
 * What made a rule fire, as the rule saw it: the grade of each period it looked at (the
 * earlier ones first, the current one last), which grade it went by, and — for a rule over
 * the top of the ranking — the rank. The notice and the Excel report word this; they do not
 * work it out again.
 */
export interface RuleFacts {
  readonly based_on: 'final' | 'bands';
  readonly grades: readonly { readonly period: string; readonly grade: string }[];
  readonly rank?: number;
  readonly top?: number;
}

/**
 * `missing`: the earlier periods whose reports were not given. `from`: the rule would
 * look back before the effective date, so it cannot hold before this period. `facts`:
 * what made it fire.
 */
export type TriggerCheck = { readonly fires: boolean; readonly missing: readonly string[]; readonly from?: string; readonly facts?: RuleFacts };

const NO: TriggerCheck = { fires: false, missing: [] };

export function checkTrigger(trigger: RuleTrigger, ctx: TriggerContext): TriggerCheck {
  const cycle = trigger.cycle ?? ctx.primary;
  if (ctx.periodCycle !== cycle) return NO;
  const pick = (g: PastGrades) => (trigger.based_on === 'bands' ? g.bands : g.final);
  const current = pick(ctx.grades);
  if (current === null) return NO;
  if (trigger.grades && !trigger.grades.includes(current)) return NO;
  if (trigger.top !== undefined && (ctx.rank === null || ctx.rank > trigger.top)) return NO;
  const earlier = previousPeriodIds(ctx.periodId, trigger.consecutive - 1);
  // The first period the policy covers (at least in part) is the one holding its effective date.
  const first = periodIdOfDay(ctx.effectiveDate, cycle);
  if (earlier.length > 0 && periodIdBefore(earlier.at(-1)!, first)) return { fires: false, missing: [], from: laterPeriodId(first, trigger.consecutive - 1)! };
  const missing: string[] = [];
  const seen: { period: string; grade: string }[] = [{ period: ctx.periodId, grade: current }];
  for (const id of earlier) {
    const past = ctx.history(id, ctx.staffId);
    if (past === undefined) {
      missing.push(id);
      continue;
    }
    const grade = past === null ? null : pick(past);
    if (grade === null || (trigger.grades && !trigger.grades.includes(grade))) return NO;
    seen.unshift({ period: id, grade });
  }
  if (missing.length > 0) return { fires: false, missing };
  const facts: RuleFacts = {
    based_on: trigger.based_on ?? 'final',
    grades: seen,
    ...(trigger.top !== undefined && ctx.rank !== null ? { rank: ctx.rank, top: trigger.top } : {}),
  };
  return { fires: true, missing: [], facts };
}

export type ActionKind = 'promotion' | 'honour' | 'training' | 'warning' | 'pay_deduction' | 'demotion' | 'improvement_plan';

export interface Action {
  readonly kind: ActionKind;
  readonly id: string;
  readonly name: string;
  /** Training: the KPIs to work on (the weakest first). */
  readonly topics?: readonly string[];
  /** Pay deduction: the share of the bonus withheld. */
  readonly deduction_percent?: number;
  /** Why it applies: the grades (and rank) that fired the rule. */
  readonly because: RuleFacts;
}

export interface RuleOutcome {
  readonly actions: readonly Action[];
  /** Rules that could not be checked for want of earlier periods. */
  readonly unchecked: readonly { readonly id: string; readonly name: string; readonly missing: readonly string[] }[];
  /** Rules over consecutive periods that cannot hold yet: they would look back before the effective date. */
  readonly notYet: readonly { readonly id: string; readonly name: string; readonly consecutive: number; readonly cycle: Cycle; readonly from: string }[];
}

/** Every rule of the policy that fires, in the policy's order: promotion, honours, training, penalties. */
export function ruleOutcomes(policy: Policy, ctx: TriggerContext, weakest: readonly string[]): RuleOutcome {
  const actions: Action[] = [];
  const unchecked: { id: string; name: string; missing: string[] }[] = [];
  const notYet: RuleOutcome['notYet'][number][] = [];
  const consider = (rule: { id: string; name: string; when: RuleTrigger }, make: () => Omit<Action, 'because'>) => {
    const check = checkTrigger(rule.when, ctx);
    if (check.fires && check.facts) actions.push({ ...make(), because: check.facts });
    else if (check.from !== undefined) notYet.push({ id: rule.id, name: rule.name, consecutive: rule.when.consecutive, cycle: rule.when.cycle ?? ctx.primary, from: check.from });
    else if (check.missing.length > 0) unchecked.push({ id: rule.id, name: rule.name, missing: [...check.missing] });
  };
  const { promotion, honours, training } = policy.incentives;
  if (promotion) consider(promotion, () => ({ kind: 'promotion', id: promotion.id, name: promotion.name }));
  for (const h of honours ?? []) consider(h, () => ({ kind: 'honour', id: h.id, name: h.name }));
  for (const tr of training ?? []) consider(tr, () => ({ kind: 'training', id: tr.id, name: tr.name, topics: weakest }));
  for (const p of policy.penalties) {
    consider(p, () => (p.kind === 'pay_deduction' ? { kind: p.kind, id: p.id, name: p.name, deduction_percent: p.deduction_percent ?? 0 } : { kind: p.kind, id: p.id, name: p.name }));
  }
  return { actions, unchecked, notYet };
}

export type BonusBaseSource = 'roster' | 'role';

export type Bonus =
  | {
      readonly paid: Cycle;
      readonly base: number;
      readonly base_source: BonusBaseSource;
      readonly coefficient: number;
      /** Vetoes that cancelled it. */
      readonly withheld_by: readonly string[];
      readonly deduction_percent: number;
      readonly amount: number;
    }
  | { readonly paid: Cycle; readonly amount: null; readonly reason: 'not_assessed' | 'not_paid_this_cycle' };

export interface BonusInput {
  readonly policy: Policy;
  readonly periodCycle: Cycle | undefined;
  readonly grade: string | null;
  readonly base: number;
  readonly baseSource: BonusBaseSource;
  readonly vetoesWithholding: readonly string[];
  readonly actions: readonly Action[];
}

export function computeBonus(input: BonusInput): Bonus {
  const { policy } = input;
  const paid = policy.incentives.bonus.paid ?? policy.cycles.primary;
  if (input.grade === null) return { paid, amount: null, reason: 'not_assessed' };
  if (input.periodCycle !== paid) return { paid, amount: null, reason: 'not_paid_this_cycle' };
  const coefficient = policy.incentives.bonus.coefficients.find((c) => c.grade === input.grade)?.coefficient ?? 0;
  // Several deductions in one period: the largest applies (they are not added up).
  const deduction = Math.max(0, ...input.actions.map((a) => a.deduction_percent ?? 0));
  const withheld = input.vetoesWithholding.length > 0;
  const amount = withheld ? 0 : roundScore((input.base * coefficient * (100 - deduction)) / 100);
  return { paid, base: input.base, base_source: input.baseSource, coefficient, withheld_by: [...input.vetoesWithholding], deduction_percent: deduction, amount };
}
