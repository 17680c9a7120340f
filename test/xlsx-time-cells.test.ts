// Excel time cells (issue 12, item 1): a number with a time format is read as the clock
// Excel shows (0:03:40), never as a fraction of a day that scores; in a number field that
// is not declared a duration it is one message for the column that says how to declare it.
// Workbooks written here (xlsx-writer, or forged part by part for a hostile styles.xml).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AspmError } from '../src/errors.js';
import { t } from '../src/i18n/catalogue.js';
import type { Cell } from '../src/tables/parse-value.js';
import { readTable, type TableConsumer } from '../src/tables/read-table.js';
import { MAX_CELL_STYLES } from '../src/tables/xlsx-xml.js';
import { XlsxStreamWriter, type XlsxCell } from '../src/sample-data/xlsx-writer.js';
import { forgeZip, rowsXml, sheetXml, workbookParts } from './helpers/forge-xlsx.js';
import { expectValidReport } from './helpers/report-schema.js';
import { runMain } from './helpers/run-main.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-xlsx-times-'));
const DAY = 86_400;

async function writeWorkbook(name: string, rows: readonly (readonly XlsxCell[])[]): Promise<string> {
  const path = join(dir, name);
  const writer = new XlsxStreamWriter(path);
  for (const row of rows) await writer.addRow(row);
  await writer.close();
  return path;
}

async function readRows(path: string): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  const consumer: TableConsumer = {
    score: (h) => (h.includes('Call Id') ? 1 : 0),
    header() {},
    row(cells) {
      rows.push([...cells]);
    },
  };
  await readTable(path, consumer);
  return rows;
}

describe('reading time cells', () => {
  it('a number in h:mm:ss or [h]:mm:ss is its clock text; dates, date-times and plain numbers are as before', async () => {
    const date = Date.UTC(2021, 0, 4, 9, 5); // 2021-01-04 09:05, serial 44200 + 9:05
    const path = await writeWorkbook('times.xlsx', [
      ['Call Id', 'Talk', 'Long', 'Opened', 'Speed'],
      ['C1', { time: 220 / DAY }, { time: (26 * 3600 + 220) / DAY, elapsed: true }, { date }, 109],
      ['C2', { time: 0.0016550925925925926 }, { time: 0.5, elapsed: true }, { date: date + 86_400_000 }, 7.5],
    ]);
    expect(await readRows(path)).toEqual([
      ['C1', '0:03:40', '26:03:40', 44200 + (9 * 60 + 5) / 1440, 109],
      ['C2', '0:02:23', '12:00:00', 44201 + (9 * 60 + 5) / 1440, 7.5],
    ]);
  });

  it('a styles part with more cell styles than Excel allows stops the read, naming it; a cut one is damaged', async () => {
    const sheet = sheetXml(rowsXml([['Call Id', 'Talk'], ['C1', 0.5]]));
    const styles = (xfs: string) => `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>${xfs}</cellXfs></styleSheet>`;
    // Stored, not deflated: a part this repetitive would be refused for its ratio first.
    const many = join(dir, 'many-styles.xlsx');
    writeFileSync(many, forgeZip(workbookParts(sheet, undefined, { name: '', data: styles('<xf numFmtId="21"/>'.repeat(MAX_CELL_STYLES + 1)), store: true })));
    const error = (await readRows(many).catch((e: unknown) => e)) as AspmError;
    expect(error).toBeInstanceOf(AspmError);
    expect(error).toMatchObject({ code: 'xlsx-too-large', params: { path: many, part: 'xl/styles.xml', what: 'styles', limit: MAX_CELL_STYLES.toLocaleString('en') } });
    expect(t('en', error.code, error.params)).toContain('its part xl/styles.xml declares more than 1,048,576 cell styles or number formats');
    expect(t('zh-CN', error.code, error.params)).toContain('其中的部件 xl/styles.xml 声明了超过 1,048,576 个单元格样式或数字格式');
    const cut = join(dir, 'cut-styles.xlsx');
    writeFileSync(cut, forgeZip(workbookParts(sheet, undefined, styles('<xf numFmtId="21"/>').slice(0, -14))));
    await expect(readRows(cut)).rejects.toMatchObject({ code: 'xlsx-corrupt', params: { part: 'xl/styles.xml', problem: 'xml' } });
    // The same styles whole: the General cell is its number.
    const whole = join(dir, 'whole-styles.xlsx');
    writeFileSync(whole, forgeZip(workbookParts(sheet, undefined, styles('<xf numFmtId="0"/><xf numFmtId="21"/>'))));
    expect(await readRows(whole)).toEqual([['C1', 0.5]]);
  });
});

const POLICY = `version: 1
meta:
  company: Call Co
  title: Call centre policy
  department: Service
  effective_date: "2021-01-01"
  language: en
  size: small
  timezone: UTC
purpose: Score the agents.
scope: All agents.
kpis:
  - id: talk_minutes
    name: Mean talk time
    definition: Mean talk time of the calls.
    formula: sum of talk times / calls
    unit: minutes
    direction: lower
    target: 3
    floor: 8
    placed_by: created_at
    compute: { from: tickets, aggregate: mean, field: talk }
  - id: calls
    name: Calls
    definition: Calls taken.
    formula: count of calls
    unit: count
    direction: higher
    target: 2
    floor: 0
    placed_by: created_at
    compute: { from: tickets, aggregate: count }
roles:
  - id: agent
    name: Agent
    quantitative_share: 100
    kpis:
      - { kpi: talk_minutes, weight: 50 }
      - { kpi: calls, weight: 50 }
qualitative:
  items:
    - { id: attitude, name: Attitude, weight: 100 }
  raters:
    - { type: supervisor, weight: 100 }
cycles:
  primary: monthly
grades:
  bands:
    - { grade: A, label: Excellent, min: 85, max: 100 }
    - { grade: B, label: Good, min: 70, max: 85 }
    - { grade: C, label: Fair, min: 60, max: 70 }
    - { grade: D, label: Poor, min: 0, max: 60 }
incentives:
  bonus:
    coefficients:
      - { grade: A, coefficient: 1.2 }
      - { grade: B, coefficient: 1.0 }
      - { grade: C, coefficient: 0.8 }
      - { grade: D, coefficient: 0.5 }
appeal:
  channel: HR
  file_within_days: 5
  answer_within_days: 10
  reviewers: [HR]
data_sources:
  tickets:
    columns:
      ticket_id: Call Id
      staff_name: Agent
      created_at: [Date, Time]
      talk: AvgTalkDuration
`;

describe('aspm evaluate on a call-centre workbook with talk times as Excel time cells', () => {
  it('a mean over them as a number: one column warning with the count, examples and the fix, and no score from those values', async () => {
    writeFileSync(join(dir, 'policy.yaml'), POLICY);
    writeFileSync(join(dir, 'roster.csv'), 'staff_id,name,role\nA1,Diane,agent\nA2,Becky,agent\n');
    // Date as text and Time as a time cell, as the public call-centre workbook has them.
    await writeWorkbook('calls.xlsx', [
      ['Call Id', 'Agent', 'Date', 'Time', 'AvgTalkDuration'],
      ['C1', 'Diane', '2021-01-04', { time: (9 * 3600 + 5 * 60) / DAY }, { time: (26 * 3600 + 220) / DAY, elapsed: true }],
      ['C2', 'Diane', '2021-01-05', { time: 0.5 }, { time: 220 / DAY }],
      ['C3', 'Becky', '2021-01-31', { time: (23 * 3600 + 59 * 60) / DAY }, { time: 143 / DAY }],
      ['C4', 'Becky', '2021-02-01', { time: 60 / DAY }, { time: 60 / DAY }], // 00:01 on 1 February: another period
    ]);
    const run = await runMain(['evaluate', 'policy.yaml', '--tickets', 'calls.xlsx', '--roster', 'roster.csv', '--period', '2021-01', '-o', 'report.json', '--date', '2021-02-10'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    expect(run.status).toBe(0);
    const message =
      'Column "AvgTalkDuration" is read as talk, a number, but 3 of its 3 non-blank values are times or durations (Excel time cells or h:mm:ss text), e.g. row 2 "26:03:40", row 3 "0:03:40", row 4 "0:02:23", and were not counted as numbers. If the column holds durations, declare it under data_sources.tickets in the policy: columns: { talk: { column: "AvgTalkDuration", duration: clock } }. Those tickets are left out of: Mean talk time.';
    // Once, for the column: no warning per row.
    expect(run.stderr.split(message).length - 1).toBe(1);
    expect(run.stderr).not.toContain('row 2: ');
    const report = expectValidReport(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
    expect(report.warnings).toEqual([{ code: 'column-times-in-number', file: 'calls.xlsx', row: null, column: 'AvgTalkDuration', value: null, message }]);
    // The Time cells placed each call (C3 at 23:59 on 31 January in, C4 at 00:01 on 1 February out).
    expect(report.inputs[0]).toMatchObject({ rows: 4, outside_period: 1 });
    const kpi = (name: string, id: string) => report.staff.find((s: { name: string }) => s.name === name).kpis.find((k: { id: string }) => k.id === id);
    expect([kpi('Diane', 'calls').value, kpi('Becky', 'calls').value]).toEqual([2, 1]);
    // Read as fractions of a day they were means of 0.544 ((1.0859 + 0.0025) ÷ 2) and 0.0017 "minutes", a full score each; now no value at all.
    for (const name of ['Diane', 'Becky']) expect(kpi(name, 'talk_minutes')).toMatchObject({ value: null, samples: 0, score: null, status: 'no_data' });

    const zh = await runMain(['evaluate', 'policy.yaml', '--tickets', 'calls.xlsx', '--roster', 'roster.csv', '--period', '2021-01', '-o', 'report-zh.json', '--date', '2021-02-10'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr).toContain(
      '列“AvgTalkDuration”按 talk 读取为数字，但 3 个非空值中有 3 个是时间或时长（Excel 的时间单元格或 h:mm:ss 文字），例如第 2 行“26:03:40”、第 3 行“0:03:40”、第 4 行“0:02:23”，未按数字计算。如果这一列记录的是时长，请在制度的 data_sources.tickets 中声明：columns: { talk: { column: "AvgTalkDuration", duration: clock } }。',
    );
  });
});
