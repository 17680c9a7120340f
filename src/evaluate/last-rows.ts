// Event logs (ServiceNow, Jira exports) write a row per update of a ticket; its last row is
// its final state. With `data_sources.tickets.repeated_ids: last`, a first pass over the
// file finds the last row of each ticket id, and the evaluating pass uses only those rows.
// Memory grows with the number of tickets (their ids are kept), which is why it is a
// choice of the policy and not the default. Pure: the reader feeds it rows.
import { cellText, type Cell } from '../tables/parse-value.js';
import type { RowView } from '../tables/row-view.js';
import type { TableHandler } from '../tables/table.js';

export class LastRowFinder implements TableHandler {
  /** Ticket id (trimmed) → the row number of its last row. */
  readonly lastRows = new Map<string, number>();
  private column = -1;

  /**
   * `idColumn` finds the ticket id column in the header as the evaluating pass will, and
   * `score` finds the header as it will, so that both passes number the same rows.
   */
  constructor(
    readonly score: (headers: readonly string[]) => number,
    private readonly idColumn: (headers: readonly string[]) => number,
  ) {}

  header(headers: readonly string[]): void {
    this.column = this.idColumn(headers);
  }

  row(cells: readonly Cell[], row: number): void {
    if (this.column === -1) return;
    const id = cellText(cells[this.column]);
    if (id !== '') this.lastRows.set(id, row);
  }

  /** A UTF-8 CSV row: only the id field becomes a string, not every field (view.cells()). */
  rowView(view: RowView, row: number): void {
    if (this.column === -1) return;
    const id = view.text(this.column);
    if (id !== '') this.lastRows.set(id, row);
  }
}
