// Assessment periods: `2026-10` (a month), `2026-Q4` (a quarter), `2026` (a year) or
// `2026-10-01..2026-10-15` (days, both included). A period is half-open [start, end) in the
// policy's time zone: it starts at local midnight of its first day and ends at local
// midnight after its last. Pure.
import { AspmError } from '../errors.js';
import { formatInstant, zoneClock } from '../tables/time-zone.js';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'range';

export interface Period {
  /** The period as written, normalised (e.g. `2026-Q4`). */
  readonly id: string;
  readonly kind: PeriodKind;
  /** First instant inside the period (UTC milliseconds). */
  readonly start: number;
  /** First instant after the period (UTC milliseconds). */
  readonly end: number;
  /** First and last local day, `YYYY-MM-DD`. */
  readonly firstDay: string;
  readonly lastDay: string;
  readonly zone: string;
}

const DAY = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dayKey(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 10);
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses PERIOD; throws a usage error (exit 2) that shows the accepted forms. */
export function parsePeriod(text: string, zone: string): Period {
  const value = text.trim();
  const fail = () => new AspmError('period-invalid', { value: text }, { exitCode: 2 });
  let first: number; // wall ms of the first day
  let after: number; // wall ms of the day after the last
  let id: string;
  let kind: PeriodKind;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})$/.exec(value))) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12) throw fail();
    first = Date.UTC(year, month - 1, 1);
    after = Date.UTC(year, month, 1);
    id = `${year}-${pad(month)}`;
    kind = 'month';
  } else if ((match = /^(\d{4})-?[Qq]([1-4])$/.exec(value))) {
    const year = Number(match[1]);
    const quarter = Number(match[2]);
    first = Date.UTC(year, (quarter - 1) * 3, 1);
    after = Date.UTC(year, quarter * 3, 1);
    id = `${year}-Q${quarter}`;
    kind = 'quarter';
  } else if ((match = /^(\d{4})$/.exec(value))) {
    const year = Number(match[1]);
    first = Date.UTC(year, 0, 1);
    after = Date.UTC(year + 1, 0, 1);
    id = String(year);
    kind = 'year';
  } else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})\s*\.\.\s*(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value))) {
    const [y1, m1, d1, y2, m2, d2] = match.slice(1).map(Number) as [number, number, number, number, number, number];
    if (!validDay(y1, m1, d1) || !validDay(y2, m2, d2)) throw fail();
    first = Date.UTC(y1, m1 - 1, d1);
    after = Date.UTC(y2, m2 - 1, d2) + DAY;
    if (after <= first) throw new AspmError('period-reversed', { value: text }, { exitCode: 2 });
    id = `${dayKey(first)}..${dayKey(after - DAY)}`;
    kind = 'range';
  } else {
    throw fail();
  }
  // Date.UTC reads years 0–99 as 1900–1999: a year written 0026 is refused, not moved.
  if ((value.match(/\d{4}/g) ?? []).some((year) => Number(year) < 1900)) throw fail();
  const clock = zoneClock(zone);
  return {
    id,
    kind,
    start: clock.wallToUtc(first),
    end: clock.wallToUtc(after),
    firstDay: dayKey(first),
    lastDay: dayKey(after - DAY),
    zone,
  };
}

/** The period's bounds as ISO strings with the zone's offset, for the report. */
export function describePeriod(period: Period): { id: string; start: string; end: string } {
  const clock = zoneClock(period.zone);
  return { id: period.id, start: formatInstant(period.start, clock), end: formatInstant(period.end, clock) };
}

/** Calendar years the period touches (for the holiday-coverage check). */
export function periodYears(period: Period): number[] {
  const firstYear = Number(period.firstDay.slice(0, 4));
  const lastYear = Number(period.lastDay.slice(0, 4));
  const years: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) years.push(y);
  return years;
}
