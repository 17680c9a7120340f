// report.json has a contract (schemas/report.schema.json, `aspm schema report`): every
// report `aspm evaluate` writes — a quarter with ratings, metrics, each kind of approved
// appeal and history; a month that pays bonuses; the large preset with forced distribution
// and 360° ratings — is valid against it, checked by a validator compiled from the
// published file; and `--history` reads a report written before reports were versioned,
// but refuses one of a newer format. Run in process through `main(argv, io)`.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { generateRoster, generateTickets, type SampleTicket } from '../src/sample-data/generate-sample-data.js';
import { generateMetrics, generateRatings } from '../src/sample-data/generate-staff-inputs.js';
import { writeMetricsCsv, writeRatingsCsv, writeRosterCsv, writeTicketsCsv } from '../src/sample-data/write-sample-data.js';
import { memoryIo } from './helpers/memory-io.js';
import { readValidReport, REPORT_SCHEMA_PATH, reportSchemaErrors } from './helpers/report-schema.js';
import { ROOT } from './helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-report-schema-'));
const file = (name: string) => join(dir, name);
const ITEMS = ['service_attitude', 'teamwork', 'compliance', 'learning'];

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = memoryIo({ cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
  const code = await main([...argv], io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

describe('aspm schema report', () => {
  it('prints schemas/report.schema.json, and -o writes the same bytes', async () => {
    const published = readFileSync(REPORT_SCHEMA_PATH, 'utf8');
    const printed = await run(['schema', 'report']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(published);
    expect((await run(['schema', 'report', '-o', file('report.schema.json')])).code).toBe(0);
    expect(readFileSync(file('report.schema.json'), 'utf8')).toBe(published);
    expect(JSON.parse(published)).toMatchObject({ $id: 'urn:aspm-cli:schema:report', properties: { format_version: { const: 1 } } });
  });

  it('the schema rejects what aspm never writes', () => {
    expect(reportSchemaErrors({})).not.toEqual([]);
    expect(reportSchemaErrors({ format_version: 1 })).toEqual(expect.arrayContaining([expect.stringContaining("must have required property 'staff'")]));
  });
});

describe('every report evaluate writes is valid against the report schema', () => {
  const medium = join(ROOT, 'presets', 'medium.zh-CN.yaml');
  const large = join(ROOT, 'presets', 'large.zh-CN.yaml');
  const options = { seed: 14, staff: 30, tickets: 0, year: 2026, month: 7, language: 'zh-CN' as const };
  const staff = generateRoster(options);
  let q4: SampleTicket[] = [];
  const evaluate = (policy: string, period: string, tickets: string, output: string, extra: string[] = []) =>
    run(['evaluate', policy, '--tickets', tickets, '--roster', file('roster.csv'), '--ratings', file('ratings.csv'), '--metrics', file('metrics.csv'), '--period', period, '-o', output, ...(extra.includes('--date') ? [] : ['--date', '2027-01-08']), ...extra]);

  beforeAll(async () => {
    const metrics = ['重大投诉次数', '弄虚作假次数', '表扬次数', '一般违规次数', '质检平均分', '采纳建议数', '安全责任事故次数', '泄露客户信息次数', '跨区域支援次数', '内部授课次数'].map((name) => ({ name, rate: 0.2 }));
    await writeRosterCsv(file('roster.csv'), staff, { language: 'zh-CN' });
    await writeRatingsCsv(file('ratings.csv'), generateRatings(staff, { seed: 14, items: ITEMS, raterTypes: ['supervisor', 'peer', 'subordinate', 'customer', 'self'] }), { language: 'zh-CN' });
    await writeMetricsCsv(file('metrics.csv'), generateMetrics(staff, metrics, 14), metrics.map((m) => m.name), { language: 'zh-CN' });
    await writeTicketsCsv(file('q3.csv'), generateTickets({ ...options, seed: 31, tickets: 1500, month: 7, months: 3 }, staff), { language: 'zh-CN' });
    q4 = [...generateTickets({ ...options, seed: 41, tickets: 1500, month: 10, months: 3 }, staff)];
    await writeTicketsCsv(file('q4.csv'), q4, { language: 'zh-CN' });
    mkdirSync(file('history'));
    // The previous quarter, published as a manager would have done it.
    const q3 = await evaluate(medium, '2026-Q3', file('q3.csv'), file('history/2026-Q3.json'), ['--date', '2026-10-09']);
    expect(q3.code, q3.stderr).toBe(0);
  }, 120_000);

  it('a quarter published as history, then the next with ratings, metrics, each kind of appeal and that history', async () => {
    readValidReport(file('history/2026-Q3.json'));
    const ticket = q4.find((t) => t.resolved_at !== undefined && t.created_at > Date.UTC(2026, 9, 2) && t.resolved_at < Date.UTC(2026, 9, 28))!;
    const agent = staff.find((s) => s.role === 'agent')!.id;
    writeFileSync(
      file('adjustments.yaml'),
      `version: 1
adjustments:
  - { kind: exclude_ticket, appeal: SS-1, staff_id: ${ticket.staff_id}, ticket_id: ${ticket.ticket_id}, reason: 客户改约, approved_by: 申诉小组, approved_on: 2027-01-12 }
  - { kind: override_kpi, appeal: SS-2, staff_id: ${agent}, kpi: csat, month: 2026-11, value: 97, reason: 差评误录, approved_by: 申诉小组, approved_on: 2027-01-12 }
  - { kind: override_rating, appeal: SS-3, staff_id: ${agent}, rater_type: supervisor, item: 服务态度, score: 5, reason: 投诉已撤销, approved_by: 申诉小组, approved_on: 2027-01-13 }
`,
    );
    const q4run = await evaluate(medium, '2026-Q4', file('q4.csv'), file('q4.json'), ['--adjustments', file('adjustments.yaml'), '--history', file('history')]);
    expect(q4run.code, q4run.stderr).toBe(0);
    const report = readValidReport(file('q4.json')) as { adjustments: { kind: string }[]; history: unknown[] };
    expect(report.adjustments.map((a) => a.kind)).toEqual(['exclude_ticket', 'override_kpi', 'override_rating']);
    expect(report.history).toHaveLength(1);
  });

  it('a month that pays bonuses, and the large preset with forced distribution and every rater type', async () => {
    expect((await evaluate(medium, '2026-11', file('q4.csv'), file('2026-11.json'))).code).toBe(0);
    const month = readValidReport(file('2026-11.json')) as { staff: { outcomes: { bonus: { amount: number | null } } }[] };
    expect(month.staff.some((p) => typeof p.outcomes.bonus.amount === 'number')).toBe(true);
    const largeRun = await evaluate(large, '2026-Q4', file('q4.csv'), file('large.json'));
    expect(largeRun.code, largeRun.stderr).toBe(0);
    const report = readValidReport(file('large.json')) as { grades: { forced_distribution: unknown }; staff: { distribution: unknown }[] };
    expect(report.grades.forced_distribution).not.toBeNull();
    expect(report.staff.some((p) => p.distribution !== null)).toBe(true);
  });

  it('history: a report written before reports were versioned is read; one of a newer format is refused', async () => {
    mkdirSync(file('old-history'));
    const q3 = JSON.parse(readFileSync(file('history/2026-Q3.json'), 'utf8')) as Record<string, unknown>;
    delete q3.format_version;
    writeFileSync(file('old-history/2026-Q3.json'), JSON.stringify(q3, null, 2) + '\n');
    const old = await evaluate(medium, '2026-Q4', file('q4.csv'), file('q4-old.json'), ['--history', file('old-history')]);
    expect(old.code, old.stderr).toBe(0);
    expect((readValidReport(file('q4-old.json')) as { history: { period: string }[] }).history.map((h) => h.period)).toEqual(['2026-Q3']);

    mkdirSync(file('new-history'));
    copyFileSync(file('history/2026-Q3.json'), file('new-history/2026-Q3.json'));
    const text = readFileSync(file('new-history/2026-Q3.json'), 'utf8');
    writeFileSync(file('new-history/2026-Q3.json'), text.replace('"format_version": 1', '"format_version": 2'));
    const refused = await evaluate(medium, '2026-Q4', file('q4.csv'), file('q4-new.json'), ['--history', file('new-history'), '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`history-newer-format: ${file('new-history/2026-Q3.json')} is a report of format version 2; this aspm reads format versions up to 1.`);
  });

  it('history: a report edited by hand is refused, the finding naming the file and the JSON path', async () => {
    mkdirSync(file('edited-history'));
    const q3 = JSON.parse(readFileSync(file('history/2026-Q3.json'), 'utf8')) as { staff: Record<string, unknown>[] };
    q3.staff[2]!.grade = 7;
    writeFileSync(file('edited-history/2026-Q3.json'), JSON.stringify(q3, null, 2) + '\n');
    const refused = await evaluate(medium, '2026-Q4', file('q4.csv'), file('q4-edited.json'), ['--history', file('edited-history'), '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${file('edited-history/2026-Q3.json')}: wrong-type: staff[2].grade must be text, empty, not a whole number.`);
    expect(refused.stderr).toContain('history-not-scored');
  });
});
