// What a person's result notice (绩效考核结果通知书) shows, as text ready for the template
// of the policy's language: who, which period, the total and how it is made up, each KPI
// line, the raters, points and vetoes, what follows (bonus and actions), the adjustments
// made on appeal, the notes, and how and until when to appeal. Numbers are rounded here for
// reading (the JSON report keeps them exact). It also decides which sections a notice has
// and numbers them: a person not assessed gets a short notice whose result says once that no
// KPI had enough data, without tables of dashes or sections about a total that does not exist.
// The notice is written to the employee: notes about how the report was made (missing
// history, ratings files) belong to HR's report and Excel sheet, not here. Pure.
import { t, translate, type MessageCode } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { measuresDuration } from '../policy/kpi-catalogue.js';
import { ON_HOLD_KPIS, onHoldSource } from '../policy/ticket-field-kinds.js';
import type { Policy } from '../policy/policy.generated.js';
import { toChineseNumeral } from '../text/chinese-numerals.js';
import { formatAmount, formatDate, formatPercent, formatValue, joinList } from '../render/document-values.js';
import { buildPolicyView, type PolicyView } from '../render/policy-view.js';
import { noticeChartData, type NoticeChartData } from './notice-charts.js';
import type { Action, ActionKind } from '../scoring/outcomes.js';
import { reportCoverage } from '../scoring/policy-coverage.js';
import type { ReportKpi, ReportNote, ReportPerson, ScoredReport } from '../scoring/scored-report.js';
import { roundHalfUp } from '../text/round-half-up.js';

export interface NoticeView {
  readonly language: Language;
  readonly company: string;
  readonly department: string;
  readonly policyTitle: string;
  readonly policyReference: string;
  /** A period that ended before the policy took effect: the mark and what it means, shown at the top (null: a real result). */
  readonly trial: { readonly mark: string; readonly text: string } | null;
  readonly person: { readonly id: string; readonly name: string; readonly role: string; readonly team: string };
  readonly period: string;
  readonly periodDays: string;
  readonly resultDate: string;
  readonly assessed: boolean;
  readonly total: string;
  readonly grade: string;
  readonly gradeLabel: string;
  readonly rank: string;
  /** What the rank is among: 岗位「客服专员」内排名 (the ranking group, named exactly). */
  readonly rankHeading: string;
  readonly bonus: string;
  readonly formula: string;
  readonly distributed: string | null;
  readonly capped: string | null;
  readonly quantitative: string;
  readonly quantitativeShare: string;
  readonly kpis: readonly { name: string; team: boolean; value: string; target: string; floor: string; score: string; weight: string; contribution: string; adjusted: boolean }[];
  /** Not assessed: one sentence in the result saying that no KPI had enough data (and which), instead of a table of dashes. */
  readonly kpisNotScored: string;
  readonly anyAdjusted: boolean;
  /** Durations counted in working time: a sentence saying which and how (null: calendar time). */
  readonly businessHours: string | null;
  /** Which of the person's KPIs exclude time on hold, and the column it is read from (null: none). */
  readonly onHold: string | null;
  /** First-time fix counted without reopen/revisit data: said to the person it concerns (null otherwise). */
  readonly fixFlagsMissing: string | null;
  /** The figures of the notice's two charts, rounded as its tables show them (null: not assessed, nothing to draw). */
  readonly chart: NoticeChartData | null;
  /**
   * The charts' files beside the notice and their descriptions, for the template's images
   * (null: no charts — a person not assessed, or a view not made by buildNotices).
   */
  readonly charts: { readonly profile: NoticeChartFile; readonly total: NoticeChartFile } | null;
  /** A sentence naming the person's ticket list beside the notice (null: none was written). */
  readonly ticketList: string | null;
  readonly months: readonly { period: string; score: string }[];
  /** A period averaging its months: each KPI's value, score and weight in each month, to redo the averages. */
  readonly monthlyKpis: readonly { name: string; cells: readonly string[] }[];
  readonly averaged: boolean;
  readonly hasQualitative: boolean;
  readonly qualitative: string;
  readonly qualitativeShare: string;
  /** The role's items with the weights it was scored with (roleItemWeights, via the report): they add up to 100. */
  readonly qualitativeItems: string;
  readonly raters: readonly { name: string; weight: string; score: string; contribution: string }[];
  /** Each item's mean rating per rater type (columns as `raters`), its score out of 100 and its weight in that type: to redo each rater's score. */
  readonly ratingItems: readonly { name: string; cells: readonly string[] }[];
  /** The policy's rating formula with its worked example, as the policy document words it. */
  readonly ratingFormula: string;
  /** The policy's anonymity rule, as the policy document words it ('' when no rater type is anonymous). */
  readonly anonymityRule: string;
  readonly events: readonly { name: string; kind: string; count: string; effect: string }[];
  readonly bonusLine: string | null;
  /** The article of the policy that sets the bonus (第二十六条). */
  readonly bonusArticle: string;
  readonly actions: readonly string[];
  /** Rules (e.g. an improvement plan) that could not be decided yet for want of an earlier result, worded for the employee. */
  readonly pending: readonly string[];
  readonly adjustments: readonly { appeal: string; what: string; reason: string; approvedBy: string; approvedOn: string }[];
  readonly notes: readonly string[];
  /** Who decides a case the scoring cannot (no result, a deadline to check): the body the policy makes its interpreter. */
  readonly caseHandler: string;
  /**
   * The number of each section shown (一、二… or 1, 2…), null for a section left out: for a
   * person not assessed the result says why in a sentence, without KPI or qualitative
   * sections, and points or outcomes only when something happened there; adjustments and
   * notes appear only when there are some.
   */
  readonly section: {
    readonly result: string;
    readonly kpis: string | null;
    readonly qualitative: string | null;
    readonly events: string | null;
    readonly outcomes: string | null;
    readonly adjustments: string | null;
    readonly notes: string | null;
    readonly appeal: string;
  };
  readonly appeal: {
    readonly deadline: string;
    readonly days: number;
    readonly channel: string;
    readonly reviewers: string;
    readonly answerDays: number;
    readonly escalation: string | null;
    /** The deadline skips public holidays and counts make-up working days (调休). */
    readonly holidaysCounted: boolean;
    /** The deadline was counted Monday to Friday because the holiday data stops before it. */
    readonly holidayDataMissing: boolean;
    /** The years the holiday data lacks (e.g. `2027`), when holidayDataMissing. */
    readonly uncoveredYears: string;
  };
  /**
   * The policy's appeal form (附件二), attached as the notice's last page: the policy
   * document's own view, with the person's result filled in where the form asks for it.
   */
  readonly appealForm: PolicyView & { readonly applicant: { name: string; id: string; role: string; team: string; period: string; total: string; grade: string } };
}

/** A chart's file name beside the notice (as the Markdown links it) and its description. */
export interface NoticeChartFile {
  readonly file: string;
  readonly alt: string;
}

const fixed = (n: number | null) => (n === null ? '—' : roundHalfUp(n).toFixed(2));

export function periodLabel(language: Language, id: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(id))) return t(language, 'notice-period-month', { year: Number(m[1]), month: Number(m[2]) });
  if ((m = /^(\d{4})-Q([1-4])$/.exec(id))) return t(language, 'notice-period-quarter', { year: Number(m[1]), quarter: Number(m[2]) });
  if ((m = /^(\d{4})$/.exec(id))) return t(language, 'notice-period-year', { year: Number(m[1]) });
  return id;
}

/**
 * Notes the notice says elsewhere: in the result, the events table, the qualitative
 * section ("no usable rating") or what follows — where a rule left undecided for want of
 * an earlier period's report is worded as what it means for the employee (see `pending`).
 */
const SHOWN_ELSEWHERE = new Set([
  'note-veto',
  'note-grade-capped',
  'note-bonus-withheld',
  'note-bonus-other-cycle',
  'note-distribution-changed',
  'note-distribution-kept',
  'note-not-assessed',
  'note-too-little-weight',
  'note-no-ratings',
  'note-history-missing',
  'note-rule-not-yet',
]);

/**
 * Without a total, notes on how KPIs and ratings were weighed explain nothing: the
 * quantitative section says once that no KPI had enough data, and ratings were not used.
 */
const ABOUT_THE_TOTAL = /^note-(kpi|month|target|rater|items|ignored)-/;

/** A note as the notice's language says it (the report's notes are in the language of the run). */
function noteText(language: Language, note: ReportNote): string {
  return t(language, note.code as MessageCode, note.params);
}

/**
 * "Whether the improvement plan applies is decided once May's result is in": the report
 * tells HR which report is missing (note-history-missing); the employee learns what is
 * still open about them, not how the tool was run.
 */
function pendingText(language: Language, note: ReportNote): string {
  const periods = (note.params.periods as string[]).map((p) => periodLabel(language, p));
  return translate(language, 'notice-history-missing', { ...note.params, periods });
}

/** "Demotion does not apply yet: the policy applies from 1 July 2026…", with dates and periods as the notice writes them. */
function notYetText(language: Language, note: ReportNote): string {
  return translate(language, 'notice-rule-not-yet', { ...note.params, effective: formatDate(language, String(note.params.effective)), from: periodLabel(language, String(note.params.from)) });
}

/** Section numbers as the language writes them: 一、二… or 1, 2…. */
function sectionNumber(language: Language, n: number): string {
  return language === 'zh-CN' ? toChineseNumeral(n) : String(n);
}

const isTooLittleWeight = (n: ReportNote) => n.code.startsWith('note-too-little-weight');

/**
 * Why a person has no result: the KPIs scored from data weigh too little, no KPI has any
 * data, every KPI has too few samples, or there were enough over the period yet no month
 * could be scored (a period averaging its months). The notice and the terminal summary
 * both say it, each in its own words.
 */
export function whyNotAssessed(person: ReportPerson): 'little-weight' | 'no-data' | 'too-few' | 'months' {
  if (person.notes.some(isTooLittleWeight)) return 'little-weight';
  if (person.kpis.every((k) => k.samples === 0)) return 'no-data';
  return person.kpis.some((k) => k.status === 'ok') ? 'months' : 'too-few';
}

/** One sentence for a person not assessed: which KPIs lacked data, and how short they fell. */
function kpisNotScoredText(language: Language, person: ReportPerson, policy: Policy): string {
  const kpis = person.kpis;
  const why = whyNotAssessed(person);
  if (why === 'little-weight') return translate(language, 'notice-kpis-little-weight', person.notes.find(isTooLittleWeight)!.params);
  if (why === 'no-data') return t(language, 'notice-kpis-no-data', { kpis: joinList(language, kpis.map((k) => k.name)) });
  if (why === 'months') return t(language, 'notice-kpis-no-month');
  const items = kpis.map((k) =>
    k.samples === 0
      ? t(language, 'notice-kpi-no-data', { kpi: k.name })
      : t(language, 'notice-kpi-too-few', { kpi: k.name, samples: k.samples, min: policy.kpis.find((x) => x.id === k.id)?.min_samples ?? '' }),
  );
  return t(language, 'notice-kpis-too-few', { kpis: items.join(t(language, 'notice-list-separator')) });
}

/** When durations count working time, which KPIs of the person's and what the working time is. */
function businessHoursText(language: Language, person: ReportPerson, policy: Policy): string | null {
  if (policy.evaluation.duration !== 'business') return null;
  const kpis = person.kpis.filter((k) => measuresDuration(k.id)).map((k) => k.name);
  if (kpis.length === 0) return null;
  const hours = policy.evaluation.working_hours.map((span) => `${span.start}–${span.end}`);
  return t(language, 'notice-business-hours', {
    kpis: joinList(language, kpis),
    count: kpis.length,
    hours: joinList(language, hours),
    holidays: t(language, policy.evaluation.holidays_file !== undefined ? 'notice-holidays-file' : policy.evaluation.holidays === 'cn' ? 'notice-holidays-cn' : 'notice-holidays-none'),
  });
}

/** Time on hold taken off resolution time, for the person's KPIs that it is taken off. */
function onHoldText(language: Language, person: ReportPerson, policy: Policy): string | null {
  const source = onHoldSource(policy.data_sources.tickets);
  const kpis = person.kpis.filter((k) => ON_HOLD_KPIS.has(k.id)).map((k) => k.name);
  if (source === undefined || kpis.length === 0) return null;
  if ('column' in source) return t(language, 'notice-on-hold', { kpis: joinList(language, kpis), count: kpis.length, column: source.column });
  return t(language, 'notice-on-hold-events', { kpis: joinList(language, kpis), count: kpis.length, states: source.conditions, at: source.at });
}

function kpiValue(language: Language, k: ReportKpi, value: number | null, policy: Policy): string {
  if (value === null) return '—';
  // Two decimals, as the notice says it rounds, so a column reads alike (81.50% beside 83.38%);
  // a count has none.
  const decimals = k.unit === 'count' && Number.isInteger(value) ? 0 : 2;
  return formatValue(language, value, k.unit as Parameters<typeof formatValue>[2], policy.meta.currency, decimals);
}

const viewsOf = new WeakMap<Policy, PolicyView>();

/**
 * The policy as its document presents it (one view per policy): the notice cites its
 * article numbers and quotes its rules from here, so they read as the document does.
 */
function policyView(policy: Policy): PolicyView {
  let view = viewsOf.get(policy);
  if (!view) viewsOf.set(policy, (view = buildPolicyView(policy)));
  return view;
}

/** The policy document's articles, numbered as the document numbers them. */
export function policyArticles(policy: Policy): PolicyView['article'] {
  return policyView(policy).article;
}

const ARTICLE_OF_ACTION: Record<ActionKind, 'promotion' | 'honours' | 'training' | 'penalties'> = {
  promotion: 'promotion',
  honour: 'honours',
  training: 'training',
  warning: 'penalties',
  pay_deduction: 'penalties',
  demotion: 'penalties',
  improvement_plan: 'penalties',
};

/**
 * An action as a notice and the Excel report name it: with its training topics or its
 * deduction, then the facts that fired its rule (as the scoring recorded them) and the
 * article of the policy that sets the rule.
 */
export function actionText(language: Language, a: Action, policy: Policy): string {
  const action = a.topics && a.topics.length > 0
    ? t(language, 'notice-action-topics', { name: a.name, topics: joinList(language, a.topics) })
    : a.deduction_percent
      ? t(language, 'notice-action-deduction', { name: a.name, percent: a.deduction_percent })
      : a.name;
  const { because } = a;
  const facts =
    t(language, 'notice-because-grades', {
      periods: joinList(language, because.grades.map((g) => periodLabel(language, g.period))),
      grades: because.grades.map((g) => g.grade),
      bands: because.based_on === 'bands',
    }) + (because.rank !== undefined ? t(language, 'notice-because-rank', { rank: because.rank, top: because.top }) : '');
  const article = policyArticles(policy)[ARTICLE_OF_ACTION[a.kind]]?.number ?? '';
  return t(language, 'notice-action-because', { action, facts, article });
}

export function buildNoticeView(report: ScoredReport, person: ReportPerson, policy: Policy): NoticeView {
  const language = policy.meta.language;
  const L = (code: MessageCode, params?: Record<string, unknown>) => t(language, code, params);
  const role = policy.roles.find((r) => r.id === person.role);
  const personCells = { id: person.id, name: person.name, role: role?.name ?? person.role, team: person.team || '—' };
  const band = (grade: string | null) => report.grades.bands.find((b) => b.grade === grade)?.label ?? '';
  // Money as payslips show it: thousands separators and two decimals (3,000.00 元 / CNY 3,000.00).
  const money = (n: number) => formatValue(language, 0, 'currency', policy.meta.currency).replace('0', formatAmount(n));
  // A rater type at the start of a table cell: "Supervisor" in English.
  const raterName = (type: string) => capitalise(language, L(`score-rater-${type}` as MessageCode));
  const assessed = person.status === 'assessed';
  const ql = person.qualitative;
  const hasQualitative = ql.score !== null && ql.share > 0;
  const q = person.quantitative;

  const formula = !assessed
    ? ''
    : hasQualitative
      ? L('notice-formula', { q: fixed(q.score), qs: formatPercent(language, q.share), ql: fixed(ql.score), qls: formatPercent(language, ql.share), points: fixed(person.points.total), total: fixed(person.total_rounded) })
      : L('notice-formula-kpis-only', { q: fixed(q.score), points: fixed(person.points.total), total: fixed(person.total_rounded) });

  const bonus = person.outcomes.bonus;
  let bonusLine: string | null = null;
  if (bonus.amount !== null) {
    if (bonus.withheld_by.length > 0) {
      const names = bonus.withheld_by.map((id) => policy.vetoes.find((v) => v.id === id)?.name ?? id);
      bonusLine = L('notice-bonus-withheld', { vetoes: joinList(language, names) });
    } else {
      bonusLine = L(bonus.deduction_percent > 0 ? 'notice-bonus-deducted' : 'notice-bonus', {
        base: money(bonus.base),
        source: L(bonus.base_source === 'roster' ? 'notice-bonus-base-roster' : 'notice-bonus-base-role'),
        coefficient: bonus.coefficient,
        deduction: bonus.deduction_percent,
        amount: money(bonus.amount),
      });
    }
  } else if (assessed) {
    bonusLine = L('notice-bonus-other-cycle', { paid: L(`score-cycle-${bonus.paid}` as MessageCode) });
  }

  const capVetoes = person.vetoes.filter((v) => v.triggered && v.max_grade !== null).map((v) => v.name);
  const adjustments = person.adjustments.map((a) => {
    let what: string;
    if (a.kind === 'exclude_ticket') what = L('notice-adjustment-ticket', { ticket: a.ticket_id ?? '', kpis: joinList(language, a.kpis ?? []) });
    else if (a.kind === 'override_kpi') {
      const kpi = person.kpis.find((k) => k.id === a.kpi);
      const name = policy.kpis.find((k) => k.id === a.kpi)?.name ?? a.kpi ?? '';
      const show = (v: number | null | undefined) => (kpi && v !== undefined ? kpiValue(language, kpi, v, policy) : String(v ?? '—'));
      what = L('notice-adjustment-kpi', { kpi: name, month: a.month ? periodLabel(language, a.month) : '', before: show(a.original_value), after: show(a.value) });
    } else {
      const item = policy.qualitative.items.find((i) => i.id === a.item)?.name ?? a.item ?? '';
      what = L('notice-adjustment-rating', { type: L(`score-rater-${a.rater_type}` as MessageCode), item, before: a.original_score, after: a.score });
    }
    return { appeal: a.appeal, what, reason: a.reason, approvedBy: a.approved_by, approvedOn: formatDate(language, a.approved_on) };
  });

  const events = [
    ...person.points.items
      .filter((p) => (p.count ?? 0) > 0)
      .map((p) => ({ name: p.name, kind: L(p.points >= 0 ? 'notice-event-bonus' : 'notice-event-deduction'), count: String(p.count), effect: (p.value > 0 ? '+' : '') + fixed(p.value) })),
    ...person.vetoes
      .filter((v) => v.triggered)
      .map((v) => ({
        name: v.name,
        kind: L('notice-event-veto'),
        count: String(v.count ?? 0),
        effect: [v.max_grade ? L('notice-veto-cap', { grade: v.max_grade }) : '', v.no_bonus ? L('notice-veto-no-bonus') : ''].filter(Boolean).join(L('notice-separator')),
      })),
  ];

  const actions = person.outcomes.actions.map((a) => actionText(language, a, policy));
  const pending = person.notes.filter((n) => n.code === 'note-history-missing').map((n) => pendingText(language, n));
  const notes = person.notes.filter((n) => !SHOWN_ELSEWHERE.has(n.code) && (assessed || !ABOUT_THE_TOTAL.test(n.code))).map((n) => noteText(language, n));
  // Rules that cannot hold before the policy has run long enough: said plainly, as what is open.
  pending.push(...person.notes.filter((n) => n.code === 'note-rule-not-yet').map((n) => notYetText(language, n)));
  const effective = formatDate(language, report.policy.effective_date);
  if (reportCoverage(report) === 'partial') notes.unshift(L('notice-partly-in-force', { effective, first: formatDate(language, report.period.start.slice(0, 10)) }));

  // Sections in their order; a section left out does not leave a gap in the numbering.
  let count = 0;
  const next = () => sectionNumber(language, ++count);
  const when = (shown: boolean) => (shown ? next() : null);
  const section = {
    result: next(),
    kpis: when(assessed),
    qualitative: when(assessed),
    events: when(assessed || events.length > 0),
    outcomes: when(assessed || actions.length > 0 || pending.length > 0 || bonusLine !== null),
    adjustments: when(adjustments.length > 0),
    notes: when(notes.length > 0),
    appeal: next(),
  };

  return {
    language,
    company: policy.meta.company,
    department: policy.meta.department,
    policyTitle: policy.meta.title,
    policyReference: [policy.meta.document_no, policy.meta.revision].filter(Boolean).join(' '),
    trial: report.trial ? { mark: L('trial-mark'), text: L('notice-trial', { effective }) } : null,
    person: personCells,
    period: periodLabel(language, report.period.id),
    periodDays: L('notice-period-days', { first: formatDate(language, report.period.start.slice(0, 10)), last: formatDate(language, lastDay(report.period.end)) }),
    resultDate: formatDate(language, report.result_date),
    assessed,
    total: fixed(person.total_rounded),
    grade: person.grade ?? L('xlsx-not-assessed'),
    gradeLabel: band(person.grade),
    rank: person.rank === null || person.rank_group === null ? '—' : L('notice-rank', { rank: person.rank, size: person.rank_group.size }),
    rankHeading: L('notice-rank-heading', rankGroupName(person, policy)),
    bonus: bonus.amount === null ? '—' : money(bonus.amount),
    formula,
    distributed:
      person.grade_distributed !== null && person.grade_distributed !== person.grade_by_bands
        ? L('notice-distributed', { bands: person.grade_by_bands, distributed: person.grade_distributed, kept: person.distribution?.kept_published ? L('notice-distribution-kept') : '' })
        : null,
    capped: person.grade !== null && person.grade !== (person.grade_distributed ?? person.grade_by_bands) ? L('notice-capped', { grade: person.grade, vetoes: joinList(language, capVetoes) }) : null,
    quantitative: fixed(q.score),
    quantitativeShare: formatPercent(language, q.share),
    kpis: person.kpis.map((k) => ({
      name: k.name,
      team: k.scope === 'team',
      value: kpiValue(language, k, k.value, policy),
      target: kpiValue(language, k, k.target, policy),
      floor: kpiValue(language, k, k.floor, policy),
      score: k.score === null ? L('notice-not-scored') : fixed(k.score),
      weight: formatPercent(language, k.weight),
      contribution: fixed(k.contribution),
      adjusted: k.adjusted !== undefined || k.excluded.length > 0,
    })),
    anyAdjusted: person.kpis.some((k) => k.adjusted !== undefined || k.excluded.length > 0),
    businessHours: businessHoursText(language, person, policy),
    onHold: onHoldText(language, person, policy),
    fixFlagsMissing:
      report.warnings.some((w) => w.code === 'no-fix-flags') && person.kpis.some((k) => k.id === 'first_time_fix_rate' && k.scored_as === 'value')
        ? t(language, 'notice-no-fix-flags', { kpi: person.kpis.find((k) => k.id === 'first_time_fix_rate')!.name })
        : null,
    chart: noticeChartData(language, person),
    charts: null,
    ticketList: null,
    months: (q.months ?? []).map((m) => ({ period: periodLabel(language, m.period), score: m.score === null ? L('notice-not-scored') : fixed(m.score) })),
    monthlyKpis:
      q.method === 'monthly_average'
        ? person.kpis.map((k) => ({
            name: k.name,
            cells: (q.months ?? []).map((month) => {
              const m = k.months?.find((x) => x.period === month.period);
              if (!m) return '—';
              const score = m.score === null ? L('notice-not-scored') : fixed(m.score);
              const cell = { value: kpiValue(language, k, m.value, policy), score, weight: formatPercent(language, m.weight) };
              // Counts have a month's own target and floor (scaled from the period's): shown, so the score can be redone.
              return m.target === k.target && m.floor === k.floor
                ? L('notice-month-cell', cell)
                : L('notice-month-cell-scaled', { ...cell, target: kpiValue(language, k, m.target, policy), floor: kpiValue(language, k, m.floor, policy) });
            }),
          }))
        : [],
    averaged: q.method === 'monthly_average',
    hasQualitative,
    qualitative: fixed(ql.score),
    qualitativeShare: formatPercent(language, ql.share),
    qualitativeItems: joinList(language, ql.items.map((i) => L('doc-item-weight', { item: i.name, weight: formatPercent(language, i.weight) }))),
    raters: ql.raters.map((r) => ({
      name: raterName(r.type),
      weight: r.used ? formatPercent(language, r.weight) : '—',
      score: r.used ? fixed(r.score) : L(r.reason === 'below_minimum' ? 'notice-rater-too-few' : 'notice-rater-none'),
      contribution: r.used ? fixed(r.contribution) : '—',
    })),
    ratingItems: ql.items.map((item) => ({
      name: item.name,
      cells: ql.raters.map((r) => {
        if (r.withheld.includes(item.id)) return L('notice-rater-too-few');
        const m = r.used ? r.items.find((x) => x.id === item.id) : undefined;
        return m ? L('notice-rating-cell', { mean: fixed(m.mean), score: fixed(m.score), weight: formatPercent(language, m.weight) }) : '—';
      }),
    })),
    ratingFormula: policyView(policy).qualitative.ratingFormula,
    anonymityRule: policyView(policy).qualitative.anonymityRule,
    events,
    bonusLine,
    bonusArticle: policyArticles(policy).bonus?.number ?? '',
    actions,
    kpisNotScored: assessed ? '' : kpisNotScoredText(language, person, policy),
    adjustments,
    pending,
    notes,
    caseHandler: policyView(policy).supplementary.interpretation,
    section,
    appeal: {
      deadline: formatDate(language, person.appeal_deadline),
      days: report.appeal.file_within_days,
      channel: report.appeal.channel,
      reviewers: joinList(language, [...report.appeal.reviewers]),
      answerDays: report.appeal.answer_within_days,
      escalation: report.appeal.escalation,
      holidaysCounted: report.appeal.calendar === 'cn' || report.appeal.calendar === 'holidays_file',
      holidayDataMissing: report.appeal.calendar === 'mon_fri_uncovered',
      uncoveredYears: uncoveredYears(language, report),
    },
    appealForm: {
      ...policyView(policy),
      applicant: {
        ...personCells,
        period: periodLabel(language, report.period.id),
        total: assessed ? fixed(person.total_rounded) : '',
        grade: assessed && person.grade !== null ? withLabel(language, person.grade, band(person.grade)) : '',
      },
    },
  };
}

/** The ranking group by kind and name: the role's name, or the team. */
function rankGroupName(person: ReportPerson, policy: Policy): { by: string; group: string } {
  const g = person.rank_group;
  if (g === null) return { by: '', group: '' };
  return { by: g.by, group: g.by === 'role' ? (policy.roles.find((r) => r.id === g.id)?.name ?? g.id) : g.id };
}

/** A（良好） / A (Good), as the result table shows a grade. */
function withLabel(language: Language, grade: string, label: string): string {
  return label === '' ? grade : t(language, 'notice-grade-with-label', { grade, label });
}

function capitalise(language: Language, text: string): string {
  return language === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** The last day of a period from its exclusive end (`2026-11-01T00:00:00+08:00` → 2026-10-31). */
function lastDay(end: string): string {
  const day = Date.parse(`${end.slice(0, 10)}T00:00:00Z`) - 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

/** The years between the result date and the deadline that the holiday data does not cover. */
function uncoveredYears(language: Language, report: ScoredReport): string {
  const data = report.appeal.holiday_data;
  if (report.appeal.calendar !== 'mon_fri_uncovered' || data === null) return '';
  const years: number[] = [];
  for (let y = Number(report.result_date.slice(0, 4)); y <= Number(report.appeal.deadline.slice(0, 4)); y++) if (y < data.first || y > data.last) years.push(y);
  return joinList(language, years.map(String));
}
