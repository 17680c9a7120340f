// End to end: `aspm evaluate` on generated exports, as a user runs it (in process).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRoster, generateTickets } from '../src/sample-data/generate-sample-data.js';
import { writeRosterCsv, writeTicketsCsv } from '../src/sample-data/write-sample-data.js';
import { expectValidReport } from './helpers/report-schema.js';
import { runMain } from './helpers/run-main.js';

const root = join(import.meta.dirname, '..');
const policy = join(root, 'presets', 'medium.zh-CN.yaml');
const dir = mkdtempSync(join(tmpdir(), 'aspm-e2e-evaluate-'));
const tickets = join(dir, 'tickets.csv');
const roster = join(dir, 'roster.csv');

function aspm(...args: string[]) {
  return runMain(args, { env: { ...process.env, LANG: 'en_US.UTF-8' } });
}

beforeAll(async () => {
  const options = { seed: 11, staff: 20, tickets: 2000, year: 2026, month: 10, language: 'zh-CN' as const };
  const staff = generateRoster(options);
  await writeRosterCsv(roster, staff, { language: 'zh-CN' });
  await writeTicketsCsv(tickets, generateTickets(options, staff), { language: 'zh-CN', encoding: 'gb18030', crlf: true });
});

describe('aspm evaluate', () => {
  it('writes the part-1 report: period, inputs with hashes, staff in roster order, KPI values', async () => {
    const output = join(dir, 'report.json');
    const result = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', output);
    expect(result.stderr).toContain(`Wrote ${output}: 20 people`);
    expect(result.status).toBe(0);
    const report = expectValidReport(JSON.parse(readFileSync(output, 'utf8')));
    expect(report.period).toEqual({ id: '2026-10', start: '2026-10-01T00:00:00+08:00', end: '2026-11-01T00:00:00+08:00', cycle: 'monthly', months: [] });
    expect(report.inputs.map((i: { kind: string }) => i.kind)).toEqual(['tickets', 'roster']);
    expect(report.inputs[0]).toMatchObject({ rows: 2000, skipped: 0, encoding: 'gb18030', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(report.inputs[0].used + report.inputs[0].outside_period).toBe(2000);
    // The input summary counts only what there is: no "0 left out for data problems".
    expect(result.stderr).toContain(`${tickets}: 2000 rows read, ${report.inputs[0].used} used, ${report.inputs[0].outside_period} outside the period\n`);
    expect(result.stderr).not.toContain('left out for data problems');
    // Which column each field was read from: in the terminal, a line per input, and in the report.
    expect(report.inputs[0].columns).toMatchObject({ ticket_id: ['工单号'], staff_id: ['处理人工号'], created_at: ['创建时间'], resolved_at: ['解决时间'] });
    expect(report.inputs[1].columns).toMatchObject({ staff_id: ['工号'], name: ['姓名'], role: ['岗位'] });
    expect(result.stderr).toMatch(/^ {2}columns read: ticket_id ← 工单号, .*resolved_at ← 解决时间/m);
    expect(result.stderr).toMatch(/^ {2}columns read: staff_id ← 工号, name ← 姓名, role ← 岗位/m);
    const rosterIds = readFileSync(roster, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(report.staff.map((s: { id: string }) => s.id)).toEqual(rosterIds);
    const supervisor = report.staff.find((s: { role: string }) => s.role === 'supervisor');
    expect(supervisor.kpis.every((k: { scope: string }) => k.scope === 'team')).toBe(true);
    for (const s of report.staff) for (const k of s.kpis) expect(['ok', 'no_data', 'insufficient']).toContain(k.status);
    expect(report.warnings).toEqual([]);
    // Same inputs, same bytes.
    const again = join(dir, 'report-again.json');
    await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', again);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(output, 'utf8'));
  });

  it('a run in which nobody could be assessed writes nothing and exits 1 saying why', async () => {
    const output = join(dir, 'nobody.json');
    const result = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2025-01', '-o', output, '--xlsx');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Nobody could be assessed: none of the 20 people has data for any KPI that could be scored (0 of the 2000 ticket rows used), so nothing was written.');
    expect(existsSync(output)).toBe(false);
    expect(existsSync(join(dir, 'nobody.xlsx'))).toBe(false);
  });

  it('never overwrites a report without --force', async () => {
    const output = join(dir, 'kept.json');
    writeFileSync(output, 'mine');
    const result = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', output);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('output-exists');
    expect(readFileSync(output, 'utf8')).toBe('mine');
  });

  it('--strict turns data warnings into errors and writes nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, readFileSync(tickets, 'latin1').replace(/2026-10-1(\d) /, '2026-13-4$1 '), 'latin1');
    const output = join(dir, 'strict.json');
    const result = await aspm('evaluate', policy, '--tickets', bad, '--roster', roster, '--period', '2026-10', '-o', output, '--strict');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/bad\.csv: row \d+, column \S+: value-impossible-time/);
    expect(result.stderr).toContain('evaluate-strict-failed');
    expect(existsSync(output)).toBe(false);
  });

  it('a missing column is exit 1 naming fields, KPIs and headers; a bad period is exit 2', async () => {
    const thin = join(dir, 'thin.csv');
    writeFileSync(thin, 'Ticket,Agent,Opened\nT1,张三,2026-10-01 09:00\n');
    const output = join(dir, 'none.json');
    const missing = await aspm('evaluate', policy, '--tickets', thin, '--roster', roster, '--period', '2026-10', '-o', output);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('columns-missing');
    expect(missing.stderr).toContain('Columns in the file: Ticket, Agent, Opened');
    const period = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', 'October', '-o', output);
    expect(period.status).toBe(2);
    expect(period.stderr).toContain('period-invalid');
    expect(existsSync(output)).toBe(false);
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const output = join(dir, 'zh.json');
    const result = await aspm('--lang', 'zh-CN', 'evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-Q4', '-o', output);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('已写入');
  });
});
