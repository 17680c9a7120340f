// A KPI can credit only a person whose column the policy maps, and the crew's settings
// need a crew column: otherwise the evaluation would find no one to credit, file after file.
import type { Rule } from '../../validation/load-document.js';
import type { Policy } from '../policy.generated.js';
import { PERSON_FIELDS, mappedRoles } from '../ticket-people.js';

export const ticketPeople: Rule<Policy> = (policy, report) => {
  const mapped = mappedRoles(policy);
  policy.kpis.forEach((kpi, k) => {
    const credit = kpi.credit;
    if (credit === undefined) return;
    // A metrics file's row is already one person's figure: there is no ticket to share out,
    // so credit changes nothing — said, since whoever wrote it expected it to. A warning, as
    // scope: team on such a KPI is: the results stay right, the policy just says more than it does.
    if (kpi.compute?.from === 'metrics') {
      report({ code: 'credit-not-from-tickets', params: { id: kpi.id, credit }, path: ['kpis', k, 'credit'], at: 'key', severity: 'warning' });
      return;
    }
    if (credit === 'assignee' || mapped.has(credit)) return;
    report({ code: 'credit-column-not-mapped', params: { id: kpi.id, credit, fields: PERSON_FIELDS[credit].join(' / ') }, path: ['kpis', k, 'credit'] });
  });
  if (policy.data_sources.tickets?.crew !== undefined && !mapped.has('crew')) {
    report({ code: 'crew-without-column', params: {}, path: ['data_sources', 'tickets', 'crew'], at: 'key' });
  }
  // A crew column no KPI credits is read by nothing: its members would go unassessed without a word.
  if (mapped.has('crew') && !policy.kpis.some((kpi) => kpi.credit === 'crew' && kpi.compute?.from !== 'metrics')) {
    report({ code: 'crew-not-credited', params: {}, path: ['data_sources', 'tickets', 'columns', 'crew'], at: 'key', severity: 'warning' });
  }
};
