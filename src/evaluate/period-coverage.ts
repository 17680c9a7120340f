// Whether the tickets file covers the whole period: an export pulled on the 15th, or filtered
// to start on the 20th, would otherwise have every count and SLA of the month judged on half
// of it without a word. Pure: the evaluator keeps the span of placing times as it reads; this
// decides whether a gap at either end of the period is the file's edge or only chance.
//
// The rule (docs/evaluating.md, "Bad data"): at least COVERAGE_MIN_ROWS rows placed in the
// period, and a part of the period before the file's earliest or after its latest placing
// time (over every row, in the period or not) longer than both COVERAGE_MIN_GAP_MS and
// COVERAGE_GAP_FACTOR times the mean spacing of the rows in the part the file does cover.
// The mean, not the median, of the gaps: it needs no list of every time (memory grows with
// people, not rows), and with tickets in bursts (working hours) it is the larger of the two,
// so the rule errs towards silence.
//
// Over every placed row the two times hide an export filtered by one of them: the tickets
// created from the 1st to the 20th, pulled on the 10th of the next month, have resolution
// times to the 10th, which hid that creation stops on the 20th and every KPI placed by
// creation misses the rest. So each time is also judged by itself (periodCoverage).

const DAY = 86_400_000;

/** Fewer rows than this in the period: a gap at its end says nothing about the export. */
export const COVERAGE_MIN_ROWS = 50;
/** A weekend, or a long weekend, with no tickets is common; three days is not the file's edge. */
export const COVERAGE_MIN_GAP_MS = 3 * DAY;
/**
 * Tickets arriving at random leave a stretch k mean spacings long empty at one end with
 * probability about e^-k: 5 makes it under 1 % a side, where 3 would be 5 %.
 */
export const COVERAGE_GAP_FACTOR = 5;

/** The placing times the evaluator saw. */
export interface PlacingSpan {
  /** Earliest and latest placing time of any row, in the period or not (UTC ms). */
  readonly first: number;
  readonly last: number;
  /** Rows placed in the period. */
  readonly inPeriod: number;
}

/** The part of the period the file covers, [from, to] (UTC ms), when it is clearly not all of it. */
export interface PartialCoverage {
  readonly from: number;
  readonly to: number;
  /** Whether the uncovered part is at the start, at the end (or both). */
  readonly startUncovered: boolean;
  readonly endUncovered: boolean;
}

export function partialCoverage(period: { readonly start: number; readonly end: number }, span: PlacingSpan | undefined): PartialCoverage | undefined {
  if (span === undefined || span.inPeriod < COVERAGE_MIN_ROWS) return undefined;
  const from = Math.max(period.start, span.first);
  const to = Math.min(period.end, span.last);
  if (!(to > from)) return undefined;
  const spacing = (to - from) / span.inPeriod;
  const longest = Math.max(COVERAGE_MIN_GAP_MS, COVERAGE_GAP_FACTOR * spacing);
  const startUncovered = from - period.start > longest;
  const endUncovered = period.end - to > longest;
  return startUncovered || endUncovered ? { from, to, startUncovered, endUncovered } : undefined;
}

/** The placing span by each time some KPI places tickets by (undefined: none, or no KPI places by it). */
export interface PlacingSpans {
  readonly created_at: PlacingSpan | undefined;
  readonly resolved_at: PlacingSpan | undefined;
}

/** What `period-partly-covered` says: the part covered, the times at its edges, and by which time when an export was cut by it. */
export interface PeriodCoverage extends PartialCoverage {
  readonly first: number;
  readonly last: number;
  readonly rows: number;
  /** Set when this placing time alone falls short, the other running past that end of the period. */
  readonly field?: 'created_at' | 'resolved_at';
}

/**
 * Whether the file covers the period, by the rule above over every placed row (`all`), or,
 * when some KPIs place tickets by creation and others by resolution, by one of those times
 * alone where the file shows the mark of an export filtered by it: that time stops short of
 * an end of the period while the other runs on past that end (created from the 1st to the
 * 20th, resolved into the next month). Only there is the time named; a file whose times
 * both stop near the end (a quiet last few days) is judged over all of them, as before.
 */
export function periodCoverage(period: { readonly start: number; readonly end: number }, all: PlacingSpan | undefined, by: PlacingSpans): PeriodCoverage | undefined {
  const { created_at: created, resolved_at: resolved } = by;
  if (created && resolved) {
    for (const [field, span, other] of [
      ['created_at', created, resolved],
      ['resolved_at', resolved, created],
    ] as const) {
      const partial = partialCoverage(period, span);
      if (!partial) continue;
      const startCut = partial.startUncovered && other.first < period.start;
      const endCut = partial.endUncovered && other.last >= period.end;
      if (startCut || endCut) return { ...partial, first: span.first, last: span.last, rows: span.inPeriod, field };
    }
  }
  const partial = partialCoverage(period, all);
  return partial && all ? { ...partial, first: all.first, last: all.last, rows: all.inPeriod } : undefined;
}
