// The event-log stage alone: rows of a log in, one collapsed row per ticket out, checked
// against values read off the small logs by hand (the row each value must come from, the
// on-hold seconds counted on the clock face).
import { describe, expect, it } from 'vitest';
import { AspmError } from '../errors.js';
import type { EventLog, Filter } from '../policy/policy.generated.js';
import type { Cell } from '../tables/parse-value.js';
import { zoneClock } from '../tables/time-zone.js';
import { matchColumns, type ColumnBinding, type ColumnMap } from './columns.js';
import { EventLogCollapser, eventLogColumnMap, ON_HOLD_HEADER, type CollapsedRowsHandler } from './event-log.js';
import { WarningSink } from './warnings.js';
import { buildWorkingCalendar, type WorkingCalendar } from './working-calendar.js';

// Not on_hold: its mapping is the durations form, which the column matcher reads once that lands.
const FIELDS = ['ticket_id', 'staff_name', 'created_at', 'first_response_at', 'resolved_at'];

/** Stands in for the ticket evaluator: binds the fields it is asked for, records the rows it gets. */
class Recorder implements CollapsedRowsHandler {
  columnBindings: ReadonlyMap<string, ColumnBinding> = new Map();
  headers: string[] = [];
  readonly rows: { cells: Cell[]; row: number }[] = [];
  /** A warning to give while a row is handed over (as the evaluator would about a bad value). */
  warnAbout: string | undefined;

  constructor(
    private readonly map: ColumnMap,
    private readonly warnings: WarningSink,
  ) {}

  score(): number {
    return 1;
  }

  header(headers: readonly string[]): void {
    this.headers = [...headers];
    this.columnBindings = matchColumns(headers, 'tickets', FIELDS, this.map).bindings;
  }

  row(cells: readonly Cell[], row: number): void {
    this.rows.push({ cells: [...cells], row });
    if (this.warnAbout !== undefined) this.warnings.add('value-unreadable-time', { value: 'x', kpis: [] }, { file: 'log.csv', row, column: this.warnAbout });
  }

  /** Each collapsed row as header → cell, with the row number it was handed over with. */
  tickets(): Record<string, Cell>[] {
    return this.rows.map(({ cells, row }) => ({ ...Object.fromEntries(this.headers.map((h, i) => [h, cells[i]])), row }));
  }
}

const MAP: ColumnMap = { ticket_id: 'number', staff_name: 'assigned_to', created_at: 'opened_at', resolved_at: 'resolved_at' };

function collapse(events: Partial<EventLog>, lines: readonly string[], setup?: (r: Recorder) => void, calendar?: WorkingCalendar) {
  const warnings = new WarningSink();
  const full: EventLog = { take: 'last', ...events };
  const recorder = new Recorder(eventLogColumnMap(full, MAP), warnings);
  setup?.(recorder);
  const stage = new EventLogCollapser({ events: full, map: MAP, clock: zoneClock('UTC'), file: 'log.csv', warnings, locate: (path) => ({ file: 'policy.yaml', line: 40, col: path.length }), ...(calendar ? { calendar } : {}) }, recorder);
  const [head, ...rows] = lines.map((l) => l.split(','));
  stage.header(head!, 1);
  rows.forEach((cells, i) => stage.row(cells, i + 2));
  const counts = stage.finish();
  return { tickets: recorder.tickets(), counts, warnings: warnings.items };
}

const HEAD = 'number,incident_state,sys_mod_count,sys_updated_at,assigned_to,opened_at,resolved_at';

describe('the order of a ticket’s rows', () => {
  // INC1's rows are listed out of order: by sys_mod_count, row 3 (count 0) comes first and row 2 (count 2) last.
  const log = [
    HEAD,
    'INC1,Resolved,2,29-02-2016 09:00,Alice,29-02-2016 08:00,29-02-2016 09:00',
    'INC1,New,0,29-02-2016 08:00,?,29-02-2016 08:00,?',
    'INC2,New,0,01-03-2016 10:00,?,01-03-2016 10:00,?',
    'INC1,Active,1,29-02-2016 08:30,Bob,29-02-2016 08:00,?',
  ];

  it('orders by a number column: last takes the highest count, first the lowest, whatever the file order', () => {
    const last = collapse({ order_by: 'sys_mod_count' }, log);
    expect(last.tickets.map((t) => [t.number, t.assigned_to, t.resolved_at, t.row])).toEqual([
      ['INC1', 'Alice', '29-02-2016 09:00', 2],
      ['INC2', '?', '?', 4],
    ]);
    // Only the columns the evaluator reads are kept: the state is not one of them.
    expect(last.tickets[0]!.incident_state).toBeUndefined();
    const first = collapse({ order_by: 'sys_mod_count', take: 'first' }, log);
    expect(first.tickets.map((t) => [t.number, t.assigned_to, t.resolved_at, t.row])).toEqual([
      ['INC1', '?', '?', 3],
      ['INC2', '?', '?', 4],
    ]);
    // 4 rows: 2 tickets, 2 rows folded into INC1.
    expect(last.counts).toEqual({ rows: 4, tickets: 2, folded: 2, skipped: 0 });
  });

  it('without order_by the file order decides: the last row in the file', () => {
    const { tickets } = collapse({}, log);
    expect(tickets.map((t) => [t.assigned_to, t.row])).toEqual([
      ['Bob', 5],
      ['?', 4],
    ]);
  });

  it('orders by a time column read day-first (29-02-2016 08:30 after 29-02-2016 08:00)', () => {
    const { tickets } = collapse({ order_by: 'sys_updated_at' }, log);
    expect(tickets[0]).toMatchObject({ assigned_to: 'Alice', row: 2 });
    // Times across a month end: 01-03 is after 29-02.
    const across = collapse({ order_by: 'sys_updated_at' }, [HEAD, 'INC9,Resolved,5,01-03-2016 00:10,A,29-02-2016 23:00,01-03-2016 00:10', 'INC9,New,9,29-02-2016 23:50,?,29-02-2016 23:00,?']);
    expect(across.tickets[0]).toMatchObject({ assigned_to: 'A', row: 2 });
  });

  it('ties keep file order: last takes the later of two equal rows, first the earlier', () => {
    const tied = [HEAD, 'INC3,New,1,,Ann,,', 'INC3,Active,1,,Bob,,', 'INC3,Closed,0,,Cy,,'];
    expect(collapse({ order_by: 'sys_mod_count' }, tied).tickets[0]).toMatchObject({ assigned_to: 'Bob', row: 3 });
    expect(collapse({ order_by: 'sys_mod_count', take: 'first' }, tied).tickets[0]).toMatchObject({ assigned_to: 'Cy', row: 4 });
    const tiedFirst = [HEAD, 'INC3,New,0,,Ann,,', 'INC3,Active,0,,Bob,,', 'INC3,Closed,1,,Cy,,'];
    expect(collapse({ order_by: 'sys_mod_count', take: 'first' }, tiedFirst).tickets[0]).toMatchObject({ assigned_to: 'Ann', row: 2 });
    // The other end of the tie, per field: created_at first while the rest is last.
    const t = collapse({ order_by: 'sys_mod_count', fields: { created_at: 'first' } }, [HEAD, 'INC4,New,1,,?,C-first,', 'INC4,New,1,,?,C-second,', 'INC4,Active,2,,Ann,C-third,']);
    expect(t.tickets[0]).toMatchObject({ opened_at: 'C-first', assigned_to: 'Ann', row: 4 });
  });

  it('a row whose order cannot be read is left out with a warning at its row', () => {
    const { tickets, counts, warnings } = collapse({ order_by: 'sys_mod_count' }, [HEAD, 'INC5,New,0,,?,,', 'INC5,Active,n/a,,Ann,,', 'INC5,Active,1,,Bob,,']);
    expect(tickets[0]).toMatchObject({ assigned_to: 'Bob', row: 4 });
    expect(counts).toEqual({ rows: 3, tickets: 1, folded: 1, skipped: 1 });
    expect(warnings.map((w) => [w.code, w.location?.row, w.location?.column, w.params.value])).toEqual([['event-order-unreadable', 3, 'sys_mod_count', 'n/a']]);
  });

  it('a row without a ticket id is handed on as it is, for the evaluator to warn about', () => {
    const { tickets, counts } = collapse({}, [HEAD, ',New,0,,?,,', 'INC6,New,0,,?,,']);
    expect(tickets.map((t) => [t.number, t.row])).toEqual([
      ['', 2],
      ['INC6', 3],
    ]);
    expect(counts).toEqual({ rows: 2, tickets: 1, folded: 0, skipped: 0 });
  });
});

describe('first_when', () => {
  const policy = (first_when: Filter[]): Partial<EventLog> => ({
    order_by: 'sys_mod_count',
    fields: { first_response_at: { first_when, value: 'sys_updated_at' } },
  });

  it('takes the value column of the first row (in order) where the condition holds, and names that row', () => {
    // Active at counts 3 (row 2) and 1 (row 4): count 1 comes first, so 08:30 from row 4.
    const log = [HEAD, 'INC1,Active,3,29-02-2016 09:10,Bob,29-02-2016 08:00,?', 'INC1,New,0,29-02-2016 08:00,?,29-02-2016 08:00,?', 'INC1,Active,1,29-02-2016 08:30,Ann,29-02-2016 08:00,?'];
    const { tickets } = collapse(policy([{ field: 'incident_state', in: ['Active', 'Resolved'] }]), log, (r) => (r.warnAbout = 'events.first_response_at'));
    expect(tickets[0]).toMatchObject({ 'events.first_response_at': '29-02-2016 08:30', row: 2 });
    // The assignee set: the first row with a name, not `?`.
    const assigned = collapse(policy([{ field: 'assigned_to', present: true }]), log);
    expect(assigned.tickets[0]!['events.first_response_at']).toBe('29-02-2016 08:30');
  });

  it('a warning about the collapsed value names the file row it came from', () => {
    const log = [HEAD, 'INC1,Active,3,29-02-2016 09:10,Bob,29-02-2016 08:00,?', 'INC1,New,0,29-02-2016 08:00,?,29-02-2016 08:00,?', 'INC1,Active,1,29-02-2016 08:30,Ann,29-02-2016 08:00,?'];
    const result = collapse(policy([{ field: 'incident_state', equals: 'active' }]), log, (r) => (r.warnAbout = 'events.first_response_at'));
    // Handed over as row 2 (the last row by count), the value from row 4.
    expect(result.tickets[0]!.row).toBe(2);
    expect(result.warnings.map((w) => w.location?.row)).toEqual([4]);
    const byDefault = collapse(policy([{ field: 'incident_state', equals: 'active' }]), log, (r) => (r.warnAbout = 'assigned_to'));
    expect(byDefault.warnings.map((w) => w.location?.row)).toEqual([2]);
  });

  it('a condition that never holds leaves the field blank', () => {
    const { tickets } = collapse(policy([{ field: 'incident_state', equals: 'Active' }]), [HEAD, 'INC2,New,0,01-03-2016 10:00,?,01-03-2016 10:00,?', 'INC2,Closed,1,01-03-2016 11:00,Ann,01-03-2016 10:00,?']);
    expect(tickets[0]!['events.first_response_at']).toBeUndefined();
    expect(tickets[0]).toMatchObject({ assigned_to: 'Ann', row: 3 });
  });

  it('numbers: min and max on a column', () => {
    const { tickets } = collapse(policy([{ field: 'sys_mod_count', min: 2, max: 3 }]), [HEAD, 'INC1,New,4,T4,,,', 'INC1,New,1,T1,,,', 'INC1,New,3,T3,,,', 'INC1,New,2,T2,,,']);
    expect(tickets[0]!['events.first_response_at']).toBe('T2');
  });
});

describe('on-hold intervals', () => {
  const events: Partial<EventLog> = {
    order_by: 'sys_mod_count',
    on_hold_when: [{ field: 'incident_state', in: ['Awaiting User Info', 'Awaiting Vendor'] }],
    at: 'sys_updated_at',
  };
  const seconds = (log: string[]) => collapse(events, [HEAD, ...log]).tickets.map((t) => t[ON_HOLD_HEADER]);

  it('from a row on hold to the next row not on hold, summed over the intervals', () => {
    // Rows listed out of order. On hold 09:00 → 10:30 (90 min; the vendor row at 09:40 continues it), then 11:00 → 11:15 (15 min): 105 min.
    const log = [
      'INC1,Active,4,29-02-2016 11:00,A,,',
      'INC1,New,0,29-02-2016 08:00,A,,',
      'INC1,Awaiting User Info,1,29-02-2016 09:00,A,,',
      'INC1,Awaiting Vendor,2,29-02-2016 09:40,A,,',
      'INC1,Active,3,29-02-2016 10:30,A,,',
      'INC1,Awaiting User Info,5,29-02-2016 11:00,A,,',
      'INC1,Resolved,6,29-02-2016 11:15,A,,29-02-2016 11:15',
      'INC2,New,0,29-02-2016 08:00,A,,',
    ];
    expect(seconds(log)).toEqual([105 * 60, 0]);
  });

  it('an interval still open at the last row lasts until the resolution time, or is not counted when there is none', () => {
    // On hold from 10:00; resolved at 12:30 although the last row still says on hold: 150 min.
    const resolved = ['INC1,New,0,29-02-2016 09:00,A,,', 'INC1,Awaiting User Info,1,29-02-2016 10:00,A,,29-02-2016 12:30'];
    // Still open: the 09:20 → 09:50 interval counts (30 min), the one from 10:00 does not.
    const open = ['INC2,Awaiting User Info,0,29-02-2016 09:20,A,,?', 'INC2,Active,1,29-02-2016 09:50,A,,?', 'INC2,Awaiting Vendor,2,29-02-2016 10:00,A,,?'];
    expect(seconds([...resolved, ...open])).toEqual([150 * 60, 30 * 60]);
  });

  it('with durations in business hours, a spell on hold is measured in working time, as the resolution time it comes off', () => {
    // Friday 4 March 2016 17:30 → Monday 09:30 on hold: 64 hours, but 30 min of Friday (to 18:00) and 30 min of Monday (from 09:00).
    const log = [HEAD, 'INC1,New,0,04-03-2016 17:00,A,,', 'INC1,Awaiting User Info,1,04-03-2016 17:30,A,,', 'INC1,Active,2,07-03-2016 09:30,A,,', 'INC1,Resolved,3,07-03-2016 10:00,A,,07-03-2016 10:00'];
    const working = buildWorkingCalendar({ clock: zoneClock('UTC'), workingHours: [{ start: '09:00', end: '18:00' }], holidays: 'none' });
    expect(collapse(events, log, undefined, working).tickets[0]![ON_HOLD_HEADER]).toBe(60 * 60);
    expect(collapse(events, log).tickets[0]![ON_HOLD_HEADER]).toBe(64 * 3600);
  });

  it('a row whose update time cannot be read takes no part, with a warning', () => {
    const { tickets, warnings } = collapse(events, [HEAD, 'INC1,Awaiting User Info,0,29-02-2016 09:00,A,,', 'INC1,Active,1,never,A,,', 'INC1,Active,2,29-02-2016 09:45,A,,']);
    expect(tickets[0]![ON_HOLD_HEADER]).toBe(45 * 60);
    expect(warnings.map((w) => [w.code, w.location?.row, w.location?.column])).toEqual([['event-time-unreadable', 3, 'sys_updated_at']]);
  });

  it('supplies the on_hold mapping in seconds unless the policy maps on_hold', () => {
    expect(eventLogColumnMap({ take: 'last', on_hold_when: [{ field: 'x', present: true }], at: 't' }, MAP).on_hold).toEqual({ column: ON_HOLD_HEADER, duration: 'seconds' });
    expect(eventLogColumnMap({ take: 'last', on_hold_when: [{ field: 'x', present: true }], at: 't' }, { ...MAP, on_hold: 'Hold' }).on_hold).toBe('Hold');
    expect(eventLogColumnMap({ take: 'last' }, MAP).on_hold).toBeUndefined();
  });
});

describe('columns the file does not have', () => {
  it.each([
    ['order_by', { order_by: 'sys_mod' }, ['data_sources', 'tickets', 'events', 'order_by']],
    ['at', { on_hold_when: [{ field: 'incident_state', equals: 'x' }], at: 'updated' }, ['data_sources', 'tickets', 'events', 'at']],
    ['field', { on_hold_when: [{ field: 'state', equals: 'x' }], at: 'sys_updated_at' }, ['data_sources', 'tickets', 'events', 'on_hold_when', 0, 'field']],
    ['value', { fields: { first_response_at: { first_when: [{ field: 'incident_state', equals: 'Active' }], value: 'updated_on' } } }, ['data_sources', 'tickets', 'events', 'fields', 'first_response_at', 'value']],
  ] as const)('%s: an error naming the file, its columns and where the policy names it', (key, events, path) => {
    let located: readonly (string | number)[] = [];
    const warnings = new WarningSink();
    const full = { take: 'last', ...events } as EventLog;
    const stage = new EventLogCollapser({ events: full, map: MAP, clock: zoneClock('UTC'), file: 'log.csv', warnings, locate: (p) => ((located = p), { file: 'policy.yaml', line: 12, col: 5 }) }, new Recorder(eventLogColumnMap(full, MAP), warnings));
    let error: unknown;
    try {
      stage.header(HEAD.split(','), 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AspmError);
    expect(error).toMatchObject({ code: 'events-column-missing', params: { file: 'log.csv', key, found: HEAD.split(',') }, location: { file: 'policy.yaml', line: 12, col: 5 } });
    expect(located).toEqual(path);
  });
});
