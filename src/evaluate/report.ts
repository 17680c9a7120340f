// The JSON report of an evaluation, part 1: the period, what was read (with hashes, so a
// result can be tied to its inputs), each person's KPI values with samples and status, and
// every warning with its message in the user's language. The scoring step completes it.
// Pure; numbers are not rounded.
import type { Diagnostic } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { KpiResult, StaffResult } from './kpi-results.js';
import { describePeriod, type Period } from './period.js';
import type { TableFormat } from '../tables/detect-format.js';

export type InputKind = 'tickets' | 'roster' | 'ratings' | 'metrics';

/** What report.json's `inputs` lists: the tables read, and the policy's holidays file. */
export type InputSummaryKind = InputKind | 'holidays';

export interface InputSummary {
  readonly kind: InputSummaryKind;
  readonly path: string;
  readonly sha256: string;
  /** Data rows (non-blank rows after the header). */
  readonly rows: number;
  /** Rows that counted toward at least one result. */
  readonly used: number;
  /** Rows left out, each with a warning. */
  readonly skipped: number;
  /** Tickets: rows that no KPI places in the period. */
  readonly outside_period?: number;
  /** Tickets: rows in the period that no KPI counts (e.g. still open); not a fault in the data. */
  readonly not_counted?: number;
  /** Tickets: earlier rows of a ticket whose last row counts (`repeated_ids: last`, event logs). */
  readonly superseded?: number;
  /** Tickets: rows left out by approved appeals (--adjustments). */
  readonly excluded?: number;
  /** `yaml`: a holidays file. */
  readonly format: TableFormat | 'yaml';
  readonly encoding?: string;
  readonly sheet?: string;
  /** Which header(s) each field was read from (a time may be a date and a time column). */
  readonly columns: Readonly<Record<string, readonly string[]>>;
}

export interface ReportWarning {
  readonly code: string;
  readonly file: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly message: string;
}

export interface ReportStaff {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly roles?: readonly string[];
  readonly team: string;
  readonly kpis: readonly KpiResult[];
}

export interface EvaluationReport {
  readonly period: { readonly id: string; readonly start: string; readonly end: string };
  readonly inputs: readonly InputSummary[];
  readonly staff: readonly ReportStaff[];
  readonly warnings: readonly ReportWarning[];
}

export function reportWarning(d: Diagnostic, language: Language): ReportWarning {
  const value = d.params.value;
  return {
    code: d.code,
    file: d.location?.file ?? '',
    row: d.location?.row ?? null,
    column: d.location?.column ?? null,
    value: value === undefined || value === null ? null : String(value),
    message: t(language, d.code, d.params),
  };
}

export interface ReportInput {
  readonly period: Period;
  readonly inputs: readonly InputSummary[];
  readonly staff: readonly StaffResult[];
  readonly warnings: readonly Diagnostic[];
  /** Warnings counted but not kept (past the limit), by code. */
  readonly droppedWarnings: number;
  readonly language: Language;
}

export function buildReport(input: ReportInput): EvaluationReport {
  const warnings = input.warnings.map((d) => reportWarning(d, input.language));
  if (input.droppedWarnings > 0) {
    warnings.push({ code: 'warnings-truncated', file: '', row: null, column: null, value: null, message: t(input.language, 'warnings-truncated', { count: input.droppedWarnings, kept: input.warnings.length }) });
  }
  return {
    period: describePeriod(input.period),
    inputs: input.inputs,
    staff: input.staff.map(({ member, kpis }) => ({
      id: member.id,
      name: member.name,
      role: member.roles[0] ?? '',
      ...(member.roles.length > 1 ? { roles: member.roles } : {}),
      team: member.team,
      kpis,
    })),
    warnings,
  };
}
