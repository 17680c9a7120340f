// The terminal summary: grade distribution, top and bottom of each role with columns that
// line up for Chinese names, markers for forced distribution and vetoes, in both languages.
import { describe, expect, it } from 'vitest';
import { makeEvaluation, presetPolicy, type PersonInput } from '../../test/helpers/scoring-fixtures.js';
import type { Policy } from '../policy/policy.generated.js';
import { displayWidth } from '../text/display-width.js';
import { renderSummary } from './render-summary.js';
import { scoreEvaluation } from '../scoring/score-evaluation.js';

const policy = presetPolicy('medium.zh-CN');
const agent = (s: number) => ({ response_sla_rate: 80 + 0.15 * s, first_response_minutes: 120 - 0.9 * s, csat: 80 + 0.15 * s, tickets_resolved: 60 + 0.7 * s, complaint_rate: 3 - 0.025 * s });
const names = ['欧阳娜娜', '李强', 'Li Na', '张伟', '王秀英', '赵敏', '钱多多', '孙立'];
const people: PersonInput[] = names.map((name, i) => ({ id: `E${i + 1}`, name, role: 'agent', kpis: agent(95 - i * 6), ...(i === 2 || i === 5 ? { events: { 'veto:serious_complaint': 1 } } : {}) }));
people.push({ id: 'T1', name: '周技师', role: 'technician', kpis: {} });

function scored(language: 'zh-CN' | 'en', p: Policy = policy, staff: PersonInput[] = people, warnings = 0) {
  const evaluation = makeEvaluation(p, staff);
  for (let i = 0; i < warnings; i++) evaluation.warnings.add('value-missing', { kpis: [] }, { file: 'tickets.csv', row: i + 2, column: '解决时间' });
  return scoreEvaluation({ policy: p, policyFile: { path: 'p', sha256: '0' }, evaluation, resultDate: '2026-11-05', language, toolVersion: 't' });
}

function summary(language: 'zh-CN' | 'en') {
  return renderSummary(scored(language), policy, language);
}

describe('terminal summary', () => {
  it('in Chinese: title, counts, bars, the top and bottom three of a role, markers and notes', () => {
    const text = summary('zh-CN');
    const lines = text.split('\n');
    // The deadline day counts: said so, not left to be read as "before".
    expect(lines[0]).toBe('绩效考核结果 2026-10（月度）　结果公布日 2026-11-05，申诉截止 2026-11-12（含当日）');
    // Who was not assessed, by id and name, and why — not a count pointing to notes elsewhere.
    expect(lines[1]).toBe('共 9 人，已评定 8 人，未评定 1 人（数据不足，须个别处理）：');
    expect(lines[2]).toBe('  · T1 周技师：各项指标均无数据');
    expect(lines[3]).toBe('');
    expect(text).toContain('  S 卓越       1   13%  ███████████████\n');
    expect(text).toContain('  B 良好       2   25%  ██████████████████████████████\n');
    expect(text).toContain('  客服专员（8 人）');
    expect(text).toContain('  维修技术员（1 人，1 人未评定）');
    const rows = lines.filter((l) => /^ {4}(前|后)/.test(l));
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatch(/^ {4}前 {4}1 {2}欧阳娜娜 {2}E1 {3}95\.00 {2}S$/);
    // The rank goes by the final grade first: Li Na's 83.00, capped at C by a veto, ranks below the B's.
    expect(rows[2]).toMatch(/^ {4}前 {4}3 {2}张伟 {6}E4 {3}77\.00 {2}B$/);
    expect(text).not.toContain('Li Na');
    expect(rows[3]).toMatch(/^ {4}后 {4}6 {2}赵敏 .* 65\.00 {2}C \*$/);
    expect(rows[5]).toMatch(/^ {4}后 {4}8 {2}孙立/);
    // Columns line up by display width, whatever the name.
    const at = (row: string) => displayWidth(row.slice(0, row.indexOf('E')));
    expect(new Set(rows.map(at)).size).toBe(1);
    expect(text).toContain('    ⋮');
    expect(text).toContain('* 触发了一票否决项');
    // T1 has no data: the not-assessed note and one per KPI left out; everyone else has the no-ratings note.
    expect(text).toContain('申诉调整 0 项；数据警告 0 条；个人结果说明 ');
    expect(text).toContain('（涉及 9 人，见报告和通知书）；报告说明 2 条：\n  · 未提供定性评价表（--ratings），总分仅按量化指标计算。\n  · 未提供人员指标表（--metrics）');
  });

  it('in English', () => {
    const text = summary('en');
    expect(text.split('\n')[0]).toBe('Performance results 2026-10 (monthly)   published 2026-11-05, appeals by 2026-11-12 (inclusive)');
    expect(text.split('\n').slice(1, 3)).toEqual(['9 people, 8 assessed, 1 not assessed (too little data; to be decided individually):', '  · T1 周技师: no data for any KPI']);
    expect(text).toContain('Grade distribution');
    expect(text).toContain('  客服专员 (8)');
    expect(text).toMatch(/top {7}1 {2}欧阳娜娜/);
  });

  it('names each person not assessed with the reason in a few words, ten at most', () => {
    const staff: PersonInput[] = [
      ...people.slice(0, 2),
      { id: 'E9', name: '少样本', role: 'agent', kpis: Object.fromEntries(Object.keys(agent(50)).map((k) => [k, { value: 90, samples: 1, status: 'insufficient' as const }])) },
      ...Array.from({ length: 11 }, (_, i) => ({ id: `N${i + 1}`, name: `无单${i + 1}`, role: 'agent', kpis: {} })),
    ];
    const lines = renderSummary(scored('zh-CN', policy, staff), policy, 'zh-CN').split('\n');
    expect(lines[1]).toBe('共 14 人，已评定 2 人，未评定 12 人（数据不足，须个别处理）：');
    expect(lines[2]).toBe('  · E9 少样本：各项指标均无数据或样本不足');
    expect(lines[3]).toBe('  · N1 无单1：各项指标均无数据');
    expect(lines[11]).toBe('  · N9 无单9：各项指标均无数据');
    expect(lines[12]).toBe('  · 另有 2 人，见报告的“说明”');
    expect(lines[13]).toBe('');
  });

  it('the footer counts the notes on people’s results, and every warning, also past the 10,000 kept', () => {
    const report = scored('en', policy, people, 10_005);
    expect(report.warnings).toHaveLength(10_001); // 10,000 kept and one saying how many were not
    expect(report.summary.warnings).toBe(10_005);
    const personNotes = report.staff.reduce((n, p) => n + p.notes.length, 0);
    expect(personNotes).toBeGreaterThan(9);
    expect(renderSummary(report, policy, 'en')).toContain(`0 adjustment(s); 10005 data warning(s); ${personNotes} note(s) on the results of 9 person(s), in the report and the notices; 2 report note(s):`);
  });

  it('under a forced distribution by team, people are listed by the team that ranked them', () => {
    const byTeam = presetPolicy('medium.zh-CN', (raw) => {
      raw.grades.forced_distribution = { group_by: 'team', min_group_size: 2, shares: [{ grade: 'S', percent: 10 }, { grade: 'A', percent: 20 }, { grade: 'B', percent: 40 }, { grade: 'C', percent: 20 }, { grade: 'D', percent: 10 }] };
    });
    // Two teams of agents, interleaved in the roster, and a technician in the second team.
    const staff: PersonInput[] = [
      ...names.map((name, i) => ({ id: `E${i + 1}`, name, role: 'agent', team: i % 2 === 0 ? '一组' : '二组', kpis: agent(95 - i * 6) })),
      { id: 'T1', name: '周技师', role: 'technician', team: '二组', kpis: { first_time_fix_rate: 90, onsite_punctuality_rate: 95, csat: 95, resolution_hours: 24, reopen_rate: 3 } },
    ];
    const report = scored('zh-CN', byTeam, staff);
    const text = renderSummary(report, byTeam, 'zh-CN');
    expect(text).toContain('各班组排名（前三名与后三名）\n  一组（4 人）\n');
    expect(text).toContain('  二组（5 人）\n');
    expect(text).not.toContain('  客服专员（');
    const section = (team: string) => {
      const after = text.slice(text.indexOf(`  ${team}（`)).split('\n').slice(1);
      const end = after.findIndex((l) => !l.startsWith('    '));
      return after.slice(0, end).filter((l) => /^ {4}\S* +\d+ /.test(l));
    };
    const ranks = (team: string) => section(team).map((l) => Number(/^ {4}\S* +(\d+) /.exec(l)![1]));
    // Ranks are those of the team, each listed once and in order: no two rank-1 people in one list.
    expect(ranks('一组')).toEqual([1, 2, 3, 4]);
    expect(ranks('二组')).toEqual([...ranks('二组')].sort((a, b) => a - b));
    expect(ranks('二组')[0]).toBe(1);
    expect(section('一组').map((l) => l.includes('欧阳娜娜'))[0]).toBe(true);
    // A team with several roles names each person's role.
    expect(section('二组').some((l) => /周技师 +T1 +维修技术员 /.test(l))).toBe(true);
  });
});

describe('terminal summary: names from the data (issue 17, 16)', () => {
  it('shows escape sequences in a name as text: no colour change, title or screen clear reaches the terminal', () => {
    const crafted = people.map((p, i) => (i === 0 ? { ...p, name: '\x1b[31m红\x1b]0;title\x07\x1b[2J' } : p));
    const text = renderSummary(scored('en', policy, crafted), policy, 'en');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(text).toContain('\\x1b[31m红\\x1b]0;title\\x07\\x1b[2J');
  });
});
