// Explainability as a test: redo each person's arithmetic from their JSON entry alone (and
// the report's grade scale for the order of grades, and its neutral score) — from each
// KPI's value, target, floor and stated rule up to the grade — written independently of the scoring
// code — as someone checking their result with a calculator would, following the README.
// Any number the entry states that does not follow from the others is a failure.
import { expect } from 'vitest';

/* The report as JSON: read loosely, as an outside checker would. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Half-up to two decimals, done on the decimal digits of the 12-significant-digit value. */
export function roundHalfUp2(x: number): number {
  const text = Number(x.toPrecision(12)).toFixed(10); // e.g. "79.9999999999" → "80.0000000000"
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  let cents = BigInt(whole!) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  if (Number(fraction[2] ?? '0') >= 5) cents += 1n;
  const value = Number(cents) / 100;
  return negative && value !== 0 ? -value : value;
}

function sumInOrder(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/**
 * A KPI's score from its line: value, target, floor, direction and the stated rule —
 * linear: (value − floor) ÷ (target − floor) × 100 kept within 0 and the cap; bands: the
 * score of the band with min ≤ value < max, else 0; pass/fail: 100 when the target is met
 * in the KPI's direction, else 0.
 */
function recomputeKpiScore(value: number, line: { target: number; floor: number; direction: string; scoring: Json }): number {
  const { target, floor, direction, scoring } = line;
  if (scoring.method === 'pass_fail') return (direction === 'higher' ? value >= target : value <= target) ? 100 : 0;
  if (scoring.method === 'bands') {
    const band = (scoring.bands as Json[]).find((b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max));
    return band ? band.score : 0;
  }
  expect(scoring.method).toBe('linear');
  expect(typeof scoring.cap).toBe('number');
  return Math.min(scoring.cap, Math.max(0, ((value - floor) / (target - floor)) * 100));
}

/** Each KPI line's score follows from its value and rule (a month's line from that month's). */
function checkKpiScore(line: Json, direction: string, neutralScore: number | undefined): void {
  if (line.scored_as === 'value') expect([line.id, line.score]).toEqual([line.id, recomputeKpiScore(line.value, { target: line.target, floor: line.floor, direction, scoring: line.scoring })]);
  else if (line.scored_as === 'neutral' && neutralScore !== undefined) expect(line.score).toBe(neutralScore);
  else if (line.scored_as === 'left_out') expect(line.score).toBeNull();
}

interface Recomputed {
  readonly total: number | null;
  readonly rounded: number | null;
  readonly gradeByBands: string | null;
  readonly grade: string | null;
}

function recomputePerson(person: Json, bands: readonly Json[], neutralScore?: number, minScoredWeight = 0): Recomputed {
  const order = [...bands].sort((a, b) => b.min - a.min).map((b) => b.grade as string);
  const worse = (a: string, b: string | null) => (b !== null && order.indexOf(b) > order.indexOf(a) ? b : a);

  // Quantitative: contribution = score × weight ÷ 100, summed in the listed order — none
  // when the lines scored from their values weigh (nominally) less than the policy's minimum.
  const tooLittle = (lines: readonly Json[]) => {
    const total = person.kpis.reduce((sum: number, k: Json) => sum + k.weight_nominal, 0);
    const scored = lines.reduce((sum: number, l: Json, i: number) => sum + (l.scored_as === 'value' ? person.kpis[i].weight_nominal : 0), 0);
    return minScoredWeight > 0 && (scored * 100) / total < minScoredWeight - 1e-9;
  };
  let quantitative: number | null;
  if (person.quantitative.method === 'monthly_average') {
    for (const k of person.kpis) {
      for (const m of k.months) checkKpiScore({ ...m, id: k.id }, k.direction, neutralScore);
      // The line's score is the mean of the months that scored it.
      const scores = k.months.filter((m: Json) => m.score !== null).map((m: Json) => m.score as number);
      expect(k.score).toBe(scores.length === 0 ? null : sumInOrder(scores) / scores.length);
    }
    const monthScores: (number | null)[] = person.quantitative.months.map((m: Json, i: number) => {
      const lines = person.kpis.map((k: Json) => k.months[i]);
      for (const l of lines) if (l.score !== null) expect(l.contribution).toBe((l.score * l.weight) / 100);
      const s = lines.every((l: Json) => l.scored_as === 'left_out') || tooLittle(lines) ? null : sumInOrder(lines.map((l: Json) => l.contribution));
      expect(m.score).toBe(s);
      return s;
    });
    const present = monthScores.filter((s): s is number => s !== null);
    quantitative = present.length === 0 ? null : sumInOrder(present) / present.length;
  } else {
    for (const k of person.kpis) {
      checkKpiScore(k, k.direction, neutralScore);
      if (k.score === null) expect([k.weight, k.contribution]).toEqual([0, 0]);
      else expect(k.contribution).toBe((k.score * k.weight) / 100);
    }
    quantitative = person.kpis.every((k: Json) => k.scored_as === 'left_out') || tooLittle(person.kpis) ? null : sumInOrder(person.kpis.map((k: Json) => k.contribution));
  }
  expect(person.quantitative.score).toBe(quantitative);

  // Qualitative: item score = (mean − min) ÷ (max − min) × 100; type score = Σ item score × weight ÷ 100.
  const { min, max } = person.qualitative.scale;
  for (const r of person.qualitative.raters) {
    if (!r.used) {
      expect([r.weight, r.contribution, r.score]).toEqual([0, 0, null]);
      continue;
    }
    for (const item of r.items) expect(item.score).toBe(((item.mean - min) / (max - min)) * 100);
    expect(r.score).toBe(sumInOrder(r.items.map((i: Json) => (i.score * i.weight) / 100)));
    expect(r.contribution).toBe((r.score * r.weight) / 100);
  }
  const usedRaters = person.qualitative.raters.filter((r: Json) => r.used);
  const qualitative = usedRaters.length === 0 ? null : sumInOrder(person.qualitative.raters.map((r: Json) => r.contribution));
  expect(person.qualitative.score).toBe(qualitative);
  expect(person.quantitative.share + person.qualitative.share).toBe(quantitative === null ? person.quantitative.share : 100);

  // Points: count × points, within ±cap.
  for (const item of person.points.items) {
    let v = (item.count ?? 0) * item.points;
    if (item.cap !== null) v = Math.min(item.cap, Math.max(-item.cap, v));
    expect(item.value).toBe(v === 0 ? 0 : v);
  }
  const points = sumInOrder(person.points.items.map((i: Json) => i.value));
  expect(person.points.total).toBe(points);

  if (quantitative === null) {
    expect(person.status).toBe('not_assessed');
    expect([person.total, person.grade]).toEqual([null, null]);
    return { total: null, rounded: null, gradeByBands: null, grade: null };
  }
  const subtotal = (quantitative * person.quantitative.share) / 100 + ((qualitative ?? 0) * person.qualitative.share) / 100;
  expect(person.subtotal).toBe(subtotal);
  const total = Math.max(0, subtotal + points);
  const rounded = roundHalfUp2(total);
  // The band the rounded total falls in (the top band includes its upper bound and above).
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const band = rounded >= sorted[0]!.max ? sorted[0]! : (sorted.find((b) => rounded >= b.min && rounded < b.max) ?? sorted[sorted.length - 1]!);
  expect(person.band).toEqual({ grade: band.grade, min: band.min, max: band.max });
  // Vetoes: the worst max_grade of those triggered; then the worse of that and the (distributed) grade.
  let cap: string | null = null;
  for (const v of person.vetoes) {
    expect(v.triggered).toBe((v.count ?? 0) >= v.at_least);
    if (v.triggered && v.max_grade !== null) cap = cap === null ? v.max_grade : worse(cap, v.max_grade);
  }
  expect(person.grade_cap).toBe(cap);
  const grade = worse(person.grade_distributed ?? band.grade, cap);
  return { total, rounded, gradeByBands: band.grade, grade };
}

/** Recomputes every person of a report and compares with what it states. */
export function expectExplainable(report: Json): number {
  let checked = 0;
  for (const person of report.staff) {
    const r = recomputePerson(person, report.grades.bands, report.scoring?.neutral_score, report.scoring?.min_scored_weight);
    expect({ id: person.id, total: person.total, rounded: person.total_rounded, bands: person.grade_by_bands, grade: person.grade }).toEqual({
      id: person.id,
      total: r.total,
      rounded: r.rounded,
      bands: r.gradeByBands,
      grade: r.grade,
    });
    checked++;
  }
  return checked;
}
