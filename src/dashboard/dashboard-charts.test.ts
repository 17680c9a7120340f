import { describe, expect, it } from 'vitest';
import { trendChart } from './dashboard-charts.js';

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
});
