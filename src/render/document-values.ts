// How values read in a document, in its language: numbers, values with units, dates, lists,
// grades, triggers and effects. Pure; the words come from the message catalogue.
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { Cycle, Kpi, RuleTrigger, Scoring, ScoreBand, Veto } from '../policy/policy.generated.js';
import { roundHalfUp } from '../text/round-half-up.js';

export type Unit = Kpi['unit'];

/**
 * At most two decimals, no trailing zeros, no thousands separators: 0.5, 24, 1500; or
 * exactly `decimals` (a result's values, stated alike in a column: 81.50% beside 83.38%).
 */
export function formatNumber(n: number, decimals?: number): string {
  return decimals === undefined ? String(roundHalfUp(n)) : roundHalfUp(n).toFixed(decimals);
}

/** An amount of money: two decimals and thousands separators, 2,160.00 (as pay slips show it). */
export function formatAmount(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function currencyName(language: Language, currency: string): string {
  return currency === 'CNY' ? t(language, 'doc-currency-CNY') : currency;
}

/** A value with its unit: 95%, 30 分钟, 24 h, 1500 元. */
export function formatValue(language: Language, value: number, unit: Unit, currency = 'CNY', decimals?: number): string {
  return t(language, `doc-value-${unit}`, { n: formatNumber(value, decimals), currency: currencyName(language, currency) });
}

/** The unit alone, for a table column: %, 分钟, 元. */
export function formatUnit(language: Language, unit: Unit, currency = 'CNY'): string {
  return t(language, `doc-unit-${unit}`, { currency: currencyName(language, currency) });
}

/** A target as a threshold: ≥ 95% when higher is better, ≤ 30 分钟 when lower is. */
export function formatTarget(language: Language, value: number, unit: Unit, direction: Kpi['direction'], currency?: string): string {
  return `${direction === 'higher' ? '≥' : '≤'} ${formatValue(language, value, unit, currency)}`;
}

/** `2026-01-01` as 2026年1月1日 or 1 January 2026. */
export function formatDate(language: Language, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return t(language, 'doc-date', { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
}

/** A、B、C or A, B and C. */
export function joinList(language: Language, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const separator = t(language, 'doc-list-separator');
  return items.slice(0, -1).join(separator) + t(language, 'doc-list-last-separator') + items[items.length - 1];
}

/** A or B, for alternatives. */
export function joinAlternatives(language: Language, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(t(language, 'doc-list-separator')) + t(language, 'doc-list-or') + items[items.length - 1];
}

export function formatPercent(language: Language, n: number): string {
  return t(language, 'doc-value-percent', { n: formatNumber(n) });
}

export function cycleLabel(language: Language, cycle: Cycle): string {
  return t(language, `doc-cycle-${cycle}`);
}

export function gradeLabel(language: Language, grade: string): string {
  return t(language, 'doc-grade', { grade });
}

/** When a rule fires: 连续两个季度考核为 S 级或 A 级 / graded S or A for 2 quarters in a row. */
export function formatTrigger(language: Language, when: RuleTrigger, primary: Cycle): string {
  const cycle = when.cycle ?? primary;
  const grades = when.grades ?? [];
  return t(language, 'doc-trigger', {
    consecutive: when.consecutive,
    cycle: cycleLabel(language, cycle),
    cycles: t(language, `doc-cycles-${cycle}`, { n: when.consecutive }),
    grades: grades.length > 0 ? joinAlternatives(language, grades.map((g) => gradeLabel(language, g))) : '',
    letters: grades.length > 0 ? joinAlternatives(language, grades) : '',
    top: when.top ?? 0,
    bands: when.based_on === 'bands',
  });
}

/** What a veto does: 当期等级最高为 C 级，取消当期绩效奖金. */
export function formatVetoEffect(language: Language, effect: Veto['effect']): string {
  const parts: string[] = [];
  if (effect.max_grade !== undefined) parts.push(t(language, 'doc-effect-max-grade', { grade: effect.max_grade }));
  if (effect.no_bonus) parts.push(t(language, 'doc-effect-no-bonus'));
  return parts.join(t(language, 'doc-effect-separator'));
}

function formatBand(language: Language, band: ScoreBand, unit: Unit): string {
  const what = t(language, 'doc-what-value');
  const min = band.min === undefined ? undefined : formatValue(language, band.min, unit);
  const max = band.max === undefined ? undefined : formatValue(language, band.max, unit);
  const range =
    min !== undefined && max !== undefined
      ? t(language, 'doc-range-from-to', { min, max, what })
      : min !== undefined
        ? t(language, 'doc-range-from', { min, what })
        : max !== undefined
          ? t(language, 'doc-range-below', { max, what })
          : t(language, 'doc-range-any');
  return t(language, 'doc-band-range', { range, score: formatNumber(band.score) });
}

/** How a KPI's value becomes a score, in words. */
export function formatScoring(language: Language, scoring: Scoring, unit: Unit): string {
  switch (scoring.method) {
    case 'linear':
      return scoring.cap !== undefined && scoring.cap > 100
        ? t(language, 'doc-scoring-linear-cap', { cap: formatNumber(scoring.cap) })
        : t(language, 'doc-scoring-linear');
    case 'bands':
      return t(language, 'doc-scoring-bands', {
        bands: scoring.bands.map((b) => formatBand(language, b, unit)).join(t(language, 'doc-effect-separator')),
      });
    case 'pass_fail':
      return t(language, 'doc-scoring-pass-fail');
  }
}

/** The highest score a KPI can earn. */
export function maxScore(scoring: Scoring): number {
  if (scoring.method === 'linear') return Math.max(100, scoring.cap ?? 100);
  if (scoring.method === 'bands') return Math.max(...scoring.bands.map((b) => b.score));
  return 100;
}

/** A grade band's score range: 90 ≤ 得分 ≤ 100, 80 ≤ 得分 < 90. */
export function formatScoreRange(language: Language, min: number, max: number, top: boolean): string {
  const what = t(language, 'doc-what-score');
  // The top band has no ceiling: over-achievement caps and bonus points can take a total past 100.
  if (top) return t(language, 'doc-range-from', { min: formatNumber(min), what });
  return t(language, 'doc-range-from-to', { min: formatNumber(min), max: formatNumber(max), what });
}

export function formatTimezone(language: Language, zone: string): string {
  return zone === 'Asia/Shanghai' ? t(language, 'doc-timezone-shanghai') : t(language, 'doc-timezone-other', { zone });
}

const SENTENCE_END = /[。！？!?.…][”’"')）」』]*$/u;
const CLAUSE_END = /[。；;，,、.：:\s]+$/u;

/** Text as a whole sentence: ends with 。 (or `.`) unless it already ends a sentence. */
export function asSentence(language: Language, text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || SENTENCE_END.test(trimmed)) return trimmed;
  return trimmed + (language === 'zh-CN' ? '。' : '.');
}

/** Text as one item of an enumeration: ends with ；, the last one with 。 (`;` and `.`). */
export function asClause(language: Language, text: string, last: boolean): string {
  const stripped = text.trim().replace(CLAUSE_END, '');
  if (stripped === '') return '';
  if (language === 'zh-CN') return stripped + (last ? '。' : '；');
  return stripped + (last ? '.' : ';');
}
