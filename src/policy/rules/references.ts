// Everything a role or goal names must be defined: KPIs in `kpis`, qualitative items in
// `qualitative.items`. A role with a qualitative share needs items to rate.
import { closest } from '../../validation/closest-name.js';
import type { Rule } from '../../validation/load-document.js';
import { builtinKpi } from '../kpi-catalogue.js';
import type { Policy } from '../policy.generated.js';

export const references: Rule<Policy> = (policy, report) => {
  const kpiIds = [...new Set(policy.kpis.map((k) => k.id))];
  const itemIds = policy.qualitative.items.map((i) => i.id);
  const unknownKpi = (id: string, path: (string | number)[]) => {
    // A built-in id still needs its entry in `kpis`: the document prints its definition,
    // targets and floor from there.
    const builtin = builtinKpi(id);
    if (builtin) report({ code: 'builtin-not-defined', params: { id, name: builtin.name }, path });
    else report({ code: 'unknown-kpi', params: { id, known: kpiIds.join(', '), suggestion: closest(id, kpiIds) ?? '' }, path });
  };

  policy.roles.forEach((role, r) => {
    role.kpis.forEach((entry, e) => {
      if (!kpiIds.includes(entry.kpi)) unknownKpi(entry.kpi, ['roles', r, 'kpis', e, 'kpi']);
    });
    (role.qualitative_items ?? []).forEach((id, i) => {
      if (!itemIds.includes(id)) report({ code: 'unknown-item', params: { id, known: itemIds.join(', ') }, path: ['roles', r, 'qualitative_items', i] });
    });
    if (role.quantitative_share < 100 && role.qualitative_items?.length === 0) {
      report({ code: 'role-without-qualitative', params: { role: role.name, share: 100 - role.quantitative_share }, path: ['roles', r, 'qualitative_items'], at: 'key' });
    }
  });
  (policy.goals ?? []).forEach((goal, g) => {
    if (goal.kpi !== undefined && !kpiIds.includes(goal.kpi)) unknownKpi(goal.kpi, ['goals', g, 'kpi']);
  });
};
