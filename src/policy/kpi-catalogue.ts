// The built-in KPIs, read from presets/kpi-catalogue.yaml (data, not code): the evaluator
// computes them, the wizard offers them and presets copy their texts from here.
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.js';
import { loadDocumentText } from '../validation/load-document.js';
import type { BuiltinKpi, BuiltinKpiId, KpiCatalogue, TicketField } from './kpi-catalogue.generated.js';

export type { BuiltinKpi, BuiltinKpiId, TicketField };

let catalogue: readonly BuiltinKpi[] | undefined;

export function builtinKpis(): readonly BuiltinKpi[] {
  if (!catalogue) {
    const file = packagePath('presets', 'kpi-catalogue.yaml');
    const loaded = loadDocumentText<KpiCatalogue>(readFileSync(file, 'utf8'), file, { schema: 'kpi-catalogue', rules: [] });
    if (!loaded.ok) throw new Error(`the built-in KPI catalogue is invalid: ${JSON.stringify(loaded.diagnostics)}`);
    catalogue = loaded.value.kpis;
  }
  return catalogue;
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
