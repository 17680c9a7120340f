// The real job end to end, with the CLI (in process) in a temporary folder, as the README's
// walkthrough tells a new manager to do it: init from an answers file → validate → render
// → evaluate a month → evaluate the next with an approved appeal and the first month as
// history. The Word document of the same policy is opened in LibreOffice by
// word-in-libreoffice.test.ts, in the one conversion it makes for all its documents.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoData, demoAdjustmentsYaml, type DemoData } from '../src/demo/demo-data.js';
import { readPolicy } from '../src/policy/load-policy.js';
import { writeMetricsCsv, writeRatingsCsv, writeRosterCsv, writeTicketsCsv } from '../src/sample-data/write-sample-data.js';
import { FLOW_ANSWERS } from './helpers/flow-answers.js';
import { hasStackTrace } from './helpers/run-cli.js';
import { expectValidReport } from './helpers/report-schema.js';
import { runMain } from './helpers/run-main.js';

const work = mkdtempSync(join(tmpdir(), 'aspm-flow-'));
const at = (...parts: string[]) => join(work, ...parts);
const zh = { LANG: 'zh_CN.UTF-8' };

interface Person {
  readonly id: string;
  readonly grade: string | null;
  readonly adjustments: readonly { readonly appeal: string }[];
  readonly kpis: readonly { readonly id: string; readonly excluded: readonly unknown[] }[];
  readonly outcomes: { readonly actions: readonly { readonly kind: string }[] };
}
interface Report {
  readonly period: { readonly id: string };
  readonly history: readonly { readonly period: string }[];
  readonly adjustments: readonly { readonly appeal: string; readonly ticket_id?: string }[];
  readonly staff: readonly Person[];
}
const report = (name: string) => expectValidReport(JSON.parse(readFileSync(at('reports', name), 'utf8'))) as Report;

describe('the whole flow with the CLI', () => {
  let data: DemoData;

  it('drafts the policy from an answers file', async () => {
    writeFileSync(at('answers.yaml'), FLOW_ANSWERS);
    const run = await runMain(['init', '--answers', 'answers.yaml', '-o', 'policy.yaml'], { cwd: work, env: zh });
    // The story is set in 2026: once its effective date has passed, init says so (a warning only).
    expect(run.stderr.split('\n').filter((line) => line !== '' && !line.includes(': 警告 answer-date-past: 生效日期 2026-07-01 早于今天'))).toEqual([]);
    expect(run.status).toBe(0);
    const text = readFileSync(at('policy.yaml'), 'utf8');
    expect(text).toContain('company: 华东家电服务有限公司');
    expect(text).toMatch(/file_within_days: 7/);
  });

  it('validates it', async () => {
    const run = await runMain(['validate', 'policy.yaml'], { cwd: work, env: zh });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('policy.yaml：有效');
  });

  it('publishes it as Word and Markdown, refusing to overwrite without --force', async () => {
    expect((await runMain(['render', 'policy.yaml', '-o', 'policy.docx', '-o', 'policy.md'], { cwd: work })).status).toBe(0);
    expect(readFileSync(at('policy.md'), 'utf8')).toContain('华东家电服务有限公司');
    const again = await runMain(['render', 'policy.yaml', '-o', 'policy.docx'], { cwd: work, env: zh });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已存在');
  });

  describe('scores two months', () => {
    beforeAll(async () => {
      const loaded = await readPolicy(at('policy.yaml'));
      if (!loaded.ok) throw new Error('the drafted policy does not load');
      data = buildDemoData(loaded.value, 'zh-CN');
      mkdirSync(at('data'));
      mkdirSync(at('reports'));
      const style = { language: 'zh-CN', encoding: 'gb18030', crlf: true } as const;
      await writeRosterCsv(at('data', '人员名单.csv'), data.roster, style);
      await writeTicketsCsv(at('data', '工单.csv'), data.tickets, style);
      for (const month of ['2026-08', '2026-09']) {
        await writeRatingsCsv(at('data', `评价-${month}.csv`), data.ratings.get(month) ?? [], style);
        await writeMetricsCsv(at('data', `奖惩-${month}.csv`), data.metrics.get(month) ?? [], data.metricsColumns, style);
      }
      writeFileSync(at('data', '申诉调整.yaml'), demoAdjustmentsYaml(data.appeal, 'zh-CN', './adjustments.schema.json'));
    });

    const evaluate = (month: string, extra: string[] = []) =>
      runMain(
        [
          'evaluate', 'policy.yaml', '--tickets', 'data/工单.csv', '--roster', 'data/人员名单.csv',
          '--ratings', `data/评价-${month}.csv`, '--metrics', `data/奖惩-${month}.csv`,
          '--period', month, '-o', `reports/${month}.json`, '--xlsx', '--history', 'reports', '--date', '2026-10-16', ...extra,
        ],
        { cwd: work, env: zh },
      );

    it('scores August', async () => {
      const run = await evaluate('2026-08');
      expect(hasStackTrace(run.stderr)).toBe(false);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('等级分布');
      expect(report('2026-08.json').staff.every((s) => s.grade !== null)).toBe(true);
    });

    it('scores September with the approved appeal and August as history, with notices', async () => {
      const run = await evaluate('2026-09', ['--adjustments', 'data/申诉调整.yaml', '--notices', 'notices/2026-09']);
      expect(run.status).toBe(0);
      const september = report('2026-09.json');
      expect(september.history.map((h) => h.period)).toContain('2026-08');
      expect(september.adjustments).toEqual([expect.objectContaining({ appeal: 'SS-2026-009', ticket_id: data.appeal.ticketId })]);
      const appellant = september.staff.find((s) => s.id === data.appeal.staffId)!;
      expect(appellant.adjustments).toHaveLength(1);
      expect(appellant.kpis.some((k) => k.excluded.length > 0)).toBe(true);
      // Two consecutive months at D lead to the improvement plan; one alone does not.
      const august = new Map(report('2026-08.json').staff.map((s) => [s.id, s.grade]));
      const twice = september.staff.filter((s) => s.grade === 'D' && august.get(s.id) === 'D');
      expect(twice.length).toBeGreaterThan(0);
      for (const person of september.staff) {
        const plan = person.outcomes.actions.some((a) => a.kind === 'improvement_plan');
        expect(plan).toBe(person.grade === 'D' && august.get(person.id) === 'D');
      }
      const notices = readdirSync(at('notices', '2026-09'));
      expect(notices.filter((f) => f.endsWith('.docx'))).toHaveLength(september.staff.length);
      const notice = readFileSync(at('notices', '2026-09', notices.find((f) => f.startsWith(data.appeal.staffId) && f.endsWith('.md'))!), 'utf8');
      expect(notice).toContain('SS-2026-009');
      expect(notice).toContain('2026年10月27日');
    });

    it('will not overwrite the published report without --force; a rerun reads it as history and agrees with it', async () => {
      const before = readFileSync(at('reports', '2026-09.json'));
      const again = await evaluate('2026-09', ['--adjustments', 'data/申诉调整.yaml']);
      expect(again.status).toBe(1);
      expect(readFileSync(at('reports', '2026-09.json'))).toEqual(before);
      const published = report('2026-09.json');
      const forced = await evaluate('2026-09', ['--adjustments', 'data/申诉调整.yaml', '--force']);
      expect(forced.status).toBe(0);
      const rerun = report('2026-09.json');
      expect(rerun.history.map((h) => h.period)).toEqual(['2026-08', '2026-09']);
      expect(rerun.staff).toEqual(published.staff);
    });
  });
});
