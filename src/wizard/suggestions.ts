// What the wizard suggests, from the preset and the answers so far: which roles, KPIs,
// items and penalties it can offer, and the suggested weights (after the situation
// adjustments). Names come out in the policy's language, because they are the policy's
// words. Pure: the preset is passed in.
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { builtinKpi, builtinKpis } from '../policy/kpi-catalogue.js';
import type { Kpi, Penalty, Policy, RoleKpi } from '../policy/policy.generated.js';
import type { ResolvedAnswers, RoleKpiAnswer } from './answers.js';
import { adjustItems, adjustRoleKpis, type Adjustment, type Names } from './situation.js';
import { CUSTOM_ROLE_SHARE, STANDARD_ITEMS, STANDARD_PENALTIES, STANDARD_ROLES, type StandardPenalty } from './standard-parts.js';
import { normaliseWeights, type Weighted } from './weights.js';

export function policyLanguage(preset: Policy): Language {
  return preset.meta.language;
}

// ── roles ────────────────────────────────────────────────────────────────────

export interface RoleOption {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly source: 'preset' | 'standard' | 'custom';
}

/** The preset's roles, then the standard roles the preset does not have. */
export function roleOptions(preset: Policy): RoleOption[] {
  const language = policyLanguage(preset);
  const fromPreset = preset.roles.map((r): RoleOption => ({ id: r.id, name: r.name, ...(r.description ? { description: r.description } : {}), source: 'preset' }));
  const standard = STANDARD_ROLES.filter((s) => !preset.roles.some((r) => r.id === s.id)).map(
    (s): RoleOption => ({ id: s.id, name: t(language, s.name), description: t(language, s.description), source: 'standard' }),
  );
  return [...fromPreset, ...standard];
}

/**
 * Ids for custom roles: the one given, else one made from an ASCII name, else
 * `custom_role_N`; never one already taken.
 */
export function customRoleIds(custom: ResolvedAnswers['custom_roles'], taken: readonly string[]): string[] {
  const used = new Set(taken);
  return custom.map((role, index) => {
    const slug = role.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
    const base = role.id ?? (/^[a-z]/.test(slug) && slug.length <= 48 ? slug : `custom_role_${index + 1}`);
    let id = base;
    // "Agent" next to the preset's agent becomes agent_2, not a numbered id.
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  });
}

/** The roles the answers chose, in the order the policy lists them: offered ones, then custom. */
export function chosenRoles(answers: Pick<ResolvedAnswers, 'roles' | 'custom_roles'>, preset: Policy): RoleOption[] {
  const options = roleOptions(preset);
  const offered = options.filter((o) => answers.roles.includes(o.id));
  const ids = customRoleIds(answers.custom_roles, options.map((o) => o.id));
  const custom = answers.custom_roles.map(
    (c, i): RoleOption => ({ id: ids[i]!, name: c.name, ...(c.description ? { description: c.description } : {}), source: 'custom' }),
  );
  return [...offered, ...custom];
}

function roleKpisBefore(role: RoleOption, preset: Policy, custom: ResolvedAnswers['custom_roles'], customIds: readonly string[]): RoleKpiAnswer[] {
  if (role.source === 'preset') {
    return (preset.roles.find((r) => r.id === role.id)?.kpis ?? []).map(roleKpiAnswer);
  }
  if (role.source === 'standard') {
    return (STANDARD_ROLES.find((s) => s.id === role.id)?.kpis ?? []).map(roleKpiAnswer);
  }
  const picked = custom[customIds.indexOf(role.id)]?.kpis ?? [];
  return normaliseWeights(picked.map((kpi) => ({ id: kpi, kpi, weight: 1, scope: 'individual' as const }))).map(({ id: _id, ...rest }) => rest);
}

function roleKpiAnswer(k: RoleKpi): RoleKpiAnswer {
  return {
    kpi: k.kpi,
    weight: k.weight,
    scope: k.scope,
    ...(k.target !== undefined ? { target: k.target } : {}),
    ...(k.floor !== undefined ? { floor: k.floor } : {}),
  };
}

export type RoleKpiSuggestionInput = Pick<ResolvedAnswers, 'roles' | 'custom_roles' | 'competition' | 'cost_pressure' | 'complaints' | 'training_maturity'>;

/** Each chosen role's KPIs and weights: the preset's (or the standard role's), adjusted to the situation. */
export function suggestRoleKpis(answers: RoleKpiSuggestionInput, preset: Policy): { byRole: Record<string, RoleKpiAnswer[]>; adjustments: Adjustment[] } {
  const roles = chosenRoles(answers, preset);
  const customIds = roles.filter((r) => r.source === 'custom').map((r) => r.id);
  const before = roles.map((role) => ({ id: role.id, name: role.name, kpis: roleKpisBefore(role, preset, answers.custom_roles, customIds), custom: role.source === 'custom' }));
  const { roles: adjusted, adjustments } = adjustRoleKpis(before, answers, names(preset));
  return { byRole: Object.fromEntries(adjusted.map((r) => [r.id, [...r.kpis]])), adjustments };
}

/**
 * The bonus base suggested for a role the preset does not define: the average of the
 * preset roles' bases, rounded to 100 (0 when the preset gives none).
 */
export function suggestBonusBase(preset: Policy): number {
  const bases = preset.roles.map((r) => r.bonus_base).filter((b) => b > 0);
  if (bases.length === 0) return 0;
  return Math.round(bases.reduce((sum, b) => sum + b, 0) / bases.length / 100) * 100;
}

export function suggestShare(role: RoleOption, preset: Policy): number {
  if (role.source === 'preset') return preset.roles.find((r) => r.id === role.id)?.quantitative_share ?? CUSTOM_ROLE_SHARE;
  return STANDARD_ROLES.find((s) => s.id === role.id)?.quantitativeShare ?? CUSTOM_ROLE_SHARE;
}

// ── KPIs ─────────────────────────────────────────────────────────────────────

/** A KPI as the policy will define it: the preset's definition, else the built-in one. */
export function kpiDefinition(id: string, preset: Policy): Kpi | undefined {
  const own = preset.kpis.find((k) => k.id === id);
  if (own) return own;
  const builtin = builtinKpi(id);
  if (!builtin) return undefined;
  const language = policyLanguage(preset);
  return {
    id,
    name: builtin.name[language],
    definition: builtin.definition[language],
    formula: builtin.formula[language],
    unit: builtin.unit,
    direction: builtin.direction,
    target: builtin.target,
    floor: builtin.floor,
    scoring: { method: 'linear' },
    min_samples: builtin.min_samples,
    placed_by: builtin.placed_by,
    ...(builtin.sla ? { sla: { ...builtin.sla } } : {}),
    data_source: builtin.data_source[language],
    cycle: preset.cycles.primary,
  };
}

/** Every KPI the wizard can offer: the preset's, then the other built-ins. */
export function kpiOptions(preset: Policy): Kpi[] {
  const ids = [...preset.kpis.map((k) => k.id), ...builtinKpis().map((b) => b.id).filter((id) => !preset.kpis.some((k) => k.id === id))];
  return ids.map((id) => kpiDefinition(id, preset)).filter((k): k is Kpi => k !== undefined);
}

// ── qualitative items ───────────────────────────────────────────────────────

export interface ItemOption {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly weight: number;
}

export function itemOptions(preset: Policy): ItemOption[] {
  const language = policyLanguage(preset);
  const own = preset.qualitative.items.map((i): ItemOption => ({ id: i.id, name: i.name, ...(i.description ? { description: i.description } : {}), weight: i.weight }));
  const standard = STANDARD_ITEMS.filter((s) => !own.some((i) => i.id === s.id)).map(
    (s): ItemOption => ({ id: s.id, name: t(language, s.name), description: t(language, s.description), weight: s.weight }),
  );
  return [...own, ...standard];
}

/** The preset's items, plus what the situation adds, with suggested weights. */
export function suggestItems(answers: Pick<ResolvedAnswers, 'training_maturity'>, preset: Policy): { items: Weighted[]; adjustments: Adjustment[] } {
  return adjustItems(
    preset.qualitative.items.map((i) => ({ id: i.id, weight: i.weight })),
    answers,
    names(preset),
  );
}

/** Weights for the chosen items: suggested ones keep theirs, others take the option's, normalised. */
export function suggestItemWeights(chosen: readonly string[], answers: Pick<ResolvedAnswers, 'training_maturity'>, preset: Policy): Weighted[] {
  const suggested = new Map(suggestItems(answers, preset).items.map((i) => [i.id, i.weight]));
  const options = itemOptions(preset);
  return normaliseWeights(chosen.map((id) => ({ id, weight: suggested.get(id) ?? options.find((o) => o.id === id)?.weight ?? 20 })));
}

// ── penalties ────────────────────────────────────────────────────────────────

export interface PenaltyOption {
  readonly id: string;
  readonly penalty: Penalty;
  readonly source: 'preset' | 'standard';
}

/** The preset's penalties, then a standard one for each kind the preset lacks. */
export function penaltyOptions(preset: Policy, primary: Policy['cycles']['primary'], longer: readonly string[]): PenaltyOption[] {
  const own = preset.penalties.map((p): PenaltyOption => ({ id: p.id, penalty: p, source: 'preset' }));
  const standard = STANDARD_PENALTIES.filter((s) => !preset.penalties.some((p) => p.kind === s.kind) && !own.some((o) => o.id === s.kind)).map(
    (s): PenaltyOption => ({ id: s.kind, penalty: standardPenalty(s, preset, primary, longer), source: 'standard' }),
  );
  return [...own, ...standard];
}

function standardPenalty(s: StandardPenalty, preset: Policy, primary: Policy['cycles']['primary'], longer: readonly string[]): Penalty {
  const language = policyLanguage(preset);
  const bands = preset.grades.bands;
  const lowest = [...bands].sort((a, b) => a.min - b.min)[0]?.grade ?? 'D';
  const cycle = s.longer && longer.includes(s.longer) ? s.longer : primary;
  return {
    id: s.kind,
    kind: s.kind,
    name: t(language, s.name),
    description: t(language, s.description, { grade: lowest, count: s.consecutive, cycle: { $t: `cycle-${cycle}` }, percent: s.deductionPercent ?? 0 }),
    when: { grades: [lowest], consecutive: s.consecutive, cycle },
    ...(s.deductionPercent !== undefined ? { deduction_percent: s.deductionPercent } : {}),
  };
}

// ── grades ───────────────────────────────────────────────────────────────────

/** The preset's grade bands, best first. */
export function gradesBestFirst(preset: Policy): Policy['grades']['bands'] {
  return [...preset.grades.bands].sort((a, b) => b.min - a.min);
}

export function names(preset: Policy): Names {
  const kpis = kpiOptions(preset);
  const items = itemOptions(preset);
  return {
    kpi: (id) => kpis.find((k) => k.id === id)?.name ?? id,
    item: (id) => items.find((i) => i.id === id)?.name ?? id,
  };
}
