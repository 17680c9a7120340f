// Earlier reports: periods around a cycle, and the history folder read strictly — a file
// that is not a scored report stops the run rather than silently deciding a promotion.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AspmError } from '../errors.js';
import { cycleOfPeriodId, periodMonths, previousPeriodIds, primaryPeriodIds } from './cycles.js';
import { personKey } from '../evaluate/staff.js';
import { t } from '../i18n/catalogue.js';
import { MAX_HISTORY_BYTES, readHistory } from './history.js';

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
  const scored = (period: string, date: string, grade: string) => JSON.stringify({ period: { id: period }, result_date: date, staff: [{ id: 'E1', grade, grade_by_bands: grade, grade_cap: null, grade_distributed: null }] });

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
    writeFileSync(join(dir, '2026-08.json'), JSON.stringify({ period: { id: '2026-08' }, result_date: '2026-09-05', staff: [person('', '张伟', 'D'), person('', '李 强', 'B')] }));
    writeFileSync(join(dir, '2026-09.json'), JSON.stringify({ period: { id: '2026-09' }, result_date: '2026-10-05', staff: [person('e0001', '张伟', 'C')] }));
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
      JSON.stringify({ policy: { company, title: '售后服务绩效管理制度' }, period: { id: '2026-08' }, result_date: date, staff: [{ id: 'E1', name: '甲', grade }] });
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
    JSON.stringify({ policy: { company: '我们公司', title: '制度' }, period: { id: '2026-08' }, result_date: '2026-09-05', staff: [{ id: 'E1', name: '甲', grade: 'A', ...person }] });

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
    const old = (id: string, grade: string) => JSON.stringify({ policy: { company: '我们公司', title: '制度' }, period: { id }, result_date: '2026-07-05', staff: [{ id: 'E1', name: '甲', grade }] });
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
