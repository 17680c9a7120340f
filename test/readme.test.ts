import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIELD_SYNONYMS } from '../src/evaluate/columns.js';
import { evaluateFiles } from '../src/evaluate/evaluate-files.js';
import { checkPolicyObject } from '../src/policy/load-policy.js';
import * as entry from '../src/index.js';
import * as cliEntry from '../src/cli.js';

// What the package exports: its entry and the command line's (aspm-cli/cli).
const library = { ...entry, ...cliEntry };
import { commands } from '../src/cli/commands/index.js';
import { brokenLinks, headingFragments, relativeLinks } from './helpers/markdown-links.js';
import { ROOT } from './helpers/run-cli.js';

// README.md is the newcomer's page; the reference it links to is in docs/. The claims are
// checked wherever their text lives.
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const docPaths = readdirSync(join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);
const docs = new Map(docPaths.map((path) => [path, readFileSync(join(ROOT, path), 'utf8')]));
const doc = (path: string) => {
  const text = docs.get(path);
  if (text === undefined) throw new Error(`${path} is missing`);
  return text;
};
const documentation = [readme, ...docs.values()].join('\n');
const section = (text: string, title: string) => {
  const start = text.indexOf(title);
  expect(start, title).toBeGreaterThan(-1);
  const end = text.indexOf('\n## ', start + title.length);
  return text.slice(start, end === -1 ? undefined : end);
};

describe('README and docs/', () => {
  it('its table of recognised ticket headers lists exactly the names the code recognises, in order', () => {
    const rows = [...section(doc('docs/evaluating.md'), '**Columns** are matched').matchAll(/^\| `([a-z_]+)` \| (.*) \|$/gm)].map((m) => [m[1]!, m[2]!.split(', ')]);
    const expected = Object.entries(FIELD_SYNONYMS.tickets).map(([field, names]) => [field, names.filter((n) => n !== field)]);
    expect(rows).toEqual(expected);
  });

  it('names only functions the package really exports in its library page', () => {
    const text = doc('docs/library.md');
    const named = new Set([...text.matchAll(/`([a-z][A-Za-z0-9]+)(?:\(|`)/g), ...text.matchAll(/^\s*import \{([^}]+)\}/gm)].flatMap((m) => m[1]!.split(',').map((n) => n.trim())));
    named.delete('en');
    expect(named.size).toBeGreaterThan(15);
    const missing = [...named].filter((name) => !(name in library));
    expect(missing).toEqual([]);
  });

  it("its example of a KPI of one's own validates and computes what it says", async () => {
    const block = [...documentation.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('answered_in_20s'));
    expect(block).toBeDefined();
    const example = parse(block!) as { kpis: object[]; data_sources: object };
    const policy = parse(readFileSync(join(ROOT, 'presets', 'small.en.yaml'), 'utf8'));
    policy.kpis.push(...example.kpis);
    policy.roles = [{ ...policy.roles.find((r: { id: string }) => r.id === 'agent'), kpis: [{ kpi: 'answered_in_20s', weight: 100 }] }];
    policy.data_sources = example.data_sources;
    const checked = checkPolicyObject(policy);
    expect(checked.ok ? [] : checked.diagnostics.map((d) => d.code)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'aspm-readme-'));
    const tickets = join(dir, 'calls.csv');
    // Answered calls: 12 s, 30 s, 5 s; one unanswered call is not counted.
    writeFileSync(tickets, 'Call Id,Agent,Created,Answered (Y/N),Speed of answer in seconds\n1,Ann,2026-10-01 09:00,Y,12\n2,Ann,2026-10-01 10:00,Y,30\n3,Ann,2026-10-02 09:00,N,\n4,Ann,2026-10-02 10:00,Y,5\n');
    const evaluation = await evaluateFiles({ policy: checked.ok ? checked.value : policy, period: '2026-10', tickets });
    expect(evaluation.staff[0]!.kpis[0]).toMatchObject({ id: 'answered_in_20s', samples: 3 });
    expect(evaluation.staff[0]!.kpis[0]!.value).toBeCloseTo(200 / 3, 10);
  });

  it('its ServiceNow event-log example validates and computes the figures it gives for INC0000047', async () => {
    const block = [...documentation.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('order_by: sys_mod_count'));
    expect(block).toBeDefined();
    const policy = parse(readFileSync(join(ROOT, 'presets', 'medium.en.yaml'), 'utf8'));
    policy.roles = [{ ...policy.roles.find((r: { id: string }) => r.id === 'agent'), kpis: [{ kpi: 'first_response_minutes', weight: 50 }, { kpi: 'resolution_hours', weight: 50 }] }];
    policy.meta.timezone = 'UTC';
    policy.evaluation = { ...policy.evaluation, duration: 'calendar' };
    policy.data_sources = (parse(block!) as { data_sources: object }).data_sources;
    const checked = checkPolicyObject(policy);
    expect(checked.ok ? [] : checked.diagnostics.map((d) => d.code)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'aspm-readme-'));
    const log = join(dir, 'incident_event_log.csv');
    // INC0000047's nine rows as the docs describe them, listed out of order.
    const rows = [
      [8, 'Closed', '06-03-2016 10:00', 'Resolver 89'],
      [0, 'New', '29-02-2016 04:57', 'Resolver 89'],
      [1, 'Active', '29-02-2016 05:30', 'Resolver 31'],
      [2, 'Active', '29-02-2016 05:33', 'Resolver 31'],
      [3, 'Active', '29-02-2016 11:31', 'Resolver 31'],
      [4, 'Active', '29-02-2016 11:32', 'Resolver 31'],
      [5, 'Active', '01-03-2016 09:14', 'Resolver 31'],
      [6, 'Awaiting User Info', '01-03-2016 09:14', 'Resolver 89'],
      [7, 'Resolved', '01-03-2016 09:52', 'Resolver 89'],
    ].map(([count, state, at, who]) => `INC0000047,${state},${count},${at},${who},29-02-2016 04:40,01-03-2016 09:52`);
    writeFileSync(log, ['number,incident_state,sys_mod_count,sys_updated_at,assigned_to,opened_at,resolved_at', ...rows].join('\n') + '\n');
    // Opened in February, resolved in March: the response is February's, the resolution March's.
    const kpis = async (period: string) => (await evaluateFiles({ policy: checked.ok ? checked.value : policy, period, tickets: log })).staff.find((s) => s.member.name === 'Resolver 89')!.kpis;
    expect((await kpis('2016-02')).find((k) => k.id === 'first_response_minutes')).toMatchObject({ value: 50, samples: 1 });
    // 04:40 on 29 February to 09:52 on 1 March: 29 h 12 min, less 38 min on hold (09:14 → 09:52) = 28 h 34 min.
    expect((await kpis('2016-03')).find((k) => k.id === 'resolution_hours')!.value).toBeCloseTo(28 + 34 / 60, 10);
  });

  it('its example of durations and a derived time validates and computes what it says', async () => {
    const block = [...documentation.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('talk_minutes'));
    expect(block).toBeDefined();
    const example = parse(block!) as { kpis: object[]; data_sources: object };
    const policy = parse(readFileSync(join(ROOT, 'presets', 'small.en.yaml'), 'utf8'));
    policy.kpis.push(...example.kpis);
    policy.roles = [{ ...policy.roles.find((r: { id: string }) => r.id === 'agent'), kpis: [{ kpi: 'talk_minutes', weight: 50 }, { kpi: 'response_sla_rate', weight: 50 }] }];
    policy.data_sources = example.data_sources;
    const checked = checkPolicyObject(policy);
    expect(checked.ok ? [] : checked.diagnostics.map((d) => d.code)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'aspm-readme-'));
    const tickets = join(dir, 'calls.csv');
    // Talk 0:03:40 and 0:02:20 (the unanswered call has none): mean 180 s = 3 min. First
    // responses 30 s and 90 s after the call, within the preset's limit; the unanswered call is a miss: 2 of 3.
    writeFileSync(tickets, 'Call Id,Agent,Date,Time,Speed of answer in seconds,AvgTalkDuration\n1,Ann,2026-10-01,09:00:00,30,0:03:40\n2,Ann,2026-10-01,10:00:00,90,0:02:20\n3,Ann,2026-10-02,09:00:00,,\n');
    const evaluation = await evaluateFiles({ policy: checked.ok ? checked.value : policy, period: '2026-10', tickets });
    expect(evaluation.staff[0]!.kpis.map((k) => [k.id, k.value, k.samples])).toEqual([
      ['talk_minutes', 3, 2],
      ['response_sla_rate', 200 / 3, 3],
    ]);
  });

  it("documents every command, in the README's table and with a section of its own", () => {
    for (const command of commands) {
      expect(readme).toContain(`| \`aspm ${command.name}`);
      expect(documentation).toMatch(new RegExp(`^## \`aspm ${command.name}\``, 'm'));
    }
  });

  it('gives exactly the two set-up commands of a fresh machine, and .ci/run runs the second', () => {
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('npm test ');
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.demo).toContain('demo');
  });

  it('keeps the README to what a newcomer reads first, and every page of docs/ opens with its contents', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
    for (const path of ['docs/evaluating.md', 'docs/scoring-rules.md', 'docs/policy-file.md', 'docs/library.md', 'docs/development.md']) expect(docs.has(path), path).toBe(true);
    for (const [path, text] of docs) {
      const contents = section(text, '## Contents · 目录');
      // Every heading of the page below the contents is listed in it, by a link that works.
      const listed = new Set([...contents.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!));
      const below = [...headingFragments(text.slice(text.indexOf(contents) + contents.length))];
      expect(below.length, path).toBeGreaterThan(0);
      expect(below.filter((fragment) => !listed.has(fragment)), path).toEqual([]);
    }
  });

  it('links only to files and headings that exist', () => {
    const links = [['README.md', readme] as const, ...docs].flatMap(([path, text]) => relativeLinks(path, text));
    // Enough links that a reader really gets around: the README's to each page, each page's contents.
    expect(links.filter((link) => link.from === 'README.md' && link.target.startsWith('docs/')).length).toBeGreaterThanOrEqual(10);
    expect(links.filter((link) => link.target.includes('#')).length).toBeGreaterThan(40);
    expect(brokenLinks(ROOT, links)).toEqual([]);
  });

  it('would catch a link to a missing file, a missing heading, or a heading written another way', () => {
    const sample = [
      '# Title', '## `aspm evaluate` — scores · 考核评分', '## Notes', '## Notes',
      '[ok](#aspm-evaluate--scores--考核评分) [ok](#notes-1) [ok](../README.md#快速开始--quick-start) [ok](images/cover.png)',
      '[gone](nowhere.md) [gone](#notes-2) [gone](#Notes) [gone](../README.md#quick-start) [gone](images/cover.png#x)',
      '<img src="images/none.png"> `[code](not-a-link.md)` [site](https://json-schema.org/) [up](../../etc/passwd)',
      '```', '[in code](not-a-link.md)', '```',
    ].join('\n');
    const root = mkdtempSync(join(tmpdir(), 'aspm-links-'));
    mkdirSync(join(root, 'docs', 'images'), { recursive: true });
    writeFileSync(join(root, 'docs', 'sample.md'), sample);
    writeFileSync(join(root, 'docs', 'images', 'cover.png'), '');
    writeFileSync(join(root, 'README.md'), '# aspm\n\n## 快速开始 · Quick start\n');
    const links = relativeLinks('docs/sample.md', sample);
    expect(links).toHaveLength(11);
    const targets = brokenLinks(root, links).map((line) => line.slice(line.indexOf('→') + 2, line.lastIndexOf(':')));
    expect(targets).toEqual(['nowhere.md', '#notes-2', '#Notes', '../README.md#quick-start', 'images/cover.png#x', '../../etc/passwd', 'images/none.png']);
  });
});
