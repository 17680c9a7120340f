// The filter compiler: a policy's `where` / `condition` filter (a field equal to, in, between,
// present) becomes a test of one row, bound once to the slot it reads. It reads fields only
// through ticket-fields.ts and never counts anything.
import { cellText, isBlank } from '../tables/parse-value.js';
import type { Filter } from '../policy/policy.generated.js';
import type { RowView } from '../tables/row-view.js';
import { BLANK, KIND_OF, type FieldKind, type TicketFields } from './ticket-fields.js';

/** 1: the row passes; 0: it does not; -1: its value could not be read (warned). */
export type FilterTest = (fields: TicketFields, view: RowView, row: number) => number;

function filterKind(fields: TicketFields, filter: Filter): FieldKind {
  const known = KIND_OF[filter.field];
  if (known === 'boolean' || typeof filter.equals === 'boolean') return 'boolean';
  if (filter.min !== undefined || filter.max !== undefined || typeof filter.equals === 'number') {
    return known === 'satisfaction' ? 'satisfaction' : fields.kindOf(filter.field) === 'duration' ? 'duration' : 'number';
  }
  return 'text';
}

function textKey(value: string | number | boolean): string {
  return String(value).normalize('NFKC').trim().toLowerCase();
}

/**
 * `durationMs`: ms per unit of the numbers a filter on a duration field gives (durations
 * are read in ms): the KPI's unit when it is a time, else seconds (kpi-plan.ts).
 */
export function compileFilter(fields: TicketFields, filter: Filter, kpi: string, durationMs = 1000): FilterTest {
  const kind = filterKind(fields, filter);
  const slot = fields.slotOf(filter.field, kind, kpi);
  const scale = kind === 'duration' ? durationMs : 1;
  const equalsText = filter.equals !== undefined && typeof filter.equals !== 'boolean' ? textKey(filter.equals) : undefined;
  const equalsNumber = filter.equals !== undefined && typeof filter.equals !== 'boolean' ? Number(filter.equals) * scale : NaN;
  const min = filter.min === undefined ? undefined : filter.min * scale;
  const max = filter.max === undefined ? undefined : filter.max * scale;
  const inTexts = filter.in?.map(textKey);
  const inNumbers = filter.in?.filter((v): v is number => typeof v === 'number').map((v) => v * scale);
  return (ev, view, row) => {
    const raw = ev.rawCell(view, slot);
    const blank = isBlank(raw);
    if (filter.present !== undefined && blank === filter.present) return 0;
    if (filter.equals === undefined && filter.in === undefined && filter.min === undefined && filter.max === undefined) return 1;
    if (kind === 'text') {
      if (blank) return 0;
      const text = textKey(cellText(raw));
      if (equalsText !== undefined && text !== equalsText) return 0;
      if (inTexts && !inTexts.includes(text)) return 0;
      return 1;
    }
    const value = ev.value(view, slot, row);
    if (value !== value) return -1;
    if (value === BLANK) return kind === 'boolean' && filter.equals === false ? 1 : 0;
    if (filter.equals !== undefined && (typeof filter.equals === 'boolean' ? value !== (filter.equals ? 1 : 0) : value !== equalsNumber)) return 0;
    if (inNumbers && inNumbers.length > 0 && !inNumbers.includes(value)) return 0;
    if (min !== undefined && value < min) return 0;
    if (max !== undefined && value > max) return 0;
    return 1;
  };
}
