// Vitest global setup: the tests never run a stale dist/. The spawned smoke tests run
// bin/aspm.js, which loads dist/, and the in-process runs read large CSV files in a worker
// thread whose script is the built one; so before any test, dist/ is rebuilt when a source
// is newer than the last build (a deleted file counts: it changes its folder's time).
// The build is incremental, and skipped altogether when nothing changed. The command's
// bundle (dist/bundle/, what bin/aspm.js runs) is made again after each build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** Written after each build this setup makes, dated when the build began. */
const STAMP = join(ROOT, 'dist', '.built');
const BUILD_INFO = join(ROOT, 'tsconfig.build.tsbuildinfo');

/** The newest modification time among the inputs of the build, in ms. */
function newestInput(): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const entry of readdirSync(path)) {
      // Unit tests are not part of the build.
      if (!entry.endsWith('.test.ts')) visit(join(path, entry));
    }
  };
  visit(join(ROOT, 'src'));
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/bundle-cli.mjs']) visit(join(ROOT, file));
  return newest;
}

const ENTRY = join(ROOT, 'dist', 'cli', 'main.js');
/** What bin/aspm.js loads: the fronts and the command's own entry (scripts/bundle-cli.mjs). */
const BUNDLE_ENTRIES = ['start.cjs', 'help.cjs', 'validate.cjs', 'render.cjs', 'main.js'].map((file) => join(ROOT, 'dist', 'bundle', file));
const mtime = (path: string) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/**
 * Whether a source is newer than the last build: this setup's (the stamp) or a full
 * `npm run build` (as `npm ci` runs), which rewrites every output, the entry among them.
 */
export function buildIsStale(): boolean {
  return !existsSync(ENTRY) || !BUNDLE_ENTRIES.every((file) => existsSync(file)) || Math.max(mtime(STAMP), mtime(ENTRY)) < newestInput();
}

export default function setup(): void {
  if (!buildIsStale()) return;
  // Without the outputs, the incremental record would claim a build that is not there.
  if (!existsSync(ENTRY)) rmSync(BUILD_INFO, { force: true });
  const started = Date.now();
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', BUILD_INFO], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  // tsc exits 2 when it found type errors but wrote the files all the same: the tests can
  // run on them (npm test's typecheck reports the errors); 1 means nothing was written.
  if (build.status === 2) process.stderr.write(`dist/ was built with type errors:\n${build.stdout}`);
  else if (build.status !== 0) throw new Error(`The build (tsc -p tsconfig.build.json) failed; the tests would run old code:\n${build.stdout}${build.stderr}`);
  const bundle = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle-cli.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (bundle.status !== 0) throw new Error(`Bundling the command (scripts/bundle-cli.mjs) failed; the tests would run old code:\n${bundle.stdout}${bundle.stderr}`);
  // Dated when the build began: a source saved while it ran is newer, and builds next time.
  writeFileSync(STAMP, new Date(started).toISOString() + '\n');
  utimesSync(STAMP, started / 1000, started / 1000);
}
