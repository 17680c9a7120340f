// Weight arithmetic for the wizard: weights are whole-number shares of 100. Normalising
// rounds by largest remainder so the parts always add up to exactly 100 and no part that
// was there disappears. Pure; never reorders entries.
import { WEIGHT_TOLERANCE } from '../policy/rules/weights.js';

export interface Weighted {
  readonly id: string;
  readonly weight: number;
}

export function totalWeight(entries: readonly Weighted[]): number {
  return Number(entries.reduce((sum, e) => sum + e.weight, 0).toFixed(4));
}

export function addsUpToHundred(entries: readonly Weighted[]): boolean {
  return Math.abs(totalWeight(entries) - 100) <= WEIGHT_TOLERANCE;
}

/**
 * Scales the weights to whole numbers totalling 100, in proportion to what was given.
 * Every entry keeps at least 1 (a weight of 0 is not allowed in a policy); with nothing
 * to go by (all zero) the 100 is shared equally.
 */
export function normaliseWeights<T extends Weighted>(entries: readonly T[]): T[] {
  if (entries.length === 0) return [];
  if (entries.length > 100) throw new RangeError('more than 100 weighted entries cannot each get a whole share');
  const total = entries.reduce((sum, e) => sum + Math.max(0, e.weight), 0);
  const exact = entries.map((e) => (total > 0 ? (Math.max(0, e.weight) * 100) / total : 100 / entries.length));
  const whole = exact.map(Math.floor);
  let left = 100 - whole.reduce((a, b) => a + b, 0);
  // Largest remainder first; ties go to the earlier entry so the result is stable.
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    whole[index]! += 1;
    left -= 1;
  }
  // A tiny share may have rounded to 0: give it 1, taken from the largest.
  for (let i = 0; i < whole.length; i++) {
    if (whole[i] === 0) {
      const largest = whole.indexOf(Math.max(...whole));
      whole[largest]! -= 1;
      whole[i] = 1;
    }
  }
  return entries.map((e, i) => ({ ...e, weight: whole[i]! }));
}

/**
 * Moves `points` of weight onto the entries in `toward` (shared in proportion to their
 * current weights) from all the others (in proportion to theirs), then normalises.
 * Nothing moves when either side is empty.
 */
export function shiftWeight<T extends Weighted>(entries: readonly T[], toward: ReadonlySet<string>, points: number): T[] {
  const gaining = entries.filter((e) => toward.has(e.id));
  const losing = entries.filter((e) => !toward.has(e.id));
  const gainTotal = totalWeight(gaining);
  const loseTotal = totalWeight(losing);
  if (gaining.length === 0 || losing.length === 0 || gainTotal <= 0 || loseTotal <= 0) return [...entries];
  // Leave the others at least one point each.
  const moved = Math.min(points, loseTotal - losing.length);
  if (moved <= 0) return [...entries];
  return normaliseWeights(
    entries.map((e) =>
      toward.has(e.id) ? { ...e, weight: e.weight + (moved * e.weight) / gainTotal } : { ...e, weight: e.weight - (moved * e.weight) / loseTotal },
    ),
  );
}

/** Adds an entry at `weight` and scales the others down to make room, then normalises. */
export function addWithWeight<T extends Weighted>(entries: readonly T[], added: T): T[] {
  const others = totalWeight(entries);
  if (entries.length === 0 || others <= 0) return normaliseWeights([...entries, added]);
  const room = 100 - added.weight;
  return normaliseWeights([...entries.map((e) => ({ ...e, weight: (e.weight * room) / others })), added]);
}

/**
 * Weights for a new selection of ids: ids that were suggested keep their suggested
 * weight, new ids get an equal share of what an average entry had, and the whole is
 * normalised. Keeps the order of `chosen`.
 */
export function reweigh(chosen: readonly string[], suggested: readonly Weighted[]): Weighted[] {
  const known = new Map(suggested.map((e) => [e.id, e.weight]));
  const average = chosen.length > 0 ? 100 / chosen.length : 0;
  return normaliseWeights(chosen.map((id) => ({ id, weight: known.get(id) ?? average })));
}

/**
 * What to offer as the next weight while the user types them one by one: the last entry
 * gets whatever is left, so Enter makes the total 100; an earlier one its suggestion, but
 * no more than leaves each later entry at least 1. With nothing left to share, the
 * suggestion stands and the total that goes over 100 is offered for scaling.
 */
export function nextWeightDefault(suggested: number, left: number, later: number): number {
  const remaining = Number(left.toFixed(4));
  if (later === 0) return remaining > 0 ? remaining : suggested;
  const room = remaining - later;
  return room >= 1 ? Math.max(1, Math.min(suggested, room)) : suggested;
}
