// The department's charts as ECharts options, built from the dashboard's data. Pure: the
// page draws them with src/charts/render-chart.ts. Labels are passed as plain text (ECharts
// escapes them in the SVG); the page's language arrives as the labels it already chose.
import type { ChartOption } from '../charts/render-chart.js';
import type { DashboardData, DashboardKpi, GradeGroup } from './dashboard-data.js';

/** Best grade first: green through blue to red; more grades than colours repeat the last. */
const GRADE_COLOURS = ['#2e7d32', '#7cb342', '#1e88e5', '#fb8c00', '#e53935', '#8e24aa', '#6d4c41'];
export const TARGET_COLOUR = '#2e7d32';
export const FLOOR_COLOUR = '#c62828';
const TEXT = { fontFamily: 'sans-serif', fontSize: 12 };

export function gradeColour(index: number, count: number): string {
  // The worst grade is always red, whatever the number of grades.
  if (index === count - 1 && count > 1) return GRADE_COLOURS[4]!;
  return GRADE_COLOURS[Math.min(index, GRADE_COLOURS.length - 1)]!;
}

/** This period's grade counts of the whole department: one bar per grade, labelled with its count. */
export function gradesChart(categories: readonly string[], counts: readonly number[]): ChartOption {
  return {
    textStyle: TEXT,
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: [...categories], axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 56,
        label: { show: true, position: 'top' },
        data: counts.map((value, i) => ({ value, itemStyle: { color: gradeColour(i, counts.length) } })),
      },
    ],
  };
}

/** One group's final grades, with its quotas as outlined bars over them. */
export function gradeGroupChart(grades: readonly string[], group: GradeGroup, labels: { count: string; quota: string }): ChartOption {
  const series: NonNullable<ChartOption['series']> = [
    {
      type: 'bar',
      name: labels.count,
      barMaxWidth: 36,
      label: { show: true, position: 'inside' },
      // A zero bar has no inside to put its label in.
      data: group.counts.map((value, i) => ({ value, itemStyle: { color: gradeColour(i, grades.length) }, label: { show: value > 0 } })),
    },
  ];
  if (group.quotas) {
    series.push({
      type: 'bar',
      name: labels.quota,
      barMaxWidth: 36,
      barGap: '-100%',
      silent: true,
      itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#333', borderType: 'dashed', borderWidth: 1.5 },
      label: { show: true, position: 'top', color: '#555' },
      data: group.quotas.map((value) => ({ value, label: { show: value > 0 } })),
    });
  }
  return {
    textStyle: TEXT,
    legend: group.quotas ? { top: 0, right: 0, itemWidth: 14, itemHeight: 10, data: [labels.count, labels.quota] } : undefined,
    grid: { left: 32, right: 8, top: 28, bottom: 24 },
    xAxis: { type: 'category', data: [...grades] },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

/** Grade counts of every period, stacked. */
export function gradesTrendChart(data: DashboardData): ChartOption {
  return {
    textStyle: TEXT,
    legend: { top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 40, right: 16, top: 30, bottom: 28 },
    xAxis: { type: 'category', data: [...data.periods] },
    yAxis: { type: 'value', minInterval: 1 },
    series: data.bands.map((b, i) => ({
      type: 'bar' as const,
      name: b.grade,
      stack: 'grades',
      barMaxWidth: 48,
      itemStyle: { color: gradeColour(i, data.bands.length) },
      data: data.overview.map((o) => o.grades[i] ?? 0),
    })),
  };
}

/** A line per period (null: a gap) with the target (and floor) as lines. */
export function trendChart(periods: readonly string[], values: readonly (number | null)[], lines: { readonly targets: readonly number[]; readonly floors: readonly number[] }): ChartOption {
  const all = [...values.filter((v): v is number => v !== null), ...lines.targets, ...lines.floors];
  const low = all.length > 0 ? Math.min(...all) : 0;
  const high = all.length > 0 ? Math.max(...all) : 1;
  const pad = (high - low) * 0.15 || Math.abs(high) * 0.1 || 1;
  // The axis takes in the target line too (ECharts sizes it by the data alone), and stays
  // at 0 or above when every value is: a rate below 0 means nothing.
  const min = low >= 0 ? Math.max(0, roundDown(low - pad)) : roundDown(low - pad);
  return {
    textStyle: TEXT,
    grid: { left: 44, right: 12, top: 10, bottom: 22 },
    xAxis: { type: 'category', data: [...periods], axisLabel: { fontSize: 10 } },
    // Bounds of two figures, rounded outwards: never inside a value (90.43 → 91, not 90), never
    // a label of sixteen digits (2.975027144408252).
    yAxis: { type: 'value', scale: true, min, max: roundUp(high + pad), splitNumber: 3, axisLabel: { fontSize: 10 } },
    series: [
      {
        type: 'line',
        data: [...values],
        connectNulls: false,
        symbolSize: 5,
        lineStyle: { width: 2, color: '#1e88e5' },
        itemStyle: { color: '#1e88e5' },
        markLine: markLines(lines.targets, lines.floors),
      },
    ],
  };
}

/** Two significant digits, so that axis ends read 1.2 rather than 1.2000000000000002. */
// Two significant digits may cross the data (1,505 tickets padded to 1,506 reads 1,500):
// trendChart keeps its axis ends beyond the values, so that no point is drawn off the chart.
/** `x` to two significant figures, towards −∞ (roundDown) or +∞ (roundUp). */
function toTwoFigures(x: number, direction: (n: number) => number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  // toPrecision: 29 × 0.1 is 2.9000000000000004 in binary.
  return Number((direction(x / step) * step).toPrecision(12));
}

export function roundDown(x: number): number {
  return toTwoFigures(x, Math.floor);
}

export function roundUp(x: number): number {
  return toTwoFigures(x, Math.ceil);
}

function markLines(targets: readonly number[], floors: readonly number[]) {
  return {
    silent: true,
    symbol: 'none' as const,
    label: { show: false },
    data: [
      ...targets.map((t) => ({ yAxis: t, lineStyle: { color: TARGET_COLOUR, type: 'dashed' as const, width: 1.5 } })),
      ...floors.map((f) => ({ yAxis: f, lineStyle: { color: FLOOR_COLOUR, type: 'dotted' as const, width: 1.5 } })),
    ],
  };
}

/**
 * A KPI across teams: a box per team (and one for everybody), every value as a dot on its
 * team's box, the outliers in red and named, target and floor as lines.
 */
export function kpiTeamsChart(kpi: DashboardKpi, teamOf: ReadonlyMap<string, string>, nameOf: ReadonlyMap<string, string>, allLabel: string): ChartOption {
  const categories = [...kpi.teams.map((t) => t.team), allLabel];
  const boxes = [...kpi.teams.map((t) => t.spread), kpi.spread].map((s) => (s ? [s.min, s.q1, s.median, s.q3, s.max] : []));
  const dots = kpi.values.map((v) => [kpi.basis === 'teams' ? v.person : (teamOf.get(v.person) ?? allLabel), v.value]);
  return {
    textStyle: TEXT,
    grid: { left: 56, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', scale: true },
    series: [
      {
        type: 'boxplot',
        data: boxes,
        boxWidth: [8, 40],
        itemStyle: { color: 'rgba(227,242,253,0.6)', borderColor: '#1e88e5' },
        markLine: markLines(kpi.targets, kpi.floors),
      },
      // Many dots as one path (ECharts' large mode): hundreds of people stay fast and small.
      { type: 'scatter', symbolSize: 4, large: true, largeThreshold: 100, itemStyle: { color: '#455a64', opacity: 0.45 }, data: dots },
      {
        type: 'scatter',
        symbolSize: 7,
        itemStyle: { color: FLOOR_COLOUR },
        label: { show: true, position: 'right', formatter: '{b}', fontSize: 10, color: FLOOR_COLOUR },
        data: kpi.outliers.map((o) => ({ name: nameOf.get(o.person) ?? o.person, value: [teamOf.get(o.person) ?? allLabel, o.value] })),
      },
    ],
  };
}
