// Earlier reports: periods around a cycle, and the history folder read strictly — a file
// that is not a scored report stops the run rather than silently deciding a promotion.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeEvaluation, presetPolicy } from '../../test/helpers/scoring-fixtures.js';
import { AspmError } from '../errors.js';
import { cycleOfPeriodId, periodMonths, previousPeriodIds, primaryPeriodIds } from './cycles.js';
import { personKey } from '../evaluate/staff.js';
import { t, translate } from '../i18n/catalogue.js';
import { formatDiagnostic } from '../i18n/format-diagnostic.js';
import { MAX_HISTORY_BYTES, readHistory } from './history.js';
import { scoreEvaluation } from './score-evaluation.js';

/**
 * A report as `aspm evaluate` writes it (valid against the report schema, which history
 * reads through), with the period, result date, policy and people a case needs: each
 * person is the scored person of a real report with the given fields put over it.
 */
const template = (() => {
  const policy = presetPolicy('medium.zh-CN');
  const evaluation = makeEvaluation(policy, [{ id: 'E1', role: 'agent', kpis: { csat: 90 } }]);
  return scoreEvaluation({ policy, policyFile: { path: 'policy.yaml', sha256: 'f'.repeat(64) }, evaluation, resultDate: '2026-11-05', language: 'zh-CN', toolVersion: '0.0.0-test' });
})();
function reportJson(fields: { period: string; result_date: string; policy?: { company: string; title: string }; staff: Record<string, unknown>[] }): string {
  return JSON.stringify({
    ...template,
    period: { ...template.period, id: fields.period },
    result_date: fields.result_date,
    policy: { ...template.policy, ...fields.policy },
    staff: fields.staff.map((person) => ({ ...template.staff[0]!, ...person })),
  });
}

describe('cycles', () => {
  it('names the periods before a period, across years', () => {
    expect(previousPeriodIds('2026-01', 2)).toEqual(['2025-12', '2025-11']);
    expect(previousPeriodIds('2026-Q1', 2)).toEqual(['2025-Q4', '2025-Q3']);
    expect(previousPeriodIds('2026', 1)).toEqual(['2025']);
    expect(previousPeriodIds('2026-10-01..2026-10-15', 1)).toEqual([]);
  });

  it('splits a longer period into its primary cycles', () => {
    expect(primaryPeriodIds('2026-Q4', 'monthly')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(primaryPeriodIds('2026', 'quarterly')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(primaryPeriodIds('2026', 'monthly')).toHaveLength(12);
    expect(primaryPeriodIds('2026-10', 'monthly')).toEqual([]);
    expect(primaryPeriodIds('2026-Q4', 'annual')).toEqual([]);
  });

  it('knows the cycle and length of a period', () => {
    expect([cycleOfPeriodId('2026-10'), cycleOfPeriodId('2026-Q4'), cycleOfPeriodId('2026'), cycleOfPeriodId('x')]).toEqual(['monthly', 'quarterly', 'annual', undefined]);
    expect(periodMonths({ kind: 'range', firstDay: '2026-10-01', lastDay: '2026-10-15' })).toBeCloseTo(15 / (365.25 / 12), 12);
  });
});

describe('reading the history folder', () => {
  const scored = (period: string, date: string, grade: string) => reportJson({ period, result_date: date, staff: [{ id: 'E1', grade, grade_by_bands: grade, grade_cap: null, grade_distributed: null }] });

  it('keeps the latest report of each period and ignores other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-'));
    writeFileSync(join(dir, '2026-09.json'), scored('2026-09', '2026-10-05', 'C'));
    writeFileSync(join(dir, '2026-09-appeal.json'), scored('2026-09', '2026-10-20', 'B'));
    writeFileSync(join(dir, '2026-08.json'), scored('2026-08', '2026-09-05', 'D'));
    writeFileSync(join(dir, 'readme.txt'), 'not a report');
    mkdirSync(join(dir, 'old.json'));
    const { reports } = await readHistory(dir);
    expect(reports.map((r) => [r.periodId, r.staff.get(personKey({ id: 'E1', name: '' }))?.grade])).toEqual([
      ['2026-08', 'D'],
      ['2026-09', 'B'],
    ]);
    expect(reports[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds people by staff id (compared as staffKey), else by name when the roster has no ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-'));
    const person = (id: string, name: string, grade: string) => ({ id, name, grade, grade_by_bands: grade, grade_cap: null, grade_distributed: null });
    writeFileSync(join(dir, '2026-08.json'), reportJson({ period: '2026-08', result_date: '2026-09-05', staff: [person('', '张伟', 'D'), person('', '李 强', 'B')] }));
    writeFileSync(join(dir, '2026-09.json'), reportJson({ period: '2026-09', result_date: '2026-10-05', staff: [person('e0001', '张伟', 'C')] }));
    const {
      reports: [august, september],
    } = await readHistory(dir);
    expect([...august!.staff.keys()]).toEqual(['张伟', '李强']);
    expect(august!.staff.get(personKey({ id: '', name: '李强' }))?.grade).toBe('B');
    expect(september!.staff.get(personKey({ id: 'E0001', name: '张伟' }))?.grade).toBe('C');
  });

  it.each([
    ['not JSON', '{', 'history-not-json'],
    ['not a report', '{"hello": 1}', 'history-not-report'],
    ['a part-1 report without grades', JSON.stringify({ period: { id: '2026-09' }, staff: [{ id: 'E1', kpis: [] }] }), 'history-not-scored'],
  ])('%s is an error naming the file', async (_name, text, code) => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-'));
    writeFileSync(join(dir, 'x.json'), text);
    await expect(readHistory(dir)).rejects.toMatchObject({ code, params: { file: join(dir, 'x.json') } });
  });

  it('follows links to report files (and skips links to folders)', async () => {
    const published = mkdtempSync(join(tmpdir(), 'aspm-published-'));
    writeFileSync(join(published, '2026-08.json'), scored('2026-08', '2026-09-05', 'D'));
    mkdirSync(join(published, 'old.json'));
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-'));
    symlinkSync(join(published, '2026-08.json'), join(dir, '2026-08.json'));
    symlinkSync(join(published, 'old.json'), join(dir, 'old.json'));
    const { reports } = await readHistory(dir);
    expect(reports.map((r) => [r.periodId, r.staff.get(personKey({ id: 'E1', name: '' }))?.grade])).toEqual([['2026-08', 'D']]);
  });

  it('a link to nothing is an error, not a silently missing period', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-'));
    symlinkSync(join(dir, 'gone.json'), join(dir, '2026-08.json'));
    await expect(readHistory(dir)).rejects.toMatchObject({ code: 'file-not-found', params: { path: join(dir, '2026-08.json') } });
  });

  it('a file too large to be a report is refused before it is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-'));
    const big = join(dir, 'huge.json');
    writeFileSync(big, '');
    truncateSync(big, MAX_HISTORY_BYTES + 1); // sparse: nothing is written
    await expect(readHistory(dir)).rejects.toMatchObject({ code: 'history-too-large', params: { file: big, size: MAX_HISTORY_BYTES + 1, limit: MAX_HISTORY_BYTES } });
  });

  it('a folder that does not exist, or a file given as the folder, is an error that says what to give', async () => {
    const missing = join(tmpdir(), 'no-such-aspm-history');
    const failure = (dir: string) => readHistory(dir).then(() => new AspmError('internal-error', { detail: 'no error' }), (e: unknown) => e as AspmError);
    const error = await failure(missing);
    expect(error).toBeInstanceOf(AspmError);
    expect(error).toMatchObject({ code: 'history-not-found', exitCode: 1 });
    expect(t('zh-CN', error.code, error.params)).toBe(`历史报告目录 ${missing} 不存在。--history 应给出存放以往各期 report.json 的目录（如 history/），请检查路径。`);
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-'));
    writeFileSync(join(dir, '2026-08.json'), scored('2026-08', '2026-09-05', 'D'));
    const file = await failure(join(dir, '2026-08.json'));
    expect(file).toMatchObject({ code: 'history-not-a-folder' });
    expect(t('en', file.code, file.params)).toContain('is not a folder. Give --history the folder that holds the report.json files of earlier periods');
  });

  it('leaves out reports of another policy, even when they are later, and names them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-other-'));
    const report = (company: string, date: string, grade: string) =>
      reportJson({ policy: { company, title: '售后服务绩效管理制度' }, period: '2026-08', result_date: date, staff: [{ id: 'E1', name: '甲', grade }] });
    writeFileSync(join(dir, 'ours.json'), report('我们公司', '2026-09-05', 'D'));
    writeFileSync(join(dir, 'theirs.json'), report('别的团队', '2026-09-30', 'A'));
    const { reports, otherPolicies } = await readHistory(dir, { company: '我们公司', title: '售后服务绩效管理制度' });
    expect(reports.map((r) => r.path)).toEqual([join(dir, 'ours.json')]);
    expect(reports[0]?.staff.get(personKey({ id: 'E1', name: '甲' }))?.grade).toBe('D');
    expect(otherPolicies).toEqual([join(dir, 'theirs.json')]);
    const all = await readHistory(dir);
    expect(all.reports[0]?.path).toBe(join(dir, 'theirs.json'));
  });
});

describe('history reports from elsewhere (issue 17, 12 and 13)', () => {
  const grades = ['S', 'A', 'B', 'C', 'D'];
  const report = (person: Record<string, unknown>) =>
    reportJson({ policy: { company: '我们公司', title: '制度' }, period: '2026-08', result_date: '2026-09-05', staff: [{ id: 'E1', name: '甲', grade: 'A', ...person }] });

  it('a grade the policy does not know is an error naming the file, the person and the grade', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-grade-'));
    writeFileSync(join(dir, '2026-08.json'), report({ grade: 'Z' }));
    const policy = { company: '我们公司', title: '制度', grades };
    await expect(readHistory(dir, policy)).rejects.toMatchObject({ code: 'history-unknown-grade', exitCode: 1, params: { file: join(dir, '2026-08.json'), grade: 'Z', grades: 'S, A, B, C, D' } });
    writeFileSync(join(dir, '2026-08.json'), report({ grade_distributed: 'E' }));
    await expect(readHistory(dir, policy)).rejects.toMatchObject({ code: 'history-unknown-grade', params: { grade: 'E' } });
  });

  it('a report of a period before the policy took effect is not checked: no rule ever looks at it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-before-'));
    // Last year's report under the old rules, graded 优/良/中/差, beside this year's.
    const old = (id: string, grade: string) => reportJson({ policy: { company: '我们公司', title: '制度' }, period: id, result_date: '2026-07-05', staff: [{ id: 'E1', name: '甲', grade }] });
    writeFileSync(join(dir, '2026-06.json'), old('2026-06', '良'));
    writeFileSync(join(dir, '2026-Q2.json'), old('2026-Q2', '优'));
    const policy = { company: '我们公司', title: '制度', grades, effectiveDate: '2026-07-01' };
    await expect(readHistory(dir, policy)).resolves.toMatchObject({ otherPolicies: [] });
    // From the period that holds the effective date on, a grade the policy does not know is an error.
    writeFileSync(join(dir, '2026-07.json'), old('2026-07', '良'));
    await expect(readHistory(dir, policy)).rejects.toMatchObject({ code: 'history-unknown-grade', params: { file: join(dir, '2026-07.json'), grade: '良' } });
  });

  it('a grade that is not text (a number, an object) is not an aspm report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-type-'));
    writeFileSync(join(dir, '2026-08.json'), report({ grade: 7 }));
    await expect(readHistory(dir)).rejects.toMatchObject({ code: 'history-not-scored' });
    writeFileSync(join(dir, '2026-08.json'), report({ grade_cap: { x: 1 } }));
    await expect(readHistory(dir)).rejects.toMatchObject({ code: 'history-not-scored' });
  });

  it('a 250 MB file in the folder is refused within a 64 MB heap, before it is read', () => {
    const built = join(import.meta.dirname, '..', '..', 'dist', 'scoring', 'history.js');
    if (!existsSync(built)) throw new Error('npm run build first: this test runs the built module in a child process');
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-big-'));
    const big = join(dir, 'big.json');
    writeFileSync(big, '[');
    truncateSync(big, 250 * 1024 * 1024); // sparse: reads as 250 MB of zero bytes
    const script = `import(${JSON.stringify(built)}).then((m) => m.readHistory(${JSON.stringify(dir)})).then(() => console.log('read'), (e) => console.log(e.code))`;
    const run = spawnSync(process.execPath, ['--max-old-space-size=64', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout.trim()).toBe('history-too-large');
    expect(run.status).toBe(0);
  });
});

describe('history read through the report schema (issue 14)', () => {
  const write = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-history-schema-'));
    writeFileSync(join(dir, '2026-08.json'), text);
    return { dir, file: join(dir, '2026-08.json') };
  };
  /** A report as JSON text is edited by hand: deep paths without a type for every level. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type RawReport = Record<string, any>;
  /** The template report as `aspm evaluate` writes it (indented), changed by `change`. */
  const written = (change: (report: RawReport) => void = () => undefined) => {
    const report = JSON.parse(reportJson({ period: '2026-08', result_date: '2026-09-05', staff: [{ id: 'E1', name: '甲', grade: 'B' }] })) as RawReport;
    change(report);
    return JSON.stringify(report, null, 2) + '\n';
  };
  const failure = (dir: string) => readHistory(dir).then(() => new AspmError('internal-error', { detail: 'no error' }), (e: unknown) => e as AspmError);

  it('reads the version aspm writes, and a report written before reports were versioned as version 1', async () => {
    expect(template.format_version).toBe(1);
    expect(Object.keys(template)[0]).toBe('format_version');
    for (const text of [written(), written((r) => delete r.format_version)]) {
      const { dir } = write(text);
      const { reports } = await readHistory(dir);
      expect(reports.map((r) => [r.periodId, r.staff.get(personKey({ id: 'E1', name: '' }))?.grade])).toEqual([['2026-08', 'B']]);
    }
  });

  it('refuses a report of a newer format, naming the file and both versions', async () => {
    const { dir, file } = write(written((r) => (r.format_version = 2)));
    const error = await failure(dir);
    expect(error).toMatchObject({ code: 'history-newer-format', exitCode: 1, params: { file, version: 2, supported: 1 } });
    expect(t('zh-CN', error.code, error.params)).toBe(`${file} 的报告格式版本为 2，本版本 aspm 只能读取版本 1 及以下的报告。请升级 aspm 后再读取该历史目录，或把该报告移出历史目录。`);
    expect(t('en', error.code, error.params)).toBe(`${file} is a report of format version 2; this aspm reads format versions up to 1. Upgrade aspm to read this history folder, or move the report out of it.`);
  });

  it('a value of the wrong type is refused, the finding naming the file and the JSON path', async () => {
    const { dir, file } = write(written((r) => (r.staff[0].grade = 5)));
    const error = await failure(dir);
    expect(error).toMatchObject({ code: 'history-not-scored', params: { file, count: 1, shown: 1 } });
    expect(error.diagnostics).toEqual([{ code: 'wrong-type', severity: 'error', params: expect.objectContaining({ path: 'staff[0].grade' }), location: { file } }]);
    expect(formatDiagnostic(error.diagnostics[0]!, 'en')).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: wrong-type: staff\\[0\\]\\.grade must be `));
    expect(t('en', error.code, error.params)).toContain('see the problems above');
  });

  it('a missing required field is refused, naming the field and where it is missing', async () => {
    const { dir, file } = write(written((r) => delete r.staff[0].grade));
    const error = await failure(dir);
    expect(error).toMatchObject({ code: 'history-not-scored', params: { file } });
    expect(error.diagnostics).toMatchObject([{ code: 'missing-property', params: { property: 'grade' }, location: { file } }]);
    expect(translate('en', 'missing-property', error.diagnostics[0]!.params)).toContain('staff[0]');
  });

  it('reads only what it uses: a report of an earlier aspm without the fields added since, or of a newer one with fields added, is read', async () => {
    // The shape aspm 0.1.0 wrote in November 2026: no format_version, trial, effective date,
    // input columns or reasons for actions; and a field a later version might add.
    const { dir } = write(written((r) => {
      delete r.format_version;
      delete r.trial;
      delete r.policy.effective_date;
      for (const input of r.inputs) delete input.columns;
      r.staff[0].future_field = { added: 'later' };
    }));
    const { reports } = await readHistory(dir);
    expect(reports[0]).toMatchObject({ periodId: '2026-08', resultDate: '2026-09-05' });
    expect(reports[0]!.staff.get(personKey({ id: 'E1', name: '' }))).toMatchObject({ grade: 'B' });
  });

  it('reads a report without a policy identity, from the earliest versions, as one of any policy', async () => {
    const { dir } = write(written((r) => delete r.policy));
    const { reports, otherPolicies } = await readHistory(dir, { company: '某公司', title: '某制度' });
    expect(otherPolicies).toEqual([]);
    expect(reports[0]!.policy).toBeNull();
  });

  it('a pre-versioning report must still be right in what history reads', async () => {
    const { dir } = write(written((r) => {
      delete r.format_version;
      r.staff[0].grade_cap = 3;
    }));
    const error = await failure(dir);
    expect(error).toMatchObject({ code: 'history-not-scored', diagnostics: [{ code: 'wrong-type', params: { path: 'staff[0].grade_cap' } }] });
  });

  it('JSON that is no report at all is said to be none, without listing every field it lacks', async () => {
    const { dir, file } = write(JSON.stringify({ period: '2026-08', people: [] }));
    const error = await failure(dir);
    expect(error).toMatchObject({ code: 'history-not-report', params: { file }, diagnostics: [] });
  });

  it('lists the first ten findings and counts the rest', async () => {
    const { dir } = write(written((r) => (r.staff = Array.from({ length: 12 }, (_, i) => ({ ...r.staff[0], id: `E${i}`, grade: 1 })))));
    const error = await failure(dir);
    expect(error).toMatchObject({ code: 'history-not-scored', params: { count: 12, shown: 10 } });
    expect(error.diagnostics.map((d) => d.params.path)).toEqual(Array.from({ length: 10 }, (_, i) => `staff[${i}].grade`));
    expect(t('zh-CN', error.code, error.params)).toContain('发现 12 处问题，上面列出前 10 处');
  });
});
