// Whole reports read back for the dashboard: the folder read as --history reads it, each
// report held to the whole schema, one policy's reports, oldest period first.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeEvaluation, presetPolicy } from '../../test/helpers/scoring-fixtures.js';
import { t } from '../i18n/catalogue.js';
import { formatDiagnostic } from '../i18n/format-diagnostic.js';
import { parseScoredReport, readReportFolder } from './read-reports.js';
import { scoreEvaluation } from './score-evaluation.js';
import type { ScoredReport } from './scored-report.js';

const policy = presetPolicy('medium.zh-CN');

/** A report as `aspm evaluate` writes it, of a real period (its days and months with it). */
function scored(period: string, resultDate: string, identity: { company?: string; title?: string } = {}): ScoredReport {
  const evaluation = makeEvaluation(policy, [{ id: 'E1', role: 'agent', kpis: { csat: 90 } }], { period });
  const report = scoreEvaluation({ policy, policyFile: { path: 'policy.yaml', sha256: 'f'.repeat(64) }, evaluation, resultDate, language: 'zh-CN', toolVersion: '0.0.0-test' });
  return { ...report, policy: { ...report.policy, ...identity } };
}

const folder = (files: Record<string, string | ScoredReport>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'aspm-dashboard-reports-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
};

describe('a report read whole', () => {
  it('is the report written, unchanged', () => {
    const report = scored('2026-09', '2026-10-05');
    expect(parseScoredReport(JSON.stringify(report), 'r.json')).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('takes fields a newer aspm of the same format version added, at the top and in a person', () => {
    const report = scored('2026-09', '2026-10-05');
    const newer = { ...report, future: { x: 1 }, staff: report.staff.map((s) => ({ ...s, badge: 'gold' })) };
    expect(parseScoredReport(JSON.stringify(newer), 'r.json').staff[0]!.id).toBe('E1');
  });

  it.each([
    ['not JSON', '{', 'dashboard-not-json'],
    ['JSON that is no report', '{"hello": 1}', 'history-not-report'],
    ['a report of a newer format', JSON.stringify({ format_version: 2, period: { id: '2026-09' }, staff: [] }), 'dashboard-newer-format'],
  ])('%s is refused, naming the file', (_name, text, code) => {
    expect(() => parseScoredReport(text, 'reports/x.json')).toThrow(expect.objectContaining({ code, params: expect.objectContaining({ file: 'reports/x.json' }) }));
  });

  it('a report without what the dashboard draws (a total, the grade bands) is refused with where', () => {
    const report = scored('2026-09', '2026-10-05');
    const person: Record<string, unknown> = { ...report.staff[0]! };
    delete person.total;
    const broken = { ...report, staff: [person], grades: { forced_distribution: null } };
    let caught: unknown;
    try {
      parseScoredReport(JSON.stringify(broken), 'reports/2026-09.json');
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code: 'dashboard-report-invalid', params: { file: 'reports/2026-09.json', count: 2, shown: 2 } });
    const lines = (caught as { diagnostics: Parameters<typeof formatDiagnostic>[0][] }).diagnostics.map((d) => formatDiagnostic(d, 'en'));
    expect(lines.join('\n')).toMatch(/staff\[0\]|\/staff\/0/);
    expect(lines.join('\n')).toMatch(/bands/);
  });
});

describe('a folder of reports', () => {
  it('gives the latest report of each period, oldest period first, a quarter after its last month', async () => {
    const dir = folder({
      'q3.json': scored('2026-Q3', '2026-10-16'),
      'b.json': scored('2026-09', '2026-10-05'),
      'a.json': scored('2026-07', '2026-08-05'),
      'c.json': scored('2026-08', '2026-09-05'),
      // The appeal re-run of September, published later: it counts, not b.json.
      'appeal.json': scored('2026-09', '2026-10-20'),
      'q2.json': scored('2026-Q2', '2026-07-10'),
      'notes.txt': 'not a report',
      'report.xlsx': 'PK',
    });
    const read = await readReportFolder(dir);
    expect(read.reports.map((r) => [r.report.period.id, r.path.slice(dir.length + 1)])).toEqual([
      ['2026-Q2', 'q2.json'],
      ['2026-07', 'a.json'],
      ['2026-08', 'c.json'],
      ['2026-09', 'appeal.json'],
      ['2026-Q3', 'q3.json'],
    ]);
    expect(read.otherPolicies).toEqual([]);
    expect(read.policy).toEqual({ company: policy.meta.company, title: policy.meta.title });
  });

  it("shows the latest report's policy and names the reports of another as left out", async () => {
    const dir = folder({
      '2026-08.json': scored('2026-08', '2026-09-05', { company: '旧公司' }),
      '2026-09.json': scored('2026-09', '2026-10-05'),
      'trial.json': scored('2026-07', '2026-08-05', { title: '试行办法' }),
    });
    const read = await readReportFolder(dir);
    expect(read.reports.map((r) => r.report.period.id)).toEqual(['2026-09']);
    expect(read.policy.company).toBe(policy.meta.company);
    expect(read.otherPolicies).toEqual([join(dir, '2026-08.json'), join(dir, 'trial.json')]);
  });

  it('stops at a file that is not a report rather than leave a month out silently', async () => {
    const dir = folder({ '2026-09.json': scored('2026-09', '2026-10-05'), 'package.json': '{"name": "x"}' });
    await expect(readReportFolder(dir)).rejects.toMatchObject({ code: 'history-not-report', params: { file: join(dir, 'package.json') } });
  });

  it('says what to give for a missing folder, a file, an empty folder and a folder without reports', async () => {
    const missing = join(tmpdir(), 'no-such-aspm-reports');
    await expect(readReportFolder(missing)).rejects.toMatchObject({ code: 'dashboard-folder-not-found', exitCode: 1 });
    const dir = folder({ '2026-09.json': scored('2026-09', '2026-10-05') });
    await expect(readReportFolder(join(dir, '2026-09.json'))).rejects.toMatchObject({ code: 'dashboard-not-a-folder' });
    const empty = folder({});
    const error = await readReportFolder(empty).then(
      () => ({ code: 'none', params: {} }) as never,
      (e: unknown) => e as { code: 'dashboard-folder-empty'; params: { path: string } },
    );
    expect(error).toMatchObject({ code: 'dashboard-folder-empty' });
    expect(t('en', error.code, error.params)).toBe(`The folder ${empty} is empty: there is no report to show. Write reports into it first with aspm evaluate -o ${empty}/PERIOD.json.`);
    const others = folder({ 'report.xlsx': 'PK', 'notes.txt': '' });
    mkdirSync(join(others, 'old.json'));
    await expect(readReportFolder(others)).rejects.toMatchObject({ code: 'dashboard-no-reports', params: { path: others, count: 3 } });
  });
});
