// End to end: the dashboard from the command line — `aspm evaluate … --html` beside the
// report (with the history's earlier periods), `aspm dashboard DIR -o FILE` over a folder of
// published reports — written atomically, never over a file without --force, and a clear
// error for a folder with nothing to show. What the page draws is tested in
// src/dashboard/ and in a real browser (dashboard-browser.test.ts).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRoster, generateTickets } from '../src/sample-data/generate-sample-data.js';
import { writeRosterCsv, writeTicketsCsv } from '../src/sample-data/write-sample-data.js';
import type { ScoredReport } from '../src/scoring/scored-report.js';
import { hasStackTrace, ROOT } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';

const policy = join(ROOT, 'presets', 'medium.zh-CN.yaml');
const dir = mkdtempSync(join(tmpdir(), 'aspm-e2e-dashboard-'));
const file = (...parts: string[]) => join(dir, ...parts);
const options = { seed: 13, staff: 12, tickets: 0, year: 2026, month: 7, language: 'zh-CN' as const };
const staff = generateRoster(options);

function evaluate(period: string, output: string, extra: string[] = []) {
  return runMain(['evaluate', policy, '--tickets', file('tickets.csv'), '--roster', file('roster.csv'), '--period', period, '-o', output, '--date', '2026-10-09', ...extra]);
}

const readReport = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as ScoredReport;

/** The periods along the axis of the page's total-score trend: the periods it shows. */
function trendPeriods(html: string): string[] {
  const figure = /<figure class="chart" data-chart="total-trend">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
  return [...figure.matchAll(/>(\d{4}(?:-\d{2}|-Q[1-4])?)<\/text>/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  await writeRosterCsv(file('roster.csv'), staff, { language: 'zh-CN' });
  await writeTicketsCsv(file('tickets.csv'), generateTickets({ ...options, tickets: 1800, months: 3 }, staff), { language: 'zh-CN' });
  mkdirSync(file('reports'));
  for (const month of ['2026-07', '2026-08']) expect((await evaluate(month, file('reports', `${month}.json`))).status).toBe(0);
}, 120_000);

describe('aspm evaluate --html', () => {
  it('writes the dashboard next to the report, with the earlier periods of its history', async () => {
    const run = await evaluate('2026-09', file('reports', '2026-09.json'), ['--history', file('reports'), '--html']);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    const html = file('reports', '2026-09.html');
    expect(run.stderr).toContain(html);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    // Self-contained: no script, nothing loaded from elsewhere.
    expect(page).not.toMatch(/<script|<link|src="http|href="http|@import/i);
    expect(trendPeriods(page)).toEqual(['2026-07', '2026-08', '2026-09']);
    // The policy is at hand: its goals chapter is shown (the preset's four goals).
    expect(page).toContain('制度的部门绩效目标');
    for (const goal of ['客户满意度不低于 95%', '工单平均解决时长不超过 24 小时', '一次修复率不低于 90%', '有效投诉率控制在 0.5% 以内']) expect(page).toContain(goal);
  });

  it('shows only the run itself without --history, and never a period after it', async () => {
    mkdirSync(file('alone'));
    const run = await evaluate('2026-08', file('alone', 'august.json'), ['--html', file('alone', 'page.html')]);
    expect(run.status).toBe(0);
    expect(trendPeriods(readFileSync(file('alone', 'page.html'), 'utf8'))).toEqual(['2026-08']);
    // Re-scoring July with the folder as history: August and September are later, not shown.
    const july = await evaluate('2026-07', file('alone', 'july.json'), ['--history', file('reports'), '--html']);
    expect(july.status).toBe(0);
    expect(trendPeriods(readFileSync(file('alone', 'july.html'), 'utf8'))).toEqual(['2026-07']);
  });

  it('refuses a dashboard named as the report, before reading anything', async () => {
    const run = await evaluate('2026-09', file('same.json'), ['--html', file('same.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('html-same-as-output');
    expect(existsSync(file('same.json'))).toBe(false);
  });
});

describe('aspm dashboard', () => {
  it('draws every report of the folder, oldest first, and says where it wrote and what it shows', async () => {
    const run = await runMain(['dashboard', file('reports'), '-o', file('dashboard.html')]);
    expect(run.stderr).toBe(`Dashboard written to ${file('dashboard.html')} (3 period(s): 2026-07, 2026-08, 2026-09). Open it in a browser; it needs no network.\n`);
    expect(run.status).toBe(0);
    const page = readFileSync(file('dashboard.html'), 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    // The policy's language (zh-CN), whatever LANG says, unless --lang asks.
    expect(page).toContain('<html lang="zh-CN">');
    expect(trendPeriods(page)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(page).not.toMatch(/<script/i);
    // The reports carry the policy's goals (report.json's goals), so the page shows them without the policy.
    expect(page).toContain('制度的部门绩效目标');
    // No temporary left beside it.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp') || name.includes('aspm-lock'))).toEqual([]);
  });

  it("with --policy shows the policy's goals, and only that policy's reports", async () => {
    const run = await runMain(['dashboard', file('reports'), '-o', file('goals.html'), '--policy', policy]);
    expect(run.status).toBe(0);
    const page = readFileSync(file('goals.html'), 'utf8');
    expect(page).toContain('制度的部门绩效目标');
    expect(page).toContain('客户满意度不低于 95%');
    // The goals as the file has them now, not as the reports carry them: a goal reworded since.
    const revised = file('revised.yaml');
    writeFileSync(revised, readFileSync(policy, 'utf8').replace('客户满意度不低于 95%', '客户满意度不低于 95%（2026 年修订）'));
    const again = await runMain(['dashboard', file('reports'), '-o', file('revised.html'), '--policy', revised]);
    expect(again.status).toBe(0);
    expect(readFileSync(file('revised.html'), 'utf8')).toContain('客户满意度不低于 95%（2026 年修订）');
    // Another company's policy: none of these reports is its.
    const other = await runMain(['dashboard', file('reports'), '-o', file('other.html'), '--policy', join(ROOT, 'presets', 'small.zh-CN.yaml')]);
    expect(other.status).toBe(1);
    expect(other.stderr).toContain('has no report of "示例家电服务有限公司 售后服务绩效管理制度"');
    expect(existsSync(file('other.html'))).toBe(false);
  });

  it('never replaces a file without --force, and replaces it with', async () => {
    writeFileSync(file('mine.html'), 'my own page');
    const refused = await runMain(['dashboard', file('reports'), '-o', file('mine.html')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('output-exists');
    expect(readFileSync(file('mine.html'), 'utf8')).toBe('my own page');
    const forced = await runMain(['dashboard', file('reports'), '-o', file('mine.html'), '--force', '--lang', 'en']);
    expect(forced.status).toBe(0);
    expect(readFileSync(file('mine.html'), 'utf8')).toContain('<html lang="en">');
  });

  it("shows the latest report's policy and names the reports of another, left out", async () => {
    mkdirSync(file('mixed'));
    for (const month of ['2026-08', '2026-09']) copyFileSync(file('reports', `${month}.json`), file('mixed', `${month}.json`));
    const other = readReport(file('reports', '2026-07.json'));
    writeFileSync(file('mixed', 'other-team.json'), JSON.stringify({ ...other, policy: { ...other.policy, title: '另一份制度' } }));
    const run = await runMain(['dashboard', file('mixed'), '-o', file('mixed.html')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`${file('mixed', 'other-team.json')} belong to another policy`);
    expect(run.stderr).toContain('(2 period(s): 2026-08, 2026-09)');
  });

  it('shows names from the data as text, never as markup', async () => {
    mkdirSync(file('hostile'));
    const report = readReport(file('reports', '2026-09.json'));
    const staffWithScript = report.staff.map((s, i) => (i === 0 ? { ...s, name: '<script>alert(1)</script>', team: '<b>组</b>' } : s));
    writeFileSync(file('hostile', '2026-09.json'), JSON.stringify({ ...report, staff: staffWithScript }));
    const run = await runMain(['dashboard', file('hostile'), '-o', file('hostile.html')]);
    expect(run.status).toBe(0);
    const page = readFileSync(file('hostile.html'), 'utf8');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<b>组</b>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.each([
    ['an empty folder', () => mkdirSync(file('empty')), 'empty', 'is empty: there is no report to show'],
    ['a folder without reports', () => (mkdirSync(file('no-json')), writeFileSync(file('no-json', 'notes.txt'), '')), 'no-json', 'has no report (*.json), only 1 other item(s)'],
    ['a missing folder', () => undefined, 'missing', 'does not exist'],
    ['a file that is not a report', () => (mkdirSync(file('junk')), writeFileSync(file('junk', 'a.json'), '{')), 'junk', 'is not valid JSON'],
  ])('%s is an error that says what to give, and nothing is written', async (_name, make, folder, message) => {
    make();
    const out = file(`${folder}.html`);
    const run = await runMain(['dashboard', file(folder), '-o', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});
