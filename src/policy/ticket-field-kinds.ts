// How the canonical ticket fields are read, as far as the policy's column mappings are
// checked against it (rules/column-mappings.ts) and the evaluator reads them
// (src/evaluate/columns.ts holds its header synonyms to the same list). Pure data.

/** Fields read as a date and time: one column, a date and a time column, `first_of` or `plus`. */
export const TICKET_TIME_FIELDS: ReadonlySet<string> = new Set(['created_at', 'first_response_at', 'resolved_at', 'promised_at', 'arrived_at']);

/** The other canonical fields, read as ids, names, yes/no, scores, amounts or text: never durations. */
export const TICKET_OTHER_FIELDS: ReadonlySet<string> = new Set(['ticket_id', 'staff_id', 'staff_name', 'reopened', 'revisit', 'satisfaction', 'complaint', 'cost', 'priority', 'type', 'team']);

/**
 * The canonical duration field: the time a ticket waited on hold, subtracted from resolution
 * time and its SLA. It has no known headers: it is read only when mapped, with its unit.
 */
export const ON_HOLD = 'on_hold';

/** The built-in KPIs whose clock stops while a ticket is on hold, when the policy maps on_hold. */
export const ON_HOLD_KPIS: ReadonlySet<string> = new Set(['resolution_hours', 'resolution_sla_rate']);

/** The header the policy reads on-hold time from (undefined: not mapped), for documents and notices to say so. */
export function onHoldColumn(columns: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const spec = columns?.[ON_HOLD];
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return undefined;
  const column = (spec as { column?: unknown }).column;
  return typeof column === 'string' ? column : undefined;
}

/**
 * Where on-hold time comes from, for documents and notices to say so: a mapped column of the
 * export, or an event log's state changes (`events.on_hold_when`, timed by `events.at`) —
 * each condition as `field value|value`; undefined when neither.
 */
export type OnHoldSource = { readonly column: string } | { readonly conditions: readonly { readonly field: string; readonly values: readonly string[] }[]; readonly at: string };

export function onHoldSource(tickets: { readonly columns?: Readonly<Record<string, unknown>>; readonly events?: { readonly on_hold_when?: readonly { readonly field: string; readonly equals?: unknown; readonly in?: readonly unknown[] }[]; readonly at?: string } } | undefined): OnHoldSource | undefined {
  const column = onHoldColumn(tickets?.columns);
  if (column !== undefined) return { column };
  const when = tickets?.events?.on_hold_when;
  if (!when || when.length === 0 || tickets?.events?.at === undefined) return undefined;
  const conditions = when.map((f) => ({ field: f.field, values: (f.in ?? (f.equals === undefined ? [] : [f.equals])).map(String) }));
  return { conditions, at: tickets.events.at };
}
