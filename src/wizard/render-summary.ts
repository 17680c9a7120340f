// The summary shown before the policy is written: a roles × KPIs table of weights with
// targets, the qualitative assessment, cycles and grades with bonus coefficients,
// incentives and penalties, the appeal process, and each situation adjustment with its
// reason. Labels are in the user's language, policy content as the policy has it. Returns
// a string; the caller prints it.
import { t, type MessageCode } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { MessageParams } from '../i18n/translate.js';
import type { Policy } from '../policy/policy.generated.js';
import type { AppliedAdjustment } from './build-policy.js';
import type { Situation } from './answers.js';
import { kpiValue } from './kpi-units.js';
import { RESPONSE_KPIS } from './situation.js';
import { COMPLEX_PROBLEMS_ITEM } from './standard-parts.js';
import { displayWidth, padEnd, padStart } from '../text/display-width.js';

export interface SummaryStyle {
  heading(text: string): string;
  dim(text: string): string;
}

export const PLAIN_STYLE: SummaryStyle = { heading: (text) => text, dim: (text) => text };

export interface SummaryOptions {
  readonly language: Language;
  readonly style?: SummaryStyle;
  /** The company is still the preset's example name: the policy is a draft. */
  readonly draft?: boolean;
  /** The situation answers: each is acknowledged, also when it changed nothing. */
  readonly situation?: Situation;
  /**
   * Columns available (a terminal's width). The roles × KPIs table is used when it fits;
   * otherwise each role is a block of its own, one KPI a line, which fits 60 columns.
   */
  readonly width?: number;
}

export function renderSummary(policy: Policy, adjustments: readonly AppliedAdjustment[], options: SummaryOptions): string {
  const { language } = options;
  const style = options.style ?? PLAIN_STYLE;
  const say = (code: MessageCode, params: MessageParams = {}) => t(language, code, params);
  const join = (parts: readonly string[]) => parts.join(language === 'zh-CN' ? '、' : ', ');
  const dot = (parts: readonly string[]) => (parts.length > 0 ? parts.join(' · ') : say('summary-none'));
  const out: string[] = [];
  const section = (code: MessageCode) => out.push('', style.heading(say(code)));

  out.push(style.heading(`━━ ${say('summary-title')} ━━`));
  out.push(
    say('summary-basics', {
      company: policy.meta.company,
      department: policy.meta.department,
      title: policy.meta.title,
      date: policy.meta.effective_date,
      size: { $t: `size-${policy.meta.size}` },
      language: { $t: `language-${policy.meta.language}` },
    }),
  );
  if (options.draft) out.push(say('summary-draft', { company: policy.meta.company, revision: policy.meta.revision }));

  section('summary-roles');
  const table = roleTable(policy, language, style);
  const fits = options.width === undefined || table.every((line) => displayWidth(line) <= options.width!);
  out.push(...(fits ? table : roleBlocks(policy, language, style)));
  if (policy.multi_role) out.push(say('summary-multi-role'));

  section('summary-qualitative');
  out.push(say('summary-items', { detail: dot(policy.qualitative.items.map((i) => `${i.name} ${i.weight}`)) }));
  out.push(say('summary-raters', { detail: dot(policy.qualitative.raters.map((r) => `${say(`rater-${r.type}`)} ${r.weight}`)) }));

  section('summary-cycles-grades');
  const also = policy.cycles.also.length > 0 ? say('summary-also', { cycles: policy.cycles.also.map((c) => say(`cycle-${c}`)) }) : '';
  out.push(say('summary-cycles', { primary: say(`choice-cycle-${policy.cycles.primary}`), also }));
  for (const band of policy.grades.bands) {
    const coefficient = policy.incentives.bonus.coefficients.find((c) => c.grade === band.grade)?.coefficient ?? '';
    out.push(say('summary-grade-line', { grade: band.grade, label: band.label, min: band.min, max: band.max, coefficient }));
  }
  const distribution = policy.grades.forced_distribution;
  if (distribution?.enabled) out.push(say('summary-distribution', { detail: dot(distribution.shares.map((s) => `${s.grade} ${s.percent}%`)) }));

  section('summary-incentives');
  const { promotion, honours, training } = policy.incentives;
  if (promotion) out.push(say('summary-promotion', { text: promotion.description ?? promotion.name }));
  out.push(say('summary-honours', { detail: honours && honours.length > 0 ? join(honours.map((h) => h.name)) : say('summary-none') }));
  out.push(say('summary-training', { detail: training && training.length > 0 ? join(training.map((h) => h.name)) : say('summary-none') }));
  for (const penalty of policy.penalties) out.push(say('summary-penalty', { name: penalty.name, text: penalty.description ?? penalty.kind }));

  section('summary-appeal');
  out.push(
    say('summary-appeal-line', {
      channel: policy.appeal.channel,
      file: policy.appeal.file_within_days,
      answer: policy.appeal.answer_within_days,
      reviewers: join(policy.appeal.reviewers),
    }),
  );

  section('summary-adjustments');
  const quiet = options.situation ? situationNotes(policy, adjustments, options.situation, language) : [];
  if (adjustments.length === 0 && quiet.length === 0) out.push(say('summary-no-adjustments'));
  for (const a of adjustments) out.push(`- ${say(a.code, a.params)}${a.kept ? '' : style.dim(say('adjustment-undone'))}`);
  for (const note of quiet) out.push(`- ${note}`);

  return out.join('\n') + '\n';
}

/** Per situation answer: the answer that adjusts, the prefix of its adjustments, and what it adds or raises. */
const SITUATION: readonly { key: keyof Situation; acts: string; prefix: string; choice: string; covers: (policy: Policy) => string[] }[] = [
  { key: 'competition', acts: 'intense', prefix: 'adjust-competition-', choice: 'choice-competition-', covers: (p) => kpiNames(p, RESPONSE_KPIS) },
  { key: 'training_maturity', acts: 'mature', prefix: 'adjust-training-', choice: 'choice-training-maturity-', covers: (p) => p.qualitative.items.filter((i) => i.id === COMPLEX_PROBLEMS_ITEM).map((i) => i.name) },
  { key: 'cost_pressure', acts: 'high', prefix: 'adjust-cost-', choice: 'choice-cost-pressure-', covers: (p) => kpiNames(p, ['cost_per_ticket']) },
  { key: 'complaints', acts: 'frequent', prefix: 'adjust-complaints-', choice: 'choice-complaints-', covers: (p) => kpiNames(p, ['complaint_rate']) },
];

function kpiNames(policy: Policy, ids: readonly string[]): string[] {
  return policy.kpis.filter((k) => ids.includes(k.id)).map((k) => k.name);
}

/**
 * A line for each situation answer that made no adjustment: it asked for none, or what it
 * would add is already there ("strong cost pressure: 单均维修成本 is already in the preset").
 */
function situationNotes(policy: Policy, adjustments: readonly AppliedAdjustment[], situation: Situation, language: Language): string[] {
  const say = (code: MessageCode, params: MessageParams = {}) => t(language, code, params);
  const separator = language === 'zh-CN' ? '、' : ', ';
  return SITUATION.flatMap(({ key, acts, prefix, choice, covers }) => {
    if (adjustments.some((a) => a.code.startsWith(prefix))) return [];
    const value = situation[key];
    const params = { topic: { $t: `situation-${key}` as MessageCode }, answer: { $t: `${choice}${value}` as MessageCode } };
    const what = covers(policy);
    if (value === acts && what.length > 0) return [say('summary-situation-covered', { ...params, what: what.join(separator) })];
    return [say('summary-situation-as-is', params)];
  });
}

/** What a role is held to on a KPI: `≥95% / 80%`. */
function limitsOf(policy: Policy, language: Language, kpiId: string, target?: number, floor?: number): string {
  const kpi = policy.kpis.find((k) => k.id === kpiId);
  if (!kpi) return '';
  const value = (n: number) => kpiValue(language, n, kpi, policy.meta.currency);
  return `${kpi.direction === 'higher' ? '≥' : '≤'}${value(target ?? kpi.target)} / ${value(floor ?? kpi.floor)}`;
}

/**
 * For a narrow terminal: a block per role — its name, split and bonus base on one line,
 * then each KPI with its weight and the target and floor that role is held to.
 */
function roleBlocks(policy: Policy, language: Language, style: SummaryStyle): string[] {
  const say = (code: MessageCode, params: MessageParams = {}) => t(language, code, params);
  const lines: string[] = [];
  let team = false;
  for (const role of policy.roles) {
    const rows = role.kpis.map((entry) => {
      if (entry.scope === 'team') team = true;
      const name = policy.kpis.find((k) => k.id === entry.kpi)?.name ?? entry.kpi;
      return [name, `${entry.weight}${entry.scope === 'team' ? '*' : ''}`, limitsOf(policy, language, entry.kpi, entry.target, entry.floor)];
    });
    const total = String(Number(role.kpis.reduce((s, k) => s + k.weight, 0).toFixed(2)));
    const all = [[say('summary-kpi'), '', say('summary-target')], ...rows, [say('summary-total'), total, '']];
    const widths = [0, 1, 2].map((column) => Math.max(...all.map((row) => displayWidth(row[column] ?? ''))));
    const line = (row: readonly string[]) => `  ${padEnd(row[0]!, widths[0]!)}  ${padStart(row[1]!, widths[1]!)}  ${row[2]}`.trimEnd();
    lines.push(
      style.heading(role.name),
      `  ${say('summary-share')} ${role.quantitative_share}:${100 - role.quantitative_share} · ${say('summary-bonus-base')} ${kpiValue(language, role.bonus_base, { unit: 'currency' }, policy.meta.currency)}`,
      ...rows.map(line),
      style.dim(line([say('summary-total'), total, ''])),
    );
  }
  if (team) lines.push(style.dim(say('summary-team-note')));
  return lines;
}

/**
 * Rows are KPIs, columns roles; a cell is the weight, starred when counted by team. The
 * last column is the target and floor the roles are held to; a role that has its own
 * (an answer changed them) is marked with # and listed under the table.
 */
function roleTable(policy: Policy, language: Language, style: SummaryStyle): string[] {
  const say = (code: MessageCode, params: MessageParams = {}) => t(language, code, params);
  const headers = [say('summary-kpi'), ...policy.roles.map((r) => r.name), say('summary-target')];
  let team = false;
  const own: string[] = [];
  const rows = policy.kpis.map((kpi) => {
    const limits = (target: number, floor: number) =>
      `${kpi.direction === 'higher' ? '≥' : '≤'}${kpiValue(language, target, kpi, policy.meta.currency)} / ${kpiValue(language, floor, kpi, policy.meta.currency)}`;
    const held = new Map(policy.roles.flatMap((role) => role.kpis.filter((k) => k.kpi === kpi.id).map((k) => [role.id, limits(k.target ?? kpi.target, k.floor ?? kpi.floor)] as const)));
    // What every role using the KPI is held to, or the KPI's own when they differ.
    const shown = new Set(held.values()).size === 1 ? [...held.values()][0]! : limits(kpi.target, kpi.floor);
    return [
      kpi.name,
      ...policy.roles.map((role) => {
        const entry = role.kpis.find((k) => k.kpi === kpi.id);
        if (!entry) return '';
        if (entry.scope === 'team') team = true;
        const differs = held.get(role.id) !== shown;
        if (differs) own.push(say('summary-own-target-line', { role: role.name, kpi: kpi.name, limits: held.get(role.id) }));
        return `${entry.weight}${entry.scope === 'team' ? '*' : ''}${differs ? '#' : ''}`;
      }),
      shown,
    ];
  });
  const totals = [say('summary-total'), ...policy.roles.map((r) => String(Number(r.kpis.reduce((s, k) => s + k.weight, 0).toFixed(2)))), ''];
  const shares = [say('summary-share'), ...policy.roles.map((r) => `${r.quantitative_share}:${100 - r.quantitative_share}`), ''];
  const bonus = [say('summary-bonus-base'), ...policy.roles.map((r) => kpiValue(language, r.bonus_base, { unit: 'currency' }, policy.meta.currency)), ''];
  const footer = [totals, shares, bonus];
  const table = [headers, ...rows, ...footer];
  const widths = headers.map((_, column) => Math.max(...table.map((row) => displayWidth(row[column] ?? ''))));
  const last = headers.length - 1;
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 0 || column === last ? padEnd(cell, widths[column]!) : padStart(cell, widths[column]!)))
      .join('  ')
      .trimEnd();
  const lines = table.map(line);
  lines.splice(1, 0, style.dim('-'.repeat(displayWidth(lines[0]!))));
  lines.splice(lines.length - footer.length, 0, style.dim('-'.repeat(displayWidth(lines[0]!))));
  if (team) lines.push(style.dim(say('summary-team-note')));
  if (own.length > 0) lines.push(style.dim(say('summary-own-target-note')), ...own.map((text) => style.dim(`  ${text}`)));
  return lines;
}
