// Each person's ticket list: every ticket that counted for one of their own KPIs in the
// period, when it was created and resolved, and what it counted as — the minutes of a response, whether it was on time,
// its satisfaction score — so that an employee can check a KPI ticket by ticket, and name
// the ticket in an appeal. Tickets an approved appeal left out are listed too, marked, and
// shown as not counted in every column. Where crews share their tickets, a column says the
// person's share of each (1/2 for a crew of two): each KPI then counts the ticket by it.
// A CSV (UTF-8 with a byte-order mark and CRLF, as Excel opens it) beside the notice. Pure.
import type { TicketDetail } from '../evaluate/ticket-details.js';
import { formatWallMinute, zoneClock } from '../tables/time-zone.js';
import type { Contribution } from '../evaluate/builtin-kpis.js';
import type { EvaluationPlan, TicketMeasure } from '../evaluate/kpi-plan.js';
import { t, type MessageCode } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { Policy } from '../policy/policy.generated.js';
import { formatNumber } from '../render/document-values.js';
import type { ReportPerson } from '../scoring/scored-report.js';
import { looksLikeFormula } from './report-xlsx.js';
import { roundHalfUp } from '../text/round-half-up.js';

/** What a ticket's contribution to a measure is shown as. */
type Shown = 'duration' | 'yes_no' | 'counted' | 'value';

interface ListColumn {
  readonly header: string;
  readonly measure: number;
  readonly shown: Shown;
  readonly unitMs: number;
}

/** What "yes" means for a built-in KPI counted ticket by ticket as yes or no, by what a ticket contributes. */
const YES_MEANS: Readonly<Partial<Record<Contribution, MessageCode>>> = {
  responded_within_sla: 'ticket-list-means-response-sla',
  resolved_within_sla: 'ticket-list-means-resolution-sla',
  fixed_first_time: 'ticket-list-means-fixed',
  reopened: 'ticket-list-means-reopened',
  complaint: 'ticket-list-means-complaint',
  arrived_on_time: 'ticket-list-means-punctual',
};

function column(measure: TicketMeasure, index: number, name: string, policy: Policy, language: Language): ListColumn {
  const L = (code: MessageCode, params?: Record<string, unknown>) => t(language, code, params);
  const labelled = (code: MessageCode, params?: Record<string, unknown>) => L('ticket-list-kpi', { kpi: name, what: L(code, params) });
  const business = policy.evaluation.duration === 'business';
  if (measure.source === 'builtin') {
    const unitMs = measure.unitMs;
    // The table of built-in KPIs says how each value is formed; the column follows it.
    const { value, unit, contribution } = measure.builtin;
    switch (value) {
      case 'mean_duration': {
        return { header: labelled((business ? `xlsx-unit-working-${unit}` : `xlsx-unit-${unit}`) as MessageCode), measure: index, shown: 'duration', unitMs };
      }
      case 'satisfaction':
        return policy.evaluation.satisfaction.method === 'mean'
          ? { header: labelled('ticket-list-means-score', { min: policy.evaluation.satisfaction.scale_min, max: policy.evaluation.satisfaction.scale_max }), measure: index, shown: 'value', unitMs }
          : { header: labelled('ticket-list-means-satisfied', { min: policy.evaluation.satisfaction.good_at_least }), measure: index, shown: 'yes_no', unitMs };
      case 'count':
        return { header: name, measure: index, shown: 'counted', unitMs };
      case 'mean':
        return { header: labelled('ticket-list-means-cost'), measure: index, shown: 'value', unitMs };
      case 'percent': {
        if (contribution === 'responded_within_sla' || contribution === 'resolved_within_sla') {
          // The limit, in the time the policy counts, so that a "no" can be checked.
          const sla = measure.sla;
          if (sla?.unit === 'days' || sla?.unit === 'working_days') {
            const limit = L(sla.unit === 'days' ? 'sla-limit-days' : 'sla-limit-working-days', { within: sla.within });
            return { header: labelled(YES_MEANS[contribution]!, { limit }), measure: index, shown: 'yes_no', unitMs };
          }
          const hours = measure.slaMs % 3_600_000 === 0;
          const limitUnit = `${business ? 'xlsx-unit-working-' : 'xlsx-unit-'}${hours ? 'hours' : 'minutes'}` as MessageCode;
          const limit = `${measure.slaMs / (hours ? 3_600_000 : 60_000)} ${L(limitUnit)}`;
          return { header: labelled(YES_MEANS[contribution]!, { limit }), measure: index, shown: 'yes_no', unitMs };
        }
        return { header: labelled(YES_MEANS[contribution]!), measure: index, shown: 'yes_no', unitMs };
      }
    }
  }
  const shown: Shown = measure.aggregate === 'rate' ? 'yes_no' : measure.aggregate === 'count' ? 'counted' : 'value';
  return { header: shown === 'yes_no' ? labelled('ticket-list-means-condition') : name, measure: index, shown, unitMs: 1 };
}

/** The person's own (individual-scope) KPIs computed from the tickets, as columns. */
function ticketListColumns(person: ReportPerson, plan: EvaluationPlan, policy: Policy, language: Language): ListColumn[] {
  const columns: ListColumn[] = [];
  for (const kpi of person.kpis) {
    if (kpi.scope !== 'individual') continue;
    const index = plan.ticketMeasures.findIndex((m) => m.id === kpi.id);
    if (index === -1) continue;
    columns.push(column(plan.ticketMeasures[index]!, index, kpi.name, policy, language));
  }
  return columns;
}

function csvCell(text: string): string {
  // A cell Excel would run as a formula is quoted and prefixed, as in the Excel report
  // (a plain negative number is not a formula, and keeps no apostrophe).
  const safe = looksLikeFormula(text) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function shownValue(x: number, c: ListColumn, language: Language): string {
  if (x !== x) return '';
  switch (c.shown) {
    case 'duration':
      return roundHalfUp(x / c.unitMs).toFixed(2);
    case 'yes_no':
      return t(language, x === 1 ? 'ticket-list-yes' : 'ticket-list-no');
    case 'counted':
      return t(language, 'ticket-list-counted');
    default:
      return formatNumber(x);
  }
}

/** A share as the fraction it is (1/3, not 0.333…), so that a list adds up exactly. */
function shareText(share: number): string {
  if (share === 1) return '1';
  const n = Math.round(1 / share);
  return Math.abs(1 / n - share) < 1e-12 ? `1/${n}` : formatNumber(share);
}

/**
 * The CSV text of one person's ticket list, or undefined when none of their KPIs is
 * counted over tickets (a supervisor whose KPIs are all the team's).
 */
export function renderTicketList(person: ReportPerson, details: readonly TicketDetail[], plan: EvaluationPlan, policy: Policy, language: Language): string | undefined {
  const columns = ticketListColumns(person, plan, policy, language);
  if (columns.length === 0) return undefined;
  const L = (code: MessageCode, params?: Record<string, unknown>) => t(language, code, params);
  // The times as the policy's zone reads them, so that a ticket can be placed in its month.
  const clock = zoneClock(policy.meta.timezone);
  const time = (instant: number) => (instant === instant ? formatWallMinute(instant, clock) : '');
  // Whether a ticket may count for a share of it: a crew member's, where crews share.
  const shared = policy.data_sources.tickets?.crew?.credit === 'share' && columns.some((c) => plan.ticketMeasures[c.measure]!.credit === 'crew');
  const shareHeader = shared ? [L('ticket-list-share')] : [];
  const lines = [[L('ticket-list-ticket'), L('ticket-list-row'), L('ticket-list-created'), L('ticket-list-resolved'), ...shareHeader, ...columns.map((c) => c.header), L('ticket-list-note')]];
  for (const d of details) {
    const wouldCount = columns.map((c) => shownValue(d.values[c.measure]!, c, language));
    if (wouldCount.every((cell) => cell === '')) continue;
    // A ticket left out on appeal counts in no column, whatever it would have counted as:
    // counting the list must give the notice's figures.
    const cells = d.appeal === undefined ? wouldCount : columns.map(() => L('ticket-list-not-counted'));
    const share = shared ? [shareText(d.share ?? 1)] : [];
    lines.push([d.ticket, String(d.row), time(d.created), time(d.resolved), ...share, ...cells, d.appeal === undefined ? '' : L('ticket-list-excluded', { appeal: d.appeal })]);
  }
  return '\uFEFF' + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
