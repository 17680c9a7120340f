// The built-in KPIs, from presets/kpi-catalogue.yaml (data, not code): the evaluator
// computes them, the wizard offers them and presets copy their texts from here. `npm run gen`
// checks the file against its schema and turns it into kpi-catalogue.data.generated.ts, so
// that no command parses it again on every start.
import { kpiCatalogue } from './kpi-catalogue.data.generated.js';
import type { BuiltinKpi, BuiltinKpiId, TicketField } from './kpi-catalogue.generated.js';

export type { BuiltinKpi, BuiltinKpiId, TicketField };

export function builtinKpis(): readonly BuiltinKpi[] {
  return kpiCatalogue.kpis;
}

export function builtinKpi(id: string): BuiltinKpi | undefined {
  return builtinKpis().find((k) => k.id === id);
}

/**
 * Whether a built-in KPI measures a time from a ticket's creation (response and resolution
 * times and their SLA rates): those count working time when `evaluation.duration` is
 * `business`, which reports and notices then say.
 */
export function measuresDuration(id: string): boolean {
  return builtinKpi(id)?.requires.includes('created_at') ?? false;
}

export function isBuiltinKpi(id: string): boolean {
  return builtinKpi(id) !== undefined;
}
