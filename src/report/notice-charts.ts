// The two charts of a person's result notice: the KPI profile (each KPI's score, where 100
// is the target and 0 the floor) and how the total is built (a waterfall: each KPI's part
// of the total, the qualitative part, each bonus or deduction, then the total, and a veto
// that caps the grade). The figures are the notice's own, rounded as its tables show them
// (buildNoticeView computes them once, from the same report values as the tables), and
// `noticeChartOptions` only draws them. Pure: no ECharts here, only its options.
import type { ChartOption } from '../charts/render-chart.js';
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { ReportPerson } from '../scoring/scored-report.js';
import { totalSteps } from '../scoring/total-steps.js';
import { roundHalfUp } from '../text/round-half-up.js';

export interface NoticeChartData {
  /** Each KPI in the notice's order, its score as the KPI table shows it (null: not scored). */
  readonly profile: readonly { readonly label: string; readonly score: number | null }[];
  /** The steps to the total, in order; `value` is what the step adds to it (negative: takes away). */
  readonly steps: readonly { readonly label: string; readonly kind: 'kpi' | 'qualitative' | 'points' | 'floor'; readonly value: number }[];
  /** The total as the result table shows it, and its label (with the grade). */
  readonly total: { readonly label: string; readonly value: number };
  /** A triggered veto's cap of the grade, said as a step of its own (null: none). */
  readonly veto: string | null;
}

const round = (n: number) => roundHalfUp(n);

/**
 * The chart figures of an assessed person (null for one not assessed: there is no total to
 * build). A KPI's part of the total is its contribution to the quantitative score times the
 * quantitative share; the qualitative part is its score times its share; each bonus or
 * deduction counts as the events table says; a total held at 0 shows the step that holds it.
 */
export function noticeChartData(language: Language, person: ReportPerson): NoticeChartData | null {
  if (person.status !== 'assessed' || person.total_rounded === null) return null;
  const L = (code: Parameters<typeof t>[1], params?: Record<string, unknown>) => t(language, code, params);
  const label = (k: ReportPerson['kpis'][number]) => (k.scope === 'team' ? L('notice-chart-team-kpi', { kpi: k.name }) : k.name);
  // The dashboard's waterfall steps too (scoring/total-steps.ts): every KPI, the rest only where they moved the total.
  const steps: NoticeChartData['steps'][number][] = totalSteps(person)
    .filter((s) => s.kind === 'kpi' || (s.kind === 'qualitative' ? person.qualitative.share > 0 : s.value !== 0))
    .map((s) => ({
      kind: s.kind,
      label: s.kpi ? label(s.kpi) : s.kind === 'qualitative' ? L('notice-chart-qualitative') : s.kind === 'floor' ? L('notice-chart-floor') : s.label,
      value: round(s.value),
    }));
  const capped = person.grade !== null && person.grade !== (person.grade_distributed ?? person.grade_by_bands);
  return {
    profile: person.kpis.map((k) => ({ label: label(k), score: k.score === null ? null : round(k.score) })),
    steps,
    total: { label: L('notice-chart-total', { grade: person.grade ?? '—' }), value: round(person.total_rounded) },
    veto: capped ? L('notice-chart-veto', { grade: person.grade }) : null,
  };
}

/** Two decimals, with a sign for a step (+12.50, −3.00) and without for a score or total. */
function figure(n: number, signed: boolean): string {
  const text = Math.abs(n).toFixed(2);
  return n < 0 ? `−${text}` : signed ? `+${text}` : text;
}

/** The charts' descriptions (alt text): what the picture says, in words, for whoever cannot see it. */
export function noticeChartAlt(language: Language, data: NoticeChartData): { readonly profile: string; readonly total: string } {
  const separator = t(language, 'notice-list-separator');
  const item = (label: string, value: string) => t(language, 'notice-chart-alt-item', { label, value });
  return {
    profile: t(language, 'notice-chart-profile-alt', { items: data.profile.map((p) => item(p.label, p.score === null ? t(language, 'notice-not-scored') : figure(p.score, false))).join(separator) }),
    total: t(language, 'notice-chart-total-alt', {
      items: [...data.steps.map((s) => item(s.label, figure(s.value, true))), item(data.total.label, figure(data.total.value, false)), ...(data.veto ? [data.veto] : [])].join(separator),
    }),
  };
}

/**
 * Chinese labels name the faces Windows, macOS and Linux ship, so the SVG shows them in a
 * browser anywhere; the PNG's rasteriser loads one of them (or sets sans-serif to the one it
 * found). Numbers are set in a Latin face: cheaper to draw (see charts/rasterise-chart.ts).
 */
export const CHART_TEXT_FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Heiti SC', SimHei, sans-serif";
export const CHART_NUMBER_FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/** A notice chart: its ECharts option and its size in SVG units (shown at ¾ pt per unit, the text width of an A4 page). */
export interface NoticeChart {
  readonly option: ChartOption;
  readonly width: number;
  readonly height: number;
}

const WIDTH = 560;
const ROW = 30;
const COLOURS = { good: '#3a8f5c', short: '#4f6fc4', none: '#b7bcc6', minus: '#c8423b', total: '#2b3445', veto: '#c8423b' } as const;
const TEXT = { fontFamily: CHART_TEXT_FONT, fontSize: 13, color: '#333333' };
const NUMBER = { fontFamily: CHART_NUMBER_FONT, fontSize: 12, color: '#333333' };

/** Room for the longest label on the left: about a character's width per character (a CJK one counts two halves). */
function labelWidth(labels: readonly string[]): number {
  const width = Math.max(0, ...labels.map((l) => [...l].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 13 : 7.5), 0)));
  return Math.min(220, Math.ceil(width) + 20);
}

/** A value axis to a round number above the largest bar (at least `least`). */
function axisMax(values: readonly number[], least: number): number {
  return Math.max(least, Math.ceil(Math.max(0, ...values) / 20) * 20);
}

/** Each KPI's score as a horizontal bar, with a line at 100 (the target). */
export function profileChart(language: Language, data: NoticeChartData): NoticeChart {
  const labels = data.profile.map((p) => p.label);
  const scores = data.profile.map((p) => p.score ?? 0);
  const height = 46 + ROW * Math.max(1, labels.length) + 28;
  const notScored = t(language, 'notice-not-scored');
  return {
    width: WIDTH,
    height,
    option: {
      grid: { left: labelWidth(labels), right: 56, top: 34, bottom: 28 },
      xAxis: { type: 'value', min: 0, max: axisMax(scores, 120), interval: 20, axisLabel: NUMBER, splitLine: { lineStyle: { color: '#e4e6eb' } } },
      yAxis: { type: 'category', inverse: true, data: labels, axisTick: { show: false }, axisLabel: { ...TEXT, interval: 0 } },
      series: [
        {
          type: 'bar',
          barWidth: 16,
          data: data.profile.map((p) => ({
            value: p.score ?? 0,
            itemStyle: { color: p.score === null ? COLOURS.none : p.score >= 100 ? COLOURS.good : COLOURS.short },
            label: p.score === null ? { show: true, position: 'right', formatter: notScored, ...TEXT, fontSize: 12 } : { show: true, position: 'right', formatter: figure(p.score, false), ...NUMBER },
          })),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: COLOURS.total, type: 'dashed', width: 1 },
            // At the top of the line (the category axis runs downwards), clear of the axis's numbers.
            label: { position: 'start', distance: 6, formatter: t(language, 'notice-chart-target'), ...TEXT, fontSize: 12 },
            data: [{ xAxis: 100 }],
          },
        },
      ],
    },
  };
}

/**
 * The waterfall of the total, one row per step from the top: a floating bar from the
 * running total before the step to the one after it, then the total from 0; a veto is a
 * row of its own with its words and no bar.
 */
export function totalChart(data: NoticeChartData): NoticeChart {
  const rows = [...data.steps.map((s) => ({ label: s.label, value: s.value, kind: s.kind as string })), { label: data.total.label, value: data.total.value, kind: 'total' }];
  if (data.veto) rows.push({ label: data.veto, value: 0, kind: 'veto' });
  let running = 0;
  const bars = rows.map((r) => {
    if (r.kind === 'total' || r.kind === 'veto') return { base: 0, size: r.kind === 'total' ? r.value : 0, row: r };
    const before = running;
    running += r.value;
    return { base: Math.min(before, running), size: Math.abs(r.value), row: r };
  });
  const labels = rows.map((r) => r.label);
  const height = 20 + ROW * rows.length + 28;
  const colour = (kind: string, value: number) => (kind === 'total' ? COLOURS.total : kind === 'veto' ? COLOURS.veto : value < 0 ? COLOURS.minus : kind === 'kpi' ? COLOURS.short : COLOURS.good);
  return {
    width: WIDTH,
    height,
    option: {
      grid: { left: labelWidth(labels), right: 56, top: 12, bottom: 28 },
      // Below 0 only when deductions took the running total there (the total itself is held at 0).
      xAxis: { type: 'value', min: Math.floor(Math.min(0, ...bars.map((b) => b.base)) / 20) * 20, max: axisMax([...bars.map((b) => b.base + b.size)], 100), interval: 20, axisLabel: NUMBER, splitLine: { lineStyle: { color: '#e4e6eb' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: labels.map((label, i) => (rows[i]!.kind === 'veto' ? { value: label, textStyle: { color: COLOURS.veto } } : label)),
        axisTick: { show: false },
        axisLabel: { ...TEXT, interval: 0 },
      },
      series: [
        // The invisible part of each floating bar: where it starts.
        { type: 'bar', stack: 'total', barWidth: 16, silent: true, itemStyle: { color: 'transparent' }, data: bars.map((b) => b.base) },
        {
          type: 'bar',
          stack: 'total',
          barWidth: 16,
          data: bars.map((b) => ({
            value: b.size,
            itemStyle: { color: colour(b.row.kind, b.row.value) },
            label: b.row.kind === 'veto' ? { show: false } : { show: true, position: 'right', formatter: figure(b.row.value, b.row.kind !== 'total'), ...NUMBER, ...(b.row.kind === 'total' ? { fontWeight: 'bold' } : {}) },
          })),
        },
      ],
    },
  };
}
