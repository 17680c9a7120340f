// The edge of the evaluator: reads the roster, tickets, metrics and ratings files (streamed
// by readTable) into the pure readers and returns KPI values per person, with every
// warning and a summary of each input. Order matters: the roster says who exists before
// tickets are attributed; without a roster, people are found in the tickets first.
import { AspmError, type SourceLocation } from '../errors.js';
import { readTable, type ReadTableOptions, type TableInfo } from '../tables/read-table.js';
import type { HolidayList } from '../policy/holidays-file.js';
import type { Policy } from '../policy/policy.generated.js';
import type { ColumnMap } from './columns.js';
import { planEvaluation, usesWorkingDaySla, type EvaluationPlan } from './kpi-plan.js';
import { EventLogCollapser, eventLogColumnMap } from './event-log.js';
import { LastRowFinder } from './last-rows.js';
import { assembleDepartment, assembleStaffResults, type DepartmentKpi, type StaffResult } from './kpi-results.js';
import { parsePeriod, periodYears, type Period } from './period.js';
import { periodCoverage } from './period-coverage.js';
import type { InputKind, InputSummary } from './report.js';
import { RosterReader, StaffDirectory } from './staff.js';
import { MetricsReader, RatingsReader, type RatingRow } from './staff-tables.js';
import type { TicketDetails } from './ticket-details.js';
import { TicketEvaluator, type ExcludedTicket } from './ticket-evaluator.js';
import { formatInstant, zoneClock } from '../tables/time-zone.js';
import { WarningSink } from './warnings.js';
import { buildWorkingCalendar, type WorkingCalendar } from './working-calendar.js';

export interface EvaluateFilesOptions {
  readonly policy: Policy;
  readonly period: string;
  readonly tickets: string;
  readonly roster?: string;
  readonly ratings?: string;
  readonly metrics?: string;
  /** XLSX sheet of the tickets file. */
  readonly sheet?: string;
  /** Encoding of the tickets file, instead of detecting it. */
  readonly encoding?: string;
  readonly onProgress?: (kind: InputKind, path: string, done: number, total: number) => void;
  /** Read size (tests use small ones to cut chunks anywhere). */
  readonly chunkSize?: number;
  /** UTF-8 CSV inputs: find records in a second thread (true, false; unset: large files only). */
  readonly parallel?: boolean;
  /** Warnings kept in full (the rest are counted). */
  readonly warningLimit?: number;
  /** Periods inside `period` (e.g. its months) whose KPI values are wanted as well. */
  readonly slices?: readonly string[];
  /** Tickets left out by approved appeals: ticket id → appeal id. */
  readonly excludeTickets?: ReadonlyMap<string, string>;
  /** Keep what each ticket counted for, for each person's ticket list (memory grows with rows). */
  readonly ticketDetails?: boolean;
  /** The policy's holidays file, read (`readHolidaysFile`) when it names one. */
  readonly holidays?: HolidayList;
  /** Where a path of the policy is, for errors about it found only in a file's header (an event log's columns). */
  readonly locatePolicy?: (path: readonly (string | number)[]) => SourceLocation;
}

export interface EvaluationSlice {
  readonly period: Period;
  readonly staff: readonly StaffResult[];
}

export interface Evaluation {
  readonly period: Period;
  readonly plan: EvaluationPlan;
  readonly calendar: WorkingCalendar;
  readonly inputs: readonly InputSummary[];
  readonly staff: readonly StaffResult[];
  /** The department's KPI values: every ticket that counted for anyone, once. */
  readonly department: readonly DepartmentKpi[];
  readonly ratings: readonly RatingRow[];
  readonly warnings: WarningSink;
  /** KPI values per slice, in the order asked for. */
  readonly slices: readonly EvaluationSlice[];
  /** Tickets left out by appeals, where they would have counted (ids not found are absent). */
  readonly excluded: readonly ExcludedTicket[];
  /** Tickets in the file that have an id column (false: appeals cannot name tickets). */
  readonly ticketIds: boolean;
  /** With `ticketDetails`: what each ticket counted for, in file order (person: the member index). */
  readonly details: TicketDetails;
}

/** The working calendar a policy describes (durations in business hours, SLAs in working days, appeal deadlines). */
export function policyCalendar(policy: Policy, holidays?: HolidayList): WorkingCalendar {
  return buildWorkingCalendar({ clock: zoneClock(policy.meta.timezone), workingHours: policy.evaluation.working_hours, holidays: policy.evaluation.holidays, holidayList: holidays });
}

/** The days of the period in years the calendar does not know, as `first – last` per year. */
function unknownDays(period: Period, outside: readonly number[]): string[] {
  return outside.map((y) => {
    const from = period.firstDay > `${y}-01-01` ? period.firstDay : `${y}-01-01`;
    const to = period.lastDay < `${y}-12-31` ? period.lastDay : `${y}-12-31`;
    return from === to ? from : `${from} – ${to}`;
  });
}

function columnMap(policy: Policy, kind: InputKind): ColumnMap | undefined {
  return policy.data_sources[kind]?.columns as ColumnMap | undefined;
}

function summary(kind: InputKind, info: TableInfo, columns: InputSummary['columns'], used: number, skipped: number, outside?: number, notCounted?: number, superseded?: number): InputSummary {
  return {
    kind,
    path: info.path,
    sha256: info.sha256,
    rows: info.rows,
    used,
    skipped,
    ...(outside === undefined ? {} : { outside_period: outside }),
    ...(notCounted === undefined ? {} : { not_counted: notCounted }),
    ...(superseded ? { superseded } : {}),
    format: info.format,
    ...(info.encoding ? { encoding: info.encoding } : {}),
    ...(info.sheet ? { sheet: info.sheet } : {}),
    columns,
  };
}

/** The names of the KPIs (of the roles held, when known) that place tickets by `field`. */
function kpisPlacedBy(policy: Policy, plan: EvaluationPlan, field: 'created_at' | 'resolved_at', held: ReadonlySet<string> | undefined): string[] {
  return plan.ticketMeasures.filter((m) => !m.id.includes(':') && m.placedBy === field && (held === undefined || held.has(m.id))).map((m) => policy.kpis.find((k) => k.id === m.id)?.name ?? m.id);
}

/** The KPIs of the roles that someone on the roster holds. */
function kpisOfRoles(policy: Policy, staff: StaffDirectory): Set<string> {
  const held = new Set(staff.members.flatMap((m) => m.roles));
  return new Set(policy.roles.filter((r) => held.has(r.id)).flatMap((r) => r.kpis.map((k) => k.kpi)));
}

export async function evaluateFiles(options: EvaluateFilesOptions): Promise<Evaluation> {
  const { policy } = options;
  const period = parsePeriod(options.period, policy.meta.timezone);
  const slices = (options.slices ?? []).map((id) => parsePeriod(id, policy.meta.timezone));
  const plan = planEvaluation(policy);
  const clock = zoneClock(policy.meta.timezone);
  if (policy.evaluation.holidays_file !== undefined && options.holidays === undefined) throw new Error('evaluateFiles: the policy names a holidays file; pass it read (readHolidaysFile)');
  const calendar = policyCalendar(policy, options.holidays);
  const warnings = new WarningSink(options.warningLimit);
  const business = policy.evaluation.duration === 'business';
  // Days of the period the holiday data does not know count Monday to Friday: said, never silent.
  const known = calendar.knownYears;
  if ((business || usesWorkingDaySla(plan)) && known) {
    const outside = periodYears(period).filter((y) => !known.has(y));
    if (outside.length > 0 && calendar.holidaysFile !== undefined) {
      warnings.add('holidays-file-not-covered', { file: calendar.holidaysFile, days: unknownDays(period, outside), years: [...known].sort((a, b) => a - b) });
    } else if (outside.length > 0) warnings.add('holidays-not-covered', { years: outside, first: calendar.coverage!.first, last: calendar.coverage!.last });
  }
  if (plan.kpiMetricsColumns.length > 0 && !options.metrics) {
    throw new AspmError('metrics-required', { columns: plan.kpiMetricsColumns, kpis: plan.measures.filter((m) => m.source === 'metrics').map((m) => m.id) }, { exitCode: 2 });
  }
  const read = (kind: InputKind, path: string, consumer: Parameters<typeof readTable>[1], extra: ReadTableOptions = {}) =>
    readTable(path, consumer, {
      ...extra,
      ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
      ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
      ...(options.onProgress ? { onProgress: (done: number, total: number) => options.onProgress!(kind, path, done, total) } : {}),
    });
  const inputs: InputSummary[] = [];

  let staff: StaffDirectory;
  if (options.roster) {
    const roster = new RosterReader({ policy, file: options.roster, warnings, map: columnMap(policy, 'roster') });
    const info = await read('roster', options.roster, roster);
    roster.finish();
    staff = roster.directory;
    inputs.push(summary('roster', info, roster.columnsRead, roster.used, roster.skipped));
  } else {
    if (policy.roles.length > 1) throw new AspmError('roster-required', { roles: policy.roles.map((r) => `${r.id} (${r.name})`) }, { exitCode: 2 });
    staff = new StaffDirectory(true);
  }

  // An event log (a row per update): each ticket's rows collapsed into one before the evaluator (event-log.ts).
  const events = policy.data_sources.tickets?.events;
  const tickets = new TicketEvaluator({
    policy,
    plan,
    period,
    clock,
    calendar: business ? calendar : undefined,
    slaCalendar: calendar,
    staff,
    discoverStaff: !options.roster,
    file: options.tickets,
    warnings,
    map: events ? eventLogColumnMap(events, columnMap(policy, 'tickets')) : columnMap(policy, 'tickets'),
    slices,
    ...(options.excludeTickets ? { exclude: options.excludeTickets } : {}),
    ...(options.roster ? { kpisInUse: kpisOfRoles(policy, staff) } : {}),
    ...(options.ticketDetails ? { details: true } : {}),
  });
  const ticketOptions = {
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
  };
  if (!events && policy.data_sources.tickets?.repeated_ids === 'last') {
    // An event log: a first pass finds each ticket's last row (its final state).
    const finder = new LastRowFinder(
      (h) => tickets.score(h),
      (h) => tickets.idColumnOf(h),
    );
    await readTable(options.tickets, finder, { ...ticketOptions, parallel: false });
    tickets.useLastRows(finder.lastRows);
  }
  const collapser = events
    ? new EventLogCollapser({ events, map: columnMap(policy, 'tickets'), clock, file: options.tickets, warnings, ...(business ? { calendar } : {}), ...(options.locatePolicy ? { locate: options.locatePolicy } : {}) }, tickets)
    : undefined;
  const ticketInfo = await read('tickets', options.tickets, collapser ?? tickets, ticketOptions);
  const collapsed = collapser?.finish();
  const ticketCounts = tickets.finish();
  // Rows folded into their ticket's collapsed row are superseded, as with repeated_ids: last.
  const counts = collapsed ? { ...ticketCounts, skipped: ticketCounts.skipped + collapsed.skipped, superseded: collapsed.folded } : ticketCounts;
  // Many repeated ids: most likely an event log (a row per update), read by its first rows.
  const repeats = warnings.counts.get('duplicate-ticket') ?? 0;
  if (repeats >= 10 && repeats * 5 >= counts.rows && !events && policy.data_sources.tickets?.repeated_ids !== 'last') {
    warnings.add('tickets-look-like-event-log', { repeats, rows: counts.rows }, { file: options.tickets });
  }
  const day = (instant: number) => formatInstant(instant, clock).slice(0, 10);
  if (counts.used === 0) {
    const range = counts.outsideRange ? { first: day(counts.outsideRange.first), last: day(counts.outsideRange.last) } : {};
    // Rows that fell in the period (or could not be placed) but none usable: "no ticket falls
    // in the period" would send the user to check --period when the fault is in the data.
    if (counts.skipped + counts.notCounted + counts.excluded > 0) {
      const { rows, outsidePeriod: outside, skipped, notCounted, excluded, superseded } = counts;
      warnings.add('period-no-usable-tickets', { period: period.id, rows, outside, skipped, notCounted, excluded, superseded, ...range }, { file: options.tickets });
    } else if (counts.outsideRange) {
      warnings.add('period-no-tickets', { period: period.id, ...range, count: counts.outsidePeriod }, { file: options.tickets });
    }
  }
  const coverage = periodCoverage(period, counts.placing, counts.placingBy);
  if (coverage) {
    const minute = (instant: number) => formatInstant(instant, clock).slice(0, 16).replace('T', ' ');
    const { first, last, rows: inPeriod, field } = coverage;
    warnings.add(
      'period-partly-covered',
      {
        period: period.id,
        start: period.firstDay,
        end: period.lastDay,
        from: day(coverage.from),
        to: day(Math.min(coverage.to, period.end - 1)),
        rows: inPeriod,
        ...(coverage.startUncovered ? { earliest: minute(first) } : {}),
        ...(coverage.endUncovered ? { latest: minute(last) } : {}),
        // Only one placing time falls short: named, with the KPIs placed by it.
        ...(field ? { field, kpis: kpisPlacedBy(policy, plan, field, options.roster ? kpisOfRoles(policy, staff) : undefined) } : {}),
      },
      { file: options.tickets },
    );
  }
  if (ticketInfo.rowsAboveHeader > 0) warnings.add('rows-above-header', { count: ticketInfo.rowsAboveHeader, row: ticketInfo.headerRow }, { file: options.tickets, row: ticketInfo.headerRow });
  const ticketSummary = summary('tickets', ticketInfo, tickets.columnsRead, counts.used, counts.skipped, counts.outsidePeriod, counts.notCounted, counts.superseded);
  inputs.splice(0, 0, counts.excluded > 0 ? { ...ticketSummary, excluded: counts.excluded } : ticketSummary);

  let metricsValues: ReadonlyMap<number, ReadonlyMap<string, number | null>> = new Map();
  if (options.metrics) {
    const metrics = new MetricsReader({ file: options.metrics, staff, warnings, map: columnMap(policy, 'metrics') }, plan.metricsColumns, plan.kpiMetricsColumns);
    const info = await read('metrics', options.metrics, metrics);
    metrics.finish();
    metricsValues = metrics.values;
    inputs.push(summary('metrics', info, metrics.columnsRead, metrics.used, metrics.skipped));
  }
  let ratings: RatingRow[] = [];
  if (options.ratings) {
    const reader = new RatingsReader({ file: options.ratings, staff, warnings, map: columnMap(policy, 'ratings') }, policy);
    const info = await read('ratings', options.ratings, reader);
    reader.finish();
    ratings = reader.ratings;
    inputs.push(summary('ratings', info, reader.columnsRead, reader.used, reader.skipped));
  }
  // The holidays file decides working time and deadlines like a data file decides values:
  // listed with its hash, so that a result can be redone with the same days.
  const holidaysRead = options.holidays?.read;
  if (holidaysRead) {
    const days = options.holidays!.off.size + options.holidays!.work.size;
    inputs.push({ kind: 'holidays', path: holidaysRead.path, sha256: holidaysRead.sha256, rows: days, used: days, skipped: 0, format: holidaysRead.format, columns: {} });
  }

  const staffResults = assembleStaffResults({ policy, plan, staff, tickets, metrics: metricsValues });
  for (const result of staffResults) {
    if (!result.kpis.some((k) => k.scope === 'team')) continue;
    if (result.member.team === '') warnings.add('staff-no-team', { staff: result.member.name || result.member.id });
    else if (tickets.teamLabels.length > 0 && !tickets.hasTeam(result.member.team)) {
      // A supervisor's team written otherwise than in the tickets (一组 / 1组): no data, and why.
      warnings.add('team-not-in-tickets', { staff: result.member.name || result.member.id, team: result.member.team, teams: tickets.teamLabels.slice(0, 10) }, result.member.row !== undefined && options.roster ? { file: options.roster, row: result.member.row } : { file: options.tickets });
    }
  }
  const sliceResults = slices.map((slice, s) => ({ period: slice, staff: assembleStaffResults({ policy, plan, staff, tickets, metrics: metricsValues, slot: s + 1 }) }));
  const department = assembleDepartment({ policy, plan, tickets });
  return { period, plan, calendar, inputs, staff: staffResults, department, ratings, warnings, slices: sliceResults, excluded: tickets.excluded, ticketIds: tickets.hasTicketIds, details: tickets.details };
}
