#!/usr/bin/env node
// Regenerates the pictures of the dashboard in README.md: runs `aspm demo` (Chinese) into a
// temporary folder, opens its quarter's dashboard (reports/2026-Q3.html) in Debian's
// Chromium and takes the teams, the grades and the first person as PNG. Needs
// /usr/bin/chromium (apt-get install chromium) and a built dist/ (npm run build); run it
// after a change to the page: `node scripts/dashboard-images.mjs`. With `--all DIR` it
// writes every section into DIR instead, to look them over.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const all = process.argv[2] === '--all' ? resolve(process.argv[3] ?? 'dashboard-images') : undefined;
const out = all ?? join(root, 'docs', 'images');
/**
 * What README shows: the part of the page (a CSS selector) and at most how tall, in CSS pixels.
 * @type {Record<string, [string, number]>}
 */
const SHOTS = all
  ? { department: ['#department', 2400], grades: ['#grades', 2400], teams: ['#teams', 2400], people: ['#people', 2400], quality: ['#quality', 2400], top: ['header.top', 900] }
  : { teams: ['#teams', 440], grades: ['#grades', 660], person: ['#people article.person', 520] };

const work = mkdtempSync(join(tmpdir(), 'aspm-dashboard-images-'));
try {
  execFileSync(process.execPath, [join(root, 'bin', 'aspm.js'), 'demo', join(work, 'demo')], { stdio: 'ignore', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
  mkdirSync(out, { recursive: true });
  const browser = await puppeteer.launch({ executablePath: process.env.ASPM_CHROMIUM ?? '/usr/bin/chromium', args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // A laptop's width; scale 1, so that the files stay small.
    await page.setViewport({ width: 1100, height: 900, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(work, 'demo', 'reports', '2026-Q3.html')).href, { waitUntil: 'load' });
    for (const [name, [selector, maxHeight]] of Object.entries(SHOTS)) {
      const element = await page.$(selector);
      const box = await element?.boundingBox();
      if (!box) throw new Error(`no ${selector} on the page`);
      const path = join(out, all ? `${name}.png` : `dashboard-${name}.png`);
      await page.screenshot({ path, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, maxHeight) }, captureBeyondViewport: true });
      console.log(`wrote ${path}`);
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
