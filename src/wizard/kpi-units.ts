// How the wizard writes a KPI's values and unit for the person answering: "130 件",
// "150 元", "95%", "30 min", "CNY 150". The words come from the catalogue in the language
// of the questions, not of the policy. Pure.
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { Kpi } from '../policy/policy.generated.js';

/** A value with its unit; `currency` is the policy's currency code (CNY reads 元 in Chinese). */
export function kpiValue(language: Language, value: number, kpi: Pick<Kpi, 'unit'>, currency: string): string {
  return t(language, `with-unit-${kpi.unit}`, { value, currency });
}

/** The unit's name, for "target (unit, higher is better)". */
export function kpiUnit(language: Language, kpi: Pick<Kpi, 'unit'>, currency: string): string {
  return t(language, `unit-${kpi.unit}`, { currency });
}
