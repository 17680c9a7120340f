#!/usr/bin/env node
// Runs every bench/*.bench.mjs in turn (each prints its own figures). Benchmarks are not
// tests: they measure, on this machine, what BENCHMARKS.md records. `npm run bench`, or
// `node bench/run.mjs NAME` for the files whose name contains NAME.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs') && f.includes(filter))
  .sort();
for (const file of files) {
  console.log(`\n== ${file}`);
  const bench = await import(pathToFileURL(join(here, file)).href);
  await bench.run();
}
