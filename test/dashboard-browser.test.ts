// The dashboard as a person sees it: the demo quarter's page (written by the run's shared
// `aspm demo`, helpers/shared-demo.ts; read, never written) opened from disk in a real
// browser, Debian's Chromium driven by puppeteer-core, once for the whole file. Every chart
// is drawn with its data (the grade distribution's bars counted and measured against
// report.json), nothing is logged as an error, nothing is fetched beyond the file, and
// printing gives A4 landscape pages with a section per page and page numbers. Skips, saying
// so, where Chromium is not installed, unless ASPM_REQUIRE_CHROMIUM=1 (.ci/run sets it and
// installs Chromium).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoredReport } from '../src/scoring/scored-report.js';
import { sharedDemo } from './helpers/shared-demo.js';

const CHROMIUM = process.env.ASPM_CHROMIUM ?? '/usr/bin/chromium';
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const available = existsSync(CHROMIUM) && has('pdftotext') && has('pdfinfo');
if (process.env.ASPM_REQUIRE_CHROMIUM === '1' && !available) {
  throw new Error(`ASPM_REQUIRE_CHROMIUM=1 but ${CHROMIUM} or poppler-utils (pdftotext, pdfinfo) is missing: apt-get install chromium poppler-utils`);
}
const why = available ? '' : ` — SKIPPED: ${CHROMIUM} (Debian: apt-get install chromium) or poppler-utils is not installed`;
// Said where a skipped file is otherwise only counted.
if (!available) process.stderr.write(`dashboard-browser.test.ts${why}; set ASPM_REQUIRE_CHROMIUM=1 to make it an error\n`);

/** An SVG element's drawn box (the DOM's SVGGraphicsElement, which the tests' types do not include). */
interface Measured {
  getBBox(): { readonly width: number; readonly height: number };
}

/** The sections of the page, in order: the ids the contents link to. */
const SECTIONS = ['department', 'grades', 'teams', 'people', 'quality'];

describe.skipIf(!available)(`the demo quarter's dashboard in Chromium${why}`, () => {
  const work = mkdtempSync(join(tmpdir(), 'aspm-dashboard-browser-'));
  let reports: string;
  let report: ScoredReport;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const fetched: string[] = [];

  beforeAll(async () => {
    const { dir, run: demo } = await sharedDemo('zh-CN');
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    reports = join(dir, 'reports');
    report = JSON.parse(readFileSync(join(reports, '2026-Q3.json'), 'utf8')) as ScoredReport;
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      // As root (a CI container) Chromium's sandbox cannot start.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run'],
    });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${String(error)}`));
    page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) fetched.push(request.url());
    });
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(pathToFileURL(join(reports, '2026-Q3.html')).href, { waitUntil: 'load' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens from disk: no console error, no script, nothing fetched beyond the file', async () => {
    expect(errors).toEqual([]);
    expect(fetched).toEqual([]);
    expect(await page.evaluate('document.scripts.length')).toBe(0);
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
  });

  it('has its sections in order, each in the contents and drawn with a size', async () => {
    const sections = (await page.$$eval('section.page', (all) => all.map((s) => ({ id: s.id, height: s.getBoundingClientRect().height })))) as { id: string; height: number }[];
    expect(sections.map((s) => s.id)).toEqual(SECTIONS);
    for (const s of sections) expect(s.height, s.id).toBeGreaterThan(100);
    const contents = await page.$$eval('nav.toc a', (links) => links.map((a) => a.getAttribute('href')));
    expect(contents).toEqual(SECTIONS.map((id) => `#${id}`));
  });

  it('draws every chart with its data: a visible SVG with data marks that have a size', async () => {
    const charts = (await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const marks = [...f.querySelectorAll('[ecmeta_series_index]')].map((m) => (m as unknown as Measured).getBBox()).filter((b) => b.width > 0 && b.height > 0);
        return { name: f.getAttribute('data-chart'), width: box?.width ?? 0, height: box?.height ?? 0, marks: marks.length };
      }),
    )) as { name: string; width: number; height: number; marks: number }[];
    // The department's trends, the grades, a chart per KPI across teams: more than a handful.
    expect(charts.length).toBeGreaterThan(10);
    for (const c of charts) {
      expect(c.width, c.name).toBeGreaterThan(100);
      expect(c.height, c.name).toBeGreaterThan(50);
      expect(c.marks, c.name).toBeGreaterThan(0);
    }
    expect(charts.map((c) => c.name)).toContain('grades');
  });

  it("draws the grade distribution's bars as report.json counts the grades", async () => {
    const bands = report.grades.bands.map((b) => b.grade);
    // Counted from the people, not taken from the report's own summary.
    const counts = bands.map((g) => report.staff.filter((s) => s.grade === g).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(report.staff.filter((s) => s.status === 'assessed').length);
    const bars = (await page.$$eval('figure[data-chart="grades"] [ecmeta_series_index="0"]', (marks) =>
      marks.map((m) => ({ index: Number(m.getAttribute('ecmeta_data_index')), height: (m as unknown as Measured).getBBox().height })),
    )) as { index: number; height: number }[];
    expect(bars.map((b) => b.index).sort()).toEqual(bands.map((_, i) => i));
    // One bar per grade, as tall as its count: the same pixels per person for every bar.
    const tallest = Math.max(...counts);
    const perPerson = bars.find((b) => counts[b.index] === tallest)!.height / tallest;
    for (const bar of bars) expect(bar.height, bands[bar.index]).toBeCloseTo(counts[bar.index]! * perPerson, 0);
    const labels = await page.$$eval('figure[data-chart="grades"] text', (texts) => texts.map((t) => t.textContent ?? ''));
    for (const band of report.grades.bands) expect(labels).toContain(`${band.grade} ${band.label}`);
  });

  it('lists every person in the contents of the people section, each with their charts', async () => {
    const index = await page.$$eval('#people a', (links) => links.map((a) => a.textContent ?? ''));
    for (const person of report.staff) expect(index.some((text) => text.includes(person.name)), person.name).toBe(true);
    const people = (await page.$$eval('#people .person', (all) => all.map((p) => ({ text: p.textContent ?? '', charts: p.querySelectorAll('svg').length })))) as { text: string; charts: number }[];
    expect(people).toHaveLength(report.staff.length);
    for (const person of people.filter((p) => !p.text.includes('未参加考核'))) expect(person.charts).toBeGreaterThan(0);
  });

  it('prints on A4 landscape pages, a section per page, with page numbers', async () => {
    const titles = await page.$$eval('section.page h2', (headings) => headings.map((h) => (h.textContent ?? '').replace(/\s+/g, '')));
    const pdf = join(work, 'dashboard.pdf');
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const [width, height] = (/Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? []).slice(1).map(Number);
    // A4 landscape: 297 × 210 mm = 842 × 595 points.
    expect(width).toBeCloseTo(842, -1);
    expect(height).toBeCloseTo(595, -1);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
    const perPage = text.split('\f').map((p) => p.replace(/\s+/g, ''));
    // Each section starts a page of its own, in order.
    const starts = titles.map((title) => perPage.findIndex((p) => p.includes(title)));
    expect(starts.every((s) => s >= 0), titles.join(' ')).toBe(true);
    expect(new Set(starts).size).toBe(SECTIONS.length);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(pages).toBeGreaterThanOrEqual(SECTIONS.length);
    // The number of each page and of all pages in the footer.
    expect(perPage[0]).toContain(`1/${pages}`);
    expect(perPage[pages - 1]).toContain(`${pages}/${pages}`);
  });
});
