// The pass over the tickets: each row is checked for a repeated or appealed id
// (ticket-ids.ts), attributed to a person and team (ticket-attribution.ts), placed in the
// period by the timestamp each KPI names, read only as far as the KPIs need
// (ticket-fields.ts), and what it contributes to each KPI (ticket-contribution.ts) is added
// to running totals per person and per team (ticket-totals.ts). Memory grows with staff ×
// KPIs (plus the ids seen, to drop repeated tickets, and the values of median/p90 KPIs,
// which an exact quantile needs), never with the text of the file. Every value that cannot
// be used is a warning naming file, row, column and value. Pure: rows come in as cells from
// any reader, or as views (row-view.ts) that read a cell without making a string when they
// can: ids, people and teams are then looked up by the bytes of their field.
import { columnsRead, type ColumnBinding, type ColumnMap } from './columns.js';
import { compileMeasures, type CompiledMeasure } from './compile-measures.js';
import type { EvaluationPlan } from './kpi-plan.js';
import type { Period } from './period.js';
import type { PlacingSpan, PlacingSpans } from './period-coverage.js';
import type { StaffDirectory } from './staff.js';
import { TicketAttribution, type PersonColumns } from './ticket-attribution.js';
import { TicketCredits } from './ticket-credits.js';
import { CREDITS } from './ticket-attribution.js';
import { TicketContributions } from './ticket-contribution.js';
import { TicketDetails } from './ticket-details.js';
import { BLANK, TicketFields } from './ticket-fields.js';
import { bindTicketHeader, headerScore, ticketIdColumn } from './ticket-header.js';
import { SUPERSEDED, TicketIds } from './ticket-ids.js';
import { TicketTotals, type KpiTotals } from './ticket-totals.js';
import type { WarningSink } from './warnings.js';
import type { WorkingCalendar } from './working-calendar.js';
import type { Policy } from '../policy/policy.generated.js';
import { detach } from '../tables/id-set.js';
import type { Cell } from '../tables/parse-value.js';
import type { AheadKind, ReadAheadPlan } from '../tables/csv-bytes.js';
import { CellsRow, type RowView } from '../tables/row-view.js';
import type { TableHandler } from '../tables/table.js';
import type { ZoneClock } from '../tables/time-zone.js';


export interface TicketEvaluatorOptions {
  readonly policy: Policy;
  readonly plan: EvaluationPlan;
  readonly period: Period;
  readonly clock: ZoneClock;
  /** Set when durations count business hours. */
  readonly calendar: WorkingCalendar | undefined;
  /** The policy's working calendar, for SLAs in working days. */
  readonly slaCalendar: WorkingCalendar;
  readonly staff: StaffDirectory;
  /** No roster: people are taken from the tickets. */
  readonly discoverStaff: boolean;
  readonly file: string;
  readonly warnings: WarningSink;
  readonly map?: ColumnMap;
  /**
   * Parts of the period (the months of a quarter that averages its months), each totalled
   * separately as well as in the whole period.
   */
  readonly slices?: readonly { readonly start: number; readonly end: number }[];
  /** Ticket ids left out by approved appeals (id → appeal id): counted in no KPI. */
  readonly exclude?: ReadonlyMap<string, string>;
  /**
   * The KPIs of the roles someone on the roster holds (unset: all). A KPI outside it is
   * computed when the file has its columns, and needs none of them.
   */
  readonly kpisInUse?: ReadonlySet<string>;
  /** Keep, per ticket, what it counted for (memory then grows with rows): the ticket lists. */
  readonly details?: boolean;
}

/** Where a ticket left out by an appeal would have counted. */
export interface ExcludedTicket {
  readonly ticket: string;
  readonly appeal: string;
  readonly row: number;
  /** The person it is attributed to (-1 when none): the one every KPI credits, else its first credited person. */
  readonly person: number;
  /** Everyone it credits in some KPI (a ticket of several people); [person] otherwise. */
  readonly people?: readonly number[];
  /** Its team, as written (for team-scope KPIs). */
  readonly team: string;
  /**
   * Ticket measures (index) it would have counted in, and the slice (-1: none) that placed
   * it; with several people, whom (person) and which team (as written) each credited.
   */
  readonly hits: readonly { readonly measure: number; readonly slice: number; readonly person?: number; readonly team?: string }[];
  /** Created and resolved instants (UTC ms; null when blank, unreadable, or the ticket is attributed to no one). */
  readonly created: number | null;
  readonly resolved: number | null;
  /** Whether a timestamp that some KPI places tickets by falls in the period (false when attributed to no one). */
  readonly inPeriod: boolean;
}

export interface TicketCounts {
  readonly rows: number;
  readonly used: number;
  /** Rows left out, each with a warning (duplicate, no id, no one to attribute it to). */
  readonly skipped: number;
  readonly outsidePeriod: number;
  /** Rows in the period that no KPI counts (e.g. a ticket still open): not a fault in the data. */
  readonly notCounted: number;
  /** Earlier rows of a ticket whose last row counts (repeated_ids: last). */
  readonly superseded: number;
  /** Rows left out by approved appeals. */
  readonly excluded: number;
  /** Earliest and latest placing timestamp of the rows outside the period (UTC ms), if any. */
  readonly outsideRange: { readonly first: number; readonly last: number } | undefined;
  /** Earliest and latest placing timestamp of any placed row, and the rows placed in the period: how much of it the file covers. */
  readonly placing: PlacingSpan | undefined;
  /**
   * The same by each time that places tickets (when some KPI places by it): an export
   * filtered by one of them shows its edges there, while the other runs on past them.
   */
  readonly placingBy: PlacingSpans;
}

/**
 * Whether a KPI counts a row placed so: computed, placed in the period by its timestamp,
 * and not needing a resolution time that came before creation.
 */
function counts(c: CompiledMeasure, inCreated: boolean, inResolved: boolean, beforeCreation: boolean): boolean {
  return !c.skip && (c.byCreation ? inCreated : inResolved) && !(beforeCreation && c.needsResolved);
}

export class TicketEvaluator implements TableHandler {
  private readonly M: number;
  readonly excluded: ExcludedTicket[] = [];
  /** With `details`: every ticket that counted for someone, in file order. */
  readonly details: TicketDetails;
  private readonly fields: TicketFields;
  private readonly totals: TicketTotals;
  private readonly attribution: TicketAttribution;
  /** The person every KPI credits (the usual case, and the fast one); undefined: several people (`people`). */
  private single: PersonColumns | undefined;
  private credits: TicketCredits | undefined;
  /** With several people: each measure's contribution for the row (NaN: none), kept from row to row. */
  private xs = new Float64Array(0);
  /** With several people and ticket lists: who and at what share each entry of the row is kept for. */
  private readonly entryPerson: number[] = [];
  private readonly entryWeight: number[] = [];
  private readonly ticketIds: TicketIds;
  private readonly contributions: TicketContributions;
  private compiled: CompiledMeasure[] = [];
  private headers: readonly string[] = [];
  private bindings: ReadonlyMap<string, ColumnBinding> = new Map();
  private idColumn = -1;
  private anyByCreation = false;
  private anyByResolution = false;
  private readonly cellsRow = new CellsRow();
  private rows = 0;
  private used = 0;
  private skipped = 0;
  private notCounted = 0;
  private superseded = 0;
  private outside = 0;
  private excludedRows = 0;
  private outsideFirst = Infinity;
  private outsideLast = -Infinity;
  private placedFirst = Infinity;
  private placedLast = -Infinity;
  private placedInPeriod = 0;
  // Per placing time: [first, last, rows in the period], creation then resolution.
  private readonly spanBy = [Infinity, -Infinity, 0, Infinity, -Infinity, 0];
  // Where the last row placed (`place`): kept here, not in an object made per row.
  private created = NaN;
  private resolved = NaN;
  private inCreated = false;
  private inResolved = false;
  private beforeCreation = false;
  /** Whether a time that places the row could not be read (`placeToCount`). */
  private unreadable = false;

  constructor(private readonly options: TicketEvaluatorOptions) {
    this.M = options.plan.ticketMeasures.length;
    this.details = new TicketDetails(options.details ? this.M : 0);
    const satisfaction = options.policy.evaluation.satisfaction;
    this.fields = new TicketFields({ clock: options.clock, file: options.file, warnings: options.warnings, satisfactionMin: satisfaction.scale_min, satisfactionMax: satisfaction.scale_max });
    const crew = options.policy.data_sources.tickets?.crew;
    const shared = crew?.credit === 'share' && options.plan.ticketMeasures.some((m) => m.credit === 'crew');
    this.totals = new TicketTotals(this.M, options.slices ?? [], shared);
    this.attribution = new TicketAttribution(options, this.totals);
    this.ticketIds = new TicketIds(options.exclude);
    this.contributions = new TicketContributions(this.fields, { calendar: options.calendar, slaCalendar: options.slaCalendar, satisfactionMean: satisfaction.method === 'mean', goodAtLeast: satisfaction.good_at_least });
  }

  /** Teams as first written in the tickets (or on the roster), in order of appearance. */
  get teamLabels(): readonly string[] {
    return this.attribution.teamLabels;
  }

  score(headers: readonly string[]): number {
    return headerScore(headers, this.options.plan, this.options.map);
  }

  /** The column the ticket id is read from, as `header` will find it (-1: none). */
  idColumnOf(headers: readonly string[]): number {
    return ticketIdColumn(headers, this.options.plan, this.options.map);
  }

  /**
   * Event logs: only the last row of each ticket id counts (last-rows.ts found them); the
   * earlier rows are superseded updates, counted apart and not warned about.
   */
  useLastRows(lastRows: ReadonlyMap<string, number>): void {
    this.ticketIds.useLastRows(lastRows);
  }

  /** Field → the header(s) it was read from (known after the header). */
  get columnsRead(): Record<string, string[]> {
    return columnsRead(this.bindings);
  }

  /** Field → the column(s) it is read from (known after the header): an event log keeps only these. */
  get columnBindings(): ReadonlyMap<string, ColumnBinding> {
    return this.bindings;
  }

  /** Whether the file has a ticket id column (known after the header). */
  get hasTicketIds(): boolean {
    return this.idColumn !== -1;
  }

  dateSystem(date1904: boolean): void {
    this.fields.date1904 = date1904;
  }

  /**
   * The fields a reader may read ahead in another thread (known after the header), read
   * as this evaluator reads them (read-ahead.ts): the one-column times, which cost the most
   * to read. Yes/no and numbers are cheap here, and left here: the other thread also finds
   * the records, and with them too it became the slower of the two (measured on the 1M-row
   * benchmark: 1.8 s against 1.7 s).
   */
  readAhead(): ReadAheadPlan | undefined {
    const slots = this.fields.slots;
    if (slots.length === 0) return undefined;
    const columns: number[] = [];
    const kinds: AheadKind[] = [];
    for (const slot of slots) {
      if (slot.columns.length !== 1 || slot.kind !== 'time' || columns.includes(slot.columns[0]!)) continue;
      columns.push(slot.columns[0]!);
      kinds.push('time');
    }
    return { zone: this.options.clock.zone, columns, kinds };
  }

  header(headers: readonly string[]): void {
    const header = bindTicketHeader(this.options, headers);
    this.headers = headers;
    this.bindings = header.bindings;
    this.idColumn = header.idColumn;
    const crew = this.options.policy.data_sources.tickets?.crew;
    this.attribution.bind({
      headers,
      staffId: header.staffIdColumn,
      staffName: header.staffNameColumn,
      team: header.teamColumn,
      resolverId: header.resolverIdColumn,
      resolverName: header.resolverNameColumn,
      responderId: header.responderIdColumn,
      responderName: header.responderNameColumn,
      crew: header.crewColumn,
      ...(crew?.separator === undefined ? {} : { crewSeparators: crew.separator }),
    });
    this.fields.bind(header.bindings);
    this.compiled = compileMeasures(this.options.plan.ticketMeasures, this.fields, header.kpiName, header.skipped, this.options.kpisInUse);
    this.single = this.attribution.single(header.credits);
    if (this.single === undefined) {
      const kpis = CREDITS.map((credit) => [...new Set(this.compiled.filter((c) => !c.skip && CREDITS[c.credit] === credit && !c.measure.id.includes(':')).map((c) => header.kpiName(c.measure.id)))]);
      this.credits = new TicketCredits({ attribution: this.attribution, credits: header.credits, share: crew?.credit === 'share', kpis, file: this.options.file, warnings: this.options.warnings });
      this.xs = new Float64Array(this.M);
    }
    this.anyByCreation = this.compiled.some((c) => !c.skip && c.byCreation);
    this.anyByResolution = this.compiled.some((c) => !c.skip && !c.byCreation);
  }

  row(cells: readonly Cell[], row: number): void {
    this.rowView(this.cellsRow.reset(cells), row);
  }

  /**
   * Reads the row's creation and resolution times and places it in the period by each. A
   * resolution before creation is unusable data, decided here once for every output (the
   * tickets counted and those an appeal leaves out): the row is out of every KPI that needs
   * resolved_at (and is not placed by it), which are exactly the KPIs the warning (`warn`)
   * names.
   */
  private place(view: RowView, row: number, warn: boolean): void {
    const fields = this.fields;
    fields.nextRow();
    const { start, end } = this.options.period;
    const created = fields.createdSlot === -1 ? NaN : fields.value(view, fields.createdSlot, row);
    let resolved = fields.resolvedSlot === -1 ? NaN : fields.value(view, fields.resolvedSlot, row);
    // A ticket is in the period only by a timestamp some KPI places tickets by.
    const inCreated = this.anyByCreation && created >= start && created < end;
    let inResolved = this.anyByResolution && resolved >= start && resolved < end;
    const beforeCreation = resolved !== BLANK && resolved < created;
    if (beforeCreation) {
      if (warn && (inCreated || inResolved)) fields.warnBeforeCreation(view, row, fields.resolvedSlot);
      resolved = NaN;
      inResolved = false;
    }
    // Every row placed, in the period or not: where the export starts and stops.
    if (inCreated || inResolved) this.placedInPeriod++;
    if (this.anyByCreation && Number.isFinite(created)) this.notePlaced(created, 0, inCreated);
    if (this.anyByResolution && Number.isFinite(resolved)) this.notePlaced(resolved, 3, inResolved);
    this.created = created;
    this.resolved = resolved;
    this.inCreated = inCreated;
    this.inResolved = inResolved;
    this.beforeCreation = beforeCreation;
  }

  /**
   * Places a row to be counted (`place`), warning about a blank creation time; false when it
   * ends there: outside the period, or placed by a time that could not be read.
   */
  private placeToCount(view: RowView, row: number): boolean {
    this.place(view, row, true);
    const fields = this.fields;
    const { file, warnings } = this.options;
    const { created, resolved, inCreated, inResolved } = this;
    const createdSlot = fields.createdSlot;
    const resolvedSlot = fields.resolvedSlot;
    if (created === BLANK && createdSlot !== -1) {
      const slot = fields.slots[createdSlot]!;
      warnings.add('value-missing', { kpis: slot.kpis }, { file, row, column: slot.header });
    }
    // A placing time that could not be read (warned) is a fault in the data.
    const unreadable = (this.anyByCreation && createdSlot !== -1 && created !== created) || (this.anyByResolution && resolvedSlot !== -1 && resolved !== resolved);
    if (!inCreated && !inResolved) {
      // Not a date outside the period: a column of yes/no taken for a time would otherwise
      // hide there…
      // …unless a time that could be read places the row outside the period anyway.
      const placedElsewhere = (this.anyByCreation && Number.isFinite(created)) || (this.anyByResolution && Number.isFinite(resolved));
      if (unreadable && !placedElsewhere) {
        this.skipped++;
        return false;
      }
      this.outside++;
      // The dates the file does cover, to say so when none is in the period.
      if (this.anyByCreation && Number.isFinite(created)) this.noteOutside(created);
      if (this.anyByResolution && Number.isFinite(resolved)) this.noteOutside(resolved);
      return false;
    }
    this.unreadable = unreadable;
    return true;
  }

  rowView(view: RowView, row: number): void {
    this.rows++;
    const { file, warnings } = this.options;
    if (view.length > this.headers.length) {
      for (let c = this.headers.length; c < view.length; c++) {
        if (!view.blank(c)) {
          warnings.add('row-extra-cells', { count: view.length - this.headers.length, header: this.headers.length }, { file, row });
          break;
        }
      }
    }
    if (this.idColumn !== -1) {
      const first = this.ticketIds.check(view, row, this.idColumn);
      if (first === SUPERSEDED) {
        this.superseded++;
        return;
      }
      if (first !== 0) {
        const column = this.headers[this.idColumn] ?? '';
        if (first === -1) warnings.add('ticket-without-id', {}, { file, row, column });
        else warnings.add('duplicate-ticket', { value: view.text(this.idColumn), first }, { file, row, column });
        this.skipped++;
        return;
      }
      const appeal = this.ticketIds.appeal;
      if (appeal !== undefined) {
        this.exclude(view, row, view.text(this.idColumn), appeal);
        return;
      }
    }
    if (this.single === undefined) {
      this.severalPeople(view, row);
      return;
    }
    const person = this.single.person(view, row);
    if (person < 0) {
      this.skipped++;
      return;
    }
    if (!this.placeToCount(view, row)) return;
    const { created, resolved, inCreated, inResolved, beforeCreation, unreadable } = this;
    const team = this.options.plan.anyTeamScope ? this.attribution.team(view, person) : -1;
    let used = false;
    const compiled = this.compiled;
    const totals = this.totals;
    const sliced = totals.sliced;
    const createdSlice = sliced && inCreated ? totals.sliceOf(created) : -1;
    const resolvedSlice = sliced && inResolved ? totals.sliceOf(resolved) : -1;
    // A ticket whose placing time could not be used is not one of theirs "with nothing to
    // count": a count over a column of unreadable resolution times is unknown, not 0.
    if (!unreadable) totals.countTicket(person, team, createdSlice, resolvedSlice);
    const details = this.options.details ? this.details : undefined;
    details?.open();
    const contributions = this.contributions;
    for (let i = 0; i < compiled.length; i++) {
      const c = compiled[i]!;
      if (!counts(c, inCreated, inResolved, beforeCreation)) continue;
      const x = contributions.of(c, view, row, created, resolved);
      if (x !== x) {
        if (contributions.valueMissing) totals.valueMissing(i, person, c.team ? team : -1, c.byCreation ? createdSlice : resolvedSlice);
        continue;
      }
      used = true;
      details?.set(i, x);
      totals.add(i, person, team, c.team, c.keepValues, c.byCreation ? createdSlice : resolvedSlice, x);
    }
    if (used) this.used++;
    else this.notCounted++;
    if (details && used) details.keep(person, row, this.idColumn === -1 ? '' : detach(view.text(this.idColumn)), created, resolved);
  }

  /**
   * A row whose KPIs credit several people: each KPI adds the ticket to everyone it credits
   * (a crew member with weight 1/n when crews share), and to each of their teams once.
   */
  private severalPeople(view: RowView, row: number): void {
    const credits = this.credits!;
    const { file, warnings } = this.options;
    const teamScope = this.options.plan.anyTeamScope;
    if (!credits.read(view, row, teamScope)) {
      // Someone not on the roster is one warning at the end, as with one person per ticket.
      if (credits.nobody) warnings.add('ticket-without-staff', {}, { file, row, column: credits.column });
      this.skipped++;
      return;
    }
    if (!this.placeToCount(view, row)) return;
    const { created, resolved, inCreated, inResolved, beforeCreation, unreadable } = this;
    const totals = this.totals;
    const sliced = totals.sliced;
    const createdSlice = sliced && inCreated ? totals.sliceOf(created) : -1;
    const resolvedSlice = sliced && inResolved ? totals.sliceOf(resolved) : -1;
    if (!unreadable) {
      for (const p of credits.everyone) totals.countPerson(p, createdSlice, resolvedSlice);
      for (const t of credits.allTeams) totals.countTeam(t, createdSlice, resolvedSlice);
      totals.countDepartment(createdSlice, resolvedSlice);
    }
    const xs = this.xs;
    xs.fill(NaN);
    let used = false;
    let blankSeen = 0;
    for (let i = 0; i < this.compiled.length; i++) {
      const c = this.compiled[i]!;
      if (!counts(c, inCreated, inResolved, beforeCreation)) continue;
      const x = this.contributions.of(c, view, row, created, resolved);
      if (x !== x) {
        if (this.contributions.valueMissing) {
          const slice = c.byCreation ? createdSlice : resolvedSlice;
          for (const p of credits.people[c.credit]!) totals.valueMissing(i, p, -1, slice);
          if (c.team) for (const t of credits.teams[c.credit]!) totals.valueMissing(i, -1, t, slice);
        }
        continue;
      }
      const people = credits.people[c.credit]!;
      if (people.length === 0) {
        if (credits.blank[c.credit] && (blankSeen & (1 << c.credit)) === 0) {
          blankSeen |= 1 << c.credit;
          credits.noteBlank(c.credit, row);
        }
        continue;
      }
      used = true;
      xs[i] = x;
      const w = credits.weight[c.credit]!;
      const slice = c.byCreation ? createdSlice : resolvedSlice;
      for (const p of people) totals.addPerson(i, p, c.keepValues, slice, x, w);
      if (c.team) for (const t of credits.teams[c.credit]!) totals.addTeam(i, t, c.keepValues, slice, x);
      totals.addDepartment(i, c.keepValues, slice, x);
    }
    if (used) this.used++;
    else this.notCounted++;
    if (this.options.details && used) this.keepSeveral(this.idColumn === -1 ? '' : detach(view.text(this.idColumn)), row, created, resolved, undefined);
  }

  /**
   * The ticket lists' entries of a row of several people: one per person and share, holding
   * the values (`xs`) of the KPIs that credit them so.
   */
  private keepSeveral(ticket: string, row: number, created: number, resolved: number, appeal: string | undefined): void {
    const credits = this.credits!;
    const persons = this.entryPerson;
    const weights = this.entryWeight;
    persons.length = 0;
    weights.length = 0;
    for (let r = 0; r < CREDITS.length; r++) {
      const w = credits.weight[r]!;
      for (const p of credits.people[r]!) {
        let e = 0;
        while (e < persons.length && !(persons[e] === p && weights[e] === w)) e++;
        if (e === persons.length) {
          persons.push(p);
          weights.push(w);
        }
      }
    }
    const details = this.details;
    for (let e = 0; e < persons.length; e++) {
      details.open();
      let any = false;
      for (let i = 0; i < this.compiled.length; i++) {
        const x = this.xs[i]!;
        if (x !== x) continue;
        const c = this.compiled[i]!;
        if (credits.weight[c.credit] !== weights[e] || !credits.people[c.credit]!.includes(persons[e]!)) continue;
        details.set(i, x);
        any = true;
      }
      if (any) details.keep(persons[e]!, row, ticket, created, resolved, appeal, weights[e]);
    }
  }

  /** A ticket of several people that an approved appeal leaves out: taken out of everyone it credits. */
  private excludeSeveral(view: RowView, row: number, id: string, appeal: string): void {
    const credits = this.credits!;
    const someone = credits.read(view, row, true);
    const hits: { measure: number; slice: number; person: number; team: string }[] = [];
    let placed = { created: null as number | null, resolved: null as number | null, inPeriod: false };
    const people = [...credits.everyone];
    if (someone) {
      this.place(view, row, false);
      const { created, resolved, inCreated, inResolved, beforeCreation } = this;
      const instant = (t: number) => (Number.isFinite(t) ? t : null);
      placed = { created: instant(created), resolved: instant(resolved), inPeriod: inCreated || inResolved };
      const xs = this.xs;
      xs.fill(NaN);
      for (let i = 0; i < this.compiled.length; i++) {
        const c = this.compiled[i]!;
        if (!counts(c, inCreated, inResolved, beforeCreation)) continue;
        const x = this.contributions.of(c, view, row, created, resolved);
        if (x !== x || credits.people[c.credit]!.length === 0) continue;
        xs[i] = x;
        const slice = this.totals.sliced ? this.totals.sliceOf(c.byCreation ? created : resolved) : -1;
        for (const p of credits.people[c.credit]!) hits.push({ measure: i, slice, person: p, team: detach(this.attribution.teamText(view, p)) });
      }
      if (this.options.details && hits.length > 0) this.keepSeveral(detach(id), row, created, resolved, appeal);
    }
    const person = people[0] ?? -1;
    this.excluded.push({ ticket: detach(id), appeal, row, person, people, team: person >= 0 ? detach(this.attribution.teamText(view, person)) : '', hits, ...placed });
  }

  private spanOf(by: 0 | 3): PlacingSpan | undefined {
    const [first, last, inPeriod] = this.spanBy.slice(by, by + 3) as [number, number, number];
    return first <= last ? { first, last, inPeriod } : undefined;
  }

  private notePlaced(instant: number, by: 0 | 3, inPeriod: boolean): void {
    if (instant < this.placedFirst) this.placedFirst = instant;
    if (instant > this.placedLast) this.placedLast = instant;
    const span = this.spanBy;
    if (instant < span[by]!) span[by] = instant;
    if (instant > span[by + 1]!) span[by + 1] = instant;
    if (inPeriod) span[by + 2]!++;
  }

  private noteOutside(instant: number): void {
    if (instant < this.outsideFirst) this.outsideFirst = instant;
    if (instant > this.outsideLast) this.outsideLast = instant;
  }

  /**
   * A ticket an approved appeal leaves out: attributed and placed like any other, so that
   * the report can say which KPIs of whom it was taken out of, but added to no totals.
   */
  private exclude(view: RowView, row: number, id: string, appeal: string): void {
    this.excludedRows++;
    if (this.single === undefined) {
      this.excludeSeveral(view, row, id, appeal);
      return;
    }
    const person = this.single.person(view, row);
    const hits: { measure: number; slice: number }[] = [];
    let teamName = '';
    let placed = { created: null as number | null, resolved: null as number | null, inPeriod: false };
    if (person >= 0) {
      // The same decision as for a counted row, without its warning.
      this.place(view, row, false);
      const { created, resolved, inCreated, inResolved, beforeCreation } = this;
      // So that an appeal for a ticket of another period is refused, naming its dates.
      const instant = (t: number) => (Number.isFinite(t) ? t : null);
      placed = { created: instant(created), resolved: instant(resolved), inPeriod: inCreated || inResolved };
      teamName = this.attribution.teamText(view, person);
      const details = this.options.details ? this.details : undefined;
      details?.open();
      for (let i = 0; i < this.compiled.length; i++) {
        const c = this.compiled[i]!;
        if (!counts(c, inCreated, inResolved, beforeCreation)) continue;
        const x = this.contributions.of(c, view, row, created, resolved);
        if (x !== x) continue;
        details?.set(i, x);
        const slice = this.totals.sliced ? this.totals.sliceOf(c.byCreation ? created : resolved) : -1;
        hits.push({ measure: i, slice });
      }
      if (details && hits.length > 0) details.keep(person, row, detach(id), created, resolved, appeal);
    }
    this.excluded.push({ ticket: detach(id), appeal, row, person, people: person >= 0 ? [person] : [], team: detach(teamName), hits, ...placed });
  }

  /** Totals of measure `i` (index among ticket measures) for a person: over the whole period (slot 0) or slice slot − 1. */
  staffTotalsOf(person: number, i: number, slot = 0): KpiTotals {
    return this.totals.staffTotalsOf(person, i, slot);
  }

  /** Totals of measure `i` over every ticket that counted for anyone, each once. */
  departmentTotalsOf(i: number, slot = 0): KpiTotals {
    return this.totals.departmentTotalsAt(i, slot);
  }

  /** Whether any ticket in the period counted for the team. */
  hasTeam(team: string): boolean {
    return this.attribution.teamOf(team) !== undefined;
  }

  teamTotalsOf(team: string, i: number, slot = 0): KpiTotals | undefined {
    const index = this.attribution.teamOf(team);
    if (index === undefined) return team === '' ? undefined : { samples: 0, sum: 0, values: undefined, tickets: 0 };
    return this.totals.teamTotalsAt(index, i, slot);
  }

  /** Call once after the last row: one warning per person not on the roster. */
  finish(): TicketCounts {
    this.fields.columnMessages();
    this.attribution.finish();
    this.credits?.finish();
    return {
      rows: this.rows,
      used: this.used,
      skipped: this.skipped,
      outsidePeriod: this.outside,
      notCounted: this.notCounted,
      superseded: this.superseded,
      excluded: this.excludedRows,
      outsideRange: this.outsideFirst <= this.outsideLast ? { first: this.outsideFirst, last: this.outsideLast } : undefined,
      placing: this.placedFirst <= this.placedLast ? { first: this.placedFirst, last: this.placedLast, inPeriod: this.placedInPeriod } : undefined,
      placingBy: { created_at: this.spanOf(0), resolved_at: this.spanOf(3) },
    };
  }
}
