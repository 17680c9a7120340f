// Ranking and forced distribution: quotas that never round a fraction of a person into an
// extreme grade, ties that share the better grade, vetoes that pass their place on, and a
// result that does not depend on the order of the input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributeGrades, gradeQuotas, rankPeople, type RankInput } from './forced-distribution.js';

const SHARES = [10, 20, 50, 15, 5]; // S A B C D
const GRADES = ['S', 'A', 'B', 'C', 'D'];

const person = (key: string, total: number, quantitative = total, capIndex?: number): RankInput => ({ key, total, quantitative, qualitative: 0, capIndex });

function grades(people: readonly RankInput[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, g] of distributeGrades(people, SHARES)) out[key] = GRADES[g]!;
  return out;
}

describe('quotas', () => {
  it.each([
    [10, [1, 2, 5, 2, 0]],
    [20, [2, 4, 10, 3, 1]],
    [7, [0, 2, 4, 1, 0]],
    [3, [0, 0, 3, 0, 0]],
    [100, [10, 20, 50, 15, 5]],
  ])('n = %i → %j: fractions go to the middle grade', (n, expected) => {
    expect(gradeQuotas(n, SHARES)).toEqual(expected);
  });

  it('always adds up to the group size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 2, maxLength: 6 }), (n, raw) => {
        const total = raw.reduce((a, b) => a + b, 0) || 1;
        const shares = raw.map((r) => (r * 100) / total);
        expect(gradeQuotas(n, shares).reduce((a, b) => a + b, 0)).toBe(n);
      }),
    );
  });
});

describe('ranking', () => {
  it('orders by total, then quantitative, then qualitative; equal people share a rank', () => {
    const ranked = rankPeople([
      person('a', 80, 70),
      person('b', 90),
      person('c', 80, 75),
      { key: 'd', total: 80, quantitative: 75, qualitative: 0, capIndex: undefined },
      person('e', 60),
    ]);
    expect(ranked).toEqual([
      { key: 'b', rank: 1 },
      { key: 'c', rank: 2 },
      { key: 'd', rank: 2 },
      { key: 'a', rank: 4 },
      { key: 'e', rank: 5 },
    ]);
  });
});

describe('forced distribution', () => {
  const ten = Array.from({ length: 10 }, (_, i) => person(`p${i}`, 95 - i * 3));

  it('hands out grades in rank order by quota', () => {
    expect(Object.values(grades(ten))).toEqual(['S', 'A', 'A', 'B', 'B', 'B', 'B', 'B', 'C', 'C']);
  });

  it('ties share the better grade, even past the quota; later people move down', () => {
    const tied = ten.map((p, i) => (i === 1 ? { ...p, total: 95, quantitative: 95 } : p));
    const g = grades(tied);
    expect([g.p0, g.p1]).toEqual(['S', 'S']);
    expect([g.p2, g.p3]).toEqual(['A', 'B']);
    expect(Object.values(g).filter((x) => x === 'A')).toHaveLength(1);
  });

  it('a tie on the total is broken by the quantitative score', () => {
    const t = [person('x', 90, 80), person('y', 90, 85), ...ten.slice(2)];
    const g = grades(t);
    expect([g.y, g.x]).toEqual(['S', 'A']);
  });

  it('a veto cap gives the capped grade, and the place it cannot take passes to the next person', () => {
    const capped = ten.map((p, i) => (i === 0 ? { ...p, capIndex: 3 } : p));
    const g = grades(capped);
    expect(g.p0).toBe('C');
    expect(g.p1).toBe('S');
    expect([g.p2, g.p3]).toEqual(['A', 'A']);
    expect(g.p9).toBe('C');
    expect(Object.values(g).filter((x) => x === 'C')).toHaveLength(2);
  });

  it('the result does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ total: fc.integer({ min: 0, max: 100 }), quantitative: fc.integer({ min: 0, max: 100 }), cap: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }) }), { minLength: 1, maxLength: 40 }),
        fc.integer(),
        (rows, seed) => {
          const people = rows.map((r, i) => ({ key: `k${i}`, total: r.total, quantitative: r.quantitative, qualitative: 0, capIndex: r.cap }));
          const shuffled = [...people].sort((a, b) => ((a.key.length * 31 + seed) % 7) - ((b.key.length * 17 + seed) % 5) || (a.key < b.key ? 1 : -1));
          expect(grades(shuffled)).toEqual(grades(people));
        },
      ),
    );
  });

  it('nobody ranked higher gets a worse grade, unless a veto caps them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 40 }), (totals) => {
        const people = totals.map((t, i) => person(`k${i}`, t));
        const g = distributeGrades(people, SHARES);
        for (const a of people) for (const b of people) if (a.total > b.total) expect(g.get(a.key)!).toBeLessThanOrEqual(g.get(b.key)!);
      }),
    );
  });
});
