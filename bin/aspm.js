#!/usr/bin/env node
// The aspm command. All behaviour lives in the compiled package (dist/), built by
// `npm run build`, which `npm ci` / `npm install` run through the `prepare` script.
// start() loads each command's dependencies only when that command runs.
import { start } from '../dist/cli/start.js';

await start();
