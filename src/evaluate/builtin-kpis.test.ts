import { describe, expect, it } from 'vitest';
import { builtinKpis } from '../policy/kpi-catalogue.js';
import { BUILTIN_KPIS, CONTRIBUTION, isBuiltinKpiId } from './builtin-kpis.js';

// The catalogue says what a built-in KPI is to the people who read the policy; the table
// says what the evaluator computes. They must describe the same KPIs the same way.
describe('the table of built-in KPIs and the catalogue', () => {
  const catalogue = builtinKpis();
  const table = Object.values(BUILTIN_KPIS);

  it('have the same ids', () => {
    expect(table.map((k) => k.id).sort()).toEqual(catalogue.map((k) => k.id).sort());
  });

  it.each(catalogue.map((k) => [k.id, k] as const))('%s: fields, placing timestamp, unit and direction agree', (id, kpi) => {
    const row = BUILTIN_KPIS[id];
    expect(row.id).toBe(id);
    expect({ unit: row.unit, direction: row.direction, placedBy: row.placedBy, requires: [...row.requires].sort(), optional: [...row.optional].sort() }).toEqual({
      unit: kpi.unit,
      direction: kpi.direction,
      placedBy: kpi.placed_by,
      requires: [...kpi.requires].sort(),
      optional: [...(kpi.optional ?? [])].sort(),
    });
  });

  it.each(table.map((k) => [k.id, k] as const))('%s: its value is formed in its unit', (_id, row) => {
    const unitOf = { mean_duration: ['minutes', 'hours'], percent: ['percent'], satisfaction: ['percent'], mean: ['currency', 'number', 'score'], count: ['count'] } as const;
    expect(unitOf[row.value]).toContain(row.unit);
    // A KPI with an SLA in the catalogue is a share of tickets within it.
    const sla = catalogue.find((k) => k.id === row.id)?.sla !== undefined;
    expect(sla).toBe(row.contribution === 'responded_within_sla' || row.contribution === 'resolved_within_sla');
  });

  it('gives each contribution its own code, and each KPI its own contribution', () => {
    expect(new Set(Object.values(CONTRIBUTION)).size).toBe(Object.keys(CONTRIBUTION).length);
    expect(new Set(table.map((k) => k.contribution)).size).toBe(table.length);
  });

  it('knows its ids and no others', () => {
    expect(isBuiltinKpiId('csat')).toBe(true);
    expect(isBuiltinKpiId('toString')).toBe(false);
    expect(isBuiltinKpiId('custom_kpi')).toBe(false);
  });
});
