// Benchmark of start-up: how long the built `aspm` takes, from spawn to exit, for
// `--version`, `--help`, `validate` and `render` to Word of the large preset, each as a ratio
// to a bare `node -e 0` measured in the same session. The machine is shared and busy, so
// the cases run interleaved (one of each per round, the order rotating every round) and
// each figure is the median of BENCH_STARTUP_RUNS rounds (default 11): seconds vary with
// the load from one session to the next, the ratios much less. Beside the wall time, the
// CPU time the children used (Linux: the parent's cutime + cstime in /proc, in clock ticks,
// so given as a mean over the rounds), which a busy machine disturbs far less than the
// wall time: on a machine with a queue of runnable jobs the wall time of a short process
// is mostly waiting for a core. BENCH_STARTUP_PLAIN=1: without NODE_EXTRA_CA_CERTS (see
// CHILD_ENV). Targets (issue 14):
// `--version` and `--help` ≤ 1.5×, `validate` ≤ 3×, `render` to .docx ≤ 5×.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const policy = join(root, 'presets', 'large.zh-CN.yaml');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 11);
/**
 * BENCH_STARTUP_COMPARE=DIR[,DIR…]: other builds of aspm (a checkout or copy with bin/ and
 * dist/ built) whose commands run interleaved with these, to compare before and after in
 * one session rather than across sessions of a machine whose load keeps changing.
 */
const OTHERS = (process.env.BENCH_STARTUP_COMPARE ?? '').split(',').filter(Boolean);

/** The aspm cases of one build; `target`: the ratio to `node -e 0` it must not exceed. */
function aspmCases(dir, name, key = 'this') {
  const aspm = join(dir, 'bin', 'aspm.js');
  const label = (text) => (name ? `${text} [${name}]` : text);
  return [
    { label: label('aspm --version'), args: () => [aspm, '--version'], target: 1.5 },
    { label: label('aspm --help'), args: () => [aspm, '--help'], target: 1.5 },
    { label: label('aspm validate large.zh-CN.yaml'), args: () => [aspm, 'validate', policy], target: 3 },
    { label: label('aspm render large.zh-CN.yaml -o .docx'), args: (out, round) => [aspm, 'render', policy, '-o', join(out, `policy-${key}-${round}.docx`)], target: 5 },
  ];
}

/** `args(dir, round)`: the node arguments. */
const CASES = [{ label: 'node -e 0', args: () => ['-e', '0'] }, ...aspmCases(root), ...OTHERS.flatMap((dir, index) => aspmCases(dir, `${index + 1}: ${dir}`, String(index + 1)))];

function median(sorted) {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** CPU seconds used by this process's waited-for children so far, or undefined off Linux. */
function childrenCpu() {
  if (!existsSync('/proc/self/stat')) return undefined;
  // Fields after the command name (which may hold spaces): cutime and cstime are fields 16 and 17.
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  return ticks / CLOCK_TICKS;
}
/** USER_HZ: 100 on every Linux that Node runs on. */
const CLOCK_TICKS = 100;

/**
 * The children's environment. LANG fixed so that help and messages are the same text in
 * every round and on every machine. NODE_EXTRA_CA_CERTS, when set (as on the machines this
 * project is built on), makes every Node start read and parse a bundle of certificates:
 * about 45 ms more for `node -e 0` and for aspm alike, which flatters every ratio.
 * BENCH_STARTUP_PLAIN=1 leaves it out, as on a machine without it (aspm opens no
 * connection, so nothing else changes).
 */
const PLAIN = process.env.BENCH_STARTUP_PLAIN === '1';
/** @type {Record<string, string | undefined>} */
const CHILD_ENV = { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1' };
if (PLAIN) delete CHILD_ENV.NODE_EXTRA_CA_CERTS;

function timeOnce(args) {
  const cpuBefore = childrenCpu();
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', env: CHILD_ENV });
  const wall = performance.now() - start;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}:\n${child.stderr}`);
  const cpuAfter = childrenCpu();
  return { wall, cpu: cpuBefore === undefined ? undefined : (cpuAfter - cpuBefore) * 1000 };
}

/**
 * Wall times (ms, sorted) and CPU times (ms, in run order) per case, in CASES order; round r
 * starts at case r mod n, so no case always follows the same one.
 */
export function measureStartup(runs = RUNS) {
  const dir = mkdtempSync(join(tmpdir(), 'aspm-bench-startup-'));
  const times = CASES.map(() => []);
  const cpu = CASES.map(() => []);
  try {
    // One untimed round: the first spawn pays for filling the file cache.
    CASES.forEach((c) => timeOnce(c.args(dir, -1)));
    for (let round = 0; round < runs; round++) {
      for (let k = 0; k < CASES.length; k++) {
        const index = (round + k) % CASES.length;
        const measured = timeOnce(CASES[index].args(dir, round));
        times[index].push(measured.wall);
        if (measured.cpu !== undefined) cpu[index].push(measured.cpu);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { wall: times.map((list) => [...list].sort((a, b) => a - b)), cpu };
}

const mean = (list) => list.reduce((sum, value) => sum + value, 0) / list.length;

export async function run() {
  const cores = cpus();
  const before = loadavg()[0];
  console.log(`machine: ${cores.length} × ${cores[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${before.toFixed(2)} at the start`);
  const certificates = CHILD_ENV.NODE_EXTRA_CA_CERTS;
  console.log(
    certificates
      ? `NODE_EXTRA_CA_CERTS=${certificates}: every start, node -e 0 too, also loads those certificates (BENCH_STARTUP_PLAIN=1 measures without them)`
      : `without NODE_EXTRA_CA_CERTS${PLAIN ? ' (BENCH_STARTUP_PLAIN=1)' : ''}: a plain Node start`,
  );
  const { wall: times, cpu } = measureStartup();
  const base = median(times[0]);
  const cpuBase = cpu[0].length > 0 ? mean(cpu[0]) : undefined;
  let met = true;
  for (const [index, c] of CASES.entries()) {
    const sorted = times[index];
    const ratio = median(sorted) / base;
    const verdict = c.target === undefined ? '' : ratio <= c.target ? `  (target ≤ ${c.target}×: met)` : `  (target ≤ ${c.target}×: NOT met)`;
    if (c.target !== undefined && ratio > c.target) met = false;
    const cpuText = cpuBase === undefined ? '' : `  CPU mean ${mean(cpu[index]).toFixed(0).padStart(4)} ms ${(mean(cpu[index]) / cpuBase).toFixed(2)}×`;
    console.log(
      `${c.label.padEnd(Math.max(...CASES.map((k) => k.label.length)))} wall median ${median(sorted).toFixed(0).padStart(5)} ms (${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)}) ${ratio.toFixed(2)}×${cpuText}${verdict}`,
    );
  }
  console.log(`${RUNS} interleaved rounds; load average ${loadavg()[0].toFixed(2)} at the end; ${met ? 'every target met' : 'a target is not met'}`);
}
