// End to end: `aspm evaluate` (in process) scores a generated quarter for the medium preset
// with ratings, metrics, approved adjustments and the previous quarter's report as history,
// as a manager would run it; the reports are explainable, reruns are byte-identical, and a
// bad adjustment stops everything before anything is written.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRoster, generateTickets, type SampleTicket } from '../src/sample-data/generate-sample-data.js';
import { generateMetrics, generateRatings } from '../src/sample-data/generate-staff-inputs.js';
import { writeMetricsCsv, writeRatingsCsv, writeRosterCsv, writeTicketsCsv } from '../src/sample-data/write-sample-data.js';
import { expectExplainable } from './helpers/recompute-result.js';
import { hasStackTrace, ROOT } from './helpers/run-cli.js';
import { expectValidReport } from './helpers/report-schema.js';
import { runMain } from './helpers/run-main.js';

const policy = join(ROOT, 'presets', 'medium.zh-CN.yaml');
const dir = mkdtempSync(join(tmpdir(), 'aspm-e2e-scoring-'));
const file = (name: string) => join(dir, name);
const staffOptions = { seed: 21, staff: 30, tickets: 0, year: 2026, month: 7, language: 'zh-CN' as const };
const staff = generateRoster(staffOptions);
let q4: SampleTicket[] = [];

const ITEMS = ['service_attitude', 'teamwork', 'compliance', 'learning'];
const METRICS = [
  { name: '重大投诉次数', rate: 0.04 },
  { name: '弄虚作假次数', rate: 0.01 },
  { name: '表扬次数', rate: 0.3 },
  { name: '一般违规次数', rate: 0.2 },
];

function evaluate(period: string, tickets: string, output: string, extra: string[] = []) {
  return runMain(
    ['evaluate', policy, '--tickets', tickets, '--roster', file('roster.csv'), '--ratings', file('ratings.csv'), '--metrics', file('metrics.csv'), '--period', period, '-o', output, ...(extra.includes('--date') ? [] : ['--date', '2027-01-08']), ...extra],
    { env: { LANG: 'zh_CN.UTF-8' } },
  );
}

beforeAll(async () => {
  await writeRosterCsv(file('roster.csv'), staff, { language: 'zh-CN' });
  await writeRatingsCsv(file('ratings.csv'), generateRatings(staff, { seed: 21, items: ITEMS, raterTypes: ['supervisor', 'peer', 'customer'] }), { language: 'zh-CN' });
  await writeMetricsCsv(file('metrics.csv'), generateMetrics(staff, METRICS, 21), METRICS.map((m) => m.name), { language: 'zh-CN' });
  await writeTicketsCsv(file('q3.csv'), generateTickets({ ...staffOptions, seed: 31, tickets: 6000, month: 7, months: 3 }, staff), { language: 'zh-CN' });
  q4 = [...generateTickets({ ...staffOptions, seed: 41, tickets: 6000, month: 10, months: 3 }, staff)];
  await writeTicketsCsv(file('q4.csv'), q4, { language: 'zh-CN' });
  mkdirSync(file('history'));
  // The previous quarter, published as a manager would have done it.
  const q3 = await evaluate('2026-Q3', file('q3.csv'), file('history/2026-Q3.json'), ['--date', '2026-10-09']);
  expect(q3.status).toBe(0);
}, 120_000);

const adjustmentsFor = (ticket: SampleTicket, agent: string) => `version: 1
period: 2026-Q4
adjustments:
  - kind: exclude_ticket
    appeal: SS-2026-101
    staff_id: ${ticket.staff_id}
    ticket_id: ${ticket.ticket_id}
    reason: 客户要求改约，延误非本人原因
    approved_by: 绩效申诉小组
    approved_on: 2027-01-12
  - kind: override_kpi
    appeal: SS-2026-102
    staff_id: ${agent}
    kpi: csat
    month: 2026-11
    value: 97
    reason: 回访录音证实两条差评系误录
    approved_by: 绩效申诉小组
    approved_on: 2027-01-12
  - kind: override_rating
    appeal: SS-2026-103
    staff_id: ${agent}
    rater_type: supervisor
    item: 服务态度
    score: 5
    reason: 评分依据的投诉已撤销
    approved_by: 绩效申诉小组
    approved_on: 2027-01-13
`;

describe('aspm evaluate, a quarter of the medium preset', () => {
  it('scores the quarter with ratings, adjustments and history; explainable; byte-identical reruns', async () => {
    const agent = staff.find((s) => s.role === 'agent')!.id;
    const ticket = q4.find((t) => t.staff_id !== agent && t.resolved_at !== undefined && t.resolved_at > Date.UTC(2026, 10, 2) && t.resolved_at < Date.UTC(2026, 10, 28))!;
    writeFileSync(file('adjustments.yaml'), adjustmentsFor(ticket, agent));
    const extra = ['--adjustments', file('adjustments.yaml'), '--history', file('history'), '--notices', file('notices'), '--xlsx'];
    const run = await evaluate('2026-Q4', file('q4.csv'), file('q4.json'), extra);
    expect(run.stderr).not.toMatch(/internal-error/);
    expect(run.status).toBe(0);
    expect(hasStackTrace(run.stderr + run.stdout)).toBe(false);

    const report = expectValidReport(JSON.parse(readFileSync(file('q4.json'), 'utf8')));
    expect(report.period).toMatchObject({ id: '2026-Q4', cycle: 'quarterly', months: ['2026-10', '2026-11', '2026-12'] });
    expect(report.tool.name).toBe('aspm');
    expect(report.policy).toMatchObject({ path: policy, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(report.history.map((h: { period: string }) => h.period)).toEqual(['2026-Q3']);
    expect(report.staff).toHaveLength(30);
    expect(report.inputs[0]).toMatchObject({ kind: 'tickets', excluded: 1 });
    expect(expectExplainable(report)).toBe(30);

    // The adjustments, in the report and on the people they concern.
    expect(report.adjustments.map((a: { kind: string; appeal: string }) => [a.kind, a.appeal])).toEqual([
      ['exclude_ticket', 'SS-2026-101'],
      ['override_kpi', 'SS-2026-102'],
      ['override_rating', 'SS-2026-103'],
    ]);
    const handler = report.staff.find((p: { id: string }) => p.id === ticket.staff_id);
    expect(handler.kpis.some((k: { excluded: { ticket: string }[] }) => k.excluded.some((e) => e.ticket === ticket.ticket_id))).toBe(true);
    const appellant = report.staff.find((p: { id: string }) => p.id === agent);
    const csat = appellant.kpis.find((k: { id: string }) => k.id === 'csat');
    expect(csat.months[1]).toMatchObject({ period: '2026-11', value: 97, status: 'ok' });
    expect(csat.adjusted).toMatchObject({ appeal: 'SS-2026-102', month: '2026-11' });
    expect(appellant.adjustments).toHaveLength(2);
    expect(appellant.qualitative.raters.find((r: { type: string }) => r.type === 'supervisor').items[0]).toMatchObject({ id: 'service_attitude', mean: 5 });

    // Rules over consecutive quarters, decided with the published Q3 report.
    const q3 = expectValidReport(JSON.parse(readFileSync(file('history/2026-Q3.json'), 'utf8')));
    const before = new Map<string, string | null>(q3.staff.map((p: { id: string; grade: string | null }) => [p.id, p.grade]));
    for (const p of report.staff) {
      const kinds = p.outcomes.actions.map((a: { kind: string }) => a.kind);
      const previous = before.get(p.id);
      expect(kinds.includes('promotion')).toBe(['S', 'A'].includes(p.grade) && ['S', 'A'].includes(previous ?? ''));
      expect(kinds.includes('demotion')).toBe(p.grade === 'D' && previous === 'D');
      expect(p.notes.some((n: { code: string; params: { periods: string[] } }) => n.code === 'note-history-missing' && n.params.periods.includes('2026-Q3'))).toBe(false);
      // A quarter averages its months; the monthly bonus is not paid for it.
      expect(p.quantitative.method).toBe('monthly_average');
      if (p.grade !== null) expect(p.outcomes.bonus).toMatchObject({ amount: null, reason: 'not_paid_this_cycle' });
      expect(p.appeal_deadline).toBe(report.appeal.deadline);
    }
    expect(report.appeal.deadline).toBe('2027-01-15');

    // The summary in the terminal, in Chinese.
    expect(run.stdout).toContain('绩效考核结果 2026-Q4（季度）');
    expect(run.stdout).toContain('等级分布');
    expect(run.stdout).toContain('申诉调整 3 项');

    // The Excel report next to the JSON.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('q4.xlsx'));
    // No data warnings: no sheet of headers for them, a line in the notes instead.
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '客服专员', '维修技术员', '服务主管', '说明', '申诉调整', '图表']);
    // The title row, the header row and the three adjustments.
    expect(workbook.getWorksheet('申诉调整')!.rowCount).toBe(5);
    expect((workbook.getWorksheet('说明')!.getSheetValues() as unknown[][]).map((r) => r?.[3])).toContain('本期数据没有警告。');

    // A notice per person, Markdown and Word, in the policy's language, and a ticket list
    // for each person with KPIs of their own (supervisors' are all the team's).
    const notices = readdirSync(file('notices')).sort();
    const own = report.staff.filter((p: { role: string }) => p.role !== 'supervisor');
    expect(notices.filter((n) => n.endsWith('.md') || n.endsWith('.docx'))).toHaveLength(60);
    // Each of the 30 has their two charts beside the Markdown (the Word notice holds them as pictures).
    expect(notices.filter((n) => n.endsWith('.kpis.svg') || n.endsWith('.total.svg'))).toHaveLength(60);
    expect(notices.filter((n) => n.endsWith('.tickets.csv'))).toHaveLength(own.length);
    // The handler's list names the ticket the appeal left out, and counts what the KPI counted.
    const list = readFileSync(join(file('notices'), notices.find((n) => n.startsWith(`${ticket.staff_id}-`) && n.endsWith('.tickets.csv'))!), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(list.find((line) => line.startsWith(`${ticket.ticket_id},`))).toContain('已按申诉 SS-2026-101 剔除');
    const resolvedColumn = list[0]!.split(',').findIndex((h) => h === '解决工单量' || h === '平均解决时长：小时');
    const kpiId = list[0]!.split(',')[resolvedColumn] === '解决工单量' ? 'tickets_resolved' : 'resolution_hours';
    const counted = list.slice(1).filter((line) => !line.includes('已按申诉') && line.split(',')[resolvedColumn] !== '').length;
    expect(counted).toBe(handler.kpis.find((k: { id: string }) => k.id === kpiId).samples);
    const mine = readFileSync(join(file('notices'), notices.find((n) => n.startsWith(`${agent}-`) && n.endsWith('.md'))!), 'utf8');
    expect(mine).toContain('# 绩效考核结果通知书');
    expect(mine).toContain('2026年第四季度');
    expect(mine).toContain('#### 六、申诉调整');
    // The quarter averages its months: each KPI month by month, so the averages can be redone.
    expect(mine).toContain('各月明细如下（实际值 → 得分 × 当月权重）：\n\n| 考核指标 | 2026年10月 | 2026年11月 | 2026年12月 |');
    const csatMonths = mine.split('\n').find((line) => line.startsWith('| 客户满意度 | ') && line.includes('→'))!;
    const novemberCsat = csat.months[1];
    expect(csatMonths.split(' | ')[2]).toBe(`97.00% → ${novemberCsat.score.toFixed(2)} × ${novemberCsat.weight}%`);
    expect(mine).toContain('| SS-2026-102 | 客户满意度（2026年11月）由');
    expect(mine).toContain('即 **2027年1月15日（含当日）** 前');
    expect(run.stderr).toContain(`已写入 30 份绩效考核结果通知书（Markdown 和 Word）及 ${own.length} 份工单明细（CSV）到 ${file('notices')}`);

    // Same inputs, same --date: the same bytes.
    const again = await evaluate('2026-Q4', file('q4.csv'), file('q4-again.json'), ['--adjustments', file('adjustments.yaml'), '--history', file('history')]);
    expect(again.status).toBe(0);
    expect(readFileSync(file('q4-again.json'), 'utf8')).toBe(readFileSync(file('q4.json'), 'utf8'));
  });

  it('an existing notice is never overwritten without --force, and then nothing at all is written', async () => {
    mkdirSync(file('kept-notices'));
    const name = `${staff[0]!.id}-${staff[0]!.name}.md`;
    writeFileSync(join(file('kept-notices'), name), 'mine');
    const run = await evaluate('2026-Q4', file('q4.csv'), file('kept.json'), ['--notices', file('kept-notices')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('output-exists');
    expect(readFileSync(join(file('kept-notices'), name), 'utf8')).toBe('mine');
    expect(readdirSync(file('kept-notices'))).toEqual([name]);
    expect(existsSync(file('kept.json'))).toBe(false);
  });

  it('a bad adjustment stops the run with file:line:col for each, and writes nothing', async () => {
    writeFileSync(
      file('bad.yaml'),
      adjustmentsFor({ ...q4[0]!, ticket_id: 'T99999999' }, 'E9999'),
    );
    const run = await evaluate('2026-Q4', file('q4.csv'), file('never.json'), ['--adjustments', file('bad.yaml'), '--xlsx']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file('bad.yaml')}:7:16: adjustment-unknown-ticket: 工单文件中没有工单“T99999999”。`);
    expect(run.stderr).toContain(`${file('bad.yaml')}:13:15: adjustment-unknown-staff: 人员名单中没有工号为“E9999”的员工。`);
    expect(run.stderr).toContain(`${file('bad.yaml')}:22:15: adjustment-unknown-staff:`);
    expect(run.stderr).toContain('adjustments-invalid');
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(existsSync(file('never.json'))).toBe(false);
    expect(existsSync(file('never.xlsx'))).toBe(false);
  });

  it('leaving out a ticket of another period is an error naming its dates, and nothing is written', async () => {
    // Created and resolved in October, appealed against December's result.
    const ticket = q4.find((t) => t.resolved_at !== undefined && t.created_at > Date.UTC(2026, 9, 2) && t.resolved_at < Date.UTC(2026, 9, 28))!;
    const text = adjustmentsFor(ticket, 'E9999').split('  - kind: override_kpi')[0]!.replace('period: 2026-Q4', 'period: 2026-12');
    writeFileSync(file('october.yaml'), text);
    const run = await evaluate('2026-12', file('q4.csv'), file('never4.json'), ['--adjustments', file('october.yaml'), '--xlsx']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`october\\.yaml:7:16: adjustment-ticket-outside-period: 工单“${ticket.ticket_id}”创建于 2026-10-\\d\\d \\d\\d:\\d\\d、解决于 2026-10-\\d\\d \\d\\d:\\d\\d，不在考核期 2026-12（2026-12-01 至 2026-12-31）内`));
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(existsSync(file('never4.json'))).toBe(false);
    expect(existsSync(file('never4.xlsx'))).toBe(false);
  });

  it('a history folder with something that is not a report is an error, not a silently missing quarter', async () => {
    mkdirSync(file('bad-history'));
    writeFileSync(file('bad-history/notes.json'), '{"hello": "world"}');
    const run = await evaluate('2026-Q4', file('q4.csv'), file('never2.json'), ['--history', file('bad-history')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('history-not-report');
    expect(existsSync(file('never2.json'))).toBe(false);
  });

  it('--date must be a real day (exit 2)', async () => {
    const run = await evaluate('2026-Q4', file('q4.csv'), file('never3.json'), ['--date', '2027-02-30']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('date-invalid');
  });
});
