// A property over the whole path from the file to the page: whatever targets and floors a
// policy holds, if validation accepts it, every target and floor the document prints is a
// value its KPI can take (a percentage in 0–100, no negative time, cost or count, a whole
// count, a mean rating on the scale). The policies are the base fixture with arbitrary KPIs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPolicyObject } from '../policy/load-policy.js';
import type { Kpi, Policy } from '../policy/policy.generated.js';
import { buildPolicyView } from './policy-view.js';

const base = parse(readFileSync(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'base-policy.yaml'), 'utf8')) as Policy;

const UNITS = ['minutes', 'hours', 'days', 'percent', 'currency', 'count', 'score', 'number'] as const;

// Mostly plausible values, so that many policies pass and are looked at; the rest beyond any range.
const value = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 100 }), weight: 6 },
  { arbitrary: fc.double({ min: -150, max: 250, noNaN: true }), weight: 2 },
  { arbitrary: fc.constantFrom(-5, -10, 0, 1, 5, 12.5, 100, 100.5, 150), weight: 2 },
);

const kpiArb = fc.record({
  unit: fc.constantFrom(...UNITS),
  // `fits`: the direction in which the target beats the floor, so the order check passes more often.
  direction: fc.constantFrom('higher', 'lower', 'fits', 'fits'),
  target: value,
  floor: value,
  ratings: fc.boolean(),
  roleTarget: fc.option(value, { nil: undefined, freq: 1 }),
  roleFloor: fc.option(value, { nil: undefined, freq: 1 }),
  goal: fc.option(value, { nil: undefined, freq: 1 }),
});

/** The range a printed value of `kpi` must lie in. */
function allowed(kpi: Kpi): { min: number; max: number; whole: boolean } {
  if (kpi.compute?.from === 'tickets') return { min: 1, max: 5, whole: false };
  if (kpi.unit === 'percent') return { min: 0, max: 100, whole: false };
  if (kpi.unit === 'count') return { min: 0, max: Infinity, whole: true };
  if (kpi.unit === 'score' || kpi.unit === 'number') return { min: -Infinity, max: Infinity, whole: false };
  return { min: 0, max: Infinity, whole: false };
}

/** The number in a printed value: "≥ 95%", "≤ 30 分钟", "150 元". */
function printed(text: string): number {
  const match = /-?\d+(?:\.\d+)?/.exec(text);
  if (!match) throw new Error(`no number in ${text}`);
  return Number(match[0]);
}

function expectPossible(kpi: Kpi, text: string): void {
  const n = printed(text);
  const range = allowed(kpi);
  expect(n, `${kpi.id} (${kpi.unit}) printed as ${text}`).toBeGreaterThanOrEqual(range.min);
  expect(n, `${kpi.id} (${kpi.unit}) printed as ${text}`).toBeLessThanOrEqual(range.max);
  if (range.whole) expect(Number.isInteger(n), `${kpi.id} printed as ${text}`).toBe(true);
}

describe('targets and floors a validated policy prints', () => {
  it('the examples of issue 11 are refused, so they are never printed', () => {
    const policy = structuredClone(base);
    policy.kpis[0] = { ...policy.kpis[0]!, target: -5, floor: -10 };
    expect(checkPolicyObject(policy).ok).toBe(false);
  });

  it('every printed target and floor is a value its KPI can take', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(kpiArb, { minLength: 1, maxLength: 3 }), (specs) => {
        const policy = structuredClone(base);
        policy.kpis = specs.map((s, i): Kpi => ({
          id: `k${i}`,
          name: `指标${i}`,
          definition: '自定义指标。',
          formula: '见定义',
          unit: s.ratings ? 'score' : s.unit,
          direction: s.direction === 'fits' ? (s.target >= s.floor ? 'higher' : 'lower') : s.direction,
          target: s.target,
          floor: s.floor,
          compute: s.ratings ? { from: 'tickets', aggregate: 'mean', field: 'satisfaction' } : { from: 'metrics', column: `列${i}` },
          scoring: { method: 'linear' },
          min_samples: 1,
          data_source: '',
          cycle: 'monthly',
        }));
        const weights = specs.map((_, i) => (i === 0 ? 100 - 10 * (specs.length - 1) : 10));
        policy.roles = [
          {
            ...policy.roles[0]!,
            kpis: specs.map((s, i) => ({
              kpi: `k${i}`,
              weight: weights[i]!,
              scope: 'individual' as const,
              ...(s.roleTarget !== undefined ? { target: s.roleTarget } : {}),
              ...(s.roleFloor !== undefined ? { floor: s.roleFloor } : {}),
            })),
          },
        ];
        policy.goals = specs.flatMap((s, i) => (s.goal !== undefined ? [{ description: `目标${i}`, kpi: `k${i}`, target: s.goal }] : []));
        const checked = checkPolicyObject(policy);
        if (!checked.ok) return;
        accepted++;
        const view = buildPolicyView(checked.value);
        const kpiOf = (name: string) => checked.value.kpis.find((k) => k.name === name)!;
        for (const k of view.kpis) {
          expectPossible(kpiOf(k.name), k.target);
          expectPossible(kpiOf(k.name), k.floor);
        }
        for (const role of view.roles) {
          for (const k of role.kpis) {
            expectPossible(kpiOf(k.name), k.target);
            expectPossible(kpiOf(k.name), k.floor);
          }
        }
        for (const g of view.goals) if (g.target !== '') expectPossible(kpiOf(g.kpi), g.target);
      }),
      { numRuns: 300 },
    );
    // Not vacuous: a fair share of the generated policies are accepted and looked at.
    expect(accepted).toBeGreaterThan(20);
  });
});
