// The department's KPI values in report.json: every ticket that counted for anyone, once,
// by the formula of a person's value — not the mean of people's values, and a ticket that
// credits a whole crew counted once. Expected figures worked out by hand from the table in
// helpers/work-orders.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectValidReport } from './helpers/report-schema.js';
import { runMain } from './helpers/run-main.js';
import { workOrderPolicy, writeWorkOrders } from './helpers/work-orders.js';

interface DepartmentKpi {
  readonly id: string;
  readonly value: number | null;
  readonly samples: number;
  readonly status: string;
  readonly target: number;
  readonly floor: number;
}
interface Report {
  readonly department: { readonly kpis: readonly DepartmentKpi[] };
  readonly goals: readonly { description: string; kpi: string | null; target: number | null }[];
  readonly roles: readonly { id: string; name: string }[];
  readonly staff: readonly { id: string; kpis: readonly { id: string; value: number | null }[] }[];
}

const GOALS = 'goals:\n  - { description: 一次修复率不低于 90%, kpi: first_time_fix_rate, target: 90 }\n  - { description: 客户满意 }\n';

async function evaluate(policy: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'aspm-department-'));
  policy(dir);
  const run = await runMain(['evaluate', 'policy.yaml', '--tickets', 'work-orders.csv', '--roster', 'roster.csv', '--period', '2026-03', '-o', 'report.json'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
  expect(run.status, run.stderr).toBe(0);
  const report = expectValidReport(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))) as unknown as Report;
  const dept = (id: string) => report.department.kpis.find((k) => k.id === id)!;
  return { report, dept };
}

describe('the department in report.json', () => {
  it('one person per ticket: a mean and a rate over all five orders, not the mean of the three people', async () => {
    // Every KPI credits the lead: no crew column, no credit.
    const { report, dept } = await evaluate((dir) => {
      writeWorkOrders(dir, 'full');
      const text = workOrderPolicy('full').replace(/\n {4}credit: crew/g, '').replace('      crew: 作业组\n    crew:\n      credit: full\n', '');
      writeFileSync(join(dir, 'policy.yaml'), text.replace('incentives:\n', `${GOALS}incentives:\n`));
    });
    // Resolution hours: (2 + 4 + 6 + 3 + 1) / 5 = 3.2; people: 张三 (2 + 3 + 1) / 3 = 2, 李四 4, 王五 6 (mean 4).
    expect(dept('resolution_hours')).toEqual({ id: 'resolution_hours', name: '平均解决时长', unit: 'hours', direction: 'lower', value: 3.2, samples: 5, status: 'ok', target: 2, floor: 8 });
    // First-time fix: 4 of 5 orders (W2 needed a second visit) = 80 %; people 100, 0, 100.
    expect(dept('first_time_fix_rate')).toMatchObject({ value: 80, samples: 5 });
    expect(dept('tickets_resolved')).toMatchObject({ value: 5, samples: 5, status: 'ok' });
    const people = report.staff.filter((p) => p.id.startsWith('T')).map((p) => p.kpis.find((k) => k.id === 'first_time_fix_rate')!.value);
    expect(people).toEqual([100, 0, 100]);
    expect(report.department.kpis.map((k) => k.id)).toEqual(['resolution_hours', 'tickets_resolved', 'first_time_fix_rate']);
    expect(report.goals).toEqual([
      { description: '一次修复率不低于 90%', kpi: 'first_time_fix_rate', target: 90 },
      { description: '客户满意', kpi: null, target: null },
    ]);
    expect(report.roles).toEqual([{ id: 'technician', name: '维修技术员' }, { id: 'supervisor', name: '服务主管' }]);
  });

  it('a crew: an order credited to two or three people counts once, with full or shared credit', async () => {
    for (const credit of ['full', 'share'] as const) {
      const { report, dept } = await evaluate((dir) => writeWorkOrders(dir, credit));
      // Crew KPIs: W1–W4 (W5 names no crew, so it credits no one) — 4 orders, though the
      // crews count 2 + 3 + 3 = 8 in full; 3 of the 4 fixed first time (W2 was not) = 75 %.
      expect(dept('tickets_resolved'), credit).toMatchObject({ value: 4, samples: 4 });
      expect(dept('first_time_fix_rate'), credit).toMatchObject({ value: 75, samples: 4 });
      // The lead's resolution time: all five orders, each once.
      expect(dept('resolution_hours'), credit).toMatchObject({ value: 3.2, samples: 5 });
      expect(report.goals, credit).toEqual([]);
    }
  });
});
