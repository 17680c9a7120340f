#!/usr/bin/env node
// `npm test`: the static checks (the typecheck, lint, the dependency rules) and the tests,
// all at once: each check is one thread, and run one after another before the tests they
// left a core idle for most of a minute. The tests print as they go; each check's output is
// printed whole after them, in the order above. The exit code is 1 if anything failed.
// Arguments go to vitest (`npm test -- test/cli-render.test.ts`).
import { spawn } from 'node:child_process';

const CHECKS = ['typecheck', 'lint', 'deps'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runCheck(name) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => resolve({ name, code: 1, output: `${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8') }));
  });
}

const started = Date.now();
const checks = Promise.all(CHECKS.map(runCheck));
const tests = new Promise((resolve) => {
  const vitest = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
  vitest.on('error', () => resolve(1));
  vitest.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});
const [results, testsCode] = await Promise.all([checks, tests]);
let failed = testsCode !== 0;
for (const { name, code, output } of results) {
  process.stdout.write(`\n> ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n${output}`);
  failed ||= code !== 0;
}
process.stdout.write(`\n> tests: ${testsCode === 0 ? 'ok' : `failed (exit ${testsCode})`}; all done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(failed ? 1 : 0);
