// Grades: the policy's bands ordered from best to worst, the grade a total falls in, and
// "the worse of two grades" (a veto caps a grade; forced distribution may lower it).
// Totals are graded as people see them, rounded to two decimals, so that a total shown as
// 80.00 is never graded below the 80 line because of floating-point noise. Pure.
import type { GradeBand, Policy } from '../policy/policy.generated.js';
import { roundHalfUp } from '../text/round-half-up.js';

export interface GradeScale {
  /** Bands from best (highest scores) to worst. */
  readonly bands: readonly GradeBand[];
  /** Grade codes from best to worst. */
  readonly order: readonly string[];
}

export function gradeScale(policy: Pick<Policy, 'grades'>): GradeScale {
  const bands = [...policy.grades.bands].sort((a, b) => b.min - a.min || b.max - a.max);
  return { bands, order: bands.map((b) => b.grade) };
}

/** A score rounded half-up to two decimals, as every report and notice shows it. */
export function roundScore(x: number): number {
  return roundHalfUp(x);
}

/** The band a (rounded) total falls in: min ≤ total < max; the top band includes its max and above. */
export function bandOf(scale: GradeScale, total: number): GradeBand {
  const top = scale.bands[0]!;
  if (total >= top.max) return top;
  for (const band of scale.bands) if (total >= band.min && total < band.max) return band;
  return scale.bands[scale.bands.length - 1]!;
}

/** 0 for the best grade; larger is worse. */
export function gradeIndex(scale: GradeScale, grade: string): number {
  const i = scale.order.indexOf(grade);
  return i === -1 ? scale.order.length : i;
}

export function worseGrade(scale: GradeScale, a: string, b: string | undefined): string {
  if (b === undefined) return a;
  return gradeIndex(scale, b) > gradeIndex(scale, a) ? b : a;
}
