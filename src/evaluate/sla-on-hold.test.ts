// An SLA in calendar days with time on hold: the hold is taken off the elapsed time the day
// limit is measured on, as it is off the policy's clock (the merge of on_hold with SLAs in days).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parsePolicy } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.generated.js';
import { packagePath } from '../package-root.js';
import { evaluateFiles } from './evaluate-files.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-sla-hold-'));

function policy(onHold: boolean): Policy {
  const doc = parseDocument(readFileSync(packagePath('presets', 'small.en.yaml'), 'utf8'));
  const kpis = (doc.toJS() as Policy).kpis.map((k) => k.id);
  const at = kpis.indexOf('resolution_sla_rate');
  doc.setIn(['meta', 'timezone'], 'UTC');
  doc.setIn(['evaluation', 'duration'], 'business');
  doc.setIn(['kpis', at, 'min_samples'], 1);
  doc.setIn(['kpis', at, 'sla'], doc.createNode({ within: 1, unit: 'days' }));
  if (onHold) doc.setIn(['data_sources', 'tickets', 'columns'], doc.createNode({ on_hold: { column: 'hold_hours', duration: 'hours' } }));
  const loaded = parsePolicy(String(doc));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.value;
}

const roster = join(dir, 'roster.csv');
writeFileSync(roster, 'staff_id,name,role,team\nT01,Ana,technician,A\n');
const tickets = join(dir, 'tickets.csv');
// T1: 30 h from creation to resolution, 8 of them on hold: 22 h ≤ 24 h. T2: 30 h, 2 on hold: 28 h > 24 h.
writeFileSync(tickets, 'ticket_id,staff_id,created_at,resolved_at,hold_hours,satisfaction\nT1,T01,2026-04-06 09:00,2026-04-07 15:00,8,5\nT2,T01,2026-04-08 09:00,2026-04-09 15:00,2,5\n');

async function rate(onHold: boolean): Promise<unknown> {
  const result = await evaluateFiles({ policy: policy(onHold), period: '2026-04', tickets, roster });
  return result.staff[0]!.kpis.find((k) => k.id === 'resolution_sla_rate')?.value;
}

describe('an SLA in days with time on hold', () => {
  it('measures elapsed time less time on hold against the day', async () => {
    expect(await rate(true)).toBe(50);
    // Without the on-hold column both take 30 h: neither within a day.
    expect(await rate(false)).toBe(0);
  });
});
