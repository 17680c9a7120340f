// End to end: `data_sources.tickets.profile: servicenow` alone reads a ServiceNow-like incident
// event log the test writes (ServiceNow's header, `?` for nulls, day-first dates, rows out of
// order), and the three example policies in examples/ validate and evaluate a small export with
// the headers of the real one each was written for. Every expected figure is worked out by
// hand in the comments (or by a plain formula over the rows the test writes).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-e2e-profiles-'));
const base = readFileSync(join(import.meta.dirname, 'fixtures', 'base-policy.yaml'), 'utf8');
const examples = join(ROOT, 'examples');

function aspm(...args: string[]) {
  return runMain(args, { env: { ...process.env, LANG: 'en_US.UTF-8' } });
}

interface Kpi {
  id: string;
  value: number | null;
  samples: number;
}

interface Report {
  staff: { name: string; kpis: Kpi[] }[];
  inputs: { columns: Record<string, string[]>; used: number }[];
}

function kpis(report: Report, name: string): Record<string, [number | null, number]> {
  const person = report.staff.find((s) => s.name === name);
  expect(person, name).toBeDefined();
  return Object.fromEntries(person!.kpis.map((k) => [k.id, [k.value, k.samples]]));
}

async function evaluate(policy: string, tickets: string, period: string, name: string, extra: string[] = []): Promise<Report> {
  const output = join(dir, `${name}.json`);
  const result = await aspm('evaluate', policy, '--tickets', tickets, '--period', period, '-o', output, ...extra);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(readFileSync(output, 'utf8')) as Report;
}

// ServiceNow's incident export header, as in its public event-log sample.
const SN_HEADER =
  'number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at';

type SnRow = Partial<Record<string, string>> & { number: string; incident_state: string; sys_mod_count: string; sys_updated_at: string; opened_at: string };

function snLine(row: SnRow): string {
  const defaults: Record<string, string> = { active: 'TRUE', reassignment_count: '0', reopen_count: '0', made_sla: 'TRUE', priority: '3 - Moderate', category: 'Category 1', assignment_group: 'Group 1' };
  return SN_HEADER.split(',')
    .map((h) => row[h] ?? defaults[h] ?? '?')
    .join(',');
}

// INC1: New at 08:05, Active (Ann) at 08:30, on hold 09:00–10:00, resolved by Bob at 12:00.
// INC2: New → Resolved directly (16:00), resolved_at left `?`, closed_at the next day 10:00.
// INC3: Cara answers at 09:10 and resolves at 11:00; reopened once.
// Listed out of order: sys_mod_count orders them.
const SN_ROWS: SnRow[] = [
  { number: 'INC1', incident_state: 'Active', sys_mod_count: '3', sys_updated_at: '01-03-2016 10:00', opened_at: '01-03-2016 08:00', assigned_to: 'Ann' },
  { number: 'INC1', incident_state: 'New', sys_mod_count: '0', sys_updated_at: '01-03-2016 08:05', opened_at: '01-03-2016 08:00' },
  { number: 'INC1', incident_state: 'Resolved', sys_mod_count: '4', sys_updated_at: '01-03-2016 12:00', opened_at: '01-03-2016 08:00', assigned_to: 'Ann', resolved_by: 'Bob', resolved_at: '01-03-2016 12:00' },
  { number: 'INC1', incident_state: 'Active', sys_mod_count: '1', sys_updated_at: '01-03-2016 08:30', opened_at: '01-03-2016 08:00', assigned_to: 'Ann' },
  { number: 'INC1', incident_state: 'Awaiting User Info', sys_mod_count: '2', sys_updated_at: '01-03-2016 09:00', opened_at: '01-03-2016 08:00', assigned_to: 'Ann' },
  { number: 'INC2', incident_state: 'New', sys_mod_count: '0', sys_updated_at: '02-03-2016 10:00', opened_at: '02-03-2016 10:00' },
  { number: 'INC2', incident_state: 'Closed', sys_mod_count: '2', sys_updated_at: '03-03-2016 10:00', opened_at: '02-03-2016 10:00', assigned_to: 'Ann', resolved_by: 'Bob', closed_at: '03-03-2016 10:00' },
  { number: 'INC2', incident_state: 'Resolved', sys_mod_count: '1', sys_updated_at: '02-03-2016 16:00', opened_at: '02-03-2016 10:00', assigned_to: 'Ann', resolved_by: 'Bob' },
  { number: 'INC3', incident_state: 'New', sys_mod_count: '0', sys_updated_at: '04-03-2016 09:00', opened_at: '04-03-2016 09:00' },
  { number: 'INC3', incident_state: 'Active', sys_mod_count: '1', sys_updated_at: '04-03-2016 09:10', opened_at: '04-03-2016 09:00', assigned_to: 'Cara' },
  { number: 'INC3', incident_state: 'Resolved', sys_mod_count: '2', sys_updated_at: '04-03-2016 11:00', opened_at: '04-03-2016 09:00', assigned_to: 'Cara', resolved_by: 'Cara', resolved_at: '04-03-2016 11:00', reopen_count: '1' },
];

const snLog = join(dir, 'incident_event_log.csv');
writeFileSync(snLog, [SN_HEADER, ...SN_ROWS.map(snLine)].join('\n') + '\n');
// For the example, whose KPIs need 3 incidents: INC4, Ann's, answered at 08:20, resolved by her at 14:00.
const snLog4 = join(dir, 'incident_event_log_4.csv');
const INC4: SnRow[] = [
  { number: 'INC4', incident_state: 'New', sys_mod_count: '0', sys_updated_at: '05-03-2016 08:00', opened_at: '05-03-2016 08:00' },
  { number: 'INC4', incident_state: 'Active', sys_mod_count: '1', sys_updated_at: '05-03-2016 08:20', opened_at: '05-03-2016 08:00', assigned_to: 'Ann' },
  { number: 'INC4', incident_state: 'Resolved', sys_mod_count: '2', sys_updated_at: '05-03-2016 14:00', opened_at: '05-03-2016 08:00', assigned_to: 'Ann', resolved_by: 'Ann', resolved_at: '05-03-2016 14:00' },
];
writeFileSync(snLog4, [SN_HEADER, ...[...SN_ROWS, ...INC4].map(snLine)].join('\n') + '\n');

const KPIS = `kpis:
  - id: first_response_minutes
    name: 首次响应时长
    definition: 创建到首次响应。
    formula: 响应时长之和 ÷ 工单数
    unit: minutes
    direction: lower
    target: 30
    floor: 600
  - id: resolution_hours
    name: 平均解决时长
    definition: 平均解决时长。
    formula: 解决时长之和 ÷ 工单数
    unit: hours
    direction: lower
    target: 4
    floor: 48
  - id: first_time_fix_rate
    name: 一次解决率
    definition: 未重开的比例。
    formula: 未重开工单数 ÷ 解决工单数 × 100%
    unit: percent
    direction: higher
    target: 90
    floor: 50
  - id: tickets_resolved
    name: 解决工单数
    definition: 解决的工单数。
    formula: 解决工单数
    unit: count
    direction: higher
    target: 10
    floor: 0
roles:
  - id: agent
    name: 客服专员
    quantitative_share: 70
    kpis:
      - { kpi: first_response_minutes, weight: 25 }
      - { kpi: resolution_hours, weight: 25 }
      - { kpi: first_time_fix_rate, weight: 25 }
      - { kpi: tickets_resolved, weight: 25 }
`;

function snPolicy(tickets: string): string {
  const start = base.indexOf('kpis:');
  const end = base.indexOf('qualitative:');
  return (base.slice(0, start) + KPIS + base.slice(end)).replace('  size: small\n', '  size: small\n  timezone: UTC\n') + 'data_sources:\n  tickets:\n' + tickets;
}

describe('data_sources.tickets.profile: servicenow', () => {
  it('reads an incident event log with nothing but the profile', async () => {
    const policy = join(dir, 'servicenow.yaml');
    writeFileSync(policy, snPolicy('    profile: servicenow\n'));
    const report = await evaluate(policy, snLog, '2016-03', 'servicenow');
    // Response KPIs credit the assignee (no responder is mapped); the others resolved_by.
    // Ann: INC1 08:00 → 08:30 (the first row out of New, not the New row at 08:05) = 30 min;
    // INC2 10:00 → 16:00 (New straight to Resolved) = 360 min: mean 195.
    expect(kpis(report, 'Ann')).toEqual({ first_response_minutes: [195, 2], resolution_hours: [null, 0], first_time_fix_rate: [null, 0], tickets_resolved: [0, 0] });
    // Bob resolved INC1: 08:00 → 12:00 less 09:00–10:00 awaiting the user = 3 h; and INC2, whose
    // resolved_at is `?`: closed_at 3 March 10:00, 24 h after it was opened. Mean 13.5 h; neither reopened.
    expect(kpis(report, 'Bob')).toEqual({ first_response_minutes: [null, 0], resolution_hours: [13.5, 2], first_time_fix_rate: [100, 2], tickets_resolved: [2, 2] });
    // Cara: answered at 09:10 (10 min), resolved at 11:00 (2 h), reopened once.
    expect(kpis(report, 'Cara')).toEqual({ first_response_minutes: [10, 1], resolution_hours: [2, 1], first_time_fix_rate: [0, 1], tickets_resolved: [1, 1] });
    // What was read, as the profile maps it.
    expect(report.inputs[0]!.columns).toMatchObject({
      ticket_id: ['number'],
      created_at: ['opened_at'],
      resolved_at: ['resolved_at', '| closed_at'],
      staff_name: ['assigned_to'],
      resolver_name: ['resolved_by'],
      reopened: ['reopen_count'],
      first_response_at: ['events.first_response_at'],
      on_hold: ['events.on_hold'],
    });
  });

  it("lets the policy's own keys win over the profile's, key by key", async () => {
    // resolved_at without the fallback to closed_at: INC2 stays unresolved; the rest is the profile's.
    const policy = join(dir, 'servicenow-own.yaml');
    writeFileSync(policy, snPolicy('    profile: servicenow\n    columns: { resolved_at: resolved_at }\n'));
    const report = await evaluate(policy, snLog, '2016-03', 'servicenow-own');
    expect(kpis(report, 'Bob')).toMatchObject({ resolution_hours: [3, 1], tickets_resolved: [1, 1] });
    expect(report.inputs[0]!.columns).toMatchObject({ resolved_at: ['resolved_at'], resolver_name: ['resolved_by'] });
  });

  it('refuses a profile it does not know, at its line', async () => {
    const policy = join(dir, 'unknown-profile.yaml');
    const text = snPolicy('    profile: jira\n');
    writeFileSync(policy, text);
    const result = await aspm('validate', policy);
    expect(result.status).not.toBe(0);
    const line = text.split('\n').indexOf('    profile: jira') + 1;
    expect(result.stderr + result.stdout).toContain(`${policy}:${line}:`);
  });
});

describe('the example policies for real exports', () => {
  it('each validates', async () => {
    for (const file of ['servicenow-incidents.policy.yaml', 'call-centre.policy.yaml', 'field-service-work-orders.policy.yaml']) {
      const result = await aspm('validate', join(examples, file));
      expect(result.status, result.stderr).toBe(0);
    }
  });

  it("servicenow-incidents: the policy document says the resolution clock stops on hold, as the profile's event log reads it", async () => {
    const output = join(dir, 'servicenow-policy.md');
    const result = await aspm('render', join(examples, 'servicenow-incidents.policy.yaml'), '-o', output);
    expect(result.status, result.stderr).toBe(0);
    // As read: Markdown's escapes (incident\_state) and line breaks taken out.
    const text = readFileSync(output, 'utf8').replace(/\\_/g, '_').replace(/\s+/g, ' ');
    expect(text).toContain('Resolution time and Resolved within 3 days exclude time on hold');
    expect(text).toContain('the spells a ticket spent on hold (incident_state is one of "On Hold", "Awaiting User Info", "Awaiting Caller"');
    expect(text).toContain('timed by the "sys_updated_at" column');
  });

  it('servicenow-incidents: the profile, every KPI credited to the assignee', async () => {
    const report = await evaluate(join(examples, 'servicenow-incidents.policy.yaml'), snLog4, '2016-03', 'ex-servicenow');
    // Ann is INC1's, INC2's and INC4's assignee: responses 30, 360 and 20 min; resolutions
    // 3 h, 24 h and 6 h, all within 72 h, none reopened.
    const ann = kpis(report, 'Ann');
    expect(ann.first_response_minutes![0]).toBeCloseTo(410 / 3, 10);
    expect(ann).toMatchObject({
      first_response_minutes: [expect.any(Number), 3],
      resolution_hours: [11, 3],
      resolution_sla_rate: [100, 3],
      first_time_fix_rate: [100, 3],
      tickets_resolved: [3, 3],
    });
  });

  it('call-centre: first response = Date + Time + speed of answer, talk time in minutes, answered in 20 s, CSAT', async () => {
    // 32 calls by Ann on 2021-01-04, one every 10 minutes from 09:00; every fourth unanswered.
    const calls = Array.from({ length: 32 }, (_, i) => {
      const answered = i % 4 !== 3;
      const minute = 9 * 60 + i * 10;
      const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
      const talk = 120 + 10 * i; // seconds
      const clock = `0:${String(Math.floor(talk / 60)).padStart(2, '0')}:${String(talk % 60).padStart(2, '0')}`;
      return { i, answered, time, speed: 5 + 2 * i, talk, clock, rating: (i % 5) + 1 };
    });
    const lines = calls.map((c) =>
      [`ID${c.i + 1}`, 'Ann', '2021-01-04', c.time, 'Billing', c.answered ? 'Y' : 'N', c.answered ? 'Y' : 'N', c.answered ? c.speed : '', c.answered ? c.clock : '', c.answered ? c.rating : ''].join(','),
    );
    const file = join(dir, 'calls.csv');
    writeFileSync(file, ['Call Id,Agent,Date,Time,Topic,Answered (Y/N),Resolved,Speed of answer in seconds,AvgTalkDuration,Satisfaction rating', ...lines].join('\n') + '\n');
    const report = await evaluate(join(examples, 'call-centre.policy.yaml'), file, '2021-01', 'ex-calls');
    const answered = calls.filter((c) => c.answered);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const got = kpis(report, 'Ann');
    expect(got.first_response_minutes![0]).toBeCloseTo(mean(answered.map((c) => c.speed)) / 60, 10);
    expect(got.first_response_minutes![1]).toBe(24);
    // speed 5 + 2i ≤ 20 for i ≤ 7: calls 0, 1, 2, 4, 5, 6 answered (3 and 7 were not): 6 of 24.
    expect(got.answered_in_20s).toEqual([(6 / 24) * 100, 24]);
    expect(got.talk_minutes![0]).toBeCloseTo(mean(answered.map((c) => c.talk)) / 60, 10);
    expect(got.csat).toEqual([(answered.filter((c) => c.rating >= 4).length / 24) * 100, 24]);
  });

  it('field-service-work-orders: the lead technician, ReqDate → WorkDate, cost and labour per order', async () => {
    // Six orders led by Khan completed in March 2025 (Techs is a count of technicians, not names);
    // one still open (no WorkDate), one by Lopez.
    const orders = [
      ['WO1', 'Khan', '2025-03-01', '2025-03-03', 2, 100, 0.5],
      ['WO2', 'Khan', '2025-03-02', '2025-03-03', 1, 200, 1],
      ['WO3', 'Khan', '2025-03-05', '2025-03-10', 3, 300, 1.5],
      ['WO4', 'Khan', '2025-02-27', '2025-03-04', 1, 50, 0.25],
      ['WO5', 'Khan', '2025-03-10', '2025-03-11', 2, 150, 0.75],
      ['WO6', 'Khan', '2025-03-12', '2025-03-14', 1, 400, 2],
      ['WO7', 'Khan', '2025-03-20', '', 1, 0, 0],
      ['WO8', 'Lopez', '2025-03-01', '2025-03-02', 2, 120, 1],
    ] as const;
    const file = join(dir, 'workorders.csv');
    writeFileSync(
      file,
      ['WO,District,LeadTech,Service,Rush,ReqDate,WorkDate,Techs,LbrHrs,PartsCost,TotalCost', ...orders.map(([wo, lead, req, work, techs, cost, hrs]) => `${wo},North,${lead},Repair,No,${req},${work},${techs},${hrs},0,${cost}`)].join('\n') + '\n',
    );
    const report = await evaluate(join(examples, 'field-service-work-orders.policy.yaml'), file, '2025-03', 'ex-workorders');
    // Days from request to work: 2, 1, 5, 5, 1, 2 = 16 days over 6 orders = 64 h each.
    // Cost (100 + 200 + 300 + 50 + 150 + 400) / 6 = 200; labour (0.5 + 1 + 1.5 + 0.25 + 0.75 + 2) / 6 = 1.
    expect(kpis(report, 'Khan')).toEqual({ resolution_hours: [64, 6], tickets_resolved: [6, 6], cost_per_order: [200, 6], labour_hours: [1, 6] });
  });
});
