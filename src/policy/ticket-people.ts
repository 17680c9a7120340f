// The people a ticket names besides its assignee: the columns the policy maps for each of
// them (data_sources.tickets.columns) and how a crew cell is split. Shared by the policy's
// rules (a KPI may credit only a person whose column is mapped) and the evaluator. Pure.
import type { Policy } from './policy.generated.js';

/** Who on a ticket a KPI credits. */
export type Credit = 'assignee' | 'resolver' | 'responder' | 'crew';

/** The canonical fields that name each person (an id and a name; the crew is one cell). */
export const PERSON_FIELDS: Readonly<Record<Credit, readonly string[]>> = {
  assignee: ['staff_id', 'staff_name'],
  resolver: ['resolver_id', 'resolver_name'],
  responder: ['responder_id', 'responder_name'],
  crew: ['crew'],
};

/**
 * The characters that split a crew cell unless the policy names others: the Chinese
 * enumeration comma and semicolons and commas of either width, the slash and the bar.
 */
export const DEFAULT_CREW_SEPARATORS = '、;；,，/|';

/**
 * The people besides the assignee whose columns the policy maps. Only a mapped column
 * counts: a file that happens to hold a `resolved_by` column is read as it always was.
 */
export function mappedRoles(policy: Pick<Policy, 'data_sources'>): ReadonlySet<Credit> {
  const columns = policy.data_sources.tickets?.columns ?? {};
  const roles = new Set<Credit>();
  for (const role of ['resolver', 'responder', 'crew'] as const) {
    if (PERSON_FIELDS[role].some((f) => columns[f] !== undefined)) roles.add(role);
  }
  return roles;
}
