// Benchmark of `aspm evaluate` on an event log: a ServiceNow-like incident log of 1,000,000
// rows for 200,000 incidents (a row per update, `?` for nulls, day-first dates, the rows of
// all incidents interleaved in the order of their update times, as an audit trail is), read
// with `data_sources.tickets.events` (order_by, a first_when first response, on-hold
// intervals), against the same file read by `repeated_ids: last` (the two-pass reading that
// events supersedes) and by events without on-hold intervals. Generated once (seeded) into
// .bench/. Each case runs BENCH_RUNS times (default 3) as a child process, interleaved; the
// median wall time, CPU time and peak RSS are reported, with the load average (the machine is shared).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '.bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TICKETS = Number(process.env.BENCH_EVENT_TICKETS ?? 200_000);
const ROWS = Number(process.env.BENCH_EVENT_ROWS ?? 1_000_000);
const STAFF = 500;

/** mulberry32: a small seeded generator, so that every session reads the same file. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, '0');
/** ServiceNow's export form: DD-MM-YYYY HH:MM (UTC minutes since 2016-03-01). */
function stamp(minutes) {
  const d = new Date(Date.UTC(2016, 2, 1) + minutes * 60_000);
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const HEAD = 'number,incident_state,active,reassignment_count,sys_mod_count,made_sla,opened_at,sys_updated_by,sys_updated_at,contact_type,category,priority,assignment_group,assigned_to,resolved_by,resolved_at,closed_at';

/**
 * Each incident: New, then Active (assigned), sometimes Awaiting User Info / Vendor and back
 * to Active, then Resolved and usually Closed; ROWS / TICKETS rows on average. Rows of all
 * incidents are sorted by update time, so an incident's rows are spread over the file.
 */
async function generate(path) {
  const rnd = random(2016);
  const rows = [];
  const perTicket = Math.round(ROWS / TICKETS);
  let spread = 0;
  for (let t = 0; t < TICKETS; t++) {
    const number = `INC${String(t + 1).padStart(7, '0')}`;
    const opened = Math.floor(rnd() * 29 * 24 * 60);
    const agent = `Resolver ${1 + Math.floor(rnd() * STAFF)}`;
    const group = `Group ${1 + Math.floor(rnd() * 60)}`;
    // perTicket ± 2 rows, the even incident's surplus the odd one's shortfall: TICKETS × perTicket rows in all.
    if (t % 2 === 0) spread = Math.floor(rnd() * 5) - 2;
    const want = Math.max(2, perTicket + (t % 2 === 0 ? spread : -spread));
    const states = ['New', 'Active'];
    while (states.length < want - 2) states.push(rnd() < 0.5 ? (rnd() < 0.7 ? 'Awaiting User Info' : 'Awaiting Vendor') : 'Active');
    if (states.length < want) states.push('Resolved');
    if (states.length < want) states.push('Closed');
    states.length = want;
    let at = opened;
    const resolvedAt = [];
    const events = states.map((state, count) => {
      at += count === 0 ? Math.floor(rnd() * 5) : 5 + Math.floor(rnd() * 300);
      if (state === 'Resolved') resolvedAt.push(at);
      return { state, count, at };
    });
    const resolved = resolvedAt.length > 0 ? stamp(resolvedAt[0]) : '?';
    for (const e of events) {
      const assigned = e.count === 0 ? '?' : agent;
      const done = e.state === 'Resolved' || e.state === 'Closed';
      rows.push({
        at: e.at,
        line: `${number},${e.state},${e.state === 'Closed' ? 'FALSE' : 'TRUE'},0,${e.count},TRUE,${stamp(opened)},Updated by ${1 + (e.count % 50)},${stamp(e.at)},Phone,Category ${t % 40},3 - Moderate,${group},${assigned},${done ? agent : '?'},${done ? resolved : '?'},${e.state === 'Closed' ? stamp(e.at) : '?'}`,
      });
    }
  }
  rows.sort((a, b) => a.at - b.at);
  const out = createWriteStream(path);
  out.write(HEAD + '\n');
  for (let i = 0; i < rows.length; i += 10_000) out.write(rows.slice(i, i + 10_000).map((r) => r.line).join('\n') + '\n');
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

function writePolicy(path, tickets, kpis) {
  const medium = YAML.parse(readFileSync(join(root, 'presets', 'medium.en.yaml'), 'utf8'));
  const policy = YAML.parse(readFileSync(join(root, 'presets', 'small.en.yaml'), 'utf8'));
  policy.kpis = kpis.map((id) => medium.kpis.find((k) => k.id === id));
  policy.roles = [{ ...policy.roles[0], kpis: kpis.map((kpi) => ({ kpi, weight: 100 / kpis.length })) }];
  policy.meta.timezone = 'UTC';
  policy.evaluation.duration = 'calendar';
  policy.goals = [];
  policy.data_sources = { tickets: { columns: { ticket_id: 'number', staff_name: 'assigned_to', team: 'assignment_group', created_at: 'opened_at', resolved_at: 'resolved_at' }, ...tickets } };
  writeFileSync(path, YAML.stringify(policy));
}

const EVENTS = {
  order_by: 'sys_mod_count',
  fields: { first_response_at: { first_when: [{ field: 'incident_state', equals: 'Active' }], value: 'sys_updated_at' } },
  on_hold_when: [{ field: 'incident_state', in: ['Awaiting User Info', 'Awaiting Vendor'] }],
  at: 'sys_updated_at',
};
const CASES = [
  { name: 'events', label: 'events: order_by, first_when, on_hold_when', tickets: { events: EVENTS } },
  { name: 'events-plain', label: 'events: order_by, first_when (no on-hold)', tickets: { events: { order_by: EVENTS.order_by, fields: EVENTS.fields } } },
  // Without first response: the last row of an incident has none to give.
  { name: 'last', label: 'repeated_ids: last (two passes; resolution KPIs only)', tickets: { repeated_ids: 'last' }, kpis: ['resolution_hours', 'resolution_sla_rate'] },
];

function evaluate(c, logPath, run) {
  const output = join(dataDir, `report-event-log-${c.name}-${run}.json`);
  rmSync(output, { force: true });
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [join(root, 'bench', 'measure-cli.mjs'), 'evaluate', c.policy, '--tickets', logPath, '--period', '2016-03', '-o', output, '--lang', 'en'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = Number(/maxrss-kb (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1024;
  const cpu = Number(/cpu-ms (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1000;
  if (child.status !== 0) {
    console.log(child.stderr.slice(-2000));
    throw new Error(`aspm evaluate exited ${child.status}`);
  }
  rmSync(output, { force: true });
  return { seconds, rss, cpu, summary: child.stderr.split('\n').filter((l) => l.startsWith(logPath)) };
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
  mkdirSync(dataDir, { recursive: true });
  const logPath = join(dataDir, `incident-event-log-${ROWS}-${TICKETS}.csv`);
  if (!existsSync(logPath)) {
    const started = Date.now();
    await generate(logPath);
    console.log(`generated ${logPath} (${(statSync(logPath).size / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  for (const c of CASES) {
    c.policy = join(dataDir, `event-log-policy-${c.name}.yaml`);
    writePolicy(c.policy, c.tickets, c.kpis ?? ['first_response_minutes', 'response_sla_rate', 'resolution_hours', 'resolution_sla_rate']);
  }
  const results = new Map(CASES.map((c) => [c.name, []]));
  for (let r = 0; r < RUNS; r++) for (const c of CASES) results.get(c.name).push(evaluate(c, logPath, r));
  for (const c of CASES) {
    const runs = results.get(c.name);
    const wall = runs.map((x) => x.seconds);
    const rss = runs.map((x) => x.rss);
    const cpu = runs.map((x) => x.cpu);
    console.log(`${c.label}: wall median ${median(wall).toFixed(2)} s (${Math.min(...wall).toFixed(2)}–${Math.max(...wall).toFixed(2)}), CPU median ${median(cpu).toFixed(2)} s (${Math.min(...cpu).toFixed(2)}–${Math.max(...cpu).toFixed(2)}), peak RSS median ${median(rss).toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB`);
    for (const line of runs[0].summary) console.log(`  ${line}`);
  }
  console.log(`load average at end: ${load()}`);
}
