// The qualitative score from ratings. For each rater type: the mean score of each item
// (on the policy's scale, turned into 0–100), combined by the item weights of the person's
// role; then the rater types combined by their weights. What is missing spreads its weight
// over what is present (a rater type nobody rated; an item a rater type did not rate), the
// way Frappe HRMS users asked for when it divided by three sources that were not all there.
// A rating of oneself by a non-self rater type is ignored. Peer and subordinate ratings are
// anonymous: an item rated by fewer of them than the anonymity minimum is not used (its
// weight goes to the type's other items) and its mean is not shown — a mean of one rating
// is that rating, and a mean used in the type's score could be worked back from the others
// — and a type with no item left is not used at all; the result says so. Individual
// ratings and rater ids never appear in the result. Pure.
//
// Fixed arithmetic, so the report can be checked by hand: item score = (mean − min) ÷
// (max − min) × 100; type score = Σ item weight × item score ÷ 100; contribution = type
// score × type weight ÷ 100; qualitative = Σ contributions in the listed order.
import { roleItemWeights } from '../policy/item-weights.js';
import type { QualitativeItem, RaterType, RaterWeight } from '../policy/policy.generated.js';
import { normaliseHeader } from '../evaluate/columns.js';
import { staffKey } from '../evaluate/staff.js';

export interface Rating {
  readonly raterType: RaterType;
  readonly raterId: string;
  /** Item id or name as written; blank = an overall rating that counts for every item. */
  readonly item: string;
  readonly score: number;
}

export interface QualitativeSetup {
  /** The items of the person's role, with the weights of the policy. */
  readonly items: readonly QualitativeItem[];
  readonly raters: readonly RaterWeight[];
  readonly scale: { readonly min: number; readonly max: number };
  readonly minPeerRatings: number;
  /** Every item of the policy, to tell an item of another role from an unknown one. */
  readonly allItems: readonly QualitativeItem[];
}

export type IgnoredReason = 'rated_self' | 'unknown_item' | 'item_not_for_role' | 'rater_type_not_weighted' | 'duplicate';

export interface ItemMean {
  readonly id: string;
  readonly ratings: number;
  readonly mean: number;
  readonly score: number;
  /** The item's weight within this rater type (its role weight, spread over the items rated). */
  readonly weight: number;
}

export type RaterUnused = 'no_ratings' | 'below_minimum';

export interface RaterResult {
  readonly type: RaterType;
  readonly weight_nominal: number;
  /** 0 when not used. */
  readonly weight: number;
  /** Distinct raters (for peer/subordinate, the anonymity count). */
  readonly raters: number;
  readonly ratings: number;
  readonly used: boolean;
  readonly reason: RaterUnused | null;
  readonly score: number | null;
  readonly contribution: number;
  readonly items: readonly ItemMean[];
  /** Peer/subordinate: items rated by fewer raters than the anonymity minimum, not used and their means not shown. */
  readonly withheld: readonly string[];
}

export interface QualitativeResult {
  /** null when no rater type could be used. */
  readonly score: number | null;
  /** The role's items and their weights (rescaled to total 100 when the role uses a subset: item-weights.ts). */
  readonly items: readonly { readonly id: string; readonly weight: number }[];
  readonly raters: readonly RaterResult[];
  readonly ignored: readonly { readonly reason: IgnoredReason; readonly rater_type: RaterType; readonly count: number }[];
}

const ANONYMOUS: ReadonlySet<RaterType> = new Set(['peer', 'subordinate']);

function itemMatcher(items: readonly QualitativeItem[]): (text: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const item of items) {
    byKey.set(normaliseHeader(item.id), item.id);
    byKey.set(normaliseHeader(item.name), item.id);
  }
  return (text) => byKey.get(normaliseHeader(text));
}

export function scoreQualitative(staffId: string, ratings: readonly Rating[], setup: QualitativeSetup): QualitativeResult {
  // The weights the policy document and the notice print for the role (item-weights.ts).
  const items = roleItemWeights(setup.items, setup.allItems).map(({ id, weight }) => ({ id, weight }));
  const roleItems = new Set(items.map((i) => i.id));
  const matchItem = itemMatcher(setup.allItems);
  const weighted = new Map(setup.raters.map((r) => [r.type, r.weight]));
  const ignored = new Map<string, { reason: IgnoredReason; rater_type: RaterType; count: number }>();
  const ignore = (reason: IgnoredReason, raterType: RaterType) => {
    const key = `${reason}:${raterType}`;
    const entry = ignored.get(key) ?? { reason, rater_type: raterType, count: 0 };
    entry.count++;
    ignored.set(key, entry);
  };
  const self = staffKey(staffId);
  // scores[type][item] = the scores given; seen guards against one rater rating an item twice.
  const scores = new Map<RaterType, Map<string, number[]>>();
  const raterIds = new Map<RaterType, Set<string>>();
  // Anonymity is counted per item: the distinct raters of each (a rating without a rater id counts as one rater).
  const itemRaters = new Map<string, Set<string>>();
  let unnamed = 0;
  const seen = new Set<string>();
  for (const r of ratings) {
    if (!weighted.has(r.raterType)) {
      ignore('rater_type_not_weighted', r.raterType);
      continue;
    }
    const rater = staffKey(r.raterId);
    if (r.raterType !== 'self' && rater !== '' && rater === self) {
      ignore('rated_self', r.raterType);
      continue;
    }
    let targets: string[];
    if (r.item.trim() === '') targets = [...roleItems];
    else {
      const id = matchItem(r.item);
      if (id === undefined) {
        ignore('unknown_item', r.raterType);
        continue;
      }
      if (!roleItems.has(id)) {
        ignore('item_not_for_role', r.raterType);
        continue;
      }
      targets = [id];
    }
    if (rater !== '' || r.raterType === 'self') {
      const key = `${r.raterType}\u0000${rater}\u0000${targets.join(',')}`;
      if (seen.has(key)) {
        ignore('duplicate', r.raterType);
        continue;
      }
      seen.add(key);
    }
    const byItem = scores.get(r.raterType) ?? new Map<string, number[]>();
    scores.set(r.raterType, byItem);
    const who = rater !== '' ? rater : `\u0000${unnamed++}`;
    for (const id of targets) {
      const list = byItem.get(id) ?? [];
      list.push(r.score);
      byItem.set(id, list);
      const key = `${r.raterType}\u0000${id}`;
      const set = itemRaters.get(key) ?? new Set<string>();
      set.add(who);
      itemRaters.set(key, set);
    }
    if (rater !== '') {
      const ids = raterIds.get(r.raterType) ?? new Set<string>();
      ids.add(rater);
      raterIds.set(r.raterType, ids);
    }
  }

  const { min, max } = setup.scale;
  const partial = setup.raters.map((rw) => {
    const byItem = scores.get(rw.type);
    const ratingCount = byItem ? [...byItem.values()].reduce((n, l) => n + l.length, 0) : 0;
    // Raters without an id (an anonymous survey) are told apart only by count: as many as
    // the ratings of the most-rated item.
    const named = raterIds.get(rw.type)?.size ?? 0;
    const mostRated = byItem ? Math.max(0, ...[...byItem.values()].map((l) => l.length)) : 0;
    const raters = rw.type === 'self' ? Math.min(1, ratingCount) : Math.max(named, mostRated);
    const anyRated = items.some((i) => (byItem?.get(i.id)?.length ?? 0) > 0);
    const anonymous = ANONYMOUS.has(rw.type);
    const withheld = anonymous ? items.filter((i) => (byItem?.get(i.id)?.length ?? 0) > 0 && (itemRaters.get(`${rw.type}\u0000${i.id}`)?.size ?? 0) < setup.minPeerRatings).map((i) => i.id) : [];
    const rated = items.filter((i) => (byItem?.get(i.id)?.length ?? 0) > 0 && !withheld.includes(i.id));
    let reason: RaterUnused | null = null;
    if (!anyRated) reason = 'no_ratings';
    else if (rated.length === 0) reason = 'below_minimum';
    const ratedWeight = rated.reduce((s, i) => s + i.weight, 0);
    const itemMeans: ItemMean[] = rated.map((i) => {
      const list = byItem!.get(i.id)!;
      let sum = 0;
      for (const s of list) sum += s;
      const mean = sum / list.length;
      const weight = rated.length < items.length ? (i.weight * 100) / ratedWeight : i.weight;
      return { id: i.id, ratings: list.length, mean, score: ((mean - min) / (max - min)) * 100, weight };
    });
    let score: number | null = null;
    if (reason === null) {
      score = 0;
      for (const m of itemMeans) score += (m.score * m.weight) / 100;
    }
    return { rw, reason, raters, ratings: ratingCount, score, items: itemMeans, withheld };
  });
  const usedWeight = partial.filter((p) => p.reason === null).reduce((s, p) => s + p.rw.weight, 0);
  const spread = partial.some((p) => p.reason !== null);
  const raters: RaterResult[] = partial.map((p) => {
    const used = p.reason === null;
    const weight = used ? (spread ? (p.rw.weight * 100) / usedWeight : p.rw.weight) : 0;
    return {
      type: p.rw.type,
      weight_nominal: p.rw.weight,
      weight,
      raters: p.raters,
      ratings: p.ratings,
      used,
      reason: p.reason,
      score: used ? p.score : null,
      contribution: used ? (p.score! * weight) / 100 : 0,
      items: p.items,
      withheld: p.withheld,
    };
  });
  let score: number | null = null;
  if (usedWeight > 0) {
    score = 0;
    for (const r of raters) score += r.contribution;
  }
  return { score, items, raters, ignored: [...ignored.values()] };
}
