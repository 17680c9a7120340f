// Attribution: the person a ticket row belongs to (by staff id where ids attribute, else by
// name; placeholders such as `?` or 未分配 are nobody) and the team it counts for. The
// normalising lookups cost more than everything else a row needs, so each person and team
// found is cached by the cell's exact text, by its bytes (views over a file's bytes) and by
// the cell as delivered (an XLSX shared string is one string for every row). People not on
// the roster are one warning each at the end. It never counts a ticket.
import type { Policy } from '../policy/policy.generated.js';
import { ByteKeyTable } from '../tables/byte-key-table.js';
import { detach } from '../tables/id-set.js';
import type { Cell } from '../tables/parse-value.js';
import type { RowView } from '../tables/row-view.js';
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
}

export class TicketAttribution {
  /** Team key (staffKey) → index. */
  readonly teams = new Map<string, number>();
  /** Teams as first written in the tickets (or on the roster), in order of appearance. */
  readonly teamLabels: string[] = [];
  private headers: readonly string[] = [];
  private staffIdColumn = -1;
  private staffNameColumn = -1;
  private teamColumn = -1;
  // Exact cell text → index, in front of the normalising lookups.
  private readonly teamByText = new Map<string, number>();
  // Ids and names apart: a name may be written like an id (or like anything a shared key would add).
  private readonly staffByIdText = new Map<string, number>();
  private readonly staffByNameText = new Map<string, number>();
  // The same caches keyed by a field's bytes as written, for views over a file's bytes.
  private readonly teamByBytes = new ByteKeyTable();
  private readonly staffByIdBytes = new ByteKeyTable();
  private readonly staffByNameBytes = new ByteKeyTable();
  // And keyed by the cell as delivered.
  private readonly staffByIdCell = new Map<string, number>();
  private readonly staffByNameCell = new Map<string, number>();
  private readonly teamByCell = new Map<string, number>();
  /** Whether a row with a staff id is attributed by it (else by name). */
  private byIdPossible = false;
  /** Whether the last row attributed by text was attributed by its staff id. */
  private byIdDecided = false;
  private readonly unknownStaff = new Map<string, { label: string; byId: boolean; tickets: number; row: number; column: string }>();

  constructor(
    private readonly options: AttributionOptions,
    /** Grown when a person or team is found. */
    private readonly totals: TicketTotals,
  ) {
    totals.ensureStaff(options.staff.members.length);
  }

  /** The columns attribution reads (known after the header). */
  bind(columns: AttributionColumns): void {
    this.headers = columns.headers;
    this.staffIdColumn = columns.staffId;
    this.staffNameColumn = columns.staffName;
    this.teamColumn = columns.team;
    this.byIdPossible = this.staffIdColumn !== -1 && (this.options.staff.hasIds || this.options.discoverStaff);
  }

  /**
   * The person a row belongs to, or a negative number after warning why none. A view's
   * staff id (or name) is looked up by its bytes first: a hit is a person found before for
   * the same text, and the normalising lookup never runs again for it.
   */
  person(view: RowView, row: number): number {
    // The cell that decides: the staff id where ids attribute, else the name.
    const column = this.byIdPossible ? this.staffIdColumn : this.staffNameColumn;
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
    const id = this.staffIdColumn === -1 ? '' : real(view.text(this.staffIdColumn), (text) => staff.findById(text));
    const name = this.staffNameColumn === -1 ? '' : real(view.text(this.staffNameColumn), (text) => staff.findByName(text));
    if (id === '' && name === '') {
      this.options.warnings.add('ticket-without-staff', {}, { file, row, column: this.headers[this.staffIdColumn !== -1 ? this.staffIdColumn : this.staffNameColumn] ?? '' });
      return NOT_FOUND;
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
      if (byId && name !== '') this.staffByNameText.clear();
      return index;
    }
    if (index < 0) {
      const label = byId ? id : name;
      // An id and a name written alike are two people (two warnings), as for those on the roster.
      const key = `${index}:${byId ? 'id' : 'name'}:${staffKey(label)}`;
      const known = this.unknownStaff.get(key);
      if (known) known.tickets++;
      else {
        const column = this.headers[byId ? this.staffIdColumn : this.staffNameColumn] ?? '';
        this.unknownStaff.set(detach(key), { label: detach(label), byId, tickets: 1, row, column });
      }
    }
    return index;
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

  /** Call once after the last row: one warning per person not on the roster. */
  finish(): void {
    for (const [key, u] of this.unknownStaff) {
      const at = { file: this.options.file, row: u.row, column: u.column };
      const rosterRow = this.options.staff.leftOutRow(u.label, u.byId);
      if (key.startsWith(`${AMBIGUOUS}:`)) this.options.warnings.add('staff-name-ambiguous', { value: u.label, tickets: u.tickets }, at);
      else if (rosterRow !== undefined) this.options.warnings.add('staff-left-out-of-roster', { value: u.label, tickets: u.tickets, rosterRow }, at);
      else this.options.warnings.add('staff-not-on-roster', { value: u.label, tickets: u.tickets }, at);
    }
    this.unknownStaff.clear();
  }
}
