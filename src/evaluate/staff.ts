// Who is evaluated: the roster (工号, 姓名, 岗位, 班组, 绩效奖金基数) read into staff members
// with their roles, and the lookup that attributes a ticket to one of them — by staff id,
// else by name (a name two people share attributes nothing). Without a roster, staff are
// discovered from the tickets, and everyone holds the policy's only role. Pure.
import { AspmError } from '../errors.js';
import type { Policy } from '../policy/policy.generated.js';
import { columnsRead, FIELD_SYNONYMS, matchColumns, normaliseHeader, type ColumnBinding, type ColumnMap } from './columns.js';
import { detach } from '../tables/id-set.js';
import { cellText, isBlank, readNumber, type Cell } from '../tables/parse-value.js';
import type { TableHandler } from '../tables/table.js';
import type { WarningSink } from './warnings.js';

export interface StaffMember {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly team: string;
  readonly bonusBase: number | undefined;
  /** Roster row, for messages (undefined when discovered from tickets). */
  readonly row: number | undefined;
}

export const NOT_FOUND = -1;
export const AMBIGUOUS = -2;

/** How ids and names are compared: width, case and spaces do not matter. */
export function staffKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Who a person is across files and periods (history, appeals, published grades): the staff
 * id, else — a roster of names only, where every id is '' — the name; compared as staffKey.
 * The roster refuses a second row with the same key, so it names one person.
 */
export function personKey(person: { readonly id: string; readonly name: string }): string {
  return staffKey(person.id || person.name);
}

export class StaffDirectory {
  readonly members: StaffMember[] = [];
  private readonly byId = new Map<string, number>();
  private readonly byName = new Map<string, number>();
  /** Roster rows left out for want of a usable role (key → row), to say so at their tickets. */
  private readonly leftOutById = new Map<string, number>();
  private readonly leftOutByName = new Map<string, number>();

  constructor(readonly hasIds: boolean) {}

  add(member: Omit<StaffMember, 'index'>): StaffMember {
    const full: StaffMember = { ...member, index: this.members.length };
    this.members.push(full);
    if (full.id) this.byId.set(staffKey(full.id), full.index);
    if (full.name) {
      const key = staffKey(full.name);
      this.byName.set(key, this.byName.has(key) ? AMBIGUOUS : full.index);
    }
    return full;
  }

  /** A person on the roster who cannot be evaluated (no usable role). */
  leaveOut(person: { readonly id: string; readonly name: string }, row: number): void {
    if (person.id) this.leftOutById.set(staffKey(person.id), row);
    if (person.name) this.leftOutByName.set(staffKey(person.name), row);
  }

  /** The roster row of a person left out, by id or by name (undefined: not on the roster). */
  leftOutRow(text: string, byId: boolean): number | undefined {
    return (byId ? this.leftOutById : this.leftOutByName).get(staffKey(text));
  }

  findById(id: string): number {
    return this.byId.get(staffKey(id)) ?? NOT_FOUND;
  }

  findByName(name: string): number {
    return this.byName.get(staffKey(name)) ?? NOT_FOUND;
  }
}

export interface RosterOptions {
  readonly policy: Policy;
  readonly file: string;
  readonly warnings: WarningSink;
  readonly map?: ColumnMap;
}

/** The roles a roster cell names (by id or name), or the policy's only role for a blank cell. */
export function rolesOfCell(text: string, policy: Policy): { roles: string[]; unknown: string[] } {
  if (text.trim() === '') return { roles: policy.roles.length === 1 ? [policy.roles[0]!.id] : [], unknown: [] };
  const roles: string[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[、,，;；/|+]/)) {
    const key = normaliseHeader(part);
    if (key === '') continue;
    const role = policy.roles.find((r) => normaliseHeader(r.id) === key || normaliseHeader(r.name) === key);
    if (role) {
      if (!roles.includes(role.id)) roles.push(role.id);
    } else {
      unknown.push(part.trim());
    }
  }
  return { roles, unknown };
}

const ROSTER_FIELDS = Object.keys(FIELD_SYNONYMS.roster);

/** Reads roster rows into a StaffDirectory, warning about every row it cannot use. */
export class RosterReader implements TableHandler {
  directory: StaffDirectory;
  private bindings: ReadonlyMap<string, ColumnBinding> = new Map();
  used = 0;
  skipped = 0;
  private readonly seen = new Map<string, number>();

  constructor(private readonly options: RosterOptions) {
    this.directory = new StaffDirectory(false);
  }

  /** Field → the header(s) it was read from (known after the header). */
  get columnsRead(): Record<string, string[]> {
    return columnsRead(this.bindings);
  }

  score(headers: readonly string[]): number {
    return matchColumns(headers, 'roster', ROSTER_FIELDS, this.options.map).bindings.size;
  }

  header(headers: readonly string[]): void {
    const { policy, file } = this.options;
    const match = matchColumns(headers, 'roster', ROSTER_FIELDS, this.options.map);
    this.bindings = match.bindings;
    const missing: string[] = [];
    if (!match.bindings.has('staff_id') && !match.bindings.has('name')) missing.push('staff_id / name');
    if (policy.roles.length > 1 && !match.bindings.has('role')) missing.push('role');
    if (missing.length > 0 || match.missingMapped.length > 0) {
      throw new AspmError('roster-columns-missing', { file, fields: missing.concat(match.missingMapped.map((m) => `${m.field} (${m.headers.join(' / ')})`)), found: headers.filter((h) => h !== '') }, { location: { file } });
    }
    this.directory = new StaffDirectory(match.bindings.has('staff_id'));
    this.width = headers.length;
  }

  private width = 0;

  private cell(cells: readonly Cell[], field: string): Cell {
    const b = this.bindings.get(field);
    return b ? cells[b.columns[0]!] : undefined;
  }

  /** Rows are kept until the end (a roster is small), to know how wide its rows usually are. */
  private readonly pending: { cells: Cell[]; row: number }[] = [];

  row(cells: readonly Cell[], row: number): void {
    this.pending.push({ cells: [...cells], row });
  }

  /**
   * Call once after the last row. A row is taken as shifted by an unquoted comma when it
   * has a non-blank cell beyond the header, or more cells than the header and than most
   * rows (a shift into a blank last column) — not when every row ends in the same blank
   * cells, as some exports and formatted sheets have.
   */
  finish(): void {
    const counts = new Map<number, number>();
    for (const p of this.pending) counts.set(p.cells.length, (counts.get(p.cells.length) ?? 0) + 1);
    let usual = this.width;
    for (const [length, n] of counts) if (n > (counts.get(usual) ?? 0)) usual = length;
    for (const p of this.pending) {
      const beyond = p.cells.slice(this.width).filter((c) => !isBlank(c)).length;
      this.take(p.cells, p.row, beyond > 0 || (p.cells.length > this.width && p.cells.length > usual));
    }
    this.pending.length = 0;
  }

  private take(cells: readonly Cell[], row: number, shifted: boolean): void {
    const { policy, file, warnings } = this.options;
    const id = cellText(this.cell(cells, 'staff_id'));
    const name = cellText(this.cell(cells, 'name'));
    const at = (field: string) => ({ file, row, column: this.bindings.get(field)?.headers[0] ?? field });
    if (id === '' && name === '') {
      warnings.add('roster-row-without-person', {}, { file, row });
      this.skipped++;
      return;
    }
    const key = personKey({ id, name });
    const first = this.seen.get(key);
    if (first !== undefined) {
      warnings.add('roster-duplicate', { staff: id || name, first }, at(id ? 'staff_id' : 'name'));
      this.skipped++;
      return;
    }
    this.seen.set(key, row);
    const roleText = cellText(this.cell(cells, 'role'));
    const parsed = rolesOfCell(roleText, policy);
    const unknown = parsed.unknown;
    let roles = parsed.roles;
    if (unknown.length > 0) warnings.add('roster-unknown-role', { staff: name || id, value: unknown.join(', '), roles: policy.roles.map((r) => `${r.id} (${r.name})`) }, at('role'));
    if (roles.length === 0) {
      if (unknown.length === 0) warnings.add('roster-no-role', { staff: name || id, roles: policy.roles.map((r) => `${r.id} (${r.name})`) }, at('role'));
      this.directory.leaveOut({ id: detach(id), name: detach(name) }, row);
      this.skipped++;
      return;
    }
    if (roles.length > 1 && !policy.multi_role) {
      warnings.add('roster-several-roles', { staff: name || id, value: roleText, role: roles[0]! }, at('role'));
      roles = roles.slice(0, 1);
    }
    // Cells beyond the header: an unquoted comma (a bonus base written 1,500) has shifted
    // the row, so its bonus base is not trusted; the role's default is used instead.
    const baseCell = this.cell(cells, 'bonus_base');
    let bonusBase: number | undefined;
    if (shifted) {
      warnings.add('roster-row-extra-cells', { staff: name || id, count: cells.length - this.width, header: this.width }, { file, row });
    } else if (!isBlank(baseCell)) {
      const n = readNumber(baseCell);
      if (n === n && n >= 0) bonusBase = n;
      else warnings.add('roster-bonus-base-invalid', { staff: name || id, value: cellText(baseCell) }, at('bonus_base'));
    }
    this.directory.add({ id: detach(id), name: detach(name), roles, team: detach(cellText(this.cell(cells, 'team'))), bonusBase, row });
    this.used++;
  }
}
