// End to end: what `aspm evaluate` says about the period and the tickets file — rows that
// fell in the period but could not be used, and a period the export covers only in part.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectValidReport } from './helpers/report-schema.js';
import { runMain } from './helpers/run-main.js';

const root = join(import.meta.dirname, '..');
const policy = join(root, 'presets', 'medium.zh-CN.yaml');
const dir = mkdtempSync(join(tmpdir(), 'aspm-e2e-period-'));
const roster = join(dir, 'roster.csv');
const HEAD = '工单号,处理人工号,创建时间,首次响应时间,解决时间,满意度,是否投诉';

function aspm(...args: string[]) {
  return runMain(args, { env: { ...process.env, LANG: 'en_US.UTF-8' } });
}

beforeAll(() => {
  writeFileSync(roster, '工号,姓名,岗位,班组\nE0032,陈静,客服专员,一组\n');
});

describe('rows in the period that none could be used', () => {
  it('are not reported as "no ticket falls in the period": the message counts where they went, in both languages', async () => {
    // One September ticket, and eight October tickets that name nobody (an export without its handler column filled).
    const rows = [HEAD, 'T0,E0032,2026-09-03 09:00,2026-09-03 09:10,2026-09-03 12:00,5,否'];
    for (let i = 1; i <= 8; i++) rows.push(`T${i},,2026-10-0${i} 09:00,2026-10-0${i} 09:10,2026-10-0${i} 12:00,5,否`);
    const tickets = join(dir, 'nobody.csv');
    writeFileSync(tickets, rows.join('\n') + '\n');
    const output = join(dir, 'nobody.json');
    const en = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', output);
    expect(en.status).toBe(1);
    expect(en.stderr).not.toContain('No ticket falls in the period');
    expect(en.stderr).toContain(
      `${tickets}: warning period-no-usable-tickets: No row of the tickets file counts in the period 2026-10: of its 9 rows, 1 are dated outside the period (2026-09-03 to 2026-09-03); ` +
        '8 were left out for data problems (no ticket id, a repeated id, no staff member or one not on the roster, a placing time that cannot be read), before they could be placed in a period.',
    );
    // The warnings it points at are printed too.
    expect(en.stderr).toContain('This ticket has no staff member');
    const zh = await aspm('--lang', 'zh-CN', 'evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', output);
    expect(zh.status).toBe(1);
    expect(zh.stderr).not.toContain('没有一张工单落在考核期');
    expect(zh.stderr).toContain('工单文件中没有一行能计入考核期 2026-10：共 9 行，其中 1 行的日期不在考核期内（2026-09-03 至 2026-09-03）；8 行因数据问题未采用');
  });

  it('a file whose every row is dated in another month still gets the message about the period', async () => {
    const tickets = join(dir, 'september.csv');
    writeFileSync(tickets, [HEAD, 'T1,E0032,2026-09-03 09:00,2026-09-03 09:10,2026-09-03 12:00,5,否', 'T2,E0032,2026-09-28 09:00,2026-09-28 09:10,2026-09-28 12:00,5,否'].join('\n') + '\n');
    const result = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', join(dir, 'september.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${tickets}: warning period-no-tickets: No ticket falls in the period 2026-10: the 2 ticket(s) in the file are dated 2026-09-03 to 2026-09-28.`);
    expect(result.stderr).not.toContain('No row of the tickets file counts');
  });
});

describe('a period the file covers only in part', () => {
  /** The wall time `minutes` into day `day` of October 2026 (0 is 30 September, 32 is 1 November). */
  const at = (day: number, minutes: number) => new Date(Date.UTC(2026, 9, day, 0, minutes)).toISOString().slice(0, 16).replace('T', ' ');
  /** Tickets of E0032 on the days `dayOf` gives, every half hour from 08:00 (by row number modulo 14), resolved two hours later. */
  function writeTickets(name: string, count: number, dayOf: (i: number) => number): string {
    const rows = [HEAD];
    for (let i = 0; i < count; i++) {
      const day = dayOf(i);
      const minutes = 8 * 60 + (i % 14) * 30;
      rows.push(`T${i},E0032,${at(day, minutes)},${at(day, minutes + 10)},${at(day, minutes + 120)},5,否`);
    }
    const path = join(dir, name);
    writeFileSync(path, rows.join('\n') + '\n');
    return path;
  }
  type Warning = { code: string; file: string; message: string };

  it('an export pulled on the 15th: the terminal and report.json say which part of the month it covers', async () => {
    // 200 tickets, 14 a day from 1 October: the last, i = 199 = 14 × 14 + 3, is on day 1 + 14 = the
    // 15th, created 08:00 + 3 × 30 min = 09:30 and resolved at 11:30, the latest time in the file.
    const tickets = writeTickets('to-the-15th.csv', 200, (i) => 1 + Math.floor(i / 14));
    const output = join(dir, 'to-the-15th.json');
    const en = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', output);
    expect(en.status).toBe(0);
    const message =
      'The file covers only 2026-10-01 – 2026-10-15 of the period 2026-10-01 – 2026-10-31 (its latest ticket time is 2026-10-15 11:30; 200 rows in the period), ' +
      'so every count and SLA is judged on that part alone. If the export was pulled before the period ended, or filtered by date, export the whole period and run again; ' +
      'if there were simply no tickets on the other days (a holiday), nothing needs doing.';
    expect(en.stderr).toContain(`${tickets}: warning period-partly-covered: ${message}`);
    const report = expectValidReport(JSON.parse(readFileSync(output, 'utf8')));
    expect(report.warnings.filter((w: Warning) => w.code === 'period-partly-covered')).toEqual([{ code: 'period-partly-covered', file: tickets, row: null, column: null, value: null, message }]);
    const zh = await aspm('--lang', 'zh-CN', 'evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', join(dir, 'to-the-15th-zh.json'));
    expect(zh.stderr).toContain('工单文件只覆盖考核期 2026-10-01 至 2026-10-31 中的 2026-10-01 至 2026-10-15（文件中最晚的工单时间为 2026-10-15 11:30；考核期内 200 行），各项计数和时效指标都只按这一段计算。');
  });

  it('an export that starts on the 20th says so, from its earliest time', async () => {
    // 200 tickets from 20 October, 14 a day: days 20 to 34 — the last 32 fall in November.
    const tickets = writeTickets('from-the-20th.csv', 200, (i) => 20 + Math.floor(i / 14));
    const output = join(dir, 'from-the-20th.json');
    const result = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', output);
    expect(result.status).toBe(0);
    // Days 20–31 hold 12 × 14 = 168 rows; the earliest is created 2026-10-20 08:00.
    expect(result.stderr).toContain('The file covers only 2026-10-20 – 2026-10-31 of the period 2026-10-01 – 2026-10-31 (its earliest ticket time is 2026-10-20 08:00; 168 rows in the period)');
    expect(JSON.parse(readFileSync(output, 'utf8')).inputs[0]).toMatchObject({ rows: 200, used: 168, outside_period: 32, skipped: 0 });
  });

  /** Tickets created on the days `createdOn` gives (from 08:00, every half hour), answered 10 minutes and resolved `resolvedAfter` days and 2 hours later. */
  function writeSpread(name: string, count: number, createdOn: (i: number) => number, resolvedAfter: (i: number) => number): string {
    const rows = [HEAD];
    for (let i = 0; i < count; i++) {
      const day = createdOn(i);
      const minutes = 8 * 60 + (i % 14) * 30;
      rows.push(`T${i},E0032,${at(day, minutes)},${at(day, minutes + 10)},${at(day + resolvedAfter(i), minutes + 120)},5,否`);
    }
    const path = join(dir, name);
    writeFileSync(path, rows.join('\n') + '\n');
    return path;
  }

  it('an export filtered by creation date to the 20th but pulled on 9 November: creation stops on the 20th, said by name though resolutions run on', async () => {
    // 200 tickets, 10 a day created on 1–20 October (on the 20th i = 190–199, the latest i = 195,
    // 195 mod 14 = 13: at 08:00 + 13 × 30 min = 14:30),
    // each resolved i mod 21 days later: resolution times run to 9 November, so the file's
    // latest time is past the period's end, which used to hide the gap.
    const tickets = writeSpread('created-to-the-20th.csv', 200, (i) => 1 + Math.floor(i / 10), (i) => i % 21);
    const output = join(dir, 'created-to-the-20th.json');
    const en = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', output);
    expect(en.status).toBe(0);
    // The agent's KPIs placed by creation in the medium preset: the response ones.
    const message =
      'The file covers by creation time only 2026-10-01 – 2026-10-20 of the period 2026-10-01 – 2026-10-31 (its latest creation time is 2026-10-20 14:30; 200 rows in the period), ' +
      'so the KPIs that place tickets by creation time (首次响应时长, 响应及时率) are judged on that part alone.';
    expect(en.stderr).toContain(`${tickets}: warning period-partly-covered: ${message}`);
    const zh = await aspm('--lang', 'zh-CN', 'evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', join(dir, 'created-to-the-20th-zh.json'));
    expect(zh.stderr).toContain('工单文件按创建时间计只覆盖考核期 2026-10-01 至 2026-10-31 中的 2026-10-01 至 2026-10-20（文件中最晚的创建时间为 2026-10-20 14:30；考核期内 200 行），按创建时间归入考核期的指标（首次响应时长、响应及时率）都只按这一段计算。');
  });

  it('an export filtered by resolution date from the 11th: resolution starts on the 11th, said by name though creations go back further', async () => {
    // 210 tickets, 10 a day resolved on 11–31 October (the first, i = 0, on the 11th at 08:00 + 2 h = 10:00),
    // each created i mod 15 days earlier: creation times go back to 26 September.
    const tickets = writeSpread('resolved-from-the-11th.csv', 210, (i) => 11 + Math.floor(i / 10) - (i % 15), (i) => i % 15);
    const result = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', join(dir, 'resolved-from-the-11th.json'));
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('The file covers by resolution time only 2026-10-11 – 2026-10-31 of the period 2026-10-01 – 2026-10-31 (its earliest resolution time is 2026-10-11 10:00; 210 rows in the period)');
    expect(result.stderr).not.toContain('by creation time');
  });

  it('says nothing of a whole month exported by creation date and pulled later, nor of one exported by resolution date', async () => {
    // Created 1–31 October (200 over the 31 days), resolved up to 10 days later, into November.
    const byCreation = writeSpread('whole-by-creation.csv', 200, (i) => 1 + Math.floor((i * 31) / 200), (i) => i % 11);
    // Resolved 1–31 October, created up to 10 days earlier, from late September.
    const byResolution = writeSpread('whole-by-resolution.csv', 200, (i) => 1 + Math.floor((i * 31) / 200) - (i % 11), (i) => i % 11);
    for (const tickets of [byCreation, byResolution]) {
      const result = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', `${tickets}.json`);
      expect(result.status).toBe(0);
      expect(result.stderr).not.toContain('period-partly-covered');
    }
  });

  it('says nothing of a file that covers the month, nor of one of five rows, nor of a quiet week the file spans', async () => {
    // 200 tickets spread over the 31 days: the first on the 1st at 08:00, the last on the 31st.
    const whole = writeTickets('whole-month.csv', 200, (i) => 1 + Math.floor((i * 31) / 200));
    // Five tickets on the first five days: a gap of 26 days, but too few rows to judge by.
    const few = writeTickets('five.csv', 5, (i) => 1 + i);
    // No ticket from 1 to 7 October (a holiday week), but the export runs from 21 September:
    // 70 rows on 21–30 September, then 130 from the 8th to the 31st (about 5½ a day).
    const holiday = writeTickets('holiday-week.csv', 200, (i) => (i < 70 ? -9 + Math.floor(i / 7) : 8 + Math.floor(((i - 70) * 24) / 130)));
    for (const [tickets, rows, used] of [
      [whole, 200, 200],
      [few, 5, 5],
      [holiday, 200, 130],
    ] as const) {
      const output = join(dir, `quiet-${rows}-${used}.json`);
      const result = await aspm('evaluate', policy, '--tickets', tickets, '--roster', roster, '--period', '2026-10', '-o', output);
      expect(result.status).toBe(0);
      expect(result.stderr).not.toContain('period-partly-covered');
      const report = expectValidReport(JSON.parse(readFileSync(output, 'utf8')));
      expect(report.inputs[0]).toMatchObject({ rows, used, skipped: 0 });
      expect(report.warnings).toEqual([]);
    }
  });
});
