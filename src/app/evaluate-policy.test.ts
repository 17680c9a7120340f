// The evaluate use case as a library calls it: no commander, no terminal, no process
// streams; what the CLI prints reaches the caller through callbacks and the result.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../errors.js';
import { packagePath } from '../package-root.js';
import { generateRoster, generateTickets } from '../sample-data/generate-sample-data.js';
import { writeRosterCsv, writeTicketsCsv } from '../sample-data/write-sample-data.js';
import { evaluatePolicy, xlsxPathFor, type DataWarnings, type EvaluateRequest } from './evaluate-policy.js';

const policy = packagePath('presets', 'medium.en.yaml');
const dir = mkdtempSync(join(tmpdir(), 'aspm-evaluate-policy-'));
const roster = join(dir, 'roster.csv');
const tickets = join(dir, 'tickets.csv');
/** The same tickets with one creation time nobody could read: one data warning. */
const badTickets = join(dir, 'tickets-bad.csv');
const base = { policy, roster, tickets, period: '2026-10', language: 'en' } as const satisfies Partial<EvaluateRequest>;

beforeAll(async () => {
  const options = { seed: 5, staff: 12, tickets: 600, year: 2026, month: 10, language: 'en' as const };
  const staff = generateRoster(options);
  await writeRosterCsv(roster, staff, { language: 'en' });
  await writeTicketsCsv(tickets, generateTickets(options, staff), { language: 'en' });
  const [header, first, ...rest] = readFileSync(tickets, 'utf8').trimEnd().split('\n');
  const created = header!.split(',').indexOf('created_at');
  expect(created).toBeGreaterThanOrEqual(0);
  const broken = first!.split(',').map((cell, i) => (i === created ? 'not a time' : cell)).join(',');
  writeFileSync(badTickets, [header, broken, ...rest].join('\n') + '\n');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('evaluatePolicy', () => {
  it('writes the report and the Excel report, returns them, and says everything through its callbacks, never on the process streams', async () => {
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    const policyWarnings: (readonly Diagnostic[])[] = [];
    const dataWarnings: DataWarnings[] = [];
    const progress = vi.fn();
    const output = join(dir, 'report.json');
    const result = await evaluatePolicy(
      { ...base, tickets: badTickets, output, xlsx: true },
      // 17:00 UTC is already the next day in the policy's time zone (Asia/Shanghai).
      { now: () => new Date('2026-11-01T17:00:00Z'), onPolicyWarnings: (d) => policyWarnings.push(d), onDataWarnings: (w) => dataWarnings.push(w), onProgress: progress },
    );
    // Reading reports progress (so the checks below that it never began mean something).
    expect(progress).toHaveBeenCalledWith('tickets', badTickets, expect.any(Number), expect.any(Number));
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
    expect(policyWarnings).toEqual([result.policyWarnings]);
    expect(dataWarnings).toHaveLength(1);
    expect(dataWarnings[0]!.total).toBe(1);
    expect(result.warnings.items.map((d) => [d.code, d.location?.row])).toEqual([[dataWarnings[0]!.items[0]!.code, 2]]);
    expect(result.report.result_date).toBe('2026-11-02');
    expect(result.report.period.id).toBe('2026-10');
    expect(result.staff).toBe(12);
    expect(result.report.staff).toHaveLength(12);
    expect(result.inputs.map((i) => [i.kind, i.rows])).toEqual([['tickets', 600], ['roster', 12]]);
    expect(result.written).toEqual({ report: output, xlsx: join(dir, 'report.xlsx'), staleRemoved: [] });
    expect(readFileSync(output, 'utf8')).toBe(JSON.stringify(result.report, null, 2) + '\n');
    expect(readFileSync(join(dir, 'report.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('with strict, a data warning fails the run after the warnings were given, and nothing is written', async () => {
    const given: number[] = [];
    const output = join(dir, 'strict.json');
    await expect(evaluatePolicy({ ...base, tickets: badTickets, output, strict: true }, { onDataWarnings: (w) => given.push(w.total) })).rejects.toMatchObject({ code: 'evaluate-strict-failed', exitCode: 1 });
    expect(given).toEqual([1]);
    expect(existsSync(output)).toBe(false);
  });

  it.each([
    ['templates-without-notices', { templates: dir }],
    ['xlsx-same-as-report', { xlsx: join(dir, 'same.json') }],
    ['date-invalid', { date: '2026-02-30' }],
    ['sheet-without-workbook', { sheet: 'Sheet1' }],
  ] as const)('a request that contradicts itself is a usage error (%s) before any export is read', async (code, request) => {
    const progress = vi.fn();
    await expect(evaluatePolicy({ ...base, output: join(dir, 'same.json'), ...request }, { onProgress: progress })).rejects.toMatchObject({ code, exitCode: 2 });
    expect(progress).not.toHaveBeenCalled();
  });

  it('refuses an existing report without force, before reading the exports', async () => {
    const output = join(dir, 'existing.json');
    writeFileSync(output, 'mine');
    const progress = vi.fn();
    await expect(evaluatePolicy({ ...base, output }, { onProgress: progress })).rejects.toMatchObject({ code: 'output-exists' });
    expect(progress).not.toHaveBeenCalled();
    expect(readFileSync(output, 'utf8')).toBe('mine');
  });

  it('names the Excel report after the JSON one', () => {
    expect(xlsxPathFor('out/2026-09.json')).toBe('out/2026-09.xlsx');
    expect(xlsxPathFor('out/report.JSON')).toBe('out/report.xlsx');
    expect(xlsxPathFor('report')).toBe('report.xlsx');
  });
});
