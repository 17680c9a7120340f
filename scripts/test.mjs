#!/usr/bin/env node
// `npm test`: the static checks (the typecheck, lint, the dependency rules), then the tests.
// The three checks run side by side: each is one thread, and one after another they left a
// core idle for most of a minute. Each check's output is printed whole as soon as it ends;
// if any fails, the tests do not run and the exit code is 1. The tests run alone after
// them, so that no check competes with tests that measure time. Arguments go to vitest
// (`npm test -- test/cli-render.test.ts`).
import { spawn } from 'node:child_process';

const CHECKS = ['typecheck', 'lint', 'deps'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runCheck(name) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    const report = (code, output) => {
      process.stdout.write(`\n> ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n${output}`);
      resolve(code);
    };
    child.on('error', (error) => report(1, `${error.message}\n`));
    child.on('close', (code, signal) => report(code ?? (signal ? 1 : 0), Buffer.concat(chunks).toString('utf8')));
  });
}

const started = Date.now();
const codes = await Promise.all(CHECKS.map(runCheck));
process.stdout.write(`\n> checks done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
if (codes.some((code) => code !== 0)) process.exit(1);

const vitest = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
vitest.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
