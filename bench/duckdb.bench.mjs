// The anchor for the CSV benchmark: DuckDB computing the same aggregates (the medium
// preset's ticket KPIs per person and per team) from the same CSV with two threads, in the
// same session as aspm, so that the two can be compared on a shared, noisy machine. Opt-in
// (BENCH_DUCKDB=1): it installs @duckdb/node-api from the npm registry into a temporary
// folder — never a dependency of aspm. Each run is a child process; the figure is the
// whole process (start-up, reading, query), next to the query alone.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VERSION = '1.5.6-r.1';
const folder = join(tmpdir(), 'aspm-bench-duckdb');
const tickets = join(root, '.bench', `tickets-${Number(process.env.BENCH_CSV_ROWS ?? 1_000_000)}.csv`);

// The period is October 2026 in the policy's zone (Asia/Shanghai, no daylight saving), so
// local times compare as written. SLAs as in presets/medium: response 30 min, resolution 48 h.
const QUERY = String.raw`
import { DuckDBInstance } from '@duckdb/node-api';
const started = performance.now();
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await db.connect();
const inC = "created_at >= TIMESTAMP '2026-10-01' AND created_at < TIMESTAMP '2026-11-01'";
const inR = "resolved_at >= TIMESTAMP '2026-10-01' AND resolved_at < TIMESTAMP '2026-11-01'";
const rate = (hit, of) => '100.0 * count(*) FILTER (WHERE ' + hit + ') / nullif(count(*) FILTER (WHERE ' + of + '), 0)';
const sql = 'SELECT staff_id, team, ' + [
  'avg(epoch_ms(first_response_at) - epoch_ms(created_at)) FILTER (WHERE ' + inC + ' AND first_response_at IS NOT NULL) / 60000',
  rate(inC + ' AND first_response_at - created_at <= INTERVAL 30 MINUTE', inC),
  'avg(epoch_ms(resolved_at) - epoch_ms(created_at)) FILTER (WHERE ' + inR + ') / 3600000',
  rate(inR + ' AND resolved_at - created_at <= INTERVAL 48 HOUR', inR),
  'count(*) FILTER (WHERE ' + inR + ')',
  rate(inR + ' AND satisfaction >= 4', inR + ' AND satisfaction IS NOT NULL'),
  rate(inR + " AND reopened = 'N' AND revisit = 'N'", inR),
  rate(inR + " AND reopened = 'Y'", inR),
  rate(inR + " AND complaint = 'Y'", inR),
  rate(inR + ' AND arrived_at <= promised_at', inR + ' AND arrived_at IS NOT NULL AND promised_at IS NOT NULL'),
].join(', ') + " FROM read_csv('" + process.argv[2] + "', header = true) GROUP BY GROUPING SETS ((staff_id), (team))";
const queryStarted = performance.now();
const result = await c.runAndReadAll(sql);
console.log(JSON.stringify({ query: (performance.now() - queryStarted) / 1000, rows: result.getRows().length, all: (performance.now() - started) / 1000 }));
`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export async function run() {
  if (process.env.BENCH_DUCKDB !== '1') {
    console.log('skipped: set BENCH_DUCKDB=1 to install @duckdb/node-api into a temporary folder and measure the anchor');
    return;
  }
  if (!existsSync(tickets)) {
    console.log(`skipped: ${tickets} does not exist (the evaluate benchmark generates it)`);
    return;
  }
  mkdirSync(folder, { recursive: true });
  if (!existsSync(join(folder, 'node_modules', '@duckdb', 'node-api'))) {
    writeFileSync(join(folder, 'package.json'), '{"private":true}\n');
    execFileSync('npm', ['install', '--prefix', folder, '--no-audit', '--no-fund', `@duckdb/node-api@${VERSION}`], { stdio: 'inherit' });
  }
  const script = join(folder, 'query.mjs');
  writeFileSync(script, QUERY);
  console.log(`DuckDB ${VERSION}, 2 threads, ${RUNS} runs; load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const walls = [];
  const queries = [];
  for (let r = 0; r < RUNS; r++) {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [script, tickets], { encoding: 'utf8', cwd: folder });
    walls.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (child.status !== 0) throw new Error(`DuckDB query failed: ${child.stderr.slice(-1000)}`);
    queries.push(JSON.parse(child.stdout).query);
  }
  console.log(`DuckDB, same aggregates from the same CSV: process wall median ${median(walls).toFixed(2)} s (${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)}), query alone median ${median(queries).toFixed(2)} s`);
  console.log(`load average at end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}
