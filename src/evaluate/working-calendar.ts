// The working calendar: which days are working days (Monday–Friday, or China's public
// holidays and make-up working days 调休 from chinese-days, with a policy's holidays file
// for any country laid over either), the working hours of a day, business durations between
// two instants, and "N working days after" for deadlines. It also says which years it knows,
// so that a period or a deadline beyond them is a warning, never a silent Monday–Friday.
// Pure once built. It reads chinese-days' data table by day key rather than calling its
// date functions, which parse `YYYY-MM-DD` as UTC but read local getters (wrong outside
// UTC+x zones) and silently fall back to Monday–Friday after the last year they know.
import { createRequire } from 'node:module';
import type { HolidayList } from '../policy/holidays-file.js';
import { minutesOf } from '../policy/rules/settings.js';
import type { ZoneClock } from '../tables/time-zone.js';

const DAY = 86_400_000;

export interface WorkingSpan {
  readonly start: string; // HH:MM
  readonly end: string; // HH:MM (24:00 allowed)
}

export interface WorkingCalendarOptions {
  readonly clock: ZoneClock;
  readonly workingHours: readonly WorkingSpan[];
  readonly holidays: 'cn' | 'none';
  /** A holidays file laid over the base: on a date it lists, it wins. */
  readonly holidayList?: HolidayList | undefined;
}

export interface WorkingCalendar {
  /** Whether a local day (`YYYY-MM-DD`) is a working day. */
  isWorkday(day: string): boolean;
  /** Working time between two instants, in ms (0 when `to` is not after `from`). */
  workingMsBetween(fromUtc: number, toUtc: number): number;
  /** The local day `n` working days after `day` (`day` itself not counted). */
  addWorkingDays(day: string, n: number): string;
  /** Years the holiday data covers (first and last), or undefined for Monday–Friday calendars. */
  readonly coverage: { readonly first: number; readonly last: number } | undefined;
  /** Each year the holiday data knows (chinese-days' and the file's), or undefined for Monday–Friday. */
  readonly knownYears: ReadonlySet<number> | undefined;
  /** The holidays file the calendar includes, as the policy names it. */
  readonly holidaysFile: string | undefined;
  /** Working time of one working day, in ms (a working-day SLA is this many ms per day). */
  readonly workingMsPerDay: number;
}

interface HolidayTable {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

let table: { holidays: Set<string>; workdays: Set<string>; first: number; last: number } | undefined;

function chineseDays() {
  if (!table) {
    const require = createRequire(import.meta.url);
    const data = require('chinese-days/dist/chinese-days.json') as HolidayTable;
    const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
    table = {
      holidays: new Set(Object.keys(data.holidays)),
      workdays: new Set(Object.keys(data.workdays)),
      first: Math.min(...years),
      last: Math.max(...years),
    };
  }
  return table;
}

/** The years chinese-days knows the public holidays of. */
export function chineseHolidayCoverage(): { first: number; last: number } {
  const { first, last } = chineseDays();
  return { first, last };
}

function dayKeyOf(dayNumber: number): string {
  return new Date(dayNumber * DAY).toISOString().slice(0, 10);
}

function dayNumberOf(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY);
}

export function buildWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const { clock } = options;
  const spans = options.workingHours.map((s) => [minutesOf(s.start) * 60_000, minutesOf(s.end) * 60_000] as const);
  const workPerDay = spans.reduce((sum, [a, b]) => sum + (b - a), 0);
  const cn = options.holidays === 'cn' ? chineseDays() : undefined;
  const list = options.holidayList;

  const isWorkdayNumber = (dn: number): boolean => {
    if (list) {
      const key = dayKeyOf(dn);
      if (list.off.has(key)) return false;
      if (list.work.has(key)) return true;
    }
    if (cn) {
      const key = dayKeyOf(dn);
      if (cn.holidays.has(key)) return false;
      if (cn.workdays.has(key)) return true;
    }
    const weekday = (dn + 4) % 7; // 1970-01-01 was a Thursday
    return weekday !== 0 && weekday !== 6;
  };

  // Working ms before each day, from `low`: W(t) = before[day] + worked within the day.
  let low = 0;
  let before = new Float64Array(0);
  let workday = new Uint8Array(0);
  const ensure = (dn: number) => {
    if (before.length > 0 && dn >= low && dn < low + before.length - 1) return;
    const from = before.length === 0 ? dn - 400 : Math.min(low, dn - 400);
    const to = before.length === 0 ? dn + 400 : Math.max(low + before.length, dn + 400);
    low = from;
    before = new Float64Array(to - from + 1);
    workday = new Uint8Array(to - from + 1);
    let total = 0;
    for (let i = 0; i < before.length; i++) {
      before[i] = total;
      const works = isWorkdayNumber(from + i);
      workday[i] = works ? 1 : 0;
      if (works) total += workPerDay;
    }
  };

  const cumulative = (utc: number): number => {
    const wall = clock.utcToWall(utc);
    const dn = Math.floor(wall / DAY);
    ensure(dn);
    const i = dn - low;
    let within = 0;
    if (workday[i] === 1) {
      const t = wall - dn * DAY;
      for (const [a, b] of spans) within += t <= a ? 0 : t >= b ? b - a : t - a;
    }
    return before[i]! + within;
  };

  // The file either adds a company's own days to China's years or extends them (a year
  // chinese-days does not know yet): the calendar knows the years of either.
  let knownYears: Set<number> | undefined;
  if (cn || list) {
    knownYears = new Set(list?.years ?? []);
    if (cn) for (let y = cn.first; y <= cn.last; y++) knownYears.add(y);
  }
  const sortedYears = knownYears ? [...knownYears].sort((a, b) => a - b) : [];

  return {
    coverage: sortedYears.length > 0 ? { first: sortedYears[0]!, last: sortedYears[sortedYears.length - 1]! } : undefined,
    knownYears,
    holidaysFile: list?.file,
    workingMsPerDay: workPerDay,
    isWorkday: (day) => isWorkdayNumber(dayNumberOf(day)),
    workingMsBetween(fromUtc, toUtc) {
      if (!(toUtc > fromUtc)) return 0;
      return cumulative(toUtc) - cumulative(fromUtc);
    },
    addWorkingDays(day, n) {
      let dn = dayNumberOf(day);
      let left = n;
      while (left > 0) {
        dn++;
        if (isWorkdayNumber(dn)) left--;
      }
      return dayKeyOf(dn);
    },
  };
}
