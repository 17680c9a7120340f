// The interactive wizard: walks the declared questions in order, asks each one that the
// answers file left open through the injected Prompts, and returns complete answers. Every
// question offers its default, so Enter all the way through gives the preset. Compound
// answers (weights that must total 100, a role's KPIs with targets, custom roles) are
// small dialogues of their own. Never touches the terminal directly.
import { t, type MessageCode } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { MessageParams } from '../i18n/translate.js';
import { checkKpiLimits, checkKpiValue } from '../policy/rules/kpi-values.js';
import type { Kpi } from '../policy/policy.generated.js';
import type { Answers, ResolvedAnswers, RoleKpiAnswer, WizardContext } from './answers.js';
import { answerWarnings, resolveOne } from './complete-answers.js';
import { normaliseDate, PARTS, POLICY_QUESTIONS, PRESET_QUESTIONS, type AnyQuestion, type Choice, type Entry, type Label, type PresetContext, type Problem, type QuestionContext, type Section } from './questions.js';
import type { PromptChoice, Prompts } from './prompts.js';
import { kpiUnit, kpiValue } from './kpi-units.js';
import type { Adjustment } from './situation.js';
import { chosenRoles, kpiDefinition, kpiOptions, suggestBonusBase, suggestRoleKpis, type RoleKpiSuggestionInput } from './suggestions.js';
import { addsUpToHundred, nextWeightDefault, normaliseWeights, reweigh, totalWeight } from './weights.js';

export interface AskOptions {
  /** The language of the questions (not necessarily the policy's). */
  readonly language: Language;
  readonly prompts: Prompts;
  /** How section headings look (bold on a colour terminal). */
  readonly heading?: (text: string) => string;
  /** Shared by the two halves of one run, so a section heading is not repeated. */
  readonly progress?: { section?: Section };
}

/** Going back from the summary to one part, with every answer given before. */
export interface Revisit<A = ResolvedAnswers> {
  readonly part: Section;
  readonly previous: A;
}

type Values = Record<string, number>;

/** Language and size: the two answers that pick the preset (asked again with `revisit`, the earlier ones as defaults). */
export async function askPresetAnswers(
  given: Answers,
  ctx: Omit<PresetContext, 'answers'>,
  options: AskOptions & { readonly revisit?: Revisit<Pick<ResolvedAnswers, 'language' | 'size'>> },
): Promise<Pick<ResolvedAnswers, 'language' | 'size'>> {
  const answers: Partial<ResolvedAnswers> = {};
  const asker = new Asker(options);
  for (const question of PRESET_QUESTIONS) {
    const c: PresetContext = { ...ctx, answers };
    const own = given[question.id];
    if (own === undefined) asker.section(question.section);
    const fallback = options.revisit ? options.revisit.previous[question.id as 'language' | 'size'] : question.default(c);
    const value = own !== undefined ? own : await asker.simple(question, fallback, c);
    (answers as Record<string, unknown>)[question.id] = value;
  }
  return answers as Pick<ResolvedAnswers, 'language' | 'size'>;
}

/**
 * Every other answer, given the preset those two picked. With `revisit`, only the questions
 * of that part are asked (the earlier answers as defaults); the parts before it keep their
 * answers, and so do the parts after it, except that an answer left at its suggestion
 * follows the new suggestion and one the change made invalid goes back to the suggestion.
 * Each such change is said. `previousContext` is what the earlier answers were given in (a
 * different preset when part 1 changed the size or language).
 */
export async function askPolicyAnswers(
  given: Answers,
  ctx: WizardContext,
  options: AskOptions & { readonly revisit?: Revisit; readonly previousContext?: WizardContext },
): Promise<ResolvedAnswers> {
  const { language, size } = ctx.preset.meta;
  const answers: Partial<ResolvedAnswers> = { language, size };
  const asker = new Asker(options);
  const { revisit } = options;
  const changes: string[] = [];
  for (const part of PARTS) {
    const stage = !revisit || part === revisit.part ? 'ask' : PARTS.indexOf(part) < PARTS.indexOf(revisit.part) ? 'keep' : 'carry';
    for (const question of POLICY_QUESTIONS.filter((q) => q.section === part)) {
      const c: QuestionContext = { ...ctx, answers };
      let value: unknown;
      if (given[question.id] !== undefined) {
        // Answered in the file (and checked before the wizard started): not asked again.
        value = resolveOne(question, given, c).value;
      } else if (question.when && !question.when(c)) {
        value = question.default(c);
      } else if (revisit && stage === 'keep') {
        value = revisit.previous[question.id];
      } else if (revisit && stage === 'carry') {
        const carried = carryOver(question, c, revisit.previous, { ...(options.previousContext ?? ctx), answers: revisit.previous });
        value = carried.value;
        if (carried.change) changes.push(asker.say(carried.change.code, { question: { $t: question.message }, ...carried.change.params }));
      } else {
        asker.section(part);
        // The earlier answer is the default, unless an answer just changed above it in this
        // part rules it out (item weights for items no longer ticked): then the suggestion.
        const earlier = revisit ? carryOver(question, c, revisit.previous, { ...(options.previousContext ?? ctx), answers: revisit.previous }).value : undefined;
        value = await asker.askAndWarn(withDefault(question, earlier), c);
      }
      (answers as Record<string, unknown>)[question.id] = value;
    }
    // The targets and floors of the KPIs each role now has (not asked when the file gave them).
    if (part === 'targets' && stage === 'ask' && given.role_kpis === undefined) {
      asker.section(part);
      answers.role_kpis = await asker.roleTargets({ ...ctx, answers });
    }
  }
  if (revisit && changes.length > 0) {
    asker.prompts.say(`\n${asker.say('revisit-changes', { index: PARTS.indexOf(revisit.part) + 1 })}`);
    for (const change of changes) asker.prompts.say(`  · ${change}`);
  }
  return answers as ResolvedAnswers;
}

/** The question with `value` (an earlier answer) as its default. */
function withDefault(question: AnyQuestion, value: unknown): AnyQuestion {
  return value === undefined ? question : ({ ...question, default: () => value } as unknown as AnyQuestion);
}

/**
 * A later part's answer after an earlier part changed: still the suggestion if it was the
 * suggestion (a record question compares key by key, so a role's own weights stand while a
 * new role gets its suggestion); the user's own answer if it still holds; else the new
 * suggestion, with the reason.
 */
export function carryOver(
  question: AnyQuestion,
  c: QuestionContext,
  previous: ResolvedAnswers,
  before: QuestionContext,
): { value: unknown; change?: { code: MessageCode; params: MessageParams } } {
  const earlier = previous[question.id];
  const fresh = question.default(c);
  const old = question.default(before);
  let value: unknown = earlier;
  if (same(earlier, old)) value = fresh;
  else if (question.merge && isRecord(earlier) && isRecord(fresh) && isRecord(old)) {
    value = Object.fromEntries(Object.keys(fresh).map((key) => [key, key in earlier && !same(earlier[key], old[key]) ? earlier[key] : fresh[key]]));
  }
  const check = question.check as ((value: unknown, ctx: QuestionContext) => Problem[]) | undefined;
  const problem = check?.(value, c)[0];
  if (problem) return { value: fresh, change: { code: 'revisit-reset', params: { reason: { $t: problem.code, params: problem.params } } } };
  // Weights typed for the items of before do not cover the items of now (an item added or dropped).
  const fixedEntries = question.kind === 'numbers' || (question.kind === 'weights' && !question.pick);
  if (fixedEntries && isRecord(value) && isRecord(fresh) && !same(Object.keys(value).sort(), Object.keys(fresh).sort())) {
    return { value: fresh, change: { code: 'revisit-reset', params: { reason: { $t: 'revisit-entries-changed' } } } };
  }
  if (!same(value, earlier)) return { value, change: { code: 'revisit-followed', params: {} } };
  return { value };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts 30, 30%, ３０, 1.5 and the like; undefined for anything else. */
export function parseNumber(text: string): number | undefined {
  const ascii = text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[%％\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(ascii)) return undefined;
  return Number(ascii);
}

const OPENING = '(（[【《〈「『{';
const CLOSING = ')）]】》〉」』}';

/**
 * Splits "A、B, C；D" into its parts; a separator inside brackets is part of the text, so
 * "小组（经理、员工代表）" stays one entry.
 */
export function splitList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (OPENING.includes(char)) depth += 1;
    else if (CLOSING.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、,，;；\n'.includes(char)) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((s) => s.trim()).filter((s) => s !== '');
}

class Asker {
  private readonly progress: { section?: Section };
  readonly prompts: Prompts;

  constructor(private readonly options: AskOptions) {
    this.prompts = options.prompts;
    this.progress = options.progress ?? {};
  }

  private heading(text: string): string {
    return (this.options.heading ?? ((t: string) => t))(text);
  }

  say(code: MessageCode, params: MessageParams = {}): string {
    return t(this.options.language, code, params);
  }

  label(label: Label): string {
    return typeof label === 'string' ? label : t(this.options.language, label.$t, label.params);
  }

  section(section: Section): void {
    if (section === this.progress.section) return;
    this.progress.section = section;
    const title = this.say('section-heading', { index: PARTS.indexOf(section) + 1, count: PARTS.length, name: { $t: `section-${section}` } });
    this.prompts.say(`\n${this.heading(`── ${title} ──`)}`);
  }

  /** Kinds that are one prompt each (the only kinds the preset questions use). */
  async simple(question: AnyQuestion<PresetContext> | AnyQuestion, fallback: unknown, c: PresetContext | QuestionContext): Promise<unknown> {
    const message = this.say(question.message);
    // A hint may show the suggestion (the effective date's example is the default date).
    const hint = this.say(question.hint, { example: String(fallback) });
    switch (question.kind) {
      case 'select': {
        const choices = (question.choices as (ctx: typeof c) => readonly Choice[])(c).map((choice) => this.choice(choice));
        return this.prompts.select({ message, hint, choices, default: String(fallback) });
      }
      case 'multiselect': {
        const selected = fallback as readonly string[];
        const choices = (question.choices as (ctx: typeof c) => readonly Choice[])(c).map((choice) => this.choice(choice, selected.includes(choice.value)));
        const min = question.min;
        return this.prompts.checkbox({ message, hint, choices, validate: (values) => (values.length >= min ? true : this.say('input-pick-at-least', { min })) });
      }
      case 'text':
        return (await this.prompts.input({ message, hint, default: String(fallback), validate: (v) => (v.trim() !== '' ? true : this.say('input-required')) })).trim();
      case 'date': {
        const text = await this.prompts.input({
          message,
          hint,
          default: String(fallback),
          validate: (v) => (normaliseDate(v) !== undefined ? true : this.say('answer-bad-date', { value: v.trim(), example: String(fallback) })),
        });
        return normaliseDate(text);
      }
      case 'integer': {
        const { min, max } = question;
        const text = await this.prompts.input({ message, hint, default: String(fallback), validate: (v) => this.checkNumber(v, min, max, true) });
        return parseNumber(text);
      }
      case 'confirm':
        return this.prompts.confirm({ message, hint, default: Boolean(fallback) });
      case 'list': {
        const separator = this.options.language === 'zh-CN' ? '、' : ', ';
        const shown = (fallback as readonly string[]).join(separator);
        const text = await this.prompts.input({
          message,
          hint,
          default: shown,
          validate: (v) => (splitList(v).length > 0 ? true : this.say('input-required')),
        });
        // Enter keeps the default exactly as it was, however its entries are punctuated.
        return text.trim() === shown ? [...(fallback as readonly string[])] : splitList(text);
      }
      default:
        throw new Error(`question ${question.id}: kind ${question.kind} is not a single prompt`);
    }
  }

  /** Asks; an answer that is allowed but unusual is explained and kept only if confirmed. */
  async askAndWarn(question: AnyQuestion, c: QuestionContext): Promise<unknown> {
    for (;;) {
      const value = await this.ask(question, c);
      const warnings = answerWarnings(question, value, c);
      if (warnings.length === 0) return value;
      for (const w of warnings) this.prompts.say(`> ${this.say(w.code, w.params)}`);
      // A past effective date applies pay rules backwards, a placeholder company name heads a
      // real document: for these, Enter types the answer again rather than keeps it.
      const keep = question.id !== 'effective_date' && question.id !== 'company';
      if (await this.prompts.confirm({ message: this.say('answer-keep-anyway', { value: String(value) }), default: keep })) return value;
    }
  }

  async ask(question: AnyQuestion, c: QuestionContext): Promise<unknown> {
    const fallback = question.default(c);
    switch (question.kind) {
      case 'weights': {
        let entries = question.entries(c);
        let suggested = fallback as Values;
        if (question.pick) {
          const ids = await this.prompts.checkbox({
            message: this.say(question.pick),
            hint: this.say(question.hint),
            choices: entries.map((e) => ({ value: e.id, name: this.label(e.label), checked: e.id in suggested })),
            validate: (values) => (values.length >= 1 ? true : this.say('input-pick-at-least', { min: 1 })),
          });
          entries = entries.filter((e) => ids.includes(e.id));
          suggested = asValues(reweigh(ids, asWeighted(suggested)));
        }
        return this.weights(this.say(question.message), this.say(question.hint), entries, suggested);
      }
      case 'numbers': {
        const check = question.check as ((value: Values, ctx: QuestionContext) => { code: MessageCode; params: MessageParams }[]) | undefined;
        const entry = question.entry;
        return this.numbers(
          question,
          question.entries(c),
          fallback as Values,
          (values) => check?.(values, c) ?? [],
          (id, value, entered) => entry?.(id, value, entered, c),
        );
      }
      case 'custom-roles':
        return this.customRoles(c, fallback as ResolvedAnswers['custom_roles']);
      case 'role-kpis':
        return this.roleKpis(c, fallback as Record<string, RoleKpiAnswer[]>);
      default:
        return this.simple(question, fallback, c);
    }
  }

  private choice(choice: Choice, checked?: boolean): PromptChoice {
    return {
      value: choice.value,
      name: this.label(choice.label),
      ...(choice.hint !== undefined ? { description: this.label(choice.hint) } : {}),
      ...(choice.disabled !== undefined ? { disabled: this.label(choice.disabled) } : {}),
      ...(checked !== undefined ? { checked } : {}),
    };
  }

  private checkNumber(text: string, min: number, max: number, integer = false): true | string {
    const value = parseNumber(text);
    if (value === undefined) return this.say('input-not-number');
    if (integer && !Number.isInteger(value)) return this.say('input-not-integer');
    if (value < min || value > max) return this.say('input-out-of-range', { min, max });
    return true;
  }

  private detail(entries: readonly Entry[], values: Values): string {
    return entries.map((e) => `${this.label(e.label)} ${values[e.id] ?? 0}`).join(' · ');
  }

  /** Keep the suggested weights, or enter each with the running total shown until they total 100. */
  async weights(title: string, why: string, entries: readonly Entry[], suggested: Values): Promise<Values> {
    const total = totalWeight(entries.map((e) => ({ id: e.id, weight: suggested[e.id] ?? 0 })));
    const keep = await this.prompts.confirm({
      message: this.say('keep-question', { question: title }),
      hint: `${this.say('weights-list', { detail: this.detail(entries, suggested), total })}\n${why}`,
      default: true,
    });
    if (keep) return pick(suggested, entries);
    let defaults = suggested;
    for (;;) {
      const values: Values = {};
      for (const [index, entry] of entries.entries()) {
        const assigned = totalWeight(Object.entries(values).map(([id, weight]) => ({ id, weight })));
        const left = Number((100 - assigned).toFixed(4));
        const over = Number((assigned - 100).toFixed(4));
        const text = await this.prompts.input({
          message: this.say('weight-entry', { label: this.label(entry.label) }),
          hint: left >= 0 ? this.say('weight-running-total', { assigned, left }) : this.say('weight-running-over', { assigned, over }),
          default: String(nextWeightDefault(defaults[entry.id] ?? 0, left, entries.length - index - 1)),
          validate: (v) => {
            const value = parseNumber(v);
            if (value === undefined) return this.say('input-not-number');
            return value > 0 && value <= 100 ? true : this.say('input-weight-range');
          },
        });
        values[entry.id] = parseNumber(text) ?? 0;
      }
      const weighted = entries.map((e) => ({ id: e.id, weight: values[e.id] ?? 0 }));
      if (addsUpToHundred(weighted)) return values;
      const scaled = asValues(normaliseWeights(weighted));
      const next = await this.prompts.select({
        message: this.say('weights-off', { total: totalWeight(weighted) }),
        hint: this.say('weights-off-hint', { detail: this.detail(entries, values) }),
        choices: [
          { value: 'normalise', name: this.say('weights-normalise', { detail: this.detail(entries, scaled) }) },
          { value: 'reenter', name: this.say('weights-reenter') },
        ],
        default: 'normalise',
      });
      if (next === 'normalise') return scaled;
      defaults = values;
    }
  }

  /**
   * Keep the suggested numbers, or enter each: each one is checked as it is typed against
   * those before it (e.g. a grade below the one above), and the whole once more at the end.
   */
  private async numbers(
    question: AnyQuestion & { kind: 'numbers' },
    entries: readonly Entry[],
    suggested: Values,
    check: (values: Values) => { code: MessageCode; params: MessageParams }[],
    entryProblem: (id: string, value: number, entered: Values) => { code: MessageCode; params: MessageParams } | undefined,
  ): Promise<Values> {
    const keep = await this.prompts.confirm({
      message: this.say('keep-question', { question: this.say(question.message) }),
      hint: `${this.say('suggested-list', { detail: this.detail(entries, suggested) })}\n${this.say(question.hint)}`,
      default: true,
    });
    if (keep) return suggested;
    let defaults = suggested;
    for (;;) {
      const values: Values = { ...suggested };
      const entered: Values = {};
      for (const entry of entries) {
        const fallback = defaults[entry.id];
        // A suggestion that the numbers typed so far rule out is not offered.
        const offered = fallback !== undefined && !entryProblem(entry.id, fallback, entered) ? String(fallback) : undefined;
        const text = await this.prompts.input({
          message: this.say('number-entry', { label: this.label(entry.label) }),
          hint: this.say('number-range-hint', { min: question.min, max: question.max }),
          ...(offered !== undefined ? { default: offered } : {}),
          validate: (v) => {
            const verdict = this.checkNumber(v, question.min, question.max, question.integer);
            if (verdict !== true) return verdict;
            const problem = entryProblem(entry.id, parseNumber(v)!, entered);
            return problem ? this.say(problem.code, problem.params) : true;
          },
        });
        values[entry.id] = entered[entry.id] = parseNumber(text) ?? 0;
      }
      const problems = check(values);
      if (problems.length === 0) return values;
      for (const p of problems) this.prompts.say(`> ${this.say(p.code, p.params)}`);
      defaults = values;
    }
  }

  private kpiChoices(c: QuestionContext, checked: readonly string[]): PromptChoice[] {
    return kpiOptions(c.preset).map((kpi) => ({
      value: kpi.id,
      name: kpi.name,
      description: this.say('kpi-choice-description', { definition: kpi.definition, direction: this.direction(kpi) }),
      checked: checked.includes(kpi.id),
    }));
  }

  private direction(kpi: Kpi): string {
    return this.say(`direction-${kpi.direction}`);
  }

  private unit(kpi: Kpi, c: QuestionContext): string {
    return kpiUnit(this.options.language, kpi, c.preset.meta.currency);
  }

  private async customRoles(c: QuestionContext, earlier: ResolvedAnswers['custom_roles']): Promise<ResolvedAnswers['custom_roles']> {
    const roles: ResolvedAnswers['custom_roles'] = [];
    // Going back: each role added before is kept unless the user says otherwise.
    for (const role of earlier) {
      if (await this.prompts.confirm({ message: this.say('custom-role-keep', { role: role.name }), hint: this.say('custom-role-keep-hint'), default: true })) roles.push(role);
    }
    const taken = chosenRoles({ roles: c.answers.roles ?? [], custom_roles: [] }, c.preset).map((r) => r.name);
    // With no role ticked, adding one is not optional.
    let more =
      (taken.length === 0 && roles.length === 0) ||
      (await this.prompts.confirm({ message: this.say(roles.length > 0 ? 'custom-role-more' : 'custom-role-add'), hint: this.say('q-custom-roles-hint'), default: false }));
    while (more) {
      const name = (
        await this.prompts.input({
          message: this.say('custom-role-name'),
          hint: this.say('custom-role-name-hint'),
          validate: (v) => {
            const text = v.trim();
            if (text === '') return this.say('input-required');
            return [...taken, ...roles.map((r) => r.name)].includes(text) ? this.say('answer-duplicate-role-name', { name: text }) : true;
          },
        })
      ).trim();
      const description = (
        await this.prompts.input({
          message: this.say('custom-role-description', { role: name }),
          hint: this.say('custom-role-description-hint'),
          validate: (v) => (v.trim() !== '' ? true : this.say('input-required')),
        })
      ).trim();
      const kpis = await this.prompts.checkbox({
        message: this.say('role-kpis-pick', { role: name }),
        hint: this.say('custom-role-kpis-hint'),
        choices: this.kpiChoices(c, []),
        validate: (values) => (values.length >= 1 ? true : this.say('input-pick-at-least', { min: 1 })),
      });
      const base = suggestBonusBase(c.preset);
      const bonusBase = parseNumber(
        await this.prompts.input({
          message: this.say('custom-role-bonus-base', { role: name, unit: kpiUnit(this.options.language, { unit: 'currency' }, c.preset.meta.currency) }),
          hint: this.say(base > 0 ? 'custom-role-bonus-base-hint' : 'custom-role-bonus-base-hint-none', { base }),
          default: String(base),
          validate: (v) => {
            const value = parseNumber(v);
            if (value === undefined) return this.say('input-not-number');
            return value >= 0 ? true : this.say('input-not-negative');
          },
        }),
      )!;
      roles.push({ name, description, kpis, bonus_base: bonusBase });
      more = await this.prompts.confirm({ message: this.say('custom-role-more'), default: false });
    }
    return roles;
  }

  private async roleKpis(c: QuestionContext, suggested: Record<string, RoleKpiAnswer[]>): Promise<Record<string, RoleKpiAnswer[]>> {
    const out: Record<string, RoleKpiAnswer[]> = {};
    const customNames = (c.answers.custom_roles ?? []).map((r) => r.name);
    // What the situation changed in each role's suggestion is said before it is shown.
    const { adjustments } = suggestRoleKpis(situationSoFar(c), c.preset);
    for (const role of chosenRoles({ roles: c.answers.roles ?? [], custom_roles: c.answers.custom_roles ?? [] }, c.preset)) {
      this.prompts.say(this.heading(this.say('role-heading', { role: role.name })));
      for (const a of adjustments.filter((a) => 'role' in a.effect && a.effect.role === role.id)) this.prompts.say(`  · ${this.say(a.code, a.params)}`);
      const proposal = suggested[role.id] ?? [];
      // A custom role's KPIs were picked a moment ago; do not ask twice.
      const picked =
        role.source === 'custom' && customNames.includes(role.name)
          ? proposal.map((k) => k.kpi)
          : await this.prompts.checkbox({
              message: this.say('role-kpis-pick', { role: role.name }),
              hint: this.say('role-kpis-pick-hint'),
              choices: this.kpiChoices(
                c,
                proposal.map((k) => k.kpi),
              ),
              validate: (values) => (values.length >= 1 ? true : this.say('input-pick-at-least', { min: 1 })),
            });
      // The role's own order first (it is the order of importance), new picks after.
      const ids = [...proposal.map((k) => k.kpi).filter((id) => picked.includes(id)), ...picked.filter((id) => !proposal.some((k) => k.kpi === id))];
      const kpis = ids.map((id) => kpiDefinition(id, c.preset)).filter((k): k is Kpi => k !== undefined);
      const entries = kpis.map((k) => ({ id: k.id, label: k.name }));
      const suggestion = asValues(reweigh(ids, proposal.map((k) => ({ id: k.kpi, weight: k.weight }))));
      // Unticking or adding a KPI changes what the situation's adjustments come to: said again, as they are now.
      const changed = !same(ids, proposal.map((k) => k.kpi));
      const now = changed ? adjustments.filter((a) => 'role' in a.effect && a.effect.role === role.id).flatMap((a) => this.adjustedNow(a, ids, suggestion, c)) : [];
      const weights = await this.weights(this.say('role-weights-title', { role: role.name }), [this.say('q-role-kpis-hint'), ...now].join('\n'), entries, suggestion);
      const team = proposal.length > 0 && proposal.every((k) => k.scope === 'team');
      // Targets and floors are their own part, asked once every role's KPIs are chosen.
      out[role.id] = kpis.map((kpi) => {
        const before = proposal.find((k) => k.kpi === kpi.id);
        return {
          kpi: kpi.id,
          weight: weights[kpi.id] ?? 0,
          scope: before?.scope ?? (team ? 'team' : 'individual'),
          ...(before?.target !== undefined ? { target: before.target } : {}),
          ...(before?.floor !== undefined ? { floor: before.floor } : {}),
        };
      });
    }
    return out;
  }

  /** An adjustment's line with the KPIs still ticked and their weights now; nothing when none is left. */
  private adjustedNow(adjustment: Adjustment, ids: readonly string[], weights: Values, c: QuestionContext): string[] {
    if (!('role' in adjustment.effect)) return [];
    const kept = Object.keys(adjustment.effect.weights).filter((id) => ids.includes(id));
    if (kept.length === 0) return [];
    const weight = Number(kept.reduce((sum, id) => sum + (weights[id] ?? 0), 0).toFixed(2));
    const names = kept.map((id) => kpiDefinition(id, c.preset)?.name ?? id);
    return [`  · ${this.say(adjustment.code, { ...adjustment.params, ...('kpis' in adjustment.params ? { kpis: names } : {}), to: weight, weight })}`];
  }

  /** The targets and floors of each role's chosen KPIs; an answer equal to the KPI's own is not kept. */
  async roleTargets(c: QuestionContext): Promise<Record<string, RoleKpiAnswer[]>> {
    const chosen = c.answers.role_kpis ?? {};
    const out: Record<string, RoleKpiAnswer[]> = { ...chosen };
    for (const role of chosenRoles({ roles: c.answers.roles ?? [], custom_roles: c.answers.custom_roles ?? [] }, c.preset)) {
      const proposal = chosen[role.id] ?? [];
      const kpis = proposal.map((k) => kpiDefinition(k.kpi, c.preset)).filter((k): k is Kpi => k !== undefined);
      const limits = await this.targets(role.name, kpis, proposal, c);
      out[role.id] = proposal.map(({ target: _target, floor: _floor, ...entry }) => {
        const kpi = kpis.find((k) => k.id === entry.kpi);
        const limit = limits[entry.kpi];
        return {
          ...entry,
          ...(kpi && limit && limit.target !== kpi.target ? { target: limit.target } : {}),
          ...(kpi && limit && limit.floor !== kpi.floor ? { floor: limit.floor } : {}),
        };
      });
    }
    return out;
  }

  private async targets(role: string, kpis: readonly Kpi[], proposal: readonly RoleKpiAnswer[], c: QuestionContext): Promise<Record<string, { target: number; floor: number }>> {
    const current = Object.fromEntries(
      kpis.map((kpi) => {
        const before = proposal.find((k) => k.kpi === kpi.id);
        return [kpi.id, { target: before?.target ?? kpi.target, floor: before?.floor ?? kpi.floor }];
      }),
    );
    const value = (n: number, kpi: Kpi) => kpiValue(this.options.language, n, kpi, c.preset.meta.currency);
    const lines = kpis.map((kpi) => this.say('target-floor-line', { kpi: kpi.name, target: value(current[kpi.id]!.target, kpi), floor: value(current[kpi.id]!.floor, kpi) }));
    const keep = await this.prompts.confirm({
      message: this.say('keep-question', { question: this.say('role-targets-title', { role }) }),
      hint: lines.join('\n'),
      default: true,
    });
    if (keep) return current;
    // Each value is refused with the message `aspm validate` would give, and asked again.
    const satisfaction = c.preset.evaluation.satisfaction;
    for (const kpi of kpis) {
      const unit = this.unit(kpi, c);
      const target = parseNumber(
        await this.prompts.input({
          message: this.say('target-entry', { kpi: kpi.name, unit, direction: this.direction(kpi) }),
          hint: this.say('target-entry-hint'),
          default: String(current[kpi.id]!.target),
          validate: (v) => {
            const value = parseNumber(v);
            if (value === undefined) return this.say('input-not-number');
            const problem = checkKpiValue(kpi, 'target', value, satisfaction, role);
            return problem ? this.say(problem.code, problem.params) : true;
          },
        }),
      )!;
      const floorProblem = (value: number) => checkKpiLimits(kpi, { target, floor: value }, satisfaction, { role, own: { target: false, floor: true } })[0];
      const floorDefault = floorProblem(current[kpi.id]!.floor) ? undefined : current[kpi.id]!.floor;
      const floor = parseNumber(
        await this.prompts.input({
          message: this.say('floor-entry', { kpi: kpi.name, unit }),
          hint: this.say('floor-entry-hint'),
          ...(floorDefault !== undefined ? { default: String(floorDefault) } : {}),
          validate: (v) => {
            const value = parseNumber(v);
            if (value === undefined) return this.say('input-not-number');
            const problem = floorProblem(value);
            return problem ? this.say(problem.code, problem.params) : true;
          },
        }),
      )!;
      current[kpi.id] = { target, floor };
    }
    return current;
  }
}

/** The answers the role suggestions depend on, all asked before the KPIs per role. */
function situationSoFar(c: QuestionContext): RoleKpiSuggestionInput {
  const keys = ['roles', 'custom_roles', 'competition', 'training_maturity', 'cost_pressure', 'complaints'] as const;
  const missing = keys.filter((key) => c.answers[key] === undefined);
  if (missing.length > 0) throw new Error(`question order: ${missing.join(', ')} needed before the KPIs per role`);
  return c.answers as RoleKpiSuggestionInput;
}

function asWeighted(values: Values): { id: string; weight: number }[] {
  return Object.entries(values).map(([id, weight]) => ({ id, weight }));
}

function asValues(entries: readonly { id: string; weight: number }[]): Values {
  return Object.fromEntries(entries.map((e) => [e.id, e.weight]));
}

function pick(values: Values, entries: readonly Entry[]): Values {
  return Object.fromEntries(entries.map((e) => [e.id, values[e.id] ?? 0]));
}
