import { describe, expect, it } from 'vitest';
import { partialCoverage } from './period-coverage.js';

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
