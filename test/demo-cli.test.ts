import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, type CliRun } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';
import { sharedDemo } from './helpers/shared-demo.js';

interface Report {
  readonly trial: boolean;
  readonly policy: { readonly effective_date: string };
  readonly period: { readonly id: string; readonly start: string };
  readonly adjustments: readonly { readonly appeal: string }[];
  readonly staff: readonly { readonly id: string; readonly grade: string | null; readonly total: number | null; readonly adjustments: readonly unknown[] }[];
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Report;

describe('aspm demo (Chinese, the default)', () => {
  const work = mkdtempSync(join(tmpdir(), 'aspm-demo-'));
  let dir: string;
  let run: CliRun;

  beforeAll(async () => {
    // `aspm demo aspm-demo` in a Chinese locale, made once for the run and shared with the
    // other files that read it (helpers/shared-demo.ts): two sets of notices, each with its
    // charts drawn, are seconds of CPU, longer when another file is making it on a busy machine.
    ({ dir, run } = await sharedDemo('zh-CN'));
  }, 240_000);

  it('succeeds and says, in the user language, what it made and how to do it with own files', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('示例已生成在 aspm-demo/：21 名员工');
    expect(run.stdout).toContain('npx aspm-cli init -o policy.yaml');
    expect(run.stdout).toContain('npx aspm-cli render policy.yaml -o policy.docx');
    expect(run.stdout).toMatch(/npx aspm-cli evaluate policy\.yaml --tickets \S+ --roster \S+ .*--period 2026-09/);
    expect(run.stdout).toContain('等级分布');
    // A list in a Chinese sentence takes the enumeration comma, not ", ".
    expect(run.stdout).toContain('（2026-07、2026-08、2026-09 月度与 2026-Q3 季度');
    // Where the quarter's dashboard is, and that it is there (its contents: dashboard-browser.test.ts).
    expect(run.stdout).toContain('用浏览器打开 reports/2026-Q3.html，看 2026-Q3 的看板');
    expect(readFileSync(join(dir, 'reports', '2026-Q3.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('writes a Chinese medium policy and its Word, Markdown and HTML', async () => {
    const policy = readFileSync(join(dir, 'policy.yaml'), 'utf8');
    expect(policy.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=/);
    expect(policy).toMatch(/language: zh-CN/);
    expect(policy).toMatch(/size: medium/);
    expect((await runMain(['validate', join(dir, 'policy.yaml')])).status).toBe(0);
    expect(readFileSync(join(dir, 'policy.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(dir, 'policy.md'), 'utf8')).toContain('第一章');
    expect(readFileSync(join(dir, 'policy.html'), 'utf8')).toContain('<html');
  });

  it('writes each YAML file with its schema beside it, named by a relative line that survives a move', async () => {
    const adjustments = join(dir, 'data', '申诉调整-2026-09.yaml');
    for (const [file, name] of [[join(dir, 'policy.yaml'), 'policy'], [adjustments, 'adjustments']] as const) {
      expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=./${name}.schema.json`);
      const printed = await runMain(['schema', name]);
      expect(printed.status).toBe(0);
      expect(readFileSync(join(file, '..', `${name}.schema.json`), 'utf8')).toBe(printed.stdout);
    }
  });

  it('writes a quarter of data as Excel on Chinese Windows would: GBK CSV with Chinese headers, and XLSX', () => {
    const data = readdirSync(join(dir, 'data'));
    const csv = data.find((f) => f.startsWith('工单') && f.endsWith('.csv'))!;
    expect(data).toContain(csv.replace(/\.csv$/, '.xlsx'));
    const bytes = readFileSync(join(dir, 'data', csv));
    // Not UTF-8: GBK bytes do not decode strictly as UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = iconv.decode(bytes, 'gb18030');
    expect(text.split('\r\n')[0]).toContain('工单号,处理人工号,处理人');
    const rows = text.trim().split('\r\n').length - 1;
    expect(rows).toBeGreaterThan(3000);
    const roster = readFileSync(join(dir, 'data', data.find((f) => f.startsWith('人员名单'))!));
    const people = iconv.decode(roster, 'gb18030').trim().split('\r\n').slice(1);
    expect(people.length).toBeGreaterThanOrEqual(18);
    expect(people.length).toBeLessThanOrEqual(24);
    expect(new Set(people.map((line) => line.split(',')[2]))).toEqual(new Set(['客服专员', '维修技术员', '服务主管']));
    expect(data.some((f) => f.endsWith('.yaml'))).toBe(true);
  });

  it('scores the last month and the quarter, applying the approved appeal, with Excel and a notice per person', () => {
    const month = readJson(join(dir, 'reports', '2026-09.json'));
    const quarter = readJson(join(dir, 'reports', '2026-Q3.json'));
    expect(month.period.id).toBe('2026-09');
    expect(quarter.period.id).toBe('2026-Q3');
    for (const report of [month, quarter]) {
      expect(report.staff.length).toBeGreaterThanOrEqual(18);
      expect(report.staff.every((s) => s.grade !== null && typeof s.total === 'number')).toBe(true);
      // A demo whose grades all came out alike would show nothing of the scoring.
      expect(new Set(report.staff.map((s) => s.grade)).size).toBeGreaterThanOrEqual(3);
      expect(report.adjustments.map((a) => a.appeal)).toEqual(['SS-2026-009']);
      expect(report.staff.filter((s) => s.adjustments.length > 0)).toHaveLength(1);
    }
    for (const period of ['2026-09', '2026-Q3']) {
      expect(existsSync(join(dir, 'reports', `${period}.xlsx`))).toBe(true);
      const notices = readdirSync(join(dir, 'notices', period));
      expect(notices.filter((f) => f.endsWith('.docx'))).toHaveLength(month.staff.length);
      expect(notices.filter((f) => f.endsWith('.md'))).toHaveLength(month.staff.length);
    }
    const notice = readdirSync(join(dir, 'notices', '2026-09')).find((f) => f.endsWith('.md'))!;
    expect(readFileSync(join(dir, 'notices', '2026-09', notice), 'utf8')).toContain('绩效考核结果通知书');
    // The months before were scored too, so that rules over consecutive months can look back.
    expect(existsSync(join(dir, 'reports', '2026-07.json'))).toBe(true);
    expect(existsSync(join(dir, 'reports', '2026-08.json'))).toBe(true);
  });

  it('is a real assessment: its policy takes effect before the quarter, so no report or notice is a trial run', () => {
    expect(readFileSync(join(dir, 'answers.yaml'), 'utf8')).toMatch(/^effective_date: 2026-07-01$/m);
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toContain('effective_date: "2026-07-01"');
    for (const period of ['2026-07', '2026-08', '2026-09', '2026-Q3']) {
      const report = readJson(join(dir, 'reports', `${period}.json`));
      expect(report.trial).toBe(false);
      expect(report.policy.effective_date <= report.period.start.slice(0, 10)).toBe(true);
    }
    expect(run.stdout).not.toContain('试算');
    const quarter = join(dir, 'notices', '2026-Q3');
    const notices = readdirSync(quarter).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(quarter, f), 'utf8'));
    expect(notices.every((text) => !text.includes('试算') && text.includes('根据《'))).toBe(true);
    // Q2 predates the policy: a quarter at D does not wait for its result, it says when the rule could first hold.
    expect(notices.some((text) => text.includes('“降级或调岗”本期不适用：制度自2026年7月1日起生效，连续两个季度的条件最早于2026年第四季度可能成立。'))).toBe(true);
    expect(notices.some((text) => text.includes('第二季度'))).toBe(false);
  });

  it('refuses a folder that is not empty, and leaves it untouched', async () => {
    // Run again where the demo is, in a copy of it: the shared one is read by other files.
    cpSync(dir, join(work, 'aspm-demo'), { recursive: true });
    const again = await runMain(['demo', 'aspm-demo'], { cwd: work, env: { LANG: 'en_US.UTF-8' } });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('is not empty');
    expect(hasStackTrace(again.stderr)).toBe(false);
    const other = join(work, 'mine');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'keep me');
    expect((await runMain(['demo', other])).status).toBe(1);
    expect(readdirSync(other)).toEqual(['notes.txt']);
  });
});

describe('aspm demo --lang en', () => {
  let dir: string;
  let run: CliRun;

  // `aspm demo out --lang en`, shared as the Chinese one is.
  beforeAll(async () => {
    ({ dir, run } = await sharedDemo('en'));
  }, 240_000);

  it('writes an English policy, English data and English notices', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('The demo is in out/');
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toMatch(/language: en/);
    expect(readFileSync(join(dir, 'data', 'tickets-2026Q3.csv'), 'utf8').split('\n')[0]).toMatch(/^ticket_id,staff_id/);
    const notice = readdirSync(join(dir, 'notices', '2026-09')).find((f) => f.endsWith('.md'))!;
    expect(readFileSync(join(dir, 'notices', '2026-09', notice), 'utf8')).toMatch(/performance result notice/i);
  });
});
