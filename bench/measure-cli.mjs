#!/usr/bin/env node
// Runs the aspm CLI in this process and, at exit, prints the process's peak resident
// memory on stderr as `maxrss-kb N`, so that a benchmark can read it from the child.
import { run } from '../dist/cli/main.js';

process.on('exit', () => {
  process.stderr.write(`\nmaxrss-kb ${process.resourceUsage().maxRSS}\n`);
});
await run();
