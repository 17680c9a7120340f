// How the department's situation changes what the wizard suggests: intense competition
// puts more weight on response, frequent complaints on the complaint rate, cost pressure
// adds the cost KPI, and mature training adds an item on solving complex problems. Each
// change is recorded as an Adjustment whose message says what changed and why, so the
// summary and the policy file can explain it. A custom role keeps exactly the KPIs the user
// picked for it: the situation may shift weight among them, never add one. Pure.
import type { MessageCode } from '../i18n/catalogue.js';
import type { MessageParams } from '../i18n/translate.js';
import type { Policy } from '../policy/policy.generated.js';
import type { RoleKpiAnswer, Situation } from './answers.js';
import { COMPLEX_PROBLEMS_ITEM } from './standard-parts.js';
import { addWithWeight, shiftWeight, type Weighted } from './weights.js';

/** KPIs that measure how fast a customer gets an answer or a visit. */
export const RESPONSE_KPIS: readonly string[] = ['response_sla_rate', 'first_response_minutes', 'onsite_punctuality_rate'];

/** Points of weight moved, or given to an added KPI or item. */
export const ADJUSTMENT_POINTS = { competitionShift: 10, responseAdded: 15, complaintShift: 10, complaintAdded: 15, costAdded: 10, itemAdded: 20 } as const;

export interface Adjustment {
  readonly code: MessageCode;
  readonly params: MessageParams;
  /**
   * What the suggestion left behind: the weight of each KPI it touched in `role`, or an
   * item at `weight`. A policy that holds anything else means a later answer overrode it.
   */
  readonly effect:
    | { readonly role: string; readonly weights: Readonly<Record<string, number>> }
    | { readonly item: string; readonly weight: number };
}

export interface RoleSuggestion {
  readonly id: string;
  readonly name: string;
  readonly kpis: readonly RoleKpiAnswer[];
  /** A role the user named and picked the KPIs of: nothing is added to it. */
  readonly custom?: boolean;
}

/** Names in the policy's language, for the messages. */
export interface Names {
  kpi(id: string): string;
  item(id: string): string;
}

type Entry = RoleKpiAnswer & Weighted;

const asEntries = (kpis: readonly RoleKpiAnswer[]): Entry[] => kpis.map((k) => ({ ...k, id: k.kpi }));
const asKpis = (entries: readonly Entry[]): RoleKpiAnswer[] => entries.map(({ id: _id, ...rest }) => rest);
const weightOf = (entries: readonly Entry[], ids: readonly string[]) => entries.filter((e) => ids.includes(e.kpi)).reduce((sum, e) => sum + e.weight, 0);

/** A KPI added to a role is counted the way the role's other KPIs are (a supervisor's by team). */
function scopeFor(entries: readonly Entry[]): RoleKpiAnswer['scope'] {
  return entries.length > 0 && entries.every((e) => e.scope === 'team') ? 'team' : 'individual';
}

export function adjustRoleKpis(
  roles: readonly RoleSuggestion[],
  situation: Situation,
  names: Names,
): { roles: RoleSuggestion[]; adjustments: Adjustment[] } {
  const adjustments: Adjustment[] = [];
  const out = roles.map((role) => {
    const original = asEntries(role.kpis);
    let entries = original;
    // What each step did; the numbers are reported once all steps are done, because a
    // later step dilutes an earlier one and the summary must show the final weights.
    const steps: { code: MessageCode; kpis: string[]; params: MessageParams }[] = [];

    if (situation.competition === 'intense') {
      const present = entries.filter((e) => RESPONSE_KPIS.includes(e.kpi)).map((e) => e.kpi);
      if (present.length > 0) {
        entries = shiftWeight(entries, new Set(present), ADJUSTMENT_POINTS.competitionShift);
        steps.push({ code: 'adjust-competition-raise', kpis: present, params: { kpis: present.map(names.kpi) } });
      } else if (!role.custom) {
        // Technicians answer customers by turning up on time; everyone else by replying.
        const kpi = role.id === 'technician' ? 'onsite_punctuality_rate' : 'response_sla_rate';
        entries = addWithWeight(entries, { id: kpi, kpi, weight: ADJUSTMENT_POINTS.responseAdded, scope: scopeFor(entries) });
        steps.push({ code: 'adjust-competition-add', kpis: [kpi], params: { kpi: names.kpi(kpi) } });
      }
    }

    if (situation.complaints === 'frequent') {
      const kpi = 'complaint_rate';
      if (entries.some((e) => e.kpi === kpi)) {
        entries = shiftWeight(entries, new Set([kpi]), ADJUSTMENT_POINTS.complaintShift);
        steps.push({ code: original.some((e) => e.kpi === kpi) ? 'adjust-complaints-raise' : 'adjust-complaints-add', kpis: [kpi], params: { kpi: names.kpi(kpi) } });
      } else if (!role.custom) {
        entries = addWithWeight(entries, { id: kpi, kpi, weight: ADJUSTMENT_POINTS.complaintAdded, scope: scopeFor(entries) });
        steps.push({ code: 'adjust-complaints-add', kpis: [kpi], params: { kpi: names.kpi(kpi) } });
      }
    }

    if (situation.cost_pressure === 'high' && costEligible(role, roles)) {
      const kpi = 'cost_per_ticket';
      if (!entries.some((e) => e.kpi === kpi)) {
        entries = addWithWeight(entries, { id: kpi, kpi, weight: ADJUSTMENT_POINTS.costAdded, scope: scopeFor(entries) });
        steps.push({ code: 'adjust-cost-add', kpis: [kpi], params: { kpi: names.kpi(kpi) } });
      }
    }

    for (const step of steps) {
      const from = weightOf(original, step.kpis);
      const to = weightOf(entries, step.kpis);
      if (to <= from) continue;
      adjustments.push({
        code: step.code,
        params: { role: role.name, ...step.params, from, to, weight: to },
        effect: { role: role.id, weights: Object.fromEntries(entries.filter((e) => step.kpis.includes(e.kpi)).map((e) => [e.kpi, e.weight])) },
      });
    }
    return { ...role, kpis: asKpis(entries) };
  });
  return { roles: out, adjustments };
}

/**
 * Repair cost is decided by whoever does or leads the repair, not by the hotline agent;
 * when every role is an agent role the KPI goes to all of them. Custom roles keep their
 * own picks.
 */
function costEligible(role: RoleSuggestion, roles: readonly RoleSuggestion[]): boolean {
  if (role.custom) return false;
  const others = roles.filter((r) => !r.custom && r.id !== 'agent');
  return others.length === 0 || role.id !== 'agent';
}

export function adjustItems(items: readonly Weighted[], situation: Pick<Situation, 'training_maturity'>, names: Names): { items: Weighted[]; adjustments: Adjustment[] } {
  if (situation.training_maturity !== 'mature' || items.some((i) => i.id === COMPLEX_PROBLEMS_ITEM)) {
    return { items: [...items], adjustments: [] };
  }
  const adjusted = addWithWeight(items, { id: COMPLEX_PROBLEMS_ITEM, weight: ADJUSTMENT_POINTS.itemAdded });
  const weight = adjusted.find((i) => i.id === COMPLEX_PROBLEMS_ITEM)?.weight ?? 0;
  return {
    items: adjusted,
    adjustments: [{ code: 'adjust-training-add', params: { item: names.item(COMPLEX_PROBLEMS_ITEM), weight }, effect: { item: COMPLEX_PROBLEMS_ITEM, weight } }],
  };
}

/**
 * Whether the final policy holds exactly what the adjustment suggested. Any later change
 * to those weights (more or less, typed or rescaled, or moved between the KPIs it raised)
 * is the user's and is marked as such.
 */
export function adjustmentKept(adjustment: Adjustment, policy: Policy): boolean {
  const effect = adjustment.effect;
  const same = (weight: number | undefined, suggested: number) => weight !== undefined && Math.abs(weight - suggested) <= 0.01;
  if ('item' in effect) return same(policy.qualitative.items.find((i) => i.id === effect.item)?.weight, effect.weight);
  const role = policy.roles.find((r) => r.id === effect.role);
  return Object.entries(effect.weights).every(([kpi, weight]) => same(role?.kpis.find((k) => k.kpi === kpi)?.weight, weight));
}
