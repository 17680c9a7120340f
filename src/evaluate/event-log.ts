// Event logs (ServiceNow, Jira: a row per update of a ticket) collapsed into one row per
// ticket, in front of the ticket evaluator, so that attribution, KPIs, warnings, ticket
// lists and appeals read a collapsed row as they read any other. Each ticket's rows are
// ordered by `order_by` (file order when unset; ties keep file order), and every column the
// evaluator reads takes the value of the ticket's last (or first) row, a field may take the
// other end, or a column of the first row where a condition held (first_when), and on-hold
// intervals (a row meeting `on_hold_when` to the next row not meeting it, timed by `at`)
// become the synthetic column `events.on_hold` in seconds. It is reduced while the file is
// read: memory grows with tickets × the columns the evaluator reads (and, with on_hold_when,
// with three numbers per row), never with the text of the rows. A value keeps the row it came
// from, and warnings about it name that row (WarningSink.rowOf). Pure: the reader feeds it.
import { AspmError, type SourceLocation } from '../errors.js';
import type { EventLog, Filter } from '../policy/policy.generated.js';
import { isBlank, readBoolean, readNumber, readTimestamp, type Cell } from '../tables/parse-value.js';
import { CellsRow, type RowView } from '../tables/row-view.js';
import type { ZoneClock } from '../tables/time-zone.js';
import { ByteKeyTable } from '../tables/byte-key-table.js';
import { detach } from '../tables/id-set.js';
import { matchColumns, type ColumnBinding, type ColumnMap } from './columns.js';
import { isNullMarker } from './ticket-fields.js';
import type { WarningSink } from './warnings.js';
import type { WorkingCalendar } from './working-calendar.js';

/** The synthetic column of a first_when field (a name no export uses: normalised, `eventsfirstresponseat`). */
export function eventFieldHeader(field: string): string {
  return `events.${field}`;
}

/** The synthetic column of the on-hold seconds. */
export const ON_HOLD_HEADER = eventFieldHeader('on_hold');

/**
 * The column map the evaluator reads a collapsed row with: the policy's, with each
 * first_when field on its synthetic column, and on_hold on the on-hold seconds unless the
 * policy maps on_hold itself (the object form is the durations mapping: a number of seconds).
 */
export function eventLogColumnMap(events: EventLog, map: ColumnMap | undefined): ColumnMap {
  const out: Record<string, unknown> = { ...map };
  for (const [field, how] of Object.entries(events.fields ?? {})) if (typeof how === 'object') out[field] = eventFieldHeader(field);
  if (events.on_hold_when && out.on_hold === undefined) out.on_hold = { column: ON_HOLD_HEADER, duration: 'seconds' };
  return out as ColumnMap;
}

/** What the collapsed rows are fed to: the ticket evaluator, which says which columns it bound. */
export interface CollapsedRowsHandler {
  /** How many known fields a candidate header row names (the reader finds the header by it). */
  score(headers: readonly string[]): number;
  header(headers: readonly string[], row: number): void;
  row(cells: readonly Cell[], row: number): void;
  rowView?(view: RowView, row: number): void;
  dateSystem?(date1904: boolean): void;
  /** Field → the column(s) it is read from (known after `header`). */
  readonly columnBindings: ReadonlyMap<string, ColumnBinding>;
}

export interface EventLogOptions {
  readonly events: EventLog;
  /** The policy's column map (not eventLogColumnMap's). */
  readonly map: ColumnMap | undefined;
  readonly clock: ZoneClock;
  readonly file: string;
  readonly warnings: WarningSink;
  /** Where a path of the policy is (for errors about a column the file does not have). */
  readonly locate?: (path: readonly (string | number)[]) => SourceLocation;
  /**
   * Set when durations count business hours: time on hold is then measured on the same
   * clock as the resolution time it comes off (a weekend on hold is not 48 hours off two
   * working hours).
   */
  readonly calendar?: WorkingCalendar;
}

export interface EventLogCounts {
  /** Data rows read. */
  readonly rows: number;
  /** Tickets (rows handed on, one per ticket id). */
  readonly tickets: number;
  /** Rows folded into another row of their ticket. */
  readonly folded: number;
  /** Rows left out with a warning (an order that could not be read). */
  readonly skipped: number;
}

type Test = (view: RowView) => boolean;

function textKey(value: string | number | boolean): string {
  return String(value).normalize('NFKC').trim().toLowerCase();
}

/** The entry of a cell's (trimmed) text in `table`, by its bytes when the view has them (no string made); -1 if absent. */
function findCell(table: ByteKeyTable, view: RowView, column: number): number {
  if (view.bytesOf(column, true)) return table.find(view.bytes, view.keyStart, view.keyEnd);
  return table.findText(view.text(column));
}

function insertCell(table: ByteKeyTable, view: RowView, column: number, value: number): void {
  if (view.bytesOf(column, true)) table.insert(view.bytes, view.keyStart, view.keyEnd, value);
  else table.insertText(view.text(column), value);
}

/** Distinct cell texts whose answer a test remembers (states, names: a log repeats a few values). */
const REMEMBERED = 4096;

/**
 * A filter of the policy's shape on one column of a row, read as the evaluator's filters
 * read text; a placeholder (`?`, `-`) is blank, as it is for a person or a time. The answer
 * depends on the cell's text alone, so it is remembered per text: a log of a million rows
 * holds a handful of states, and normalising each again was a tenth of the reading.
 */
function compileTest(filter: Filter, column: number): Test {
  const equalsText = filter.equals !== undefined && typeof filter.equals !== 'boolean' ? textKey(filter.equals) : undefined;
  const inTexts = filter.in?.map(textKey);
  const numeric = filter.min !== undefined || filter.max !== undefined;
  const answer = (text: string): boolean => {
    const blank = text === '' || isNullMarker(text);
    if (filter.present !== undefined && blank === filter.present) return false;
    if (filter.equals === undefined && filter.in === undefined && !numeric) return true;
    if (blank) return typeof filter.equals === 'boolean' && !filter.equals;
    if (typeof filter.equals === 'boolean') {
      if (readBoolean(text) !== (filter.equals ? 1 : 0)) return false;
    } else if (equalsText !== undefined || inTexts) {
      const key = textKey(text);
      if (equalsText !== undefined && key !== equalsText) return false;
      if (inTexts && !inTexts.includes(key)) return false;
    }
    if (numeric) {
      const n = readNumber(text);
      if (n !== n || (filter.min !== undefined && n < filter.min) || (filter.max !== undefined && n > filter.max)) return false;
    }
    return true;
  };
  const known = new ByteKeyTable();
  return (view) => {
    const entry = findCell(known, view, column);
    if (entry !== -1) return known.value(entry) === 1;
    const yes = answer(view.text(column));
    if (known.size < REMEMBERED) insertCell(known, view, column, yes ? 1 : 0);
    return yes;
  };
}

function allOf(tests: readonly Test[]): Test {
  return (view) => {
    for (const t of tests) if (!t(view)) return false;
    return true;
  };
}

/** Distinct times remembered: a month has 44,640 minutes, and logs write times to the minute. */
const TIMES_REMEMBERED = 65_536;

/**
 * Times of every row (order_by, at) read once per distinct text: a log repeats its minutes
 * over and over, and reading a day-first time was a tenth of the whole run.
 */
class TimeReader {
  private readonly known = new ByteKeyTable();
  private readonly values: number[] = [];

  constructor(private readonly clock: ZoneClock) {}

  read(view: RowView, column: number, date1904: boolean): number {
    const entry = findCell(this.known, view, column);
    if (entry !== -1) return this.values[this.known.value(entry)]!;
    const value = view.timestamp(column, this.clock, date1904);
    if (this.values.length < TIMES_REMEMBERED) {
      insertCell(this.known, view, column, this.values.length);
      this.values.push(value);
    }
    return value;
  }
}

/** A group of columns that take their values from the same row of a ticket. */
interface Group {
  /** 'last' keeps the latest row in order, 'first' the earliest, 'when' the earliest meeting `test`. */
  readonly take: 'first' | 'last' | 'when';
  readonly test: Test | undefined;
  /** File columns stored, and where (offset in a ticket's cells). */
  readonly columns: number[];
  readonly offset: number;
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(array: T, need: number, fill = 0): T {
  if (need <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(need, array.length * 2, 1024));
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

export class EventLogCollapser {
  private readonly events: EventLog;
  private headers: readonly string[] = [];
  private extended: string[] = [];
  private idColumn = -1;
  private orderColumn = -1;
  private atColumn = -1;
  private holdTest: Test | undefined;
  private groups: Group[] = [];
  /** Cells stored per ticket. */
  private width = 0;
  /** Extended column → [group, offset in the ticket's cells] (−1: not stored). */
  private sourceGroup: Int32Array = new Int32Array(0);
  private sourceOffset: Int32Array = new Int32Array(0);
  /** Header (as the evaluator names it in warnings) → extended column. */
  private columnOfHeader = new Map<string, number>();
  private resolvedColumn = -1;
  private date1904 = false;
  private readonly cellsRow = new CellsRow();
  private readonly times: TimeReader;
  /** Set while a row of cells (not a view of bytes, whose texts are made afresh) is read. */
  private copyCells = false;

  /** Ticket id → its index, by the id's bytes (a string per row was the largest cost of a million-row log). */
  private readonly ids = new ByteKeyTable();
  private tickets = 0;
  /** Per ticket and group: the order key and row of the value kept (row 0: none yet). */
  private keys = new Float64Array(0);
  private rowsOf = new Int32Array(0);
  private cells: Cell[] = [];
  /** On-hold events: a list per ticket (head, next), with order, row, time and whether on hold. */
  private head = new Int32Array(0);
  private next = new Int32Array(0);
  private eventKey = new Float64Array(0);
  private eventRow = new Int32Array(0);
  private eventAt = new Float64Array(0);
  private eventHold = new Uint8Array(0);
  private eventCount = 0;

  private rows = 0;
  private skipped = 0;
  private passed = 0;

  constructor(
    private readonly options: EventLogOptions,
    private readonly downstream: CollapsedRowsHandler,
  ) {
    this.events = options.events;
    this.times = new TimeReader(options.clock);
  }

  score(headers: readonly string[]): number {
    return this.downstream.score(headers);
  }

  dateSystem(date1904: boolean): void {
    this.date1904 = date1904;
    this.downstream.dateSystem?.(date1904);
  }

  private missing(key: string, name: string, path: readonly (string | number)[]): AspmError {
    const { file, locate } = this.options;
    return new AspmError('events-column-missing', { file, key, name, found: this.headers.filter((h) => h !== '') }, { location: locate ? locate(['data_sources', 'tickets', 'events', ...path]) : { file } });
  }

  /** The file column of a column or field the policy names (as the evaluator binds it, else its header), or an error. */
  private columnOf(name: string, key: string, path: readonly (string | number)[]): number {
    const bound = this.downstream.columnBindings.get(name);
    if (bound && bound.columns.length === 1 && bound.columns[0]! < this.headers.length) return bound.columns[0]!;
    const found = matchColumns(this.headers, 'tickets', [name], this.options.map).bindings.get(name);
    if (!found) throw this.missing(key, name, path);
    return found.columns[0]!;
  }

  private conditions(filters: readonly Filter[], path: readonly (string | number)[]): Test {
    return allOf(filters.map((f, i) => compileTest(f, this.columnOf(f.field, 'field', [...path, i, 'field']))));
  }

  header(headers: readonly string[], row: number): void {
    const events = this.events;
    this.headers = headers;
    const synthetic = Object.entries(events.fields ?? {}).filter(([, how]) => typeof how === 'object').map(([field]) => eventFieldHeader(field));
    if (events.on_hold_when) synthetic.push(ON_HOLD_HEADER);
    this.extended = [...headers, ...synthetic];
    this.downstream.header(this.extended, row);
    const bindings = this.downstream.columnBindings;
    const idColumn = bindings.get('ticket_id')?.columns[0];
    if (idColumn === undefined) throw new AspmError('events-no-id-column', { file: this.options.file, found: headers.filter((h) => h !== '') }, { location: { file: this.options.file } });
    this.idColumn = idColumn;
    if (events.order_by !== undefined) this.orderColumn = this.columnOf(events.order_by, 'order_by', ['order_by']);
    if (events.on_hold_when) {
      if (events.at !== undefined) this.atColumn = this.columnOf(events.at, 'at', ['at']);
      this.holdTest = this.conditions(events.on_hold_when, ['on_hold_when']);
    }

    // Which row each column the evaluator reads takes its value from.
    const take = events.take ?? 'last';
    const other = take === 'last' ? 'first' : 'last';
    const byField = new Map<number, 'first' | 'last'>();
    for (const [field, how] of Object.entries(events.fields ?? {})) {
      if (typeof how !== 'string') continue;
      for (const c of bindings.get(field)?.columns ?? []) if (c < headers.length) byField.set(c, how);
    }
    const read = new Set<number>();
    for (const b of bindings.values()) for (const c of b.columns) if (c < headers.length) read.add(c);
    const sorted = [...read].sort((a, b) => a - b);
    const main = sorted.filter((c) => (byField.get(c) ?? take) === take);
    const opposite = sorted.filter((c) => (byField.get(c) ?? take) === other);
    let offset = 0;
    const groups: Group[] = [{ take, test: undefined, columns: main, offset }];
    offset += main.length;
    if (opposite.length > 0) {
      groups.push({ take: other, test: undefined, columns: opposite, offset });
      offset += opposite.length;
    }
    const sourceGroup = new Int32Array(this.extended.length).fill(-1);
    const sourceOffset = new Int32Array(this.extended.length).fill(-1);
    groups.forEach((g, gi) =>
      g.columns.forEach((c, k) => {
        sourceGroup[c] = gi;
        sourceOffset[c] = g.offset + k;
      }),
    );
    for (const [field, how] of Object.entries(events.fields ?? {})) {
      if (typeof how !== 'object') continue;
      const path = ['fields', field];
      // A missing value is a policy error (rules/event-log.ts); a field without one has no value.
      const value = how.value === undefined ? -1 : this.columnOf(how.value, 'value', [...path, 'value']);
      const test = this.conditions(how.first_when, [...path, 'first_when']);
      const at = this.extended.indexOf(eventFieldHeader(field));
      sourceGroup[at] = groups.length;
      sourceOffset[at] = value === -1 ? -1 : offset;
      groups.push({ take: 'when', test, columns: value === -1 ? [] : [value], offset });
      if (value !== -1) offset++;
    }
    if (events.on_hold_when) sourceGroup[this.extended.indexOf(ON_HOLD_HEADER)] = 0;
    this.groups = groups;
    this.width = offset;
    this.sourceGroup = sourceGroup;
    this.sourceOffset = sourceOffset;
    this.columnOfHeader = new Map(this.extended.map((h, i) => [h, i]));
    for (const b of bindings.values()) this.columnOfHeader.set(b.headers.join(' + '), b.columns[0]!);
    const resolved = bindings.get('resolved_at');
    this.resolvedColumn = resolved && resolved.columns.length === 1 ? resolved.columns[0]! : -1;
  }

  /** The order of a row among its ticket's: a number, else a time; NaN when neither. */
  private orderKey(view: RowView, row: number): number {
    if (this.orderColumn === -1) return row;
    const n = view.number(this.orderColumn);
    if (n === n) return n;
    return this.times.read(view, this.orderColumn, this.date1904);
  }

  row(cells: readonly Cell[], row: number): void {
    // Cells a reader delivered may be cut from a larger text (a shared string, a line): copied when kept.
    this.copyCells = true;
    this.rowView(this.cellsRow.reset(cells), row);
    this.copyCells = false;
  }


  rowView(view: RowView, row: number): void {
    this.rows++;
    const idColumn = this.idColumn;
    const bytes = view.bytesOf(idColumn, true);
    if (bytes ? view.keyStart === view.keyEnd : view.text(idColumn) === '') {
      // Nothing to group it with: the evaluator says so, at its row.
      this.passed++;
      if (this.downstream.rowView) this.downstream.rowView(view, row);
      else this.downstream.row(view.cells(), row);
      return;
    }
    const key = this.orderKey(view, row);
    if (!Number.isFinite(key)) {
      const column = this.headers[this.orderColumn] ?? '';
      this.options.warnings.add('event-order-unreadable', { value: view.text(this.orderColumn) }, { file: this.options.file, row, column });
      this.skipped++;
      return;
    }
    const found = findCell(this.ids, view, idColumn);
    let t = found === -1 ? -1 : this.ids.value(found);
    const G = this.groups.length;
    if (t === -1) {
      t = this.tickets++;
      insertCell(this.ids, view, idColumn, t);
      this.keys = grow(this.keys, this.tickets * G);
      this.rowsOf = grow(this.rowsOf, this.tickets * G);
      if (this.holdTest) this.head = grow(this.head, this.tickets, -1);
      for (let k = 0; k < this.width; k++) this.cells.push(undefined);
    }
    const base = t * G;
    for (let g = 0; g < G; g++) {
      const group = this.groups[g]!;
      const at = base + g;
      const kept = this.rowsOf[at]!;
      const take = group.take;
      if (kept !== 0 && (take === 'last' ? key < this.keys[at]! : key >= this.keys[at]!)) continue;
      if (take === 'when' && !group.test!(view)) continue;
      this.keys[at] = key;
      this.rowsOf[at] = row;
      const cellBase = t * this.width + group.offset;
      const columns = group.columns;
      for (let k = 0; k < columns.length; k++) {
        const c = columns[k]!;
        // The id is the same on every row of the ticket: kept once.
        if (c === this.idColumn && kept !== 0) continue;
        const cell = view.cell(c);
        this.cells[cellBase + k] = this.copyCells && typeof cell === 'string' ? detach(cell) : cell;
      }
    }
    if (this.holdTest) this.noteHold(view, row, t, key);
  }

  private noteHold(view: RowView, row: number, t: number, key: number): void {
    if (this.atColumn === -1) return;
    const at = this.times.read(view, this.atColumn, this.date1904);
    if (!Number.isFinite(at)) {
      this.options.warnings.add('event-time-unreadable', { value: view.text(this.atColumn) }, { file: this.options.file, row, column: this.headers[this.atColumn] ?? '' });
      return;
    }
    const e = this.eventCount++;
    this.next = grow(this.next, this.eventCount);
    this.eventKey = grow(this.eventKey, this.eventCount);
    this.eventRow = grow(this.eventRow, this.eventCount);
    this.eventAt = grow(this.eventAt, this.eventCount);
    this.eventHold = grow(this.eventHold, this.eventCount);
    this.next[e] = this.head[t]!;
    this.head[t] = e;
    this.eventKey[e] = key;
    this.eventRow[e] = row;
    this.eventAt[e] = at;
    this.eventHold[e] = this.holdTest!(view) ? 1 : 0;
  }

  /**
   * Seconds on hold: from each row meeting on_hold_when to the next row (in order) that does
   * not. An interval still open at the ticket's last row lasts until its resolution time when
   * it has one, and is not counted when it has none: the ticket is still open, and on-hold
   * time only shortens a resolution.
   */
  private onHoldSeconds(t: number, resolved: number): number {
    const list: number[] = [];
    for (let e = this.head[t]!; e !== -1; e = this.next[e]!) list.push(e);
    list.sort((a, b) => this.eventKey[a]! - this.eventKey[b]! || this.eventRow[a]! - this.eventRow[b]!);
    let start = NaN;
    let total = 0;
    for (const e of list) {
      const at = this.eventAt[e]!;
      if (this.eventHold[e] === 1) {
        if (start !== start) start = at;
      } else if (start === start) {
        total += this.span(start, at);
        start = NaN;
      }
    }
    if (start === start && Number.isFinite(resolved)) total += this.span(start, resolved);
    return total / 1000;
  }

  /** An on-hold spell (ms), on the clock durations are measured on. */
  private span(from: number, to: number): number {
    if (!(to > from)) return 0;
    const calendar = this.options.calendar;
    return calendar ? calendar.workingMsBetween(from, to) : to - from;
  }

  /** Hands each ticket's collapsed row to the evaluator, in the order tickets first appeared. */
  finish(): EventLogCounts {
    const { warnings, clock } = this.options;
    const G = this.groups.length;
    const out: Cell[] = new Array<Cell>(this.extended.length);
    const onHold = this.events.on_hold_when ? this.extended.indexOf(ON_HOLD_HEADER) : -1;
    let t = 0;
    // A warning about a collapsed cell names the row the value came from.
    warnings.rowOf = (row, column) => {
      if (column === undefined) return row;
      const c = this.columnOfHeader.get(column);
      const g = c === undefined ? -1 : this.sourceGroup[c]!;
      return g === -1 ? row : this.rowsOf[t * G + g] || row;
    };
    try {
      for (; t < this.tickets; t++) {
        const cellBase = t * this.width;
        for (let c = 0; c < out.length; c++) {
          const k = this.sourceOffset[c]!;
          out[c] = k === -1 ? undefined : this.cells[cellBase + k];
        }
        if (onHold !== -1) {
          const resolved = this.resolvedColumn === -1 || isBlank(out[this.resolvedColumn]) ? NaN : readTimestamp(out[this.resolvedColumn], clock, this.date1904);
          out[onHold] = this.onHoldSeconds(t, resolved);
        }
        this.downstream.row(out, this.rowsOf[t * G]!);
      }
    } finally {
      warnings.rowOf = undefined;
    }
    this.cells = [];
    return { rows: this.rows, tickets: this.tickets, folded: this.rows - this.tickets - this.skipped - this.passed, skipped: this.skipped };
  }
}
