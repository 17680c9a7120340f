import { describe, expect, it } from 'vitest';
import { makeReport, manyReports, type PersonSpec } from '../../test/helpers/dashboard-reports.js';
import type { ScoredReport } from '../scoring/scored-report.js';
import { renderDashboard } from './render-dashboard.js';

/** The SVG of the figure `data-chart="name"` (the first one). */
function figure(html: string, name: string): string {
  const start = html.indexOf(`data-chart="${name}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</figure>', start));
}

/** Heights of the bars of series `series` in an ECharts SVG, in data order. */
function barHeights(svg: string, series: number): number[] {
  const bars = [...svg.matchAll(/<path d="M[\d.]+ [\d.]+l[\d.]+ 0l0 (-?[\d.]+)l[^"]*"[^>]*ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)"/g)];
  return bars.filter((m) => Number(m[2]) === series).sort((a, b) => Number(a[3]) - Number(b[3])).map((m) => -Number(m[1]));
}

// 2 S, 0 A, 3 B, 1 C, 1 D, one person not assessed.
const GRADES = ['S', 'S', 'B', 'B', 'B', 'C', 'D'];
const staff: PersonSpec[] = [
  ...GRADES.map((grade, i) => ({ id: `E${i + 1}`, name: `员工${i + 1}`, team: i < 4 ? '一组' : '二组', grade, kpis: { csat: 85 + i, resolution_hours: 20 + i } })),
  { id: 'E8', name: '周八', notAssessed: '没有可计分的工单' },
];

describe('renderDashboard', () => {
  it('draws one bar per grade in the grade distribution, each as high as the report counts', async () => {
    const report = makeReport({ period: '2026-09', staff });
    expect(report.summary.grades).toEqual({ S: 2, A: 0, B: 3, C: 1, D: 1 });
    const html = await renderDashboard([report], {});
    const heights = barHeights(figure(html, 'grades'), 0);
    expect(heights).toHaveLength(5);
    // Bars are proportional to the counts 2 0 3 1 1: heights ÷ count all equal, and A has none.
    const unit = heights[4]!;
    expect(unit).toBeGreaterThan(0);
    expect(heights.map((h) => Math.abs(Math.round((h / unit) * 100) / 100))).toEqual([2, 0, 3, 1, 1]);
  });

  it('draws the quotas of a forced distribution beside the grades of each group', async () => {
    const shares = [10, 20, 40, 20, 10].map((percent, i) => ({ grade: 'SABCD'[i]!, percent }));
    const order = ['S', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'D'];
    const people: PersonSpec[] = order.map((grade, i) => ({ id: `A${i}`, grade, distribution: { group_by: 'role', group: 'agent', group_size: 10, applied: true } }));
    const html = await renderDashboard([makeReport({ period: '2026-09', staff: people, forced: { group_by: 'role', min_group_size: 5, shares } })], {});
    const svg = figure(html, 'grade-group');
    const counts = barHeights(svg, 0);
    const quotas = barHeights(svg, 1);
    // Quotas of 10 people at 10/20/40/20/10 %: 1 2 4 2 1; grades given: 1 2 3 3 1. The outlined
    // quota bars are drawn a border's width shorter, hence whole bars by rounding.
    const unit = counts[0]!;
    expect(counts.map((h) => Math.round((h / unit) * 100) / 100)).toEqual([1, 2, 3, 3, 1]);
    expect(quotas.map((h) => Math.round(h / unit))).toEqual([1, 2, 4, 2, 1]);
  });

  it('shows names from the data as text, in the page and in every chart', async () => {
    const hostile = '<script>alert(1)</script>';
    const report = makeReport({
      period: '2026-09',
      staff: [
        { id: 'E1', name: '李四', team: '<b>组</b>', kpis: { csat: 95, resolution_hours: 24 } },
        { id: 'E2"><img src=x onerror=alert(2)>', name: hostile, team: '<b>组</b>', kpis: { csat: 50, resolution_hours: 24 } },
        ...[90, 91, 92, 93].map((csat, i) => ({ id: `E${i + 3}`, team: '<b>组</b>', kpis: { csat, resolution_hours: 24 } })),
      ],
    });
    // A KPI name and a point item from the data too.
    const tampered = JSON.parse(JSON.stringify(report)) as { staff: { kpis: { name: string }[] }[] };
    for (const p of tampered.staff) p.kpis[0]!.name = '<i>满意度</i>';
    const html = await renderDashboard([tampered as unknown as ScoredReport], {});
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>组');
    expect(html).not.toContain('<i>满意度');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;组&lt;/b&gt;');
    expect(html).toContain('&lt;i&gt;满意度&lt;/i&gt;');
    // The outlier (csat 50) is named in the teams chart, as text.
    expect(figure(html, 'kpi-teams-csat')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is in Chinese or in English, by the latest report or as asked', async () => {
    const zh = await renderDashboard([makeReport({ period: '2026-09', staff })], {});
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('等级分布');
    expect(zh).toContain('数据质量');
    const en = await renderDashboard([makeReport({ period: '2026-09', staff })], { language: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Grade distribution');
    expect(en).toContain('Data quality');
    expect(en).not.toContain('等级分布');
    const enPolicy = await renderDashboard([makeReport({ period: '2026-09', staff, language: 'en' })], {});
    expect(enPolicy).toContain('<html lang="en">');
  });

  it('says when the period is a trial run, and which reports the trends leave out', async () => {
    const trial = { ...makeReport({ period: '2026-09', staff }), trial: true };
    const other = makeReport({ period: '2026-08', title: '另一份制度', staff });
    const html = await renderDashboard([other, trial], {});
    expect(html).toContain('试算');
    expect(html).toContain('未纳入趋势：2026-08（其他制度的报告）');
    const plain = await renderDashboard([makeReport({ period: '2026-09', staff })], {});
    expect(plain).not.toContain('试算');
  });

  it("shows the policy's goals, when given, against their KPI's median in each period", async () => {
    const goals = [
      { description: '客户满意度不低于 95%', kpi: 'csat', target: 95 },
      { description: '<i>培养两名技术骨干</i>' },
    ];
    const html = await renderDashboard([makeReport({ period: '2026-08', staff }), makeReport({ period: '2026-09', staff })], { goals });
    const table = html.slice(html.indexOf('制度的部门绩效目标'), html.indexOf('</table>', html.indexOf('制度的部门绩效目标')));
    // csat of the seven assessed people: 85 … 91, median 88, in both periods.
    expect(table).toContain('<tr><td>客户满意度不低于 95%</td><td>客户满意度</td><td class="n">95%</td><td class="n">88%</td><td class="n">88%</td></tr>');
    expect(table).toContain('&lt;i&gt;培养两名技术骨干&lt;/i&gt;');
    expect(await renderDashboard([makeReport({ period: '2026-09', staff })], {})).not.toContain('制度的部门绩效目标');
  });

  it('finds each person from the index by an anchor link, and lists who was not assessed and why', async () => {
    const html = await renderDashboard([makeReport({ period: '2026-09', staff })], {});
    for (let i = 1; i <= staff.length; i++) {
      expect(html).toContain(`href="#p${i}"`);
      expect(html).toContain(`id="p${i}"`);
    }
    // Names in order, numbers within them as numbers; totals with two decimals as the report shows them.
    const named = await renderDashboard([makeReport({ period: '2026-09', staff: ['员工10', '员工2', '员工1'].map((name, i) => ({ id: `E${i}`, name })) })], {});
    const index = named.slice(named.indexOf('<ul class="index">'), named.indexOf('</ul>', named.indexOf('<ul class="index">')));
    expect([...index.matchAll(/<a href="#p\d+">([^<]+)<\/a>/g)].map((m) => m[1])).toEqual(['员工1', '员工2', '员工10']);
    // Both KPIs at target: 100 × 60 % + 80 × 40 % = 92.
    expect(index).toContain('92.00');
    const quality = html.slice(html.indexOf('id="quality"'));
    expect(quality).toContain('周八');
    expect(quality).toContain('没有可计分的工单');
  });

  it('has no script, no link to elsewhere, and one page per section when printed', async () => {
    const html = await renderDashboard([makeReport({ period: '2026-08', staff }), makeReport({ period: '2026-09', staff })], {});
    expect(html).not.toMatch(/<script|<link|src="http|@import/i);
    expect(html.match(/<section class="page"/g)).toHaveLength(5);
    expect(html).toMatch(/@page \{ size: A4 landscape/);
    expect(html).toMatch(/section\.page \{ break-before: page/);
  });

  it('500 people over 12 periods fit in 5 MB', async () => {
    const html = await renderDashboard(manyReports(500, 12), {});
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 1024 * 1024);
    expect(html.match(/<article class="person"/g)).toHaveLength(500);
    // Each person: a KPI profile, a waterfall and 12 periods of grades.
    expect(html.match(/data-chart="history"/g)).toHaveLength(500);
  }, 60_000);
});

describe("the department section with the department's own values", () => {
  const people: PersonSpec[] = [
    { id: 'E1', name: '张三', role: 'agent', kpis: { csat: 90, resolution_hours: 20 } },
    { id: 'L1', name: '李四', role: 'supervisor', kpis: { csat: 95, resolution_hours: 30 } },
  ];
  const goals = [
    { description: '客户满意度不低于 92%', kpi: 'csat', target: 92 },
    { description: '平均解决时长不超过 22 小时', kpi: 'resolution_hours', target: 22 },
  ];
  const roles = [{ id: 'agent', name: '客服专员' }, { id: 'supervisor', name: '主管' }];
  const reports = (language: 'zh-CN' | 'en') => [
    makeReport({ period: '2026-08', staff: people, language }),
    makeReport({ period: '2026-09', staff: people, language, department: { csat: 93.5, resolution_hours: 26 }, goals, roles }),
  ];
  const goalRow = (html: string, goal: string) => {
    const at = html.indexOf(`<td>${goal}</td>`);
    expect(at).toBeGreaterThan(-1);
    return [...html.slice(at, html.indexOf('</tr>', at)).matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
  };

  it('shows each goal against the department value this period and in each period, the median of people marked for the older report', async () => {
    const html = await renderDashboard(reports('zh-CN'), {});
    // Goal, KPI, goal target, KPI target, this period, 2026-08 (no block: median of 90 and 95), 2026-09.
    expect(goalRow(html, '客户满意度不低于 92%')).toEqual(['客户满意度不低于 92%', '客户满意度', '92%', '95%', '达成', '92.5%（人员中位数）', '93.5%']);
    // Lower is better: 26 h against a goal of 22 h is not met.
    expect(goalRow(html, '平均解决时长不超过 22 小时')).toEqual(['平均解决时长不超过 22 小时', '平均解决时长', '22 小时', '24 小时', '未达成', '25 小时（人员中位数）', '26 小时']);
    expect(html).toContain('<b data-department="csat">93.5%</b>');
    expect(html).toContain('其中 2026-08 为人员中位数');
    // Role names, not ids: the person line, the grade group.
    expect(html).toContain('岗位 主管，班组');
    expect(html).toContain('岗位 客服专员（1 人）');
    expect(html).not.toMatch(/岗位 (agent|supervisor)/);
  });

  it('reads the same in English', async () => {
    const html = await renderDashboard(reports('en'), {});
    expect(goalRow(html, '客户满意度不低于 92%').slice(2)).toEqual(['92%', '95%', 'met', '92.5% (median of people)', '93.5%']);
    expect(html).toContain('Department <b data-department="csat">93.5%</b>');
    expect(html).toContain('Role 主管 · team');
  });

  it('a report without the block: the median of people, no department figure, role ids', async () => {
    const html = await renderDashboard([makeReport({ period: '2026-09', staff: people })], {});
    expect(html).not.toContain('data-department=');
    expect(html).toContain('走势：各期人员中位数');
    expect(html).toContain('岗位 supervisor，班组');
  });
});
