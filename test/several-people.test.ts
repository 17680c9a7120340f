// End to end: work orders with a lead technician and a crew cell, evaluated as a manager
// runs aspm, with crews credited in full and in equal shares, and an approved appeal by a
// crew member who is not the lead. Every expected figure is worked out by hand from the
// table in helpers/work-orders.ts.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectValidReport } from './helpers/report-schema.js';
import { runMain } from './helpers/run-main.js';
import { writeWorkOrders } from './helpers/work-orders.js';

interface Kpi {
  readonly id: string;
  readonly scope: string;
  readonly value: number | null;
  readonly samples: number;
  readonly excluded: readonly { ticket: string; appeal: string }[];
}
interface Person {
  readonly id: string;
  readonly kpis: readonly Kpi[];
}

async function evaluate(credit: 'full' | 'share', adjustments?: string) {
  const dir = mkdtempSync(join(tmpdir(), `aspm-crew-${credit}-`));
  writeWorkOrders(dir, credit);
  const extra: string[] = [];
  if (adjustments !== undefined) {
    writeFileSync(join(dir, 'adjustments.yaml'), adjustments);
    extra.push('--adjustments', 'adjustments.yaml');
  }
  const run = await runMain(['evaluate', 'policy.yaml', '--tickets', 'work-orders.csv', '--roster', 'roster.csv', '--period', '2026-03', '-o', 'out/report.json', '--notices', 'out/notices', ...extra], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
  const report = expectValidReport(JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'))) as { staff: Person[]; warnings: { code: string; row: number; column: string }[] };
  const kpi = (staff: string, id: string, scope = 'individual') => report.staff.find((p) => p.id === staff)!.kpis.find((k) => k.id === id && k.scope === scope)!;
  const list = (staff: string) => {
    const file = readdirSync(join(dir, 'out', 'notices')).find((f) => f.startsWith(`${staff}-`) && f.endsWith('.tickets.csv'))!;
    return readFileSync(join(dir, 'out', 'notices', file), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));
  };
  return { run, report, kpi, list };
}

describe('work orders: a lead technician and a crew', () => {
  it('full credit: every crew member counts the whole order; the lead alone its resolution time; a team counts an order once', async () => {
    const { run, report, kpi } = await evaluate('full');
    expect(run.status, run.stderr).toBe(0);
    // Crews: 张三 W1 W4; 李四 W1 W2 W4; 王五 W2 W3 W4.
    expect([kpi('T1', 'tickets_resolved').value, kpi('T2', 'tickets_resolved').value, kpi('T3', 'tickets_resolved').value]).toEqual([2, 3, 3]);
    // First-time fix (W2 needed a second visit): 张三 2/2, 李四 2/3, 王五 2/3.
    expect(kpi('T1', 'first_time_fix_rate').value).toBe(100);
    expect(kpi('T2', 'first_time_fix_rate').value).toBeCloseTo(200 / 3, 10);
    expect(kpi('T3', 'first_time_fix_rate').value).toBeCloseTo(200 / 3, 10);
    // Leads: 张三 W1 2 h, W4 3 h, W5 1 h → 2; 李四 W2 4 h; 王五 W3 6 h.
    expect([kpi('T1', 'resolution_hours').value, kpi('T2', 'resolution_hours').value, kpi('T3', 'resolution_hours').value]).toEqual([2, 4, 6]);
    // The supervisor of 一组 (张三, 李四): W1, W2, W4 — three orders, though its members count five.
    expect(kpi('S1', 'tickets_resolved', 'team')).toMatchObject({ value: 3, samples: 3 });
    // W5 has no crew: one warning for the crew column, and it still counts for its lead.
    expect(report.warnings.map((w) => [w.code, w.row, w.column])).toEqual([['credit-blank', 6, '作业组']]);
    expect(run.stderr).toContain('作业组');
  });

  it('shared credit: each member counts 1/n; rates weigh by the share; samples stay whole orders; an appeal by a crew member takes the order out of everyone', async () => {
    const appeal = ['version: 1', 'adjustments:', '  - kind: exclude_ticket', '    appeal: SS-7', '    staff_id: T3', '    ticket_id: W4', '    reason: 客户取消', '    approved_by: 申诉小组', '    approved_on: 2026-04-03', ''].join('\n');
    const { run, kpi, list } = await evaluate('share', appeal);
    expect(run.status, run.stderr).toBe(0);
    // Without W4: 张三 W1 1/2; 李四 W1 1/2 + W2 1/2 = 1; 王五 W2 1/2 + W3 1 = 3/2.
    expect(kpi('T1', 'tickets_resolved')).toMatchObject({ value: 0.5, samples: 1 });
    expect(kpi('T2', 'tickets_resolved')).toMatchObject({ value: 1, samples: 2 });
    expect(kpi('T3', 'tickets_resolved')).toMatchObject({ value: 1.5, samples: 2 });
    // First-time fix: 李四 (1/2 × 1 + 1/2 × 0) / 1 = 50 %; 王五 (1/2 × 0 + 1 × 1) / (3/2) = 66.67 %.
    expect(kpi('T2', 'first_time_fix_rate').value).toBeCloseTo(50, 10);
    expect(kpi('T3', 'first_time_fix_rate').value).toBeCloseTo(200 / 3, 10);
    // The lead's resolution time without W4: 张三 W1 2 h, W5 1 h → 1.5.
    expect(kpi('T1', 'resolution_hours').value).toBe(1.5);
    // Team 一组: W1, W2 once each.
    expect(kpi('S1', 'tickets_resolved', 'team')).toMatchObject({ value: 2, samples: 2 });
    // Every one of the three is told W4 was left out of their KPIs, on the appeal of 王五.
    for (const staff of ['T1', 'T2', 'T3']) expect(kpi(staff, 'tickets_resolved').excluded, staff).toEqual([{ ticket: 'W4', appeal: 'SS-7' }]);
    expect(kpi('T1', 'resolution_hours').excluded).toEqual([{ ticket: 'W4', appeal: 'SS-7' }]);
    expect(kpi('T2', 'resolution_hours').excluded).toEqual([]);
    // 李四's list: W1 at 1/2, W2 whole as lead and at 1/2 as crew, W4 at 1/3 and left out.
    const rows = list('T2');
    const share = rows[0]!.indexOf('本人份额（作业组均分）');
    expect(share).toBeGreaterThan(-1);
    expect(rows.slice(1).map((r) => `${r[0]}@${r[share]}`)).toEqual(['W1@1/2', 'W2@1', 'W2@1/2', 'W4@1/3']);
    expect(rows.find((r) => r[0] === 'W4')!.join(',')).toContain('SS-7');
  });

  it('a crew credit with no crew column mapped is an error at its line in the policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-crew-bad-'));
    writeWorkOrders(dir, 'full');
    const text = readFileSync(join(dir, 'policy.yaml'), 'utf8').replace('      crew: 作业组\n', '');
    writeFileSync(join(dir, 'policy.yaml'), text);
    const line = text.split('\n').findIndex((l) => l === '    credit: crew') + 1;
    const run = await runMain(['validate', 'policy.yaml'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`policy.yaml:${line}:13: credit-column-not-mapped`);
    const separators = text.split('\n').findIndex((l) => l === '    crew:') + 1;
    expect(run.stderr).toContain(`policy.yaml:${separators}:5: crew-without-column`);
  });
});
