// The wizard's questions, declared once as data. Each says what it asks (message codes for
// the question and the one-line reason it matters), what kind of answer it takes, its
// default (from the preset and the answers before it), and what makes an answer wrong.
// The same list drives the prompts, the answers file (schemas/src/answers.schema.yaml has
// one property per question; a test keeps them in step) and the non-interactive defaults.
import { t, type MessageCode, type MessageRef } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { MessageParams } from '../i18n/translate.js';
import { checkKpiLimits } from '../policy/rules/kpi-values.js';
import type { Cycle, Policy, RaterType } from '../policy/policy.generated.js';
import type { Path } from '../validation/yaml-document.js';
import type { AnswerKey, ResolvedAnswers, WizardContext } from './answers.js';
import { renameSamples } from './rename-samples.js';
import { FIVE_GRADE_SHARES } from './standard-parts.js';
import {
  chosenRoles,
  gradesBestFirst,
  itemOptions,
  kpiDefinition,
  kpiOptions,
  penaltyOptions,
  roleOptions,
  suggestItemWeights,
  suggestItems,
  suggestRoleKpis,
  suggestShare,
} from './suggestions.js';
import { addsUpToHundred, normaliseWeights, totalWeight } from './weights.js';
import { isCalendarDay } from '../text/calendar-day.js';

/**
 * The parts of the wizard, in the order they are asked; at the summary the user can go back
 * to any of them. 'targets' has no question of its own: it asks the targets and floors of
 * the KPIs per role (part of the role_kpis answer) once every role's KPIs are chosen.
 */
export const PARTS = ['basics', 'roles', 'situation', 'kpis', 'targets', 'qualitative', 'grades', 'incentives', 'penalties', 'appeal'] as const;

export type Section = (typeof PARTS)[number];

export interface QuestionContext extends WizardContext {
  /** Every earlier question's answer. */
  readonly answers: Partial<ResolvedAnswers>;
}

/** What is wrong with an answer; `path` leads from the answer to the bad part. */
export interface Problem {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly path?: Path;
  /** Point at the key rather than the value (a list whose total is wrong). */
  readonly at?: 'key';
}

/** Text shown to the user: policy content as it is, or a message in the user's language. */
export type Label = string | MessageRef;

export interface Choice {
  readonly value: string;
  readonly label: Label;
  readonly hint?: Label;
  /** Shown but not selectable, with the reason. */
  readonly disabled?: Label;
}

export interface Entry {
  readonly id: string;
  readonly label: Label;
}

interface Common<K extends AnswerKey, C> {
  readonly id: K;
  readonly section: Section;
  readonly message: MessageCode;
  readonly hint: MessageCode;
  /** Asked only when this holds; otherwise the default stands. */
  readonly when?: (ctx: C) => boolean;
  readonly default: (ctx: C) => ResolvedAnswers[K];
  /**
   * An answers-file value for a record merges over the default (answer one role, keep the
   * others' suggestions) instead of replacing it.
   */
  readonly merge?: boolean;
  readonly check?: (value: ResolvedAnswers[K], ctx: C) => Problem[];
  /** What is unusual but allowed about an answer: said, never refused. */
  readonly warn?: (value: ResolvedAnswers[K], ctx: C) => Problem[];
}

export type KindOf<C> =
  | { readonly kind: 'select'; readonly choices: (ctx: C) => readonly Choice[] }
  | { readonly kind: 'multiselect'; readonly choices: (ctx: C) => readonly Choice[]; readonly min: number }
  | { readonly kind: 'text' }
  | { readonly kind: 'date' }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'confirm' }
  | { readonly kind: 'list' }
  /** Shares of 100 over `entries`; with `pick` (its question), the user first chooses which entries. */
  | { readonly kind: 'weights'; readonly entries: (ctx: C) => readonly Entry[]; readonly pick?: MessageCode }
  /**
   * One number per entry, between min and max. `entry` checks each number as it is typed,
   * against the ones typed before it (`entered`, in the order of `entries`), so a mistake is
   * refused on the spot rather than after the whole list.
   */
  | {
      readonly kind: 'numbers';
      readonly entries: (ctx: C) => readonly Entry[];
      readonly min: number;
      readonly max: number;
      readonly integer?: boolean;
      readonly entry?: (id: string, value: number, entered: Readonly<Record<string, number>>, ctx: C) => Problem | undefined;
    }
  | { readonly kind: 'custom-roles' }
  | { readonly kind: 'role-kpis' };

export type Question<K extends AnswerKey, C = QuestionContext> = Common<K, C> & KindOf<C>;
export type Kind = KindOf<unknown>['kind'];

export type AnyQuestion<C = QuestionContext> = { [K in AnswerKey]: Question<K, C> }[AnswerKey];

// ── helpers shared by the declarations ──────────────────────────────────────

const ref = (code: MessageCode, params?: MessageParams): MessageRef => (params ? { $t: code, params } : { $t: code });

const CYCLES: readonly Cycle[] = ['monthly', 'quarterly', 'annual'];
const RATERS: readonly RaterType[] = ['supervisor', 'peer', 'subordinate', 'customer', 'self'];

/** `ctx.answers[key]`, which the question order guarantees is there. */
function earlier<K extends AnswerKey>(ctx: QuestionContext, key: K): ResolvedAnswers[K] {
  const value = ctx.answers[key];
  if (value === undefined) throw new Error(`question order: "${key}" is needed before it is answered`);
  return value as ResolvedAnswers[K];
}

function roleEntries(ctx: QuestionContext): Entry[] {
  return chosenRoles({ roles: earlier(ctx, 'roles'), custom_roles: earlier(ctx, 'custom_roles') }, ctx.preset).map((r) => ({ id: r.id, label: r.name }));
}

function gradeEntries(ctx: QuestionContext, withLowest = true): Entry[] {
  const bands = gradesBestFirst(ctx.preset);
  // The label is in the policy's language, and so are its brackets.
  return (withLowest ? bands : bands.slice(0, -1)).map((b) => ({ id: b.grade, label: t(ctx.preset.meta.language, 'wizard-grade-entry', { grade: b.grade, label: b.label }) }));
}

function unknownIds(ids: readonly string[], known: readonly string[], code: MessageCode): Problem[] {
  return ids.flatMap((id, index) => (known.includes(id) ? [] : [{ code, params: { id, known: known.join(', ') }, path: [index] }]));
}

function unknownKeys(record: Readonly<Record<string, unknown>>, known: readonly string[], code: MessageCode): Problem[] {
  return Object.keys(record).flatMap((id) => (known.includes(id) ? [] : [{ code, params: { id, known: known.join(', ') }, path: [id] }]));
}

function duplicates(ids: readonly string[], code: MessageCode): Problem[] {
  return ids.flatMap((id, index) => (ids.indexOf(id) !== index ? [{ code, params: { id }, path: [index] }] : []));
}

/** A list of picks: each one known, none twice. */
function picks(ids: readonly string[], known: readonly string[], unknown: MessageCode): Problem[] {
  return [...unknownIds(ids, known, unknown), ...duplicates(ids, 'answer-duplicate')];
}

/** Which of the preset's honours (or training measures) to keep: all by default. */
function actionsKept(
  id: 'honours' | 'training',
  message: MessageCode,
  hint: MessageCode,
  list: (preset: Policy) => readonly { id: string; name: string; description?: string }[] | undefined,
): AnyQuestion {
  const of = (ctx: QuestionContext) => list(ctx.preset) ?? [];
  return {
    id,
    section: 'incentives',
    kind: 'multiselect',
    min: 0,
    message,
    hint,
    when: (ctx) => of(ctx).length > 0,
    default: (ctx) => of(ctx).map((a) => a.id),
    choices: (ctx) => of(ctx).map((a) => ({ value: a.id, label: a.name, ...(a.description ? { hint: a.description } : {}) })),
    check: (value, ctx) =>
      picks(
        value,
        of(ctx).map((a) => a.id),
        'answer-unknown-option',
      ),
  };
}

/** A weights record must cover exactly `entries` and total 100. */
function weightsProblems(record: Readonly<Record<string, number>>, entries: readonly Entry[], code: MessageCode): Problem[] {
  const ids = entries.map((e) => e.id);
  const problems = unknownKeys(record, ids, code);
  const weighted = Object.entries(record).map(([id, weight]) => ({ id, weight }));
  if (!addsUpToHundred(weighted)) {
    problems.push({ code: 'answer-weights-total', params: { total: totalWeight(weighted), detail: weighted.map((w) => `${w.id} ${w.weight}`).join(' + ') }, at: 'key' });
  }
  return problems;
}

/**
 * A date as people type it, written as YYYY-MM-DD: 2027-01-01, 2027/1/1, 2027.1.1,
 * 2027年1月1日 (digits full-width or not); undefined when it is not a real date.
 */
export function normaliseDate(text: string): string | undefined {
  const ascii = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const match = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(ascii);
  if (!match) return undefined;
  const date = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isCalendarDay(date) ? date : undefined;
}

/** The preset's company name is an example ("示例科技有限公司"), not anyone's company. */
export function isPlaceholderCompany(company: string, preset: Policy): boolean {
  return company.trim() === preset.meta.company;
}

/** The first day of the month after `today` (YYYY-MM-DD): when a new policy usually starts. */
export function firstOfNextMonth(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  return `${next.y}-${String(next.m).padStart(2, '0')}-01`;
}

/**
 * What is wrong with `value` as the lowest score of `grade` (not the lowest grade, which
 * starts at 0), given the minimums of the better grades: it must be below the grade above
 * (below 100 for the best) and above 0, where the lowest grade starts.
 */
function gradeMinProblem(bands: Policy['grades']['bands'], grade: string, value: number, mins: Readonly<Record<string, number>>): Problem | undefined {
  const index = bands.findIndex((b) => b.grade === grade);
  const better = bands[index - 1];
  if (!better) return value < 100 ? undefined : { code: 'answer-grade-top', params: { grade, min: value } };
  const higher = mins[better.grade] ?? better.min;
  if (!(value < higher)) return { code: 'answer-grade-order', params: { grade, min: value, better: better.grade, betterMin: higher } };
  const lowest = bands[bands.length - 1];
  if (lowest && value <= 0) return { code: 'answer-grade-above-zero', params: { grade, min: value, lowest: lowest.grade } };
  return undefined;
}

const asRecord = (entries: readonly { id: string; weight: number }[]) => Object.fromEntries(entries.map((e) => [e.id, e.weight]));

function longerCycles(primary: Cycle): Cycle[] {
  return CYCLES.slice(CYCLES.indexOf(primary) + 1);
}

// ── the questions that pick the preset ──────────────────────────────────────

export interface PresetContext {
  /** The language of messages, the default language of the policy. */
  readonly messageLanguage: Language;
  /** The size given with --preset, if any. */
  readonly size?: Policy['meta']['size'];
  readonly answers: Partial<ResolvedAnswers>;
  readonly hasPreset: (size: Policy['meta']['size'], language: Language) => boolean;
}

const SIZES = ['small', 'medium', 'large'] as const;

/** The preferred value when a preset exists for it, else the first that has one. */
function firstAvailable<V>(preferred: V, all: readonly V[], available: (value: V) => boolean): V {
  return available(preferred) ? preferred : (all.find(available) ?? preferred);
}

export const PRESET_QUESTIONS: readonly AnyQuestion<PresetContext>[] = [
  {
    id: 'language',
    section: 'basics',
    kind: 'select',
    message: 'q-language',
    hint: 'q-language-hint',
    default: (ctx) => firstAvailable<Language>(ctx.messageLanguage, ['zh-CN', 'en'], (language) => SIZES.some((size) => ctx.hasPreset(size, language))),
    choices: (ctx) =>
      (['zh-CN', 'en'] as const).map((language) => ({
        value: language,
        label: ref(language === 'zh-CN' ? 'choice-language-zh' : 'choice-language-en'),
        ...(SIZES.some((size) => ctx.hasPreset(size, language)) ? {} : { disabled: ref('choice-language-missing') }),
      })),
  },
  {
    id: 'size',
    section: 'basics',
    kind: 'select',
    message: 'q-size',
    hint: 'q-size-hint',
    default: (ctx) => {
      const language = ctx.answers.language ?? ctx.messageLanguage;
      return ctx.size ?? firstAvailable<Policy['meta']['size']>('medium', SIZES, (size) => ctx.hasPreset(size, language));
    },
    choices: (ctx) =>
      SIZES.map((size) => {
        const language = ctx.answers.language ?? ctx.messageLanguage;
        return {
          value: size,
          label: ref(`choice-size-${size}`),
          hint: ref(`choice-size-${size}-hint`),
          ...(ctx.hasPreset(size, language) ? {} : { disabled: ref('choice-preset-missing') }),
        };
      }),
  },
];

// ── the questions that shape the policy ─────────────────────────────────────

export const POLICY_QUESTIONS: readonly AnyQuestion[] = [
  // basics
  {
    id: 'company',
    section: 'basics',
    kind: 'text',
    message: 'q-company',
    hint: 'q-company-hint',
    default: (ctx) => ctx.preset.meta.company,
    // The preset's name is a placeholder: kept only on purpose, and the policy is then a draft.
    warn: (value, ctx) => (isPlaceholderCompany(value, ctx.preset) ? [{ code: 'answer-company-placeholder', params: { value } }] : []),
  },
  { id: 'department', section: 'basics', kind: 'text', message: 'q-department', hint: 'q-department-hint', default: (ctx) => ctx.preset.meta.department },
  {
    id: 'effective_date',
    section: 'basics',
    kind: 'date',
    message: 'q-effective-date',
    hint: 'q-effective-date-hint',
    default: (ctx) => firstOfNextMonth(ctx.today),
    check: (value, ctx) => (isCalendarDay(value) ? [] : [{ code: 'answer-bad-date', params: { value, example: firstOfNextMonth(ctx.today) } }]),
    // A policy may be dated back on purpose (writing down what already applies), but pay
    // rules applied retroactively are a common mistake: say so, do not refuse.
    warn: (value, ctx) => (value < ctx.today ? [{ code: 'answer-date-past', params: { value, today: ctx.today } }] : []),
  },

  // roles
  {
    id: 'roles',
    section: 'roles',
    kind: 'multiselect',
    min: 0,
    message: 'q-roles',
    hint: 'q-roles-hint',
    default: (ctx) => ctx.preset.roles.map((r) => r.id),
    choices: (ctx) => roleOptions(ctx.preset).map((r) => ({ value: r.id, label: r.name, ...(r.description ? { hint: r.description } : {}) })),
    check: (value, ctx) =>
      picks(
        value,
        roleOptions(ctx.preset).map((r) => r.id),
        'answer-unknown-role',
      ),
  },
  {
    id: 'custom_roles',
    section: 'roles',
    kind: 'custom-roles',
    message: 'q-custom-roles',
    hint: 'q-custom-roles-hint',
    default: () => [],
    check: (value, ctx) => {
      const problems: Problem[] = [];
      const known = kpiOptions(ctx.preset).map((k) => k.id);
      const taken = roleOptions(ctx.preset).filter((r) => earlier(ctx, 'roles').includes(r.id));
      value.forEach((role, index) => {
        problems.push(...picks(role.kpis, known, 'answer-unknown-kpi').map((p) => ({ ...p, path: [index, 'kpis', ...(p.path ?? [])] })));
        const clash = [...taken.map((r) => r.name), ...value.slice(0, index).map((r) => r.name)].includes(role.name);
        if (clash) problems.push({ code: 'answer-duplicate-role-name', params: { name: role.name }, path: [index, 'name'] });
      });
      return problems;
    },
  },
  {
    id: 'multi_role',
    section: 'roles',
    kind: 'confirm',
    message: 'q-multi-role',
    hint: 'q-multi-role-hint',
    // Holding several roles is how small teams work; larger ones can set it in the file.
    when: (ctx) => ctx.preset.meta.size === 'small' || ctx.preset.multi_role,
    default: (ctx) => ctx.preset.multi_role,
  },

  // situation: each answer adjusts the suggestions that follow (see situation.ts)
  ...(
    [
      ['competition', 'q-competition', 'q-competition-hint', ['low', 'normal', 'intense'], 'normal', 'choice-competition-'],
      ['training_maturity', 'q-training-maturity', 'q-training-maturity-hint', ['basic', 'developing', 'mature'], 'developing', 'choice-training-maturity-'],
      ['cost_pressure', 'q-cost-pressure', 'q-cost-pressure-hint', ['low', 'normal', 'high'], 'normal', 'choice-cost-pressure-'],
      ['complaints', 'q-complaints', 'q-complaints-hint', ['rare', 'occasional', 'frequent'], 'occasional', 'choice-complaints-'],
    ] as const
  ).map(
    ([id, message, hint, values, fallback, prefix]) =>
      ({
        id,
        section: 'situation',
        kind: 'select',
        message,
        hint,
        default: () => fallback,
        choices: () => values.map((value) => ({ value, label: ref(`${prefix}${value}` as MessageCode) })),
      }) as AnyQuestion,
  ),

  // KPIs per role
  {
    id: 'role_kpis',
    section: 'kpis',
    kind: 'role-kpis',
    message: 'q-role-kpis',
    hint: 'q-role-kpis-hint',
    merge: true,
    default: (ctx) =>
      suggestRoleKpis(
        {
          roles: earlier(ctx, 'roles'),
          custom_roles: earlier(ctx, 'custom_roles'),
          competition: earlier(ctx, 'competition'),
          training_maturity: earlier(ctx, 'training_maturity'),
          cost_pressure: earlier(ctx, 'cost_pressure'),
          complaints: earlier(ctx, 'complaints'),
        },
        ctx.preset,
      ).byRole,
    check: (value, ctx) => {
      const roles = roleEntries(ctx);
      const problems = unknownKeys(
        value,
        roles.map((r) => r.id),
        'answer-unknown-role',
      );
      for (const [role, kpis] of Object.entries(value)) {
        const name = roles.find((r) => r.id === role)?.label ?? role;
        kpis.forEach((entry, index) => {
          const at = (field: string) => [role, index, field];
          const kpi = kpiDefinition(entry.kpi, ctx.preset);
          if (!kpi) {
            problems.push({ code: 'answer-unknown-kpi', params: { id: entry.kpi, known: kpiOptions(ctx.preset).map((k) => k.id).join(', ') }, path: at('kpi') });
            return;
          }
          // The rules `aspm validate` applies to the policy, on the values this answer sets.
          const values = { target: entry.target ?? kpi.target, floor: entry.floor ?? kpi.floor };
          const own = { target: entry.target !== undefined, floor: entry.floor !== undefined };
          for (const p of checkKpiLimits(kpi, values, ctx.preset.evaluation.satisfaction, { role: name, own })) problems.push({ code: p.code, params: p.params, path: at(p.limit) });
        });
        problems.push(...duplicates(kpis.map((k) => k.kpi), 'answer-duplicate').map((p) => ({ ...p, path: [role, ...(p.path ?? []), 'kpi'] })));
        const weighted = kpis.map((k) => ({ id: k.kpi, weight: k.weight }));
        if (!addsUpToHundred(weighted)) {
          problems.push({ code: 'answer-role-weights-total', params: { role: name, total: totalWeight(weighted), detail: weighted.map((w) => `${w.id} ${w.weight}`).join(' + ') }, path: [role], at: 'key' });
        }
      }
      return problems;
    },
  },
  {
    id: 'quantitative_share',
    section: 'kpis',
    kind: 'numbers',
    min: 0,
    max: 100,
    message: 'q-quantitative-share',
    hint: 'q-quantitative-share-hint',
    merge: true,
    entries: roleEntries,
    default: (ctx) =>
      Object.fromEntries(chosenRoles({ roles: earlier(ctx, 'roles'), custom_roles: earlier(ctx, 'custom_roles') }, ctx.preset).map((r) => [r.id, suggestShare(r, ctx.preset)])),
    check: (value, ctx) =>
      unknownKeys(
        value,
        roleEntries(ctx).map((r) => r.id),
        'answer-unknown-role',
      ),
  },

  // qualitative assessment
  {
    id: 'qualitative_items',
    section: 'qualitative',
    kind: 'multiselect',
    min: 1,
    message: 'q-qualitative-items',
    hint: 'q-qualitative-items-hint',
    default: (ctx) => suggestItems({ training_maturity: earlier(ctx, 'training_maturity') }, ctx.preset).items.map((i) => i.id),
    choices: (ctx) => itemOptions(ctx.preset).map((i) => ({ value: i.id, label: i.name, ...(i.description ? { hint: i.description } : {}) })),
    check: (value, ctx) => [
      ...(value.length === 0 ? [{ code: 'answer-empty-list' as const, params: {} }] : []),
      ...picks(
        value,
        itemOptions(ctx.preset).map((i) => i.id),
        'answer-unknown-item',
      ),
    ],
  },
  {
    id: 'item_weights',
    section: 'qualitative',
    kind: 'weights',
    message: 'q-item-weights',
    hint: 'q-item-weights-hint',
    entries: (ctx) => {
      const options = itemOptions(ctx.preset);
      return earlier(ctx, 'qualitative_items').map((id) => ({ id, label: options.find((o) => o.id === id)?.name ?? id }));
    },
    default: (ctx) => asRecord(suggestItemWeights(earlier(ctx, 'qualitative_items'), { training_maturity: earlier(ctx, 'training_maturity') }, ctx.preset)),
    check: (value, ctx) => {
      const options = itemOptions(ctx.preset);
      return weightsProblems(
        value,
        earlier(ctx, 'qualitative_items').map((id) => ({ id, label: options.find((o) => o.id === id)?.name ?? id })),
        'answer-unknown-item',
      );
    },
  },
  {
    id: 'raters',
    section: 'qualitative',
    kind: 'weights',
    pick: 'raters-pick',
    message: 'q-raters',
    hint: 'q-raters-hint',
    entries: () => RATERS.map((type) => ({ id: type, label: ref(`rater-${type}`) })),
    default: (ctx) => asRecord(ctx.preset.qualitative.raters.map((r) => ({ id: r.type, weight: r.weight }))),
    check: (value) => weightsProblems(
      value,
      RATERS.map((id) => ({ id, label: id })),
      'answer-unknown-rater',
    ),
  },

  // cycles and grades
  {
    id: 'primary_cycle',
    section: 'grades',
    kind: 'select',
    message: 'q-primary-cycle',
    hint: 'q-primary-cycle-hint',
    default: (ctx) => ctx.preset.cycles.primary,
    choices: () => CYCLES.map((cycle) => ({ value: cycle, label: ref(`choice-cycle-${cycle}`) })),
  },
  {
    id: 'summary_cycles',
    section: 'grades',
    kind: 'multiselect',
    min: 0,
    message: 'q-summary-cycles',
    hint: 'q-summary-cycles-hint',
    when: (ctx) => longerCycles(earlier(ctx, 'primary_cycle')).length > 0,
    default: (ctx) => ctx.preset.cycles.also.filter((c) => longerCycles(earlier(ctx, 'primary_cycle')).includes(c)),
    choices: (ctx) => longerCycles(earlier(ctx, 'primary_cycle')).map((cycle) => ({ value: cycle, label: ref(`choice-cycle-${cycle}`) })),
    check: (value, ctx) => picks(value, longerCycles(earlier(ctx, 'primary_cycle')), 'answer-not-longer-cycle'),
  },
  {
    id: 'grade_mins',
    section: 'grades',
    kind: 'numbers',
    min: 0,
    max: 100,
    message: 'q-grade-mins',
    hint: 'q-grade-mins-hint',
    merge: true,
    entries: (ctx) => gradeEntries(ctx, false),
    default: (ctx) => Object.fromEntries(gradesBestFirst(ctx.preset).map((b) => [b.grade, b.min])),
    entry: (grade, value, entered, ctx) => gradeMinProblem(gradesBestFirst(ctx.preset), grade, value, entered),
    check: (value, ctx) => {
      const bands = gradesBestFirst(ctx.preset);
      const problems = unknownKeys(
        value,
        bands.map((b) => b.grade),
        'answer-unknown-grade',
      );
      const lowest = bands[bands.length - 1];
      if (lowest && (value[lowest.grade] ?? 0) !== 0) problems.push({ code: 'answer-lowest-grade-zero', params: { grade: lowest.grade }, path: [lowest.grade] });
      const mins = Object.fromEntries(bands.map((b) => [b.grade, value[b.grade] ?? b.min]));
      for (const band of bands.slice(0, -1)) {
        const problem = gradeMinProblem(bands, band.grade, mins[band.grade]!, mins);
        if (problem) problems.push({ ...problem, path: [band.grade] });
      }
      return problems;
    },
  },
  {
    id: 'forced_distribution',
    section: 'grades',
    kind: 'confirm',
    message: 'q-forced-distribution',
    hint: 'q-forced-distribution-hint',
    // Ranking people into fixed shares only makes sense in large groups.
    when: (ctx) => ctx.preset.meta.size === 'large' || ctx.preset.grades.forced_distribution !== undefined,
    default: (ctx) => ctx.preset.grades.forced_distribution?.enabled ?? false,
  },
  {
    id: 'distribution_shares',
    section: 'grades',
    kind: 'weights',
    message: 'q-distribution-shares',
    hint: 'q-distribution-shares-hint',
    when: (ctx) => earlier(ctx, 'forced_distribution'),
    entries: (ctx) => gradeEntries(ctx),
    default: (ctx) => {
      const shares = ctx.preset.grades.forced_distribution?.shares;
      if (shares) return Object.fromEntries(shares.map((s) => [s.grade, s.percent]));
      const grades = gradesBestFirst(ctx.preset).map((b) => b.grade);
      const curve = grades.length === FIVE_GRADE_SHARES.length ? FIVE_GRADE_SHARES : grades.map(() => 1);
      return asRecord(normaliseWeights(grades.map((id, i) => ({ id, weight: curve[i] ?? 1 }))));
    },
    check: (value, ctx) => weightsProblems(value, gradeEntries(ctx), 'answer-unknown-grade'),
  },

  // incentives and penalties
  {
    id: 'bonus_coefficients',
    section: 'incentives',
    kind: 'numbers',
    min: 0,
    max: 5,
    message: 'q-bonus-coefficients',
    hint: 'q-bonus-coefficients-hint',
    merge: true,
    entries: (ctx) => gradeEntries(ctx),
    default: (ctx) => Object.fromEntries(ctx.preset.incentives.bonus.coefficients.map((c) => [c.grade, c.coefficient])),
    check: (value, ctx) =>
      unknownKeys(
        value,
        gradesBestFirst(ctx.preset).map((b) => b.grade),
        'answer-unknown-grade',
      ),
  },
  {
    id: 'promotion',
    section: 'incentives',
    kind: 'confirm',
    message: 'q-promotion',
    hint: 'q-promotion-hint',
    when: (ctx) => ctx.preset.incentives.promotion !== undefined,
    default: (ctx) => ctx.preset.incentives.promotion !== undefined,
  },
  actionsKept('honours', 'q-honours', 'q-honours-hint', (preset) => preset.incentives.honours),
  actionsKept('training', 'q-training', 'q-training-hint', (preset) => preset.incentives.training),
  {
    id: 'penalties',
    section: 'penalties',
    kind: 'multiselect',
    min: 0,
    message: 'q-penalties',
    hint: 'q-penalties-hint',
    default: (ctx) => ctx.preset.penalties.map((p) => p.id),
    choices: (ctx) =>
      penaltyOptions(ctx.preset, earlier(ctx, 'primary_cycle'), earlier(ctx, 'summary_cycles')).map((o) => ({
        value: o.id,
        label: o.penalty.name,
        ...(o.penalty.description ? { hint: o.penalty.description } : {}),
      })),
    check: (value, ctx) =>
      picks(
        value,
        penaltyOptions(ctx.preset, earlier(ctx, 'primary_cycle'), earlier(ctx, 'summary_cycles')).map((o) => o.id),
        'answer-unknown-option',
      ),
  },

  // appeal
  {
    id: 'appeal_channel',
    section: 'appeal',
    kind: 'text',
    message: 'q-appeal-channel',
    hint: 'q-appeal-channel-hint',
    default: (ctx) => renameSamples(ctx.preset.appeal.channel, ctx.preset, ctx.answers),
  },
  {
    id: 'appeal_file_days',
    section: 'appeal',
    kind: 'integer',
    min: 1,
    max: 60,
    message: 'q-appeal-file-days',
    hint: 'q-appeal-file-days-hint',
    default: (ctx) => ctx.preset.appeal.file_within_days,
  },
  {
    id: 'appeal_answer_days',
    section: 'appeal',
    kind: 'integer',
    min: 1,
    max: 60,
    message: 'q-appeal-answer-days',
    hint: 'q-appeal-answer-days-hint',
    default: (ctx) => ctx.preset.appeal.answer_within_days,
  },
  {
    id: 'appeal_reviewers',
    section: 'appeal',
    kind: 'list',
    message: 'q-appeal-reviewers',
    hint: 'q-appeal-reviewers-hint',
    default: (ctx) => renameSamples([...ctx.preset.appeal.reviewers], ctx.preset, ctx.answers),
    check: (value) => (value.length === 0 ? [{ code: 'answer-empty-list', params: {} }] : []),
  },
];

/** Every question, in the order they are asked. */
export const QUESTIONS: readonly (AnyQuestion | AnyQuestion<PresetContext>)[] = [...PRESET_QUESTIONS, ...POLICY_QUESTIONS];
