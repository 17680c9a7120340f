// Running totals of the ticket KPIs: per person, per team and for the whole department, for
// each measure [samples, sum] over the whole period and over each slice of it (the months of
// a quarter that averages its months), the tickets placed in each, and the values that a
// median or p90 needs. The department counts each ticket that counted for anyone once, as a
// team does. Memory grows with people × measures × slices, never with rows (but for the
// values a median keeps). It never reads a row.
/** Totals of one KPI for one person or team. */
export interface KpiTotals {
  readonly samples: number;
  readonly sum: number;
  readonly values: readonly number[] | undefined;
  /**
   * The person's (team's) tickets placed in the period, whatever they counted for: a count
   * or sum over none of them is 0, not a lack of data (unset: not known).
   */
  readonly tickets?: number;
  /**
   * A sum: some ticket it would add up left its value blank (or unreadable). With no sample
   * besides, the sum is missing data rather than 0.
   */
  readonly valueMissing?: boolean;
  /**
   * The samples weighted by each ticket's credit (a crew member's 1/n share), which counts,
   * rates and means divide by; `sum` is weighted alike (unset: every ticket counted whole).
   */
  readonly weight?: number;
}

export class TicketTotals {
  /** Measures. */
  private readonly M: number;
  /** Slices. */
  private readonly S: number;
  /** Per person (and team): M measures × [samples, sum] × (whole period + slices). */
  private readonly stride: number;
  private readonly sliceStarts: Float64Array;
  private readonly sliceEnds: Float64Array;
  private staffTotals = new Float64Array(0);
  private teamTotals = new Float64Array(0);
  // Tickets placed in the period (and in each slice) per person and per team: (S + 1) each.
  private staffTickets = new Float64Array(0);
  private teamTickets = new Float64Array(0);
  private readonly staffValues = new Map<number, number[]>();
  private readonly teamValues = new Map<number, number[]>();
  /** The department: one more "team" that every ticket counting for anyone belongs to. */
  private readonly deptTotals: Float64Array;
  private readonly deptTickets: Float64Array;
  private readonly deptValues = new Map<number, number[]>();
  /** Keys (as of the values above) where a sum met a ticket without its value; the department's by slot × M + i. */
  private readonly staffMissing = new Set<number>();
  private readonly teamMissing = new Set<number>();
  private readonly deptMissing = new Set<number>();
  /** With shared credit: per person, M measures × (whole period + slices), the weighted samples. */
  private staffWeights = new Float64Array(0);

  constructor(
    measures: number,
    slices: readonly { readonly start: number; readonly end: number }[],
    /** Whether a ticket may credit someone a share of it (a crew with `credit: share`). */
    private readonly weighted = false,
  ) {
    this.M = measures;
    this.S = slices.length;
    this.stride = this.M * 2 * (this.S + 1);
    this.sliceStarts = Float64Array.from(slices.map((s) => s.start));
    this.sliceEnds = Float64Array.from(slices.map((s) => s.end));
    this.deptTotals = new Float64Array(this.stride);
    this.deptTickets = new Float64Array(this.S + 1);
  }

  get sliced(): boolean {
    return this.S > 0;
  }

  /** Room for `count` people. */
  ensureStaff(count: number): void {
    const need = count * this.stride;
    if (this.staffTotals.length >= need) return;
    const grown = new Float64Array(Math.max(need, this.staffTotals.length * 2, this.stride * 16));
    grown.set(this.staffTotals);
    this.staffTotals = grown;
    const tickets = new Float64Array((grown.length / this.stride) * (this.S + 1));
    tickets.set(this.staffTickets);
    this.staffTickets = tickets;
    if (this.weighted) {
      const weights = new Float64Array((grown.length / this.stride) * this.M * (this.S + 1));
      weights.set(this.staffWeights);
      this.staffWeights = weights;
    }
  }

  /** Room for team `index` (the next one). */
  ensureTeam(index: number): void {
    const need = (index + 1) * this.stride;
    if (this.teamTotals.length >= need) return;
    const grown = new Float64Array(Math.max(need, this.teamTotals.length * 2));
    grown.set(this.teamTotals);
    this.teamTotals = grown;
    const tickets = new Float64Array((grown.length / this.stride) * (this.S + 1));
    tickets.set(this.teamTickets);
    this.teamTickets = tickets;
  }

  /** The slice an instant falls in, or -1. */
  sliceOf(instant: number): number {
    for (let s = 0; s < this.S; s++) if (instant >= this.sliceStarts[s]! && instant < this.sliceEnds[s]!) return s;
    return -1;
  }

  /** One more ticket of a person (and their team, unless -1) placed in the period, and in the slices its times place it in. */
  countTicket(person: number, team: number, createdSlice: number, resolvedSlice: number): void {
    const S1 = this.S + 1;
    countTicket(this.staffTickets, person * S1, createdSlice, resolvedSlice);
    if (team >= 0) countTicket(this.teamTickets, team * S1, createdSlice, resolvedSlice);
    countTicket(this.deptTickets, 0, createdSlice, resolvedSlice);
  }

  /** One more ticket of a person alone (several people on a ticket: `countTeam` counts each team once). */
  countPerson(person: number, createdSlice: number, resolvedSlice: number): void {
    countTicket(this.staffTickets, person * (this.S + 1), createdSlice, resolvedSlice);
  }

  /** One more ticket of the department (several people on a ticket: once, whoever they are). */
  countDepartment(createdSlice: number, resolvedSlice: number): void {
    countTicket(this.deptTickets, 0, createdSlice, resolvedSlice);
  }

  /** One more ticket of a team. */
  countTeam(team: number, createdSlice: number, resolvedSlice: number): void {
    countTicket(this.teamTickets, team * (this.S + 1), createdSlice, resolvedSlice);
  }

  /**
   * A sample `x` of measure `i` credited to a person with weight `w` (1, or a crew member's
   * share), in the whole period and in `slice` (unless -1). The value a median keeps is `x`
   * itself: a share weighs a ticket, it does not change what happened on it.
   */
  addPerson(i: number, person: number, keepValues: boolean, slice: number, x: number, w: number): void {
    const stride = this.stride;
    const totals = this.staffTotals;
    const S1 = this.S + 1;
    const at = person * stride + i * 2;
    totals[at]! += 1;
    totals[at + 1]! += w * x;
    if (this.weighted) this.staffWeights[person * S1 * this.M + i]! += w;
    if (keepValues) push(this.staffValues, person * S1 * this.M + i, x);
    if (slice >= 0) {
      const offset = (slice + 1) * this.M * 2 + i * 2;
      totals[person * stride + offset]! += 1;
      totals[person * stride + offset + 1]! += w * x;
      if (this.weighted) this.staffWeights[(person * S1 + slice + 1) * this.M + i]! += w;
      if (keepValues) push(this.staffValues, (person * S1 + slice + 1) * this.M + i, x);
    }
  }

  /** A sample `x` of measure `i` for a team: once per ticket, however many of its people are in the team. */
  addTeam(i: number, team: number, keepValues: boolean, slice: number, x: number): void {
    const S1 = this.S + 1;
    const t = team * this.stride + i * 2;
    this.teamTotals[t]! += 1;
    this.teamTotals[t + 1]! += x;
    if (keepValues) push(this.teamValues, team * S1 * this.M + i, x);
    if (slice >= 0) {
      const offset = team * this.stride + (slice + 1) * this.M * 2 + i * 2;
      this.teamTotals[offset]! += 1;
      this.teamTotals[offset + 1]! += x;
      if (keepValues) push(this.teamValues, (team * S1 + slice + 1) * this.M + i, x);
    }
  }

  /** A sample `x` of measure `i` for the department: once per ticket, however many people it credits. */
  addDepartment(i: number, keepValues: boolean, slice: number, x: number): void {
    const d = this.deptTotals;
    d[i * 2]! += 1;
    d[i * 2 + 1]! += x;
    if (keepValues) push(this.deptValues, i, x);
    if (slice >= 0) {
      const offset = (slice + 1) * this.M * 2 + i * 2;
      d[offset]! += 1;
      d[offset + 1]! += x;
      if (keepValues) push(this.deptValues, (slice + 1) * this.M + i, x);
    }
  }

  /**
   * A sample `x` of measure `i` for a person (and the department), and for their team (unless -1) when the
   * measure is team-scoped, in the whole period and in `slice` (unless -1).
   */
  add(i: number, person: number, team: number, teamScoped: boolean, keepValues: boolean, slice: number, x: number): void {
    const stride = this.stride;
    const totals = this.staffTotals;
    const S1 = this.S + 1;
    const forTeam = team >= 0 && teamScoped;
    const at = person * stride + i * 2;
    totals[at]! += 1;
    totals[at + 1]! += x;
    const dept = this.deptTotals;
    dept[i * 2]! += 1;
    dept[i * 2 + 1]! += x;
    if (forTeam) {
      const t = team * stride + i * 2;
      this.teamTotals[t]! += 1;
      this.teamTotals[t + 1]! += x;
    }
    if (keepValues) {
      push(this.staffValues, person * S1 * this.M + i, x);
      if (forTeam) push(this.teamValues, team * S1 * this.M + i, x);
      push(this.deptValues, i, x);
    }
    if (slice >= 0) {
      const offset = (slice + 1) * this.M * 2 + i * 2;
      totals[person * stride + offset]! += 1;
      totals[person * stride + offset + 1]! += x;
      dept[offset]! += 1;
      dept[offset + 1]! += x;
      if (forTeam) {
        this.teamTotals[team * stride + offset]! += 1;
        this.teamTotals[team * stride + offset + 1]! += x;
      }
      if (keepValues) {
        push(this.staffValues, (person * S1 + slice + 1) * this.M + i, x);
        if (forTeam) push(this.teamValues, (team * S1 + slice + 1) * this.M + i, x);
        push(this.deptValues, (slice + 1) * this.M + i, x);
      }
    }
  }

  /**
   * A ticket that measure `i` (a sum) would add up for a person (unless -1), a team (unless
   * -1) and the department, but whose value is blank: in the whole period and in `slice`.
   */
  valueMissing(i: number, person: number, team: number, slice: number): void {
    const S1 = this.S + 1;
    for (const slot of slice >= 0 ? [0, slice + 1] : [0]) {
      if (person >= 0) this.staffMissing.add((person * S1 + slot) * this.M + i);
      if (team >= 0) this.teamMissing.add((team * S1 + slot) * this.M + i);
      this.deptMissing.add(slot * this.M + i);
    }
  }

  /** Totals of measure `i` (index among ticket measures) for a person: over the whole period (slot 0) or slice slot − 1. */
  staffTotalsOf(person: number, i: number, slot = 0): KpiTotals {
    const at = person * this.stride + slot * this.M * 2 + i * 2;
    const tickets = this.staffTickets[person * (this.S + 1) + slot] ?? 0;
    const key = (person * (this.S + 1) + slot) * this.M + i;
    const samples = this.staffTotals[at] ?? 0;
    return { samples, sum: this.staffTotals[at + 1] ?? 0, values: this.staffValues.get(key), tickets, weight: this.weighted ? (this.staffWeights[key] ?? 0) : samples, ...missing(this.staffMissing, key) };
  }

  /** The same for team `index`. */
  teamTotalsAt(index: number, i: number, slot = 0): KpiTotals {
    const at = index * this.stride + slot * this.M * 2 + i * 2;
    const tickets = this.teamTickets[index * (this.S + 1) + slot] ?? 0;
    const key = (index * (this.S + 1) + slot) * this.M + i;
    return { samples: this.teamTotals[at] ?? 0, sum: this.teamTotals[at + 1] ?? 0, values: this.teamValues.get(key), tickets, ...missing(this.teamMissing, key) };
  }

  /** The same for the department. */
  departmentTotalsAt(i: number, slot = 0): KpiTotals {
    const at = slot * this.M * 2 + i * 2;
    return { samples: this.deptTotals[at] ?? 0, sum: this.deptTotals[at + 1] ?? 0, values: this.deptValues.get(slot * this.M + i), tickets: this.deptTickets[slot] ?? 0, ...missing(this.deptMissing, slot * this.M + i) };
  }
}

function missing(keys: ReadonlySet<number>, key: number): { valueMissing?: true } {
  return keys.has(key) ? { valueMissing: true } : {};
}

function countTicket(tickets: Float64Array, at: number, createdSlice: number, resolvedSlice: number): void {
  tickets[at]! += 1;
  if (createdSlice >= 0) tickets[at + 1 + createdSlice]! += 1;
  if (resolvedSlice >= 0 && resolvedSlice !== createdSlice) tickets[at + 1 + resolvedSlice]! += 1;
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
