// Attribution: the people a ticket row names — its assignee (staff id / name), and where
// the policy maps them its resolver, its first responder and its crew (a cell listing
// several) — by staff id where ids attribute, else by name; placeholders such as `?` or 未分配
// are nobody; and the team it counts for. The normalising lookups cost more than everything
// else a row needs, so each person and team found is cached by the cell's exact text, by its
// bytes (views over a file's bytes) and by the cell as delivered (an XLSX shared string is
// one string for every row). People not on the roster are one warning each per column at the
// end. It never counts a ticket.
import type { Policy } from '../policy/policy.generated.js';
import { ByteKeyTable } from '../tables/byte-key-table.js';
import { detach } from '../tables/id-set.js';
import type { Cell } from '../tables/parse-value.js';
import type { RowView } from '../tables/row-view.js';
import { DEFAULT_CREW_SEPARATORS, type Credit } from '../policy/ticket-people.js';
import { AMBIGUOUS, NOT_FOUND, staffKey, type StaffDirectory } from './staff.js';
import { isNullMarker } from './ticket-fields.js';
import type { TicketTotals } from './ticket-totals.js';
import type { WarningSink } from './warnings.js';

const PLACEHOLDERS = new Set(['n/a', '#n/a', 'na', 'null', 'none', 'nil', 'unassigned', '无', '空', '未分配', '待分配']);

/** Each cache holds at most this many texts: a file of ever new names must not grow it without end. */
const CACHE_LIMIT = 100_000;

/**
 * A staff cell that stands for nobody — `?`, `-`, `N/A`, `未分配` (what systems write for
 * an unassigned ticket) — reads as blank: never a person called "?".
 */
function notPlaceholder(text: string): string {
  const t = text.trim();
  return t === '' || isNullMarker(t) || PLACEHOLDERS.has(t.toLowerCase()) ? '' : text;
}

export interface AttributionOptions {
  readonly policy: Policy;
  readonly staff: StaffDirectory;
  /** No roster: people are taken from the tickets. */
  readonly discoverStaff: boolean;
  readonly file: string;
  readonly warnings: WarningSink;
}

export interface AttributionColumns {
  readonly headers: readonly string[];
  readonly staffId: number;
  readonly staffName: number;
  readonly team: number;
  /** The other people a ticket names (-1: not mapped, or not credited by any KPI). */
  readonly resolverId?: number;
  readonly resolverName?: number;
  readonly responderId?: number;
  readonly responderName?: number;
  readonly crew?: number;
  /** Characters that split a crew cell. */
  readonly crewSeparators?: string;
}

/** Who a measure may credit, in the order the pass over the tickets indexes them. */
export const CREDITS: readonly Credit[] = ['assignee', 'resolver', 'responder', 'crew'];

/** What a person cell that names nobody reads as (blank, or a placeholder). */
export const NOBODY = -3;

/**
 * One person column pair of a ticket (the assignee's staff id and name, or the resolver's,
 * or the first responder's): who a row names, with the caches that make it cheap.
 */
export class PersonColumns {
  /** Whether a row naming nobody is warned about here (when this person alone is credited). */
  warnBlank = false;
  idColumn = -1;
  nameColumn = -1;
  // Exact cell text → index, in front of the normalising lookups.
  // Ids and names apart: a name may be written like an id (or like anything a shared key would add).
  private readonly staffByIdText = new Map<string, number>();
  private readonly staffByNameText = new Map<string, number>();
  // The same caches keyed by a field's bytes as written, for views over a file's bytes.
  private readonly staffByIdBytes = new ByteKeyTable();
  private readonly staffByNameBytes = new ByteKeyTable();
  // And keyed by the cell as delivered.
  private readonly staffByIdCell = new Map<string, number>();
  private readonly staffByNameCell = new Map<string, number>();
  /** Whether a row with a staff id is attributed by it (else by name). */
  private byIdPossible = false;
  /** Whether the last row attributed by text was attributed by its staff id. */
  private byIdDecided = false;
  private readonly unknownStaff = new Map<string, { label: string; byId: boolean; tickets: number; row: number; column: string }>();
  private headers: readonly string[] = [];
  private teamColumn = -1;

  constructor(
    private readonly options: AttributionOptions,
    private readonly totals: TicketTotals,
    /** Called when a person is added from the tickets: names cached elsewhere may be ambiguous now. */
    private readonly discovered: (byId: boolean, name: string) => void,
  ) {}

  get bound(): boolean {
    return this.idColumn !== -1 || this.nameColumn !== -1;
  }

  /** The column a row's person is named in, for messages. */
  get column(): string {
    return this.headers[this.idColumn !== -1 ? this.idColumn : this.nameColumn] ?? '';
  }

  bind(headers: readonly string[], idColumn: number, nameColumn: number, teamColumn: number): void {
    this.headers = headers;
    this.idColumn = idColumn;
    this.nameColumn = nameColumn;
    this.teamColumn = teamColumn;
    this.byIdPossible = idColumn !== -1 && (this.options.staff.hasIds || this.options.discoverStaff);
  }

  forgetNames(): void {
    this.staffByNameText.clear();
  }

  /**
   * The person a row names, or a negative number (NOBODY for a blank cell) after warning
   * why none. A view's staff id (or name) is looked up by its bytes first: a hit is a
   * person found before for the same text, and the normalising lookup never runs again for it.
   */
  person(view: RowView, row: number): number {
    // The cell that decides: the staff id where ids attribute, else the name.
    const column = this.byIdPossible ? this.idColumn : this.nameColumn;
    const bytes = column !== -1 && view.bytesOf(column, false);
    const byBytes = this.byIdPossible ? this.staffByIdBytes : this.staffByNameBytes;
    const byCell = this.byIdPossible ? this.staffByIdCell : this.staffByNameCell;
    let cell: Cell;
    if (bytes) {
      const entry = byBytes.find(view.bytes, view.keyStart, view.keyEnd);
      if (entry !== -1) return byBytes.value(entry);
    } else if (column !== -1 && typeof (cell = view.cell(column)) === 'string') {
      const hit = byCell.get(cell);
      if (hit !== undefined) return hit;
    }
    const index = this.personByText(view, row);
    // Only texts that found someone are kept: a person's own cell text, a few per person;
    // and only when that cell decided (a blank staff id leaves it to the name).
    if (index >= 0 && (!this.byIdPossible || this.byIdDecided)) {
      if (bytes) {
        if (byBytes.size < CACHE_LIMIT && view.bytesOf(column, false)) byBytes.insert(view.bytes, view.keyStart, view.keyEnd, index);
      } else if (typeof cell === 'string' && byCell.size < CACHE_LIMIT) {
        byCell.set(detach(cell), index);
      }
    }
    return index;
  }

  private personByText(view: RowView, row: number): number {
    const { staff, file } = this.options;
    // A placeholder is nobody, unless someone known (on the roster) is written so: id NA, a person called Na.
    const real = (text: string, find: (text: string) => number) => {
      const kept = notPlaceholder(text);
      return kept === '' && text !== '' && find(text) !== NOT_FOUND ? text : kept;
    };
    const id = this.idColumn === -1 ? '' : real(view.text(this.idColumn), (text) => staff.findById(text));
    const name = this.nameColumn === -1 ? '' : real(view.text(this.nameColumn), (text) => staff.findByName(text));
    if (id === '' && name === '') {
      if (this.warnBlank) this.options.warnings.add('ticket-without-staff', {}, { file, row, column: this.column });
      return NOBODY;
    }
    const byId = id !== '' && this.byIdPossible;
    this.byIdDecided = byId;
    const text = byId ? id : name;
    const byText = byId ? this.staffByIdText : this.staffByNameText;
    const cached = byText.get(text);
    if (cached !== undefined && cached >= 0) return cached;
    let index = byId ? staff.findById(id) : staff.findByName(name);
    if (index >= 0 && byText.size < CACHE_LIMIT) byText.set(detach(text), index);
    if (index === NOT_FOUND && this.options.discoverStaff) {
      const team = this.teamColumn === -1 ? '' : view.text(this.teamColumn);
      index = staff.add({ id: detach(id), name: detach(name), roles: [this.options.policy.roles[0]!.id], team: detach(team), bonusBase: undefined, row: undefined }).index;
      this.totals.ensureStaff(staff.members.length);
      // A person found by a new id may share a name found before, which is then ambiguous:
      // names cached so far may be wrong now. (The byte and cell caches of names serve only
      // files whose ids do not attribute, where a name that was found is never added again.)
      this.discovered(byId, name);
      return index;
    }
    if (index < 0) noteUnknown(this.unknownStaff, index, byId, byId ? id : name, row, this.headers[byId ? this.idColumn : this.nameColumn] ?? '');
    return index;
  }

  /** One warning per person not on the roster. */
  finish(): void {
    warnUnknown(this.unknownStaff, this.options);
  }
}

function noteUnknown(unknown: Map<string, { label: string; byId: boolean; tickets: number; row: number; column: string }>, index: number, byId: boolean, label: string, row: number, column: string): void {
  // An id and a name written alike are two people (two warnings), as for those on the roster.
  const key = `${index}:${byId ? 'id' : 'name'}:${staffKey(label)}`;
  const known = unknown.get(key);
  if (known) known.tickets++;
  else unknown.set(detach(key), { label: detach(label), byId, tickets: 1, row, column });
}

function warnUnknown(unknown: Map<string, { label: string; byId: boolean; tickets: number; row: number; column: string }>, options: AttributionOptions): void {
  for (const [key, u] of unknown) {
    const at = { file: options.file, row: u.row, column: u.column };
    const rosterRow = options.staff.leftOutRow(u.label, u.byId);
    if (key.startsWith(`${AMBIGUOUS}:`)) options.warnings.add('staff-name-ambiguous', { value: u.label, tickets: u.tickets }, at);
    else if (rosterRow !== undefined) options.warnings.add('staff-left-out-of-roster', { value: u.label, tickets: u.tickets, rosterRow }, at);
    else options.warnings.add('staff-not-on-roster', { value: u.label, tickets: u.tickets }, at);
  }
  unknown.clear();
}

/** The people of a crew cell: those found, and how many it lists (what a share divides by). */
export interface Crew {
  readonly people: readonly number[];
  readonly listed: number;
}

/**
 * A crew cell (张三、李四 / Tech1;Tech2): each member by name, else by staff id. Each distinct
 * cell is looked up once (a crew is written the same way job after job).
 */
class CrewColumn {
  column = -1;
  private separators = DEFAULT_CREW_SEPARATORS;
  private headers: readonly string[] = [];
  private readonly byText = new Map<string, Crew>();
  private readonly unknownStaff = new Map<string, { label: string; byId: boolean; tickets: number; row: number; column: string }>();

  constructor(
    private readonly options: AttributionOptions,
    private readonly totals: TicketTotals,
  ) {}

  get header(): string {
    return this.headers[this.column] ?? '';
  }

  bind(headers: readonly string[], column: number, separators: string): void {
    this.headers = headers;
    this.column = column;
    this.separators = separators;
  }

  /** The crew of a row (none when the cell is blank). */
  crew(view: RowView, row: number): Crew {
    const text = view.text(this.column);
    const cached = this.byText.get(text);
    if (cached !== undefined) {
      // Each ticket of someone not on the roster is counted in their one warning.
      if (cached.people.length < cached.listed) this.lookUp(text, row);
      return cached;
    }
    const crew = this.lookUp(text, row);
    if (this.byText.size < CACHE_LIMIT) this.byText.set(detach(text), crew);
    return crew;
  }

  private lookUp(text: string, row: number): Crew {
    const { staff } = this.options;
    const names = splitCrew(text, this.separators).filter((n) => notPlaceholder(n) !== '' || staff.findByName(n) >= 0);
    const people: number[] = [];
    for (const name of names) {
      let index = staff.findByName(name);
      let byId = false;
      if (index === NOT_FOUND && staff.hasIds && staff.findById(name) >= 0) {
        index = staff.findById(name);
        byId = true;
      }
      if (index === NOT_FOUND && this.options.discoverStaff) {
        index = staff.add({ id: '', name: detach(name), roles: [this.options.policy.roles[0]!.id], team: '', bonusBase: undefined, row: undefined }).index;
        this.totals.ensureStaff(staff.members.length);
      }
      if (index < 0) noteUnknown(this.unknownStaff, index, byId, name, row, this.headers[this.column] ?? '');
      else if (!people.includes(index)) people.push(index);
    }
    return { people, listed: names.length };
  }

  finish(): void {
    warnUnknown(this.unknownStaff, this.options);
  }
}

/**
 * The names in a crew cell: split at any of the separator characters, trimmed, blanks and
 * repeats (by the key that matches names) left out, in the order written.
 */
export function splitCrew(text: string, separators: string = DEFAULT_CREW_SEPARATORS): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !separators.includes(text[i]!)) continue;
    const name = text.slice(start, i).trim();
    start = i + 1;
    const key = staffKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

export class TicketAttribution {
  /** Team key (staffKey) → index. */
  readonly teams = new Map<string, number>();
  /** Teams as first written in the tickets (or on the roster), in order of appearance. */
  readonly teamLabels: string[] = [];
  private teamColumn = -1;
  private readonly teamByText = new Map<string, number>();
  private readonly teamByBytes = new ByteKeyTable();
  private readonly teamByCell = new Map<string, number>();
  readonly assignee: PersonColumns;
  readonly resolver: PersonColumns;
  readonly responder: PersonColumns;
  readonly crewColumn: CrewColumn;

  constructor(
    private readonly options: AttributionOptions,
    /** Grown when a person or team is found. */
    private readonly totals: TicketTotals,
  ) {
    totals.ensureStaff(options.staff.members.length);
    const discovered = (byId: boolean, name: string) => {
      if (byId && name !== '') for (const p of [this.assignee, this.resolver, this.responder]) p.forgetNames();
    };
    this.assignee = new PersonColumns(options, totals, discovered);
    this.resolver = new PersonColumns(options, totals, discovered);
    this.responder = new PersonColumns(options, totals, discovered);
    this.crewColumn = new CrewColumn(options, totals);
  }

  /** The columns attribution reads (known after the header). */
  bind(columns: AttributionColumns): void {
    const { headers } = columns;
    this.teamColumn = columns.team;
    this.assignee.bind(headers, columns.staffId, columns.staffName, columns.team);
    this.resolver.bind(headers, columns.resolverId ?? -1, columns.resolverName ?? -1, columns.team);
    this.responder.bind(headers, columns.responderId ?? -1, columns.responderName ?? -1, columns.team);
    this.crewColumn.bind(headers, columns.crew ?? -1, columns.crewSeparators ?? DEFAULT_CREW_SEPARATORS);
  }

  /**
   * The one person column every KPI credits (the assignee, or the resolver or responder),
   * which then warns about a row naming nobody; undefined: several people are credited.
   */
  single(credits: ReadonlySet<Credit>): PersonColumns | undefined {
    if (credits.size !== 1 || credits.has('crew')) return undefined;
    const only = credits.has('resolver') ? this.resolver : credits.has('responder') ? this.responder : this.assignee;
    only.warnBlank = true;
    return only;
  }

  /** A person column by its index in CREDITS (not the crew). */
  columns(credit: number): PersonColumns {
    return credit === 1 ? this.resolver : credit === 2 ? this.responder : this.assignee;
  }

  /** The crew of a row (its cell must be bound). */
  crew(view: RowView, row: number): Crew {
    return this.crewColumn.crew(view, row);
  }

  /** The team a row counts for (-1: none): its team cell, else the person's team. */
  team(view: RowView, person: number): number {
    const column = this.teamColumn;
    if (column === -1) return this.teamIndex(this.options.staff.members[person]!.team);
    const bytes = view.bytesOf(column, false);
    let cell: Cell;
    if (bytes) {
      const entry = this.teamByBytes.find(view.bytes, view.keyStart, view.keyEnd);
      if (entry !== -1) return this.teamByBytes.value(entry);
    } else if (typeof (cell = view.cell(column)) === 'string') {
      const hit = this.teamByCell.get(cell);
      if (hit !== undefined) return hit;
    }
    if (view.blank(column)) return this.teamIndex(this.options.staff.members[person]!.team);
    const team = this.teamIndex(view.text(column));
    // A cell that is not blank names the same team whoever's ticket it is.
    if (bytes) {
      if (this.teamByBytes.size < CACHE_LIMIT && view.bytesOf(column, false)) this.teamByBytes.insert(view.bytes, view.keyStart, view.keyEnd, team);
    } else if (typeof cell === 'string' && this.teamByCell.size < CACHE_LIMIT) {
      this.teamByCell.set(detach(cell), team);
    }
    return team;
  }

  /** The team of a row as written (its cell, else the person's), for a ticket an appeal leaves out. */
  teamText(view: RowView, person: number): string {
    return this.teamColumn === -1 || view.blank(this.teamColumn) ? this.options.staff.members[person]!.team : view.text(this.teamColumn);
  }

  /** The index of a team by its name as written, if any ticket counted for it. */
  teamOf(name: string): number | undefined {
    return this.teams.get(staffKey(name));
  }

  private teamIndex(name: string): number {
    if (name === '') return -1;
    const cached = this.teamByText.get(name);
    if (cached !== undefined) return cached;
    const index = this.newTeamIndex(name);
    if (this.teamByText.size < CACHE_LIMIT) this.teamByText.set(detach(name), index);
    return index;
  }

  private newTeamIndex(name: string): number {
    const key = staffKey(name);
    let index = this.teams.get(key);
    if (index === undefined) {
      index = this.teams.size;
      this.teams.set(detach(key), index);
      this.teamLabels.push(detach(name));
      this.totals.ensureTeam(index);
    }
    return index;
  }

  /** Call once after the last row: one warning per person not on the roster, per column. */
  finish(): void {
    this.assignee.finish();
    this.resolver.finish();
    this.responder.finish();
    this.crewColumn.finish();
  }
}
