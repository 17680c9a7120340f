// Several people per ticket: a crew cell split at each separator; KPIs crediting the
// resolver and the first responder by default; a crew credited in full or 1/n each; a team
// counting a ticket once however many of its people are on it; appeals taking a ticket out
// of everyone it credited. Expected figures are worked out by hand in the comments.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AspmError } from '../errors.js';
import { parsePolicy, readPolicy } from '../policy/load-policy.js';
import { packagePath } from '../package-root.js';
import { generateRoster, generateTickets } from '../sample-data/generate-sample-data.js';
import { writeRosterCsv, writeTicketsCsv } from '../sample-data/write-sample-data.js';
import type { Policy } from '../policy/policy.generated.js';
import { evaluateFiles, type Evaluation } from './evaluate-files.js';
import { splitCrew } from './ticket-attribution.js';

describe('splitCrew', () => {
  it.each([
    ['张三、李四', ['张三', '李四']],
    ['Tech1;Tech2', ['Tech1', 'Tech2']],
    ['张三；李四', ['张三', '李四']],
    ['Tech1, Tech2', ['Tech1', 'Tech2']],
    ['张三，李四', ['张三', '李四']],
    ['Tech1/Tech2', ['Tech1', 'Tech2']],
    ['Tech1 | Tech2 |', ['Tech1', 'Tech2']],
    ['  张三  ', ['张三']],
    ['', []],
    // The same person twice is one member (matched as names are: case and width do not count).
    ['Tech1;tech1;Ｔｅｃｈ1', ['Tech1']],
  ])('%j → %j with the default separators', (cell, names) => {
    expect(splitCrew(cell)).toEqual(names);
  });

  it('splits only at the characters the policy names', () => {
    expect(splitCrew('Smith, J.+Lee, K.', '+')).toEqual(['Smith, J.', 'Lee, K.']);
    expect(splitCrew('张三、李四', ';')).toEqual(['张三、李四']);
  });
});

const ROSTER = ['工号,姓名,岗位,班组', 'A1,甲,客服专员,一组', 'A2,乙,客服专员,一组', 'A3,丙,客服专员,二组', 'S1,丁,服务主管,一组'].join('\n') + '\n';

function policyText(extraKpi: string, dataSources: string): string {
  return `version: 1
meta: { company: 测试公司, title: 售后服务绩效管理制度, department: 售后服务部, effective_date: "2026-01-01", language: zh-CN, size: small }
purpose: 为了客观评价售后服务人员的工作，特制定本制度。
scope: 适用于售后服务部全体员工。
kpis:
  - { id: first_response_minutes, name: 平均首次响应时长, definition: 首次响应时长。, formula: 之和 ÷ 工单数, unit: minutes, direction: lower, target: 10, floor: 60 }
  - { id: resolution_hours, name: 平均解决时长, definition: 解决时长。, formula: 之和 ÷ 工单数, unit: hours, direction: lower, target: 2, floor: 8 }
  - { id: tickets_resolved, name: 解决工单量, definition: 工单数。, formula: 工单数, unit: count, direction: higher, target: 3, floor: 0${extraKpi} }
roles:
  - id: agent
    name: 客服专员
    quantitative_share: 100
    kpis:
      - { kpi: first_response_minutes, weight: 40 }
      - { kpi: resolution_hours, weight: 30 }
      - { kpi: tickets_resolved, weight: 30 }
  - id: lead
    name: 服务主管
    quantitative_share: 100
    kpis:
      - { kpi: resolution_hours, weight: 50, scope: team }
      - { kpi: tickets_resolved, weight: 50, scope: team }
qualitative:
  items: [{ id: attitude, name: 服务态度, weight: 100 }]
  raters: [{ type: supervisor, weight: 100 }]
cycles: { primary: monthly }
grades:
  bands:
    - { grade: A, label: 优秀, min: 60, max: 100 }
    - { grade: D, label: 待改进, min: 0, max: 60 }
incentives: { bonus: { coefficients: [{ grade: A, coefficient: 1 }, { grade: D, coefficient: 0.5 }] } }
appeal: { channel: 申诉表, file_within_days: 5, answer_within_days: 10, reviewers: [人力资源部] }
${dataSources}`;
}

function policyOf(text: string): Policy {
  const loaded = parsePolicy(text, 'policy.yaml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.value;
}

async function evaluate(policy: Policy, rows: readonly string[], exclude?: ReadonlyMap<string, string>): Promise<Evaluation> {
  const dir = mkdtempSync(join(tmpdir(), 'aspm-credits-'));
  writeFileSync(join(dir, 'roster.csv'), ROSTER);
  writeFileSync(join(dir, 'tickets.csv'), rows.join('\n') + '\n');
  return evaluateFiles({ policy, period: '2026-03', tickets: join(dir, 'tickets.csv'), roster: join(dir, 'roster.csv'), ticketDetails: true, ...(exclude ? { excludeTickets: exclude } : {}) });
}

/** KPI id (and `:team`) → [value, samples] per staff id. */
function figures(evaluation: Evaluation): Record<string, Record<string, [number | null, number]>> {
  return Object.fromEntries(
    evaluation.staff.map((s) => [s.member.id, Object.fromEntries(s.kpis.map((k) => [k.scope === 'team' ? `${k.id}:team` : k.id, [k.value === null ? null : Math.round(k.value * 1e6) / 1e6, k.samples]]))]),
  );
}

describe('the assignee, the resolver and the first responder', () => {
  // Columns: ticket, assignee, resolver, first responder, created, first response, resolved.
  const rows = [
    '工单号,处理人,解决人,首响人,创建时间,首次响应时间,解决时间',
    'T1,甲,乙,丙,2026-03-02 09:00,2026-03-02 09:10,2026-03-02 11:00',
    'T2,甲,甲,乙,2026-03-03 09:00,2026-03-03 09:30,2026-03-03 13:00',
    'T3,乙,,乙,2026-03-04 09:00,2026-03-04 09:20,2026-03-04 10:00',
  ];
  const sources = 'data_sources:\n  tickets:\n    columns: { staff_name: 处理人, resolver_name: 解决人, responder_name: 首响人 }\n';

  it('response KPIs credit the responder and resolution KPIs the resolver by default; credit: assignee keeps the assignee', async () => {
    const evaluation = await evaluate(policyOf(policyText(', credit: assignee', sources)), rows);
    const f = figures(evaluation);
    // First response (responder): 丙 T1 10 min; 乙 T2 30 and T3 20 → 25; 甲 responded to none.
    expect(f.A3!.first_response_minutes).toEqual([10, 1]);
    expect(f.A2!.first_response_minutes).toEqual([25, 2]);
    expect(f.A1!.first_response_minutes).toEqual([null, 0]);
    // Resolution (resolver): 乙 T1 2 h; 甲 T2 4 h; T3 names no resolver and counts for no one.
    expect(f.A2!.resolution_hours).toEqual([2, 1]);
    expect(f.A1!.resolution_hours).toEqual([4, 1]);
    expect(f.A3!.resolution_hours).toEqual([null, 0]);
    // Tickets resolved (assignee): 甲 T1, T2; 乙 T3; 丙 none of them, but a ticket of theirs (T1, as responder) is in the period: 0.
    expect(f.A1!.tickets_resolved).toEqual([2, 2]);
    expect(f.A2!.tickets_resolved).toEqual([1, 1]);
    expect(f.A3!.tickets_resolved).toEqual([0, 0]);
    // Team 一组 (甲, 乙): resolution of T1 (乙) and T2 (甲): (2 + 4) / 2.
    expect(f.S1!['resolution_hours:team']).toEqual([3, 2]);
    // One warning for the blank resolver, naming its column and the KPIs it leaves T3 out of.
    const blank = evaluation.warnings.items.filter((w) => w.code === 'credit-blank');
    expect(blank).toHaveLength(1);
    expect(blank[0]).toMatchObject({ params: { count: 1, kpis: ['平均解决时长'] }, location: { row: 4, column: '解决人' } });
    expect(evaluation.warnings.items.filter((w) => w.code === 'ticket-without-staff')).toEqual([]);
  });

  it('without the resolver and responder mapped, every KPI credits the assignee, as before', async () => {
    const evaluation = await evaluate(policyOf(policyText('', 'data_sources:\n  tickets:\n    columns: { staff_name: 处理人 }\n')), rows);
    const f = figures(evaluation);
    // 甲: T1 10 min and T2 30 → 20; T1 2 h and T2 4 h → 3. 乙: T3 20 min, 1 h.
    expect(f.A1!.first_response_minutes).toEqual([20, 2]);
    expect(f.A1!.resolution_hours).toEqual([3, 2]);
    expect(f.A2!.first_response_minutes).toEqual([20, 1]);
    expect(f.A2!.resolution_hours).toEqual([1, 1]);
    expect(f.A3!.resolution_hours).toEqual([null, 0]);
  });

  it('a resolver column the policy maps but the export lacks: an error naming the file, the field and its header', async () => {
    const policy = policyOf(policyText('', sources.replace('resolver_name: 解决人', 'resolver_name: 解决人工号')));
    const error = await evaluate(policy, rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AspmError);
    expect(error).toMatchObject({ code: 'columns-missing', params: { fields: ['resolver_name (解决人工号)'], kpis: ['平均解决时长', '解决工单量'] } });
    expect(String((error as AspmError).params.file)).toMatch(/tickets\.csv$/);
  });

  it('a ticket naming a resolver who is not on the roster: one warning for the column', async () => {
    const more = [...rows, 'T4,甲,戊,乙,2026-03-05 09:00,2026-03-05 09:05,2026-03-05 10:00', 'T5,甲,戊,,2026-03-06 09:00,,2026-03-06 10:00'];
    const evaluation = await evaluate(policyOf(policyText('', sources)), more);
    const unknown = evaluation.warnings.items.filter((w) => w.code === 'staff-not-on-roster');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ params: { value: '戊', tickets: 2 }, location: { row: 5, column: '解决人' } });
    // T5 names 戊 alone (no responder): not a ticket without anyone, only someone unknown.
    expect(evaluation.warnings.items.filter((w) => w.code === 'ticket-without-staff')).toEqual([]);
  });
});

describe('a crew', () => {
  // tickets_resolved credits the crew; resolution_hours the assignee (the lead).
  const rows = [
    '工单号,处理人,作业组,创建时间,首次响应时间,解决时间',
    'W1,甲,甲、乙,2026-03-02 09:00,2026-03-02 09:10,2026-03-02 11:00',
    'W2,乙,乙;丙,2026-03-03 09:00,2026-03-03 09:10,2026-03-03 13:00',
    'W3,丙,丙,2026-03-04 09:00,2026-03-04 09:10,2026-03-04 15:00',
    'W4,甲,甲/乙/丙,2026-03-05 09:00,2026-03-05 09:10,2026-03-05 12:00',
  ];
  const sources = (credit: string) => `data_sources:\n  tickets:\n    columns: { staff_name: 处理人, crew: 作业组 }\n    crew: { credit: ${credit} }\n`;

  it('full: each member counts the whole ticket; the team counts it once', async () => {
    const f = figures(await evaluate(policyOf(policyText(', credit: crew', sources('full'))), rows));
    // 甲: W1, W4; 乙: W1, W2, W4; 丙: W2, W3, W4.
    expect([f.A1!.tickets_resolved, f.A2!.tickets_resolved, f.A3!.tickets_resolved]).toEqual([[2, 2], [3, 3], [3, 3]]);
    // Team 一组 (甲, 乙): W1, W2, W4 — three tickets, not the five its members count.
    expect(f.S1!['tickets_resolved:team']).toEqual([3, 3]);
    // The lead alone is credited the resolution time: 甲 W1 2 h, W4 3 h.
    expect(f.A1!.resolution_hours).toEqual([2.5, 2]);
  });

  it('share: each member counts 1/n of the ticket; samples stay whole tickets; the team still counts it once', async () => {
    const f = figures(await evaluate(policyOf(policyText(', credit: crew', sources('share'))), rows));
    // 甲: 1/2 + 1/3 = 5/6; 乙: 1/2 + 1/2 + 1/3 = 4/3; 丙: 1/2 + 1 + 1/3 = 11/6 — together the 4 tickets.
    expect(f.A1!.tickets_resolved).toEqual([Math.round((5 / 6) * 1e6) / 1e6, 2]);
    expect(f.A2!.tickets_resolved).toEqual([Math.round((4 / 3) * 1e6) / 1e6, 3]);
    expect(f.A3!.tickets_resolved).toEqual([Math.round((11 / 6) * 1e6) / 1e6, 3]);
    expect(f.S1!['tickets_resolved:team']).toEqual([3, 3]);
  });

  it('share: a mean weighs each ticket by the share (numerator and denominator), a median takes each ticket once', async () => {
    // resolution_hours credits the crew here: 乙 W1 2 h × 1/2, W2 4 h × 1/2, W4 3 h × 1/3 → (1 + 2 + 1) / (4/3) = 3.
    const text = policyText(', credit: crew', sources('share')).replace('floor: 8 }', 'floor: 8, credit: crew }');
    const f = figures(await evaluate(policyOf(text), rows));
    expect(f.A2!.resolution_hours).toEqual([3, 3]);
    // 丙: W2 4 × 1/2 + W3 6 × 1 + W4 3 × 1/3 = 9 over 11/6 → 54/11.
    expect(f.A3!.resolution_hours).toEqual([Math.round((54 / 11) * 1e6) / 1e6, 3]);
    // Team 一组: W1 2, W2 4, W4 3 once each → 3.
    expect(f.S1!['resolution_hours:team']).toEqual([3, 3]);
  });

  it('an appeal takes the ticket out of everyone it credited', async () => {
    const evaluation = await evaluate(policyOf(policyText(', credit: crew', sources('full'))), rows, new Map([['W4', 'SS-1']]));
    const f = figures(evaluation);
    expect([f.A1!.tickets_resolved, f.A2!.tickets_resolved, f.A3!.tickets_resolved]).toEqual([[1, 1], [2, 2], [2, 2]]);
    expect(f.S1!['tickets_resolved:team']).toEqual([2, 2]);
    const excluded = evaluation.excluded.find((e) => e.ticket === 'W4')!;
    const ids = (i: number) => evaluation.staff[i]!.member.index;
    expect([...excluded.people!].sort()).toEqual([ids(0), ids(1), ids(2)].sort());
    // The lead's response and resolution times, and each member's count.
    const measures = evaluation.plan.ticketMeasures;
    expect(excluded.hits.map((h) => `${measures[h.measure]!.id}:${evaluation.staff.find((s) => s.member.index === h.person)!.member.name}`).sort()).toEqual(
      ['first_response_minutes:甲', 'resolution_hours:甲', 'tickets_resolved:丙', 'tickets_resolved:乙', 'tickets_resolved:甲'].sort(),
    );
  });

  it('keeps each member’s tickets for their list, at their share', async () => {
    const evaluation = await evaluate(policyOf(policyText(', credit: crew', sources('share'))), rows);
    const details = evaluation.details;
    const of = (name: string) => {
      const index = evaluation.staff.find((s) => s.member.name === name)!.member.index;
      return details.indexesByPerson().get(index)!.map((i) => details.at(i)).map((d) => `${d.ticket}@${d.share ?? 1}`);
    };
    // 甲 leads W1 and W4 (resolution time, whole) and shares them as crew (1/2, 1/3).
    expect(of('甲')).toEqual(['W1@1', 'W1@0.5', `W4@1`, `W4@${1 / 3}`]);
    expect(of('乙')).toEqual(['W1@0.5', 'W2@1', 'W2@0.5', `W4@${1 / 3}`]);
  });
});

describe('the path for several people against the path for one', () => {
  it('crediting the resolver and the responder, mapped to the assignee’s own columns, gives what the assignee alone gives', async () => {
    const loaded = await readPolicy(packagePath('presets', 'medium.zh-CN.yaml'));
    if (!loaded.ok) throw new Error('preset invalid');
    const one = loaded.value;
    const tickets = one.data_sources.tickets!;
    const several: Policy = { ...one, data_sources: { ...one.data_sources, tickets: { ...tickets, columns: { ...tickets.columns, resolver_id: '处理人工号', resolver_name: '处理人', responder_id: '处理人工号', responder_name: '处理人' } } } };
    const dir = mkdtempSync(join(tmpdir(), 'aspm-credits-same-'));
    const options = { seed: 5, staff: 24, tickets: 2000, year: 2026, month: 10, language: 'zh-CN' as const };
    const roster = generateRoster(options);
    await writeRosterCsv(join(dir, 'roster.csv'), roster, { language: 'zh-CN' });
    const rows = [...generateTickets(options, roster)];
    await writeTicketsCsv(join(dir, 'tickets.csv'), rows, { language: 'zh-CN' });
    const exclude = new Map([[String(rows[10]!.ticket_id), 'A-1']]);
    const run = (policy: Policy) => evaluateFiles({ policy, period: '2026-10', tickets: join(dir, 'tickets.csv'), roster: join(dir, 'roster.csv'), ticketDetails: true, excludeTickets: exclude });
    const [a, b] = [await run(one), await run(several)];
    // The second really took the other path: its KPIs credit the resolver and the responder.
    expect(new Set(b.plan.ticketMeasures.map((m) => m.credit))).toEqual(new Set(['resolver', 'responder']));
    expect(b.staff.map((s) => [s.member.id, s.kpis, s.events])).toEqual(a.staff.map((s) => [s.member.id, s.kpis, s.events]));
    expect(b.staff.some((s) => s.kpis.some((k) => k.scope === 'team' && k.samples > 0))).toBe(true);
    // The same rows used, skipped, outside the period; the columns read name the people as well.
    expect({ ...b.inputs[0], columns: undefined }).toEqual({ ...a.inputs[0], columns: undefined });
    expect(b.inputs[0]!.columns).toMatchObject({ resolver_name: ['处理人'], responder_id: ['处理人工号'] });
    expect(b.excluded.map((e) => [e.ticket, e.person, e.team, e.inPeriod])).toEqual(a.excluded.map((e) => [e.ticket, e.person, e.team, e.inPeriod]));
    const lists = (e: Evaluation) => [...e.details.indexesByPerson()].map(([p, list]) => [p, list.map((i) => e.details.at(i)).map((d) => [d.ticket, [...d.values], d.appeal])]);
    expect(lists(b)).toEqual(lists(a));
  });
});
