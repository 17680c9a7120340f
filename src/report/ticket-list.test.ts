// Ticket lists: each of the person's own KPIs as a column, shown as the employee would
// check it (minutes, yes/no, counted), tickets left out on appeal marked, cells Excel would
// run as formulas defused; team KPIs and other people's tickets left out.
import { describe, expect, it } from 'vitest';
import { makeEvaluation, presetPolicy } from '../../test/helpers/scoring-fixtures.js';
import type { TicketDetail } from '../evaluate/ticket-details.js';
import { scoreEvaluation } from '../scoring/score-evaluation.js';
import { renderTicketList } from './ticket-list.js';

const policy = presetPolicy('medium.zh-CN');
const evaluation = makeEvaluation(policy, [
  { id: 'E1', name: '张伟', role: 'agent', kpis: {} },
  { id: 'S1', name: '林强', role: 'supervisor', kpis: {} },
]);
const report = scoreEvaluation({ policy, policyFile: { path: 'p', sha256: '0' }, evaluation, resultDate: '2026-11-05', language: 'zh-CN', toolVersion: 't' });
const { plan } = evaluation;

/** A detail with the given contributions by KPI id (others did not count). */
function detail(ticket: string, row: number, values: Record<string, number>, appeal?: string): TicketDetail {
  const array = new Float64Array(plan.ticketMeasures.length).fill(NaN);
  for (const [id, x] of Object.entries(values)) array[plan.ticketMeasures.findIndex((m) => m.id === id)] = x;
  // Created 09:00 and resolved 12:30 on 8 October, Beijing time.
  return { person: 0, row, ticket, created: Date.UTC(2026, 9, 8, 1), resolved: Date.UTC(2026, 9, 8, 4, 30), values: array, ...(appeal ? { appeal } : {}) };
}

const rows = (csv: string) => csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');

describe('ticket list', () => {
  it('one column per own KPI, values as the employee checks them, appeals marked', () => {
    const csv = renderTicketList(
      report.staff[0]!,
      [
        detail('T1', 2, { response_sla_rate: 1, first_response_minutes: 12.5 * 60_000, csat: 1, tickets_resolved: 1, complaint_rate: 0 }),
        detail('=T2', 5, { response_sla_rate: 0, first_response_minutes: 95 * 60_000 }),
        detail('T3', 9, { tickets_resolved: 1, complaint_rate: 1 }, 'SS-1'),
        detail('T4', 11, { 'veto:x': 1 }),
        detail('-7', 12, { tickets_resolved: 1 }),
      ],
      plan,
      policy,
      'zh-CN',
    )!;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(rows(csv)).toEqual([
      '工单号,导出文件行号,创建时间,解决时间,响应及时率：按时响应（≤ 30 分钟）,首次响应时长：分钟,客户满意度：满意（评分 ≥ 4）,解决工单量,投诉率：投诉,备注',
      'T1,2,2026-10-08 09:00,2026-10-08 12:30,是,12.50,是,计入,否,',
      `"'=T2",5,2026-10-08 09:00,2026-10-08 12:30,否,95.00,,,,`,
      // Left out on appeal: not counted in any column, whatever it would have counted as.
      'T3,9,2026-10-08 09:00,2026-10-08 12:30,不计入,不计入,不计入,不计入,不计入,已按申诉 SS-1 剔除，不计入任何指标',
      // A number is not a formula: no apostrophe to show in the cell.
      '-7,12,2026-10-08 09:00,2026-10-08 12:30,,,,计入,,',
    ]);
  });

  it('working time says so in the duration column; English labels', () => {
    const business = presetPolicy('medium.en', (raw) => {
      (raw.evaluation as Record<string, unknown>).duration = 'business';
    });
    const enEvaluation = makeEvaluation(business, [{ id: 'E1', role: 'agent', kpis: {} }]);
    const enReport = scoreEvaluation({ policy: business, policyFile: { path: 'p', sha256: '0' }, evaluation: enEvaluation, resultDate: '2026-11-05', language: 'en', toolVersion: 't' });
    const csv = renderTicketList(enReport.staff[0]!, [], enEvaluation.plan, business, 'en')!;
    expect(rows(csv)[0]).toContain('First response time: working min');
    expect(rows(csv)[0]).toMatch(/^Ticket,Row in the export,/);
  });

  it('a supervisor whose KPIs are all the team’s has no list', () => {
    expect(renderTicketList(report.staff[1]!, [detail('T1', 2, { csat: 1 })], plan, policy, 'zh-CN')).toBeUndefined();
  });
});
