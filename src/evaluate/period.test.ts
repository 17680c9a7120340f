import { describe, expect, it } from 'vitest';
import { AspmError } from '../errors.js';
import { describePeriod, parsePeriod, periodYears } from './period.js';

describe('parsePeriod', () => {
  it.each([
    ['2026-10', '2026-10', '2026-10-01T00:00:00+08:00', '2026-11-01T00:00:00+08:00'],
    ['2026-1', '2026-01', '2026-01-01T00:00:00+08:00', '2026-02-01T00:00:00+08:00'],
    ['2026-Q4', '2026-Q4', '2026-10-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00'],
    ['2026q1', '2026-Q1', '2026-01-01T00:00:00+08:00', '2026-04-01T00:00:00+08:00'],
    ['2026', '2026', '2026-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00'],
    ['2026-10-01..2026-10-15', '2026-10-01..2026-10-15', '2026-10-01T00:00:00+08:00', '2026-10-16T00:00:00+08:00'],
  ])('%s', (text, id, start, end) => {
    expect(describePeriod(parsePeriod(text, 'Asia/Shanghai'))).toEqual({ id, start, end });
  });

  it('is half-open in the policy zone, across a daylight-saving change', () => {
    const p = parsePeriod('2026-03', 'Europe/Berlin');
    expect(describePeriod(p)).toEqual({ id: '2026-03', start: '2026-03-01T00:00:00+01:00', end: '2026-04-01T00:00:00+02:00' });
    expect(p.end - p.start).toBe((31 * 24 - 1) * 3_600_000);
  });

  it('lists the years a period touches', () => {
    expect(periodYears(parsePeriod('2026-12-20..2027-01-10', 'Asia/Shanghai'))).toEqual([2026, 2027]);
  });

  it.each(['2026-13', 'Oct 2026', '2026-Q5', '2026-02-30..2026-03-01', '', '2026-10-15..2026-10-01', '0026-10', '0099', '0026-Q4', '2026-10-01..0027-01-01'])('rejects %j as a usage error', (text) => {
    try {
      parsePeriod(text, 'Asia/Shanghai');
      expect.unreachable();
    } catch (caught) {
      expect(caught).toBeInstanceOf(AspmError);
      expect((caught as AspmError).exitCode).toBe(2);
      expect(['period-invalid', 'period-reversed']).toContain((caught as AspmError).code);
    }
  });
});
