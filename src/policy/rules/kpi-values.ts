// Which values a KPI can take, and whether a target and a floor are possible ones: a
// percentage lies in 0–100; a time, a cost or a count is never negative; a count is whole;
// a mean (median, P90) of satisfaction ratings lies on the rating scale; and the target is
// better than the floor. One rule set for `aspm validate`, the wizard and an answers file,
// so a target that one of them refuses is never accepted by another. Pure.
import type { MessageCode, MessageRef } from '../../i18n/catalogue.js';
import type { MessageParams } from '../../i18n/translate.js';
import type { Kpi, Policy } from '../policy.generated.js';

export type Limit = 'target' | 'floor';

/** The values a KPI can have; `min`/`max` undefined means unbounded. */
export interface ValueRange {
  readonly min?: number;
  readonly max?: number;
  readonly whole: boolean;
  /** Why the range is what it is, for the message. */
  readonly kind: 'percent' | 'not-negative' | 'count' | 'scale' | 'any';
}

export type SatisfactionScale = Pick<Policy['evaluation']['satisfaction'], 'scale_min' | 'scale_max'>;

export type KpiShape = Pick<Kpi, 'id' | 'name' | 'unit' | 'direction'> & { readonly compute?: Kpi['compute'] };

const NOT_NEGATIVE: ReadonlySet<Kpi['unit']> = new Set(['seconds', 'minutes', 'hours', 'days', 'currency']);
const OF_VALUES: ReadonlySet<string> = new Set(['mean', 'median', 'p90']);

/** True when `target` is strictly better than `floor` for the KPI's direction. */
export function targetBeatsFloor(direction: Kpi['direction'], target: number, floor: number): boolean {
  return direction === 'higher' ? target > floor : target < floor;
}

export function kpiValueRange(kpi: KpiShape, satisfaction: SatisfactionScale): ValueRange {
  const compute = kpi.compute;
  // A custom KPI that averages the ratings themselves is on their scale, whatever its unit says.
  if (compute?.from === 'tickets' && OF_VALUES.has(compute.aggregate) && compute.field === 'satisfaction') {
    return { min: satisfaction.scale_min, max: satisfaction.scale_max, whole: false, kind: 'scale' };
  }
  if (kpi.unit === 'percent') return { min: 0, max: 100, whole: false, kind: 'percent' };
  if (kpi.unit === 'count') return { min: 0, whole: true, kind: 'count' };
  if (NOT_NEGATIVE.has(kpi.unit)) return { min: 0, whole: false, kind: 'not-negative' };
  return { whole: false, kind: 'any' };
}

export interface LimitProblem {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly limit: Limit;
}

const limitRef = (limit: Limit): MessageRef => ({ $t: `kpi-limit-${limit}` });

/** What is impossible about one target or floor of `kpi` on its own; undefined when nothing. */
export function checkKpiValue(kpi: KpiShape, limit: Limit, value: number, satisfaction: SatisfactionScale, role?: string | MessageRef): LimitProblem | undefined {
  const range = kpiValueRange(kpi, satisfaction);
  const params = { kpi: kpi.id, name: kpi.name, ...(role !== undefined ? { role } : {}), limit: limitRef(limit), value };
  const below = range.min !== undefined && value < range.min;
  const above = range.max !== undefined && value > range.max;
  if (below || above) {
    const code: MessageCode = range.kind === 'percent' ? 'kpi-value-percent' : range.kind === 'scale' ? 'kpi-value-scale' : 'kpi-value-negative';
    return { code, params: { ...params, min: range.min, max: range.max }, limit };
  }
  if (range.whole && !Number.isInteger(value)) {
    return { code: 'kpi-value-whole', params: { ...params, lower: Math.floor(value), upper: Math.ceil(value) }, limit };
  }
  return undefined;
}

/**
 * Everything impossible about a KPI's target and floor. `own` says which of them this
 * place sets (a role that overrides only the floor is not blamed for the KPI's target);
 * the order is checked on the pair in force and reported at the value this place set.
 */
export function checkKpiLimits(
  kpi: KpiShape,
  values: { readonly target: number; readonly floor: number },
  satisfaction: SatisfactionScale,
  options: { readonly role?: string | MessageRef; readonly own?: { readonly target: boolean; readonly floor: boolean } } = {},
): LimitProblem[] {
  const own = options.own ?? { target: true, floor: true };
  const problems: LimitProblem[] = [];
  for (const limit of ['target', 'floor'] as const) {
    if (!own[limit]) continue;
    const problem = checkKpiValue(kpi, limit, values[limit], satisfaction, options.role);
    if (problem) problems.push(problem);
  }
  // An impossible value already says what to do; its order with the other is beside the point.
  if (problems.length === 0 && !targetBeatsFloor(kpi.direction, values.target, values.floor)) {
    problems.push({
      code: 'target-floor-order',
      params: { kpi: kpi.id, name: kpi.name, ...(options.role !== undefined ? { role: options.role } : {}), direction: kpi.direction, target: values.target, floor: values.floor },
      limit: own.target ? 'target' : 'floor',
    });
  }
  return problems;
}
