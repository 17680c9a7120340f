// Each KPI must be computable (a built-in id, or a custom one that says how), state the
// limit its SLA is measured against, and have a possible target and floor (kpi-values.ts),
// the target on the better side of the floor.
// A built-in KPI keeps the catalogue's unit and direction: aspm computes it in that unit, so
// `unit: days` on resolution_hours would compare hours with targets in days.
import type { Rule } from '../../validation/load-document.js';
import { builtinKpi, builtinKpis } from '../kpi-catalogue.js';
import type { Policy } from '../policy.generated.js';
import { checkKpiLimits, checkKpiValue } from './kpi-values.js';

export const kpiDefinitions: Rule<Policy> = (policy, report) => {
  const satisfaction = policy.evaluation.satisfaction;
  const seen = new Set<string>();
  policy.kpis.forEach((kpi, k) => {
    // A repeated id is reported once, as a duplicate; its second definition is not checked.
    if (seen.has(kpi.id)) return;
    seen.add(kpi.id);
    const builtin = builtinKpi(kpi.id);
    if (builtin && kpi.unit !== builtin.unit) {
      report({ code: 'builtin-unit', params: { id: kpi.id, unit: kpi.unit, expected: builtin.unit }, path: ['kpis', k, 'unit'] });
    }
    if (builtin && kpi.direction !== builtin.direction) {
      report({ code: 'builtin-direction', params: { id: kpi.id, direction: kpi.direction, expected: builtin.direction }, path: ['kpis', k, 'direction'] });
    }
    if (builtin && kpi.compute) {
      report({ code: 'builtin-compute', params: { id: kpi.id }, path: ['kpis', k, 'compute'], at: 'key' });
    }
    if (!builtin && !kpi.compute) {
      report({ code: 'kpi-not-computable', params: { id: kpi.id, builtins: builtinKpis().map((b) => b.id).join(', ') }, path: ['kpis', k, 'id'] });
    }
    // The SLA rates are the built-ins the catalogue gives a default limit (builtin-kpis.test.ts holds it so).
    if (builtin?.sla && !kpi.sla) {
      const example = `{ within: ${builtin.sla.within}, unit: ${builtin.sla.unit} }`;
      report({ code: 'sla-missing', params: { id: kpi.id, within: example }, path: ['kpis', k, 'id'] });
    }
    const compute = kpi.compute;
    if (compute && compute.from === 'tickets') {
      const needsField = ['sum', 'mean', 'median', 'p90'].includes(compute.aggregate);
      if (needsField && !compute.field) {
        report({ code: 'compute-needs-field', params: { aggregate: compute.aggregate }, path: ['kpis', k, 'compute', 'aggregate'] });
      }
      if (compute.aggregate === 'rate' && !compute.condition?.length) {
        report({ code: 'compute-needs-condition', params: {}, path: ['kpis', k, 'compute', 'aggregate'] });
      }
    }
    for (const problem of checkKpiLimits(kpi, kpi, satisfaction)) {
      report({ code: problem.code, params: problem.params, path: ['kpis', k, problem.limit] });
    }
  });

  policy.roles.forEach((role, r) => {
    role.kpis.forEach((entry, e) => {
      const kpi = policy.kpis.find((k) => k.id === entry.kpi);
      if (!kpi || (entry.target === undefined && entry.floor === undefined)) return;
      const values = { target: entry.target ?? kpi.target, floor: entry.floor ?? kpi.floor };
      const own = { target: entry.target !== undefined, floor: entry.floor !== undefined };
      for (const problem of checkKpiLimits(kpi, values, satisfaction, { role: role.name, own })) {
        report({ code: problem.code, params: problem.params, path: ['roles', r, 'kpis', e, problem.limit] });
      }
    });
  });

  // A goal's target is in its KPI's unit, so it can be no more than the KPI's values can be.
  (policy.goals ?? []).forEach((goal, g) => {
    const kpi = policy.kpis.find((k) => k.id === goal.kpi);
    if (!kpi || goal.target === undefined) return;
    const problem = checkKpiValue(kpi, 'target', goal.target, satisfaction);
    if (problem) report({ code: problem.code, params: problem.params, path: ['goals', g, 'target'] });
  });

  // A team scope on a KPI read from the metrics file has nothing to add up: the file holds
  // each person's own figure.
  policy.roles.forEach((role, r) => {
    role.kpis.forEach((entry, e) => {
      const kpi = policy.kpis.find((k) => k.id === entry.kpi);
      if (entry.scope === 'team' && kpi?.compute?.from === 'metrics') {
        report({ code: 'team-scope-metrics', params: { kpi: kpi.id, role: role.name }, path: ['roles', r, 'kpis', e, 'scope'], severity: 'warning' });
      }
    });
  });

  // A deduction from a bonus that is paid on another cycle is never applied.
  const paid = policy.incentives.bonus.paid ?? policy.cycles.primary;
  policy.penalties.forEach((penalty, p) => {
    const cycle = penalty.when.cycle ?? policy.cycles.primary;
    if (penalty.kind === 'pay_deduction' && cycle !== paid) {
      report({ code: 'deduction-cycle', params: { id: penalty.id, cycle: { $t: `cycle-${cycle}` }, paid: { $t: `cycle-${paid}` } }, path: ['penalties', p, 'when'], at: 'key', severity: 'warning' });
    }
  });

  const used = new Set(policy.roles.flatMap((role) => role.kpis.map((e) => e.kpi)));
  policy.kpis.forEach((kpi, k) => {
    if (!used.has(kpi.id)) report({ code: 'unused-kpi', params: { id: kpi.id }, path: ['kpis', k, 'id'], severity: 'warning' });
  });
};
