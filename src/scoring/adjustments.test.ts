// Approved appeal adjustments: each kind applied before scoring and listed in the report,
// and each problem — in the file itself or in what it refers to — an error with its exact
// code and `file:line:col`, so that nothing is written.
import { describe, expect, it } from 'vitest';
import { makeEvaluation, presetPolicy, type RatingInput } from '../../test/helpers/scoring-fixtures.js';
import { AspmError } from '../errors.js';
import { planEvaluation } from '../evaluate/kpi-plan.js';
import { formatDiagnostic } from '../i18n/format-diagnostic.js';
import { parseAdjustmentsBytes, type LoadedAdjustments } from './adjustments.js';
import { scoreEvaluation } from './score-evaluation.js';

const policy = presetPolicy('medium.zh-CN');
const FILE = 'adjustments.yaml';

function load(text: string, periodId = '2026-10', months: string[] = []) {
  return parseAdjustmentsBytes(new TextEncoder().encode(text), FILE, { policy, periodId, months });
}

function loaded(text: string, periodId = '2026-10', months: string[] = []): LoadedAdjustments {
  const result = load(text, periodId, months);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n'));
  return { file: FILE, items: result.value.adjustments, source: result.source };
}

const decision = (n: number) => `    appeal: SS-2026-0${n}\n    reason: 客户原因导致延误\n    approved_by: 绩效申诉小组\n    approved_on: 2026-11-10\n`;

const agent = { response_sla_rate: 90, first_response_minutes: 40, csat: { value: 91, samples: 8, status: 'insufficient' as const }, tickets_resolved: 120, complaint_rate: 1 };
const ratings: RatingInput[] = [
  { staff: 'E1', type: 'supervisor', rater: 'S1', item: 'service_attitude', score: 2 },
  { staff: 'E1', type: 'peer', rater: 'E2', item: 'teamwork', score: 4 },
  { staff: 'E1', type: 'peer', rater: 'E3', item: 'teamwork', score: 3 },
];
const people = [
  { id: 'E1', name: '张伟', role: 'agent', kpis: agent },
  { id: 'E2', name: '李娜', role: 'agent', kpis: agent },
  { id: 'E3', name: '王芳', role: 'agent', kpis: agent },
];
const measure = (id: string) => planEvaluation(policy).ticketMeasures.findIndex((m) => m.id === id);
const excluded = [
  { ticket: 'T100', appeal: 'SS-2026-01', row: 7, person: 0, team: '一组', hits: [{ measure: measure('response_sla_rate'), slice: -1 }, { measure: measure('first_time_fix_rate'), slice: -1 }, { measure: measure('csat'), slice: -1 }], created: Date.UTC(2026, 9, 3, 1), resolved: Date.UTC(2026, 9, 3, 6), inPeriod: true },
  // In the export but created and resolved in June (10:05 and 15:30 in Shanghai): no KPI of October has it.
  { ticket: 'T200', appeal: 'SS-2026-09', row: 8, person: 0, team: '一组', hits: [], created: Date.UTC(2026, 5, 28, 2, 5), resolved: Date.UTC(2026, 5, 30, 7, 30), inPeriod: false },
  // In October, but it would only have fed the technicians' first-time fix rate: none of an agent's KPIs.
  { ticket: 'T300', appeal: 'SS-2026-10', row: 9, person: 0, team: '一组', hits: [{ measure: measure('first_time_fix_rate'), slice: -1 }], created: Date.UTC(2026, 9, 5, 1), resolved: Date.UTC(2026, 9, 5, 6), inPeriod: true },
];

function score(text: string) {
  const evaluation = makeEvaluation(policy, people, { ratings, excluded });
  return scoreEvaluation({ policy, policyFile: { path: 'p.yaml', sha256: '0' }, evaluation, adjustments: loaded(text), resultDate: '2026-11-05', language: 'zh-CN', toolVersion: 't' });
}

function referenceErrors(text: string): string[] {
  try {
    score(text);
  } catch (error) {
    if (!(error instanceof AspmError)) throw error;
    expect(error.code).toBe('adjustments-invalid');
    return error.diagnostics.map((d) => `${d.location?.line}:${d.location?.col} ${d.code}`);
  }
  throw new Error('no error');
}

describe('applying adjustments', () => {
  it('override_kpi replaces the value (an insufficient KPI becomes scored) and keeps the original', () => {
    const report = score(`version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E1\n    kpi: csat\n    value: 95\n${decision(2)}`);
    const csat = report.staff[0]!.kpis.find((k) => k.id === 'csat')!;
    expect(csat).toMatchObject({ value: 95, status: 'ok', score: 100, scored_as: 'value', adjusted: { appeal: 'SS-2026-02', month: null, original: { value: 91, samples: 8, status: 'insufficient' } } });
    expect(report.staff[1]!.kpis.find((k) => k.id === 'csat')!.scored_as).toBe('left_out');
    expect(report.adjustments).toEqual([
      { appeal: 'SS-2026-02', staff_id: 'E1', staff_name: '张伟', reason: '客户原因导致延误', approved_by: '绩效申诉小组', approved_on: '2026-11-10', kind: 'override_kpi', kpi: 'csat', value: 95, original_value: 91 },
    ]);
    expect(report.staff[0]!.adjustments).toEqual(report.adjustments);
  });

  it('override_rating replaces one rating and records the original score', () => {
    const report = score(`version: 1\nadjustments:\n  - kind: override_rating\n    staff_id: E1\n    rater_type: supervisor\n    item: 服务态度\n    score: 4\n${decision(3)}`);
    const supervisor = report.staff[0]!.qualitative.raters.find((r) => r.type === 'supervisor')!;
    expect(supervisor.items[0]).toMatchObject({ id: 'service_attitude', mean: 4 });
    expect(report.adjustments[0]).toMatchObject({ kind: 'override_rating', rater_type: 'supervisor', item: 'service_attitude', score: 4, original_score: 2 });
  });

  // T100 would also have fed the technicians' first-time fix rate: an agent is not measured on it.
  it('exclude_ticket is matched to the ticket the pass left out and names the KPIs of the person it left', () => {
    const report = score(`version: 1\nadjustments:\n  - kind: exclude_ticket\n    staff_id: E1\n    ticket_id: T100\n${decision(1)}`);
    expect(report.adjustments[0]).toMatchObject({ kind: 'exclude_ticket', ticket_id: 'T100', kpis: ['响应及时率', '客户满意度'] });
    const kpis = report.staff[0]!.kpis;
    expect(kpis.find((k) => k.id === 'response_sla_rate')!.excluded).toEqual([{ ticket: 'T100', appeal: 'SS-2026-01' }]);
    expect(kpis.find((k) => k.id === 'tickets_resolved')!.excluded).toEqual([]);
    expect(report.staff[1]!.kpis.every((k) => k.excluded.length === 0)).toBe(true);
  });

  it('ids may be written as numbers', () => {
    const result = load(`version: 1\nadjustments:\n  - kind: exclude_ticket\n    staff_id: 10023\n    ticket_id: 4500012\n${decision(1)}`);
    expect(result.ok && result.value.adjustments[0]).toMatchObject({ staff_id: '10023', ticket_id: '4500012' });
  });
});

describe('errors in the file itself: exact code and position', () => {
  it.each([
    ['a KPI the policy lacks', `version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E1\n    kpi: speed\n    value: 9\n${decision(1)}`, ['5:10 adjustment-unknown-kpi']],
    ['an item the policy lacks', `version: 1\nadjustments:\n  - kind: override_rating\n    staff_id: E1\n    rater_type: peer\n    item: 颜值\n    score: 4\n${decision(1)}`, ['6:11 adjustment-unknown-item']],
    ['a score off the scale', `version: 1\nadjustments:\n  - kind: override_rating\n    staff_id: E1\n    rater_type: peer\n    item: teamwork\n    score: 6\n${decision(1)}`, ['7:12 adjustment-score-outside-scale']],
    ['the same ticket twice', `version: 1\nadjustments:\n  - kind: exclude_ticket\n    staff_id: E1\n    ticket_id: T1\n${decision(1)}  - kind: exclude_ticket\n    staff_id: E1\n    ticket_id: T1\n${decision(2)}`, ['10:11 adjustment-duplicate']],
    ['another period', `version: 1\nperiod: 2026-09\nadjustments: []\n`, ['2:9 adjustments-period-mismatch']],
    ['a missing approver', `version: 1\nadjustments:\n  - kind: exclude_ticket\n    staff_id: E1\n    ticket_id: T1\n    appeal: A\n    reason: r\n    approved_on: 2026-11-10\n`, ['3:5 missing-property']],
    ['a percentage above 100', `version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E1\n    kpi: csat\n    value: 150\n${decision(1)}`, ['6:12 adjustment-value-not-percent']],
    ['a negative percentage', `version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E1\n    kpi: response_sla_rate\n    value: -0.5\n${decision(1)}`, ['6:12 adjustment-value-not-percent']],
    ['a negative time', `version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E1\n    kpi: first_response_minutes\n    value: -3\n${decision(1)}`, ['6:12 adjustment-value-negative']],
    ['a negative count', `version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E1\n    kpi: tickets_resolved\n    value: -1\n${decision(1)}`, ['6:12 adjustment-value-negative']],
    ['a year written as a number, for another year', `version: 1\nperiod: 2025\nadjustments: []\n`, ['2:9 adjustments-period-mismatch']],
    ['an unknown kind', `version: 1\nadjustments:\n  - kind: forgive\n    staff_id: E1\n`, ['3:11 not-allowed-value']],
  ])('%s', (_name, text, expected) => {
    const result = load(text);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => `${d.location?.line}:${d.location?.col} ${d.code}`)).toEqual(expected);
    expect(result.diagnostics.every((d) => d.location?.file === FILE)).toBe(true);
  });

  it('the bounds themselves are fine: 0 and 100 for a percentage, 0 and anything above for others', () => {
    for (const [kpi, value] of [['csat', 100], ['csat', 0], ['complaint_rate', 0], ['first_response_minutes', 0], ['tickets_resolved', 250]] as const) {
      expect(load(`version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E1\n    kpi: ${kpi}\n    value: ${value}\n${decision(1)}`).diagnostics).toEqual([]);
    }
    const result = load(`version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E1\n    kpi: csat\n    value: 150\n${decision(1)}`);
    expect(result.diagnostics.map((d) => formatDiagnostic(d, 'zh-CN'))).toEqual(['adjustments.yaml:6:12: adjustment-value-not-percent: “客户满意度”是百分比指标，更正值须在 0 到 100 之间，这里是 150。']);
  });

  it('a year may be written bare (YAML reads period: 2026 as a number) and is read as the text 2026', () => {
    const result = load(`version: 1\nperiod: 2026\nadjustments: []\n`, '2026');
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.period).toBe('2026');
  });

  it('a quarter that averages its months needs the month of a KPI correction', () => {
    const text = `version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E1\n    kpi: csat\n    value: 95\n${decision(1)}`;
    const result = load(text, '2026-Q4', ['2026-10', '2026-11', '2026-12']);
    expect(result.diagnostics.map((d) => `${d.location?.line}:${d.location?.col} ${d.code}`)).toEqual(['3:11 adjustment-month-required']);
    const outside = load(text.replace('value: 95', 'value: 95\n    month: 2026-09'), '2026-Q4', ['2026-10', '2026-11', '2026-12']);
    expect(outside.diagnostics.map((d) => `${d.location?.line}:${d.location?.col} ${d.code}`)).toEqual(['7:12 adjustment-month-outside']);
  });
});

describe('errors in what the file refers to: found after reading, before writing', () => {
  it.each([
    ['a person not on the roster', `version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E9\n    kpi: csat\n    value: 95\n${decision(1)}`, ['4:15 adjustment-unknown-staff']],
    ['a ticket not in the export', `version: 1\nadjustments:\n  - kind: exclude_ticket\n    staff_id: E1\n    ticket_id: T999\n${decision(1)}`, ['5:16 adjustment-unknown-ticket']],
    ['a ticket of another period', `version: 1\nadjustments:\n  - kind: exclude_ticket\n    staff_id: E1\n    ticket_id: T200\n${decision(1)}`, ['5:16 adjustment-ticket-outside-period']],
    ['a ticket that counts for none of the person’s KPIs', `version: 1\nadjustments:\n  - kind: exclude_ticket\n    staff_id: E1\n    ticket_id: T300\n${decision(1)}`, ['5:16 adjustment-ticket-not-counted']],
    ['a ticket someone else handled', `version: 1\nadjustments:\n  - kind: exclude_ticket\n    staff_id: E2\n    ticket_id: T100\n${decision(1)}`, ['4:15 adjustment-ticket-other-staff']],
    ['a KPI not in the person’s role', `version: 1\nadjustments:\n  - kind: override_kpi\n    staff_id: E1\n    kpi: reopen_rate\n    value: 1\n${decision(1)}`, ['5:10 adjustment-kpi-not-in-role']],
    ['a rating nobody gave', `version: 1\nadjustments:\n  - kind: override_rating\n    staff_id: E1\n    rater_type: customer\n    item: teamwork\n    score: 4\n${decision(1)}`, ['6:11 adjustment-unknown-rating']],
    ['a rating among several without rater_id', `version: 1\nadjustments:\n  - kind: override_rating\n    staff_id: E1\n    rater_type: peer\n    item: teamwork\n    score: 4\n${decision(1)}`, ['5:17 adjustment-rating-ambiguous']],
  ])('%s', (_name, text, expected) => {
    expect(referenceErrors(text)).toEqual(expected);
  });

  it('a ticket that counts for none of the person’s KPIs is refused, not listed as left out of no KPI', () => {
    const error = (() => {
      try {
        score(`version: 1\nadjustments:\n  - kind: exclude_ticket\n    staff_id: E1\n    ticket_id: T300\n${decision(1)}`);
      } catch (e) {
        return e as AspmError;
      }
      throw new Error('no error');
    })();
    expect(formatDiagnostic(error.diagnostics[0]!, 'zh-CN')).toBe(
      'adjustments.yaml:5:16: adjustment-ticket-not-counted: 工单“T300”在考核期 2026-10 不计入 E1 张伟 的任何指标（例如到期末尚未解决），剔除它不会改变其本期结果。请核对工单号和工号。',
    );
    expect(formatDiagnostic(error.diagnostics[0]!, 'en')).toContain('The ticket "T300" counts for none of the KPIs of E1 张伟 in the period 2026-10');
  });

  it('a ticket outside the period is refused with its dates and the period’s, not listed as an appeal that changed nothing', () => {
    const text = `version: 1\nadjustments:\n  - kind: exclude_ticket\n    staff_id: E1\n    ticket_id: T200\n${decision(1)}`;
    const error = (() => {
      try {
        score(text);
      } catch (e) {
        return e as AspmError;
      }
      throw new Error('no error');
    })();
    expect(formatDiagnostic(error.diagnostics[0]!, 'zh-CN')).toBe(
      'adjustments.yaml:5:16: adjustment-ticket-outside-period: 工单“T200”创建于 2026-06-28 10:05、解决于 2026-06-30 15:30，不在考核期 2026-10（2026-10-01 至 2026-10-31）内，剔除它不会改变本期结果。请核对工单号，或把这项调整放入该工单所属考核期的调整文件。',
    );
    expect(formatDiagnostic(error.diagnostics[0]!, 'en')).toBe(
      'adjustments.yaml:5:16: adjustment-ticket-outside-period: The ticket "T200" (created 2026-06-28 10:05, resolved 2026-06-30 15:30) is outside the period 2026-10 (2026-10-01 to 2026-10-31), so leaving it out would change nothing. Check the ticket id, or put this adjustment in the adjustments file of the ticket\'s own period.',
    );
  });

  it('reports every bad reference at once, in file order, with a message that names it', () => {
    const text = `version: 1\nadjustments:\n  - kind: exclude_ticket\n    staff_id: E1\n    ticket_id: T999\n${decision(1)}  - kind: override_kpi\n    staff_id: E9\n    kpi: csat\n    value: 95\n${decision(2)}`;
    expect(referenceErrors(text)).toEqual(['5:16 adjustment-unknown-ticket', '11:15 adjustment-unknown-staff']);
    try {
      score(text);
    } catch (error) {
      const e = error as AspmError;
      expect(formatDiagnostic(e.diagnostics[0]!, 'zh-CN')).toBe('adjustments.yaml:5:16: adjustment-unknown-ticket: 工单文件中没有工单“T999”。请核对工单号。');
      expect(formatDiagnostic(e.diagnostics[1]!, 'en')).toBe('adjustments.yaml:11:15: adjustment-unknown-staff: No one with staff id "E9" is on the roster.');
    }
  });
});
