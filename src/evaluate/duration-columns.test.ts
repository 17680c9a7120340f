// Durations, derived times and on-hold time read from small exports, with every expected
// value worked out by hand in the comments: a call centre (first response = the call's date
// and time + speed of answer; talk time as h:mm:ss text or Excel time cells, in a KPI in
// minutes and one in seconds) and an incident log (resolved_at else closed_at; minutes on
// hold taken off resolution time).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AspmError } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import { parsePolicy } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.generated.js';
import { XlsxStreamWriter, type XlsxCell } from '../sample-data/xlsx-writer.js';
import { evaluateFiles, type Evaluation } from './evaluate-files.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-durations-'));
const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures');

function policyOf(name: string, edit: (text: string) => string = (t) => t): Policy {
  const loaded = parsePolicy(edit(readFileSync(join(fixtures, name), 'utf8')), name);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.value;
}

function kpis(evaluation: Evaluation, name: string): Record<string, { value: number | null; samples: number }> {
  const person = evaluation.staff.find((s) => s.member.name === name)!;
  return Object.fromEntries(person.kpis.map((k) => [k.id, { value: k.value, samples: k.samples }]));
}

function warnings(evaluation: Evaluation) {
  return evaluation.warnings.items.map((w) => ({ code: w.code, row: w.location?.row, column: w.location?.column, value: w.params.value }));
}

const CALLS = [
  'Call Id,Agent,Date,Time,Speed of answer in seconds,AvgTalkDuration',
  'C1,Ann,2026-10-05,09:00:00,30,0:03:40',
  'C2,Ann,2026-10-05,10:00:00,90,00:02:20',
  'C3,Ann,2026-10-06,23:59:30,45,0:05:00',
  'C4,Ann,2026-10-07,11:00:00,,',
  'C5,Bob,2026-10-08,12:00:00,12,0:01:00',
  'C6,Bob,2026-10-08,13:00:00,20,abc',
].join('\n');

/** Ann's and Bob's KPIs from CALLS, by hand. */
function expectCallCentre(evaluation: Evaluation): void {
  // Ann: answered after 30, 90 and 45 s (C4 unanswered: no response): mean 55 s = 0.91667 min.
  // Within a minute: C1 and C3 of 4 calls (C4 unanswered is a miss) = 50 %.
  // Talk 220 s, 140 s, 300 s: mean 220 s = 3.6667 min; p90 (Excel's PERCENTILE.INC) of
  // [140, 220, 300] = 220 + 0.8 × 80 = 284 s; under 240 s (max: 240, in seconds since the
  // rate's unit is percent): C1, C2 of the 3 calls with a talk time = 66.67 %.
  const ann = kpis(evaluation, 'Ann');
  expect(ann.first_response_minutes!.value).toBeCloseTo(55 / 60, 12);
  expect(ann.first_response_minutes!.samples).toBe(3);
  expect(ann.response_sla_rate).toEqual({ value: 50, samples: 4 });
  expect(ann.talk_minutes!.value).toBeCloseTo(220 / 60, 12);
  expect(ann.talk_minutes!.samples).toBe(3);
  expect(ann.talk_p90!.value).toBeCloseTo(284, 9);
  expect(ann.short_calls!.value).toBeCloseTo(200 / 3, 12);
  // Bob: answered after 12 and 20 s: 16 s = 0.26667 min, both within a minute. C6's talk
  // time "abc" cannot be read (warned): talk 60 s alone = 1 min.
  const bob = kpis(evaluation, 'Bob');
  expect(bob.first_response_minutes!.value).toBeCloseTo(16 / 60, 12);
  expect(bob.response_sla_rate).toEqual({ value: 100, samples: 2 });
  expect(bob.talk_minutes).toEqual({ value: 1, samples: 1 });
  expect(bob.talk_p90).toEqual({ value: 60, samples: 1 });
}

describe('a call centre: first response from speed of answer, talk time as a duration', () => {
  const policy = policyOf('call-centre-policy.yaml');

  it('CSV with h:mm:ss text: the KPIs in their units, the unreadable duration warned with file, row and column', async () => {
    const file = join(dir, 'calls.csv');
    writeFileSync(file, CALLS);
    const evaluation = await evaluateFiles({ policy, period: '2026-10', tickets: file });
    expectCallCentre(evaluation);
    expect(warnings(evaluation)).toEqual([{ code: 'value-unreadable-duration', row: 7, column: 'AvgTalkDuration', value: 'abc' }]);
    // Which columns each field was read from: the duration added to the call's time marked `+`.
    expect(evaluation.inputs[0]!.columns).toMatchObject({ created_at: ['Date', 'Time'], first_response_at: ['Date', 'Time', '+ Speed of answer in seconds'], talk_time: ['AvgTalkDuration'] });
  });

  it('XLSX with Excel date and time cells (fractions of a day) gives the same figures', async () => {
    const file = join(dir, 'calls.xlsx');
    const writer = new XlsxStreamWriter(file);
    const lines = CALLS.split('\n').map((l) => l.split(','));
    await writer.addRow(lines[0]!);
    const day = 86_400;
    const fraction = (text: string) => (text === '' || text === 'abc' ? text : text.split(':').reduce((a, part) => a * 60 + Number(part), 0) / day);
    for (const [id, agent, date, time, speed, talk] of lines.slice(1)) {
      const [y, m, d] = date!.split('-').map(Number);
      const cells: XlsxCell[] = [id, agent, { date: Date.UTC(y!, m! - 1, d!) }, fraction(time!), speed === '' ? null : Number(speed), fraction(talk!)];
      await writer.addRow(cells);
    }
    await writer.close();
    const evaluation = await evaluateFiles({ policy, period: '2026-10', tickets: file });
    expectCallCentre(evaluation);
  });

  it('a negative duration is warned about and not used', async () => {
    const file = join(dir, 'negative.csv');
    writeFileSync(file, CALLS.replace('C5,Bob,2026-10-08,12:00:00,12,', 'C5,Bob,2026-10-08,12:00:00,-12,'));
    const evaluation = await evaluateFiles({ policy, period: '2026-10', tickets: file });
    expect(warnings(evaluation)).toContainEqual({ code: 'value-negative-duration', row: 6, column: 'Speed of answer in seconds', value: '-12' });
    // Bob: only C6 (20 s) answered.
    expect(kpis(evaluation, 'Bob').first_response_minutes).toEqual({ value: 20 / 60, samples: 1 });
  });

  it('a column mostly of values that are not the declared durations is one message, for a duration added to a time too', async () => {
    const file = join(dir, 'minutes-text.csv');
    // Speed of answer written "30s" and talk time "3 min": neither is what the policy declares.
    writeFileSync(file, CALLS.replace(/,(\d+),(\d+):(\d+):(\d+)/g, ',$1s,$3 min').replace(',12,0:01:00', ',12s,1 min'));
    const evaluation = await evaluateFiles({ policy, period: '2026-10', tickets: file });
    const messages = evaluation.warnings.items.map((w) => ({ code: w.code, column: w.location?.column, field: w.params.field, kind: w.params.kind, count: w.params.count }));
    // 4 unreadable speeds (C1–C3, C5; C6's 20 fits), 5 unreadable talk times (C1–C3, C5; C6's "abc"), none that fit.
    // The message about the speeds names their column, not the call's date and time it is added to.
    expect(messages).toEqual([
      { code: 'column-values-unfit', column: 'Speed of answer in seconds', field: 'first_response_at', kind: 'duration', count: 4 },
      { code: 'column-values-unfit', column: 'AvgTalkDuration', field: 'talk_time', kind: 'duration', count: 5 },
    ]);
    expect(evaluation.warnings.counts.get('value-unreadable-duration')).toBeUndefined();
  });

  // A derived first response that leaves created_at without its column once said "lacks
  // created_at (created, created time)" beside a file listing Created: now the message says
  // which mapping took the column, or which mapping's time it may be, and the line to add.
  it.each([
    [
      'the column the header match would give created_at is the time a derived first response adds to',
      (text: string) => text.replace('      created_at: [Date, Time]\n', '').replace('{ column: [Date, Time], plus:', '{ column: Created, plus:'),
      CALLS.replace('Date,Time,', 'Created,').replace(/(\d{4}-\d\d-\d\d),/g, '$1 '),
      "created_at (the file's column Created would be read as created_at, but the policy maps it as the time of first_response_at, to which it adds Speed of answer in seconds, and a column the policy maps is read only for the fields mapped to it). If Created is also the created_at, map it as well under data_sources.tickets.columns in the policy: created_at: Created.",
      'created_at（文件中的“Created”列本会读作 created_at，但制度把它映射作为 first_response_at 的基准时间（再加上“Speed of answer in seconds”列的时长）；制度映射的列只用于所映射的字段）。如“Created”也是 created_at，请在制度 data_sources.tickets.columns 中同时映射 created_at: Created。',
    ],
    [
      'that column is the duration added',
      (text: string) => text.replace('      created_at: [Date, Time]\n', '').replace('plus: { column: Speed of answer in seconds', 'plus: { column: Created'),
      CALLS.replace('Speed of answer in seconds', 'Created'),
      "created_at (the file's column Created would be read as created_at, but the policy maps it as the duration added to first_response_at, and a column the policy maps is read only for the fields mapped to it). If Created is also the created_at",
      'created_at（文件中的“Created”列本会读作 created_at，但制度把它映射作为加到 first_response_at 上的时长；',
    ],
    [
      'no column is named for created_at, and first response is a date and time plus a duration',
      (text: string) => text.replace('      created_at: [Date, Time]\n', ''),
      CALLS,
      'created_at (not mapped, and no column of the file is named for it; the policy reads first_response_at as Date + Time plus the duration in Speed of answer in seconds). If Date + Time is also the created_at, map it as well under data_sources.tickets.columns in the policy: created_at: [Date, Time].',
      'created_at（制度未映射 created_at，文件中也没有以其命名的列；制度把 first_response_at 读作“Date Time”加上“Speed of answer in seconds”列的时长）。如“Date Time”也是 created_at，请在制度 data_sources.tickets.columns 中同时映射 created_at: [Date, Time]。',
    ],
  ])('created_at missing because %s: the message says so and what to add', async (_, edit, csv, en, zh) => {
    const file = join(dir, 'no-created.csv');
    writeFileSync(file, csv);
    const error = await evaluateFiles({ policy: policyOf('call-centre-policy.yaml', edit), period: '2026-10', tickets: file }).then(
      () => undefined,
      (e: unknown) => e as AspmError,
    );
    expect(error?.code).toBe('columns-missing');
    expect(t('en', error!.code, error!.params)).toContain(`lacks required columns: ${en}`);
    expect(t('zh-CN', error!.code, error!.params)).toContain(`缺少必需的列：${zh}`);
    // The mapping added as the message says: the KPIs are computed (a duration column is no creation time: not tried).
    const mapping = /created_at: (\[Date, Time\]|Created)\.$/.exec(en)?.[1];
    if (mapping === undefined) return;
    const fixed = policyOf('call-centre-policy.yaml', (text) => edit(text).replace('      staff_name: Agent\n', `      staff_name: Agent\n      created_at: ${mapping}\n`));
    expect((await evaluateFiles({ policy: fixed, period: '2026-10', tickets: file })).staff.map((p) => p.member.name)).toEqual(['Ann', 'Bob']);
  });

  it('talk time in seconds as plain numbers, averaged in minutes', async () => {
    const file = join(dir, 'seconds.csv');
    writeFileSync(file, CALLS.replace('0:03:40', '220').replace('00:02:20', '140').replace('0:05:00', '300').replace('0:01:00', '60'));
    const evaluation = await evaluateFiles({ policy: policyOf('call-centre-policy.yaml', (t) => t.replace('duration: clock', 'duration: seconds')), period: '2026-10', tickets: file });
    expectCallCentre(evaluation);
  });
});

const INCIDENTS = [
  'number,assigned_to,opened_at,resolved_at,closed_at,挂起时长',
  'I1,Ann,01-10-2026 09:00,01-10-2026 17:00,02-10-2026 09:00,60',
  'I2,Ann,02-10-2026 09:00,?,03-10-2026 09:00,',
  'I3,Ann,03-10-2026 09:00,03-10-2026 10:00,03-10-2026 11:00,120',
  'I4,Ann,04-10-2026 09:00,?,?,',
].join('\n');

describe('an incident log: resolved_at else closed_at, time on hold taken off', () => {
  const file = join(dir, 'incidents.csv');
  writeFileSync(file, INCIDENTS);

  it('resolution hours and SLA: (resolved − created − on hold), never below 0', async () => {
    const evaluation = await evaluateFiles({ policy: policyOf('incident-policy.yaml'), period: '2026-10', tickets: file });
    // I1: 8 h − 60 min = 7 h. I2: no resolved_at, closed after 24 h, nothing on hold = 24 h.
    // I3: 1 h − 120 min on hold → 0 (warned once, though two KPIs read it). I4 is open.
    // Mean (7 + 24 + 0) ÷ 3 = 10.3333 h; within 8 h: I1 and I3 of 3 = 66.67 %.
    const ann = kpis(evaluation, 'Ann');
    expect(ann.resolution_hours!.value).toBeCloseTo(31 / 3, 12);
    expect(ann.resolution_hours!.samples).toBe(3);
    expect(ann.resolution_sla_rate!.value).toBeCloseTo(200 / 3, 12);
    expect(warnings(evaluation)).toEqual([{ code: 'on-hold-exceeds-span', row: 4, column: '挂起时长', value: '120' }]);
    expect(evaluation.inputs[0]!.columns).toMatchObject({ resolved_at: ['resolved_at', '| closed_at'], on_hold: ['挂起时长'] });
  });

  it('without the on-hold mapping the clock runs on; without first_of the incident closed without a resolution time is open', async () => {
    const noHold = await evaluateFiles({ policy: policyOf('incident-policy.yaml', (t) => t.replace(/ {6}on_hold: .*\n/, '')), period: '2026-10', tickets: file });
    // 8 h, 24 h, 1 h: mean 11 h; within 8 h: I1, I3 = 66.67 %.
    expect(kpis(noHold, 'Ann').resolution_hours).toEqual({ value: 11, samples: 3 });
    expect(noHold.inputs[0]!.columns).not.toHaveProperty('on_hold');
    const noFallback = await evaluateFiles({ policy: policyOf('incident-policy.yaml', (t) => t.replace('{ first_of: [resolved_at, closed_at] }', 'resolved_at')), period: '2026-10', tickets: file });
    // I1 7 h, I3 0 h: mean 3.5 h.
    expect(kpis(noFallback, 'Ann').resolution_hours).toEqual({ value: 3.5, samples: 2 });
  });

  it('a first_of column the file lacks is a missing mapped column, not a silent fallback, naming only the header it lacks', async () => {
    const policy = policyOf('incident-policy.yaml', (t) => t.replace('[resolved_at, closed_at]', '[resolved_at, closed]'));
    await expect(evaluateFiles({ policy, period: '2026-10', tickets: file })).rejects.toMatchObject({ code: 'columns-missing', params: { fields: ['resolved_at (closed)'] } });
  });

  it('on-hold time supplied as a column of seconds (as an event log stage adds it) reads the same', async () => {
    const seconds = join(dir, 'incidents-seconds.csv');
    writeFileSync(seconds, INCIDENTS.replace('挂起时长', 'on_hold').replace(',60\n', ',3600\n').replace(',120\n', ',7200\n'));
    const policy = policyOf('incident-policy.yaml', (t) => t.replace('{ column: 挂起时长, duration: minutes }', '{ column: on_hold, duration: seconds }'));
    const evaluation = await evaluateFiles({ policy, period: '2026-10', tickets: seconds });
    expect(kpis(evaluation, 'Ann').resolution_hours!.value).toBeCloseTo(31 / 3, 12);
  });
});
