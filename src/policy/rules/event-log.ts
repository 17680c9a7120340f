// An event log's reading (`data_sources.tickets.events`) that a schema cannot check alone:
// on-hold intervals need the column that times each update, a first-when field needs the
// column its value comes from, and the log cannot also ask for each ticket's first row.
import type { Rule } from '../../validation/load-document.js';
import type { Policy } from '../policy.generated.js';

export const eventLog: Rule<Policy> = (policy, report) => {
  const tickets = policy.data_sources.tickets;
  const events = tickets?.events;
  if (!tickets || !events) return;
  const base = ['data_sources', 'tickets', 'events'];
  if (tickets.repeated_ids === 'first') {
    report({ code: 'events-with-repeated-ids-first', params: {}, path: ['data_sources', 'tickets', 'repeated_ids'] });
  }
  if (events.on_hold_when && events.at === undefined) {
    report({ code: 'events-on-hold-without-at', params: {}, path: [...base, 'on_hold_when'], at: 'key' });
  }
  // A column that holds on-hold time already says it; intervals from the log would be a second answer.
  if (events.on_hold_when && tickets.columns?.on_hold !== undefined) {
    report({ code: 'events-on-hold-mapped', params: {}, path: [...base, 'on_hold_when'], at: 'key' });
  }
  for (const [field, how] of Object.entries(events.fields ?? {})) {
    if (typeof how === 'object' && how.value === undefined) {
      report({ code: 'events-first-when-without-value', params: { field }, path: [...base, 'fields', field], at: 'key' });
    }
  }
};
