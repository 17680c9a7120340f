// Benchmark of `aspm evaluate` on generated exports: 1,000,000 ticket rows as UTF-8 CSV
// with 500 staff, and 1,048,576 rows (Excel's limit) as XLSX with date cells. Data are
// generated once (seeded) into .bench/. Each case runs BENCH_RUNS times (default 5) as a
// child process, interleaved, and the median is reported: the machine is shared and
// noisy, so figures are compared within one session — against each other (a large CSV
// read with one thread and with two), against a plain read-and-hash of the same file, and
// against the load average, which says whether the machine was quiet or busy. Targets:
// CSV ≤ 3 s and ≤ 300 MB; XLSX ≤ 20 s and ≤ 600 MB.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRoster, generateTickets } from '../dist/sample-data/generate-sample-data.js';
import { writeRosterCsv, writeTicketsCsv, writeTicketsXlsx } from '../dist/sample-data/write-sample-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '.bench');
const policy = join(root, 'presets', 'medium.zh-CN.yaml');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const CSV = { rows: Number(process.env.BENCH_CSV_ROWS ?? 1_000_000), staff: 500, format: 'csv', targetSeconds: 3, targetMb: 300 };
const XLSX = { rows: Number(process.env.BENCH_XLSX_ROWS ?? 1_048_575), staff: 500, format: 'xlsx', targetSeconds: 20, targetMb: 600 };
/** `threads`: as aspm decides (by the machine's load), or forced to one or two (measure-cli.mjs). */
const CASES = [
  { name: 'csv-1m', label: 'CSV, as aspm decides', data: CSV },
  { name: 'csv-1m-1', label: 'CSV, one thread', data: CSV, threads: '1' },
  { name: 'csv-1m-2', label: 'CSV, two threads', data: CSV, threads: '2' },
  { name: 'xlsx-1m', label: 'XLSX', data: XLSX },
];

async function ensureData(c) {
  mkdirSync(dataDir, { recursive: true });
  const options = { seed: 2026, staff: c.staff, tickets: c.rows, year: 2026, month: 10, language: /** @type {const} */ ('zh-CN') };
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

function evaluate(c, paths, run) {
  const output = join(dataDir, `report-${c.name}-${run}.json`);
  rmSync(output, { force: true });
  const env = { ...process.env, ...(c.threads ? { BENCH_THREADS: c.threads } : {}) };
  const started = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [join(root, 'bench', 'measure-cli.mjs'), 'evaluate', policy, '--tickets', paths.ticketsPath, '--roster', paths.rosterPath, '--period', '2026-10', '-o', output, '--lang', 'en'],
    { encoding: 'utf8', maxBuffer: 1 << 26, env },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = Number(/maxrss-kb (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1024;
  if (child.status !== 0) {
    console.log(child.stderr.slice(-2000));
    throw new Error(`aspm evaluate exited ${child.status}`);
  }
  const report = createHash('sha256').update(readFileSync(output)).digest('hex');
  rmSync(output, { force: true });
  const summary = child.stderr.split('\n').filter((l) => l.startsWith(paths.ticketsPath));
  return { seconds, rss, report, summary };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

export async function run() {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${RUNS} runs per case`);
  console.log(`load average at start (1, 5, 15 min): ${load()}`);
  const results = new Map(CASES.map((c) => [c.name, []]));
  const hashes = new Map();
  const paths = new Map();
  for (const data of [CSV, XLSX]) {
    paths.set(data, await ensureData(data));
    hashes.set(data, []);
  }
  // Interleaved, so that a busy spell weighs on every case alike.
  for (let r = 0; r < RUNS; r++) {
    for (const data of [CSV, XLSX]) hashes.get(data).push(await readAndHash(paths.get(data).ticketsPath));
    for (const c of CASES) results.get(c.name).push(evaluate(c, paths.get(c.data), r));
  }
  for (const c of CASES) {
    const runs = results.get(c.name);
    const wall = runs.map((x) => x.seconds);
    const rss = runs.map((x) => x.rss);
    const hash = median(hashes.get(c.data));
    const ok = median(wall) <= c.data.targetSeconds && Math.max(...rss) <= c.data.targetMb ? 'within target' : 'OVER TARGET';
    console.log(
      `${c.label} (${c.data.rows.toLocaleString('en')} rows, ${c.data.staff} staff): wall median ${median(wall).toFixed(2)} s (${Math.min(...wall).toFixed(2)}–${Math.max(...wall).toFixed(2)}; target ${c.data.targetSeconds} s), ` +
        `peak RSS median ${median(rss).toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB (target ${c.data.targetMb} MB) — ${ok}; read+hash alone ${hash.toFixed(2)} s (ratio ${(median(wall) / hash).toFixed(1)}×)`,
    );
    for (const line of runs[0].summary) console.log(`  ${line}`);
  }
  // The same input must give the same report whatever reads it.
  for (const data of [CSV, XLSX]) {
    const reports = new Set(CASES.filter((c) => c.data === data).flatMap((c) => results.get(c.name).map((x) => x.report)));
    console.log(`${data.format}: ${reports.size === 1 ? 'every run wrote the same report' : `REPORTS DIFFER (${reports.size} different)`}`);
  }
  console.log(`load average at end: ${load()}`);
}
