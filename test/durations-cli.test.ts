// End to end: durations, derived times and time on hold, as a user runs `aspm evaluate` and
// `aspm render` on a call-centre workbook and an incident log the test writes. Every KPI
// value is worked out by hand in the comments; the report must still match its schema,
// and the Excel report and notices show the value of report.json in the KPI's unit.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { XlsxStreamWriter } from '../src/sample-data/xlsx-writer.js';
import { expectValidReport } from './helpers/report-schema.js';
import { runMain } from './helpers/run-main.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'aspm-e2e-durations-'));
const callPolicy = join(fixtures, 'call-centre-policy.yaml');
const incidentPolicy = join(fixtures, 'incident-policy.yaml');
const calls = join(dir, 'calls.xlsx');
const incidents = join(dir, 'incidents.csv');

function aspm(...args: string[]) {
  return runMain(args, { env: { ...process.env, LANG: 'en_US.UTF-8' } });
}

interface ReportKpi {
  id: string;
  value: number | null;
  samples: number;
}

function kpisOf(report: { staff: { name: string; kpis: ReportKpi[] }[] }, name: string): Record<string, ReportKpi> {
  return Object.fromEntries(report.staff.find((s) => s.name === name)!.kpis.map((k) => [k.id, k]));
}

const seconds = (clock: string) => clock.split(':').reduce((a, part) => a * 60 + Number(part), 0);

beforeAll(async () => {
  // Dates as text and times as fractions of a day, as the public call-centre workbook stores them.
  const writer = new XlsxStreamWriter(calls);
  await writer.addRow(['Call Id', 'Agent', 'Date', 'Time', 'Speed of answer in seconds', 'AvgTalkDuration']);
  const rows: [string, string, string, string, number | null, string][] = [
    ['C1', '张三', '2026-10-05', '09:00:00', 30, '0:03:40'],
    ['C2', '张三', '2026-10-05', '10:00:00', 90, '0:02:20'],
    ['C3', '张三', '2026-10-06', '23:59:30', 45, '0:05:00'],
    ['C4', '张三', '2026-10-07', '11:00:00', null, ''],
    ['C5', 'Bob', '2026-10-08', '12:00:00', 12, '0:01:00'],
  ];
  for (const [id, agent, date, time, speed, talk] of rows) await writer.addRow([id, agent, date, seconds(time) / 86_400, speed, talk === '' ? null : seconds(talk) / 86_400]);
  await writer.close();
  writeFileSync(
    incidents,
    [
      'number,assigned_to,opened_at,resolved_at,closed_at,挂起时长',
      'I1,Ann,01-10-2026 09:00,01-10-2026 17:00,02-10-2026 09:00,60',
      'I2,Ann,02-10-2026 09:00,?,03-10-2026 09:00,',
      'I3,Ann,03-10-2026 09:00,03-10-2026 10:00,03-10-2026 11:00,120',
      'I4,Ann,04-10-2026 09:00,?,?,',
    ].join('\n'),
  );
});

describe('a call-centre workbook: first response = call time + speed of answer, talk time in minutes', () => {
  it('report.json, the Excel report and the notice give the same figures, in the KPIs\' units', async () => {
    const output = join(dir, 'call-report.json');
    const notices = join(dir, 'call-notices');
    const result = await aspm('evaluate', callPolicy, '--tickets', calls, '--period', '2026-10', '-o', output, '--xlsx', '--notices', notices, '--date', '2026-11-05');
    expect(result.stderr).toContain('0 warning(s)');
    expect(result.status).toBe(0);
    const report = expectValidReport(JSON.parse(readFileSync(output, 'utf8')));
    // 张三: answered after 30, 90, 45 s: 55 s = 0.91667 min; within 1 min: 2 of 4 calls.
    // Talk 220, 140, 300 s: mean 220 s = 3.6667 min; p90 = 220 + 0.8 × 80 = 284 s; under 240 s: 2 of 3.
    const zhang = kpisOf(report, '张三');
    expect(zhang.first_response_minutes!.value).toBeCloseTo(55 / 60, 12);
    expect(zhang.response_sla_rate).toMatchObject({ value: 50, samples: 4 });
    expect(zhang.talk_minutes!.value).toBeCloseTo(11 / 3, 12);
    expect(zhang.talk_p90!.value).toBeCloseTo(284, 9);
    expect(zhang.short_calls!.value).toBeCloseTo(200 / 3, 12);
    // Bob: 12 s = 0.2 min; talk 60 s = 1 min.
    expect(kpisOf(report, 'Bob').first_response_minutes!.value).toBeCloseTo(0.2, 12);
    expect(kpisOf(report, 'Bob').talk_minutes!.value).toBeCloseTo(1, 12);
    expect(report.inputs[0].columns).toMatchObject({ first_response_at: ['Date', 'Time', '+ Speed of answer in seconds'], talk_time: ['AvgTalkDuration'] });
    expect(result.stderr).toContain('first_response_at ← Date + Time + Speed of answer in seconds');

    // The Excel report: the talk time column is headed in minutes and holds 3.67 for 张三.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'call-report.xlsx'));
    const texts = book.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])).map((v) => (typeof v === 'object' && v !== null && 'richText' in v ? '' : String(v))));
    expect(texts).toContain('Mean talk time (min)');
    expect(texts).toContain('Talk time p90 (s)');
    // The notice states the value of report.json, rounded, in the KPI's unit.
    const notice = readFileSync(join(notices, readdirSync(notices).find((f) => f.includes('张三') && f.endsWith('.md'))!), 'utf8');
    expect(notice).toContain('3.67 min');
    expect(notice).toContain('284.00 s');
  });
});

describe('an incident log: resolved_at else closed_at, minutes on hold taken off resolution time', () => {
  it('evaluates with the on-hold time subtracted, warns where it exceeds the span, and says so in the notice', async () => {
    const output = join(dir, 'incidents.json');
    const notices = join(dir, 'incident-notices');
    const result = await aspm('evaluate', incidentPolicy, '--tickets', incidents, '--period', '2026-10', '-o', output, '--notices', notices, '--date', '2026-11-05');
    expect(result.status).toBe(0);
    const report = expectValidReport(JSON.parse(readFileSync(output, 'utf8')));
    // I1 8 h − 60 min = 7 h; I2 (closed_at) 24 h; I3 1 h − 120 min → 0 h; I4 open.
    // Mean 31 ÷ 3 h; within 8 h: I1 and I3 of 3.
    const ann = kpisOf(report, 'Ann');
    expect(ann.resolution_hours!.value).toBeCloseTo(31 / 3, 12);
    expect(ann.resolution_hours!.samples).toBe(3);
    expect(ann.resolution_sla_rate!.value).toBeCloseTo(200 / 3, 12);
    expect(report.inputs[0].columns).toMatchObject({ resolved_at: ['resolved_at', '| closed_at'], on_hold: ['挂起时长'] });
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'on-hold-exceeds-span', row: 4, column: '挂起时长', value: '120' })]);
    expect(result.stderr).toContain('resolved_at ← resolved_at | closed_at');
    const notice = readFileSync(join(notices, readdirSync(notices).find((f) => f.endsWith('.md'))!), 'utf8');
    expect(notice).toContain('Mean resolution time and Resolved within 8 hours exclude time on hold: resolution time − creation time − time on hold (from the "挂起时长" column of the ticket export), never below 0.');
  });

  it('the policy document says which KPIs exclude time on hold', async () => {
    const output = join(dir, 'incident-policy.md');
    const result = await aspm('render', incidentPolicy, '-o', output);
    expect(result.status).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('Mean resolution time and Resolved within 8 hours exclude time on hold: resolution time − creation time − time on hold, the time on hold read from the "挂起时长" column of the ticket export, and never below 0.');
  });

  it('a duration declared on a time field is refused at its line and column, in Chinese too', async () => {
    const bad = join(dir, 'bad-policy.yaml');
    writeFileSync(bad, readFileSync(incidentPolicy, 'utf8').replace('created_at: opened_at', 'created_at: { column: opened_at, duration: seconds }'));
    const en = await aspm('validate', bad);
    expect(en.status).toBe(1);
    expect(en.stderr).toContain(`${bad}:65:40: column-duration-on-time: created_at is a time (a date and time of day), not a duration`);
    const zh = await runMain(['validate', bad, '--lang', 'zh-CN'], { env: { ...process.env, LANG: 'en_US.UTF-8' } });
    expect(zh.stderr).toContain('created_at 是时间（日期和时刻），不是时长');
  });
});
