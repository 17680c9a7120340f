#!/usr/bin/env node
// Runs the aspm CLI in this process and, at exit, prints the process's peak resident
// memory on stderr as `maxrss-kb N` (and its CPU time as `cpu-ms N`), so that a benchmark can read it from the child.
// BENCH_THREADS=1 or 2 makes a large CSV be read with one or two threads whatever the
// machine's load (aspm decides by the load; see spareCore in src/tables/read-table.ts): the
// benchmark compares the two in one session. It only changes what the load looks like.
import os from 'node:os';
import { syncBuiltinESMExports } from 'node:module';

const threads = process.env.BENCH_THREADS;
if (threads === '1' || threads === '2') {
  os.loadavg = () => (threads === '1' ? [1e9, 1e9, 1e9] : [0, 0, 0]);
  if (threads === '2') os.availableParallelism = () => Math.max(2, os.cpus().length);
  syncBuiltinESMExports();
}

// The command as bin/aspm.js runs it: its bundle (scripts/bundle-cli.mjs). Named through a
// variable so that the type check of bench/ does not read the bundle as a source.
const bundleEntry = '../dist/bundle/start.js';
const { start } = await import(bundleEntry);

process.on('exit', () => {
  const usage = process.resourceUsage();
  // CPU of every thread (user + system): on a busy shared machine it moves far less than wall time.
  process.stderr.write(`\nmaxrss-kb ${usage.maxRSS}\ncpu-ms ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
});
await start();
