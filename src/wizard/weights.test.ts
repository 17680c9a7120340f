import { describe, expect, it } from 'vitest';
import { addWithWeight, nextWeightDefault, normaliseWeights, reweigh, shiftWeight, totalWeight } from './weights.js';

const w = (...weights: number[]) => weights.map((weight, i) => ({ id: `k${i}`, weight }));
const values = (entries: readonly { weight: number }[]) => entries.map((e) => e.weight);

describe('normaliseWeights', () => {
  it.each([
    [[20, 30, 20, 20, 20], [18, 28, 18, 18, 18]],
    [[1, 1, 1], [34, 33, 33]],
    [[50, 50], [50, 50]],
    [[0, 0], [50, 50]],
    [[2, 1], [67, 33]],
    [[1000, 1], [99, 1]],
  ])('%j → %j (whole numbers, total 100, in proportion)', (given, expected) => {
    const result = normaliseWeights(w(...given));
    expect(values(result)).toEqual(expected);
    expect(totalWeight(result)).toBe(100);
  });

  it('keeps ids, order and other fields', () => {
    const result = normaliseWeights([
      { id: 'a', weight: 3, scope: 'team' },
      { id: 'b', weight: 1, scope: 'individual' },
    ]);
    expect(result).toEqual([
      { id: 'a', weight: 75, scope: 'team' },
      { id: 'b', weight: 25, scope: 'individual' },
    ]);
  });
});

describe('shiftWeight', () => {
  it('moves points onto the chosen entries, in proportion, and keeps the total', () => {
    const result = shiftWeight(w(25, 15, 30, 15, 15), new Set(['k0', 'k1']), 10);
    expect(result[0]!.weight + result[1]!.weight).toBe(50);
    expect(result[0]!.weight).toBeGreaterThan(result[1]!.weight);
    expect(totalWeight(result)).toBe(100);
  });

  it('moves nothing when there is nothing to take from', () => {
    expect(values(shiftWeight(w(60, 40), new Set(['k0', 'k1']), 10))).toEqual([60, 40]);
  });
});

describe('addWithWeight', () => {
  it('makes room by scaling the others down', () => {
    const result = addWithWeight(w(50, 50), { id: 'new', weight: 20 });
    expect(result).toEqual([
      { id: 'k0', weight: 40 },
      { id: 'k1', weight: 40 },
      { id: 'new', weight: 20 },
    ]);
  });
});

describe('reweigh', () => {
  it('keeps suggested weights for kept ids, gives a new id an average share, then normalises', () => {
    const result = reweigh(['a', 'c'], [
      { id: 'a', weight: 60 },
      { id: 'b', weight: 40 },
    ]);
    expect(result).toEqual([
      { id: 'a', weight: 55 },
      { id: 'c', weight: 45 },
    ]);
  });
});

describe('nextWeightDefault', () => {
  it.each([
    ['the last takes what is left', 22, 10, 0, 10],
    ['the last takes a fractional remainder', 30, 12.5, 0, 12.5],
    ['the last keeps its suggestion when nothing is left (the total is then offered for scaling)', 22, 0, 0, 22],
    ['an earlier one keeps its suggestion when there is room', 30, 80, 2, 30],
    ['an earlier one leaves each later one at least 1', 30, 12, 3, 9],
    ['with no room at all, the suggestion stands', 30, 2, 3, 30],
  ])('%s', (_why, suggested, left, later, expected) => {
    expect(nextWeightDefault(suggested, left, later)).toBe(expected);
  });
});
