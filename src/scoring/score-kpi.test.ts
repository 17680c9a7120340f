// KPI value → score: every rule and edge, and the properties that make a score fair (a
// better value never scores lower; scores stay between 0 and the cap).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Kpi, Scoring } from '../policy/policy.generated.js';
import { appliedTargets, isPeriodTotal, scaledScoring, scoreKpiValue, type KpiRule } from './score-kpi.js';

const linear = (cap?: number): Scoring => (cap === undefined ? { method: 'linear' } : { method: 'linear', cap });
const higher = (scoring: Scoring = linear()): KpiRule => ({ direction: 'higher', target: 95, floor: 80, scoring });
const lower = (scoring: Scoring = linear()): KpiRule => ({ direction: 'lower', target: 24, floor: 72, scoring });

describe('linear scoring', () => {
  it.each([
    [80, 0],
    [79, 0],
    [87.5, 50],
    [95, 100],
    [99, 100],
  ])('higher is better: %s scores %s (no cap: over-achievement stops at 100)', (value, score) => {
    expect(scoreKpiValue(value, higher())).toBe(score);
  });

  it.each([
    [72, 0],
    [100, 0],
    [48, 50],
    [24, 100],
    [12, 100],
  ])('lower is better: %s hours scores %s', (value, score) => {
    expect(scoreKpiValue(value, lower())).toBe(score);
  });

  it('a cap rewards over-achievement up to the cap, and no further', () => {
    expect(scoreKpiValue(98, higher(linear(120)))).toBeCloseTo(120, 10);
    expect(scoreKpiValue(97, higher(linear(120)))).toBeCloseTo(113.3333333333, 8);
    expect(scoreKpiValue(100, higher(linear(120)))).toBe(120);
    expect(scoreKpiValue(12, lower(linear(110)))).toBe(110);
    expect(scoreKpiValue(19.2, lower(linear(110)))).toBeCloseTo(110, 10);
  });

  it('never returns −0', () => {
    expect(Object.is(scoreKpiValue(80, higher()), 0)).toBe(true);
  });
});

describe('banded and pass/fail scoring', () => {
  const bands: Scoring = { method: 'bands', bands: [{ min: 95, score: 100 }, { min: 90, max: 95, score: 80 }, { min: 80, max: 90, score: 50 }, { max: 80, score: 0 }] };
  it.each([
    [99, 100],
    [95, 100],
    [94.99, 80],
    [90, 80],
    [85, 50],
    [79.9, 0],
  ])('bands: %s scores %s (lower bound included, upper excluded)', (value, score) => {
    expect(scoreKpiValue(value, higher(bands))).toBe(score);
  });

  it('a value no band covers scores 0', () => {
    expect(scoreKpiValue(50, higher({ method: 'bands', bands: [{ min: 90, score: 100 }] }))).toBe(0);
  });

  it('pass/fail meets the target in the KPI direction', () => {
    expect(scoreKpiValue(95, higher({ method: 'pass_fail' }))).toBe(100);
    expect(scoreKpiValue(94.9, higher({ method: 'pass_fail' }))).toBe(0);
    expect(scoreKpiValue(24, lower({ method: 'pass_fail' }))).toBe(100);
    expect(scoreKpiValue(24.1, lower({ method: 'pass_fail' }))).toBe(0);
  });
});

describe('properties', () => {
  const rules = fc.record({
    direction: fc.constantFrom('higher' as const, 'lower' as const),
    a: fc.double({ min: -1000, max: 1000, noNaN: true }),
    gap: fc.double({ min: 0.001, max: 1000, noNaN: true }),
    cap: fc.option(fc.double({ min: 100, max: 150, noNaN: true }), { nil: undefined }),
    method: fc.constantFrom('linear' as const, 'pass_fail' as const),
  });
  const toRule = (r: { direction: 'higher' | 'lower'; a: number; gap: number; cap: number | undefined; method: 'linear' | 'pass_fail' }): KpiRule => ({
    direction: r.direction,
    // The target is always on the better side of the floor (the policy rules check it).
    target: r.direction === 'higher' ? r.a + r.gap : r.a,
    floor: r.direction === 'higher' ? r.a : r.a + r.gap,
    scoring: r.method === 'pass_fail' ? { method: 'pass_fail' } : linear(r.cap),
  });

  it('a better value never lowers the score', () => {
    fc.assert(
      fc.property(rules, fc.double({ min: -3000, max: 3000, noNaN: true }), fc.double({ min: 0, max: 3000, noNaN: true }), (r, value, step) => {
        const rule = toRule(r);
        const better = rule.direction === 'higher' ? value + step : value - step;
        expect(scoreKpiValue(better, rule)).toBeGreaterThanOrEqual(scoreKpiValue(value, rule));
      }),
    );
  });

  it('scores stay between 0 and the cap (100 without one)', () => {
    fc.assert(
      fc.property(rules, fc.double({ min: -1e6, max: 1e6, noNaN: true }), (r, value) => {
        const rule = toRule(r);
        const score = scoreKpiValue(value, rule);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(rule.scoring.method === 'linear' ? (rule.scoring.cap ?? 100) : 100);
      }),
    );
  });
});

describe('targets for a person and a period', () => {
  const kpi = (over: Partial<Kpi>): Kpi =>
    ({ id: 'tickets_resolved', name: '解决工单量', definition: 'd', formula: 'f', unit: 'count', direction: 'higher', target: 130, floor: 60, scoring: linear(), min_samples: 1, data_source: '', cycle: 'monthly', ...over }) as Kpi;

  it('a role override replaces the KPI target and floor', () => {
    expect(appliedTargets(kpi({}), { target: 150, floor: 70 }, { months: 1 })).toEqual({ target: 150, floor: 70, scale: 1 });
  });

  it('a count stated per month is scaled to a quarter, and a quarterly count to a month', () => {
    expect(appliedTargets(kpi({}), undefined, { months: 3 })).toEqual({ target: 390, floor: 180, scale: 3 });
    expect(appliedTargets(kpi({ cycle: 'quarterly', target: 6, floor: 0 }), undefined, { months: 1 })).toEqual({ target: 2, floor: 0, scale: 1 / 3 });
  });

  it('rates and means are never scaled', () => {
    const csat = kpi({ id: 'csat', unit: 'percent', target: 95, floor: 80 });
    expect(isPeriodTotal(csat)).toBe(false);
    expect(appliedTargets(csat, undefined, { months: 3 })).toEqual({ target: 95, floor: 80, scale: 1 });
  });

  it('custom counts and sums over tickets are period totals; a metrics column is not', () => {
    expect(isPeriodTotal(kpi({ id: 'visits', compute: { from: 'tickets', aggregate: 'count' } }))).toBe(true);
    expect(isPeriodTotal(kpi({ id: 'spend', compute: { from: 'tickets', aggregate: 'sum', field: 'cost' } }))).toBe(true);
    expect(isPeriodTotal(kpi({ id: 'speed', compute: { from: 'tickets', aggregate: 'mean', field: 'cost' } }))).toBe(false);
    expect(isPeriodTotal(kpi({ id: 'ideas', compute: { from: 'metrics', column: '建议数' } }))).toBe(false);
  });
});

describe('banded counts over other periods', () => {
  it('scale their band bounds like the target and floor', () => {
    const bands: Scoring = { method: 'bands', bands: [{ max: 100, score: 0 }, { min: 100, max: 130, score: 80 }, { min: 130, score: 100 }] };
    const quarter = scaledScoring(bands, 3);
    expect(quarter).toEqual({ method: 'bands', bands: [{ max: 300, score: 0 }, { min: 300, max: 390, score: 80 }, { min: 390, score: 100 }] });
    expect(scoreKpiValue(350, { direction: 'higher', target: 390, floor: 180, scoring: quarter })).toBe(80);
    expect(scaledScoring(bands, 1)).toBe(bands);
    expect(scaledScoring({ method: 'linear', cap: 120 }, 3)).toEqual({ method: 'linear', cap: 120 });
  });
});
