import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../i18n/catalogue.js';
import { formatDiagnostic } from '../i18n/format-diagnostic.js';
import { MAX_POLICY_BYTES, parsePolicy, parsePolicyBytes, readPolicy } from './load-policy.js';

const basePath = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'base-policy.yaml');
const base = readFileSync(basePath, 'utf8');

/** The base policy with `find` replaced by `replace` (which must occur exactly once). */
function edit(find: string, replace: string, text = base): string {
  const at = text.indexOf(find);
  if (at === -1 || text.indexOf(find, at + 1) !== -1) throw new Error(`edit target must occur once: ${find}`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

function findings(text: string) {
  const result = parsePolicy(text, 'policy.yaml');
  return {
    ok: result.ok,
    list: result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.location?.line, col: d.location?.col })),
    diagnostics: result.diagnostics,
  };
}

describe('the base fixture', () => {
  it('is valid with no findings, and its defaults are filled in', () => {
    const result = parsePolicy(base, 'policy.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.meta.timezone).toBe('Asia/Shanghai');
    expect(result.value.evaluation.missing_kpi).toBe('redistribute');
    expect(result.value.evaluation.satisfaction.good_at_least).toBe(4);
    expect(result.value.kpis[0]?.scoring).toEqual({ method: 'linear' });
    expect(result.value.kpis[0]?.min_samples).toBe(1);
    expect(result.value.qualitative.scale).toEqual({ min: 1, max: 5 });
  });
});

const HOURS_KPI = '  - id: resolution_hours\n    name: 平均解决时长\n    definition: 平均解决时长。\n    formula: 解决时长之和 ÷ 工单数\n    unit: hours\n    direction: lower\n    target: 24\n    floor: 72\n';
const COUNT_KPI = (target: string) => `  - id: tickets_resolved\n    name: 解决工单量\n    definition: 解决的工单数。\n    formula: 解决的工单数\n    unit: count\n    direction: higher\n    target: ${target}\n    floor: 0\n`;
// A KPI of one's own that averages the ratings: on the 1–5 scale, whatever its unit.
const RATING_KPI = '  - id: rating_mean\n    name: 平均评分\n    definition: 回访评分的平均值。\n    formula: 评分之和 ÷ 回访数\n    unit: score\n    direction: higher\n    target: 6\n    floor: 3\n    compute: { from: tickets, aggregate: mean, field: satisfaction }\n';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly code: string;
  readonly line: number;
  readonly col?: number;
  /** How many errors the edit makes (when it unavoidably makes more than one). */
  readonly errors?: number;
}

// Each semantic rule and schema check, with the line:col it must point at.
const COLUMNS = 'data_sources:\n  tickets:\n    columns:\n';
/** resolution_hours (lines 31–38) replaced by a custom KPI of the same length over a duration field. */
const TALK_KPI = '  - id: talk_minutes\n    name: 平均通话时长\n    definition: 平均通话时长。\n    formula: 通话时长之和 ÷ 通话数\n    unit: minutes\n    direction: lower\n    target: 3\n    floor: 10\n    compute: { from: tickets, aggregate: mean, field: talk_time }\n';

const invalidCases: Case[] = [
  // schema: the key when the value is missing, the value otherwise
  { name: 'missing required property points at the parent key', text: edit('  company: 测试公司\n', ''), code: 'missing-property', line: 4, col: 1 },
  { name: 'missing top-level property points at the start', text: edit('scope: 适用于售后服务部全体员工。\n', ''), code: 'missing-property', line: 1, col: 1 },
  { name: 'unknown property points at its key', text: edit('  size: small', '  size: small\n  colour: blue'), code: 'unknown-property', line: 11, col: 3 },
  { name: 'wrong type', text: edit('    target: 95\n    floor: 80\n  - id: response', '    target: high\n    floor: 80\n  - id: response'), code: 'wrong-type', line: 20, col: 13 },
  { name: 'value not in enum', text: edit('  size: small', '  size: huge'), code: 'not-allowed-value', line: 10, col: 9 },
  { name: 'wrong version', text: edit('version: 1', 'version: 2'), code: 'wrong-constant', line: 3, col: 10 },
  { name: 'date in the wrong form', text: edit('"2026-01-01"', '"2026/1/1"'), code: 'bad-date', line: 8, col: 19 },
  { name: 'id with capitals', text: edit('  - id: agent', '  - id: Agent'), code: 'pattern-mismatch', line: 40, col: 9 },
  { name: 'empty string', text: edit('    name: 客服专员', '    name: ""'), code: 'empty-value', line: 41, col: 11 },
  { name: 'appeal deadline not positive', text: edit('  file_within_days: 5', '  file_within_days: 0'), code: 'out-of-range', line: 85, col: 21 },
  { name: 'unknown scoring method', text: edit('    target: 24\n', '    target: 24\n    scoring: { method: curve }\n'), code: 'not-allowed-value', line: 38, col: 24 },
  // Numbers that would size a loop or an allocation have a sensible range (issue 17, 10).
  { name: 'consecutive periods beyond any history', text: edit('consecutive: 2, cycle: quarterly', 'consecutive: 1e16, cycle: quarterly'), code: 'out-of-range', line: 72, col: 39 },
  { name: 'consecutive periods: a million', text: edit('consecutive: 2, cycle: quarterly', 'consecutive: 1000000, cycle: quarterly'), code: 'out-of-range', line: 72, col: 39 },
  { name: 'rating scale of a billion', text: edit('qualitative:\n', 'qualitative:\n  scale: { min: 1, max: 1e9 }\n'), code: 'out-of-range', line: 48, col: 25 },
  { name: 'minimum samples beyond any export', text: edit('    floor: 72\n', '    floor: 72\n    min_samples: 1e12\n'), code: 'out-of-range', line: 39, col: 18 },
  { name: 'weight above 100', text: edit('{ kpi: csat, weight: 50 }', '{ kpi: csat, weight: 150 }'), code: 'out-of-range', line: 44, col: 30 },
  // semantic rules
  { name: 'role weights not totalling 100', text: edit('{ kpi: csat, weight: 50 }', '{ kpi: csat, weight: 40 }'), code: 'weights-sum', line: 43, col: 5 },
  { name: 'qualitative item weights', text: edit('name: 团队协作, weight: 40', 'name: 团队协作, weight: 30'), code: 'item-weights-sum', line: 48, col: 3 },
  { name: 'rater weights', text: edit('{ type: customer, weight: 40 }', '{ type: customer, weight: 30 }'), code: 'rater-weights-sum', line: 51, col: 3 },
  { name: 'rater listed twice', text: edit('{ type: customer, weight: 40 }', '{ type: supervisor, weight: 40 }'), code: 'duplicate-rater', line: 53, col: 15 },
  { name: 'grade bands overlap', text: edit('{ grade: B, label: 良好, min: 70, max: 85 }', '{ grade: B, label: 良好, min: 70, max: 88 }'), code: 'grade-overlap', line: 58, col: 35 },
  { name: 'grade bands leave a gap', text: edit('{ grade: B, label: 良好, min: 70, max: 85 }', '{ grade: B, label: 良好, min: 72, max: 85 }'), code: 'grade-gap', line: 59, col: 35 },
  { name: 'grade bands stop short of 100', text: edit('{ grade: A, label: 优秀, min: 85, max: 100 }', '{ grade: A, label: 优秀, min: 85, max: 99 }'), code: 'grade-gap', line: 58, col: 44 },
  { name: 'empty grade band', text: edit('{ grade: C, label: 合格, min: 60, max: 70 }', '{ grade: C, label: 合格, min: 70, max: 60 }'), code: 'grade-band-empty', line: 60, col: 35 },
  { name: 'role names an undefined KPI', text: edit('{ kpi: resolution_hours, weight: 20 }', '{ kpi: resolution_hour, weight: 20 }'), code: 'unknown-kpi', line: 46, col: 16 },
  { name: 'coefficient for an undefined grade', text: edit('      - { grade: D, coefficient: 0.5 }\n', '      - { grade: D, coefficient: 0.5 }\n      - { grade: E, coefficient: 0.2 }\n'), code: 'unknown-grade', line: 69, col: 18 },
  { name: 'grade without coefficient', text: edit('      - { grade: D, coefficient: 0.5 }\n', ''), code: 'missing-coefficient', line: 64, col: 5 },
  { name: 'trigger names an undefined grade', text: edit('when: { grades: [A], consecutive: 2', 'when: { grades: [S], consecutive: 2'), code: 'unknown-grade', line: 72, col: 22 },
  { name: 'veto caps at an undefined grade', text: edit('effect: { max_grade: C }', 'effect: { max_grade: X }'), code: 'unknown-grade', line: 82, col: 26 },
  { name: 'veto without effect', text: edit('effect: { max_grade: C }', 'effect: {}'), code: 'veto-no-effect', line: 82, col: 5 },
  { name: 'empty trigger', text: edit('when: { grades: [D] }', 'when: { consecutive: 1 }'), code: 'trigger-empty', line: 77, col: 5 },
  { name: 'target on the wrong side of the floor (higher is better)', text: edit('    target: 95\n    floor: 80\n  - id: response', '    target: 70\n    floor: 80\n  - id: response'), code: 'target-floor-order', line: 20, col: 13 },
  { name: 'target on the wrong side of the floor (lower is better)', text: edit('    target: 24\n    floor: 72', '    target: 80\n    floor: 72'), code: 'target-floor-order', line: 37, col: 13 },
  { name: 'role override on the wrong side', text: edit('{ kpi: csat, weight: 50 }', '{ kpi: csat, weight: 50, floor: 99 }'), code: 'target-floor-order', line: 44, col: 41 },
  // impossible targets and floors: the unit's range, whole counts, the rating scale (kpi-values.ts)
  { name: 'a negative percentage target', text: edit('    target: 95\n    floor: 80\n  - id: response', '    target: -5\n    floor: 80\n  - id: response'), code: 'kpi-value-percent', line: 20, col: 13 },
  { name: 'a negative percentage floor', text: edit('    target: 95\n    floor: 80\n  - id: response', '    target: 95\n    floor: -10\n  - id: response'), code: 'kpi-value-percent', line: 21, col: 12 },
  { name: 'a percentage target and floor both negative', text: edit('    target: 95\n    floor: 80\n  - id: response', '    target: -5\n    floor: -10\n  - id: response'), code: 'kpi-value-percent', line: 21, col: 12, errors: 2 },
  { name: 'a rate above 100 %', text: edit('    target: 95\n    floor: 80\n    sla', '    target: 150\n    floor: 80\n    sla'), code: 'kpi-value-percent', line: 28, col: 13 },
  { name: 'a negative duration', text: edit('    target: 24\n    floor: 72', '    target: -5\n    floor: 72'), code: 'kpi-value-negative', line: 37, col: 13 },
  { name: 'a count that is not whole', text: edit(HOURS_KPI, COUNT_KPI('12.5')).replace('kpi: resolution_hours', 'kpi: tickets_resolved'), code: 'kpi-value-whole', line: 37, col: 13 },
  { name: 'a negative count', text: edit(HOURS_KPI, COUNT_KPI('-3')).replace('kpi: resolution_hours', 'kpi: tickets_resolved'), code: 'kpi-value-negative', line: 37, col: 13 },
  { name: 'a mean rating above the scale', text: edit(HOURS_KPI, RATING_KPI).replace('kpi: resolution_hours', 'kpi: rating_mean'), code: 'kpi-value-scale', line: 37, col: 13 },
  { name: 'a role target above 100 %', text: edit('{ kpi: csat, weight: 50 }', '{ kpi: csat, weight: 50, target: 101 }'), code: 'kpi-value-percent', line: 44, col: 42 },
  { name: 'a negative role floor', text: edit('{ kpi: resolution_hours, weight: 20 }', '{ kpi: resolution_hours, weight: 20, floor: -1 }'), code: 'kpi-value-negative', line: 46, col: 53 },
  { name: 'a goal beyond 100 %', text: base + 'goals:\n  - { description: 满意度达标, kpi: csat, target: 150 }\n', code: 'kpi-value-percent', line: 89, col: 46 },
  { name: 'duplicate KPI id', text: edit('  - id: resolution_hours', '  - id: csat').replace('      - { kpi: resolution_hours, weight: 20 }\n', '').replace('{ kpi: csat, weight: 50 }', '{ kpi: csat, weight: 70 }'), code: 'duplicate-id', line: 31, col: 9 },
  { name: 'duplicate grade', text: edit('    - { grade: D, label: 待改进, min: 0, max: 60 }\n', '    - { grade: D, label: 待改进, min: 0, max: 60 }\n    - { grade: D, label: 不合格, min: 100, max: 100 }\n').replace('{ grade: D, label: 不合格, min: 100, max: 100 }', '{ grade: D, label: 不合格, min: 0, max: 60 }'), code: 'duplicate-id', line: 62, col: 16, errors: 2 },
  { name: 'KPI listed twice in a role', text: edit('{ kpi: resolution_hours, weight: 20 }', '{ kpi: csat, weight: 20 }'), code: 'duplicate-role-kpi', line: 46, col: 16 },
  { name: 'custom KPI without compute', text: edit('  - id: resolution_hours', '  - id: repair_hours').replace('kpi: resolution_hours', 'kpi: repair_hours'), code: 'kpi-not-computable', line: 31, col: 9 },
  { name: 'built-in KPI with compute', text: edit('    floor: 72\n', '    floor: 72\n    compute: { from: metrics, column: x }\n'), code: 'builtin-compute', line: 39, col: 5 },
  { name: 'SLA KPI without its limit', text: edit('    sla: { within: 30, unit: minutes }\n', ''), code: 'sla-missing', line: 22, col: 9 },
  { name: 'mean of nothing', text: edit('  - id: resolution_hours', '  - id: repair_hours').replace('kpi: resolution_hours', 'kpi: repair_hours').replace('    floor: 72\n', '    floor: 72\n    compute: { from: tickets, aggregate: mean }\n'), code: 'compute-needs-field', line: 39, col: 42 },
  { name: 'rate without condition', text: edit('  - id: resolution_hours', '  - id: repair_hours').replace('kpi: resolution_hours', 'kpi: repair_hours').replace('    floor: 72\n', '    floor: 72\n    compute: { from: tickets, aggregate: rate }\n'), code: 'compute-needs-condition', line: 39, col: 42 },
  { name: 'qualitative item that does not exist', text: edit('    quantitative_share: 70\n', '    quantitative_share: 70\n    qualitative_items: [attitude, punctuality]\n'), code: 'unknown-item', line: 43, col: 35 },
  { name: 'qualitative share without items', text: edit('    quantitative_share: 70\n', '    quantitative_share: 70\n    qualitative_items: []\n'), code: 'role-without-qualitative', line: 43, col: 5 },
  { name: 'unknown time zone', text: edit('  size: small', '  size: small\n  timezone: Asia/Peking'), code: 'unknown-timezone', line: 11, col: 13 },
  { name: 'scale upside down', text: edit('qualitative:\n', 'qualitative:\n  scale: { min: 5, max: 1 }\n'), code: 'scale-order', line: 48, col: 17 },
  { name: 'good score outside the satisfaction scale', text: base + 'evaluation:\n  satisfaction: { good_at_least: 7 }\n', code: 'threshold-outside-scale', line: 89, col: 34 },
  { name: 'working hours out of order', text: base + 'evaluation:\n  working_hours:\n    - { start: "13:00", end: "18:00" }\n    - { start: "09:00", end: "12:00" }\n', code: 'working-hours-order', line: 91, col: 16 },
  { name: 'forced distribution shares', text: edit('    - { grade: D, label: 待改进, min: 0, max: 60 }\n', '    - { grade: D, label: 待改进, min: 0, max: 60 }\n  forced_distribution:\n    group_by: role\n    shares: [{ grade: A, percent: 20 }, { grade: B, percent: 70 }]\n'), code: 'shares-sum', line: 64, col: 5 },
  { name: 'built-in KPI used but not defined', text: edit('{ kpi: resolution_hours, weight: 20 }', '{ kpi: cost_per_ticket, weight: 20 }').replace('  - id: resolution_hours', '  - id: repair_hours').replace('    floor: 72\n', '    floor: 72\n    compute: { from: metrics, column: 时长 }\n'), code: 'builtin-not-defined', line: 47, col: 16 },
  { name: 'built-in KPI in another unit', text: edit('    unit: hours', '    unit: days'), code: 'builtin-unit', line: 35, col: 11 },
  { name: 'built-in KPI turned around', text: edit('    formula: 满意数 ÷ 回访数 × 100%\n    unit: percent\n    direction: higher', '    formula: 满意数 ÷ 回访数 × 100%\n    unit: percent\n    direction: lower'), code: 'builtin-direction', line: 19, col: 16, errors: 2 },
  // an event log's reading (rules/event-log.ts)
  { name: 'on-hold intervals with nothing to time them', text: base + 'data_sources:\n  tickets:\n    events:\n      on_hold_when: [{ field: state, equals: hold }]\n', code: 'events-on-hold-without-at', line: 91, col: 7 },
  { name: 'first_when without the column its value comes from', text: base + 'data_sources:\n  tickets:\n    events:\n      fields:\n        first_response_at: { first_when: [{ field: state, equals: Active }] }\n', code: 'events-first-when-without-value', line: 92, col: 9 },
  { name: 'an event log read by each ticket\'s first row', text: base + 'data_sources:\n  tickets:\n    repeated_ids: first\n    events: { order_by: sys_mod_count }\n', code: 'events-with-repeated-ids-first', line: 90, col: 19 },
  { name: 'on-hold time both mapped and derived', text: base + 'data_sources:\n  tickets:\n    columns: { on_hold: { column: 挂起时长, duration: minutes } }\n    events: { on_hold_when: [{ field: state, equals: hold }], at: updated }\n', code: 'events-on-hold-mapped', line: 91, col: 15 },
  // several people per ticket (rules/people.ts)
  { name: 'a KPI crediting the crew with no crew column mapped', text: edit('    floor: 72\n', '    floor: 72\n    credit: crew\n'), code: 'credit-column-not-mapped', line: 39, col: 13 },
  { name: 'a KPI crediting the resolver with no resolver column mapped', text: edit('    floor: 72\n', '    floor: 72\n    credit: resolver\n') + 'data_sources:\n  tickets:\n    columns: { crew: 作业组 }\n', code: 'credit-column-not-mapped', line: 39, col: 13 },
  { name: 'a crew separator with no crew column', text: base + 'data_sources:\n  tickets:\n    columns: { resolver_name: 解决人 }\n    crew: { separator: ";" }\n', code: 'crew-without-column', line: 91, col: 5 },
  { name: 'goal tied to an undefined KPI', text: base + 'goals:\n  - { description: 满意度达标, kpi: nps, target: 50 }\n', code: 'unknown-kpi', line: 89, col: 32 },
  // Column mappings (lines 88–90 are data_sources: / tickets: / columns:; the mapping is on line 91).
  { name: 'a duration on a time field', text: base + COLUMNS + '      created_at: { column: 创建时间, duration: seconds }\n', code: 'column-duration-on-time', line: 91, col: 35 },
  { name: 'a duration on a yes/no field', text: base + COLUMNS + '      complaint: { column: 投诉, duration: minutes }\n', code: 'column-duration-on-field', line: 91, col: 32 },
  { name: 'plus on a field that is not a time', text: base + COLUMNS + '      cost: { column: 费用, plus: { column: 运费, duration: seconds } }\n', code: 'column-plus-not-time', line: 91, col: 27 },
  { name: 'first_of on a field that is not a time', text: base + COLUMNS + '      staff_name: { first_of: [处理人, 关闭人] }\n', code: 'column-first-of-not-time', line: 91, col: 21 },
  { name: 'first_of with no column', text: base + COLUMNS + '      resolved_at: { first_of: [] }\n', code: 'empty-value', line: 91, col: 32 },
  { name: 'an unknown duration unit', text: base + COLUMNS + '      talk_time: { column: 通话时长, duration: days }\n', code: 'not-allowed-value', line: 91, col: 44 },
  { name: 'on-hold time without its unit', text: base + COLUMNS + '      on_hold: 挂起时长\n', code: 'column-on-hold-needs-duration', line: 91, col: 16 },
  {
    name: 'a KPI over a duration in a unit that is not a time',
    text: edit(HOURS_KPI, TALK_KPI.replace('unit: minutes', 'unit: percent')).replace('kpi: resolution_hours', 'kpi: talk_minutes') + COLUMNS + '      talk_time: { column: 通话时长, duration: clock }\n',
    code: 'kpi-duration-unit',
    line: 35,
    col: 11,
  },
  { name: 'first_of beside column', text: base + COLUMNS + '      resolved_at: { column: 解决时间, first_of: [关闭时间] }\n', code: 'column-spec-shape', line: 91, col: 7 },
  {
    name: 'a KPI in minutes over a time',
    text: edit(HOURS_KPI, TALK_KPI.replace('field: talk_time', 'field: created_at')).replace('kpi: resolution_hours', 'kpi: talk_minutes'),
    code: 'kpi-time-field',
    line: 39,
    col: 55,
  },
];

describe('nesting thousands of levels deep (issue 17, 9)', () => {
  it.each([
    ['flow brackets', `${base}extra: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 88, 8 + 64],
    ['block sequences', `${base}extra:\n  ${'- '.repeat(5000)}x\n`, 89, 64 * 8 + 1],
  ])('%s: aspm\'s own message at the place it gets too deep, not a JavaScript one', (_, text, line, col) => {
    const result = parsePolicy(text, 'policy.yaml');
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => ({ code: d.code, line: d.location?.line, col: d.location?.col }))).toEqual([{ code: 'yaml-too-deep', line, col }]);
  });
});

describe('invalid policies: each rule reports its code at the offending value', () => {
  it.each(invalidCases)('$name → $code at $line:$col', ({ text, code, line, col, errors: count }) => {
    const { ok, list } = findings(text);
    expect(ok).toBe(false);
    const errors = list.filter((d) => d.severity === 'error');
    expect(errors).toContainEqual({ code, severity: 'error', line, col: col ?? expect.any(Number) });
    // One mistake makes one finding: no cascade of follow-on errors.
    expect(errors).toHaveLength(count ?? 1);
  });

  it('the object forms of a column mapping, each where it fits, are valid', () => {
    const mappings = [
      '      first_response_at: { column: [Date, Time], plus: { column: Speed of answer in seconds, duration: seconds } }',
      '      resolved_at: { first_of: [resolved_at, closed_at] }',
      '      on_hold: { column: 挂起时长, duration: minutes }',
      '      talk_time: { column: AvgTalkDuration, duration: clock }',
      '      created_at: { column: 创建时间 }',
    ];
    const text = edit(HOURS_KPI, TALK_KPI).replace('kpi: resolution_hours', 'kpi: talk_minutes') + COLUMNS + mappings.join('\n') + '\n';
    expect(findings(text).list).toEqual([]);
  });

  it('an unused KPI is a warning, not an error', () => {
    const text = edit('      - { kpi: resolution_hours, weight: 20 }\n', '').replace('{ kpi: csat, weight: 50 }', '{ kpi: csat, weight: 70 }');
    const { ok, list } = findings(text);
    expect(ok).toBe(true);
    expect(list).toEqual([{ code: 'unused-kpi', severity: 'warning', line: 31, col: 9 }]);
  });

  it('warns when a crew column is mapped but no KPI credits the crew, which would read it for nothing', () => {
    const text = base + 'data_sources:\n  tickets:\n    columns: { crew: 作业组 }\n    crew: { credit: share }\n';
    const { ok, list } = findings(text);
    expect(ok).toBe(true);
    expect(list).toEqual([{ code: 'crew-not-credited', severity: 'warning', line: 90, col: 16 }]);
    // With a KPI that credits the crew, nothing to say.
    expect(findings(edit('    floor: 72\n', '    floor: 72\n    credit: crew\n', text)).list).toEqual([]);
  });

  it('warns at its credit key when a KPI read from the metrics file says whom to credit, which it cannot', () => {
    // resolution_hours (lines 31–38) replaced by a metrics KPI; its credit: on line 40.
    const METRICS_KPI = '  - id: repair_hours\n    name: 平均维修时长\n    definition: 平均维修时长。\n    formula: 人员指标表中的维修时长\n    unit: hours\n    direction: lower\n    target: 24\n    floor: 72\n    compute: { from: metrics, column: 维修时长 }\n';
    const metrics = (credit: string, text = base) => edit(HOURS_KPI, `${METRICS_KPI}    credit: ${credit}\n`, text).replace('kpi: resolution_hours', 'kpi: repair_hours');
    for (const credit of ['assignee', 'resolver', 'crew']) {
      // resolver is mapped nowhere: still only the warning, not the credit-column-not-mapped error, which would send the user to map a column for nothing.
      const { ok, list, diagnostics } = findings(metrics(credit));
      expect(ok).toBe(true);
      expect(list).toEqual([{ code: 'credit-not-from-tickets', severity: 'warning', line: 40, col: 5 }]);
      expect(formatDiagnostic(diagnostics[0]!, 'en')).toBe(
        `policy.yaml:40:5: warning credit-not-from-tickets: KPI repair_hours says credit: ${credit}, but it comes from the metrics file (compute.from: metrics), whose rows are already each person's own figure: there is no ticket to credit to anyone, so credit has no effect. Remove credit; to credit the assignee, resolver, responder or crew of each ticket, compute the KPI from tickets (compute.from: tickets).`,
      );
      expect(formatDiagnostic(diagnostics[0]!, 'zh-CN')).toContain(`credit-not-from-tickets: 指标 repair_hours 写了 credit: ${credit}，但它取自人员指标表`);
    }
    // The same KPI over tickets: credit means something, nothing to say.
    expect(findings(edit(HOURS_KPI, `${TALK_KPI}    credit: assignee\n`).replace('kpi: resolution_hours', 'kpi: talk_minutes')).list).toEqual([]);
    // A metrics KPI's credit: crew does not make a crew column read: that is still said.
    const crew = metrics('crew') + 'data_sources:\n  tickets:\n    columns: { crew: 作业组 }\n';
    expect(findings(crew).list.map((d) => d.code).sort()).toEqual(['credit-not-from-tickets', 'crew-not-credited']);
  });

  it('warns when a pay deduction runs on another cycle than the bonus, which would never apply it', () => {
    const text = base.replace("    when: { grades: [D] }\n", "    when: { grades: [D] }\n  - id: cut\n    kind: pay_deduction\n    name: 扣减奖金\n    deduction_percent: 50\n    when: { grades: [D], cycle: quarterly }\n");
    const { ok, list } = findings(text);
    expect(ok).toBe(true);
    expect(list).toEqual([{ code: 'deduction-cycle', severity: 'warning', line: 82, col: 5 }]);
  });

  it('names the misspelt property it recognises', () => {
    const { diagnostics } = findings(edit('  department: 售后服务部', '  departement: 售后服务部'));
    const unknown = diagnostics.find((d) => d.code === 'unknown-property');
    expect(unknown?.params).toMatchObject({ suggestion: 'department' });
    expect(formatDiagnostic(unknown!, 'en')).toBe(
      'policy.yaml:7:3: unknown-property: Unknown property meta.departement. Did you mean department?',
    );
  });

  it('explains a weights total in both languages with the parts that make it', () => {
    const { diagnostics } = findings(edit('{ kpi: csat, weight: 50 }', '{ kpi: csat, weight: 45 }'));
    const d = diagnostics[0]!;
    expect(formatDiagnostic(d, 'zh-CN')).toBe(
      'policy.yaml:43:5: weights-sum: 岗位“客服专员”的指标权重合计为 95，应为 100（csat 45 + response_sla_rate 30 + resolution_hours 20）。请调整权重。',
    );
    expect(t('en', d.code, d.params)).toContain('total 95, not 100');
  });

  it('accepts weights that total 100 within 0.01', () => {
    const text = edit('{ kpi: csat, weight: 50 }', '{ kpi: csat, weight: 33.333 }')
      .replace('{ kpi: response_sla_rate, weight: 30 }', '{ kpi: response_sla_rate, weight: 33.333 }')
      .replace('{ kpi: resolution_hours, weight: 20 }', '{ kpi: resolution_hours, weight: 33.333 }');
    expect(findings(text).ok).toBe(true);
    expect(findings(text.replace('weight: 33.333 }\n      - { kpi: resolution', 'weight: 33.32 }\n      - { kpi: resolution')).list[0]?.code).toBe('weights-sum');
  });
});

// Bad input that is not a policy at all: a clear message, never a crash.
describe('bad input', () => {
  const bad: { name: string; bytes: Uint8Array; code: string; line: number; col: number }[] = [
    { name: 'YAML syntax error', bytes: Buffer.from(edit('  size: small', '  size: [small')), code: 'yaml-unclosed', line: 10, col: 9 },
    { name: 'colon inside a plain value', bytes: Buffer.from('version: 1\nmeta:\n  title: a: b\n'), code: 'yaml-colon-in-value', line: 3, col: 10 },
    { name: 'tab indentation', bytes: Buffer.from('version: 1\nmeta:\n\tcompany: x\n'), code: 'yaml-tab-indent', line: 3, col: 1 },
    { name: 'empty file', bytes: Buffer.from(''), code: 'empty-file', line: 1, col: 1 },
    { name: 'only comments and blanks', bytes: Buffer.from('# nothing yet\n\n   \n'), code: 'empty-file', line: 1, col: 1 },
    { name: 'a list, not a mapping', bytes: Buffer.from('- a\n- b\n'), code: 'not-a-mapping', line: 1, col: 1 },
    { name: 'a plain string', bytes: Buffer.from('hello world\n'), code: 'not-a-mapping', line: 1, col: 1 },
    { name: 'binary data', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), code: 'not-text', line: 3, col: 1 },
    { name: 'GBK text (not UTF-8)', bytes: Buffer.concat([Buffer.from('version: 1\nmeta:\n  company: '), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from('\n')]), code: 'not-utf8', line: 3, col: 1 },
    { name: 'duplicate key', bytes: Buffer.from(edit('  size: small', '  size: small\n  company: 另一家')), code: 'duplicate-key', line: 11, col: 3 },
    { name: 'several YAML documents', bytes: Buffer.from(base + '---\nversion: 1\n'), code: 'yaml-multiple-documents', line: 88, col: 1 },
  ];

  it.each(bad)('$name → $code at $line:$col', ({ bytes, code, line, col }) => {
    const result = parsePolicyBytes(bytes, 'policy.yaml');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ code, location: { file: 'policy.yaml', line, col } });
  });

  it('reads a policy saved as UTF-16 (with or without a byte order mark) as the text it is (issue 17, 11)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(base, 'utf16le')]);
    const be = Buffer.from(base, 'utf16le').swap16();
    for (const bytes of [le, be, Buffer.from(base, 'utf16le')]) {
      const result = parsePolicyBytes(bytes, 'policy.yaml');
      expect(result.diagnostics).toEqual([]);
      expect(result.ok && result.value.meta.company).toBe('测试公司');
    }
    const broken = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 1\n', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    expect(parsePolicyBytes(broken, 'policy.yaml').diagnostics[0]).toMatchObject({ code: 'not-utf16', params: { encoding: 'UTF-16 LE' } });
  });

  it('names the duplicated key', () => {
    const result = parsePolicyBytes(Buffer.from(edit('  size: small', '  size: small\n  company: 另一家')), 'p.yaml');
    expect(formatDiagnostic(result.diagnostics[0]!, 'en')).toBe(
      'p.yaml:11:3: duplicate-key: The key "company" appears twice at the same level. Remove or merge one of them.',
    );
  });

  it('stops an alias bomb quickly, without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const before = process.memoryUsage().heapUsed;
    const result = parsePolicyBytes(Buffer.from(levels.join('\n') + '\n'), 'bomb.yaml');
    const grown = process.memoryUsage().heapUsed - before;
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.code).toBe('yaml-alias-bomb');
    // 9^12 strings would need terabytes; the check stops it within a few megabytes.
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  });

  it('accepts a few honest aliases', () => {
    const text = edit('  raters:\n    - { type: supervisor, weight: 60 }\n    - { type: customer, weight: 40 }', '  raters: &raters\n    - { type: supervisor, weight: 60 }\n    - { type: customer, weight: 40 }');
    expect(parsePolicy(text).ok).toBe(true);
  });

  describe('files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-load-'));

    it('a missing file', async () => {
      const result = await readPolicy(join(dir, 'nope.yaml'));
      expect(result.diagnostics[0]?.code).toBe('file-not-found');
    });

    it('a directory', async () => {
      mkdirSync(join(dir, 'folder.yaml'));
      const result = await readPolicy(join(dir, 'folder.yaml'));
      expect(result.diagnostics[0]?.code).toBe('is-directory');
    });

    it('a file over the size limit', async () => {
      const path = join(dir, 'huge.yaml');
      writeFileSync(path, Buffer.alloc(MAX_POLICY_BYTES + 10, 0x20));
      const result = await readPolicy(path);
      expect(result.diagnostics[0]).toMatchObject({ code: 'file-too-large', params: { limit: MAX_POLICY_BYTES } });
    });

    it('a valid file on disk, with a UTF-8 byte-order mark', async () => {
      const path = join(dir, 'bom.yaml');
      writeFileSync(path, '\uFEFF' + base);
      const result = await readPolicy(path);
      expect(result.ok).toBe(true);
    });
  });
});
