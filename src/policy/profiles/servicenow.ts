// The mapping of a ServiceNow incident export (the incident table's fields as ServiceNow
// names them, and its audit export with a row per update: `sys_mod_count` counts the updates,
// `sys_updated_at` times each). `data_sources.tickets.profile: servicenow` fills it in; the
// policy's own keys win (profiles.ts).
import type { TicketSource } from '../policy.generated.js';

/** Incident states after New: the first update in one of them is the first response. */
const PAST_NEW = [
  'Active',
  'In Progress',
  'On Hold',
  'Awaiting User Info',
  'Awaiting Caller',
  'Awaiting Problem',
  'Awaiting Vendor',
  'Awaiting Evidence',
  'Awaiting Change',
  'Resolved',
  'Closed',
  'Canceled',
];

/** States in which ServiceNow's SLA clock is paused: On Hold and the older Awaiting … states. */
const ON_HOLD_STATES = ['On Hold', 'Awaiting User Info', 'Awaiting Caller', 'Awaiting Problem', 'Awaiting Vendor', 'Awaiting Evidence', 'Awaiting Change'];

export const SERVICENOW_INCIDENTS: TicketSource = {
  system: 'ServiceNow',
  columns: {
    ticket_id: 'number',
    created_at: 'opened_at',
    // Some incidents are closed without a resolution time (`?`): the close time stands for it.
    resolved_at: { first_of: ['resolved_at', 'closed_at'] },
    staff_name: 'assigned_to',
    resolver_name: 'resolved_by',
    team: 'assignment_group',
    reopened: 'reopen_count',
    priority: 'priority',
    type: 'category',
  },
  events: {
    // The update counter: the export is not always in update order.
    order_by: 'sys_mod_count',
    take: 'last',
    fields: {
      // The first update that takes the incident out of New: an assignee set on the New row
      // is routing, not an answer, and many incidents never pass through Active (docs/evaluating.md).
      first_response_at: { first_when: [{ field: 'incident_state', in: PAST_NEW }], value: 'sys_updated_at' },
    },
    on_hold_when: [{ field: 'incident_state', in: ON_HOLD_STATES }],
    at: 'sys_updated_at',
  },
};
