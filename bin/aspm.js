#!/usr/bin/env node
// The aspm command. All behaviour lives in the compiled package (dist/), built by
// `npm run build`, which `npm ci` / `npm install` run through the `prepare` script; the
// command runs its bundle (dist/bundle/, scripts/bundle-cli.mjs), a few files instead of
// hundreds of modules, and loads each command's dependencies only when it runs.
//
// This file is CommonJS (bin/package.json says so), as are the bundle files it starts with:
// start.cjs answers `--version` and decides; help.cjs answers what asks for help (no
// arguments, -h, --help, help), usage errors among them; validate.cjs and render.cjs each run
// their command. None starts Node's ES module loader, which costs more than a third of
// `aspm --help`, and each is loaded with the code V8 compiled for it when the package was
// built. Every other command, and whatever a front hands over, runs in main.js, an ES module.
'use strict';

// Node 22.8 and later keep V8's compiled code between runs (much of what a short command
// spends is compiling the YAML parser and the policy's validator the first time); Node 20
// has no such cache, and the call is skipped there: the fronts bring their own.
const { enableCompileCache } = require('node:module');
enableCompileCache?.();

// A command whose work never ends (a promise nothing will settle) must not pass for a
// success when Node runs out of things to wait for: as an ES module's top-level await did,
// it ends with 13.
let settled = false;
process.on('exit', () => {
  if (!settled && process.exitCode === undefined) process.exitCode = 13;
});
const { join } = require('node:path');
const front = require('../dist/bundle/start.cjs');
/** A CommonJS file of the bundle, with the code V8 compiled for it (see above). */
const load = (name) => front.requireBundleFile(join(__dirname, '..', 'dist', 'bundle', name));
front
  .start({
    help: () => load('help.cjs'),
    front: (command) => load(`${command}.cjs`),
    command: () => import('../dist/bundle/main.js'),
  })
  .then(() => {
    settled = true;
  });
