// The weighted KPI score: missing data handled as the policy says (never a silent zero),
// and the properties that weights promise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpiStatus } from '../evaluate/kpi-results.js';
import { scoreQuantitative, type KpiLine } from './score-quantitative.js';

const line = (id: string, weight: number, value: number | null, status: KpiStatus = value === null ? 'no_data' : 'ok', cap?: number): KpiLine => ({
  id,
  scope: 'individual',
  weight,
  rule: { direction: 'higher', target: 100, floor: 0, scoring: cap === undefined ? { method: 'linear' } : { method: 'linear', cap } },
  targetScale: 1,
  value,
  samples: value === null ? 0 : 10,
  status,
});

const redistribute = { missing_kpi: 'redistribute' as const, neutral_score: 60 };
const neutral = { missing_kpi: 'neutral' as const, neutral_score: 60 };

describe('quantitative score', () => {
  it('is the weighted sum of the KPI scores', () => {
    const q = scoreQuantitative([line('a', 50, 80), line('b', 30, 60), line('c', 20, 100)], redistribute);
    expect(q.score).toBeCloseTo(40 + 18 + 20, 10);
    expect(q.kpis.map((k) => k.contribution)).toEqual([40, 18, 20]);
    expect(q.kpis.every((k) => k.scored_as === 'value' && k.weight === k.weight_nominal)).toBe(true);
  });

  it('redistribute: a KPI without data gives its weight to the others in proportion, and says so', () => {
    const q = scoreQuantitative([line('a', 50, 80), line('b', 30, null), line('c', 20, 100, 'ok')], redistribute);
    const [a, b, c] = q.kpis;
    expect(b).toMatchObject({ score: null, weight: 0, contribution: 0, scored_as: 'left_out', status: 'no_data' });
    expect(a!.weight).toBeCloseTo((50 * 100) / 70, 12);
    expect(c!.weight).toBeCloseTo((20 * 100) / 70, 12);
    expect(q.score).toBeCloseTo((80 * 50 + 100 * 20) / 70, 10);
  });

  it('an insufficient sample is treated like no data, even though it has a value', () => {
    const q = scoreQuantitative([line('a', 50, 80), line('b', 50, 100, 'insufficient')], redistribute);
    expect(q.kpis[1]).toMatchObject({ value: 100, status: 'insufficient', scored_as: 'left_out', score: null });
    expect(q.score).toBe(80);
  });

  it('neutral: a KPI without data scores the neutral score at its full weight', () => {
    const q = scoreQuantitative([line('a', 50, 80), line('b', 50, null)], neutral);
    expect(q.kpis[1]).toMatchObject({ score: 60, weight: 50, contribution: 30, scored_as: 'neutral' });
    expect(q.score).toBe(70);
  });

  it('all KPIs short of data: no score under redistribute (never a zero); the neutral score under neutral', () => {
    const lines = [line('a', 60, null), { ...line('b', 40, 90, 'insufficient'), samples: 2 }];
    expect(scoreQuantitative(lines, redistribute).score).toBeNull();
    const q = scoreQuantitative(lines, neutral);
    expect(q.score).toBe(60);
    expect(q.kpis.map((k) => k.scored_as)).toEqual(['neutral', 'neutral']);
  });

  it('no KPI with a single sample: no score in either mode — the neutral score is not a result for nothing', () => {
    const lines = [line('a', 60, null), line('b', 40, null)];
    for (const mode of [redistribute, neutral]) {
      const q = scoreQuantitative(lines, mode);
      expect(q.score).toBeNull();
      expect(q.kpis.map((k) => [k.scored_as, k.score, k.weight, k.contribution])).toEqual([
        ['left_out', null, 0, 0],
        ['left_out', null, 0, 0],
      ]);
    }
  });

  it('the score is exactly the sum of the contributions in order, each score × weight ÷ 100', () => {
    const q = scoreQuantitative([line('a', 33.3, 71.7), line('b', 33.3, null), line('c', 33.4, 12.9, 'ok', 120)], redistribute);
    let sum = 0;
    for (const k of q.kpis) {
      if (k.score !== null) expect(k.contribution).toBe((k.score * k.weight) / 100);
      sum += k.contribution;
    }
    expect(q.score).toBe(sum);
  });
});

describe('properties', () => {
  const weightsArb = fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 7 }).map((ws) => {
    const total = ws.reduce((a, b) => a + b, 0);
    return ws.map((w) => (w * 100) / total);
  });
  const valueArb = fc.option(fc.double({ min: -50, max: 150, noNaN: true }), { nil: null, freq: 4 });

  it('a better value of one KPI never lowers the quantitative score', () => {
    fc.assert(
      fc.property(weightsArb, fc.array(valueArb, { minLength: 7, maxLength: 7 }), fc.nat(6), fc.double({ min: 0, max: 100, noNaN: true }), fc.boolean(), (ws, values, pick, step, useNeutral) => {
        const i = pick % ws.length;
        const lines = ws.map((w, k) => line(`k${k}`, w, values[k] ?? null));
        if (lines[i]!.value === null) return;
        const better = lines.map((l, k) => (k === i ? { ...l, value: l.value! + step } : l));
        const mode = useNeutral ? neutral : redistribute;
        expect(scoreQuantitative(better, mode).score!).toBeGreaterThanOrEqual(scoreQuantitative(lines, mode).score! - 1e-9);
      }),
    );
  });

  it('stays between 0 and 100 without caps (and the largest cap with them)', () => {
    fc.assert(
      fc.property(weightsArb, fc.array(valueArb, { minLength: 7, maxLength: 7 }), fc.option(fc.integer({ min: 100, max: 130 }), { nil: undefined }), (ws, values, cap) => {
        const q = scoreQuantitative(ws.map((w, k) => line(`k${k}`, w, values[k] ?? null, undefined, cap)), redistribute);
        if (q.score === null) return;
        expect(q.score).toBeGreaterThanOrEqual(0);
        expect(q.score).toBeLessThanOrEqual((cap ?? 100) + 1e-9);
      }),
    );
  });

  it('weights are respected: a KPI with weight w moves the score by at most w (w × cap ÷ 100 with a cap)', () => {
    fc.assert(
      fc.property(weightsArb, fc.array(fc.double({ min: -50, max: 150, noNaN: true }), { minLength: 7, maxLength: 7 }), fc.nat(6), fc.double({ min: -200, max: 200, noNaN: true }), fc.option(fc.integer({ min: 100, max: 130 }), { nil: undefined }), (ws, values, pick, other, cap) => {
        const i = pick % ws.length;
        const lines = ws.map((w, k) => line(`k${k}`, w, values[k]!, 'ok', cap));
        const moved = lines.map((l, k) => (k === i ? { ...l, value: other } : l));
        const delta = Math.abs(scoreQuantitative(moved, redistribute).score! - scoreQuantitative(lines, redistribute).score!);
        expect(delta).toBeLessThanOrEqual((ws[i]! * (cap ?? 100)) / 100 + 1e-9);
      }),
    );
  });
});
