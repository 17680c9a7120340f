// De-duplication and appeals, by ticket id: a ticket counts once (its first row, or in an
// event log its last row: last-rows.ts), a row without an id or repeating one is left out,
// and an id an approved appeal names is found so that the ticket counts in no KPI. Ids are
// looked up by their bytes when the reader can give them. It never attributes or counts.
import { ByteKeyTable } from '../tables/byte-key-table.js';
import { IdSet } from '../tables/id-set.js';
import type { RowView } from '../tables/row-view.js';

/** The row is an earlier row of a ticket whose last row counts. */
export const SUPERSEDED = -2;

export class TicketIds {
  private readonly ids = new IdSet();
  /** Ids left out by appeals, by their bytes → index in excludedAppeals. */
  private readonly excludedIds: ByteKeyTable | undefined;
  private readonly excludedAppeals: string[] = [];
  private lastRows: ReadonlyMap<string, number> | undefined;
  /** Set by `check`: the appeal that leaves the row's ticket out, if any. */
  appeal: string | undefined;

  /** `exclude`: ticket ids left out by approved appeals (id → appeal id). */
  constructor(private readonly exclude: ReadonlyMap<string, string> | undefined) {
    if (exclude !== undefined && exclude.size > 0) {
      this.excludedIds = new ByteKeyTable();
      for (const [id, appeal] of exclude) {
        this.excludedIds.insertText(id, this.excludedAppeals.length);
        this.excludedAppeals.push(appeal);
      }
    }
  }

  /** Event logs: only the row each id maps to counts; the others are SUPERSEDED. */
  useLastRows(lastRows: ReadonlyMap<string, number>): void {
    this.lastRows = lastRows;
  }

  /**
   * The ticket's id in `column`: 0 when new, the row it was first seen in when repeated, -1
   * when blank, SUPERSEDED when a later row of the ticket counts instead (useLastRows).
   * Sets `appeal` when an approved appeal leaves the ticket out.
   */
  check(view: RowView, row: number, column: number): number {
    this.appeal = undefined;
    const exclude = this.exclude;
    if (this.lastRows) {
      const id = view.text(column);
      if (id === '') return -1;
      if (this.lastRows.get(id) !== row) return SUPERSEDED;
      if (exclude !== undefined && exclude.size > 0) this.appeal = exclude.get(id);
      return 0;
    }
    if (view.bytesOf(column, true)) {
      const { bytes, keyStart, keyEnd } = view;
      if (keyStart === keyEnd) return -1;
      const first = this.ids.addBytes(bytes, keyStart, keyEnd, row);
      if (first === 0 && this.excludedIds) {
        const entry = this.excludedIds.find(bytes, keyStart, keyEnd);
        if (entry !== -1) this.appeal = this.excludedAppeals[this.excludedIds.value(entry)];
      }
      return first;
    }
    const id = view.text(column);
    if (id === '') return -1;
    const first = this.ids.add(id, row);
    if (first === 0 && exclude !== undefined && exclude.size > 0) this.appeal = exclude.get(id);
    return first;
  }
}
