// Tickets left out by approved appeals are skipped inside the streaming pass: every KPI
// (individual and team, and the event counts of vetoes) comes out exactly as if the row
// were not in the file, and the pass records where the ticket would have counted. Months
// of a quarter are totalled alongside the whole period and add up to it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPolicy } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.generated.js';
import { packagePath } from '../package-root.js';
import { generateRoster, generateTickets } from '../sample-data/generate-sample-data.js';
import { writeRosterCsv, writeTicketsCsv } from '../sample-data/write-sample-data.js';
import { evaluateFiles } from './evaluate-files.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-exclude-'));
const options = { seed: 5, staff: 12, tickets: 900, year: 2026, month: 10, language: 'zh-CN' as const, months: 3 };
const roster = generateRoster(options);
const tickets = [...generateTickets(options, roster)];
let policy: Policy;

beforeAll(async () => {
  const loaded = await readPolicy(packagePath('presets', 'large.zh-CN.yaml'));
  if (!loaded.ok) throw new Error('preset invalid');
  policy = loaded.value;
  await writeRosterCsv(join(dir, 'roster.csv'), roster, { language: 'zh-CN' });
  await writeTicketsCsv(join(dir, 'tickets.csv'), tickets, { language: 'zh-CN' });
  const header = '工号,质检平均分,采纳建议数,重大投诉次数,安全责任事故次数,泄露客户信息次数,弄虚作假次数,表扬次数,跨区域支援次数,内部授课次数,一般违规次数';
  writeFileSync(join(dir, 'metrics.csv'), [header, ...roster.map((s) => `${s.id},88,1,0,0,0,0,0,0,0,0`)].join('\n') + '\n');
});

const values = (staff: Awaited<ReturnType<typeof evaluateFiles>>['staff']) => staff.map((s) => ({ id: s.member.id, kpis: s.kpis, events: s.events }));

describe('leaving out tickets by appeal', () => {
  it('gives exactly the KPI values of the file without those rows, and says where they counted', async () => {
    // Tickets resolved in the quarter, with a complaint (so that a veto count changes too).
    const chosen = tickets.filter((t) => t.resolved_at !== undefined && t.resolved_at >= Date.UTC(2026, 9, 3) && t.resolved_at < Date.UTC(2026, 11, 20)).filter((t, i) => t.complaint || i % 97 === 0).slice(0, 6);
    expect(chosen.some((t) => t.complaint)).toBe(true);
    const ids = new Set(chosen.map((t) => t.ticket_id));
    const lines = readFileSync(join(dir, 'tickets.csv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'without.csv'), lines.filter((l) => !ids.has(l.split(',')[0]!)).join('\n'));
    const base = { policy, period: '2026-Q4', roster: join(dir, 'roster.csv') };
    const metrics = join(dir, 'metrics.csv');
    const excluded = await evaluateFiles({ ...base, tickets: join(dir, 'tickets.csv'), metrics, excludeTickets: new Map(chosen.map((t) => [t.ticket_id, `AP-${t.ticket_id}`])) });
    const without = await evaluateFiles({ ...base, tickets: join(dir, 'without.csv'), metrics });
    expect(values(excluded.staff)).toEqual(values(without.staff));
    expect(excluded.inputs[0]).toMatchObject({ rows: 900, excluded: chosen.length });
    expect(excluded.excluded.map((e) => e.ticket).sort()).toEqual([...ids].sort());
    for (const e of excluded.excluded) {
      const ticket = chosen.find((t) => t.ticket_id === e.ticket)!;
      expect(e.appeal).toBe(`AP-${ticket.ticket_id}`);
      expect(excluded.staff[e.person]!.member.id).toBe(ticket.staff_id);
      expect(e.team).toBe(ticket.team);
      const names = e.hits.map((h) => excluded.plan.ticketMeasures[h.measure]!.id);
      expect(names).toContain('resolution_sla_rate');
      if (ticket.complaint) expect(names).toContain('veto:repeated_complaints');
    }
  });

  it('an id that is not in the file is simply not found (the scoring step reports it)', async () => {
    const result = await evaluateFiles({ policy, period: '2026-Q4', roster: join(dir, 'roster.csv'), tickets: join(dir, 'tickets.csv'), metrics: join(dir, 'metrics.csv'), excludeTickets: new Map([['NOPE', 'AP-1']]) });
    expect(result.excluded).toEqual([]);
    expect(result.inputs[0]!.excluded).toBeUndefined();
  });
});

describe('months alongside the period', () => {
  it('each month equals evaluating that month alone, and counts add up to the quarter', async () => {
    const months = ['2026-10', '2026-11', '2026-12'];
    const base = { policy, roster: join(dir, 'roster.csv'), tickets: join(dir, 'tickets.csv'), metrics: join(dir, 'metrics.csv') };
    const quarter = await evaluateFiles({ ...base, period: '2026-Q4', slices: months });
    expect(quarter.slices.map((s) => s.period.id)).toEqual(months);
    for (const [s, month] of months.entries()) {
      const alone = await evaluateFiles({ ...base, period: month });
      expect(quarter.slices[s]!.staff.map((p) => p.kpis)).toEqual(alone.staff.map((p) => p.kpis));
    }
    for (const [i, person] of quarter.staff.entries()) {
      for (const [k, kpi] of person.kpis.entries()) {
        // A metrics column holds the period's figure and stands in every month.
        if (quarter.plan.measures.find((m) => m.id === kpi.id)?.source === 'metrics') continue;
        expect(quarter.slices.reduce((n, slice) => n + slice.staff[i]!.kpis[k]!.samples, 0)).toBe(kpi.samples);
      }
    }
  });
});
