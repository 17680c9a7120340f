// Tables with one row per person besides the roster: the metrics file (a column per custom
// KPI or event count, e.g. 重大投诉次数) and the ratings file (who rated whom, as what, on
// which item, with what score). Each row is matched to a person on the roster; a person
// not on it is left out with one warning. Ratings are only read and checked here; scoring
// them is the next step's job. Pure.
import { AspmError } from '../errors.js';
import type { Policy, RaterType } from '../policy/policy.generated.js';
import { columnsRead, FIELD_SYNONYMS, matchColumns, type ColumnBinding, type ColumnMap } from './columns.js';
import { detach } from '../tables/id-set.js';
import { cellText, isBlank, readNumber, type Cell } from '../tables/parse-value.js';
import { NOT_FOUND, staffKey, type StaffDirectory } from './staff.js';
import type { TableHandler } from '../tables/table.js';
import type { WarningSink } from './warnings.js';

interface PersonTableOptions {
  readonly file: string;
  readonly staff: StaffDirectory;
  readonly warnings: WarningSink;
  readonly map?: ColumnMap;
}

abstract class PersonTable implements TableHandler {
  protected bindings: ReadonlyMap<string, ColumnBinding> = new Map();
  protected headers: readonly string[] = [];
  used = 0;
  skipped = 0;
  private readonly unknown = new Map<string, { label: string; byId: boolean; rows: number; row: number; column: string }>();

  constructor(protected readonly options: PersonTableOptions) {}

  /** Field → the header(s) it was read from (known after the header). */
  get columnsRead(): Record<string, string[]> {
    return columnsRead(this.bindings);
  }

  abstract score(headers: readonly string[]): number;
  abstract header(headers: readonly string[], row: number): void;
  abstract row(cells: readonly Cell[], row: number): void;

  protected cell(cells: readonly Cell[], field: string): Cell {
    const b = this.bindings.get(field);
    return b ? cells[b.columns[0]!] : undefined;
  }

  protected at(row: number, field: string) {
    return { file: this.options.file, row, column: this.bindings.get(field)?.headers[0] ?? field };
  }

  /** The person a row is about, or -1 after noting why not. */
  protected person(cells: readonly Cell[], row: number, nameField: string): number {
    const id = cellText(this.cell(cells, 'staff_id'));
    const name = cellText(this.cell(cells, nameField));
    const { staff } = this.options;
    if (id === '' && name === '') {
      this.options.warnings.add('row-without-person', {}, { file: this.options.file, row });
      return NOT_FOUND;
    }
    const byId = id !== '' && staff.hasIds;
    const index = byId ? staff.findById(id) : staff.findByName(name);
    if (index < 0) {
      const label = byId ? id : name;
      const key = staffKey(label);
      const known = this.unknown.get(key);
      if (known) known.rows++;
      else this.unknown.set(detach(key), { label: detach(label), byId, rows: 1, row, column: this.bindings.get(byId ? 'staff_id' : nameField)?.headers[0] ?? '' });
      return NOT_FOUND;
    }
    return index;
  }

  finish(): void {
    for (const u of this.unknown.values()) {
      const at = { file: this.options.file, row: u.row, column: u.column };
      const rosterRow = this.options.staff.leftOutRow(u.label, u.byId);
      if (rosterRow === undefined) this.options.warnings.add('person-not-on-roster', { value: u.label, rows: u.rows }, at);
      else this.options.warnings.add('person-left-out-of-roster', { value: u.label, rows: u.rows, rosterRow }, at);
    }
    this.unknown.clear();
  }
}

/** The metrics file: per person, the number in each column the policy reads. */
export class MetricsReader extends PersonTable {
  readonly values = new Map<number, Map<string, number | null>>();

  constructor(
    options: PersonTableOptions,
    private readonly columns: readonly string[],
    private readonly requiredColumns: readonly string[],
  ) {
    super(options);
  }

  private fields(): string[] {
    return ['staff_id', 'name', ...this.columns];
  }

  score(headers: readonly string[]): number {
    return matchColumns(headers, 'metrics', this.fields(), this.options.map).bindings.size;
  }

  header(headers: readonly string[]): void {
    this.headers = headers;
    const match = matchColumns(headers, 'metrics', this.fields(), this.options.map);
    this.bindings = match.bindings;
    const missing: string[] = [];
    if (!match.bindings.has('staff_id') && !match.bindings.has('name')) missing.push('staff_id / name');
    for (const c of this.requiredColumns) if (!match.bindings.has(c)) missing.push(c);
    if (missing.length > 0) {
      throw new AspmError('metrics-columns-missing', { file: this.options.file, fields: missing, found: headers.filter((h) => h !== '') }, { location: { file: this.options.file } });
    }
  }

  row(cells: readonly Cell[], row: number): void {
    const person = this.person(cells, row, 'name');
    if (person < 0) {
      this.skipped++;
      return;
    }
    if (this.values.has(person)) {
      this.options.warnings.add('metrics-duplicate', { value: this.options.staff.members[person]!.name || this.options.staff.members[person]!.id }, { file: this.options.file, row });
      this.skipped++;
      return;
    }
    const values = new Map<string, number | null>();
    for (const column of this.columns) {
      if (!this.bindings.has(column)) continue;
      const cell = this.cell(cells, column);
      if (isBlank(cell)) {
        values.set(column, null);
        continue;
      }
      const n = readNumber(cell);
      if (n !== n) {
        this.options.warnings.add('value-unreadable-number', { value: cellText(cell), kpis: [column] }, this.at(row, column));
        values.set(column, null);
      } else {
        values.set(column, n);
      }
    }
    this.values.set(person, values);
    this.used++;
  }
}

export interface RatingRow {
  readonly staff: number;
  readonly raterType: RaterType;
  readonly raterId: string;
  readonly item: string;
  readonly score: number;
  readonly row: number;
}

const RATER_WORDS: ReadonlyMap<string, RaterType> = new Map([
  ['supervisor', 'supervisor'],
  ['上级', 'supervisor'],
  ['主管', 'supervisor'],
  ['直属上级', 'supervisor'],
  ['领导', 'supervisor'],
  ['peer', 'peer'],
  ['同事', 'peer'],
  ['同级', 'peer'],
  ['subordinate', 'subordinate'],
  ['下属', 'subordinate'],
  ['下级', 'subordinate'],
  ['组员', 'subordinate'],
  ['customer', 'customer'],
  ['客户', 'customer'],
  ['self', 'self'],
  ['自评', 'self'],
  ['本人', 'self'],
  ['自我评价', 'self'],
]);

/** The ratings file, checked row by row: known person, rater type, score on the policy's scale. */
export class RatingsReader extends PersonTable {
  readonly ratings: RatingRow[] = [];

  constructor(
    options: PersonTableOptions,
    private readonly policy: Policy,
  ) {
    super(options);
  }

  score(headers: readonly string[]): number {
    return matchColumns(headers, 'ratings', Object.keys(FIELD_SYNONYMS.ratings), this.options.map).bindings.size;
  }

  header(headers: readonly string[]): void {
    this.headers = headers;
    const match = matchColumns(headers, 'ratings', Object.keys(FIELD_SYNONYMS.ratings), this.options.map);
    this.bindings = match.bindings;
    const missing: string[] = [];
    if (!match.bindings.has('staff_id') && !match.bindings.has('staff_name')) missing.push('staff_id / staff_name');
    for (const f of ['rater_type', 'score']) if (!match.bindings.has(f)) missing.push(f);
    if (missing.length > 0) {
      throw new AspmError('ratings-columns-missing', { file: this.options.file, fields: missing, found: headers.filter((h) => h !== '') }, { location: { file: this.options.file } });
    }
  }

  row(cells: readonly Cell[], row: number): void {
    const person = this.person(cells, row, 'staff_name');
    if (person < 0) {
      this.skipped++;
      return;
    }
    const typeText = cellText(this.cell(cells, 'rater_type'));
    const raterType = RATER_WORDS.get(typeText.toLowerCase());
    if (!raterType) {
      this.options.warnings.add('rater-type-unknown', { value: typeText }, this.at(row, 'rater_type'));
      this.skipped++;
      return;
    }
    const scoreCell = this.cell(cells, 'score');
    const score = readNumber(scoreCell);
    const { min, max } = this.policy.qualitative.scale;
    if (score !== score || score < min || score > max) {
      this.options.warnings.add(score !== score ? 'value-unreadable-number' : 'value-outside-scale', { value: cellText(scoreCell), min, max, kpis: [] }, this.at(row, 'score'));
      this.skipped++;
      return;
    }
    this.ratings.push({ staff: person, raterType, raterId: detach(cellText(this.cell(cells, 'rater_id'))), item: detach(cellText(this.cell(cells, 'item'))), score, row });
    this.used++;
  }
}
