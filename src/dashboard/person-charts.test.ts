import { describe, expect, it } from 'vitest';
import { historySvg, profileSvg, waterfallSvg } from './person-charts.js';

const hostile = '<script>x</script>';

describe('the charts of a person', () => {
  it('draw a bar per scored KPI, none for one without a score, and escape every text', () => {
    const svg = profileSvg(
      [
        { label: hostile, score: 50, note: '<b>1</b>' },
        { label: '投诉率', score: 120, note: '0.4% / 0.5%' },
        { label: '首次响应时长', score: null, note: '无数据' },
      ],
      '<t>',
    );
    expect(svg).not.toMatch(/<script|<b>|<t>/);
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(svg).toContain('&lt;b&gt;1&lt;/b&gt;');
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    // Two bars, the second 120 ÷ 50 as long as the first.
    expect(bars).toHaveLength(2);
    expect(bars[1]! / bars[0]!).toBeCloseTo(120 / 50, 1);
  });

  it('draw each step of the total from where the last one ended', () => {
    const svg = waterfallSvg(
      [
        { label: hostile, step: { kind: 'kpi', label: '', from: 0, to: 40 } },
        { label: '定性', step: { kind: 'qualitative', label: '', from: 40, to: 72 } },
        { label: '小计', step: { kind: 'subtotal', label: '', from: 72, to: 72 } },
        { label: '违规', step: { kind: 'points', label: '', from: 72, to: 70 } },
        { label: '总分', step: { kind: 'total', label: '', from: 70, to: 70 } },
      ],
      'w',
    );
    expect(svg).not.toContain('<script');
    const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*class="(\w+)"/g)].map((m) => ({ x: Number(m[1]), w: Number(m[2]), cls: m[3] }));
    expect(rects.map((r) => r.cls)).toEqual(['kp', 'ql', 'lv', 'bad', 'lv']);
    // The second step starts where the first ends; the subtotal bar is as long as both.
    expect(rects[1]!.x).toBeCloseTo(rects[0]!.x + rects[0]!.w, 0);
    expect(rects[2]!.w).toBeCloseTo(rects[0]!.w + rects[1]!.w, 0);
    expect(svg).toContain('−2.00');
  });

  it('mark each period, with a gap where there was no result', () => {
    const svg = historySvg(
      [
        { period: '2026-07', total: 80, grade: 'A' },
        { period: '2026-08', total: null, grade: null },
        { period: '2026-09', total: 90, grade: hostile },
      ],
      'h',
    );
    expect(svg).not.toContain('<script');
    expect(svg.match(/<circle/g)).toHaveLength(2);
    // Two separate pieces of line (each a single point): both start with M, none joins across the gap.
    expect(svg).toMatch(/<path d="M[\d.]+ [\d.]+M[\d.]+ [\d.]+"/);
    expect(svg).toContain('2026-08');
  });
});
