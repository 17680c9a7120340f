// What one ticket contributes to one KPI: a built-in's contribution as its row in
// builtin-kpis.ts names it (dispatched on the row's CONTRIBUTION code: a string switch per
// KPI per row is measurable), a custom KPI's by its filters and aggregate. NaN when the
// ticket does not count. It never adds anything up: ticket-totals.ts does.
import type { RowView } from '../tables/row-view.js';
import { CONTRIBUTION } from './builtin-kpis.js';
import type { CompiledMeasure } from './compile-measures.js';
import { SLA_CLOCK } from './kpi-plan.js';
import { BLANK, type TicketFields } from './ticket-fields.js';
import type { WorkingCalendar } from './working-calendar.js';

// The codes as constants of this module, so that the switch below compares small integers.
const RESPONSE_TIME = CONTRIBUTION.response_time;
const RESPONDED_WITHIN_SLA = CONTRIBUTION.responded_within_sla;
const RESOLUTION_TIME = CONTRIBUTION.resolution_time;
const RESOLVED_WITHIN_SLA = CONTRIBUTION.resolved_within_sla;
const RESOLVED = CONTRIBUTION.resolved;
const SATISFACTION = CONTRIBUTION.satisfaction;
const FIXED_FIRST_TIME = CONTRIBUTION.fixed_first_time;
const REOPENED = CONTRIBUTION.reopened;
const COMPLAINT = CONTRIBUTION.complaint;
const COST = CONTRIBUTION.cost;
const ARRIVED_ON_TIME = CONTRIBUTION.arrived_on_time;
const SLA_POLICY = SLA_CLOCK.policy;
const SLA_ELAPSED = SLA_CLOCK.elapsed;

export interface ContributionOptions {
  /** Set when durations count business hours. */
  readonly calendar: WorkingCalendar | undefined;
  /** The policy's working calendar, for SLAs in working days whatever durations count. */
  readonly slaCalendar: WorkingCalendar;
  /** Satisfaction as the mean score (else the share of good scores). */
  readonly satisfactionMean: boolean;
  readonly goodAtLeast: number;
}

export class TicketContributions {
  private readonly calendar: WorkingCalendar | undefined;
  private readonly slaCalendar: WorkingCalendar;
  private readonly satisfactionMean: boolean;
  private readonly goodAtLeast: number;

  constructor(
    private readonly fields: TicketFields,
    options: ContributionOptions,
  ) {
    this.calendar = options.calendar;
    this.slaCalendar = options.slaCalendar;
    this.satisfactionMean = options.satisfactionMean;
    this.goodAtLeast = options.goodAtLeast;
  }

  /**
   * Set by `of`: the ticket is one a `sum` adds up (its filters hold) but its value is blank
   * or unreadable. A sum that found only such tickets is missing data, not 0.
   */
  valueMissing = false;

  /** A ticket's contribution to a KPI, or NaN when it does not count. */
  of(c: CompiledMeasure, view: RowView, row: number, created: number, resolved: number): number {
    this.valueMissing = false;
    return c.code !== 0 ? this.builtin(c, view, row, created, resolved) : this.custom(c, view, row);
  }

  private duration(from: number, to: number): number {
    return this.calendar ? (to < from ? to - from : this.calendar.workingMsBetween(from, to)) : to - from;
  }

  /** 1 when `d` (to − from as the policy counts time) is within the SLA, on the clock its unit names; else 0. */
  /** `hold`: time on hold (ms) that stops the clock; `d` has it taken off already. */
  private withinSla(c: CompiledMeasure, from: number, to: number, d: number, hold = 0): number {
    const measured = c.slaClock === SLA_POLICY ? d : Math.max(0, (c.slaClock === SLA_ELAPSED ? to - from : this.slaCalendar.workingMsBetween(from, to)) - hold);
    return measured <= c.slaMs ? 1 : 0;
  }

  /** to − from as the policy counts time; NaN (with one warning per row and field) when `to` is before `from`. */
  private checkedDuration(from: number, to: number, toSlot: number, view: RowView, row: number): number {
    if (from !== from || from === BLANK) return NaN;
    if (to < from) {
      this.fields.warnBeforeCreation(view, row, toSlot);
      return NaN;
    }
    return this.duration(from, to);
  }

  private builtin(c: CompiledMeasure, view: RowView, row: number, created: number, resolved: number): number {
    const fields = this.fields;
    switch (c.code) {
      case RESPONSE_TIME:
      case RESPONDED_WITHIN_SLA: {
        const responseSlot = c.slots.first_response_at!;
        const response = fields.value(view, responseSlot, row);
        if (response !== response) return NaN;
        if (response === BLANK) return c.code === RESPONDED_WITHIN_SLA ? 0 : NaN;
        const d = this.checkedDuration(created, response, responseSlot, view, row);
        if (d !== d) return NaN;
        return c.code === RESPONSE_TIME ? d : this.withinSla(c, created, response, d);
      }
      case RESOLUTION_TIME:
      case RESOLVED_WITHIN_SLA: {
        // Open (placed by creation), or resolved before creation: no duration.
        if (created !== created || created === BLANK || resolved !== resolved || resolved === BLANK) return NaN;
        let d = this.checkedDuration(created, resolved, fields.resolvedSlot, view, row);
        if (d !== d) return NaN;
        let hold = 0;
        if (c.holdSlot !== -1) {
          // The clock stops while the ticket waits on hold (as Zendesk and Jira pause SLAs); never below 0.
          const h = fields.value(view, c.holdSlot, row);
          if (h !== h) return NaN;
          if (h !== BLANK) {
            if (h > d) fields.warnOnHoldExceeds(view, row, c.holdSlot, d);
            hold = h;
            d = h > d ? 0 : d - h;
          }
        }
        return c.code === RESOLUTION_TIME ? d : this.withinSla(c, created, resolved, d, hold);
      }
      case RESOLVED:
        // Placed by creation, a ticket created in the period counts once it is resolved.
        return resolved === resolved && resolved !== BLANK ? 1 : NaN;
      case SATISFACTION: {
        const score = fields.value(view, c.slots.satisfaction!, row);
        if (score !== score || score === BLANK) return NaN;
        return this.satisfactionMean ? score : score >= this.goodAtLeast ? 1 : 0;
      }
      case FIXED_FIRST_TIME: {
        // Fixed first time, or reopened, is known of a resolved ticket only (placed by creation, an open one waits).
        if (resolved !== resolved || resolved === BLANK) return NaN;
        const reopened = c.slots.reopened === undefined || c.slots.reopened === -1 ? 0 : fields.value(view, c.slots.reopened, row);
        const revisit = c.slots.revisit === undefined || c.slots.revisit === -1 ? 0 : fields.value(view, c.slots.revisit, row);
        if (reopened !== reopened || revisit !== revisit) return NaN;
        return reopened === 1 || revisit === 1 ? 0 : 1;
      }
      case REOPENED:
      case COMPLAINT: {
        if (c.code === REOPENED && (resolved !== resolved || resolved === BLANK)) return NaN;
        const flag = fields.value(view, c.slots[c.code === REOPENED ? 'reopened' : 'complaint']!, row);
        if (flag !== flag) return NaN;
        return flag === 1 ? 1 : 0;
      }
      case COST: {
        const cost = fields.value(view, c.slots.cost!, row);
        return cost === BLANK ? NaN : cost;
      }
      case ARRIVED_ON_TIME: {
        const promised = fields.value(view, c.slots.promised_at!, row);
        const arrived = fields.value(view, c.slots.arrived_at!, row);
        if (promised !== promised || arrived !== arrived || promised === BLANK || arrived === BLANK) return NaN;
        return arrived <= promised ? 1 : 0;
      }
      default:
        throw new Error(`no contribution for code ${c.code}`);
    }
  }

  private custom(c: CompiledMeasure, view: RowView, row: number): number {
    const fields = this.fields;
    for (const test of c.where) if (test(fields, view, row) !== 1) return NaN;
    const m = c.measure;
    if (m.source !== 'tickets') return NaN;
    switch (m.aggregate) {
      case 'count':
        return 1;
      case 'rate': {
        let hit = 1;
        for (const test of c.condition) {
          const r = test(fields, view, row);
          if (r === -1) return NaN;
          if (r === 0) hit = 0;
        }
        return hit;
      }
      default: {
        if (c.valueSlot === -1) return NaN;
        const v = fields.value(view, c.valueSlot, row);
        if (v === BLANK || v !== v) {
          this.valueMissing = m.aggregate === 'sum';
          return NaN;
        }
        // A duration (ms) in the KPI's unit: every output takes the value from these totals.
        return v / c.valueDivisor;
      }
    }
  }
}
