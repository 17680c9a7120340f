// End to end: a Brazilian policy with its holidays file beside it (Good Friday 2026-04-03 and
// Tiradentes 2026-04-21 off, Saturday 2026-04-25 worked) and SLAs in days and working days:
// `aspm evaluate` scores April, counts the appeal deadline on that calendar and warns past
// its years; `aspm render` words the limits; `aspm validate` points a missing or bad holidays
// file at the right line. Every expected value is counted by hand in the comments.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { reportSchemaErrors } from './helpers/report-schema.js';
import { hasStackTrace, ROOT } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-e2e-calendar-'));
const file = (name: string) => join(dir, name);

/** The small English preset in São Paulo, with the SLAs in days and the holidays file named. */
function policyText(holidaysFile: string | undefined): string {
  const doc = parseDocument(readFileSync(join(ROOT, 'presets', 'small.en.yaml'), 'utf8'));
  const json = doc.toJS() as { kpis: { id: string }[]; roles: { id: string; kpis: { kpi: string }[] }[] };
  const k = (id: string) => json.kpis.findIndex((x) => x.id === id);
  doc.setIn(['meta', 'timezone'], 'America/Sao_Paulo');
  doc.setIn(['evaluation', 'duration'], 'calendar');
  doc.setIn(['evaluation', 'holidays'], 'none');
  if (holidaysFile) doc.setIn(['evaluation', 'holidays_file'], holidaysFile);
  for (const id of ['response_sla_rate', 'resolution_sla_rate']) doc.setIn(['kpis', k(id), 'min_samples'], 1);
  doc.setIn(['kpis', k('response_sla_rate'), 'sla'], doc.createNode({ within: 1, unit: 'days' }));
  doc.setIn(['kpis', k('resolution_sla_rate'), 'sla'], doc.createNode({ within: 2, unit: 'working_days' }));
  const tech = json.roles.findIndex((r) => r.id === 'technician');
  doc.setIn(['roles', tech, 'kpis', json.roles[tech]!.kpis.findIndex((e) => e.kpi === 'first_time_fix_rate'), 'kpi'], 'response_sla_rate');
  return String(doc);
}

writeFileSync(file('policy.yaml'), policyText('feriados-br.yaml'));
writeFileSync(file('plain.yaml'), policyText(undefined));
writeFileSync(
  file('feriados-br.yaml'),
  `country: BR
years: [2026]
off:
  - { date: 2026-04-03, name: Sexta-feira Santa }
  - { date: 2026-04-21, name: Tiradentes }
work:
  - { date: 2026-04-25, name: Compensação }
`,
);
writeFileSync(file('roster.csv'), 'staff_id,name,role,team\nT01,Ana,technician,A\n');
writeFileSync(
  file('tickets.csv'),
  [
    'ticket_id,staff_id,created_at,first_response_at,resolved_at,satisfaction',
    // Working time (8:30–12:00, 13:00–17:30) Thu 6.5 h + Mon 5.5 h = 12 h ≤ 16 h: met (Mon–Fri: + Good Friday 8 h = 20 h, missed). Response 23 h ≤ 24 h.
    'T1,T01,2026-04-02 10:00,2026-04-03 09:00,2026-04-06 15:00,5',
    // 6.5 + 8 + 2.5 = 17 h: missed (Mon–Fri 25 h). Response 25 h: missed.
    'T2,T01,2026-04-02 10:00,2026-04-03 11:00,2026-04-07 11:00,5',
    // Fri 7.5 h + make-up Saturday 8 h + Mon 7.5 h = 23 h: missed (Mon–Fri 15 h, met). Response 24 h: met.
    'T3,T01,2026-04-24 09:00,2026-04-25 09:00,2026-04-27 17:00,5',
    // Mon 1.5 h + Tiradentes none + Wed 7.5 h = 9 h: met (Mon–Fri 17 h, missed). Response 20 h: met.
    'T4,T01,2026-04-20 16:00,2026-04-21 12:00,2026-04-22 17:00,5',
  ].join('\n') + '\n',
);

interface Report {
  inputs: { kind: string; path: string; sha256: string; rows: number; format: string }[];
  appeal: { deadline: string; calendar: string; holiday_data: unknown };
  notes: { code: string; params: Record<string, unknown> }[];
  staff: { kpis: { id: string; value: number | null; samples: number }[] }[];
}

async function evaluate(policy: string, output: string, date: string, extra: string[] = []) {
  const run = await runMain(['evaluate', policy, '--tickets', 'tickets.csv', '--roster', 'roster.csv', '--period', '2026-04', '-o', output, '--date', date, '--lang', 'en', ...extra], { cwd: dir });
  const report = run.status === 0 ? (JSON.parse(readFileSync(file(output), 'utf8')) as Report) : undefined;
  return { run, report };
}

const value = (report: Report, id: string) => report.staff[0]!.kpis.find((k) => k.id === id);

describe('a holidays file for any country', () => {
  it('scores SLAs in working days and days on the Brazilian calendar, and counts the appeal deadline on it', async () => {
    const { run, report } = await evaluate('policy.yaml', 'report.json', '2026-04-17', ['--notices', 'notices']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('0 warning(s)');
    expect(value(report!, 'resolution_sla_rate')).toMatchObject({ value: 50, samples: 4 }); // T1, T4
    expect(value(report!, 'response_sla_rate')).toMatchObject({ value: 75, samples: 4 }); // T1, T3, T4
    // Published Fri 17 Apr, 5 working days: 20, (21 Tiradentes), 22, 23, 24, Saturday 25.
    expect(report!.appeal).toMatchObject({ deadline: '2026-04-25', calendar: 'holidays_file', holiday_data: { first: 2026, last: 2026 } });
    // The notice promises that holidays do not count; the ticket list heads the SLA columns with their limits.
    const read = (suffix: string) => readFileSync(join(file('notices'), readdirSync(file('notices')).find((f) => f.endsWith(suffix))!), 'utf8');
    expect(read('.md')).toContain('within 5 working days after publication (public holidays do not count)');
    const [header, ...rows] = read('.tickets.csv').replace(/^\uFEFF/, '').trim().split('\n').map((line) => line.split(','));
    const response = header!.indexOf('Response SLA rate: responded in time (≤ 1 day)');
    const resolution = header!.indexOf('Resolution SLA rate: resolved in time (≤ 2 working days)');
    expect(response).toBeGreaterThan(0);
    expect(resolution).toBeGreaterThan(0);
    expect(rows.map((r) => [r[0], r[response], r[resolution]])).toEqual([
      ['T1', 'yes', 'yes'],
      ['T2', 'no', 'no'],
      ['T3', 'yes', 'no'],
      ['T4', 'yes', 'yes'],
    ]);
  });

  it('the same data on Monday to Friday give other values and another deadline', async () => {
    const { report } = await evaluate('plain.yaml', 'plain.json', '2026-04-17');
    expect(value(report!, 'resolution_sla_rate')).toMatchObject({ value: 25, samples: 4 }); // T3
    // 20, 21, 22, 23, 24.
    expect(report!.appeal).toMatchObject({ deadline: '2026-04-24', calendar: 'mon_fri', holiday_data: null });
  });

  it('an appeal deadline beyond the years the file knows is said, with the dates', async () => {
    const { run, report } = await evaluate('policy.yaml', 'late.json', '2026-12-28');
    expect(run.status).toBe(0);
    // 29, 30, 31 Dec, then 2027 counted Monday to Friday: Fri 1 Jan, Mon 4 Jan.
    expect(report!.appeal).toMatchObject({ deadline: '2027-01-04', calendar: 'mon_fri_uncovered' });
    const note = report!.notes.find((n) => n.code === 'report-deadline-holidays-file');
    expect(note?.params).toEqual({ file: 'feriados-br.yaml', years: [2026], from: '2026-12-28', deadline: '2027-01-04' });
  });

  it('report.json lists the holidays file among its inputs with its hash: another list of days is another input', async () => {
    const sha = (name: string) => createHash('sha256').update(readFileSync(file(name))).digest('hex');
    const { run, report } = await evaluate('policy.yaml', 'inputs.json', '2026-04-17');
    expect(run.status).toBe(0);
    // Three days listed: two off, one make-up Saturday.
    expect(report!.inputs.find((i) => i.kind === 'holidays')).toEqual({ kind: 'holidays', path: 'feriados-br.yaml', sha256: sha('feriados-br.yaml'), rows: 3, used: 3, skipped: 0, format: 'yaml', columns: {} });
    expect(run.stderr).toContain('feriados-br.yaml: holidays file, 3 day(s) listed');
    expect(reportSchemaErrors(JSON.parse(readFileSync(file('inputs.json'), 'utf8')))).toEqual([]);
    // The same days as CSV, in a folder of its own beside the policy: its own path, hash and format.
    mkdirSync(file('cal'), { recursive: true });
    writeFileSync(file('cal/feriados.csv'), 'date,kind,name\n2026-04-03,off,Sexta-feira Santa\n2026-04-21,off,Tiradentes\n2026-04-25,work,Compensação\n');
    writeFileSync(file('csv-policy.yaml'), policyText('cal/feriados.csv'));
    const csv = await evaluate('csv-policy.yaml', 'inputs-csv.json', '2026-04-17');
    expect(csv.run.status).toBe(0);
    expect(csv.report!.inputs.find((i) => i.kind === 'holidays')).toMatchObject({ path: join('cal', 'feriados.csv'), sha256: sha('cal/feriados.csv'), rows: 3, format: 'csv' });
    // A policy without one lists none.
    const plain = await evaluate('plain.yaml', 'inputs-plain.json', '2026-04-17');
    expect(plain.report!.inputs.map((i) => i.kind)).toEqual(['tickets', 'roster']);
    // Such a report is read back as history and drawn on the dashboard, its holidays file named as one.
    mkdirSync(file('history'), { recursive: true });
    writeFileSync(file('history/2026-04.json'), readFileSync(file('inputs.json')));
    const again = await evaluate('policy.yaml', 'again.json', '2026-04-20', ['--history', 'history']);
    expect(again.run.status).toBe(0);
    expect(JSON.parse(readFileSync(file('again.json'), 'utf8'))).toMatchObject({ history: [{ period: '2026-04', path: join('history', '2026-04.json') }] });
    const dashboard = await runMain(['dashboard', 'history', '-o', 'dashboard.html'], { cwd: dir });
    expect(dashboard.status).toBe(0);
    expect(readFileSync(file('dashboard.html'), 'utf8')).toContain('<td>holidays file</td><td>feriados-br.yaml</td>');
  });

  it('the policy document words the limits in days and names the holiday list', async () => {
    const run = await runMain(['render', 'policy.yaml', '-o', 'policy.md'], { cwd: dir });
    expect(run.status).toBe(0);
    const text = readFileSync(file('policy.md'), 'utf8');
    expect(text).toContain('Time limits in days: Response SLA rate 1 day and Resolution SLA rate 2 working days.');
    expect(text).toContain('the days off in the holiday list feriados-br.yaml do not count');
  });

  it('a holidays file that is not there is an error at the policy line that names it', async () => {
    const text = policyText('feriados-xx.yaml');
    writeFileSync(file('missing.yaml'), text);
    const line = text.split('\n').findIndex((l) => l.includes('holidays_file:')) + 1;
    const col = text.split('\n')[line - 1]!.indexOf('feriados-xx.yaml') + 1;
    for (const [lang, words] of [
      ['en', 'Cannot read the holidays file feriados-xx.yaml'],
      ['zh-CN', '无法读取 evaluation.holidays_file 指定的节假日文件 feriados-xx.yaml'],
    ] as const) {
      const run = await runMain(['validate', 'missing.yaml', '--lang', lang], { cwd: dir });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`missing.yaml:${line}:${col}: holidays-file-unreadable`);
      expect(run.stderr).toContain(words);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
    const evaluated = await evaluate('missing.yaml', 'never.json', '2026-04-17');
    expect(evaluated.run.status).toBe(1);
    expect(evaluated.run.stderr).toContain(`missing.yaml:${line}:${col}: holidays-file-unreadable`);
  });

  it('a date both off and work, in a CSV holidays file, is an error at its line and column', async () => {
    writeFileSync(file('bad.csv'), 'date,kind,name\n2026-04-03,off,Sexta-feira Santa\n2026-04-25,work\n2026-04-03,班\n');
    writeFileSync(file('bad.yaml'), policyText('bad.csv'));
    const run = await runMain(['validate', 'bad.yaml', '--lang', 'en'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('bad.csv:4:1: holidays-date-off-and-work');
    expect(run.stderr).toContain('2026-04-03 is listed as the other kind on line 2');
  });

  it('aspm schema holidays prints the holidays file schema', async () => {
    const run = await runMain(['schema', 'holidays']);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { $id: string }).$id).toBe('urn:aspm-cli:schema:holidays');
  });
});
