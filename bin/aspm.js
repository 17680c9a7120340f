#!/usr/bin/env node
// The aspm command. All behaviour lives in the compiled package (dist/), built by
// `npm run build`, which `npm ci` / `npm install` run through the `prepare` script; the
// command runs its bundle (dist/bundle/, scripts/bundle-cli.mjs), a few files instead of
// hundreds of modules. start() loads each command's dependencies only when it runs.
import module from 'node:module';

// Node 22 and later keep V8's compiled code between runs (much of what a short command
// spends is compiling the YAML parser and the policy's validator the first time); Node 20
// has no such cache, and the call is skipped there.
module.enableCompileCache?.();

const { start } = await import('../dist/bundle/start.js');

await start();
