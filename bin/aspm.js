#!/usr/bin/env node
// The aspm command. All behaviour lives in the compiled package (dist/), built by
// `npm run build`, which `npm ci` / `npm install` run through the `prepare` script.
import { run } from '../dist/cli/main.js';

await run();
