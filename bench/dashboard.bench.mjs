// Benchmark of `aspm dashboard`: the dashboard of 500 people over 12 monthly periods. The
// reports are made once (seeded) into .bench/dashboard-500x12/ by evaluating a year of
// generated exports (tickets, roster, ratings) with the medium preset, as a department
// would have published them month by month. Each run is the whole command in a child
// process (spawn to exit: start-up, reading and checking 12 reports, drawing, writing),
// BENCH_RUNS times (default 5), the median reported with the range, the CPU time the child
// used (Linux: which a busy shared machine disturbs far less than the wall time), the peak
// RSS and the size of the file. Targets (issue 13): ≤ 3 s and ≤ 5 MB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluatePolicy } from '../dist/app/evaluate-policy.js';
import { readPolicy } from '../dist/policy/load-policy.js';
import { generateRoster, generateTickets } from '../dist/sample-data/generate-sample-data.js';
import { generateRatings } from '../dist/sample-data/generate-staff-inputs.js';
import { writeRatingsCsv, writeRosterCsv, writeTicketsCsv } from '../dist/sample-data/write-sample-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAFF = 500;
const MONTHS = 12;
const dataDir = join(root, '.bench', `dashboard-${STAFF}x${MONTHS}`);
const reportsDir = join(dataDir, 'reports');
const policyPath = join(root, 'presets', 'medium.zh-CN.yaml');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_SECONDS = 3;
const TARGET_MB = 5;
/** About thirty tickets per person and month. */
const TICKETS = STAFF * MONTHS * 30;
/** The year of months evaluated: 2025-11 … 2026-10. */
const FIRST = { year: 2025, month: 11 };

const monthId = (index) => {
  const m = FIRST.year * 12 + FIRST.month - 1 + index;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};

/** The twelve reports, made once (about a minute). */
export async function ensureReports() {
  if (existsSync(reportsDir) && readdirSync(reportsDir).filter((f) => f.endsWith('.json')).length === MONTHS) return;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });
  const started = Date.now();
  const loaded = await readPolicy(policyPath);
  if (!loaded.ok) throw new Error('the medium preset does not load');
  const policy = loaded.value;
  const options = { seed: 2026, staff: STAFF, tickets: TICKETS, year: FIRST.year, month: FIRST.month, months: MONTHS, language: /** @type {const} */ ('zh-CN'), varied: true };
  const roster = generateRoster(options);
  const rosterPath = join(dataDir, 'roster.csv');
  const ticketsPath = join(dataDir, 'tickets.csv');
  await writeRosterCsv(rosterPath, roster, { language: 'zh-CN' });
  await writeTicketsCsv(ticketsPath, generateTickets(options, roster), { language: 'zh-CN' });
  const raterTypes = [...new Set([...policy.qualitative.raters, ...policy.roles.flatMap((r) => r.raters ?? [])].map((r) => r.type))];
  const items = policy.qualitative.items.map((i) => i.name);
  for (let i = 0; i < MONTHS; i++) {
    const period = monthId(i);
    const ratingsPath = join(dataDir, `ratings-${period}.csv`);
    await writeRatingsCsv(ratingsPath, generateRatings(roster, { seed: 2026 + i, items, raterTypes, max: policy.qualitative.scale.max }), { language: 'zh-CN' });
    await evaluatePolicy({ policy: policyPath, tickets: ticketsPath, roster: rosterPath, ratings: ratingsPath, period, output: join(reportsDir, `${period}.json`), history: reportsDir, date: `${monthId(i + 1)}-05`, language: 'zh-CN' });
  }
  console.log(`made ${MONTHS} reports of ${STAFF} people in ${((Date.now() - started) / 1000).toFixed(0)} s (${(readdirSync(reportsDir).reduce((n, f) => n + statSync(join(reportsDir, f)).size, 0) / 1e6).toFixed(1)} MB of report.json)`);
}

/** CPU seconds used by this process's waited-for children so far (cutime + cstime), or NaN off Linux. */
function childrenCpu() {
  if (!existsSync('/proc/self/stat')) return NaN;
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function dashboard(run) {
  const output = join(dataDir, `dashboard-${run}.html`);
  rmSync(output, { force: true });
  const cpuBefore = childrenCpu();
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [join(root, 'bench', 'measure-cli.mjs'), 'dashboard', reportsDir, '-o', output], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = childrenCpu() - cpuBefore;
  if (child.status !== 0) {
    console.log(child.stderr.slice(-2000));
    throw new Error(`aspm dashboard exited ${child.status}`);
  }
  const rss = Number(/maxrss-kb (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1024;
  const bytes = statSync(output).size;
  rmSync(output, { force: true });
  return { seconds, cpu, rss, bytes };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export async function run() {
  const cores = cpus();
  console.log(`machine: ${cores.length} × ${cores[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${loadavg()[0].toFixed(2)} at the start`);
  await ensureReports();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(dashboard(i));
  const seconds = runs.map((r) => r.seconds);
  const mb = Math.max(...runs.map((r) => r.bytes)) / 1e6;
  const wall = median(seconds);
  console.log(
    `aspm dashboard, ${STAFF} people × ${MONTHS} months: wall median ${wall.toFixed(2)} s (${Math.min(...seconds).toFixed(2)}–${Math.max(...seconds).toFixed(2)}) over ${RUNS} runs, CPU median ${median(runs.map((r) => r.cpu)).toFixed(2)} s, ` +
      `peak RSS ${Math.max(...runs.map((r) => r.rss)).toFixed(0)} MB, file ${mb.toFixed(2)} MB ` +
      `(targets ≤ ${TARGET_SECONDS} s and ≤ ${TARGET_MB} MB: ${wall <= TARGET_SECONDS && mb <= TARGET_MB ? 'met' : 'NOT met'}); load average ${loadavg()[0].toFixed(2)} at the end`,
  );
}
