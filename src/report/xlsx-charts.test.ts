// The Excel report's charts sheet: the figures (grades against the quota, each team's KPI
// medians against the target) against reports made by hand, and the workbook unzipped — the
// chart parts, the drawing, their relationships and content types, and every reference of a
// chart pointing at cells that hold the report's figures.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeEvaluation, presetPolicy, type PersonInput } from '../../test/helpers/scoring-fixtures.js';
import type { ReportPerson, ScoredReport } from '../scoring/scored-report.js';
import { scoreEvaluation } from '../scoring/score-evaluation.js';
import { dashboardData } from '../dashboard/dashboard-data.js';
import { buildReportXlsx } from './report-xlsx.js';
import { gradeDistribution, median, teamKpiMedians } from './xlsx-chart-figures.js';
import { chartSpaceXml, sheetRef } from './xlsx-charts.js';

/** A report of people with a grade, a team and values of one KPI (the fields the figures read). */
function handMade(staff: { grade: string | null; team: string; csat?: number; target?: number; status?: string }[], quota: boolean): ScoredReport {
  return {
    grades: {
      bands: [
        { grade: 'A', label: '优秀', min: 90, max: 100 },
        { grade: 'B', label: '良好', min: 70, max: 90 },
        { grade: 'C', label: '待改进', min: 0, max: 70 },
      ],
      forced_distribution: quota ? { group_by: 'role', min_group_size: 1, shares: [{ grade: 'A', percent: 20 }, { grade: 'B', percent: 70 }, { grade: 'C', percent: 10 }] } : null,
    },
    staff: staff.map(
      (p, i) =>
        ({
          id: `E${i}`,
          team: p.team,
          status: p.grade === null ? 'not_assessed' : 'assessed',
          grade: p.grade,
          kpis: p.csat === undefined ? [] : [{ id: 'csat', value: p.csat, target: p.target ?? 95, status: p.status ?? 'ok' }],
        }) as unknown as ReportPerson,
    ),
  } as unknown as ScoredReport;
}

describe('the charts sheet figures', () => {
  it('counts each grade among the people assessed, beside its quota', () => {
    const report = handMade([{ grade: 'A', team: 'x' }, { grade: 'B', team: 'x' }, { grade: 'B', team: 'y' }, { grade: 'B', team: 'y' }, { grade: null, team: 'y' }], true);
    expect(gradeDistribution(report)).toEqual([
      { grade: 'A', label: '优秀', count: 1, share: 0.25, quota: 0.2 },
      { grade: 'B', label: '良好', count: 3, share: 0.75, quota: 0.7 },
      { grade: 'C', label: '待改进', count: 0, share: 0, quota: 0.1 },
    ]);
    // Without a forced distribution, no quota; nobody assessed, no share.
    expect(gradeDistribution(handMade([{ grade: null, team: 'x' }], false)).map((g) => [g.count, g.share, g.quota])).toEqual([
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ]);
  });

  it('takes each team’s median and target, teams in the order of the report, no team last', () => {
    const policy = presetPolicy('medium.zh-CN');
    const report = handMade(
      [
        { grade: 'A', team: '二组', csat: 90 },
        { grade: 'A', team: '', csat: 70 },
        { grade: 'A', team: '一组', csat: 80, target: 90 },
        { grade: 'A', team: '二组', csat: 96 },
        { grade: 'A', team: '一组', csat: 100, target: 90 },
        { grade: 'A', team: '二组', csat: 93 },
        { grade: 'A', team: '一组' },
        // Below its minimum of samples: reported, not scored, and no part of the team's median (as on the dashboard).
        { grade: 'A', team: '二组', csat: 10, status: 'insufficient' },
      ],
      false,
    );
    // 三组 has no value: no row. The others keep the report's order (二组 before 一组), no team last.
    (report.staff as ReportPerson[]).unshift({ id: 'E9', team: '三组', status: 'assessed', grade: 'A', kpis: [] } as unknown as ReportPerson);
    expect(teamKpiMedians(report, policy)).toEqual([
      {
        id: 'csat',
        rows: [
          { team: '二组', median: 93, target: 95, people: 3 },
          { team: '一组', median: 90, target: 90, people: 2 },
          { team: '', median: 70, target: 95, people: 1 },
        ],
      },
    ]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('the charts in the workbook', () => {
  const agent = (s: number) => ({ response_sla_rate: 80 + 0.15 * s, first_response_minutes: 120 - 0.9 * s, csat: 80 + 0.15 * s, tickets_resolved: 60 + 0.7 * s, complaint_rate: 3 - 0.025 * s });
  const people: PersonInput[] = [
    { id: 'E1', name: '张伟', role: 'agent', team: '一组', kpis: agent(95) },
    { id: 'E2', name: '李娜', role: 'agent', team: '一组', kpis: agent(60) },
    { id: 'E3', name: '王芳', role: 'agent', team: '二组', kpis: agent(30) },
    { id: 'E4', name: "O'Brien", role: 'agent', team: '二组', kpis: agent(80) },
    { id: 'E5', name: '赵强', role: 'agent', team: '二组', kpis: agent(10) },
  ];

  async function build() {
    const policy = presetPolicy('large.zh-CN');
    const report = scoreEvaluation({ policy, policyFile: { path: 'p.yaml', sha256: '0' }, evaluation: makeEvaluation(policy, people), resultDate: '2026-11-05', language: 'zh-CN', toolVersion: 't' });
    const bytes = await buildReportXlsx({ report, policy, language: 'zh-CN' });
    return { policy, report, bytes, zip: unzipSync(bytes) };
  }

  it("gives each team's median as the dashboard does, from the same report", async () => {
    const { report, policy } = await build();
    const page = dashboardData([report]);
    const charts = teamKpiMedians(report, policy);
    expect(charts.flatMap((k) => k.rows).length).toBeGreaterThanOrEqual(5);
    for (const kpi of charts) {
      const onPage = page.kpis.find((k) => k.id === kpi.id)!;
      for (const row of kpi.rows) expect(onPage.teams.find((t) => t.team === row.team)?.spread?.median, `${kpi.id} ${row.team}`).toBe(row.median);
    }
  });

  it('adds the chart parts, the drawing, their relationships and content types', async () => {
    const { zip } = await build();
    const names = Object.keys(zip);
    const workbookXml = strFromU8(zip['xl/workbook.xml']!);
    // The charts sheet is the last sheet; its file is the one whose relationships name the drawing.
    expect(workbookXml).toMatch(/<sheet sheetId="\d+" name="图表"/);
    const sheetFile = names.find((n) => /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(n) && strFromU8(zip[n]!).includes('../drawings/aspmCharts'))!;
    const sheetXml = strFromU8(zip[sheetFile.replace('_rels/', '').replace(/\.rels$/, '')]!);
    const rels = strFromU8(zip[sheetFile]!);
    const drawingRel = /Id="([^"]+)" Type="[^"]+\/drawing" Target="\.\.\/drawings\/(aspmCharts\d+\.xml)"/.exec(rels)!;
    expect(sheetXml).toContain(`<drawing r:id="${drawingRel[1]}"/>`);
    // <drawing> after the page setup and before the end, as the schema orders a worksheet.
    expect(sheetXml.indexOf('<drawing ')).toBeGreaterThan(sheetXml.indexOf('<pageSetup'));
    const drawing = strFromU8(zip[`xl/drawings/${drawingRel[2]}`]!);
    const drawingRels = strFromU8(zip[`xl/drawings/_rels/${drawingRel[2]}.rels`]!);
    const chartTargets = [...drawingRels.matchAll(/Id="(rId\d+)" Type="[^"]+\/chart" Target="\.\.\/charts\/([^"]+)"/g)];
    // The grades, then one chart per KPI with values: the large preset's agent has five.
    expect(chartTargets).toHaveLength(6);
    for (const [, id, target] of chartTargets) {
      expect(drawing).toContain(`r:id="${id}"`);
      expect(names).toContain(`xl/charts/${target}`);
    }
    const types = strFromU8(zip['[Content_Types].xml']!);
    expect(types).toContain(`<Override PartName="/xl/drawings/${drawingRel[2]}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    for (const [, , target] of chartTargets) expect(types).toContain(`<Override PartName="/xl/charts/${target}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
  });

  it('points every series at cells that hold the report’s figures, with the same values cached', async () => {
    const { report, bytes, zip } = await build();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('图表')!;
    const cells = (ref: string) => {
      const m = /^'图表'!\$([A-Z])\$(\d+):\$([A-Z])\$(\d+)$/.exec(ref)!;
      expect(m[1]).toBe(m[3]);
      const out: unknown[] = [];
      for (let r = Number(m[2]); r <= Number(m[4]); r++) out.push(sheet.getCell(`${m[1]}${r}`).value);
      return out;
    };
    const charts = Object.keys(zip)
      .filter((n) => n.startsWith('xl/charts/'))
      .sort()
      .map((n) => strFromU8(zip[n]!));
    const grades = charts.find((c) => c.includes('等级分布与强制分布配额'))!;
    // Chinese text as UTF-8 with an East Asian typeface.
    expect(grades).toMatch(/<a:ea typeface="[^"]+"\/>/);
    const refs = [...grades.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1]!.replace(/&apos;/g, "'"));
    const [shareName, categories, shares, quotaName, , quotas] = refs;
    expect(sheet.getCell(shareName!.replace(/^'图表'!/, '').replace(/\$/g, '')).value).toBe('实际占比');
    expect(sheet.getCell(quotaName!.replace(/^'图表'!/, '').replace(/\$/g, '')).value).toBe('配额');
    expect(cells(categories!)).toEqual(['S', 'A', 'B', 'C', 'D']);
    // Counted here from the people's grades: each grade's share of the five assessed.
    const assessed = report.staff.filter((p) => p.status === 'assessed');
    const expected = ['S', 'A', 'B', 'C', 'D'].map((g) => assessed.filter((p) => p.grade === g).length / assessed.length);
    expect(cells(shares!)).toEqual(expected);
    expect(cells(quotas!)).toEqual([0.1, 0.2, 0.5, 0.15, 0.05]);
    // The cache holds the same values (a viewer that does not recalculate shows it).
    const cached = [...grades.split('<c:val>')[1]!.split('</c:val>')[0]!.matchAll(/<c:pt idx="(\d)"><c:v>([^<]+)<\/c:v>/g)].map((m) => Number(m[2]));
    expect(cached).toEqual(expected);

    // Satisfaction by team: medians of the agents' values (percent stored as fractions), target as a line.
    const csat = charts.find((c) => c.includes('客户满意度：各班组中位数与目标值'))!;
    expect(csat).toContain('<c:barChart>');
    expect(csat).toContain('<c:lineChart>');
    const [, teams, medians, , , targets] = [...csat.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1]!.replace(/&apos;/g, "'"));
    expect(cells(teams!)).toEqual(['一组', '二组']);
    const value = (s: number) => (80 + 0.15 * s) / 100;
    expect((cells(medians!) as number[]).map((n) => Math.round(n * 1e6))).toEqual([(value(95) + value(60)) / 2, value(30)].map((n) => Math.round(n * 1e6)));
    const target = report.staff[0]!.kpis.find((k) => k.id === 'csat')!.target / 100;
    expect(cells(targets!)).toEqual([target, target]);
  });

  it('quotes a sheet name with an apostrophe and escapes the title', () => {
    expect(sheetRef("O'Brien 图表", '$A$1:$A$3')).toBe("'O''Brien 图表'!$A$1:$A$3");
    const xml = chartSpaceXml(
      {
        title: '<a> & 图',
        categories: { ref: '$A$2:$A$3', texts: ['一', '二'] },
        series: [{ kind: 'bar', name: { ref: '$B$1', text: '值' }, values: { ref: '$B$2:$B$3', numbers: [1, null], format: '0' }, colour: '000000' }],
        axisFormat: 'General',
        fromZero: true,
        anchor: { fromColumn: 0, fromRow: 0, toColumn: 5, toRow: 10 },
      },
      '图表',
      { latin: 'Calibri', eastAsian: 'Microsoft YaHei' },
    );
    expect(xml).toContain('<a:t>&lt;a&gt; &amp; 图</a:t>');
    // A blank value has no point in the cache: a gap, not a zero.
    expect(xml).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>1</c:v></c:pt></c:numCache>');
  });
});
