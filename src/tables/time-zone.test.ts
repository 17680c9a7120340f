// The zone clock's caches against the same conversion done with Intl at every step and no
// cache: equal for any wall time, around every kind of change (whole hour, half hour at
// :30 UTC, half-hour daylight saving), whatever was asked before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneClock } from './time-zone.js';

const HOUR = 3_600_000;

/** The offset at an instant, straight from Intl (whole seconds, as the clock reads it). */
function exactOffset(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** The clock's documented rule, uncached: two steps; in a gap the later offset, in an overlap the earlier instant. */
function reference(zone: string, wall: number): number {
  const first = wall - exactOffset(zone, wall);
  const second = wall - exactOffset(zone, first);
  if (first === second) return first;
  return Math.min(second, wall - exactOffset(zone, second));
}

// Changes in 2026: Berlin (whole hour, 01:00 UTC), St John's (−3:30, at :30 UTC: inside
// an hour), Lord Howe (a 30-minute change), New York; Shanghai has none.
const CHANGES: readonly [string, number][] = [
  ['Europe/Berlin', Date.UTC(2026, 2, 29, 2)],
  ['Europe/Berlin', Date.UTC(2026, 9, 25, 3)],
  ['America/St_Johns', Date.UTC(2026, 2, 8, 2)],
  ['America/St_Johns', Date.UTC(2026, 10, 1, 2)],
  ['Australia/Lord_Howe', Date.UTC(2026, 3, 5, 2)],
  ['Australia/Lord_Howe', Date.UTC(2026, 9, 4, 2)],
  ['America/New_York', Date.UTC(2026, 2, 8, 2)],
  ['Asia/Shanghai', Date.UTC(2026, 9, 1, 0)],
];

describe('zoneClock', () => {
  it('converts wall times near changes exactly as the uncached rule does, in any order (property)', () => {
    const wallNear = fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -3 * HOUR, max: 3 * HOUR }), fc.constantFrom(0, 1, 999, 1000, 59_000));
    fc.assert(
      fc.property(fc.array(wallNear, { minLength: 1, maxLength: 30 }), (walls) => {
        for (const [[zone, near], delta, ms] of walls) {
          const wall = near + delta - (delta % 60_000) + ms;
          expect(zoneClock(zone).wallToUtc(wall)).toBe(reference(zone, wall));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('an offset is a property of the instant, not of what was asked before (a change inside an hour)', () => {
    const clock = zoneClock('America/St_Johns');
    // 2026-11-01 04:30 UTC (02:00 daylight time): −2:30 becomes −3:30, half way through the hour.
    const before = Date.UTC(2026, 10, 1, 4, 10);
    const after = Date.UTC(2026, 10, 1, 4, 50);
    expect(clock.offsetAt(before)).toBe(-2.5 * HOUR);
    expect(clock.offsetAt(after)).toBe(-3.5 * HOUR);
    expect(clock.offsetAt(before)).toBe(-2.5 * HOUR);
  });

  it('the same wall time twice gives the same instant (the second from the wall-hour cache)', () => {
    const clock = zoneClock('Asia/Shanghai');
    const wall = Date.UTC(2026, 9, 3, 9, 5);
    expect(clock.wallToUtc(wall)).toBe(wall - 8 * HOUR);
    expect(clock.wallToUtc(wall + 1)).toBe(wall + 1 - 8 * HOUR);
    expect(clock.wallToUtc(NaN)).toBeNaN();
    expect(clock.wallToUtc(Infinity)).toBeNaN();
  });
});
