// The object forms of `data_sources.tickets.columns` must fit the field they map: a duration
// is declared only on on-hold time and the policy's own fields (a time is a date and time,
// not a duration), `plus` and `first_of` derive times only, on-hold time says its unit, and
// a custom KPI over a duration field is in a unit of time.
import type { Rule } from '../../validation/load-document.js';
import type { Kpi, Policy } from '../policy.generated.js';
import { ON_HOLD, TICKET_OTHER_FIELDS, TICKET_TIME_FIELDS } from '../ticket-field-kinds.js';

const TIME_UNITS: ReadonlySet<Kpi['unit']> = new Set(['seconds', 'minutes', 'hours', 'days']);

export const columnMappings: Rule<Policy> = (policy, report) => {
  const columns = policy.data_sources.tickets?.columns ?? {};
  const path = (field: string, ...rest: string[]) => ['data_sources', 'tickets', 'columns', field, ...rest];
  const durations = new Set<string>();
  for (const [field, spec] of Object.entries(columns)) {
    const object = typeof spec === 'object' && !Array.isArray(spec) ? spec : undefined;
    const time = TICKET_TIME_FIELDS.has(field);
    // One schema holds the three object forms (one finding per mistake): which keys go together is said here.
    const shaped = object === undefined || (object.column !== undefined ? object.first_of === undefined : object.first_of !== undefined && object.duration === undefined && object.plus === undefined);
    if (!shaped) {
      report({ code: 'column-spec-shape', params: { field }, path: path(field), at: 'key' });
      continue;
    }
    if (object?.column !== undefined) {
      if (object.duration !== undefined && time) {
        report({ code: 'column-duration-on-time', params: { field, duration: object.duration }, path: path(field, 'duration'), at: 'key' });
      } else if (object.duration !== undefined && TICKET_OTHER_FIELDS.has(field)) {
        report({ code: 'column-duration-on-field', params: { field, duration: object.duration }, path: path(field, 'duration'), at: 'key' });
      } else if (object.duration !== undefined && object.plus === undefined) durations.add(field);
      if (object.plus !== undefined && !time) report({ code: 'column-plus-not-time', params: { field }, path: path(field, 'plus'), at: 'key' });
    }
    if (object?.first_of !== undefined && !time) report({ code: 'column-first-of-not-time', params: { field }, path: path(field, 'first_of'), at: 'key' });
    if (field === ON_HOLD && !(object?.column !== undefined && object.duration !== undefined && object.plus === undefined)) {
      report({ code: 'column-on-hold-needs-duration', params: { field }, path: path(field) });
    }
  }

  policy.kpis.forEach((kpi, k) => {
    const compute = kpi.compute;
    if (compute?.from !== 'tickets' || compute.field === undefined) return;
    if (durations.has(compute.field) && !TIME_UNITS.has(kpi.unit)) {
      report({ code: 'kpi-duration-unit', params: { id: kpi.id, field: compute.field, unit: kpi.unit }, path: ['kpis', k, 'unit'] });
    }
    if (TICKET_TIME_FIELDS.has(compute.field) && TIME_UNITS.has(kpi.unit)) {
      report({ code: 'kpi-time-field', params: { id: kpi.id, field: compute.field, unit: kpi.unit }, path: ['kpis', k, 'compute', 'field'] });
    }
  });
};
