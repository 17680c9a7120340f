// The demo's data set, built from a seed: a team of about twenty across the policy's roles,
// a quarter of tickets, monthly survey ratings and event counts shaped by the policy (its
// qualitative items, rater types and metrics columns), and one approved appeal. Pure: the
// demo command writes what this returns.
import { stringify } from 'yaml';
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { Policy } from '../policy/policy.generated.js';
import { generateRoster, generateTickets, type SampleOptions, type SampleStaff, type SampleTicket } from '../sample-data/generate-sample-data.js';
import { generateMetrics, generateRatings, type SampleMetrics, type SampleRating } from '../sample-data/generate-staff-inputs.js';

/** The quarter the demo scores: the last full quarter before the tool's own 2026-11 release. */
const DEMO_YEAR = 2026;
const DEMO_QUARTER = 3;
export const DEMO_MONTHS = ['2026-07', '2026-08', '2026-09'] as const;
export const DEMO_QUARTER_ID = '2026-Q3';
/**
 * The day the demo policy takes effect: the first day of the quarter it scores, so that the
 * demo is a real assessment (a period that ends before the policy is only a trial run) and
 * its first month shows a rule over consecutive months that cannot apply yet.
 */
export const DEMO_EFFECTIVE_DATE = '2026-07-01';
/** The day the results (with the approved appeal applied) are published. */
export const DEMO_RESULT_DATE = '2026-10-16';

const SEED = 20260930;
const STAFF = 21;
/** About a hundred tickets per person and month: a busy but ordinary service desk. */
const TICKETS_PER_QUARTER = 5400;

export interface DemoAppeal {
  readonly appeal: string;
  readonly staffId: string;
  readonly staffName: string;
  readonly ticketId: string;
}

export interface DemoData {
  readonly roster: readonly SampleStaff[];
  readonly tickets: readonly SampleTicket[];
  /** Ratings per month (`2026-07` …) and for the quarter (a survey round of its own). */
  readonly ratings: ReadonlyMap<string, readonly SampleRating[]>;
  /** Event counts per month and for the quarter (the months summed). */
  readonly metrics: ReadonlyMap<string, readonly SampleMetrics[]>;
  readonly metricsColumns: readonly string[];
  readonly appeal: DemoAppeal;
}

/** Columns of the metrics file that the policy's vetoes, point items and KPIs read. */
function metricsColumnsOf(policy: Policy): string[] {
  const columns = [
    ...policy.point_items.map((p) => p.count),
    ...policy.vetoes.map((v) => v.count),
    ...policy.kpis.flatMap((k) => (k.compute ? [k.compute] : [])),
  ].flatMap((source) => (source.from === 'metrics' ? [source.column] : []));
  return [...new Set(columns)];
}

/** How often an event of a column happens to a person in a month. */
function eventRate(policy: Policy, column: string): number {
  if (policy.vetoes.some((v) => v.count.from === 'metrics' && v.count.column === column)) return 0.02;
  const points = policy.point_items.find((p) => p.count.from === 'metrics' && p.count.column === column);
  if (points) return points.points >= 0 ? 0.25 : 0.12;
  return 0.3;
}

export function buildDemoData(policy: Policy, language: Language): DemoData {
  const options: SampleOptions = {
    seed: SEED,
    staff: STAFF,
    tickets: TICKETS_PER_QUARTER,
    year: DEMO_YEAR,
    month: (DEMO_QUARTER - 1) * 3 + 1,
    months: 3,
    language,
    varied: true,
  };
  const roster = generateRoster(options);
  const tickets = [...generateTickets(options, roster)];

  const raterTypes = [...new Set([...policy.qualitative.raters, ...policy.roles.flatMap((r) => r.raters ?? [])].map((r) => r.type))];
  const items = policy.qualitative.items.map((i) => i.name);
  const ratings = new Map<string, SampleRating[]>();
  const metricsColumns = metricsColumnsOf(policy);
  const metrics = new Map<string, SampleMetrics[]>();
  DEMO_MONTHS.forEach((month, index) => {
    ratings.set(month, generateRatings(roster, { seed: SEED + index, items, raterTypes, max: policy.qualitative.scale.max }));
    const columns = metricsColumns.map((name) => ({ name, rate: eventRate(policy, name) }));
    metrics.set(month, generateMetrics(roster, columns, SEED + index));
  });
  // The quarter has a survey round of its own: the same rater rates an item once per period.
  ratings.set(DEMO_QUARTER_ID, generateRatings(roster, { seed: SEED + DEMO_MONTHS.length, items, raterTypes, max: policy.qualitative.scale.max }));
  metrics.set(DEMO_QUARTER_ID, sumMetrics(DEMO_MONTHS.map((m) => metrics.get(m) ?? [])));

  return { roster, tickets, ratings, metrics, metricsColumns, appeal: chooseAppeal(roster, tickets) };
}

function sumMetrics(months: readonly (readonly SampleMetrics[])[]): SampleMetrics[] {
  const [first = []] = months;
  return first.map((row, i) => {
    const values: Record<string, number> = {};
    for (const month of months) {
      for (const [column, count] of Object.entries(month[i]?.values ?? {})) values[column] = (values[column] ?? 0) + count;
    }
    return { ...row, values };
  });
}

/**
 * The appeal the demo approves: a September ticket of a customer-service agent whose first
 * response came late because the customer asked to be called back later, the typical case
 * where the delay was not the employee's doing.
 */
function chooseAppeal(roster: readonly SampleStaff[], tickets: readonly SampleTicket[]): DemoAppeal {
  const september = Date.UTC(DEMO_YEAR, 8, 1);
  const october = Date.UTC(DEMO_YEAR, 9, 1);
  const agents = new Map(roster.filter((s) => s.role === 'agent').map((s) => [s.id, s]));
  const late = tickets.find(
    (t) => agents.has(t.staff_id) && t.created_at >= september && t.created_at < october && t.first_response_at !== undefined && t.first_response_at - t.created_at > 60 * 60_000,
  );
  const ticket = late ?? tickets[tickets.length - 1]!;
  const staff = agents.get(ticket.staff_id) ?? roster.find((s) => s.id === ticket.staff_id)!;
  return { appeal: 'SS-2026-009', staffId: staff.id, staffName: staff.name, ticketId: ticket.ticket_id };
}

/**
 * The demo's answers to the wizard: the medium preset's defaults, in force from
 * DEMO_EFFECTIVE_DATE. `schemaRef` is where editors find answers.schema.json, as seen from the written file.
 */
export function demoAnswersYaml(language: Language, schemaRef: string): string {
  return `# yaml-language-server: $schema=${schemaRef}\n# ${t(language, 'demo-answers-header', { date: DEMO_EFFECTIVE_DATE })}\n${stringify({ effective_date: DEMO_EFFECTIVE_DATE })}`;
}

/** The adjustments file recording the demo's approved appeal. */
/** `schemaRef` is where editors find adjustments.schema.json, as seen from the written file. */
export function demoAdjustmentsYaml(appeal: DemoAppeal, language: Language, schemaRef: string): string {
  const body = stringify({
    version: 1,
    adjustments: [
      {
        kind: 'exclude_ticket',
        appeal: appeal.appeal,
        staff_id: appeal.staffId,
        ticket_id: appeal.ticketId,
        reason: t(language, 'demo-appeal-reason'),
        approved_by: t(language, 'demo-appeal-approver'),
        approved_on: '2026-10-15',
      },
    ],
  });
  return `# yaml-language-server: $schema=${schemaRef}\n# ${t(language, 'demo-adjustments-header')}\n${body}`;
}
