// The figures of a notice's charts, against people made by hand: each KPI's part of the
// total is its contribution times the quantitative share, the qualitative part its score
// times its share, bonus and deduction points as counted, a total held at 0 and a veto as
// steps of their own; the waterfall's bars float from the running total.
import { describe, expect, it } from 'vitest';
import type { ReportPerson } from '../scoring/scored-report.js';
import { noticeChartAlt, noticeChartData, profileChart, totalChart } from './notice-charts.js';

type Kpi = { name: string; scope?: 'team'; score: number | null; contribution: number };

/** The fields of a person the charts read; the rest of a report person does not matter here. */
function person(over: {
  kpis: Kpi[];
  qShare: number;
  ql?: { score: number | null; share: number };
  points?: { name: string; count: number; value: number }[];
  subtotal: number;
  total: number;
  grade?: string;
  bands?: string;
  status?: 'assessed' | 'not_assessed';
}): ReportPerson {
  const points = over.points ?? [];
  return {
    status: over.status ?? 'assessed',
    kpis: over.kpis.map((k) => ({ ...k, scope: k.scope ?? 'individual' })),
    quantitative: { score: over.kpis.reduce((s, k) => s + k.contribution, 0), share: over.qShare },
    qualitative: over.ql ?? { score: null, share: 0 },
    points: { total: points.reduce((s, p) => s + p.value, 0), items: points.map((p) => ({ ...p, id: p.name, points: p.value / p.count, cap: null })) },
    subtotal: over.subtotal,
    total: over.total,
    total_rounded: Math.round(over.total * 100) / 100,
    grade: over.grade ?? 'B',
    grade_by_bands: over.bands ?? over.grade ?? 'B',
    grade_distributed: null,
  } as unknown as ReportPerson;
}

// 40 and 30 points of a KPI score of 70 at 70 % → 28 and 21; qualitative 80 at 30 % → 24; +2 − 3.
const USUAL = person({
  kpis: [
    { name: '客户满意度', score: 80, contribution: 40 },
    { name: '解决及时率', scope: 'team', score: 120, contribution: 30 },
    { name: '投诉率', score: null, contribution: 0 },
  ],
  qShare: 70,
  ql: { score: 80, share: 30 },
  points: [
    { name: '客户书面表扬', count: 1, value: 2 },
    { name: '迟到', count: 3, value: -3 },
    { name: '无事发生', count: 0, value: 0 },
  ],
  subtotal: 73,
  total: 72,
});

describe('noticeChartData', () => {
  it('builds the total step by step, as the notice counts it', () => {
    const data = noticeChartData('zh-CN', USUAL)!;
    expect(data.profile).toEqual([
      { label: '客户满意度', score: 80 },
      { label: '解决及时率（班组）', score: 120 },
      { label: '投诉率', score: null },
    ]);
    expect(data.steps).toEqual([
      { label: '客户满意度', kind: 'kpi', value: 28 },
      { label: '解决及时率（班组）', kind: 'kpi', value: 21 },
      { label: '投诉率', kind: 'kpi', value: 0 },
      { label: '定性考核', kind: 'qualitative', value: 24 },
      { label: '客户书面表扬', kind: 'points', value: 2 },
      { label: '迟到', kind: 'points', value: -3 },
    ]);
    expect(data.total).toEqual({ label: '综合得分（B 级）', value: 72 });
    expect(data.veto).toBeNull();
  });

  it('rounds each step as the notice shows two decimals', () => {
    // 33.335 × 60 % = 20.001 → 20.00; 12.345 × 40 % = 4.938 → 4.94.
    const data = noticeChartData('en', person({ kpis: [{ name: 'CSAT', score: 66.67, contribution: 33.335 }], qShare: 60, ql: { score: 12.345, share: 40 }, subtotal: 24.939, total: 24.939 }))!;
    expect(data.steps.map((s) => s.value)).toEqual([20, 4.94]);
    expect(data.total.value).toBe(24.94);
  });

  it('shows a total held at 0 and a veto that caps the grade', () => {
    // 10 × 50 % = 5, points −8: 5 − 8 = −3, held at 0 → a step of +3.
    const data = noticeChartData('en', person({ kpis: [{ name: 'CSAT', score: 10, contribution: 10 }], qShare: 50, points: [{ name: 'Late', count: 4, value: -8 }], subtotal: 5, total: 0, grade: 'D', bands: 'C' }))!;
    expect(data.steps.map((s) => [s.kind, s.value])).toEqual([
      ['kpi', 5],
      ['points', -8],
      ['floor', 3],
    ]);
    expect(data.veto).toBe('Veto: grade at most D');
  });

  it('draws nothing for a person not assessed', () => {
    expect(noticeChartData('zh-CN', person({ kpis: [], qShare: 100, subtotal: 0, total: 0, status: 'not_assessed' }))).toBeNull();
  });

  it('says the figures in words for whoever cannot see the picture', () => {
    const alt = noticeChartAlt('zh-CN', noticeChartData('zh-CN', USUAL)!);
    expect(alt.profile).toBe('各项指标得分（100 分即达到目标值）：客户满意度 80.00；解决及时率（班组） 120.00；投诉率 不计分');
    expect(alt.total).toContain('迟到 −3.00；综合得分（B 级） 72.00');
  });
});

describe('the charts drawn from the figures', () => {
  it('floats each step from the running total and draws the total from 0', () => {
    const chart = totalChart(noticeChartData('zh-CN', USUAL)!);
    const series = chart.option.series as { data: (number | { value: number })[] }[];
    const value = (d: number | { value: number }) => (typeof d === 'number' ? d : d.value);
    // Running totals 0 → 28 → 49 → 49 → 73 → 75 → 72; the deduction floats from 72 up to 75.
    expect(series[0]!.data.map(value)).toEqual([0, 28, 49, 49, 73, 72, 0]);
    expect(series[1]!.data.map(value)).toEqual([28, 21, 0, 24, 2, 3, 72]);
    expect((chart.option.yAxis as { data: unknown[] }).data).toHaveLength(7);
  });

  it('draws each KPI score with the target line at 100', () => {
    const chart = profileChart('zh-CN', noticeChartData('zh-CN', USUAL)!);
    const [bars] = chart.option.series as { data: { value: number }[]; markLine: { data: { xAxis: number }[] } }[];
    expect(bars!.data.map((d) => d.value)).toEqual([80, 120, 0]);
    expect(bars!.markLine.data).toEqual([{ xAxis: 100 }]);
    expect((chart.option.xAxis as { max: number }).max).toBe(120);
  });
});
