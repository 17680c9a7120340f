import { describe, expect, it } from 'vitest';
import { loadChartRenderer } from './render-chart.js';

describe('loadChartRenderer', () => {
  it('draws one bar per value, with the labels of the data escaped', async () => {
    const charts = await loadChartRenderer();
    const svg = charts.svg(
      { xAxis: { type: 'category', data: ['<b>甲</b>', '乙'], axisLabel: { interval: 0 } }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [3, 5] }] },
      { width: 400, height: 300 },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="400"');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;甲');
    expect(svg).toContain('乙');
    // Two bars: paths with the series' fill, one per value.
    const bars = svg.match(/<path d="M[^"]*" fill="#5070dd"/g) ?? [];
    expect(bars.length).toBe(2);
  });

  it('is loaded once and shared', async () => {
    expect(await loadChartRenderer()).toBe(await loadChartRenderer());
  });
});
