// Events counted per person (from the tickets or a metrics column) turned into points and
// vetoes. Points: count × points per event, capped per item (a deduction never takes more
// than its cap either). Vetoes (一票否决): at least `at_least` events cap the grade and/or
// cancel the bonus, whatever the score. A count that is not given (no metrics row, a blank
// cell) counts as no events, and the line says `count: null` so that nobody mistakes it
// for a verified zero. Pure.
import type { PointItem, Veto } from '../policy/policy.generated.js';

export interface PointLine {
  readonly id: string;
  readonly count: number | null;
  readonly points: number;
  readonly cap: number | null;
  /** count × points, within ±cap. */
  readonly value: number;
}

export interface PointsResult {
  readonly total: number;
  readonly items: readonly PointLine[];
}

export function scorePoints(items: readonly PointItem[], countOf: (id: string) => number | null): PointsResult {
  let total = 0;
  const lines = items.map((item) => {
    const count = countOf(item.id);
    let value = (count ?? 0) * item.points;
    if (item.cap !== undefined) {
      if (value > item.cap) value = item.cap;
      else if (value < -item.cap) value = -item.cap;
    }
    if (value === 0) value = 0; // no −0 in the report
    total += value;
    return { id: item.id, count, points: item.points, cap: item.cap ?? null, value };
  });
  return { total, items: lines };
}

export interface VetoLine {
  readonly id: string;
  readonly count: number | null;
  readonly at_least: number;
  readonly triggered: boolean;
  readonly max_grade: string | null;
  readonly no_bonus: boolean;
}

export function checkVetoes(vetoes: readonly Veto[], countOf: (id: string) => number | null): VetoLine[] {
  return vetoes.map((veto) => {
    const count = countOf(veto.id);
    return {
      id: veto.id,
      count,
      at_least: veto.at_least,
      triggered: (count ?? 0) >= veto.at_least,
      max_grade: veto.effect.max_grade ?? null,
      no_bonus: veto.effect.no_bonus,
    };
  });
}
