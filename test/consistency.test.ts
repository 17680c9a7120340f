// One computation, every output. For every person of the demo quarter (and its months) and
// of a generated month with an appeal, a veto, a resolution before creation, a person with
// no tickets and a period before the policy takes effect, the notice (Markdown), the
// ticket list (CSV), report.json and report.xlsx must state the same figures; every KPI
// recomputed from the person's ticket list must give the report's value and sample count;
// every ticket a warning names must be absent from the KPIs the warning names. Nothing
// here trusts the code that wrote the files: the files are read back as a person would.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';
import { sharedDemo } from './helpers/shared-demo.js';
import { readValidReport } from './helpers/report-schema.js';
import { roundHalfUp2 } from './helpers/recompute-result.js';
import { writeWorkOrders } from './helpers/work-orders.js';

interface KpiEntry {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly scope: string;
  readonly value: number | null;
  readonly samples: number;
  readonly status: string;
  readonly score: number | null;
  readonly contribution: number | null;
  readonly weight: number;
}

interface StaffEntry {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly status: string;
  readonly total: number | null;
  readonly grade: string | null;
  readonly kpis: readonly KpiEntry[];
  readonly outcomes?: { readonly actions: readonly { readonly name: string; readonly because: { readonly grades: readonly { readonly period: string; readonly grade: string }[] } }[] };
}

interface Report {
  readonly trial?: boolean;
  readonly period: { readonly id: string };
  readonly staff: readonly StaffEntry[];
  readonly warnings: readonly { code: string; file: string; row: number | null; column: string | null; message: string }[];
}

/** A CSV as RFC 4180 writes it (quotes doubled), with or without a byte-order mark. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const YES = new Set(['是', 'yes', 'Yes']);
const NO = new Set(['否', 'no', 'No']);
const COUNTED = new Set(['计入', 'counted', 'Counted']);
/** What a list may write in a cell of a KPI a ticket does not count in. */
const NOT_COUNTED = new Set(['', '—', '-', '不计入', 'not counted', 'Not counted']);
const counts = (cell: string | undefined) => !NOT_COUNTED.has((cell ?? '').trim());

/** The KPI a ticket-list column speaks of: its header up to the first colon. */
function columnKpi(header: string): string {
  return header.split(/[：:]/)[0]!.trim();
}

interface Recomputed {
  readonly value: number;
  readonly samples: number;
}

/**
 * A KPI recomputed from one column of a ticket list: yes/no cells give the share of yes
 * (per cent), 计入 cells a count, numbers their mean (or their sum for a count KPI). Where a
 * list gives each ticket's share (crews sharing their tickets), every ticket counts by it.
 */
function recompute(cells: readonly string[], unit: string, shares?: readonly number[]): Recomputed {
  const rows = cells.map((cell, i) => ({ cell, w: shares?.[i] ?? 1 })).filter((r) => counts(r.cell));
  const used = rows.map((r) => r.cell);
  const weight = rows.reduce((a, r) => a + r.w, 0);
  if (used.every((c) => COUNTED.has(c))) return { value: weight, samples: used.length };
  if (used.every((c) => YES.has(c) || NO.has(c))) {
    const yes = rows.filter((r) => YES.has(r.cell)).reduce((a, r) => a + r.w, 0);
    return { value: used.length === 0 ? NaN : (yes / weight) * 100, samples: used.length };
  }
  const numbers = used.map(Number);
  expect(numbers.every(Number.isFinite), `cells ${used.slice(0, 5).join(' ')}`).toBe(true);
  const sum = rows.reduce((a, r) => a + r.w * Number(r.cell), 0);
  return { value: unit === 'count' ? sum : sum / weight, samples: numbers.length };
}

/** A share as a list writes it: 1, 1/3, or a decimal. */
function shareOf(cell: string): number {
  const m = /^1\/(\d+)$/.exec(cell.trim());
  return m ? 1 / Number(m[1]) : Number(cell);
}

interface TicketList {
  readonly header: readonly string[];
  readonly rows: readonly string[][];
  /** Column of the export row number. */
  readonly rowColumn: number;
}

function readTicketList(path: string): TicketList {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8')).filter((r) => r.some((c) => c !== ''));
  const rowColumn = header!.findIndex((h) => /行号|row/i.test(h));
  expect(rowColumn).toBeGreaterThan(-1);
  return { header: header!, rows, rowColumn };
}

/** The KPI table of section 二 of a notice: KPI name (without the △ mark) → its cells. */
function noticeKpiRows(markdown: string): Map<string, string[]> {
  const lines = markdown.split('\n');
  const rows = new Map<string, string[]>();
  const start = lines.findIndex((l) => /^#### (二、|2\.)/.test(l));
  if (start === -1 || !/量化|[Qq]uantitative/.test(lines[start]!)) return rows;
  let i = start + 1;
  while (i < lines.length && !lines[i]!.startsWith('|')) i++;
  for (i += 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
    const cells = lines[i]!.split('|').slice(1, -1).map((c) => c.trim());
    const name = cells[0]!.replace(/[△*]/g, '').trim();
    if (name !== '') rows.set(name, cells);
  }
  return rows;
}

/** The number a cell states (the first one), or null when it states none. */
function stated(cell: string | undefined): number | null {
  const m = /-?\d+(?:\.\d+)?/.exec((cell ?? '').replace(/,/g, ''));
  return m ? Number(m[0]) : null;
}


async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** The row of a person on a sheet, keyed by its header row's labels (the last header row). */
function sheetRowOf(wb: ExcelJS.Workbook, id: string): { groups: string[]; labels: string[]; values: unknown[] } | undefined {
  for (const ws of wb.worksheets) {
    let labelRow = -1;
    for (let r = 1; r <= Math.min(ws.rowCount, 6); r++) {
      const values = ws.getRow(r).values as unknown[];
      if (values.includes('工号') || values.includes('ID') || values.includes('Staff ID')) labelRow = r;
    }
    // A sheet per role has a row of KPI groups (响应及时率（25%）) above its labels; the summary has none.
    const groupRow = labelRow > 1 ? Array.from(ws.getRow(labelRow - 1).values as unknown[], (v) => String(v ?? '')) : [];
    if (!groupRow.some((g) => /[（(]\d+(\.\d+)?%[)）]$/.test(g))) continue;
    for (let r = labelRow + 1; r <= ws.rowCount; r++) {
      const values = ws.getRow(r).values as unknown[];
      if (values.includes(id)) {
        // exceljs gives sparse arrays: Array.from fills their holes.
        const texts = (row: number) => Array.from(ws.getRow(row).values as unknown[], (v) => String(v ?? ''));
        return { groups: texts(labelRow - 1), labels: texts(labelRow), values: Array.from(values) };
      }
    }
  }
  return undefined;
}

interface Outputs {
  readonly report: Report;
  readonly workbook: ExcelJS.Workbook;
  readonly notices: string;
}

/** Checks every person of one report against its notice, ticket list and workbook. */
function checkAgreement({ report, workbook, notices }: Outputs): number {
  let checked = 0;
  const files = readdirSync(notices);
  for (const person of report.staff) {
    const base = files.find((f) => f.startsWith(`${person.id}-`) && f.endsWith('.md'));
    expect(base, `notice of ${person.id}`).toBeDefined();
    const markdown = readFileSync(join(notices, base!), 'utf8');
    const noticeRows = noticeKpiRows(markdown);
    if (noticeRows.size === 0) {
      // Nobody is graded on nothing: no total, and the notice names every KPI it lacks.
      expect(person.total, `${person.id}: a total without a KPI table`).toBeNull();
      for (const kpi of person.kpis) expect(markdown, `${person.id}: names ${kpi.name}`).toContain(kpi.name);
    }
    const sheet = sheetRowOf(workbook, person.id);
    expect(sheet, `${person.id} in the workbook`).toBeDefined();
    const listPath = join(notices, base!.replace(/\.md$/, '.tickets.csv'));
    const list = existsSync(listPath) ? readTicketList(listPath) : undefined;
    for (const kpi of person.kpis) {
      const where = `${report.period.id} ${person.id} ${kpi.name}`;
      // The notice states the value, score and weighted score of the report, to two decimals.
      // A team KPI is named with its scope, e.g. 客户满意度（班组）.
      const row = noticeRows.get(kpi.name) ?? [...noticeRows].find(([name]) => name.startsWith(`${kpi.name}（`) || name.startsWith(`${kpi.name} (`))?.[1];
      if (noticeRows.size > 0) expect(row, `${where}: in the notice`).toBeDefined();
      if (row === undefined) continue;
      if (kpi.value !== null && kpi.status === 'ok') expect(stated(row![1]), `${where}: notice value`).toBe(roundHalfUp2(kpi.value));
      if (kpi.score !== null) expect(stated(row![4]), `${where}: notice score`).toBe(roundHalfUp2(kpi.score));
      if (kpi.contribution !== null) expect(stated(row![6]), `${where}: notice weighted score`).toBe(roundHalfUp2(kpi.contribution));
      // The workbook keeps the unrounded value under the KPI's group of columns; a percentage
      // as the fraction a percent format shows (94.85 in the report is 0.9485 in the cell).
      const at = sheet!.groups.findIndex((g, i) => g.startsWith(`${kpi.name}（`) || (g.startsWith(`${kpi.name} (`) && sheet!.labels[i] !== ''));
      expect(at, `${where}: a column group in the workbook`).toBeGreaterThan(-1);
      const cell = sheet!.values[at];
      if (kpi.value === null) expect(cell ?? null, `${where}: workbook value`).toBeNull();
      else expect(cell as number, `${where}: workbook value`).toBeCloseTo(kpi.unit === 'percent' ? kpi.value / 100 : kpi.value, 9);
      // The ticket list recomputes every individual KPI over tickets.
      if (!list || kpi.scope !== 'individual') continue;
      const columns = list.header.map((h, i) => ({ h, i })).filter(({ h }) => columnKpi(h) === kpi.name);
      if (columns.length === 0) continue; // a KPI not over tickets (none in these policies)
      const shareColumn = list.header.findIndex((h) => /份额|share/i.test(h));
      const shares = shareColumn === -1 ? undefined : list.rows.map((r) => shareOf(r[shareColumn] ?? ''));
      const again = recompute(list.rows.map((r) => r[columns[0]!.i] ?? ''), kpi.unit, shares);
      expect(again.samples, `${where}: tickets in the list`).toBe(kpi.samples);
      if (kpi.value !== null && again.samples > 0) expect(Math.abs(again.value - kpi.value), `${where}: recomputed ${again.value} against ${kpi.value}`).toBeLessThan(0.01);
      checked++;
    }
    // Total and grade, in the notice and the workbook.
    if (person.total !== null) {
      expect(markdown, `${person.id}: total in the notice`).toContain(`**${roundHalfUp2(person.total).toFixed(2)}**`);
      // The workbook's total is the rounded total that decides the grade.
      expect(sheet!.values.filter((v) => v === person.total || v === roundHalfUp2(person.total!)), `${person.id}: total in the workbook`).not.toHaveLength(0);
    }
    if (person.grade !== null) expect(markdown, `${person.id}: grade in the notice`).toMatch(new RegExp(`\\*\\*${person.grade}\\*\\*`));
    // Every outcome names its rule (an article of the policy) and the grades that fired it.
    const applied = markdown.split(/^#### /m).find((section) => /^[一二三四五六七八九十]+、结果应用|^\d+\. (Use of results|Outcomes)/.test(section)) ?? '';
    for (const action of person.outcomes?.actions ?? []) {
      const line = applied.split('\n').find((l) => l.startsWith(`- ${action.name}`));
      expect(line, `${person.id}: ${action.name} on the notice`).toBeDefined();
      expect(line, `${person.id}: ${action.name} names its article`).toMatch(/第[一二三四五六七八九十百]+条|Article \d+/);
      for (const { grade } of action.because.grades) expect(line, `${person.id}: ${action.name} states the grade ${grade}`).toContain(grade);
    }
    // A ticket removed on appeal counts in no column of the list.
    for (const r of list?.rows ?? []) {
      if (!r.some((c) => /申诉|appeal/i.test(c))) continue;
      list!.header.forEach((h, i) => {
        const kpi = person.kpis.find((k) => k.name === columnKpi(h));
        if (kpi) expect(counts(r[i]), `${person.id}: ticket ${r[0]} removed on appeal, column ${h}: ${r[i]}`).toBe(false);
      });
    }
  }
  // Every ticket a warning names is out of the KPIs it names, in every list.
  const lists = files.filter((f) => f.endsWith('.tickets.csv')).map((f) => readTicketList(join(notices, f)));
  for (const w of report.warnings) {
    if (w.row === null) continue;
    const named = report.staff.flatMap((p) => p.kpis.map((k) => k.name)).filter((name) => w.message.includes(name));
    for (const list of lists) {
      for (const r of list.rows.filter((x) => Number(x[list.rowColumn]) === w.row)) {
        list.header.forEach((h, i) => {
          if (named.includes(columnKpi(h))) expect(counts(r[i]), `row ${w.row} (${w.code}) is said to be left out of ${columnKpi(h)}: ${r[i]}`).toBe(false);
        });
      }
    }
  }
  return checked;
}

describe('every output states the figures of one computation', () => {
  describe('the demo quarter and its last month', () => {
    let dir = '';
    let code: number | null = -1;
    let stderr = '';

    beforeAll(async () => {
      // The run's shared demo (helpers/shared-demo.ts): read here, never written.
      const demo = await sharedDemo('zh-CN');
      dir = demo.dir;
      code = demo.run.status;
      stderr = demo.run.stderr;
    }, 240_000);

    it('ran', () => {
      expect(stderr).toBe('');
      expect(code).toBe(0);
    });

    it('every report.json the demo writes is valid against the report schema, its format version first', () => {
      for (const period of ['2026-07', '2026-08', '2026-09', '2026-Q3']) {
        const report = readValidReport(join(dir, 'reports', `${period}.json`));
        expect(Object.entries(report)[0], period).toEqual(['format_version', 1]);
      }
    });

    it.each(['2026-09', '2026-Q3'])('%s: notice, ticket list, report.json and report.xlsx agree', async (period) => {
      const report = JSON.parse(readFileSync(join(dir, 'reports', `${period}.json`), 'utf8')) as Report;
      const workbook = await readWorkbook(join(dir, 'reports', `${period}.xlsx`));
      const checked = checkAgreement({ report, workbook, notices: join(dir, 'notices', period) });
      // Every agent and technician has their own KPIs recomputed from their list.
      expect(checked).toBeGreaterThanOrEqual(18 * 4);
      // September fires penalties and incentives (the quarter's rules cannot hold yet).
      if (period === '2026-09') expect(report.staff.some((p) => (p.outcomes?.actions.length ?? 0) > 0)).toBe(true);
    });
  });

  describe('a generated month before the policy takes effect: an appeal, a veto, a resolution before creation, no tickets for one person', () => {
    const work = mkdtempSync(join(tmpdir(), 'aspm-consistency-gen-'));
    let code = -1;
    let stderr = '';
    let stdout = '';

    beforeAll(async () => {
      writeGenerated(work);
      const at = (name: string) => join(work, name);
      const io = memoryIo({ cwd: work, env: { LANG: 'zh_CN.UTF-8' } });
      code = await main(
        ['evaluate', at('policy.yaml'), '--tickets', at('tickets.csv'), '--roster', at('roster.csv'), '--ratings', at('ratings.csv'), '--metrics', at('metrics.csv'), '--adjustments', at('adjustments.yaml'), '--period', '2026-10', '--date', '2026-11-05', '-o', at('out/report.json'), '--xlsx', '--notices', at('out/notices'), '--lang', 'zh-CN'],
        io,
      );
      stderr = io.stderrText();
      stdout = io.stdoutText();
    }, 120_000);

    it('ran, warning only about the bad row', () => {
      expect(code, stdout + stderr).toBe(0);
      expect(stderr.trim().split('\n').filter((l) => /: (警告|warning) /.test(l)), stderr).toHaveLength(1);
    });

    it('notice, ticket list, report.json and report.xlsx agree', async () => {
      const report = JSON.parse(readFileSync(join(work, 'out', 'report.json'), 'utf8')) as Report;
      const workbook = await readWorkbook(join(work, 'out', 'report.xlsx'));
      expect(checkAgreement({ report, workbook, notices: join(work, 'out', 'notices') })).toBeGreaterThanOrEqual(8);
      // A trial run, and every notice and sheet says so.
      expect(report.trial).toBe(true);
      for (const file of readdirSync(join(work, 'out', 'notices')).filter((f) => f.endsWith('.md'))) {
        expect(readFileSync(join(work, 'out', 'notices', file), 'utf8'), file).toContain('试算（制度生效前，不作为考核依据）');
      }
      for (const ws of workbook.worksheets) expect(String(ws.getCell('A1').value), ws.name).toContain('试算');
    });

    it('report.json is valid against the report schema', () => {
      expect(readValidReport(join(work, 'out', 'report.json'))).toMatchObject({ format_version: 1, trial: true });
    });

    it('the resolution before creation is warned about and out of every KPI the warning names', () => {
      const report = JSON.parse(readFileSync(join(work, 'out', 'report.json'), 'utf8')) as Report;
      const warning = report.warnings.find((w) => w.code === 'time-before-creation');
      expect(warning?.row).toBe(BAD_ROW);
      const list = readTicketList(join(work, 'out', 'notices', readdirSync(join(work, 'out', 'notices')).find((f) => f.startsWith('T01-') && f.endsWith('.tickets.csv'))!));
      const row = list.rows.find((r) => Number(r[list.rowColumn]) === BAD_ROW);
      // Either listed with no KPI counting it, or not listed at all: never counted in a KPI the warning names.
      const named = report.staff.find((p) => p.id === 'T01')!.kpis.filter((k) => warning!.message.includes(k.name));
      expect(named.length).toBeGreaterThan(0);
      for (const k of named) {
        const i = list.header.findIndex((h) => columnKpi(h) === k.name);
        if (row && i >= 0) expect(counts(row[i]), `${k.name}: ${row[i]}`).toBe(false);
      }
    });
  });
});

describe('work orders whose crews share their tickets, with an appeal by a crew member', () => {
  const work = mkdtempSync(join(tmpdir(), 'aspm-consistency-crew-'));
  let code = -1;
  let stderr = '';

  beforeAll(async () => {
    writeWorkOrders(work, 'share');
    writeFileSync(
      join(work, 'adjustments.yaml'),
      ['version: 1', 'adjustments:', '  - kind: exclude_ticket', '    appeal: SS-7', '    staff_id: T3', '    ticket_id: W4', '    reason: 客户取消', '    approved_by: 申诉小组', '    approved_on: 2026-04-03', ''].join('\n'),
    );
    const at = (name: string) => join(work, name);
    const io = memoryIo({ cwd: work, env: { LANG: 'zh_CN.UTF-8' } });
    code = await main(['evaluate', at('policy.yaml'), '--tickets', at('work-orders.csv'), '--roster', at('roster.csv'), '--adjustments', at('adjustments.yaml'), '--period', '2026-03', '--date', '2026-04-01', '-o', at('out/report.json'), '--xlsx', '--notices', at('out/notices'), '--lang', 'zh-CN'], io);
    stderr = io.stderrText();
  }, 120_000);

  it('notice, ticket list (counted by each share), report.json and report.xlsx agree', async () => {
    expect(code, stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(work, 'out', 'report.json'), 'utf8')) as Report;
    const workbook = await readWorkbook(join(work, 'out', 'report.xlsx'));
    // Three technicians, three KPIs each, recomputed from their lists.
    expect(checkAgreement({ report, workbook, notices: join(work, 'out', 'notices') })).toBe(9);
  });
});

describe('a sum whose cells one person left blank', () => {
  // The generated month with the technicians' repair costs added up (a KPI of the policy's
  // own, in place of reopen_rate) and every cost of 刘洋 (T02) left blank: his total is not
  // known — no data in every output — while 张伟's (T01) is the sum of his cells.
  const work = mkdtempSync(join(tmpdir(), 'aspm-consistency-sum-'));
  let code = -1;
  let stderr = '';

  beforeAll(async () => {
    writeGenerated(work);
    const at = (name: string) => join(work, name);
    const COST_KPI = [
      '  - id: repair_cost_total',
      '    name: 维修费用合计',
      '    definition: 本人解决工单的维修费用之和。',
      '    formula: 维修费用之和',
      '    unit: count',
      '    direction: lower',
      '    target: 1000',
      '    floor: 10000',
      '    compute: { from: tickets, aggregate: sum, field: cost }',
    ].join('\n');
    const policy = readFileSync(at('policy.yaml'), 'utf8').replace(/^kpis:\n/m, `kpis:\n${COST_KPI}\n`).replace('{ kpi: reopen_rate, weight: 10 }', '{ kpi: repair_cost_total, weight: 10 }');
    writeFileSync(at('policy.yaml'), policy);
    const lines = readFileSync(at('tickets.csv'), 'utf8').split('\r\n');
    writeFileSync(at('tickets.csv'), lines.map((l) => (l.split(',')[1] === 'T02' ? l.split(',').map((c, i) => (i === 11 ? '' : c)).join(',') : l)).join('\r\n'));
    const io = memoryIo({ cwd: work, env: { LANG: 'zh_CN.UTF-8' } });
    code = await main(['evaluate', at('policy.yaml'), '--tickets', at('tickets.csv'), '--roster', at('roster.csv'), '--period', '2026-10', '--date', '2026-11-05', '-o', at('out/report.json'), '--xlsx', '--notices', at('out/notices'), '--lang', 'zh-CN'], io);
    stderr = io.stderrText();
  }, 120_000);

  it('is no data for him in report.json, the notice and the workbook, and his neighbour keeps the sum of his cells', async () => {
    expect(code, stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(work, 'out', 'report.json'), 'utf8')) as Report;
    const kpi = (id: string) => report.staff.find((p) => p.id === id)!.kpis.find((k) => k.id === 'repair_cost_total')!;
    expect(kpi('T02')).toMatchObject({ value: null, samples: 0, status: 'no_data', score: null });
    // T01's costs, from the export: every row of his but the one resolved before it was created.
    const rows = readFileSync(join(work, 'tickets.csv'), 'utf8').split('\r\n').slice(1).filter((l) => l.split(',')[1] === 'T01');
    const costs = rows.filter((l) => !l.startsWith(`G${String(BAD_ROW - 1).padStart(4, '0')},`)).map((l) => Number(l.split(',')[11]));
    expect(costs).toHaveLength(rows.length - 1);
    expect(kpi('T01').samples).toBe(costs.length);
    expect(kpi('T01').value).toBeCloseTo(costs.reduce((a, b) => a + b, 0), 6);
    const notices = join(work, 'out', 'notices');
    const notice = readFileSync(join(notices, readdirSync(notices).find((f) => f.startsWith('T02-') && f.endsWith('.md'))!), 'utf8');
    // No value in the table, not scored, and the policy's missing-data rule (redistribute) said.
    expect(notice).toContain('| 维修费用合计 | — | 1000 | 10000 | 不计分 | 0% | 0.00 |');
    expect(notice).toContain('“维修费用合计”无数据（样本 0），不计分，其权重按比例分给其他指标。');
    const workbook = await readWorkbook(join(work, 'out', 'report.xlsx'));
    expect(checkAgreement({ report, workbook, notices })).toBeGreaterThanOrEqual(6);
  });
});

/** The export row (1 = header) of the technician's ticket resolved before it was created. */
const BAD_ROW = 8;

/** A small month for the medium preset, written as a manager's files would be. */
function writeGenerated(dir: string): void {
  const preset = readFileSync(join(import.meta.dirname, '..', 'presets', 'medium.zh-CN.yaml'), 'utf8');
  // In force from November: October is a trial run.
  writeFileSync(join(dir, 'policy.yaml'), preset.replace(/effective_date: "[\d-]+"/, 'effective_date: "2026-11-01"'));
  mkdirSync(join(dir, 'out'), { recursive: true });
  const roster = [['工号', '姓名', '岗位', '班组'], ['A01', '李明', '客服专员', '一组'], ['A02', '王芳', '客服专员', '二组'], ['A03', '赵空', '客服专员', '二组'], ['T01', '张伟', '维修技术员', '一组'], ['T02', '刘洋', '维修技术员', '二组'], ['S01', '陈静', '服务主管', '一组']];
  writeFileSync(join(dir, 'roster.csv'), roster.map((r) => r.join(',')).join('\r\n') + '\r\n');
  const header = ['工单号', '处理人工号', '处理人', '班组', '创建时间', '首次响应时间', '解决时间', '是否重开', '是否二次上门', '满意度', '是否投诉', '维修费用', '预约时间', '到达时间'];
  const rows: string[][] = [];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pad = (n: number) => String(n).padStart(2, '0');
  const at = (day: number, minutes: number) => {
    const d = new Date(Date.UTC(2026, 9, day, 8, 0) + minutes * 60_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
  };
  const people = [['A01', '李明', '一组'], ['A02', '王芳', '二组'], ['T01', '张伟', '一组'], ['T02', '刘洋', '二组']] as const;
  for (let n = 0; n < 96; n++) {
    const [id, name, team] = people[n % 4]!;
    const day = 1 + (n % 28);
    const respond = Math.round(5 + rand() * 60);
    const resolve = Math.round(120 + rand() * 3000);
    const tech = id.startsWith('T');
    rows.push([`G${String(n + 1).padStart(4, '0')}`, id, name, team, at(day, 0), at(day, respond), at(day, resolve), rand() < 0.1 ? '是' : '否', rand() < 0.1 ? '是' : '否', rand() < 0.15 ? '' : String(1 + Math.floor(rand() * 5)), rand() < 0.05 ? '是' : '否', tech ? (100 + rand() * 300).toFixed(2) : '', tech ? at(day, 180) : '', tech ? at(day, 150 + Math.round(rand() * 60)) : '']);
  }
  // Export row BAD_ROW: the technician's ticket resolved an hour before it was created.
  const bad = rows[BAD_ROW - 2]!;
  expect(bad[1]).toBe('T01');
  bad[4] = '2026-10-10 10:00:00';
  bad[5] = '2026-10-10 10:05:00';
  bad[6] = '2026-10-10 09:00:00';
  writeFileSync(join(dir, 'tickets.csv'), [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n');
  const items = ['服务态度', '专业能力', '团队协作', '规范执行', '学习成长'];
  const ratings = [['被评价人工号', '被评价人', '评价人类型', '评价人工号', '评价项目', '评分']];
  for (const [id, name] of [['A01', '李明'], ['A02', '王芳'], ['T01', '张伟'], ['S01', '陈静']]) {
    for (const item of items) ratings.push([id!, name!, '上级', 'M9', item, String(2 + Math.floor(rand() * 4))]);
  }
  writeFileSync(join(dir, 'ratings.csv'), ratings.map((r) => r.join(',')).join('\r\n') + '\r\n');
  const metrics = [['工号', '姓名', '表扬次数', '一般违规次数', '重大投诉次数', '弄虚作假次数'], ['A01', '李明', '1', '0', '0', '0'], ['A02', '王芳', '0', '0', '1', '0'], ['T01', '张伟', '0', '1', '0', '0'], ['T02', '刘洋', '0', '0', '0', '0'], ['S01', '陈静', '0', '0', '0', '0'], ['A03', '赵空', '0', '0', '0', '0']];
  writeFileSync(join(dir, 'metrics.csv'), metrics.map((r) => r.join(',')).join('\r\n') + '\r\n');
  writeFileSync(
    join(dir, 'adjustments.yaml'),
    ['version: 1', 'adjustments:', '  - kind: exclude_ticket', '    appeal: SS-2026-101', '    staff_id: A01', '    ticket_id: G0005', '    reason: 客户要求改约', '    approved_by: 绩效申诉小组', '    approved_on: 2026-11-03', ''].join('\n'),
  );
}
