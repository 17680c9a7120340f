#!/usr/bin/env node
// `npm test`: the static checks (the typecheck, lint, the dependency rules) and the tests, all
// at once. On a two-core machine the suite is bound by CPU, not by waiting: run one after the
// other, the checks left a core idle for half a minute and the tests' last long files left
// one idle again at the end; side by side they fill both. (No test measures speed against a
// tight bound — speed targets are the benchmarks' — so sharing the cores costs the tests only
// time.) The typecheck and the lint are one run of oxlint, whose type information comes from
// typescript-go (oxlint-tsgolint). The tests' output streams as they run; each check's
// output is printed whole when the tests are over, and the exit code is 1 when any check or
// test failed. Interrupted (Ctrl+C, or SIGTERM from a CI's time limit), it stops them all.
// Arguments go to vitest (`npm test -- test/cli-render.test.ts`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const node = process.execPath;
/** A file of the project, wherever npm test is started from (the paths below are the project's). */
const own = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
process.chdir(own('.'));
const CHECKS = [
  // The lint (.oxlintrc.json) and tsconfig.json's program (src, test, vitest.config.ts) checked
  // by typescript-go: about 12 s of CPU where TypeScript's own compiler and ESLint took 40 s.
  { name: 'typecheck and lint', args: [own('node_modules/oxlint/bin/oxlint'), '--type-aware', '--type-check', '--max-warnings=0'] },
  { name: 'typecheck of scripts and bench', args: [own('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.scripts.json'] },
  { name: 'dependency rules', args: [own('node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'src', '--config', '.dependency-cruiser.mjs'] },
];

/**
 * The tests write and remove thousands of temporary files (reports, notices, workbooks, demo
 * folders, LibreOffice profiles). On a disk mounted with `discard`, as these machines' are,
 * every removal waits for the device: a tenth of the suite's time. Where Linux has a RAM disk
 * with room, and TMPDIR is not set already, they go there, in a folder of this run that is
 * removed at the end (the files tests leave behind would otherwise hold memory until reboot).
 */
function ramTemporaryFolder() {
  const ram = '/dev/shm';
  if (process.platform !== 'linux' || process.env.TMPDIR || !existsSync(ram)) return undefined;
  try {
    const { bavail, bsize } = statfsSync(ram);
    return bavail * bsize < 4 * 2 ** 30 ? undefined : mkdtempSync(join(ram, 'aspm-test-'));
  } catch {
    // Not ours to write in (a container's read-only /dev/shm): the system's temporary folder.
    return undefined;
  }
}
const temporary = ramTemporaryFolder();
if (temporary) process.env.TMPDIR = temporary;
const removeTemporary = () => temporary && rmSync(temporary, { recursive: true, force: true });

/** Every child still running, to stop when this process is. */
const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exitCode = 1;
  });
}

function track(child) {
  children.add(child);
  child.on('close', () => children.delete(child));
  return child;
}

/** Runs a check with its output held back; resolves to its exit code, its output and its time. */
function runCheck({ name, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = track(spawn(node, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    const done = (code, output) => resolve({ name, code, output, seconds: (Date.now() - started) / 1000 });
    child.on('error', (error) => done(1, `${error.message}\n`));
    child.on('close', (code, signal) => done(code ?? 1, Buffer.concat(chunks).toString('utf8') + (signal ? `(stopped by ${signal})\n` : '')));
  });
}

function runTests(args) {
  return new Promise((done) => {
    const vitest = track(spawn(node, [own('node_modules/vitest/vitest.mjs'), 'run', ...args], { stdio: 'inherit' }));
    vitest.on('error', (error) => {
      process.stdout.write(`\n> vitest did not start: ${error.message}\n`);
      done(1);
    });
    vitest.on('close', (code, signal) => {
      if (signal) process.stdout.write(`\n> vitest ended by ${signal}\n`);
      done(code ?? 1);
    });
  });
}

const args = process.argv.slice(2);
const started = Date.now();
const checks = Promise.all(CHECKS.map(runCheck));
const testCode = await runTests(args);
const results = await checks;
for (const { name, code, output, seconds } of results) {
  process.stdout.write(`\n> ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${seconds.toFixed(1)} s\n${output}`);
}
removeTemporary();
process.stdout.write(`\n> npm test: ${((Date.now() - started) / 1000).toFixed(1)} s${temporary ? ` (temporary files in ${temporary}, now removed)` : ''}\n`);
if (testCode !== 0 || results.some((r) => r.code !== 0)) process.exitCode = 1;
