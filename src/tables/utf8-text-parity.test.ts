// The UTF-8 CSV path (bytes, attribution and id caches keyed by bytes, a second thread
// that also reads times ahead) against the text path, which reads the same text saved as
// UTF-16 LE with a BOM: for the same text, the same evaluation — KPI values and samples,
// warnings with row, column and value, input counts, appeals — whatever the delimiter,
// line ends (also mixed from row to row), quoting, white space, width of characters, time zone or piece size. Rows
// after the first ten matter most: those before are kept as cells while the header is
// looked for, and only the later ones reach the evaluator as views over bytes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPolicy } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.generated.js';
import { packagePath } from '../package-root.js';
import { evaluateFiles, type Evaluation, type EvaluateFilesOptions } from '../evaluate/evaluate-files.js';
import { joinWithEnds } from '../../test/helpers/line-endings.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-parity-'));
let policy: Policy;
/** One role, so that people can be found in the tickets (no roster). */
let single: Policy;
const rosterPath = join(dir, 'roster.csv');
/** A roster of names only: tickets are attributed by name. */
const namesRosterPath = join(dir, 'roster-names.csv');

beforeAll(async () => {
  const loaded = await readPolicy(packagePath('presets', 'medium.zh-CN.yaml'));
  if (!loaded.ok) throw new Error('preset invalid');
  policy = loaded.value;
  single = structuredClone(policy);
  single.roles = [policy.roles.find((r) => r.id === 'technician')!];
  writeFileSync(rosterPath, '工号,姓名,岗位,班组\nE001,王一,维修技术员,一组\nE002,李二,客服专员,一组\nE003,张三,服务主管,一组\nE004,赵 四,维修技术员,二组\nE005,李二,客服专员,二组\n');
  writeFileSync(namesRosterPath, '姓名,岗位,班组\n王一,维修技术员,一组\n李二,客服专员,一组\n张三,服务主管,一组\n赵 四,维修技术员,二组\nＷＡＮＧ,客服专员,二组\n');
});

/** Everything an evaluation says that depends on the text (not on the bytes, name or encoding of the file). */
function outcome(result: Evaluation | { error: unknown; params: unknown }, path: string): unknown {
  const o =
    'staff' in result
      ? {
          staff: result.staff.map((s) => [s.member.id, s.member.name, s.member.team, s.kpis]),
          slices: result.slices.map((s) => s.staff.map((p) => p.kpis)),
          inputs: result.inputs.map(({ sha256: _sha, encoding: _encoding, ...rest }) => rest),
          warnings: result.warnings.items.map((w) => [w.code, w.location?.row, w.location?.column, w.params]),
          total: result.warnings.total,
          excluded: result.excluded,
        }
      : result;
  return JSON.parse(JSON.stringify(o).replaceAll(JSON.stringify(path).slice(1, -1), 'FILE'));
}

let serial = 0;

/** Writes `text` as UTF-8 and as UTF-16 LE with a BOM; `read` evaluates one of them. */
function files(text: string, extra: Partial<EvaluateFilesOptions> = {}) {
  const n = serial++;
  const utf8 = join(dir, `t${n}-utf8.csv`);
  const utf16 = join(dir, `t${n}-utf16.csv`);
  writeFileSync(utf8, text);
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/^\uFEFF/, ''), 'utf16le')]));
  const read = (path: string, more: Partial<EvaluateFilesOptions> = {}) =>
    evaluateFiles({ policy, period: '2026-10', tickets: path, roster: rosterPath, ...extra, ...more }).then(
      (e) => outcome(e, path),
      (e: unknown) => outcome({ error: (e as { code?: string }).code ?? String(e), params: (e as { params?: unknown }).params }, path),
    );
  return { utf8: (more: Partial<EvaluateFilesOptions> = {}) => read(utf8, more), utf16: () => read(utf16) };
}

const HEAD = ['工单号', '处理人工号', '处理人', '班组', '创建时间', '首次响应时间', '解决时间', '是否重开', '是否二次上门', '满意度', '是否投诉', '维修费用', '预约时间', '到达时间', '备注'];

// Cells of every form the readers accept, and of forms they refuse, with white space,
// full-width characters, quotes and characters of 3 and 4 bytes.
const TIMES = [
  '2026-10-08 09:00',
  '2026-10-08 09:00:00',
  '2026-10-08T09:00',
  '2026-10-09 18:30:59',
  '2026/10/8 9:00',
  '2026年10月8日 9:00',
  '2026年10月8日 9时5分',
  '2026/10/8 下午 3:05',
  '2026/10/8 3:05 PM',
  '08-10-2026 13:33',
  '08.10.2026 13:33',
  '2026-10-08T01:00:00Z',
  '2026-10-08 09:00+08:00',
  '2026-10-08 09:00:00.250',
  '46303.5',
  ' 2026-10-08 09:00 ',
  '\u30002026-10-08 10:00',
  '2026-10-08  09:00',
  '10/08/2026 09:00',
  '2026-13-45 10:00',
  'N/A',
  '',
  '2026-10-08 24:00',
  '0026-10-08 09:00',
  '２０２６-10-08 09:00',
  '2026-10-08 09:00:60',
  '2026-09-30 23:59',
  '2026-11-01 00:00',
  '2026-10-31 23:59:59',
];
const BOOLS = ['是', '否', 'Y', 'n', '1', '0', '', ' 是', 'yes', 'TRUE', '2', '也许', '-', '√', '\u3000否'];
const SCORES = ['5', '4', '3', ' 5', '5.0', '非常满意', '满意', '7', '', 'abc', '４', '4.5', '+4', '1e0'];
const COSTS = ['100', '1,234', '¥1,200', '85%', '-5', '', ' 100 ', '1e2', '.5', '100元', '7.', '-0', '0.1', '123456789012345678'];
const IDS = ['T1', 'T2', 'T3', 'T4', ' T1', 'T1 ', '\u3000T2', 'Ｔ1', 't1', '', ' ', 'T1\u00a0', '工单1', 'T😀', 'T"1', '"T2"'];
const STAFF = ['E001', ' e001 ', 'Ｅ００１', 'e001', 'E 001', 'E002', 'E003', 'E004', 'E005', 'E999', '', '\u3000E002\u3000', 'E00１', 'E004\t', '"E001"', 'E0"01', '😀E1'];
const NAMES = ['', '王一', ' 王一', '李二', '张三', '赵四', '赵 四', '赵四\u3000', 'ＷＡＮＧ', '陌生人', '王😀', '王一"', ' wang '];
const TEAMS = ['一组', ' 一组', '二组', '', '二组 ', '一 组', 'Ａ组', '三组', '😀组', '"一组"', 'a组'];
const NOTES = fc.oneof(
  fc.constantFrom('', 'x', '含,逗号', '含;分号', '含\t制表', '"引号"', 'a""b', '两行\n第二行', 'CR\r行', 'CRLF\r\n行', '😀表情', '𠀀扩展'),
  fc.string({ maxLength: 6, unit: fc.constantFrom('a', ',', ';', '\t', '"', '\n', '\r', ' ', '😀', '中', '\u3000') }),
);

/** A ticket id of the pool, or a new one (K + the row's index): repeats, but not too many. */
const ID = fc.oneof({ weight: 3, arbitrary: fc.constant('UNIQUE') }, { weight: 1, arbitrary: fc.constantFrom(...IDS) });
const column = [IDS, STAFF, NAMES, TEAMS, TIMES, TIMES, TIMES, BOOLS, BOOLS, SCORES, BOOLS, COSTS, TIMES, TIMES];
const rowArb = fc.record({
  cells: fc.tuple(...column.map((pool, i) => (i === 0 ? ID : fc.constantFrom(...pool))), NOTES),
  /** Cut the row to this many cells (15: whole). */
  keep: fc.oneof({ weight: 8, arbitrary: fc.constant(15) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 14 }) }),
  extra: fc.oneof({ weight: 8, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: fc.array(fc.constantFrom('', 'x', ' '), { minLength: 1, maxLength: 2 }) }),
  /** Quote every cell that is not empty. */
  quoteAll: fc.boolean(),
  /** A blank line, a line of delimiters or of a space before the row. */
  blankBefore: fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('\n', ',,,', ' ') }),
});
const fileArb = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
  /** For 'mixed': the line end of line i is mixed[i % 48]. */
  mixed: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 48, maxLength: 48 }),
  bom: fc.boolean(),
  title: fc.boolean(),
  trailing: fc.boolean(),
  /** More than ten, so that some reach the evaluator as views over bytes. */
  rows: fc.array(rowArb, { minLength: 12, maxLength: 22 }),
  chunkSize: fc.integer({ min: 1, max: 7 }),
});
type FileShape = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

/** A cell as a CSV field: quoted when it must be, or when asked. */
function field(text: string, delimiter: string, quote: boolean): string {
  return quote || text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function fileText(f: FileShape): string {
  const lines: string[] = [];
  if (f.title) lines.push('工单导出 2026年10月');
  lines.push(HEAD.join(f.delimiter) + (f.trailing ? f.delimiter : ''));
  for (const [i, r] of f.rows.entries()) {
    if (r.blankBefore === '\n') lines.push('');
    else if (r.blankBefore) lines.push(r.blankBefore.replace(/,/g, f.delimiter));
    const cells = [...r.cells.slice(0, r.keep), ...r.extra].map((c, k) => (k === 0 && c === 'UNIQUE' ? `K${i}` : c));
    lines.push(cells.map((c) => field(c, f.delimiter, r.quoteAll && c !== '')).join(f.delimiter) + (f.trailing ? f.delimiter : ''));
  }
  const ends = lines.map((_, i) => (f.eol === 'mixed' ? f.mixed[i % 48]! : f.eol));
  const text = joinWithEnds(lines, ends);
  return (f.bom ? '\uFEFF' : '') + text;
}

/** Times around New York's changes of 2026 (the hour 01:00–02:00 of 1 November twice, 02:00–03:00 of 8 March never). */
const NY_TIMES = [
  '2026-11-01 00:59',
  '2026-11-01 01:00',
  '2026-11-01 01:30',
  '2026-11-01 01:59:59',
  '2026-11-01 02:00',
  '2026-11-01 02:30',
  '2026-11-01T01:30:00-04:00',
  '2026-11-01T01:30:00-05:00',
  '2026-11-01 06:30Z',
  '2026/11/1 1:30',
  '2026-11-01 01:30:00.500',
  '2026年11月1日 1时30分',
  '2026/11/1 上午 1:30',
  '01-11-2026 01:30',
  '2026-03-08 02:30',
  '2026-03-08 01:59',
  '2026-10-31 23:59',
  '2026-12-01 00:00',
  '2026-11-30 23:59:59',
  '2026-11-15 12:00',
];

const modeArb = fc.record({
  /** The policy's zone and the period: New York's clocks go back on 1 November 2026. */
  zone: fc.constantFrom<[string, string] | undefined>(undefined, ['America/New_York', '2026-11']),
  roster: fc.constantFrom('ids', 'names', 'none'),
  appeals: fc.boolean(),
  unclosed: fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('"', 'T9,"E001', 'T9,E001,"王一\n') }),
  parallel: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

describe('a UTF-8 CSV evaluates as the same text in UTF-16', () => {
  const good = (id: string, staff: string, name = '', note = '') => `${id},${staff},${name},一组,2026-10-08 09:00,2026-10-08 09:10,2026-10-08 12:00,否,否,5,否,100,2026-10-08 10:00,2026-10-08 09:50,${note}`;

  it('one person, one ticket and one time written in several ways, in rows read as bytes', async () => {
    const filler = Array.from({ length: 10 }, (_, i) => good(`F${i}`, 'E003'));
    const rows = [
      good('K1', 'E001'),
      good('K2', ' e001 '),
      good('K3', 'Ｅ００１'),
      good('K4', '\u3000E001'),
      good('K5', '', ' 王一'),
      good('K6', '"E001"'),
      good(' K1', 'E002'),
      good('K1\u3000', 'E002'),
      good('"K2"', 'E002', '', '"a ""quoted"", multi-line\r\nnote 😀"'),
      good('K7', 'E001').replace('2026-10-08 12:00', '2026年10月8日 下午 3:00'),
      good('K8', 'E001').replace('2026-10-08 12:00', '2026-10-08T04:00:00Z'),
      good('K9', '"""E001"""'),
    ];
    const text = '\uFEFF' + [HEAD.join(','), ...filler, ...rows].join('\r\n') + '\r\n';
    const read = files(text);
    const expected = await read.utf16();
    expect(await read.utf8()).toEqual(expected);
    expect(await read.utf8({ chunkSize: 5 })).toEqual(expected);
    expect(await read.utf8({ chunkSize: 64, parallel: true })).toEqual(expected);
    // And what it is: K1–K8 are E001's (3 h each, but K7 resolved at 15:00 and K8 at 04:00 UTC = 12:00);
    // K1 with spaces and K2 quoted are repeats (rows 18–20); "E001" with its quotes (K9) is no one.
    const { staff, warnings, inputs } = expected as { staff: [string, string, string, { id: string; value: number; samples: number }[]][]; warnings: unknown[][]; inputs: unknown[] };
    expect(staff.find((s) => s[0] === 'E001')![3].find((k) => k.id === 'resolution_hours')).toMatchObject({ samples: 8, value: 27 / 8 });
    expect(warnings.map((w) => [...w.slice(0, 3), (w[3] as { value?: string }).value])).toEqual([
      ['duplicate-ticket', 18, '工单号', 'K1'],
      ['duplicate-ticket', 19, '工单号', 'K1'],
      ['duplicate-ticket', 20, '工单号', 'K2'],
      ['staff-not-on-roster', 23, '处理人工号', '"E001"'],
    ]);
    expect(inputs[0]).toMatchObject({ rows: 22, used: 18, skipped: 4 });
  });

  it('awkward files cut anywhere, in one thread or two (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, modeArb, fc.infiniteStream(fc.constantFrom(...NY_TIMES)), async (f, mode, ny) => {
        // The times drawn for one file, drawn again in the same order for the same rows ended by LF.
        const drawn: string[] = [];
        const times = (text: string, draw: () => string) => (mode.zone ? text.replace(/2026-1[01]-\d\d[ T]\d\d:\d\d(:\d\d)?/g, draw) : text);
        const text = times(fileText(f), () => drawn[drawn.push(ny.next().value as string) - 1]!) + mode.unclosed;
        const base = mode.roster === 'none' ? single : policy;
        const zoned = mode.zone ? { ...base, meta: { ...base.meta, timezone: mode.zone[0] } } : base;
        const options: Partial<EvaluateFilesOptions> = {
          policy: zoned,
          period: mode.zone?.[1] ?? '2026-10',
          roster: mode.roster === 'ids' ? rosterPath : mode.roster === 'names' ? namesRosterPath : undefined,
          ...(mode.appeals ? { excludeTickets: new Map([['T1', 'A1'], ['T3', 'A2'], ['工单1', 'A3']]) } : {}),
        };
        const read = files(text, options);
        const expected = await read.utf16();
        expect(await read.utf8()).toEqual(expected);
        expect(await read.utf8(mode.parallel ? { chunkSize: f.chunkSize * 7, parallel: true } : { chunkSize: f.chunkSize })).toEqual(expected);
        if (f.eol === 'mixed') {
          // Line ends mixed from row to row (issue 17, 5): the rows of the file ended by LF alone.
          let k = 0;
          const uniform = files(times(fileText({ ...f, eol: '\n' }), () => drawn[k++]!) + mode.unclosed, options);
          expect(await uniform.utf8()).toEqual(expected);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a row of 6000 cells, a quoted field of 200 KB, a field of 300 KB, then an unclosed quote', async () => {
    const lines = [HEAD.join(','), ...Array.from({ length: 10 }, (_, i) => good(`F${i}`, 'E001'))];
    lines.push(good('K1', 'E001', '', 'y,'.repeat(6000)));
    lines.push(good('K2', ' e001 ', '', `"${'长😀"",\n'.repeat(16_000)}"`));
    lines.push(good('K3', 'Ｅ００１', '', 'w'.repeat(300_000)));
    for (let i = 0; i < 300; i++) lines.push(good(`K${10 + i}`, i % 2 ? ' E001' : 'e001', '', ','.repeat(i % 7)));
    const read = files(lines.join('\n') + '\n"K999,E001');
    const expected = await read.utf16();
    expect(expected).toEqual({ error: 'csv-unclosed-quote', params: { row: 315 } });
    for (const chunkSize of [4096, 1 << 20]) {
      expect(await read.utf8({ chunkSize, parallel: false })).toEqual(expected);
      expect(await read.utf8({ chunkSize, parallel: true })).toEqual(expected);
    }
    const closed = files(lines.join('\n') + '\n');
    const values = await closed.utf16();
    expect((values as { inputs: unknown[] }).inputs[0]).toMatchObject({ rows: 313, used: 313 });
    expect(await closed.utf8({ chunkSize: 4096, parallel: true })).toEqual(values);
    expect(await closed.utf8({ chunkSize: 997 })).toEqual(values);
  });
});
