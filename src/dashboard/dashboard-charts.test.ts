import { describe, expect, it } from 'vitest';
import { roundDown, roundUp, trendChart } from './dashboard-charts.js';

describe('trendChart', () => {
  it('keeps every value inside the axis, however the ends round (a department total of 1,505 tickets)', () => {
    const axis = (values: number[]) => trendChart(['2026-08', '2026-09'], values, { targets: [], floors: [] }).yAxis as { min: number; max: number };
    // 1,500 and 1,505: padded by 15 % of 5 to 1,505.75, which two significant digits make 1,500.
    expect(axis([1500, 1505]).max).toBeGreaterThanOrEqual(1505);
    expect(axis([1500, 1505]).min).toBeLessThanOrEqual(1500);
    // 1,549 and 1,551: padded to 1,548.7 and 1,551.3, which read 1,500 and 1,600 — both outside the values.
    expect(axis([1549, 1551]).min).toBeLessThanOrEqual(1549);
    expect(axis([1549, 1551]).max).toBeGreaterThanOrEqual(1551);
  });

  it('ends the axis on numbers of two figures, outside the values (a reopen rate of 2.975 % against a target of 3 %)', () => {
    const axis = trendChart(['2026-Q3'], [2.975027144408252], { targets: [3], floors: [] }).yAxis as { min: number; max: number };
    // Padded by 15 % of 0.025 to 2.9713 and 3.0037: 2.9 and 3.1.
    expect(axis).toMatchObject({ min: 2.9, max: 3.1 });
  });
});

describe('roundDown and roundUp', () => {
  it('round to two significant figures, away from the value inside', () => {
    expect([roundDown(2.9713), roundUp(3.0037), roundDown(1548.7), roundUp(1551.3), roundDown(-0.123), roundUp(0.0456), roundDown(0)]).toEqual([2.9, 3.1, 1500, 1600, -0.13, 0.046, 0]);
  });
});
