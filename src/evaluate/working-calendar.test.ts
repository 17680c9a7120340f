import { describe, expect, it } from 'vitest';
import { zoneClock } from '../tables/time-zone.js';
import { buildWorkingCalendar, chineseHolidayCoverage } from './working-calendar.js';

const clock = zoneClock('Asia/Shanghai');
const hours = [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }];
const cn = buildWorkingCalendar({ clock, workingHours: hours, holidays: 'cn' });
const plain = buildWorkingCalendar({ clock, workingHours: hours, holidays: 'none' });
const at = (local: string) => Date.parse(`${local}+08:00`);
const H = 3_600_000;

describe('working calendar', () => {
  it('knows public holidays and make-up working days (调休)', () => {
    expect(cn.isWorkday('2026-10-01')).toBe(false); // National Day
    expect(cn.isWorkday('2026-10-09')).toBe(true); // Friday
    expect(cn.isWorkday('2026-10-10')).toBe(true); // Saturday, made up
    expect(cn.isWorkday('2026-10-11')).toBe(false); // Sunday
    expect(plain.isWorkday('2026-10-01')).toBe(true);
    expect(plain.isWorkday('2026-10-10')).toBe(false);
  });

  it('counts business time within working hours and skips lunch, nights and holidays', () => {
    expect(cn.workingMsBetween(at('2026-10-09T10:00:00'), at('2026-10-09T15:00:00'))).toBe(3.5 * H);
    expect(cn.workingMsBetween(at('2026-10-09T17:00:00'), at('2026-10-10T10:00:00'))).toBe(2 * H);
    // Across the National Day holiday: 30 Sep 17:00 → 8 Oct 10:00 is 1 h + 1 h.
    expect(cn.workingMsBetween(at('2026-09-30T17:00:00'), at('2026-10-08T10:00:00'))).toBe(2 * H);
    expect(plain.workingMsBetween(at('2026-09-30T17:00:00'), at('2026-10-08T10:00:00'))).toBe(1 * H + 5 * 7.5 * H + 1 * H);
    expect(cn.workingMsBetween(at('2026-10-09T12:10:00'), at('2026-10-09T13:20:00'))).toBe(0);
    expect(cn.workingMsBetween(at('2026-10-09T15:00:00'), at('2026-10-09T14:00:00'))).toBe(0);
  });

  it('adds working days for deadlines', () => {
    expect(cn.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cn.addWorkingDays('2026-10-08', 5)).toBe('2026-10-14'); // Saturday 10 Oct is a working day
    expect(plain.addWorkingDays('2026-10-08', 5)).toBe('2026-10-15');
    expect(plain.addWorkingDays('2026-10-09', 1)).toBe('2026-10-12');
  });

  it('says which years the holiday data covers', () => {
    expect(cn.coverage).toEqual(chineseHolidayCoverage());
    expect(cn.coverage!.first).toBeLessThanOrEqual(2005);
    expect(cn.coverage!.last).toBeGreaterThanOrEqual(2026);
    expect(plain.coverage).toBeUndefined();
  });
});
