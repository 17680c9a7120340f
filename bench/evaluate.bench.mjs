// Benchmark of `aspm evaluate` on generated exports: 1,000,000 ticket rows as UTF-8 CSV
// with 500 staff, and 1,048,576 rows (Excel's limit) as XLSX with date cells. Data are
// generated once (seeded) into .bench/. Each run is compared, in the same session, with a
// plain read-and-hash of the same file, because the machine is shared and noisy: the ratio
// says more than the seconds. Targets: CSV ≤ 3 s and ≤ 300 MB; XLSX ≤ 20 s and ≤ 600 MB.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRoster, generateTickets } from '../dist/sample-data/generate-sample-data.js';
import { writeRosterCsv, writeTicketsCsv, writeTicketsXlsx } from '../dist/sample-data/write-sample-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '.bench');
const policy = join(root, 'presets', 'medium.zh-CN.yaml');

const CASES = [
  { name: 'csv-1m', rows: Number(process.env.BENCH_CSV_ROWS ?? 1_000_000), staff: 500, format: 'csv', targetSeconds: 3, targetMb: 300 },
  { name: 'xlsx-1m', rows: Number(process.env.BENCH_XLSX_ROWS ?? 1_048_575), staff: 500, format: 'xlsx', targetSeconds: 20, targetMb: 600 },
];

async function ensureData(c) {
  mkdirSync(dataDir, { recursive: true });
  const options = { seed: 2026, staff: c.staff, tickets: c.rows, year: 2026, month: 10, language: 'zh-CN' };
  const roster = generateRoster(options);
  const rosterPath = join(dataDir, `roster-${c.staff}.csv`);
  if (!existsSync(rosterPath)) await writeRosterCsv(rosterPath, roster, { language: 'zh-CN' });
  const ticketsPath = join(dataDir, `tickets-${c.rows}.${c.format}`);
  if (!existsSync(ticketsPath)) {
    const started = Date.now();
    if (c.format === 'csv') await writeTicketsCsv(ticketsPath, generateTickets(options, roster), { language: 'en' });
    else await writeTicketsXlsx(ticketsPath, generateTickets(options, roster), 'zh-CN');
    console.log(`generated ${ticketsPath} (${(statSync(ticketsPath).size / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { rosterPath, ticketsPath };
}

async function readAndHash(path) {
  const started = process.hrtime.bigint();
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk);
  hash.digest('hex');
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function evaluate(c, paths) {
  const output = join(dataDir, `report-${c.name}.json`);
  rmSync(output, { force: true });
  const started = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [join(root, 'bench', 'measure-cli.mjs'), 'evaluate', policy, '--tickets', paths.ticketsPath, '--roster', paths.rosterPath, '--period', '2026-10', '-o', output, '--lang', 'en'],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = Number(/maxrss-kb (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1024;
  if (child.status !== 0) {
    console.log(child.stderr.slice(-2000));
    throw new Error(`aspm evaluate exited ${child.status}`);
  }
  const summary = child.stderr.split('\n').filter((l) => l.startsWith(paths.ticketsPath) || l.startsWith('Wrote'));
  return { seconds, rss, summary };
}

export async function run() {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  for (const c of CASES) {
    const paths = await ensureData(c);
    const hashSeconds = await readAndHash(paths.ticketsPath);
    const result = evaluate(c, paths);
    const ok = result.seconds <= c.targetSeconds && result.rss <= c.targetMb ? 'within target' : 'OVER TARGET';
    console.log(
      `${c.name}: ${c.rows.toLocaleString('en')} rows, ${c.staff} staff — wall ${result.seconds.toFixed(2)} s (target ${c.targetSeconds} s), ` +
        `peak RSS ${result.rss.toFixed(0)} MB (target ${c.targetMb} MB) — ${ok}; read+hash alone ${hashSeconds.toFixed(2)} s (ratio ${(result.seconds / hashSeconds).toFixed(1)}×)`,
    );
    for (const line of result.summary) console.log(`  ${line}`);
  }
}
