// A period the policy does not cover, with the CLI in process: October 2026 scored against a
// policy that takes effect on 1 January 2027 is a trial run, and every output says so — the
// terminal, report.json, each notice (Markdown at the top, Word in its text and page header)
// and every sheet of the Excel report; the same month under a policy in force is marked
// nowhere.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateRoster, generateTickets } from '../src/sample-data/generate-sample-data.js';
import { writeRosterCsv, writeTicketsCsv } from '../src/sample-data/write-sample-data.js';
import { ROOT, type CliRun } from './helpers/run-cli.js';
import { expectValidReport } from './helpers/report-schema.js';
import { runMain } from './helpers/run-main.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-trial-'));
const at = (...parts: string[]) => join(dir, ...parts);
const MARK_ZH = '试算（制度生效前，不作为考核依据）';
const MARK_EN = 'Trial run (before the policy takes effect; not a basis for assessment)';

function policyEffective(language: 'zh-CN' | 'en', date: string): string {
  const raw = parse(readFileSync(join(ROOT, 'presets', `medium.${language}.yaml`), 'utf8')) as { meta: { effective_date: string } };
  raw.meta.effective_date = date;
  const path = at(`policy-${language}-${date}.yaml`);
  writeFileSync(path, stringify(raw));
  return path;
}

function evaluate(policy: string, name: string, lang: 'zh-CN' | 'en'): Promise<CliRun> {
  return runMain(
    ['evaluate', policy, '--tickets', at(`tickets.${lang}.csv`), '--roster', at(`roster.${lang}.csv`), '--period', '2026-10', '-o', at(name, 'report.json'), '--xlsx', '--notices', at(name, 'notices'), '--date', '2026-11-05', '--lang', lang],
    { cwd: dir },
  );
}

async function sheetsOf(path: string): Promise<ExcelJS.Worksheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets;
}

/** The text of a Word file's body and of its page headers. */
function docxText(path: string): { body: string; headers: string } {
  const files = unzipSync(readFileSync(path));
  const text = (name: string) => strFromU8(files[name]!).replace(/<[^>]+>/g, '');
  return { body: text('word/document.xml'), headers: Object.keys(files).filter((n) => /^word\/header\d*\.xml$/.test(n)).map(text).join('\n') };
}

beforeAll(async () => {
  for (const language of ['zh-CN', 'en'] as const) {
    const options = { seed: 7, staff: 8, tickets: 900, year: 2026, month: 10, months: 1, language };
    const staff = generateRoster(options);
    await writeRosterCsv(at(`roster.${language}.csv`), staff, { language });
    await writeTicketsCsv(at(`tickets.${language}.csv`), generateTickets(options, staff), { language });
  }
}, 60_000);

describe('a period that ends before the policy takes effect', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await evaluate(policyEffective('zh-CN', '2027-01-01'), 'trial', 'zh-CN');
  }, 120_000);

  it('says so in the terminal, right under the title', () => {
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[1]).toBe(`${MARK_ZH}：考核期 2026-10 在制度生效日 2027-01-01 之前结束，以下结果仅供试算参考。`);
  });

  it('records it in report.json with the effective date', () => {
    const report = expectValidReport(JSON.parse(readFileSync(at('trial', 'report.json'), 'utf8'))) as { trial: boolean; policy: { effective_date: string } };
    expect(report.trial).toBe(true);
    expect(report.policy.effective_date).toBe('2027-01-01');
  });

  it('marks every notice at the top, and does not cite the policy as the basis of the result', () => {
    const notices = readdirSync(at('trial', 'notices'));
    const markdown = notices.filter((f) => f.endsWith('.md'));
    expect(markdown.length).toBe(8);
    for (const file of markdown) {
      const text = readFileSync(at('trial', 'notices', file), 'utf8');
      expect(text.split('\n').slice(0, 4)).toEqual(['# 绩效考核结果通知书', '', `**${MARK_ZH}**`, '']);
      expect(text).toContain('本制度自2027年1月1日起施行，本考核期在此之前结束。以下结果是按本制度所做的试算');
      expect(text).toContain('试算，现将您2026年10月');
      expect(text).not.toContain('根据《');
      const word = docxText(at('trial', 'notices', file.replace(/\.md$/, '.docx')));
      expect(word.body).toContain(MARK_ZH);
      expect(word.headers).toContain(MARK_ZH);
    }
  });

  it('marks every sheet of the Excel report in its first row, printed on every page', async () => {
    const sheets = await sheetsOf(at('trial', 'report.xlsx'));
    expect(sheets.length).toBeGreaterThanOrEqual(3);
    for (const sheet of sheets) {
      expect(String(sheet.getCell('A1').value)).toBe(`${MARK_ZH}：考核期 2026-10 在制度生效日 2027-01-01 之前结束，本表结果仅供试算参考。`);
      expect(sheet.pageSetup.printTitlesRow).toMatch(/^1:/);
    }
    // The title (company and period) under the mark, then the table: the summary's header row, then its people.
    const summary = sheets[0]!;
    expect(String(summary.getCell('A2').value)).toMatch(/绩效考核结果$/);
    expect(summary.getCell('B3').value).toBe('工号');
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('in English too', async () => {
    const english = await evaluate(policyEffective('en', '2027-01-01'), 'trial-en', 'en');
    expect(english.status).toBe(0);
    expect(english.stdout.split('\n')[1]).toBe(`${MARK_EN}: the period 2026-10 ends before the policy's effective date, 2027-01-01; these results only try the policy out.`);
    const notices = readdirSync(at('trial-en', 'notices')).filter((f) => f.endsWith('.md'));
    expect(notices.length).toBe(8);
    for (const notice of notices) expect(readFileSync(at('trial-en', 'notices', notice), 'utf8').split('\n').slice(0, 3)).toEqual(['# Performance Result Notice', '', `**${MARK_EN}**`]);
    for (const sheet of await sheetsOf(at('trial-en', 'report.xlsx'))) expect(String(sheet.getCell('A1').value)).toContain(MARK_EN);
  }, 120_000);
});

describe('the same month under a policy in force', () => {
  it('is a real run, marked nowhere; a policy effective mid-month says from when it applied', async () => {
    const real = await evaluate(policyEffective('zh-CN', '2026-10-01'), 'real', 'zh-CN');
    expect(real.status).toBe(0);
    expect(real.stdout).not.toContain('试算');
    expect((expectValidReport(JSON.parse(readFileSync(at('real', 'report.json'), 'utf8'))) as { trial: boolean }).trial).toBe(false);
    const notice = readdirSync(at('real', 'notices')).find((f) => f.endsWith('.md'))!;
    expect(readFileSync(at('real', 'notices', notice), 'utf8')).not.toContain('试算');
    for (const sheet of await sheetsOf(at('real', 'report.xlsx'))) expect(String(sheet.getCell('A1').value ?? '')).not.toContain('试算');

    const part = await evaluate(policyEffective('zh-CN', '2026-10-15'), 'part', 'zh-CN');
    expect(part.status).toBe(0);
    expect(part.stdout).not.toContain('试算');
    expect(part.stdout).toContain('制度自 2026-10-15 起生效，本考核期自 2026-10-01 开始，部分在生效日之前；生效日之前的工单和记录也按本制度计入本期结果。');
    const partNotice = readdirSync(at('part', 'notices')).find((f) => f.endsWith('.md'))!;
    expect(readFileSync(at('part', 'notices', partNotice), 'utf8')).toContain('本制度自2026年10月15日起施行，本考核期自2026年10月1日开始；生效日之前的工单和记录也按本制度计入本期结果。');
  }, 120_000);
});
