import { describe, expect, it } from 'vitest';
import { roundHalfUp } from './round-half-up.js';

describe('roundHalfUp', () => {
  it.each([
    [11.875, 11.88],
    [1.005, 1.01],
    [89.025, 89.03],
    [79.99999999999999, 80],
    [-11.875, -11.88],
    [-0.001, 0],
    [2.344, 2.34],
  ])('%d → %d', (x, expected) => {
    expect(roundHalfUp(x)).toBe(expected);
  });

  it('rounds to other numbers of decimals', () => {
    expect(roundHalfUp(0.05, 1)).toBe(0.1);
    expect(roundHalfUp(2.5, 0)).toBe(3);
  });

  it('never gives −0', () => {
    expect(Object.is(roundHalfUp(-0.004), 0)).toBe(true);
  });
});
