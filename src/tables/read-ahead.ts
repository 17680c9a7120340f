// Values read ahead: the thread that splits a large CSV into records (csv-scan-worker.ts)
// also reads the fields some KPI reads — timestamps, yes/no, numbers — with the same byte
// readers the row view uses (parse-bytes.ts), so that the evaluating thread finds them
// done. A value the byte readers do not decide (a blank, an unusual form, a quoted field)
// is left as NaN, and the view then reads the field itself, warnings and all: reading
// ahead may save work, never change a result. Pure.
import { PLAIN_FIELD, type AheadValues, type ReadAheadPlan, type RecordBatch } from './csv-bytes.js';
import { booleanFromBytes, NOT_DECIDED, numberFromBytes, wallFromBytes } from './parse-bytes.js';
import { zoneClock } from './time-zone.js';

const TIME = 0;
const BOOLEAN = 1;
const NUMBER = 2;

/** Reads the plan's fields of every record of a batch, into `into` when given (room for records × columns). */
export function readAhead(batch: RecordBatch, plan: ReadAheadPlan, into?: Float64Array): AheadValues {
  const width = plan.columns.length;
  const values = into ?? new Float64Array(batch.records * width);
  const clock = zoneClock(plan.zone);
  const columns = Int32Array.from(plan.columns);
  const codes = Uint8Array.from(plan.kinds, (k) => (k === 'time' ? TIME : k === 'boolean' ? BOOLEAN : NUMBER));
  const { bytes, starts, ends, kinds, firstField } = batch;
  // Record by record, so that a record's bytes and offsets are read while they are in cache.
  for (let r = 0; r < batch.records; r++) {
    const first = firstField[r]!;
    const count = firstField[r + 1]! - first;
    const base = r * width;
    for (let p = 0; p < width; p++) {
      const column = columns[p]!;
      const f = first + column;
      let v = NaN;
      if (column < count && kinds[f] === PLAIN_FIELD) {
        const s = starts[f]!;
        const e = ends[f]!;
        const code = codes[p];
        if (code === TIME) {
          const wall = wallFromBytes(bytes, s, e);
          if (wall === wall) v = clock.wallToUtc(wall);
        } else if (code === BOOLEAN) {
          const b = booleanFromBytes(bytes, s, e);
          if (b !== NOT_DECIDED) v = b;
        } else {
          v = numberFromBytes(bytes, s, e);
        }
      }
      values[base + p] = v;
    }
  }
  return { plan, values };
}
