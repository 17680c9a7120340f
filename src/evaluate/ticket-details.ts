// What each ticket counted for, kept for the ticket lists beside the notices: one row of
// numbers per ticket (its contribution to each ticket measure, NaN where it did not count)
// in one growing typed array, with the person, the row and the ticket id beside it — about
// ten bytes per measure and ticket, instead of an object and an array per ticket. A ticket
// that credits several people is kept once per person (and per share, when a person is
// credited it both whole and as a crew member's share).

/**
 * One ticket as it counted for one person: its contribution to each ticket measure
 * (index as plan.ticketMeasures; NaN where it did not count), or the appeal that left it out.
 */
export interface TicketDetail {
  readonly person: number;
  readonly row: number;
  readonly ticket: string;
  /** Created and resolved instants (UTC ms; NaN when blank or unreadable). */
  readonly created: number;
  readonly resolved: number;
  readonly values: Float64Array;
  /** The person's share of the ticket in the measures it has values for (1: the whole ticket). */
  readonly share?: number;
  readonly appeal?: string;
}

export class TicketDetails {
  private values: Float64Array;
  private persons: Int32Array;
  private rows: Int32Array;
  /** Created and resolved instants (UTC ms; NaN when blank or unreadable). */
  private created: Float64Array;
  private resolved: Float64Array;
  private readonly tickets: string[] = [];
  private readonly appeals = new Map<number, string>();
  /** Shares other than 1, by entry. */
  private readonly shares = new Map<number, number>();
  /** Tickets kept. */
  length = 0;

  constructor(private readonly measures: number) {
    this.values = new Float64Array(1024 * Math.max(1, measures));
    this.persons = new Int32Array(1024);
    this.rows = new Int32Array(1024);
    this.created = new Float64Array(1024);
    this.resolved = new Float64Array(1024);
  }

  /** Starts the next ticket: its values, all NaN until `set`; kept only by `keep`. */
  open(): void {
    const need = this.length + 1;
    if (this.persons.length < need) {
      const grow = <T extends Float64Array | Int32Array>(array: T, size: number): T => {
        const bigger = new (array.constructor as new (n: number) => T)(size);
        bigger.set(array);
        return bigger;
      };
      const capacity = this.persons.length * 2;
      this.values = grow(this.values, capacity * this.measures);
      this.persons = grow(this.persons, capacity);
      this.rows = grow(this.rows, capacity);
      this.created = grow(this.created, capacity);
      this.resolved = grow(this.resolved, capacity);
    }
    this.values.fill(NaN, this.length * this.measures, need * this.measures);
  }

  /** The open ticket's contribution to a measure. */
  set(measure: number, x: number): void {
    this.values[this.length * this.measures + measure] = x;
  }

  /** Keeps the open ticket. */
  keep(person: number, row: number, ticket: string, created: number, resolved: number, appeal?: string, share = 1): void {
    if (share !== 1) this.shares.set(this.length, share);
    this.persons[this.length] = person;
    this.rows[this.length] = row;
    this.created[this.length] = Number.isFinite(created) ? created : NaN;
    this.resolved[this.length] = Number.isFinite(resolved) ? resolved : NaN;
    this.tickets.push(ticket);
    if (appeal !== undefined) this.appeals.set(this.length, appeal);
    this.length++;
  }

  /** The tickets of each person (indexes, in file order). */
  indexesByPerson(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (let i = 0; i < this.length; i++) {
      const person = this.persons[i]!;
      const list = out.get(person);
      if (list) list.push(i);
      else out.set(person, [i]);
    }
    return out;
  }

  /** Ticket `i` (its values a view into the store, valid while the store lives). */
  at(i: number): TicketDetail {
    const appeal = this.appeals.get(i);
    return {
      person: this.persons[i]!,
      row: this.rows[i]!,
      ticket: this.tickets[i]!,
      created: this.created[i]!,
      resolved: this.resolved[i]!,
      values: this.values.subarray(i * this.measures, (i + 1) * this.measures),
      ...(this.shares.has(i) ? { share: this.shares.get(i)! } : {}),
      ...(appeal === undefined ? {} : { appeal }),
    };
  }
}
