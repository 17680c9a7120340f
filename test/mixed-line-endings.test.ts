// A CSV whose rows end in CR, LF and CRLF by turns (exports pasted together, a file edited
// on two systems) is read row for row (issue 17, 5): before, a lone CR in a file of LFs was
// data, and 1,500 rows read as about a thousand, with row-extra-cells warnings that never
// said rows had merged. Through `evaluate` in process, as UTF-8 (the byte reader) and as
// UTF-16 (the text reader, as for GBK), against the same rows ended by LF alone.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { generateRoster, generateTickets } from '../src/sample-data/generate-sample-data.js';
import { writeRosterCsv, writeTicketsCsv } from '../src/sample-data/write-sample-data.js';
import { memoryIo } from './helpers/memory-io.js';
import { ROOT } from './helpers/run-cli.js';
import { expectValidReport } from './helpers/report-schema.js';

interface Report {
  readonly inputs: readonly { kind: string; rows: number; used: number; skipped: number }[];
  readonly staff: readonly { id: string; total: number | null; kpis: readonly { id: string; value: number | null; samples: number }[] }[];
  readonly warnings: readonly { code: string; row: number | null; column: string | null; message: string }[];
}

const ENDS = ['\r', '\n', '\r\n'] as const;

async function evaluate(dir: string, tickets: string, out: string): Promise<Report> {
  const io = memoryIo({ cwd: dir });
  const args = ['evaluate', join(ROOT, 'presets', 'small.en.yaml'), '--tickets', tickets, '--roster', join(dir, 'roster.csv'), '--period', '2026-09', '-o', join(dir, out), '--lang', 'en'];
  const code = await main(args, io);
  expect(code, io.stderrText()).toBe(0);
  return expectValidReport(JSON.parse(readFileSync(join(dir, out), 'utf8'))) as Report;
}

describe('a CSV that mixes CR, LF and CRLF line ends', () => {
  it('1,500 rows ended by all three in turn read as 1,500 rows, with no row-extra-cells, as the file ended by LF reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-mixed-eol-'));
    const options = { seed: 17, staff: 8, tickets: 1500, year: 2026, month: 9, language: 'en' as const };
    const staff = generateRoster(options);
    await writeRosterCsv(join(dir, 'roster.csv'), staff, { language: 'en' });
    await writeTicketsCsv(join(dir, 'lf.csv'), generateTickets(options, staff), { language: 'en' });
    const lines = readFileSync(join(dir, 'lf.csv'), 'utf8').split('\n').slice(0, -1);
    expect(lines).toHaveLength(1501);
    // Each ending follows each other one (CR then LF, LF then CRLF, …) many times over.
    const mixed = lines.map((line, i) => line + ENDS[(i + Math.floor(i / 3)) % 3]).join('');
    expect(mixed.match(/\r(?!\n)/g)).toHaveLength(500);
    expect(mixed.match(/(?<!\r)\n/g)).toHaveLength(500);
    writeFileSync(join(dir, 'mixed.csv'), mixed);
    // UTF-16 with a BOM is read by the text reader (as GBK is), not by the byte reader.
    writeFileSync(join(dir, 'mixed-utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(mixed, 'utf16le')]));

    const uniform = await evaluate(dir, join(dir, 'lf.csv'), 'lf.json');
    const tickets = (r: Report) => {
      const { rows, used, skipped } = r.inputs.find((i) => i.kind === 'tickets')!;
      return { rows, used, skipped };
    };
    expect(tickets(uniform).rows).toBe(1500);
    const warnings = (r: Report) => r.warnings.map((w) => [w.code, w.row, w.column]);
    for (const file of ['mixed.csv', 'mixed-utf16.csv']) {
      const read = await evaluate(dir, join(dir, file), `${file}.json`);
      expect(tickets(read)).toEqual(tickets(uniform));
      expect(read.warnings.filter((w) => w.code === 'row-extra-cells')).toEqual([]);
      expect(warnings(read)).toEqual(warnings(uniform));
      expect(read.staff).toEqual(uniform.staff);
    }
  });
});
