// End to end: `aspm evaluate` on a small ServiceNow-like event log (a row per update, `?`
// for nulls, day-first dates, rows out of order), with first response from the first
// Active row, resolution from the last row, and on-hold seconds from the state changes.
// Every expected figure is worked out by hand from the log below.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './helpers/run-main.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-e2e-events-'));
const base = readFileSync(join(import.meta.dirname, 'fixtures', 'base-policy.yaml'), 'utf8');

const HEAD = 'number,incident_state,active,sys_mod_count,sys_updated_at,assigned_to,opened_at,resolved_at,closed_at';
// [row in the file] number, state, count, updated, assignee, opened, resolved — listed out of order on purpose.
const LOG = [
  /* 2 */ 'INC01,Active,TRUE,3,01-03-2016 11:30,Resolver 1,01-03-2016 08:00,?,?',
  /* 3 */ 'INC02,New,TRUE,0,02-03-2016 10:00,?,02-03-2016 10:00,?,?',
  /* 4 */ 'INC01,New,TRUE,0,01-03-2016 08:05,?,01-03-2016 08:00,?,?',
  /* 5 */ 'INC01,Awaiting User Info,TRUE,2,01-03-2016 09:00,Resolver 1,01-03-2016 08:00,?,?',
  /* 6 */ 'INC01,Closed,FALSE,5,06-03-2016 14:00,Resolver 1,01-03-2016 08:00,01-03-2016 14:00,06-03-2016 14:00',
  /* 7 */ 'INC01,Active,TRUE,1,01-03-2016 08:20,Resolver 1,01-03-2016 08:00,?,?',
  /* 8 */ 'INC01,Resolved,TRUE,4,01-03-2016 14:00,Resolver 1,01-03-2016 08:00,01-03-2016 14:00,?',
  /* 9 */ 'INC02,Resolved,TRUE,2,02-03-2016 20:00,Resolver 1,02-03-2016 10:00,02-03-2016 20:00,?',
  /* 10 */ 'INC02,Active,TRUE,1,02-03-2016 10:40,Resolver 1,02-03-2016 10:00,?,?',
  // Opened in February: its response is February's, its resolution March's.
  /* 11 */ 'INC03,Resolved,TRUE,4,01-03-2016 05:00,Resolver 2,29-02-2016 23:00,01-03-2016 05:00,?',
  /* 12 */ 'INC03,Awaiting User Info,TRUE,3,01-03-2016 04:00,Resolver 2,29-02-2016 23:00,?,?',
  /* 13 */ 'INC03,Active,TRUE,2,01-03-2016 03:00,Resolver 2,29-02-2016 23:00,?,?',
  /* 14 */ 'INC03,Awaiting Vendor,TRUE,1,01-03-2016 01:00,Resolver 2,29-02-2016 23:00,?,?',
  /* 15 */ 'INC03,New,TRUE,0,29-02-2016 23:10,?,29-02-2016 23:00,?,?',
  // Still open, and on hold again at its last row.
  /* 16 */ 'INC04,New,TRUE,0,03-03-2016 09:00,?,03-03-2016 09:00,?,?',
  /* 17 */ 'INC04,Active,TRUE,1,03-03-2016 09:15,Resolver 2,03-03-2016 09:00,?,?',
  /* 18 */ 'INC04,Awaiting User Info,TRUE,2,03-03-2016 10:00,Resolver 2,03-03-2016 09:00,?,?',
  /* 19 */ 'INC04,Active,TRUE,3,03-03-2016 10:30,Resolver 2,03-03-2016 09:00,?,?',
  /* 20 */ 'INC04,Awaiting Vendor,TRUE,4,03-03-2016 11:00,Resolver 2,03-03-2016 09:00,?,?',
  // Never Active: no first response.
  /* 21 */ 'INC05,Resolved,TRUE,1,04-03-2016 13:30,Resolver 2,04-03-2016 12:00,04-03-2016 13:30,?',
  /* 22 */ 'INC05,New,TRUE,0,04-03-2016 12:00,?,04-03-2016 12:00,?,?',
  // Its Active row's update time is impossible (31 February): warned at row 24, where it is.
  /* 23 */ 'INC06,New,TRUE,0,05-03-2016 08:00,?,05-03-2016 08:00,?,?',
  /* 24 */ 'INC06,Active,TRUE,1,31-02-2016 10:00,Resolver 1,05-03-2016 08:00,?,?',
  /* 25 */ 'INC06,Resolved,TRUE,2,05-03-2016 12:00,Resolver 1,05-03-2016 08:00,05-03-2016 12:00,?',
];

const KPIS = `kpis:
  - id: first_response_minutes
    name: 首次响应时长
    definition: 创建到首次响应。
    formula: 响应时长之和 ÷ 工单数
    unit: minutes
    direction: lower
    target: 30
    floor: 120
  - id: resolution_hours
    name: 平均解决时长
    definition: 平均解决时长。
    formula: 解决时长之和 ÷ 工单数
    unit: hours
    direction: lower
    target: 24
    floor: 72
  - id: hold_created
    name: 挂起秒数（按创建）
    definition: 挂起秒数之和。
    formula: 挂起秒数之和
    unit: seconds
    direction: lower
    target: 0
    floor: 100000
    placed_by: created_at
    compute: { from: tickets, aggregate: sum, field: on_hold }
  - id: hold_resolved
    name: 挂起秒数（按解决）
    definition: 挂起秒数之和。
    formula: 挂起秒数之和
    unit: seconds
    direction: lower
    target: 0
    floor: 100000
    placed_by: resolved_at
    compute: { from: tickets, aggregate: sum, field: on_hold }
roles:
  - id: agent
    name: 客服专员
    quantitative_share: 70
    kpis:
      - { kpi: first_response_minutes, weight: 25 }
      - { kpi: resolution_hours, weight: 25 }
      - { kpi: hold_created, weight: 25 }
      - { kpi: hold_resolved, weight: 25 }
`;

const EVENTS = `data_sources:
  tickets:
    columns: { ticket_id: number, staff_name: assigned_to, created_at: opened_at, resolved_at: resolved_at }
    events:
      order_by: sys_mod_count
      fields:
        first_response_at: { first_when: [{ field: incident_state, equals: Active }], value: sys_updated_at }
      on_hold_when: [{ field: incident_state, in: [Awaiting User Info, Awaiting Vendor] }]
      at: sys_updated_at
`;

function policyText(events = EVENTS): string {
  const start = base.indexOf('kpis:');
  const end = base.indexOf('qualitative:');
  return (base.slice(0, start) + KPIS + base.slice(end)).replace('  size: small\n', '  size: small\n  timezone: UTC\n') + events;
}

const logPath = join(dir, 'incident_event_log.csv');
const policyPath = join(dir, 'policy.yaml');

function aspm(...args: string[]) {
  return runMain(args, { env: { ...process.env, LANG: 'en_US.UTF-8' } });
}

beforeAll(() => {
  writeFileSync(logPath, [HEAD, ...LOG].join('\n') + '\n');
  writeFileSync(policyPath, policyText());
});

interface Kpi {
  id: string;
  value: number | null;
  samples: number;
}

describe('aspm evaluate on an event log', () => {
  it('first response from the first Active row, resolution from the last row, on-hold seconds from the state changes', async () => {
    const output = join(dir, 'report.json');
    const result = await aspm('evaluate', policyPath, '--tickets', logPath, '--period', '2016-03', '-o', output);
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(output, 'utf8'));
    const kpis = (name: string) => Object.fromEntries((report.staff.find((s: { name: string }) => s.name === name).kpis as Kpi[]).map((k) => [k.id, [k.value, k.samples]]));
    // Resolver 1: responses INC01 08:00→08:20 (20 min, row 7 not row 2: count 1 comes before count 3) and
    // INC02 10:00→10:40 (40); INC06's response time cannot be read. Mean 30 min.
    // Resolutions: INC01 08:00→14:00 (6 h), INC02 10:00→20:00 (10 h), INC06 08:00→12:00 (4 h).
    // On hold: INC01 09:00→11:30 = 9,000 s; INC02 and INC06 never. The on-hold time stops the
    // resolution clock: (6 − 2.5 + 10 + 4) / 3 = 17.5/3 h.
    expect(kpis('Resolver 1')).toEqual({ first_response_minutes: [30, 2], resolution_hours: [17.5 / 3, 3], hold_created: [9000, 3], hold_resolved: [9000, 3] });
    // Resolver 2: INC03 was opened in February (its response is not March's); INC04 09:00→09:15 (15 min);
    // INC05 never Active (no response). Resolutions: INC03 29 Feb 23:00→1 Mar 05:00 (6 h), INC05 12:00→13:30
    // (1.5 h); INC04 is open. On hold: INC03 01:00→03:00 and 04:00→05:00
    // (the Resolved row ends it): 10,800 s, by resolution; INC04 10:00→10:30 = 1,800 s, and its hold from 11:00 is still open (not counted).
    // Less time on hold: (6 − 3 + 1.5) / 2 = 2.25 h.
    expect(kpis('Resolver 2')).toEqual({ first_response_minutes: [15, 1], resolution_hours: [2.25, 2], hold_created: [1800, 2], hold_resolved: [10800, 2] });
    // 24 rows, 6 incidents: 18 rows folded into their incident's row.
    expect(report.inputs[0]).toMatchObject({ rows: 24, used: 6, skipped: 0, superseded: 18 });
    expect(report.inputs[0].columns).toMatchObject({ ticket_id: ['number'], first_response_at: ['events.first_response_at'] });
    // The impossible time is named at the file row it is on, not the row INC06 was handed over as (25).
    expect(report.warnings.map((w: { code: string; row: number; column: string }) => [w.code, w.row, w.column])).toEqual([
      ['event-time-unreadable', 24, 'sys_updated_at'],
      ['value-impossible-time', 24, 'events.first_response_at'],
    ]);
  });

  it('without order_by the file order decides which Active row is the first', async () => {
    // Without order_by: INC01's first Active row in the file is row 2 (11:30), so its response is 210 min.
    const output = join(dir, 'file-order.json');
    writeFileSync(join(dir, 'file-order.yaml'), policyText(EVENTS.replace('      order_by: sys_mod_count\n', '')));
    const result = await aspm('evaluate', join(dir, 'file-order.yaml'), '--tickets', logPath, '--period', '2016-03', '-o', output);
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(output, 'utf8'));
    const r1 = (report.staff.find((s: { name: string }) => s.name === 'Resolver 1').kpis as Kpi[]).find((k) => k.id === 'first_response_minutes')!;
    // INC01 210 min (row 2), INC02 40 min: 125.
    expect([r1.value, r1.samples]).toEqual([125, 2]);
  });

  it('an order_by column the file does not have: an error at the policy line, naming the file and its columns', async () => {
    const bad = join(dir, 'bad-order.yaml');
    const text = policyText(EVENTS.replace('order_by: sys_mod_count', 'order_by: sys_mod'));
    writeFileSync(bad, text);
    const line = text.split('\n').findIndex((l) => l.includes('order_by: sys_mod')) + 1;
    const result = await aspm('evaluate', bad, '--tickets', logPath, '--period', '2016-03', '-o', join(dir, 'never.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${bad}:${line}:17`);
    expect(result.stderr).toContain(`The column "sys_mod" that order_by names under data_sources.tickets.events is not in ${logPath}. Columns in the file: ${HEAD.split(',').join(', ')}.`);
  });
});
