#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.{ts,mts,mjs,js} file, one process each, in name
// order (or only those whose names contain the arguments). Benchmarks print their own
// figures; they are not tests and never fail on a time.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => /\.bench\.(ts|mts|mjs|js)$/.test(name))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

let failed = 0;
for (const name of files) {
  process.stdout.write(`\n== ${name}\n`);
  const typescript = /\.m?ts$/.test(name);
  const args = typescript ? ['--import', 'tsx', join(here, name)] : [join(here, name)];
  const run = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: join(here, '..') });
  if (run.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
