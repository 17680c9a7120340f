// From KPI values to results: each person's quantitative and qualitative scores, points,
// vetoes, total, grade by bands, rank and forced distribution within their group, the
// rules that fire (with history for consecutive cycles), bonus, appeal deadline and the
// notes that explain every departure from the plain rule (a KPI left out for want of data,
// a rater type missing, a grade capped by a veto…). Returns the complete report. Pure: the
// clock, the files and the history come in as data.
import type { Evaluation } from '../evaluate/evaluate-files.js';
import type { KpiResult, StaffResult } from '../evaluate/kpi-results.js';
import { describePeriod, type Period } from '../evaluate/period.js';
import type { WorkingCalendar } from '../evaluate/working-calendar.js';
import { buildReport } from '../evaluate/report.js';
import { personKey, staffKey } from '../evaluate/staff.js';
import type { RatingRow } from '../evaluate/staff-tables.js';
import { t, type MessageCode } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { Cycle, Kpi, Policy } from '../policy/policy.generated.js';
import type { LoadedAdjustments } from './adjustments.js';
import { applyAdjustments, overrideKey, type AppliedAdjustments } from './apply-adjustments.js';
import { cycleOfPeriod, periodMonths, primaryPeriodIds } from './cycles.js';
import { distributeGrades, rankPeople, type RankInput } from './forced-distribution.js';
import { bandOf, gradeIndex, gradeScale, roundScore, worseGrade, type GradeScale } from './grades.js';
import type { HistoryReport } from './history.js';
import { computeBonus, ruleOutcomes, type HistoryLookup, type PastGrades } from './outcomes.js';
import { personSetup, type PersonSetup } from './person-setup.js';
import { policyCoverage } from './policy-coverage.js';
import { REPORT_FORMAT_VERSION } from './report-file.js';
import type { ExcludedRecord, MonthKpi, ReportQualitative, ReportDistribution, ReportKpi, ReportNote, ReportPerson, ScoredReport } from './scored-report.js';
import { checkVetoes, scorePoints } from './score-events.js';
import { appliedTargets, cycleMonths, scaledScoring, statedScoring } from './score-kpi.js';
import { scoreQualitative } from './score-qualitative.js';
import { scoreQuantitative, type KpiLine, type QuantitativeResult } from './score-quantitative.js';

/** How a period is scored: as one, or as the mean of its primary cycles (`longer_cycles: average`). */
export interface ScoringPlan {
  readonly cycle: Cycle | undefined;
  /** The primary cycles averaged (e.g. a quarter's months); empty when the period is scored as one. */
  readonly months: readonly string[];
}

export function planScoring(policy: Policy, period: Pick<Period, 'id' | 'kind'>): ScoringPlan {
  const cycle = cycleOfPeriod(period);
  const months = policy.cycles.longer_cycles === 'average' && cycle !== undefined ? primaryPeriodIds(period.id, policy.cycles.primary) : [];
  return { cycle, months };
}

export interface ScoreEvaluationInput {
  readonly policy: Policy;
  readonly policyFile: { readonly path: string; readonly sha256: string };
  readonly evaluation: Evaluation;
  readonly adjustments?: LoadedAdjustments;
  readonly history?: readonly HistoryReport[];
  /** Reports in the history folder left out because another policy scored them. */
  readonly historyOtherPolicies?: readonly string[];
  /** The date results are published (`YYYY-MM-DD`); the appeal window starts here. */
  readonly resultDate: string;
  readonly language: Language;
  readonly toolVersion: string;
}

export const TIE_BREAK = ['total_rounded', 'quantitative', 'qualitative'] as const;

interface Scored {
  readonly index: number;
  readonly result: StaffResult;
  readonly setup: PersonSetup;
  readonly kpis: ReportKpi[];
  readonly quantitative: ReportPerson['quantitative'];
  readonly qualitative: ReportQualitative;
  readonly points: ReportPerson['points'];
  readonly vetoes: ReportPerson['vetoes'];
  readonly subtotal: number | null;
  readonly total: number | null;
  readonly rounded: number | null;
  readonly bandsGrade: string | null;
  readonly band: ReportPerson['band'];
  readonly cap: string | null;
  readonly notes: ReportNote[];
}

export function scoreEvaluation(input: ScoreEvaluationInput): ScoredReport {
  const { policy, evaluation, language } = input;
  const scale = gradeScale(policy);
  const applied = applyAdjustments(policy, evaluation, input.adjustments);
  const plan = planScoring(policy, evaluation.period);
  const averaging = evaluation.slices.length > 0;
  const note = (code: MessageCode, params: Record<string, unknown> = {}): ReportNote => ({ code, params, message: t(language, code, params) });
  const kpiName = (id: string) => policy.kpis.find((k) => k.id === id)?.name ?? id;

  const ratingsOf = new Map<number, RatingRow[]>();
  for (const r of applied.ratings) {
    const list = ratingsOf.get(r.staff);
    if (list) list.push(r);
    else ratingsOf.set(r.staff, [r]);
  }
  const scored: Scored[] = evaluation.staff.map((result, index) =>
    scorePerson({ policy, evaluation, applied, result, index, scale, averaging, note, kpiName, ratings: ratingsOf.get(result.member.index) ?? [] }),
  );

  // Ranking groups: the forced distribution's, else the role.
  const fd = policy.grades.forced_distribution?.enabled ? policy.grades.forced_distribution : undefined;
  const groupBy: 'role' | 'team' = fd?.group_by ?? 'role';
  const groupOf = (s: Scored) => (groupBy === 'team' ? s.result.member.team : (s.result.member.roles[0] ?? ''));
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    if (s.rounded === null) continue;
    const list = groups.get(groupOf(s)) ?? [];
    list.push(s);
    groups.set(groupOf(s), list);
  }
  const published = input.history?.find((h) => h.periodId === evaluation.period.id);
  // Appellants by staff index: with a roster of names only every staff id is ''.
  const appellants = new Set(applied.byPerson.keys());
  const keepPublished = fd !== undefined && published !== undefined && applied.records.length > 0;
  const rankOf = new Map<number, number>();
  const distributed = new Map<number, { grade: string | null; info: ReportDistribution }>();
  const shares = scale.order.map((g) => fd?.shares.find((s) => s.grade === g)?.percent ?? 0);
  for (const [group, members] of groups) {
    const inputs: RankInput[] = members.map((s) => ({
      key: String(s.index),
      total: s.rounded!,
      quantitative: roundScore(s.quantitative.score ?? 0),
      qualitative: roundScore(s.qualitative.score ?? 0),
      capIndex: s.cap === null ? undefined : gradeIndex(scale, s.cap),
    }));
    if (fd) {
      const applies = members.length >= fd.min_group_size;
      const grades = applies ? distributeGrades(inputs, shares) : new Map<string, number>();
      for (const s of members) {
        const computed = applies ? (scale.order[grades.get(String(s.index))!] ?? null) : null;
        const kept = keepPublished && applies && !appellants.has(s.index) ? (published.staff.get(personKey(s.result.member))?.grade_distributed ?? null) : null;
        distributed.set(s.index, {
          grade: kept ?? computed,
          info: { group_by: groupBy, group, group_size: members.length, applied: applies, kept_published: kept !== null },
        });
      }
    }
    // The published rank goes by the final grade first, so that it never contradicts the grade beside it.
    const final = (s: Scored) => {
      const grade = finalGrade(s, distributed.get(s.index)?.grade ?? null);
      return grade === null ? scale.order.length : gradeIndex(scale, grade);
    };
    for (const r of rankPeople(inputs.map((p, i) => ({ ...p, gradeIndex: final(members[i]!) })))) rankOf.set(Number(r.key), r.rank);
  }
  /** worse of (distributed ?? by bands) and the veto cap; null when not graded. */
  function finalGrade(s: Scored, gradeDistributed: string | null): string | null {
    return s.bandsGrade === null ? null : worseGrade(scale, gradeDistributed ?? s.bandsGrade, s.cap ?? undefined);
  }

  const history = historyLookup(input.history ?? [], evaluation.period.id, scale);
  const deadline = evaluation.calendar.addWorkingDays(input.resultDate, policy.appeal.file_within_days);
  const deadlineCalendar = appealCalendar(evaluation.calendar, input.resultDate, deadline);
  const staff: ReportPerson[] = scored.map((s) => {
    const member = s.result.member;
    const notes = s.notes;
    const dist = distributed.get(s.index);
    const gradeDistributed = dist?.grade ?? null;
    if (dist && !dist.info.applied) notes.push(note('note-distribution-small-group', { group: dist.info.group, size: dist.info.group_size, min: fd!.min_group_size }));
    if (dist?.info.kept_published) notes.push(note('note-distribution-kept', { grade: gradeDistributed }));
    const grade = finalGrade(s, gradeDistributed);
    if (grade !== null && gradeDistributed !== null && gradeDistributed !== s.bandsGrade) {
      notes.push(note('note-distribution-changed', { bands: s.bandsGrade, distributed: gradeDistributed }));
    }
    if (grade !== null && grade !== (gradeDistributed ?? s.bandsGrade)) {
      const vetoes = s.vetoes.filter((v) => v.triggered && v.max_grade !== null).map((v) => v.name);
      notes.push(note('note-grade-capped', { grade, vetoes }));
    }
    const rank = rankOf.get(s.index) ?? null;
    const grades: PastGrades = { final: grade, bands: s.bandsGrade === null ? null : worseGrade(scale, s.bandsGrade, s.cap ?? undefined) };
    const weakest = s.kpis
      .filter((k) => k.score !== null && k.score < 100)
      .sort((a, b) => a.score! - b.score! || b.weight - a.weight)
      .slice(0, 2)
      .map((k) => k.name);
    const rules = ruleOutcomes(
      policy,
      { primary: policy.cycles.primary, periodId: evaluation.period.id, periodCycle: plan.cycle, staffId: personKey(member), grades, rank, history, effectiveDate: policy.meta.effective_date },
      weakest,
    );
    for (const u of rules.notYet) {
      notes.push(note('note-rule-not-yet', { rule: u.name, consecutive: u.consecutive, cycle: u.cycle, effective: policy.meta.effective_date, from: u.from }));
    }
    for (const u of rules.unchecked) notes.push(note('note-history-missing', { rule: u.name, periods: u.missing }));
    const withheld = s.vetoes.filter((v) => v.triggered && v.no_bonus).map((v) => v.id);
    const bonus = computeBonus({
      policy,
      periodCycle: plan.cycle,
      grade,
      base: member.bonusBase ?? s.setup.bonusBase,
      baseSource: member.bonusBase !== undefined ? 'roster' : 'role',
      vetoesWithholding: withheld,
      actions: rules.actions,
    });
    if (bonus.amount === null && bonus.reason === 'not_paid_this_cycle') notes.push(note('note-bonus-other-cycle', { paid: { $t: `score-cycle-${bonus.paid}` } }));
    if (bonus.amount !== null && withheld.length > 0) notes.push(note('note-bonus-withheld', { vetoes: s.vetoes.filter((v) => v.triggered && v.no_bonus).map((v) => v.name) }));
    const groupSize = s.rounded === null ? 0 : (groups.get(groupOf(s))?.length ?? 0);
    return {
      id: member.id,
      name: member.name,
      role: member.roles[0] ?? '',
      ...(member.roles.length > 1 ? { roles: member.roles } : {}),
      team: member.team,
      status: s.rounded === null ? 'not_assessed' : 'assessed',
      kpis: s.kpis,
      quantitative: s.quantitative,
      qualitative: s.qualitative,
      points: s.points,
      vetoes: s.vetoes,
      adjustments: applied.byPerson.get(s.index) ?? [],
      subtotal: s.subtotal,
      total: s.total,
      total_rounded: s.rounded,
      band: s.band,
      grade_by_bands: s.bandsGrade,
      grade_cap: s.cap,
      grade_distributed: gradeDistributed,
      grade,
      rank,
      rank_group: rank === null ? null : { by: groupBy, id: groupOf(s), size: groupSize },
      distribution: dist?.info ?? null,
      outcomes: { bonus, actions: rules.actions },
      appeal_deadline: deadline,
      notes,
    };
  });

  const part1 = buildReport({
    period: evaluation.period,
    inputs: evaluation.inputs,
    staff: [],
    warnings: evaluation.warnings.items,
    droppedWarnings: evaluation.warnings.dropped,
    language,
  });
  const inForce = policyCoverage(evaluation.period.firstDay, evaluation.period.lastDay, policy.meta.effective_date);
  const reportNotes = reportLevelNotes({ policy, evaluation, plan, applied, keepPublished, published, historyOtherPolicies: input.historyOtherPolicies ?? [], deadlineCalendar, deadline, resultDate: input.resultDate, note, staff });
  const gradeCounts: Record<string, number> = {};
  for (const g of scale.order) gradeCounts[g] = staff.filter((p) => p.grade === g).length;
  const amounts = staff.map((p) => p.outcomes.bonus.amount).filter((a): a is number => a !== null);
  return {
    format_version: REPORT_FORMAT_VERSION,
    tool: { name: 'aspm', version: input.toolVersion },
    policy: {
      path: input.policyFile.path,
      sha256: input.policyFile.sha256,
      company: policy.meta.company,
      title: policy.meta.title,
      revision: policy.meta.revision,
      language: policy.meta.language,
      effective_date: policy.meta.effective_date,
    },
    trial: inForce === 'none',
    period: { ...describePeriod(evaluation.period), cycle: plan.cycle ?? null, months: evaluation.slices.map((s) => s.period.id) },
    result_date: input.resultDate,
    appeal: {
      deadline,
      calendar: deadlineCalendar,
      holiday_data: evaluation.calendar.coverage ? { first: evaluation.calendar.coverage.first, last: evaluation.calendar.coverage.last } : null,
      file_within_days: policy.appeal.file_within_days,
      answer_within_days: policy.appeal.answer_within_days,
      channel: policy.appeal.channel,
      reviewers: policy.appeal.reviewers,
      escalation: policy.appeal.escalation ?? null,
    },
    scoring: {
      missing_kpi: policy.evaluation.missing_kpi,
      neutral_score: policy.evaluation.neutral_score,
      min_scored_weight: policy.evaluation.min_scored_weight,
      longer_cycles: plan.cycle !== undefined && cycleMonths(plan.cycle) > cycleMonths(policy.cycles.primary) ? policy.cycles.longer_cycles : null,
      total_decimals: 2,
      tie_break: [...TIE_BREAK],
    },
    grades: {
      bands: scale.bands.map((b) => ({ grade: b.grade, label: b.label, min: b.min, max: b.max })),
      forced_distribution: fd ? { group_by: fd.group_by, min_group_size: fd.min_group_size, shares: fd.shares.map((s) => ({ grade: s.grade, percent: s.percent })) } : null,
    },
    inputs: part1.inputs,
    adjustments: applied.records,
    history: (input.history ?? []).map((h) => ({ period: h.periodId, path: h.path, sha256: h.sha256 })),
    staff,
    summary: {
      people: staff.length,
      assessed: staff.filter((p) => p.status === 'assessed').length,
      grades: gradeCounts,
      bonus_total: amounts.length > 0 ? roundScore(amounts.reduce((a, b) => a + b, 0)) : null,
      warnings: evaluation.warnings.total,
    },
    notes: reportNotes,
    warnings: part1.warnings,
  };
}

// ── one person ───────────────────────────────────────────────────────────────────────

interface PersonContext {
  readonly policy: Policy;
  readonly evaluation: Evaluation;
  readonly applied: AppliedAdjustments;
  readonly result: StaffResult;
  readonly index: number;
  readonly scale: GradeScale;
  readonly averaging: boolean;
  readonly note: (code: MessageCode, params?: Record<string, unknown>) => ReportNote;
  readonly kpiName: (id: string) => string;
  readonly ratings: readonly RatingRow[];
}

/** KPI results with an approved override applied, and which lines were overridden. */
function overridden(ctx: PersonContext, kpis: readonly KpiResult[], slot: number): { kpis: KpiResult[]; adjusted: Map<string, ReportKpi['adjusted']> } {
  const adjusted = new Map<string, ReportKpi['adjusted']>();
  const out = kpis.map((k) => {
    const o = ctx.applied.kpiOverrides.get(overrideKey(ctx.index, k.id, slot));
    if (!o) return k;
    adjusted.set(`${k.id}:${k.scope}`, { appeal: o.appeal, month: o.month, original: { value: k.value, samples: k.samples, status: k.status } });
    return { ...k, value: o.value, status: 'ok' as const };
  });
  return { kpis: out, adjusted };
}

function kpiLines(setup: PersonSetup, kpis: readonly KpiResult[], months: number): KpiLine[] {
  return setup.kpis.map((sk) => {
    const r = kpis.find((k) => k.id === sk.kpi.id && k.scope === sk.scope) ?? { value: null, samples: 0, status: 'no_data' as const };
    const targets = appliedTargets(sk.kpi, sk, { months });
    return {
      id: sk.kpi.id,
      scope: sk.scope,
      weight: sk.weight,
      rule: { direction: sk.kpi.direction, target: targets.target, floor: targets.floor, scoring: scaledScoring(sk.kpi.scoring, targets.scale) },
      targetScale: targets.scale,
      value: r.value,
      samples: r.samples,
      status: r.status,
    };
  });
}

/** Tickets left out by appeals from one KPI line of a person (team scope: of the team). */
function excludedFrom(ctx: PersonContext, kpi: string, scope: 'individual' | 'team', slice: number | undefined): ExcludedRecord[] {
  const member = ctx.result.member;
  const measures = ctx.evaluation.plan.ticketMeasures;
  const out: ExcludedRecord[] = [];
  for (const e of ctx.evaluation.excluded) {
    // A ticket of several people names, per KPI, whom it credited and their team.
    const mine = (h: { readonly person?: number; readonly team?: string }) => {
      const team = h.team ?? e.team;
      return scope === 'team' ? team !== '' && staffKey(team) === staffKey(member.team) : (h.person ?? e.person) === member.index;
    };
    if (e.hits.some((h) => measures[h.measure]!.id === kpi && (slice === undefined || h.slice === slice) && mine(h))) out.push({ ticket: e.ticket, appeal: e.appeal });
  }
  return out;
}

function scorePerson(ctx: PersonContext): Scored {
  const { policy, evaluation, result, note, kpiName } = ctx;
  const member = result.member;
  const setup = personSetup(policy, member.roles);
  const notes: ReportNote[] = [];
  const kpiDef = (id: string) => policy.kpis.find((k) => k.id === id)!;

  // ── quantitative ──
  const whole = overridden(ctx, result.kpis, 0);
  const wholeLines = kpiLines(setup, whole.kpis, periodMonths(evaluation.period));
  let kpis: ReportKpi[];
  let quantitative: ReportPerson['quantitative'];
  const describe = (line: { id: string; scope: 'individual' | 'team' }, k: Kpi) => ({ name: k.name, unit: k.unit, direction: k.direction, scope: line.scope });
  if (!ctx.averaging) {
    const q = scoreQuantitative(wholeLines, policy.evaluation);
    kpis = q.kpis.map((k) => {
      const adjusted = whole.adjusted.get(`${k.id}:${k.scope}`);
      const { id, ...line } = k;
      return { id, ...describe(k, kpiDef(id)), ...line, excluded: excludedFrom(ctx, id, k.scope, undefined), ...(adjusted ? { adjusted } : {}) };
    });
    quantitative = { score: q.score, share_nominal: setup.share, share: setup.share, method: 'period' };
    kpiNotes(q, notes, note, kpiName, undefined);
  } else {
    const months = evaluation.slices.map((slice, s) => {
      const own = overridden(ctx, slice.staff[ctx.index]!.kpis, s + 1);
      const q = scoreQuantitative(kpiLines(setup, own.kpis, periodMonths(slice.period)), policy.evaluation);
      kpiNotes(q, notes, note, kpiName, slice.period.id);
      return { period: slice.period.id, q, adjusted: own.adjusted };
    });
    const assessed = months.filter((m) => m.q.score !== null);
    // A month short of weight has said why (note-too-little-weight-month).
    for (const m of months) if (m.q.score === null && !m.q.tooLittleWeight) notes.push(note('note-month-not-assessed', { month: m.period }));
    let sum = 0;
    for (const m of assessed) sum += m.q.score!;
    const score = assessed.length > 0 ? sum / assessed.length : null;
    kpis = wholeLines.map((line, i) => {
      const def = kpiDef(line.id);
      const monthly: MonthKpi[] = months.map((m, s) => {
        const k = m.q.kpis[i]!;
        return {
          period: m.period,
          value: k.value,
          samples: k.samples,
          status: k.status,
          target: k.target,
          floor: k.floor,
          scoring: k.scoring,
          score: k.score,
          weight: k.weight,
          contribution: k.contribution,
          scored_as: k.scored_as,
          excluded: excludedFrom(ctx, line.id, line.scope, s),
        };
      });
      const scoredMonths = monthly.filter((m) => m.score !== null);
      const assessedMonths = monthly.filter((_, s) => months[s]!.q.score !== null);
      const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
      const adjusted = months.map((m) => m.adjusted.get(`${line.id}:${line.scope}`)).find((a) => a !== undefined);
      return {
        id: line.id,
        ...describe(line, def),
        value: line.value,
        samples: line.samples,
        status: line.status,
        target: line.rule.target,
        floor: line.rule.floor,
        target_scale: line.targetScale,
        scoring: statedScoring(line.rule.scoring),
        score: scoredMonths.length > 0 ? mean(scoredMonths.map((m) => m.score!)) : null,
        weight_nominal: line.weight,
        weight: mean(assessedMonths.map((m) => m.weight)),
        contribution: mean(assessedMonths.map((m) => m.contribution)),
        scored_as: 'monthly_average',
        excluded: excludedFrom(ctx, line.id, line.scope, undefined),
        ...(adjusted ? { adjusted } : {}),
        months: monthly,
      };
    });
    quantitative = { score, share_nominal: setup.share, share: setup.share, method: 'monthly_average', months: months.map((m) => ({ period: m.period, score: m.q.score })) };
  }

  // ── qualitative ──
  const ql = scoreQualitative(member.id || member.name, ctx.ratings, {
    items: setup.items,
    raters: setup.raters,
    scale: policy.qualitative.scale,
    minPeerRatings: policy.qualitative.min_peer_ratings,
    allItems: policy.qualitative.items,
  });
  const itemName = (id: string) => policy.qualitative.items.find((i) => i.id === id)?.name ?? id;
  const raterLabel = (type: string) => ({ $t: `score-rater-${type}` as MessageCode });
  if (ql.score === null) {
    // "The total comes from the KPIs alone" — only when there is a total (note-not-assessed says why there is none).
    if (setup.share < 100 && quantitative.score !== null) notes.push(note('note-no-ratings'));
  } else {
    const min = policy.qualitative.min_peer_ratings;
    for (const r of ql.raters) {
      if (r.reason === 'no_ratings') notes.push(note('note-rater-missing', { type: raterLabel(r.type) }));
      // Fewer raters in all than the minimum, or enough in all but too few on every single item.
      if (r.reason === 'below_minimum') notes.push(r.raters < min ? note('note-rater-below-minimum', { type: raterLabel(r.type), raters: r.raters, min }) : note('note-rater-items-below-minimum', { type: raterLabel(r.type), min }));
      if (r.used && r.withheld.length > 0) notes.push(note('note-items-below-minimum', { type: raterLabel(r.type), items: r.withheld.map(itemName), min }));
    }
  }
  for (const ig of ql.ignored) notes.push(note(`note-ignored-${ig.reason.replace(/_/g, '-')}` as MessageCode, { type: raterLabel(ig.rater_type), count: ig.count }));
  const qlShare = quantitative.score === null ? 0 : ql.score === null ? 0 : 100 - setup.share;
  if (ql.score === null) quantitative = { ...quantitative, share: quantitative.score === null ? setup.share : 100 };
  const qualitative: ReportQualitative = {
    score: ql.score,
    share_nominal: 100 - setup.share,
    share: qlShare,
    scale: { min: policy.qualitative.scale.min, max: policy.qualitative.scale.max },
    items: ql.items.map((i) => ({ id: i.id, name: itemName(i.id), weight: i.weight })),
    raters: ql.raters,
    ignored: ql.ignored,
  };

  // ── points and vetoes ──
  const events = new Map(result.events.map((e) => [e.id, e.value]));
  const points = scorePoints(policy.point_items, (id) => events.get(`points:${id}`) ?? null);
  const vetoLines = checkVetoes(policy.vetoes, (id) => events.get(`veto:${id}`) ?? null);
  const vetoes = vetoLines.map((v) => ({ ...v, name: policy.vetoes.find((x) => x.id === v.id)!.name }));
  let cap: string | null = null;
  for (const v of vetoes) {
    if (!v.triggered) continue;
    notes.push(note('note-veto', { veto: v.name, count: v.count }));
    if (v.max_grade !== null) cap = cap === null ? v.max_grade : worseGrade(ctx.scale, cap, v.max_grade);
  }

  // ── total and grade ──
  let subtotal: number | null = null;
  let total: number | null = null;
  let rounded: number | null = null;
  let band: ReportPerson['band'] = null;
  if (quantitative.score !== null) {
    subtotal = (quantitative.score * quantitative.share) / 100 + ((ql.score ?? 0) * qlShare) / 100;
    total = Math.max(0, subtotal + points.total);
    rounded = roundScore(total);
    const b = bandOf(ctx.scale, rounded);
    band = { grade: b.grade, min: b.min, max: b.max };
  } else {
    notes.push(note('note-not-assessed'));
  }
  return {
    index: ctx.index,
    result,
    setup,
    kpis,
    quantitative,
    qualitative,
    points: { total: points.total, items: points.items.map((p) => ({ ...p, name: policy.point_items.find((x) => x.id === p.id)!.name })) },
    vetoes,
    subtotal,
    total,
    rounded,
    bandsGrade: band?.grade ?? null,
    band,
    cap: rounded === null ? null : cap,
    notes,
  };
}

function kpiNotes(q: QuantitativeResult, notes: ReportNote[], note: PersonContext['note'], kpiName: (id: string) => string, month: string | undefined): void {
  // With nothing scored no weight went anywhere: a month says so in one note
  // (note-month-not-assessed), a period names each KPI's want of data without that claim.
  const where = month === undefined ? {} : { month };
  if (q.tooLittleWeight) notes.push(note(month ? 'note-too-little-weight-month' : 'note-too-little-weight', { scored: q.tooLittleWeight.scored, min: q.tooLittleWeight.min, ...where }));
  if (q.score === null && month !== undefined) return;
  for (const k of q.kpis) {
    const status = { $t: `kpi-status-${k.status.replace('_', '-')}` as MessageCode };
    if (k.scored_as === 'left_out' && q.score === null) notes.push(note('note-kpi-unscored', { kpi: kpiName(k.id), status, samples: k.samples }));
    else if (k.scored_as === 'left_out') notes.push(note(month ? 'note-kpi-left-out-month' : 'note-kpi-left-out', { kpi: kpiName(k.id), status, samples: k.samples, ...where }));
    if (k.scored_as === 'neutral') notes.push(note(month ? 'note-kpi-neutral-month' : 'note-kpi-neutral', { kpi: kpiName(k.id), status, score: k.score, ...where }));
    if (k.target_scale !== 1 && month === undefined) notes.push(note('note-target-scaled', { kpi: kpiName(k.id), scale: k.target_scale, target: k.target, floor: k.floor }));
  }
}

// ── history and report notes ─────────────────────────────────────────────────────────

function historyLookup(reports: readonly HistoryReport[], current: string, scale: GradeScale): HistoryLookup {
  const byPeriod = new Map(reports.filter((r) => r.periodId !== current).map((r) => [r.periodId, r]));
  return (periodId, key) => {
    const report = byPeriod.get(periodId);
    if (!report) return undefined;
    const person = report.staff.get(key);
    if (!person) return null;
    const bands = person.grade_by_bands === null ? null : worseGrade(scale, person.grade_by_bands, person.grade_cap ?? undefined);
    return { final: person.grade, bands };
  };
}

interface ReportNotesInput {
  readonly policy: Policy;
  readonly evaluation: Evaluation;
  readonly plan: ScoringPlan;
  readonly applied: AppliedAdjustments;
  readonly keepPublished: boolean;
  readonly published: HistoryReport | undefined;
  readonly historyOtherPolicies: readonly string[];
  readonly deadlineCalendar: ScoredReport['appeal']['calendar'];
  readonly deadline: string;
  readonly resultDate: string;
  readonly note: (code: MessageCode, params?: Record<string, unknown>) => ReportNote;
  readonly staff: readonly ReportPerson[];
}

function reportLevelNotes(input: ReportNotesInput): ReportNote[] {
  const { policy, evaluation, plan, applied, note } = input;
  const notes: ReportNote[] = [];
  const effective = policy.meta.effective_date;
  // A trial run says so in its own field and on every output; a period partly before the policy, here.
  if (policyCoverage(evaluation.period.firstDay, evaluation.period.lastDay, effective) === 'partial') notes.push(note('report-partly-in-force', { effective, first: evaluation.period.firstDay }));
  if (evaluation.slices.length > 0) {
    notes.push(note('report-monthly-average', { months: evaluation.slices.map((s) => s.period.id) }));
    if (evaluation.plan.kpiMetricsColumns.length > 0) notes.push(note('report-metrics-each-month', { kpis: evaluation.plan.measures.filter((m) => m.source === 'metrics').map((m) => policy.kpis.find((k) => k.id === m.id)?.name ?? m.id) }));
  }
  if (plan.cycle === undefined) notes.push(note('report-period-not-a-cycle'));
  else if (cycleMonths(plan.cycle) > cycleMonths(policy.cycles.primary) && evaluation.slices.length === 0) notes.push(note('report-recomputed'));
  else if (cycleMonths(plan.cycle) < cycleMonths(policy.cycles.primary)) notes.push(note('report-shorter-than-cycle', { primary: { $t: `score-cycle-${policy.cycles.primary}` } }));
  if (!evaluation.inputs.some((i) => i.kind === 'ratings') && policy.roles.some((r) => r.quantitative_share < 100)) notes.push(note('report-no-ratings-file'));
  const metricsEvents = [...policy.vetoes, ...policy.point_items].filter((e) => e.count.from === 'metrics').map((e) => e.name);
  if (metricsEvents.length > 0 && !evaluation.inputs.some((i) => i.kind === 'metrics')) notes.push(note('report-no-metrics-file', { items: metricsEvents }));
  const fd = policy.grades.forced_distribution?.enabled ? policy.grades.forced_distribution : undefined;
  if (fd && applied.records.length > 0) {
    notes.push(input.keepPublished ? note('report-distribution-kept', { path: input.published!.path }) : note('report-distribution-rerun'));
  }
  const coverage = evaluation.calendar.coverage;
  const holidaysFile = evaluation.calendar.holidaysFile;
  if (holidaysFile !== undefined && input.deadlineCalendar === 'mon_fri_uncovered') {
    const years = [...(evaluation.calendar.knownYears ?? [])].sort((a, b) => a - b);
    notes.push(note('report-deadline-holidays-file', { file: holidaysFile, years, from: input.resultDate, deadline: input.deadline }));
  } else if (coverage && input.deadlineCalendar === 'mon_fri_uncovered') notes.push(note('report-deadline-calendar', { first: coverage.first, last: coverage.last }));
  if (input.historyOtherPolicies.length > 0) notes.push(note('report-history-other-policy', { files: input.historyOtherPolicies, company: policy.meta.company, title: policy.meta.title }));
  return notes;
}

/**
 * Which days the appeal deadline was counted on: every year from the result date to the
 * deadline must be in the holiday data (chinese-days', the policy's holidays file's), or the
 * days of the years outside it were counted Monday to Friday — and the notice must not then
 * promise that public holidays do not count.
 */
function appealCalendar(calendar: WorkingCalendar, resultDate: string, deadline: string): ScoredReport['appeal']['calendar'] {
  const known = calendar.knownYears;
  if (!known) return 'mon_fri';
  for (let y = Number(resultDate.slice(0, 4)); y <= Number(deadline.slice(0, 4)); y++) if (!known.has(y)) return 'mon_fri_uncovered';
  return calendar.holidaysFile !== undefined ? 'holidays_file' : 'cn';
}
