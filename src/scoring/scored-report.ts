// The shape of a scored report (`report.json`): part 1's period, inputs, staff and
// warnings, completed with each person's scores, grades, rank, outcomes, appeal deadline
// and notes, and with what the result rests on (policy file and hash, tool version, the
// adjustments applied and the history read). Every number a total depends on is in the
// person's own entry, so the total and the grade can be recomputed from it alone.
// These types are written by hand for their names and comments; the contract is
// schemas/src/report.schema.yaml, and scored-report-schema.ts stops the two drifting apart.
import type { Cycle, Kpi, Meta, RaterType, Scoring } from '../policy/policy.generated.js';
import type { InputSummary, ReportWarning } from '../evaluate/report.js';
import type { KpiStatus } from '../evaluate/kpi-results.js';
import type { Action, Bonus } from './outcomes.js';
import type { IgnoredReason, RaterResult } from './score-qualitative.js';
import type { PointLine, VetoLine } from './score-events.js';
import type { ScoredAs, ScoredKpi } from './score-quantitative.js';
import type { REPORT_FORMAT_VERSION } from './report-file.js';

export interface ReportNote {
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
}

export interface ExcludedRecord {
  readonly ticket: string;
  readonly appeal: string;
}

export interface MonthKpi {
  readonly period: string;
  readonly value: number | null;
  readonly samples: number;
  readonly status: KpiStatus;
  readonly target: number;
  readonly floor: number;
  /** The rule of that month (band bounds scaled to a month like the target and floor). */
  readonly scoring: Scoring;
  readonly score: number | null;
  readonly weight: number;
  readonly contribution: number;
  readonly scored_as: ScoredAs;
  readonly excluded: readonly ExcludedRecord[];
}

/** A KPI line of a person: the scored line (see score-quantitative.ts) with what explains it. */
export interface ReportKpi extends Omit<ScoredKpi, 'scored_as'> {
  readonly name: string;
  readonly unit: Kpi['unit'];
  readonly direction: Kpi['direction'];
  /** `monthly_average`: score and contribution are the means of `months`. */
  readonly scored_as: ScoredAs | 'monthly_average';
  readonly excluded: readonly ExcludedRecord[];
  /** Set when an approved appeal replaced the value. */
  readonly adjusted?: { readonly appeal: string; readonly month: string | null; readonly original: { readonly value: number | null; readonly samples: number; readonly status: KpiStatus } };
  readonly months?: readonly MonthKpi[];
}

/**
 * Whether a person's KPI line counts in figures over several people (a team's median, the
 * spread across people, a chart of teams): only a value that was scored. A value below its
 * minimum of samples is reported but not scored, and is no more a team's result than the
 * person's: every output that draws such figures asks this one question.
 */
export function scoredValue(line: ReportKpi): line is ReportKpi & { readonly value: number } {
  return line.status === 'ok' && line.value !== null;
}

export interface ReportQuantitative {
  readonly score: number | null;
  readonly share_nominal: number;
  /** The share used in the total (100 when there is no qualitative score). */
  readonly share: number;
  readonly method: 'period' | 'monthly_average';
  /** monthly_average: each month's quantitative score (null: not assessed that month). */
  readonly months?: readonly { readonly period: string; readonly score: number | null }[];
}

export type ReportRater = RaterResult;

export interface ReportQualitative {
  readonly score: number | null;
  readonly share_nominal: number;
  readonly share: number;
  readonly scale: { readonly min: number; readonly max: number };
  readonly items: readonly { readonly id: string; readonly name: string; readonly weight: number }[];
  readonly raters: readonly ReportRater[];
  readonly ignored: readonly { readonly reason: IgnoredReason; readonly rater_type: RaterType; readonly count: number }[];
}

export interface ReportPoints {
  readonly total: number;
  readonly items: readonly (PointLine & { readonly name: string })[];
}

export type ReportVeto = VetoLine & { readonly name: string };

export interface ReportAdjustment {
  readonly appeal: string;
  readonly kind: 'exclude_ticket' | 'override_kpi' | 'override_rating';
  readonly staff_id: string;
  readonly staff_name: string;
  readonly ticket_id?: string;
  readonly kpi?: string;
  readonly month?: string;
  readonly value?: number;
  readonly original_value?: number | null;
  readonly rater_type?: RaterType;
  readonly item?: string;
  readonly score?: number;
  readonly original_score?: number;
  /** exclude_ticket: the KPIs (id and scope) the ticket was taken out of. */
  readonly kpis?: readonly string[];
  readonly reason: string;
  readonly approved_by: string;
  readonly approved_on: string;
}

export interface ReportDistribution {
  readonly group_by: 'role' | 'team';
  readonly group: string;
  readonly group_size: number;
  readonly applied: boolean;
  /** Set when the grade was kept from the published report (appeal re-run). */
  readonly kept_published: boolean;
}

export interface ReportGoal {
  readonly description: string;
  /** null: the goal is tied to no KPI. */
  readonly kpi: string | null;
  /** In the KPI's unit, as the policy has it, not scaled to the period (null: none given). */
  readonly target: number | null;
}

/** A KPI of the whole department: every ticket that counted for anyone, once (kpi-results.ts). */
export interface DepartmentReportKpi {
  readonly id: string;
  readonly name: string;
  readonly unit: Kpi['unit'];
  readonly direction: Kpi['direction'];
  readonly value: number | null;
  readonly samples: number;
  readonly status: KpiStatus;
  /** The KPI's target and floor as the policy has them, not scaled to the period. */
  readonly target: number;
  readonly floor: number;
}

export interface ReportPerson {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly roles?: readonly string[];
  readonly team: string;
  /** `not_assessed`: no KPI could be scored; no total, grade or bonus. */
  readonly status: 'assessed' | 'not_assessed';
  readonly kpis: readonly ReportKpi[];
  readonly quantitative: ReportQuantitative;
  readonly qualitative: ReportQualitative;
  readonly points: ReportPoints;
  readonly vetoes: readonly ReportVeto[];
  readonly adjustments: readonly ReportAdjustment[];
  /** quantitative × share ÷ 100 + qualitative × share ÷ 100. */
  readonly subtotal: number | null;
  /** max(0, subtotal + points). Not rounded. */
  readonly total: number | null;
  /** The total rounded half-up to 2 decimals: what is shown, graded and ranked. */
  readonly total_rounded: number | null;
  readonly band: { readonly grade: string; readonly min: number; readonly max: number } | null;
  readonly grade_by_bands: string | null;
  /** The worst grade a triggered veto allows. */
  readonly grade_cap: string | null;
  readonly grade_distributed: string | null;
  /** worse of (grade_distributed ?? grade_by_bands) and grade_cap. */
  readonly grade: string | null;
  readonly rank: number | null;
  readonly rank_group: { readonly by: 'role' | 'team'; readonly id: string; readonly size: number } | null;
  readonly distribution: ReportDistribution | null;
  readonly outcomes: { readonly bonus: Bonus; readonly actions: readonly Action[] };
  readonly appeal_deadline: string;
  readonly notes: readonly ReportNote[];
}

export interface ScoredReport {
  /** Written first, so that a reader knows the format before it reads anything else. */
  readonly format_version: typeof REPORT_FORMAT_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly policy: { readonly path: string; readonly sha256: string; readonly company: string; readonly title: string; readonly revision: string; readonly language: Meta['language']; readonly effective_date: string };
  /**
   * The period ended on or before the policy's effective date: a trial run, not a basis
   * for assessment (see policy-coverage.ts); every notice and sheet says so.
   */
  readonly trial: boolean;
  readonly period: { readonly id: string; readonly start: string; readonly end: string; readonly cycle: Cycle | null; readonly months: readonly string[] };
  readonly result_date: string;
  readonly appeal: {
    readonly deadline: string;
    /**
     * Which days the deadline counts as working days: `cn` — the Chinese calendar with
     * public holidays and make-up working days; `mon_fri_uncovered` — the policy asks for
     * that calendar, but the holiday data does not cover every year from the result date
     * to the deadline, so those years count Monday to Friday (check by hand); `mon_fri` —
     * the policy counts Monday to Friday (`evaluation.holidays: none`); `holidays_file` — the
     * policy's holidays file, alone or over the Chinese calendar, knows every year up to the deadline.
     */
    readonly calendar: 'cn' | 'holidays_file' | 'mon_fri_uncovered' | 'mon_fri';
    /** The years the holiday data covers (null with `mon_fri`). */
    readonly holiday_data: { readonly first: number; readonly last: number } | null;
    readonly file_within_days: number;
    readonly answer_within_days: number;
    readonly channel: string;
    readonly reviewers: readonly string[];
    readonly escalation: string | null;
  };
  readonly scoring: {
    readonly missing_kpi: 'redistribute' | 'neutral';
    readonly neutral_score: number;
    /** The least share of the KPI weight (%) scored from data for a person to be graded (0: none). */
    readonly min_scored_weight: number;
    readonly longer_cycles: 'recompute' | 'average' | null;
    readonly total_decimals: 2;
    readonly tie_break: readonly ('total_rounded' | 'quantitative' | 'qualitative')[];
  };
  readonly grades: {
    readonly bands: readonly { readonly grade: string; readonly label: string; readonly min: number; readonly max: number }[];
    readonly forced_distribution: { readonly group_by: 'role' | 'team'; readonly min_group_size: number; readonly shares: readonly { readonly grade: string; readonly percent: number }[] } | null;
  };
  /** The policy's roles and their names (absent in reports written before it was added). */
  readonly roles?: readonly { readonly id: string; readonly name: string }[];
  /** The policy's department goals (absent in earlier reports). */
  readonly goals?: readonly ReportGoal[];
  /** The whole department's KPI values (absent in earlier reports). */
  readonly department?: { readonly kpis: readonly DepartmentReportKpi[] };
  readonly inputs: readonly InputSummary[];
  readonly adjustments: readonly ReportAdjustment[];
  readonly history: readonly { readonly period: string; readonly path: string; readonly sha256: string }[];
  readonly staff: readonly ReportPerson[];
  readonly summary: {
    readonly people: number;
    readonly assessed: number;
    readonly grades: Readonly<Record<string, number>>;
    readonly bonus_total: number | null;
    /** Every data warning, including those past the 10,000 that `warnings` keeps. */
    readonly warnings: number;
  };
  readonly notes: readonly ReportNote[];
  readonly warnings: readonly ReportWarning[];
}

