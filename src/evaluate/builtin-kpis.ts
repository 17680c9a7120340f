// The table of built-in KPIs: for each id of the catalogue, the ticket fields it reads,
// the timestamp that places a ticket in a period, what one ticket contributes and how the
// value is formed from the totals. The catalogue (presets/kpi-catalogue.yaml) holds what
// people read (names, formulas, defaults); this table is what the evaluator computes, and
// builtin-kpis.test.ts holds the two together. Pure data: it never reads a file.
import type { BuiltinKpi, BuiltinKpiId, TicketField } from '../policy/kpi-catalogue.generated.js';

export type { BuiltinKpiId };

/**
 * What one ticket placed in the period adds to a KPI's totals (a sample, and its value).
 * Small integers, because the pass over the tickets dispatches on them per KPI per row
 * (ticket-contribution.ts), where a string switch is measurable.
 */
export const CONTRIBUTION = {
  /** First response − creation (ms); a ticket without a response is no sample. */
  response_time: 1,
  /** 1 when the first response came within the SLA, else 0; no response is a miss (0). */
  responded_within_sla: 2,
  /** Resolution − creation (ms) of a resolved ticket. */
  resolution_time: 3,
  /** 1 when resolved within the SLA, else 0. */
  resolved_within_sla: 4,
  /** 1 for a resolved ticket. */
  resolved: 5,
  /** The satisfaction score (method `mean`), or 1 when it reaches the good score, else 0. */
  satisfaction: 6,
  /** 1 for a resolved ticket neither reopened nor revisited, else 0. */
  fixed_first_time: 7,
  /** 1 for a resolved ticket that was reopened, else 0. */
  reopened: 8,
  /** 1 for a ticket complained about, else 0. */
  complaint: 9,
  /** The ticket's cost. */
  cost: 10,
  /** 1 when the technician arrived by the promised time, else 0. */
  arrived_on_time: 11,
} as const;

export type Contribution = keyof typeof CONTRIBUTION;

/** How the value is formed from a KPI's totals (kpi-results.ts). */
export type ValueForm =
  /** Sum ÷ samples, in the KPI's unit (minutes or hours). */
  | 'mean_duration'
  /** Sum ÷ samples × 100: the share of tickets that scored 1. */
  | 'percent'
  /** The share of good scores, or (method `mean`) the mean score placed on the scale, as a percent. */
  | 'satisfaction'
  /** Sum ÷ samples. */
  | 'mean'
  /** The number of samples: 0 for someone with tickets in the period none of which counted. */
  | 'count';

export interface BuiltinKpiDefinition {
  readonly id: BuiltinKpiId;
  readonly unit: BuiltinKpi['unit'];
  readonly direction: BuiltinKpi['direction'];
  /** The timestamp that places a ticket in a period unless the policy names the other one. */
  readonly placedBy: BuiltinKpi['placed_by'];
  /** Fields the contribution reads (the placing timestamp is needed as well). */
  readonly requires: readonly TicketField[];
  /** Fields read when the file has them, taken as "no" when it has not. */
  readonly optional: readonly TicketField[];
  readonly contribution: Contribution;
  readonly value: ValueForm;
}

/** Every built-in KPI, by id: a `Record` over the schema's enum, so an id without a row does not compile. */
export const BUILTIN_KPIS: Readonly<Record<BuiltinKpiId, BuiltinKpiDefinition>> = {
  first_response_minutes: {
    id: 'first_response_minutes',
    unit: 'minutes',
    direction: 'lower',
    placedBy: 'created_at',
    requires: ['created_at', 'first_response_at'],
    optional: [],
    contribution: 'response_time',
    value: 'mean_duration',
  },
  response_sla_rate: {
    id: 'response_sla_rate',
    unit: 'percent',
    direction: 'higher',
    placedBy: 'created_at',
    requires: ['created_at', 'first_response_at'],
    optional: [],
    contribution: 'responded_within_sla',
    value: 'percent',
  },
  resolution_hours: {
    id: 'resolution_hours',
    unit: 'hours',
    direction: 'lower',
    placedBy: 'resolved_at',
    requires: ['created_at', 'resolved_at'],
    optional: [],
    contribution: 'resolution_time',
    value: 'mean_duration',
  },
  resolution_sla_rate: {
    id: 'resolution_sla_rate',
    unit: 'percent',
    direction: 'higher',
    placedBy: 'resolved_at',
    requires: ['created_at', 'resolved_at'],
    optional: [],
    contribution: 'resolved_within_sla',
    value: 'percent',
  },
  csat: {
    id: 'csat',
    unit: 'percent',
    direction: 'higher',
    placedBy: 'resolved_at',
    requires: ['satisfaction'],
    optional: [],
    contribution: 'satisfaction',
    value: 'satisfaction',
  },
  first_time_fix_rate: {
    id: 'first_time_fix_rate',
    unit: 'percent',
    direction: 'higher',
    placedBy: 'resolved_at',
    requires: ['resolved_at'],
    optional: ['reopened', 'revisit'],
    contribution: 'fixed_first_time',
    value: 'percent',
  },
  reopen_rate: {
    id: 'reopen_rate',
    unit: 'percent',
    direction: 'lower',
    placedBy: 'resolved_at',
    requires: ['resolved_at', 'reopened'],
    optional: [],
    contribution: 'reopened',
    value: 'percent',
  },
  complaint_rate: {
    id: 'complaint_rate',
    unit: 'percent',
    direction: 'lower',
    placedBy: 'resolved_at',
    requires: ['complaint'],
    optional: [],
    contribution: 'complaint',
    value: 'percent',
  },
  cost_per_ticket: {
    id: 'cost_per_ticket',
    unit: 'currency',
    direction: 'lower',
    placedBy: 'resolved_at',
    requires: ['cost'],
    optional: [],
    contribution: 'cost',
    value: 'mean',
  },
  tickets_resolved: {
    id: 'tickets_resolved',
    unit: 'count',
    direction: 'higher',
    placedBy: 'resolved_at',
    requires: ['resolved_at'],
    optional: [],
    contribution: 'resolved',
    value: 'count',
  },
  onsite_punctuality_rate: {
    id: 'onsite_punctuality_rate',
    unit: 'percent',
    direction: 'higher',
    placedBy: 'resolved_at',
    requires: ['promised_at', 'arrived_at'],
    optional: [],
    contribution: 'arrived_on_time',
    value: 'percent',
  },
};

export function isBuiltinKpiId(id: string): id is BuiltinKpiId {
  return Object.hasOwn(BUILTIN_KPIS, id);
}
