// Reading a ticket's fields: each field a KPI needs is a slot bound to its column(s), read
// from a row at most once (cached until the next row) as a number — an instant, 0/1, a
// score, an amount, a duration — or BLANK, or NaN after one warning naming file, row,
// column and value. A time may be derived: the first non-blank of several columns, or a
// time plus a duration; its warnings name the column that held the value.
// A column whose values mostly do not fit its field becomes one message at the end. It
// never decides what a value counts for: that is ticket-contribution.ts.
import type { MessageCode } from '../i18n/catalogue.js';
import { detach } from '../tables/id-set.js';
import { cellText, explainTimestamp, isBlank, readBoolean, readDatePart, readDuration, readTimeOfDay, type Cell, type DurationUnit } from '../tables/parse-value.js';
import type { RowView } from '../tables/row-view.js';
import type { ZoneClock } from '../tables/time-zone.js';
import type { ColumnBinding } from './columns.js';
import type { WarningSink } from './warnings.js';

/**
 * `duration`: a field the policy declares a duration (`{ column, duration }`), held in
 * milliseconds like the times, so that a time plus a duration and a span less on-hold time
 * need no conversion; a KPI converts to its own unit (compile-measures.ts).
 */
export type FieldKind = 'time' | 'boolean' | 'number' | 'satisfaction' | 'text' | 'duration';

/** How a time slot is derived (FieldSlot.derive). */
const PLAIN = 0;
const FIRST_OF = 1;
const PLUS = 2;

export const KIND_OF: Readonly<Record<string, FieldKind>> = {
  created_at: 'time',
  first_response_at: 'time',
  resolved_at: 'time',
  promised_at: 'time',
  arrived_at: 'time',
  reopened: 'boolean',
  revisit: 'boolean',
  complaint: 'boolean',
  satisfaction: 'satisfaction',
  cost: 'number',
};

/** A value not given (a blank cell): distinct from NaN, a value that could not be read. */
export const BLANK = -Infinity;

export interface FieldSlot {
  readonly name: string;
  readonly kind: FieldKind;
  readonly columns: readonly number[];
  readonly header: string;
  /** Names of the KPIs that need this field, for warnings. */
  kpis: string[];
  /** Whether the policy's column map chose the column. */
  readonly mapped: boolean;
  /** Values read that fit the field, and values that did not (each warned about, by code). */
  fit: number;
  unfit: number;
  readonly unfitCodes: Map<MessageCode, number>;
  /** The first few values that did not fit, for the message about the whole column. */
  readonly examples: { row: number; value: string }[];
  /** The first few times or durations in a number field (made on the first), kept apart: they get a message of their own. */
  timeExamples?: { row: number; value: string }[];
  /** A duration: how its column is written. */
  readonly duration: DurationUnit | undefined;
  /** A time: PLAIN, FIRST_OF (the first non-blank of `columns`) or PLUS (`columns` plus the duration in `plusColumn`). */
  readonly derive: number;
  readonly headers: readonly string[];
  readonly plusColumn: number;
  readonly plusDuration: DurationUnit | undefined;
  readonly plusHeader: string;
  /** Columns other than `header` that its warnings named (a derived time's), for the message about the whole column. */
  readonly warnedColumns: Set<string>;
  /** Values that did not fit and were warned about under `header` itself. */
  ownUnfit: number;
}

/** A column with at least this many values that do not fit, and more than fit, is one message, not one per row. */
const COLUMN_MESSAGE_AT = 3;
const COLUMN_EXAMPLES = 3;

/**
 * A time of day or a duration written as a clock (`0:03:40`, `00:02:23`, `26:03:40`,
 * `9:05 PM`), as an Excel time cell reaches the row (tables/xlsx-number-format.ts): in a
 * number field, a column that needs declaring as a duration, not a typo.
 */
const CLOCK_TEXT = /^-?\d+:[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?(?:\s*[ap]\.?m\.?)?$/i;

/** A cell of punctuation or symbols only (`?`, `-`, `—`, `/`): a null marker. */
export function isNullMarker(text: string): boolean {
  return /^[\p{P}\p{S}\s]+$/u.test(text);
}

export interface TicketFieldsOptions {
  readonly clock: ZoneClock;
  readonly file: string;
  readonly warnings: WarningSink;
  readonly satisfactionMin: number;
  readonly satisfactionMax: number;
}

export class TicketFields {
  readonly slots: FieldSlot[] = [];
  date1904 = false;
  /** Slots of created_at and resolved_at read as times (-1: no such slot); set by `seal`. */
  createdSlot = -1;
  resolvedSlot = -1;
  // Per-row cache of parsed fields: a slot's value is current when its stamp is the row's generation.
  private cache = new Float64Array(0);
  private stamp = new Int32Array(0);
  private generation = 0;
  private warnedStamp = new Int32Array(0);
  private bindings: ReadonlyMap<string, ColumnBinding> = new Map();

  constructor(private readonly options: TicketFieldsOptions) {}

  bind(bindings: ReadonlyMap<string, ColumnBinding>): void {
    this.bindings = bindings;
  }

  /** How a field is read: a duration when the policy declares it one, else by its name (a number when unknown). */
  kindOf(name: string): FieldKind {
    return this.bindings.get(name)?.duration !== undefined ? 'duration' : (KIND_OF[name] ?? 'number');
  }

  /** The slot of a field read as `kind` (made on first use), naming `kpi` (unless '') in its warnings; -1 when the file lacks the field. */
  slotOf(name: string, kind: FieldKind, kpi: string): number {
    let index = this.slots.findIndex((s) => s.name === name && s.kind === kind);
    if (index === -1) {
      const binding = this.bindings.get(name);
      // A duration needs its unit (the policy rules require one wherever `duration` is read).
      if (!binding || (kind === 'duration' && binding.duration === undefined)) return -1;
      index = this.slots.length;
      const derive = kind !== 'time' ? PLAIN : binding.plus ? PLUS : binding.firstOf ? FIRST_OF : PLAIN;
      this.slots.push({
        name,
        kind,
        columns: binding.columns,
        header: binding.headers.join(derive === FIRST_OF ? ' | ' : ' + '),
        kpis: [],
        mapped: binding.mapped,
        fit: 0,
        unfit: 0,
        unfitCodes: new Map(),
        examples: [],
        duration: kind === 'duration' ? binding.duration : undefined,
        derive,
        headers: binding.headers,
        plusColumn: derive === PLUS ? binding.plus!.column : -1,
        plusDuration: derive === PLUS ? binding.plus!.duration : undefined,
        plusHeader: derive === PLUS ? binding.plus!.header : '',
        warnedColumns: new Set(),
        ownUnfit: 0,
      });
    }
    const slot = this.slots[index]!;
    if (kpi !== '' && !slot.kpis.includes(kpi)) slot.kpis.push(kpi);
    return index;
  }

  /** Call once every slot is made. */
  seal(): void {
    this.createdSlot = this.slots.findIndex((s) => s.name === 'created_at' && s.kind === 'time');
    this.resolvedSlot = this.slots.findIndex((s) => s.name === 'resolved_at' && s.kind === 'time');
    this.cache = new Float64Array(this.slots.length);
    this.stamp = new Int32Array(this.slots.length);
    this.warnedStamp = new Int32Array(this.slots.length);
  }

  /** Forgets the values of the previous row. */
  nextRow(): void {
    this.generation++;
  }

  /** A field's value for this row: a number, BLANK, or NaN (unreadable; warned once). */
  value(view: RowView, slotIndex: number, row: number): number {
    // Small, so that it is inlined where a KPI asks for a field the row has read already.
    return this.stamp[slotIndex] === this.generation ? this.cache[slotIndex]! : this.read(view, slotIndex, row);
  }

  /** The cell (or first of two cells) of a slot. */
  rawCell(view: RowView, slot: number): Cell {
    return view.cell(this.slots[slot]!.columns[0]!);
  }

  /**
   * The warning for a time in `toSlot` before the creation time, at most once per row and
   * slot, naming the KPIs that need the field.
   */
  warnBeforeCreation(view: RowView, row: number, toSlot: number): void {
    if (this.warnedStamp[toSlot] === this.generation) return;
    this.warnedStamp[toSlot] = this.generation;
    const slot = this.slots[toSlot]!;
    const createdCells = this.slots[this.createdSlot]!.columns.map((col) => view.text(col)).join(' ');
    this.warn('time-before-creation', slot, row, slot.columns.map((col) => view.text(col)).join(' '), { created: createdCells });
  }

  /**
   * On-hold time longer than the span it is taken from (created to resolved): the span
   * counts as 0, said once per row.
   */
  warnOnHoldExceeds(view: RowView, at: number, holdSlot: number, span: number): void {
    if (this.warnedStamp[holdSlot] === this.generation) return;
    this.warnedStamp[holdSlot] = this.generation;
    const slot = this.slots[holdSlot]!;
    const row = this.options.warnings.rowAt(at, slot.header);
    this.options.warnings.add('on-hold-exceeds-span', { value: view.text(slot.columns[0]!), span: clockText(span), kpis: slot.kpis }, { file: this.options.file, row, column: slot.header });
  }

  private warn(code: MessageCode, slot: FieldSlot, at: number, value: string, extra: Record<string, unknown> = {}, column = slot.header): void {
    // An event log's collapsed row: the row the value came from (warnings.ts, rowOf).
    const row = this.options.warnings.rowAt(at, column);
    this.options.warnings.add(code, { value, kpis: slot.kpis, ...extra }, { file: this.options.file, row, column });
    // A value that does not fit the field (not a time before creation, which is the row's fault).
    if (code === 'time-before-creation') return;
    if (column !== slot.header) slot.warnedColumns.add(column);
    else slot.ownUnfit++;
    slot.unfit++;
    slot.unfitCodes.set(code, (slot.unfitCodes.get(code) ?? 0) + 1);
    const examples = code === 'value-time-in-number' ? (slot.timeExamples ??= []) : slot.examples;
    if (examples.length < COLUMN_EXAMPLES) examples.push({ row, value: detach(value) });
  }

  /**
   * A column whose values mostly do not fit its field (a `Resolved` Y/N column taken for
   * resolved_at, h:mm:ss in a number field) was matched wrongly, not filled in wrongly: one
   * message with the count, examples and the fix replaces its warning per row.
   */
  columnMessages(): void {
    const { warnings, file } = this.options;
    for (const slot of this.slots) {
      let unfit = slot.unfit;
      let codes: ReadonlyMap<MessageCode, number> = slot.unfitCodes;
      // Times in a number field, more of them than numbers: a column of durations (Excel time
      // cells), however few rows — one message that says how to declare it. Other values that
      // do not fit are judged by themselves below.
      const times = slot.unfitCodes.get('value-time-in-number') ?? 0;
      if (times > slot.fit) {
        warnings.retract(file, [slot.header], new Map([['value-time-in-number', times]]));
        warnings.add(
          'column-times-in-number',
          { column: slot.header, field: slot.name, count: times, total: slot.unfit + slot.fit, examples: slot.timeExamples ?? [], declare: !Object.hasOwn(KIND_OF, slot.name), kpis: slot.kpis },
          { file, column: slot.header },
        );
        unfit -= times;
        codes = new Map([...slot.unfitCodes].filter(([code]) => code !== 'value-time-in-number'));
      }
      if (unfit < COLUMN_MESSAGE_AT || unfit <= slot.fit) continue;
      warnings.retract(file, [slot.header, ...slot.warnedColumns], codes);
      // A derived time whose values failed in one column only (the duration added to it): that column is named, as what it holds.
      const column = slot.ownUnfit === 0 && slot.warnedColumns.size === 1 ? [...slot.warnedColumns][0]! : slot.header;
      const kind = slot.derive === PLUS && column === slot.plusHeader ? 'duration' : slot.kind;
      warnings.add(
        'column-values-unfit',
        { column, field: slot.name, kind, count: unfit, total: slot.unfit + slot.fit, examples: slot.examples, mapped: slot.mapped, kpis: slot.kpis },
        { file, column },
      );
    }
  }

  /** A date column and a time column, read as one time. */
  private twoColumnTime(view: RowView, slot: FieldSlot, row: number): number {
    const first = view.cell(slot.columns[0]!);
    const second = view.cell(slot.columns[1]!);
    if (isBlank(first)) return BLANK;
    const day = readDatePart(first, this.date1904);
    const time = isBlank(second) ? 0 : readTimeOfDay(second);
    const v = day === day && time === time ? this.options.clock.wallToUtc(day + time) : NaN;
    if (v !== v) this.warn('value-unreadable-time', slot, row, `${cellText(first)} ${cellText(second)}`.trim());
    return v;
  }

  private timeProblem(view: RowView, slot: FieldSlot, row: number, column = slot.columns[0]!, header = slot.header): void {
    const first = view.cell(column);
    if (typeof first === 'string' && !/\d/.test(first) && readBoolean(first) !== -1) {
      // 是/否, Y/N: the column matched by its name (e.g. "Resolved") holds yes/no, not times.
      this.warn('value-yes-no-in-time', slot, row, cellText(first), { field: slot.name }, header);
      return;
    }
    const problem = explainTimestamp(first);
    this.warn(problem === 'time-ambiguous' ? 'value-ambiguous-date' : problem === 'time-impossible' ? 'value-impossible-time' : 'value-unreadable-time', slot, row, cellText(first), {}, header);
  }

  /** One column read as a time (not blank): BLANK for a null marker, NaN (warned, naming `header`) when unreadable. */
  private oneColumnTime(view: RowView, slot: FieldSlot, column: number, row: number, header: string): number {
    const v = view.timestamp(column, this.options.clock, this.date1904);
    if (v === v) return v;
    if (isNullMarker(view.text(column))) return BLANK;
    this.timeProblem(view, slot, row, column, header);
    return NaN;
  }

  /** A duration cell (not blank) in ms; BLANK for a null marker, NaN (warned, naming `header`) when unreadable or negative. */
  private durationCell(view: RowView, slot: FieldSlot, column: number, unit: DurationUnit, row: number, header: string): number {
    const v = readDuration(view.cell(column), unit);
    if (v !== v) {
      if (isNullMarker(view.text(column))) return BLANK;
      this.warn('value-unreadable-duration', slot, row, view.text(column), { unit }, header);
      return NaN;
    }
    if (v < 0) {
      this.warn('value-negative-duration', slot, row, view.text(column), {}, header);
      return NaN;
    }
    return v;
  }

  /** A time the policy derives: the first non-blank of several columns, or a time plus a duration. */
  private derivedTime(view: RowView, slot: FieldSlot, row: number): number {
    const columns = slot.columns;
    if (slot.derive === FIRST_OF) {
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!;
        if (view.blank(column)) continue;
        // An unreadable cell is warned about and not passed over: the next column is the fallback for a blank one only.
        const v = this.oneColumnTime(view, slot, column, row, slot.headers[i]!);
        if (v !== BLANK) return v;
      }
      return BLANK;
    }
    const base = columns.length === 2 ? this.twoColumnTime(view, slot, row) : view.blank(columns[0]!) ? BLANK : this.oneColumnTime(view, slot, columns[0]!, row, slot.header);
    if (base !== base || base === BLANK) return base;
    // No duration (an unanswered call's speed of answer): no derived time.
    if (view.blank(slot.plusColumn)) return BLANK;
    const d = this.durationCell(view, slot, slot.plusColumn, slot.plusDuration!, row, slot.plusHeader);
    return d === d && d !== BLANK ? base + d : d;
  }

  /** A value that is not a number; a clock (an Excel time cell) says what the column holds and how to declare it. */
  private numberProblem(slot: FieldSlot, row: number, text: string): void {
    if (CLOCK_TEXT.test(text)) this.warn('value-time-in-number', slot, row, text, { field: slot.name, column: slot.header, declare: !Object.hasOwn(KIND_OF, slot.name) });
    else this.warn('value-unreadable-number', slot, row, text);
  }

  private read(view: RowView, slotIndex: number, row: number): number {
    const slot = this.slots[slotIndex]!;
    const column = slot.columns[0]!;
    const { satisfactionMin, satisfactionMax } = this.options;
    let v: number;
    if (slot.kind === 'time') {
      if (slot.derive !== PLAIN) v = this.derivedTime(view, slot, row);
      else if (slot.columns.length === 2) v = this.twoColumnTime(view, slot, row);
      else if (view.blank(column)) v = BLANK;
      else {
        v = view.timestamp(column, this.options.clock, this.date1904);
        // `?`, `-`, `/`: what exports write for "no time" (ServiceNow's `?`) is blank.
        if (v !== v) v = isNullMarker(view.text(column)) ? BLANK : (this.timeProblem(view, slot, row), NaN);
      }
    } else if (slot.kind === 'boolean') {
      const b = view.boolean(column);
      v = b === -1 ? NaN : b;
      if (v !== v) this.warn('value-unreadable-boolean', slot, row, view.text(column));
    } else if (view.blank(column)) {
      v = BLANK;
    } else if (slot.kind === 'satisfaction') {
      v = view.satisfaction(column, satisfactionMin, satisfactionMax);
      if (v !== v) this.warn('value-unreadable-satisfaction', slot, row, view.text(column));
      else if (v < satisfactionMin || v > satisfactionMax) {
        this.warn('value-outside-scale', slot, row, view.text(column), { min: satisfactionMin, max: satisfactionMax });
        v = NaN;
      }
    } else if (slot.kind === 'duration') {
      v = this.durationCell(view, slot, column, slot.duration!, row, slot.header);
    } else {
      v = view.number(column);
      if (v !== v) this.numberProblem(slot, row, view.text(column));
      else if (v < 0 && slot.name === 'cost') {
        this.warn('value-negative', slot, row, view.text(column));
        v = NaN;
      }
    }
    if (v === v && v !== BLANK) slot.fit++;
    this.stamp[slotIndex] = this.generation;
    this.cache[slotIndex] = v;
    return v;
  }
}

/** A span in ms as h:mm:ss, for messages. */
function clockText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
