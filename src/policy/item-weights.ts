// The qualitative item weights a role actually uses. A role that rates a subset of the
// policy's items (roles[].qualitative_items) has that subset's weights rescaled in
// proportion to total 100, and the rescaled weights are rounded to hundredths so that what
// the forms, the articles and the notices print is exactly what is scored and still adds
// up to 100. One function for scoring, the policy document and the notice. Pure.
import type { QualitativeItem, Role } from './policy.generated.js';

export interface ItemWeight {
  readonly id: string;
  /** The weight used for this role, in %: the items' weights add up to 100. */
  readonly weight: number;
  /** The weight the policy gives the item (qualitative.items). */
  readonly nominal: number;
}

/** The items a person in `roles` is rated on (all of them when a role lists none), in the policy's order. */
export function itemsOfRoles(allItems: readonly QualitativeItem[], roles: readonly Pick<Role, 'qualitative_items'>[]): QualitativeItem[] {
  const ids = new Set(roles.flatMap((r) => r.qualitative_items ?? allItems.map((i) => i.id)));
  return allItems.filter((i) => ids.has(i.id));
}

/** Whether the role rates only some of the items, so their weights are rescaled. */
export function rescalesItems(items: readonly QualitativeItem[], allItems: readonly QualitativeItem[]): boolean {
  return items.length < allItems.length;
}

/**
 * The weights `items` are scored with: the policy's own when they are all its items, or
 * rescaled to total 100 — in hundredths, the rounding remainder going to the items that
 * lost most to rounding (ties to the earlier item), so the printed weights add up to 100.
 */
export function roleItemWeights(items: readonly QualitativeItem[], allItems: readonly QualitativeItem[]): ItemWeight[] {
  if (!rescalesItems(items, allItems)) return items.map((i) => ({ id: i.id, weight: i.weight, nominal: i.weight }));
  const total = items.reduce((s, i) => s + i.weight, 0);
  const exact = items.map((i) => (total > 0 ? (i.weight * 10000) / total : 10000 / items.length));
  // A tiny allowance, so 2500.0000000001 is not floored to 2500 and then given a unit back.
  const units = exact.map((e) => Math.floor(e + 1e-7));
  let left = 10000 - units.reduce((s, u) => s + u, 0);
  const order = exact.map((e, i) => ({ i, rest: e - units[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    units[i]! += 1;
    left -= 1;
  }
  return items.map((item, i) => ({ id: item.id, weight: units[i]! / 100, nominal: item.weight }));
}
