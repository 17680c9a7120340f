// Random byte-level damage to a real-looking XLSX and CSV export, fed through the table
// reader (issue 17, "Done means"). Whatever the damage, a read ends in an AspmError with a
// catalogued code or in rows — never another exception — and memory stays bounded.
//
// XLSX: every part aspm reads is checked against its CRC-32 and declared length and must
// end whole, so a read that succeeds must give exactly the rows written: damage is either
// reported or changes no row (it fell in a part aspm does not read, or in bytes no reader
// uses). CSV has no checksum — a changed byte is a changed value, and whether that is
// "silent" cannot be decided — so for CSV the property is the weaker one: no exception
// other than an AspmError, and never more records than the damaged bytes have lines.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AspmError } from '../src/errors.js';
import type { Cell } from '../src/tables/parse-value.js';
import { hasMessage } from '../src/i18n/catalogue.js';
import { readTable, type TableConsumer } from '../src/tables/read-table.js';
import { generateRoster, generateTickets } from '../src/sample-data/generate-sample-data.js';
import { TICKET_HEADERS, writeTicketsCsv, writeTicketsXlsx } from '../src/sample-data/write-sample-data.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-mutations-'));
const options = { seed: 1717, staff: 6, tickets: 60, year: 2026, month: 10, language: 'zh-CN' as const };
const known = new Set<string>(TICKET_HEADERS['zh-CN']);
/** Growth of the heap a read may cause: the inputs are ~10 KB, any real growth is a runaway. */
const HEAP_GROWTH = 128 * 1024 * 1024;

type Outcome = { rows: Cell[][] } | { error: AspmError };

async function readRows(path: string): Promise<Outcome> {
  const rows: Cell[][] = [];
  const consumer: TableConsumer = {
    score: (h) => h.filter((x) => known.has(x)).length,
    header(h) {
      rows.push([...h]);
    },
    row(cells) {
      rows.push([...cells]);
    },
  };
  try {
    await readTable(path, consumer, { parallel: false });
    return { rows };
  } catch (cause) {
    // Anything but an AspmError (an internal error, exit 70) fails the property here.
    if (!(cause instanceof AspmError)) throw cause;
    return { error: cause };
  }
}

/** One kind of damage: bits flipped, bytes overwritten, cut, removed, inserted or repeated. */
const mutation = (length: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat({ max: length - 1 }), mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('set' as const), at: fc.nat({ max: length - 1 }), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat({ max: length - 1 }) }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat({ max: length - 1 }), count: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat({ max: length }), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
    fc.record({ kind: fc.constant('repeat' as const), at: fc.nat({ max: length - 1 }), count: fc.integer({ min: 1, max: 256 }) }),
  );
type Mutation = typeof mutation extends (n: number) => fc.Arbitrary<infer M> ? M : never;

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const out = Buffer.from(bytes);
  switch (m.kind) {
    case 'flip':
      out[m.at] = out[m.at]! ^ m.mask;
      return out;
    case 'set':
      out[m.at] = m.value;
      return out;
    case 'cut':
      return out.subarray(0, m.at);
    case 'remove':
      return Buffer.concat([out.subarray(0, m.at), out.subarray(m.at + m.count)]);
    case 'insert':
      return Buffer.concat([out.subarray(0, m.at), Buffer.from(m.bytes), out.subarray(m.at)]);
    case 'repeat':
      return Buffer.concat([out.subarray(0, m.at + m.count), out.subarray(m.at)]);
  }
}

/** Runs `check` on each damaged copy of `original`, with the heap watched. */
async function property(original: Buffer, name: string, runs: number, check: (damaged: Buffer, outcome: Outcome) => void) {
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(mutation(original.length), { minLength: 1, maxLength: 3 }), async (mutations) => {
      const damaged = mutations.reduce(mutate, original);
      const path = join(dir, `${name}-${n++ % 4}`);
      writeFileSync(path, damaged);
      const outcome = await readRows(path);
      if ('error' in outcome) expect(hasMessage(outcome.error.code)).toBe(true);
      check(damaged, outcome);
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      expect(peak).toBeLessThan(HEAP_GROWTH);
    }),
    { numRuns: runs, seed: 17 },
  );
}

describe('random damage to a table file (property)', () => {
  const xlsx = join(dir, 'tickets.xlsx');
  const csv = join(dir, 'tickets.csv');
  let written: Cell[][];

  beforeAll(async () => {
    const staff = generateRoster(options);
    const tickets = [...generateTickets(options, staff)];
    await writeTicketsXlsx(xlsx, tickets, 'zh-CN');
    await writeTicketsCsv(csv, tickets, { language: 'zh-CN', crlf: true });
    const read = await readRows(xlsx);
    if (!('rows' in read)) throw read.error;
    written = read.rows;
    expect(written).toHaveLength(options.tickets + 1);
  });

  it('an XLSX: every read is a catalogued error or exactly the rows written', async () => {
    const original = readFileSync(xlsx);
    const outcomes = { reported: 0, unchanged: 0 };
    await property(original, 'damaged.xlsx', 250, (_damaged, outcome) => {
      if ('error' in outcome) outcomes.reported++;
      else {
        expect(outcome.rows).toEqual(written);
        outcomes.unchanged++;
      }
    });
    // Most damage lands in the sheet, so most reads must be refused, not re-read unchanged.
    expect(outcomes.reported).toBeGreaterThan(outcomes.unchanged);
  }, 60_000);

  it('a CSV: every read is a catalogued error or rows, never more records than lines', async () => {
    const original = readFileSync(csv);
    await property(original, 'damaged.csv', 250, (damaged, outcome) => {
      if ('error' in outcome) return;
      let lines = 1;
      for (let i = 0; i < damaged.length; i++) {
        if (damaged[i] === 0x0a || (damaged[i] === 0x0d && damaged[i + 1] !== 0x0a)) lines++;
      }
      expect(outcome.rows.length).toBeLessThanOrEqual(lines);
    });
  }, 60_000);
});
