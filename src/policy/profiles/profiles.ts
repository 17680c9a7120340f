// Native export profiles: `data_sources.tickets.profile` names a system whose export the
// project knows, and its mapping fills in what the policy does not say. Expanded when the
// policy is loaded, before the other rules, so that they check, and the evaluator reads,
// the mapping as it will be used.
import type { EventLog, Policy, TicketSource } from '../policy.generated.js';
import type { Rule } from '../../validation/load-document.js';
import { SERVICENOW_INCIDENTS } from './servicenow.js';

export const PROFILES: Readonly<Record<NonNullable<TicketSource['profile']>, TicketSource>> = {
  servicenow: SERVICENOW_INCIDENTS,
};

/**
 * The ticket source with its profile filled in. The policy's own settings win, key by key:
 * each field of `columns`, each key of `events` and each field of `events.fields` the policy
 * gives replaces the profile's; the rest are the profile's. Two settings that exclude each
 * other follow the policy: its own `columns.on_hold` drops the profile's on-hold intervals
 * (`on_hold_when`, `at`), and its `repeated_ids` without `events` drops the profile's event log.
 */
export function withProfile(source: TicketSource): TicketSource {
  if (source.profile === undefined) return source;
  const profile = PROFILES[source.profile];
  const columns = { ...profile.columns, ...source.columns };
  let events = source.events ?? profile.events;
  if (source.events && profile.events) {
    events = { ...profile.events, ...source.events, fields: { ...profile.events.fields, ...source.events.fields } };
  }
  if (events && source.columns?.on_hold !== undefined && source.events?.on_hold_when === undefined) {
    const rest: EventLog = { ...events };
    delete rest.on_hold_when;
    if (source.events?.at === undefined) delete rest.at;
    events = rest;
  }
  if (source.repeated_ids !== undefined && source.events === undefined) events = undefined;
  const out: TicketSource = { ...profile, ...source, columns };
  if (events) out.events = events;
  else delete out.events;
  return out;
}

/** Fills in the profile's mapping (a rule only in where it runs: it reports nothing). */
export const ticketProfile: Rule<Policy> = (policy) => {
  const tickets = policy.data_sources.tickets;
  if (tickets?.profile !== undefined) policy.data_sources.tickets = withProfile(tickets);
};
