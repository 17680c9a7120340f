// Periods seen as assessment cycles: which cycle a period is (a month is `monthly`…), how
// many months it spans, the periods before it (for rules over consecutive cycles), and the
// primary cycles inside a longer one (for a quarter or year that averages its months).
// Pure.
import type { Cycle } from '../policy/policy.generated.js';
import type { Period } from '../evaluate/period.js';
import { cycleMonths } from './score-kpi.js';

const AVERAGE_MONTH_DAYS = 365.25 / 12;
const DAY = 86_400_000;

/** The cycle a period is, or undefined for a range of days. */
export function cycleOfPeriod(period: Pick<Period, 'kind'>): Cycle | undefined {
  switch (period.kind) {
    case 'month':
      return 'monthly';
    case 'quarter':
      return 'quarterly';
    case 'year':
      return 'annual';
    default:
      return undefined;
  }
}

/** The cycle of a period id as reports write it (`2026-10`, `2026-Q4`, `2026`). */
export function cycleOfPeriodId(id: string): Cycle | undefined {
  if (/^\d{4}-\d{2}$/.test(id)) return 'monthly';
  if (/^\d{4}-Q[1-4]$/.test(id)) return 'quarterly';
  if (/^\d{4}$/.test(id)) return 'annual';
  return undefined;
}

/** Length in months; a range of days against an average month. */
export function periodMonths(period: Pick<Period, 'kind' | 'firstDay' | 'lastDay'>): number {
  const cycle = cycleOfPeriod(period);
  if (cycle) return cycleMonths(cycle);
  const days = (Date.parse(`${period.lastDay}T00:00:00Z`) - Date.parse(`${period.firstDay}T00:00:00Z`)) / DAY + 1;
  return days / AVERAGE_MONTH_DAYS;
}

/** The index of a period id's first month since year 0 and its length in months. */
function monthSpan(id: string): { first: number; months: number } | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(id))) return { first: Number(m[1]) * 12 + Number(m[2]) - 1, months: 1 };
  if ((m = /^(\d{4})-Q([1-4])$/.exec(id))) return { first: Number(m[1]) * 12 + (Number(m[2]) - 1) * 3, months: 3 };
  if ((m = /^(\d{4})$/.exec(id))) return { first: Number(m[1]) * 12, months: 12 };
  return undefined;
}

function idOf(firstMonth: number, cycle: Cycle): string {
  const year = Math.floor(firstMonth / 12);
  const month = firstMonth % 12;
  if (cycle === 'monthly') return `${year}-${String(month + 1).padStart(2, '0')}`;
  if (cycle === 'quarterly') return `${year}-Q${Math.floor(month / 3) + 1}`;
  return String(year);
}

/** The `count` periods of the same cycle before `id`, nearest first. */
export function previousPeriodIds(id: string, count: number): string[] {
  const span = monthSpan(id);
  const cycle = cycleOfPeriodId(id);
  if (!span || !cycle) return [];
  const out: string[] = [];
  for (let i = 1; i <= count; i++) out.push(idOf(span.first - i * span.months, cycle));
  return out;
}

/** The period of `cycle` that holds a day (`YYYY-MM-DD`): 2026-07-15 → `2026-07`, `2026-Q3`, `2026`. */
export function periodIdOfDay(day: string, cycle: Cycle): string {
  const month = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  return idOf(month - (month % cycleMonths(cycle)), cycle);
}

/** The period `count` periods after `id`, of the same cycle (undefined for a range of days). */
export function laterPeriodId(id: string, count: number): string | undefined {
  const span = monthSpan(id);
  const cycle = cycleOfPeriodId(id);
  return span && cycle ? idOf(span.first + count * span.months, cycle) : undefined;
}

/** Whether period `id` starts before period `other` (both of one cycle). */
export function periodIdBefore(id: string, other: string): boolean {
  const a = monthSpan(id);
  const b = monthSpan(other);
  return a !== undefined && b !== undefined && a.first < b.first;
}

/** The primary cycles a longer period consists of (a quarter's months…), or [] when it is not longer. */
export function primaryPeriodIds(id: string, primary: Cycle): string[] {
  const span = monthSpan(id);
  const step = cycleMonths(primary);
  if (!span || span.months <= step || span.months % step !== 0) return [];
  const out: string[] = [];
  for (let m = span.first; m < span.first + span.months; m += step) out.push(idOf(m, primary));
  return out;
}
