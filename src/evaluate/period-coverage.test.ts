import { describe, expect, it } from 'vitest';
import { partialCoverage, periodCoverage } from './period-coverage.js';

const DAY = 86_400_000;
// A 31-day month from 0.
const month = { start: 0, end: 31 * DAY };

describe('partialCoverage', () => {
  it('a file that stops on the 15th covers the month up to then', () => {
    expect(partialCoverage(month, { first: 0.5 * DAY, last: 15 * DAY, inPeriod: 200 })).toEqual({ from: 0.5 * DAY, to: 15 * DAY, startUncovered: false, endUncovered: true });
  });

  it('a file that starts on the 21st covers the month from then', () => {
    // 60 rows over the 11 days left: about one every 4.4 hours; 20 days uncovered.
    expect(partialCoverage(month, { first: 20 * DAY, last: 40 * DAY, inPeriod: 60 })).toEqual({ from: 20 * DAY, to: 31 * DAY, startUncovered: true, endUncovered: false });
  });

  it('says nothing when the file runs past both ends of the period', () => {
    expect(partialCoverage(month, { first: -2 * DAY, last: 33 * DAY, inPeriod: 200 })).toBeUndefined();
  });

  it('says nothing about a file with fewer than 50 rows in the period', () => {
    expect(partialCoverage(month, { first: 0, last: 10 * DAY, inPeriod: 49 })).toBeUndefined();
    expect(partialCoverage(month, { first: 0, last: 10 * DAY, inPeriod: 50 })).toMatchObject({ endUncovered: true });
    expect(partialCoverage(month, undefined)).toBeUndefined();
  });

  it('a gap of three days or less at either end is a weekend, not the edge of the export', () => {
    expect(partialCoverage(month, { first: 3 * DAY, last: 28 * DAY, inPeriod: 500 })).toBeUndefined();
    expect(partialCoverage(month, { first: 0, last: 27.9 * DAY, inPeriod: 500 })).toMatchObject({ to: 27.9 * DAY, endUncovered: true });
    expect(partialCoverage(month, { first: 3.1 * DAY, last: 31 * DAY, inPeriod: 500 })).toMatchObject({ from: 3.1 * DAY, startUncovered: true });
  });

  it('in sparse data a gap must also be longer than five mean spacings', () => {
    const quarter = { start: 0, end: 90 * DAY };
    // 50 rows over 80 days: one every 1.6 days, so a gap must be over 8 days.
    expect(partialCoverage(quarter, { first: 0, last: 80 * DAY, inPeriod: 50 })).toMatchObject({ endUncovered: true });
    expect(partialCoverage(quarter, { first: 0, last: 83 * DAY, inPeriod: 50 })).toBeUndefined();
  });

  it('a file with no time in the period covers nothing of it to speak of (another warning says so)', () => {
    expect(partialCoverage(month, { first: -20 * DAY, last: -DAY, inPeriod: 60 })).toBeUndefined();
  });
});

describe('periodCoverage: each placing time judged by itself', () => {
  const union = (a: { first: number; last: number }, b: { first: number; last: number }, inPeriod: number) => ({ first: Math.min(a.first, b.first), last: Math.max(a.last, b.last), inPeriod });

  it('created to the 20th, resolved to 10 days past the month: creation falls short, named', () => {
    const created = { first: 0.3 * DAY, last: 20 * DAY, inPeriod: 200 };
    const resolved = { first: 0.4 * DAY, last: 41 * DAY, inPeriod: 150 };
    // Over both times at once the file would seem to run past the month's end.
    expect(partialCoverage(month, union(created, resolved, 200))).toBeUndefined();
    expect(periodCoverage(month, union(created, resolved, 200), { created_at: created, resolved_at: resolved })).toEqual({ from: 0.3 * DAY, to: 20 * DAY, startUncovered: false, endUncovered: true, first: 0.3 * DAY, last: 20 * DAY, rows: 200, field: 'created_at' });
  });

  it('resolved from the 11th, created from 15 days before: resolution falls short, named', () => {
    const created = { first: -5 * DAY, last: 30.5 * DAY, inPeriod: 170 };
    const resolved = { first: 10 * DAY, last: 30.9 * DAY, inPeriod: 210 };
    expect(periodCoverage(month, union(created, resolved, 210), { created_at: created, resolved_at: resolved })).toMatchObject({ from: 10 * DAY, startUncovered: true, endUncovered: false, first: 10 * DAY, rows: 210, field: 'resolved_at' });
  });

  it('both short (pulled mid-month): one gap over every placed row, no time named', () => {
    const created = { first: 0.3 * DAY, last: 14.4 * DAY, inPeriod: 200 };
    const resolved = { first: 0.4 * DAY, last: 14.5 * DAY, inPeriod: 200 };
    expect(periodCoverage(month, union(created, resolved, 200), { created_at: created, resolved_at: resolved })).toEqual({ from: 0.3 * DAY, to: 14.5 * DAY, startUncovered: false, endUncovered: true, first: 0.3 * DAY, last: 14.5 * DAY, rows: 200 });
  });

  it('creation stopping 3⅔ days before the end while resolutions stop a day later, inside the month: judged over both, quiet', () => {
    const created = { first: 0.3 * DAY, last: 27.3 * DAY, inPeriod: 96 };
    const resolved = { first: 0.4 * DAY, last: 28.1 * DAY, inPeriod: 96 };
    expect(partialCoverage(month, created)).toMatchObject({ endUncovered: true });
    expect(periodCoverage(month, union(created, resolved, 96), { created_at: created, resolved_at: resolved })).toBeUndefined();
  });

  it('one placing time in use: its gap, no time named; both covering the month: nothing', () => {
    const resolved = { first: 0.4 * DAY, last: 14.5 * DAY, inPeriod: 200 };
    expect(periodCoverage(month, resolved, { created_at: undefined, resolved_at: resolved })).not.toHaveProperty('field');
    const whole = { first: 0.2 * DAY, last: 30.8 * DAY, inPeriod: 300 };
    expect(periodCoverage(month, whole, { created_at: whole, resolved_at: { ...whole, last: 40 * DAY } })).toBeUndefined();
  });
});
