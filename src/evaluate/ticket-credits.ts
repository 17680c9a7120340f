// Who a ticket credits when its KPIs credit several people (the assignee, the resolver, the
// first responder, a crew): for one row at a time, the people each of them names, the
// weight each is credited with (1, or a crew member's 1/n share) and their teams, each team
// once. Read into arrays kept from row to row. Tickets that would have counted for a person
// whose cell is blank are one warning per column at the end. It never counts a ticket.
import type { Credit } from '../policy/ticket-people.js';
import type { RowView } from '../tables/row-view.js';
import { CREDITS, NOBODY, type TicketAttribution } from './ticket-attribution.js';
import type { WarningSink } from './warnings.js';

export interface TicketCreditsOptions {
  readonly attribution: TicketAttribution;
  /** Who the computed measures credit. */
  readonly credits: ReadonlySet<Credit>;
  /** Crew members share a ticket (1/n each) rather than each taking it whole. */
  readonly share: boolean;
  /** Names of the KPIs of each credit (CREDITS index), for the warning about blank cells. */
  readonly kpis: readonly (readonly string[])[];
  readonly file: string;
  readonly warnings: WarningSink;
}

const CREW = CREDITS.indexOf('crew');

export class TicketCredits {
  /** Per credit (CREDITS index): the people the row credits, and their teams (each once). */
  readonly people: number[][] = CREDITS.map(() => []);
  readonly teams: number[][] = CREDITS.map(() => []);
  /** Per credit: what each of its people is credited with. */
  readonly weight = new Float64Array(CREDITS.length).fill(1);
  /** Everyone the row credits in some KPI, and their teams, each once. */
  readonly everyone: number[] = [];
  readonly allTeams: number[] = [];
  /** Per credit: whether the row names nobody there (blank, or only a placeholder). */
  readonly blank: boolean[] = CREDITS.map(() => false);
  private readonly inUse: boolean[];
  private readonly blankTickets: number[] = CREDITS.map(() => 0);
  private readonly blankRow: number[] = CREDITS.map(() => 0);

  constructor(private readonly options: TicketCreditsOptions) {
    this.inUse = CREDITS.map((c) => options.credits.has(c));
  }

  /** Whether the last row read names no one in any column (not even someone unknown). */
  nobody = false;

  /** Reads who the row credits; false when it credits no one at all. */
  read(view: RowView, row: number, withTeams: boolean): boolean {
    const { attribution } = this.options;
    this.everyone.length = 0;
    this.allTeams.length = 0;
    for (let r = 0; r < CREDITS.length; r++) {
      const people = this.people[r]!;
      const teams = this.teams[r]!;
      people.length = 0;
      teams.length = 0;
      this.blank[r] = false;
      if (!this.inUse[r]) continue;
      if (r === CREW) {
        const crew = attribution.crew(view, row);
        for (const p of crew.people) people.push(p);
        this.weight[r] = this.options.share && crew.listed > 0 ? 1 / crew.listed : 1;
        this.blank[r] = crew.listed === 0;
      } else {
        const person = attribution.columns(r).person(view, row);
        if (person >= 0) people.push(person);
        this.blank[r] = person === NOBODY;
      }
      for (const p of people) {
        if (!this.everyone.includes(p)) this.everyone.push(p);
        if (!withTeams) continue;
        const team = attribution.team(view, p);
        if (team < 0) continue;
        if (!teams.includes(team)) teams.push(team);
        if (!this.allTeams.includes(team)) this.allTeams.push(team);
      }
    }
    this.nobody = true;
    for (let r = 0; r < CREDITS.length; r++) if (this.inUse[r] && !this.blank[r]) this.nobody = false;
    return this.everyone.length > 0;
  }

  /** The column a row naming no one is warned at: the first person column read. */
  get column(): string {
    const { attribution } = this.options;
    for (let r = 0; r < CREDITS.length; r++) {
      if (!this.inUse[r]) continue;
      return r === CREW ? attribution.crewColumn.header : attribution.columns(r).column;
    }
    return '';
  }

  /** The row would have counted in a KPI of credit `r`, whose cell names no one. */
  noteBlank(r: number, row: number): void {
    if (this.blankTickets[r] === 0) this.blankRow[r] = row;
    this.blankTickets[r]!++;
  }

  /** One warning per person column with tickets that counted for no one there. */
  finish(): void {
    const { attribution, file, warnings } = this.options;
    for (let r = 0; r < CREDITS.length; r++) {
      const count = this.blankTickets[r]!;
      if (count === 0) continue;
      const column = r === CREW ? attribution.crewColumn.header : attribution.columns(r).column;
      warnings.add('credit-blank', { count, kpis: this.options.kpis[r] ?? [] }, { file, row: this.blankRow[r]!, column });
    }
  }
}
