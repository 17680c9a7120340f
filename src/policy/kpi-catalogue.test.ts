import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate as validateKpiCatalogue } from '../validation/compiled/kpi-catalogue.validate.generated.js';
import { loadDocumentText } from '../validation/load-document.js';
import { builtinKpis } from './kpi-catalogue.js';
import type { KpiCatalogue } from './kpi-catalogue.generated.js';

describe('builtinKpis', () => {
  // The catalogue is compiled into a module by `npm run gen`; it must be exactly what the
  // loader makes of presets/kpi-catalogue.yaml (parsed, checked, defaults filled in).
  it('is what loading presets/kpi-catalogue.yaml gives', () => {
    const file = join(import.meta.dirname, '../../presets/kpi-catalogue.yaml');
    const loaded = loadDocumentText<KpiCatalogue>(readFileSync(file, 'utf8'), file, { schema: 'kpi-catalogue', validate: validateKpiCatalogue, rules: [] });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.kpis.length).toBeGreaterThan(5);
    expect(builtinKpis()).toEqual(loaded.value.kpis);
    // Same keys in the same order, so that anything listing them reads the same.
    expect(JSON.stringify(builtinKpis())).toBe(JSON.stringify(loaded.value.kpis));
  });
});
