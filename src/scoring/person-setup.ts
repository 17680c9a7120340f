// What the policy asks of one person, from their role(s): KPIs with weights and target
// overrides, the quantitative share, the qualitative items and rater weights, and the
// default bonus base. Someone holding several roles (`multi_role`) is scored on the mean
// of the roles' weights (a KPI a role lacks counts 0 there), the mean share and the mean
// default bonus base; the union of the roles' items; the rater weights of the first role
// that sets them; and a target override from the first role that gives one. Pure.
import { itemsOfRoles } from '../policy/item-weights.js';
import type { Kpi, Policy, QualitativeItem, RaterWeight, Role } from '../policy/policy.generated.js';
import type { KpiScope } from '../evaluate/kpi-results.js';

export interface SetupKpi {
  readonly kpi: Kpi;
  readonly scope: KpiScope;
  readonly weight: number;
  readonly target: number | undefined;
  readonly floor: number | undefined;
}

export interface PersonSetup {
  readonly roles: readonly Role[];
  readonly kpis: readonly SetupKpi[];
  /** Quantitative share of the total, in %. */
  readonly share: number;
  readonly items: readonly QualitativeItem[];
  readonly raters: readonly RaterWeight[];
  readonly bonusBase: number;
}

export function personSetup(policy: Policy, roleIds: readonly string[]): PersonSetup {
  const roles = roleIds.map((id) => policy.roles.find((r) => r.id === id)).filter((r): r is Role => r !== undefined);
  const n = roles.length || 1;
  const kpis = new Map<string, { kpi: Kpi; scope: KpiScope; weight: number; target: number | undefined; floor: number | undefined }>();
  for (const role of roles) {
    for (const entry of role.kpis) {
      const kpi = policy.kpis.find((k) => k.id === entry.kpi);
      if (!kpi) continue;
      const key = `${entry.kpi}:${entry.scope}`;
      const known = kpis.get(key);
      if (known) {
        known.weight += entry.weight;
        known.target ??= entry.target;
        known.floor ??= entry.floor;
      } else {
        kpis.set(key, { kpi, scope: entry.scope, weight: entry.weight, target: entry.target, floor: entry.floor });
      }
    }
  }
  return {
    roles,
    kpis: [...kpis.values()].map((k) => (n === 1 ? k : { ...k, weight: k.weight / n })),
    share: roles.reduce((s, r) => s + r.quantitative_share, 0) / n,
    items: itemsOfRoles(policy.qualitative.items, roles),
    raters: roles.find((r) => r.raters !== undefined)?.raters ?? policy.qualitative.raters,
    bonusBase: roles.reduce((s, r) => s + r.bonus_base, 0) / n,
  };
}
