// answers → Policy: the preset for the chosen size and language, reshaped by the answers
// (company, roles and their KPIs, items, raters, cycles, grades, incentives, penalties,
// appeal) and by the situation adjustments, each of which is returned with the policy so
// it can be explained. Pure and deterministic: the preset and the date are passed in; the
// result is checked by the caller with the policy loader before anything is written.
import { t } from '../i18n/catalogue.js';
import type { Cycle, Policy, RaterType, Role, RoleKpi, RuleTrigger } from '../policy/policy.generated.js';
import type { Finding } from '../validation/load-document.js';
import type { Answers, ResolvedAnswers } from './answers.js';
import { completeAnswers } from './complete-answers.js';
import { isPlaceholderCompany } from './questions.js';
import { renameSamples } from './rename-samples.js';
import { adjustmentKept, type Adjustment } from './situation.js';
import { chosenRoles, gradesBestFirst, itemOptions, kpiDefinition, penaltyOptions, policyLanguage, suggestBonusBase, suggestItems, suggestRoleKpis } from './suggestions.js';

export interface BuildOptions {
  /** Today's date (YYYY-MM-DD), for the default effective date. */
  readonly today: string;
}

export interface AppliedAdjustment extends Adjustment {
  /** False when a later answer undid what the adjustment suggested. */
  readonly kept: boolean;
}

export interface BuiltPolicy {
  readonly policy: Policy;
  readonly answers: ResolvedAnswers;
  readonly adjustments: readonly AppliedAdjustment[];
  /** Roles whose bonus base is the wizard's estimate, not an answer (the file says so). */
  readonly estimatedBonusBases: readonly string[];
  /** The company is still the preset's example name. */
  readonly draft: boolean;
}

export type BuildResult = ({ readonly ok: true } & BuiltPolicy) | { readonly ok: false; readonly findings: readonly Finding[] };

const CYCLE_ORDER: readonly Cycle[] = ['monthly', 'quarterly', 'annual'];
const RATER_ORDER: readonly RaterType[] = ['supervisor', 'peer', 'subordinate', 'customer', 'self'];

/** Answers (any of them may be missing) and the preset they refer to → a policy. */
export function buildPolicy(given: Answers, preset: Policy, options: BuildOptions): BuildResult {
  const { answers, findings } = completeAnswers(given, { preset, today: options.today });
  if (findings.length > 0) return { ok: false, findings };
  return { ok: true, ...assemblePolicy(answers, preset) };
}

/** Complete answers → the policy and the adjustments that shaped its suggestions. */
export function assemblePolicy(answers: ResolvedAnswers, preset: Policy): BuiltPolicy {
  const language = policyLanguage(preset);
  const policy = renameSamples(structuredClone(preset), preset, answers);
  policy.meta = { ...policy.meta, company: answers.company, department: answers.department, effective_date: answers.effective_date };
  // Still the preset's example company: the revision says draft (in the document's control
  // table), small enough not to rename the document, plain enough not to be published by mistake.
  const draft = isPlaceholderCompany(answers.company, preset);
  if (draft) policy.meta.revision = t(language, 'policy-draft-revision', { revision: policy.meta.revision });

  const computed = new Set<Cycle>([answers.primary_cycle, ...answers.summary_cycles]);
  const cycleOf = (cycle: Cycle | undefined): Cycle | undefined => {
    if (cycle === undefined) return undefined;
    if (cycle === preset.cycles.primary) return answers.primary_cycle;
    return computed.has(cycle) ? cycle : answers.primary_cycle;
  };
  const trigger = (when: RuleTrigger): RuleTrigger => (when.cycle === undefined ? when : { ...when, cycle: cycleOf(when.cycle)! });

  // Roles and their KPIs.
  const roles = chosenRoles(answers, preset);
  const customIds = roles.filter((r) => r.source === 'custom').map((r) => r.id);
  const estimatedBonusBases: string[] = [];
  const kpiIds: string[] = [];
  // Items the preset does not have (added by the situation, or picked from the standard
  // ones) are unknown to its roles' item lists, so they go to every role that lists its
  // items; otherwise they would reach only the roles rated on all items.
  const newItems = answers.qualitative_items.filter((id) => !preset.qualitative.items.some((i) => i.id === id));
  policy.roles = roles.map((option): Role => {
    const own = policy.roles.find((r) => r.id === option.id);
    const kpis = (answers.role_kpis[option.id] ?? []).map((entry): RoleKpi => {
      if (!kpiIds.includes(entry.kpi)) kpiIds.push(entry.kpi);
      const definition = kpiDefinition(entry.kpi, preset);
      return {
        kpi: entry.kpi,
        weight: entry.weight,
        ...(entry.target !== undefined && entry.target !== definition?.target ? { target: entry.target } : {}),
        ...(entry.floor !== undefined && entry.floor !== definition?.floor ? { floor: entry.floor } : {}),
        scope: entry.scope ?? 'individual',
      };
    });
    const share = answers.quantitative_share[option.id] ?? own?.quantitative_share ?? 70;
    if (own) {
      const role: Role = { ...own, quantitative_share: share, kpis };
      const items = own.qualitative_items && [...own.qualitative_items.filter((id) => answers.qualitative_items.includes(id)), ...newItems];
      if (items && items.length > 0) role.qualitative_items = items;
      else delete role.qualitative_items;
      return role;
    }
    const given = answers.custom_roles[customIds.indexOf(option.id)]?.bonus_base;
    if (given === undefined) estimatedBonusBases.push(option.id);
    const bonusBase = given ?? suggestBonusBase(preset);
    return { id: option.id, name: option.name, ...(option.description ? { description: option.description } : {}), quantitative_share: share, bonus_base: bonusBase, kpis };
  });
  policy.multi_role = answers.multi_role;

  // The KPI catalogue holds exactly the KPIs some role uses, the preset's first, in its order.
  const ordered = [...preset.kpis.map((k) => k.id).filter((id) => kpiIds.includes(id)), ...kpiIds.filter((id) => !preset.kpis.some((k) => k.id === id))];
  policy.kpis = ordered.map((id) => {
    const definition = policy.kpis.find((k) => k.id === id) ?? kpiDefinition(id, preset);
    if (!definition) throw new Error(`no definition for KPI ${id}: answers were not checked`);
    return { ...definition, cycle: cycleOf(definition.cycle) ?? answers.primary_cycle };
  });
  if (policy.goals) policy.goals = policy.goals.filter((g) => g.kpi === undefined || ordered.includes(g.kpi));

  const sameRoles = roles.length === preset.roles.length && roles.every((r) => preset.roles.some((p) => p.id === r.id));
  if (!sameRoles) {
    const separator = language === 'zh-CN' ? '、' : ', ';
    policy.scope = t(language, 'policy-scope', { department: answers.department, roles: roles.map((r) => r.name).join(separator) });
  }

  // Qualitative assessment.
  const items = itemOptions(preset);
  policy.qualitative = {
    ...policy.qualitative,
    items: answers.qualitative_items.map((id) => {
      const own = policy.qualitative.items.find((i) => i.id === id);
      const option = items.find((i) => i.id === id);
      const base = own ?? { id, name: option?.name ?? id, ...(option?.description ? { description: option.description } : {}) };
      return { ...base, weight: answers.item_weights[id] ?? 0 };
    }),
    raters: RATER_ORDER.filter((type) => answers.raters[type] !== undefined).map((type) => ({ type, weight: answers.raters[type]! })),
  };

  // Cycles and grades.
  policy.cycles = {
    ...policy.cycles,
    primary: answers.primary_cycle,
    also: CYCLE_ORDER.filter((c) => answers.summary_cycles.includes(c)),
  };
  const best = gradesBestFirst(preset).map((b) => b.grade);
  policy.grades.bands = policy.grades.bands.map((band) => {
    const rank = best.indexOf(band.grade);
    const better = best[rank - 1];
    return { ...band, min: answers.grade_mins[band.grade] ?? band.min, max: better === undefined ? 100 : answers.grade_mins[better] ?? band.max };
  });
  if (answers.forced_distribution) {
    const existing = policy.grades.forced_distribution;
    policy.grades.forced_distribution = {
      enabled: true,
      group_by: existing?.group_by ?? 'role',
      min_group_size: existing?.min_group_size ?? 5,
      shares: best.map((grade) => ({ grade, percent: answers.distribution_shares[grade] ?? 0 })),
    };
  } else {
    delete policy.grades.forced_distribution;
  }

  // Incentives and penalties.
  const incentives = policy.incentives;
  incentives.bonus = {
    ...incentives.bonus,
    coefficients: best.map((grade) => ({ grade, coefficient: answers.bonus_coefficients[grade] ?? 1 })),
    ...(incentives.bonus.paid ? { paid: cycleOf(incentives.bonus.paid)! } : {}),
  };
  if (incentives.promotion && answers.promotion) incentives.promotion = { ...incentives.promotion, when: trigger(incentives.promotion.when) };
  else delete incentives.promotion;
  if (incentives.honours) incentives.honours = incentives.honours.filter((h) => answers.honours.includes(h.id)).map((h) => ({ ...h, when: trigger(h.when) }));
  if (incentives.training) incentives.training = incentives.training.filter((h) => answers.training.includes(h.id)).map((h) => ({ ...h, when: trigger(h.when) }));
  const renamedPreset = { ...preset, penalties: policy.penalties };
  policy.penalties = penaltyOptions(renamedPreset, answers.primary_cycle, answers.summary_cycles)
    .filter((o) => answers.penalties.includes(o.id))
    .map((o) => ({ ...o.penalty, when: trigger(o.penalty.when) }));

  policy.appeal = {
    ...policy.appeal,
    channel: answers.appeal_channel,
    file_within_days: answers.appeal_file_days,
    answer_within_days: answers.appeal_answer_days,
    reviewers: [...answers.appeal_reviewers],
  };

  const suggested = [...suggestRoleKpis(answers, preset).adjustments, ...suggestItems(answers, preset).adjustments];
  return { policy, answers, adjustments: suggested.map((a) => ({ ...a, kept: adjustmentKept(a, policy) })), estimatedBonusBases, draft };
}
