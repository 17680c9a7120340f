// The terminal summary: grade distribution, top and bottom of each role with columns that
// line up for Chinese names, markers for forced distribution and vetoes, in both languages.
import { describe, expect, it } from 'vitest';
import { makeEvaluation, presetPolicy, type PersonInput } from '../../test/helpers/scoring-fixtures.js';
import { displayWidth } from '../text/display-width.js';
import { renderSummary } from './render-summary.js';
import { scoreEvaluation } from './score-evaluation.js';

const policy = presetPolicy('medium.zh-CN');
const agent = (s: number) => ({ response_sla_rate: 80 + 0.15 * s, first_response_minutes: 120 - 0.9 * s, csat: 80 + 0.15 * s, tickets_resolved: 60 + 0.7 * s, complaint_rate: 3 - 0.025 * s });
const names = ['欧阳娜娜', '李强', 'Li Na', '张伟', '王秀英', '赵敏', '钱多多', '孙立'];
const people: PersonInput[] = names.map((name, i) => ({ id: `E${i + 1}`, name, role: 'agent', kpis: agent(95 - i * 6), ...(i === 2 ? { events: { 'veto:serious_complaint': 1 } } : {}) }));
people.push({ id: 'T1', name: '周技师', role: 'technician', kpis: {} });

function summary(language: 'zh-CN' | 'en') {
  const evaluation = makeEvaluation(policy, people);
  const report = scoreEvaluation({ policy, policyFile: { path: 'p', sha256: '0' }, evaluation, resultDate: '2026-11-05', language, toolVersion: 't' });
  return renderSummary(report, policy, language);
}

describe('terminal summary', () => {
  it('in Chinese: title, counts, bars, the top and bottom three of a role, markers and notes', () => {
    const text = summary('zh-CN');
    const lines = text.split('\n');
    expect(lines[0]).toBe('绩效考核结果 2026-10（月度）　结果公布日 2026-11-05，申诉截止 2026-11-12');
    expect(lines[1]).toBe('共 9 人，已评定 8 人，未评定 1 人（数据不足，见说明）');
    expect(text).toContain('  S 卓越       1   13%  ███████████████\n');
    expect(text).toContain('  B 良好       2   25%  ██████████████████████████████\n');
    expect(text).toContain('  客服专员（8 人）');
    expect(text).toContain('  维修技术员（1 人，1 人未评定）');
    const rows = lines.filter((l) => /^ {4}(前|后)/.test(l));
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatch(/^ {4}前 {4}1 {2}欧阳娜娜 {2}E1 {3}95\.00 {2}S$/);
    expect(rows[2]).toMatch(/Li Na .* 83\.00 {2}C \*$/);
    expect(rows[5]).toMatch(/^ {4}后 {4}8 {2}孙立/);
    // Columns line up by display width, whatever the name.
    const at = (row: string) => displayWidth(row.slice(0, row.indexOf('E')));
    expect(new Set(rows.map(at)).size).toBe(1);
    expect(text).toContain('    ⋮');
    expect(text).toContain('* 触发了一票否决项');
    expect(text).toContain('申诉调整 0 项；数据警告 0 条；说明 2 条：\n  · 未提供定性评价表（--ratings），总分仅按量化指标计算。\n  · 未提供人员指标表（--metrics）');
  });

  it('in English', () => {
    const text = summary('en');
    expect(text.split('\n')[0]).toBe('Performance results 2026-10 (monthly)   published 2026-11-05, appeals until 2026-11-12');
    expect(text).toContain('Grade distribution');
    expect(text).toContain('  客服专员 (8)');
    expect(text).toMatch(/top {7}1 {2}欧阳娜娜/);
  });
});
