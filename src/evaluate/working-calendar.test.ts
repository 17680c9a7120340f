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

describe('a holidays file over the base calendar', () => {
  const list = (off: Record<string, string>, work: Record<string, string>, years: number[]) => ({ file: 'h.yaml', off: new Map(Object.entries(off)), work: new Map(Object.entries(work)), years });
  const saoPaulo = zoneClock('America/Sao_Paulo');
  const brazil = buildWorkingCalendar({
    clock: saoPaulo,
    workingHours: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }],
    holidays: 'none',
    holidayList: list({ '2026-04-03': 'Sexta-feira Santa', '2026-04-21': 'Tiradentes' }, { '2026-04-25': 'Compensação' }, [2026]),
  });
  const sp = (local: string) => Date.parse(`${local}-03:00`);

  it('alone (over Monday–Friday): Good Friday is off, a make-up Saturday works', () => {
    expect(brazil.isWorkday('2026-04-03')).toBe(false);
    expect(brazil.isWorkday('2026-04-02')).toBe(true);
    expect(brazil.isWorkday('2026-04-25')).toBe(true); // Saturday, listed as work
    expect(brazil.isWorkday('2026-04-26')).toBe(false);
    expect(brazil.workingMsPerDay).toBe(8 * H);
    // Thu 2 Apr 10:00 → Mon 6 Apr 15:00: Thursday 2 + 4.5 h, Good Friday none, Monday 3.5 + 2 h.
    expect(brazil.workingMsBetween(sp('2026-04-02T10:00:00'), sp('2026-04-06T15:00:00'))).toBe(12 * H);
    // Fri 24 Apr 09:00 → Mon 27 Apr 17:00: Friday 3 + 4.5 h, Saturday 8 h, Monday 3.5 + 4 h.
    expect(brazil.workingMsBetween(sp('2026-04-24T09:00:00'), sp('2026-04-27T17:00:00'))).toBe(23 * H);
    expect(brazil.addWorkingDays('2026-04-02', 1)).toBe('2026-04-06');
    expect(brazil.addWorkingDays('2026-04-20', 2)).toBe('2026-04-23');
  });

  it('knows the years of the file alone, and names it', () => {
    expect([...brazil.knownYears!]).toEqual([2026]);
    expect(brazil.coverage).toEqual({ first: 2026, last: 2026 });
    expect(brazil.holidaysFile).toBe('h.yaml');
    expect(plain.knownYears).toBeUndefined();
  });

  it('over the Chinese calendar: the file wins on the dates it names, China decides the rest', () => {
    const over = buildWorkingCalendar({
      clock,
      workingHours: hours,
      holidays: 'cn',
      // A company that works on 1 October and takes the make-up Saturday off, plus its own day off.
      holidayList: list({ '2026-10-10': '', '2026-06-15': '公司周年' }, { '2026-10-01': '' }, [2027]),
    });
    expect(over.isWorkday('2026-10-01')).toBe(true);
    expect(over.isWorkday('2026-10-10')).toBe(false);
    expect(over.isWorkday('2026-06-15')).toBe(false); // a Monday
    expect(over.isWorkday('2026-10-02')).toBe(false); // National Day, from China
    expect(over.isWorkday('2026-10-09')).toBe(true);
    // China's years and the file's: 2027 is known through the file.
    expect(over.knownYears!.has(2026) && over.knownYears!.has(2027) && over.knownYears!.has(2004)).toBe(true);
    expect(over.knownYears!.has(2028)).toBe(false);
    expect(over.coverage).toEqual({ first: chineseHolidayCoverage().first, last: 2027 });
  });
});
