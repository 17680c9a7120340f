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
