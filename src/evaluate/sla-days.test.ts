// SLAs in days and working days, on a Brazilian calendar from a holidays file (Good Friday
// 2026-04-03 and Tiradentes 2026-04-21 off, Saturday 2026-04-25 worked): each ticket's
// working time counted by hand in the comments, against 8 working hours a day.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseHolidaysYaml, type HolidayList } from '../policy/holidays-file.js';
import { parsePolicy } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.generated.js';
import { packagePath } from '../package-root.js';
import { evaluateFiles } from './evaluate-files.js';

const dir = mkdtempSync(join(tmpdir(), 'aspm-sla-days-'));

function policyWith(edit: (doc: ReturnType<typeof parseDocument>, kpiIndex: (id: string) => number) => void): Policy {
  const doc = parseDocument(readFileSync(packagePath('presets', 'small.en.yaml'), 'utf8'));
  const kpis = (doc.toJS() as Policy).kpis.map((k) => k.id);
  const kpiIndex = (id: string) => kpis.indexOf(id);
  doc.setIn(['meta', 'timezone'], 'America/Sao_Paulo');
  // Durations in calendar time: the SLA's own unit says how it counts.
  doc.setIn(['evaluation', 'duration'], 'calendar');
  doc.setIn(['evaluation', 'holidays'], 'none');
  for (const id of ['response_sla_rate', 'resolution_sla_rate']) doc.setIn(['kpis', kpiIndex(id), 'min_samples'], 1);
  doc.setIn(['kpis', kpiIndex('response_sla_rate'), 'sla'], doc.createNode({ within: 1, unit: 'days' }));
  doc.setIn(['kpis', kpiIndex('resolution_sla_rate'), 'sla'], doc.createNode({ within: 2, unit: 'working_days' }));
  // The technician answers for the response SLA too (in place of first-time fix).
  const roles = (doc.toJS() as Policy).roles;
  const tech = roles.findIndex((r) => r.id === 'technician');
  const entry = roles[tech]!.kpis.findIndex((k) => k.kpi === 'first_time_fix_rate');
  doc.setIn(['roles', tech, 'kpis', entry, 'kpi'], 'response_sla_rate');
  edit(doc, kpiIndex);
  const loaded = parsePolicy(String(doc));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.value;
}

const BRAZIL = `country: BR
years: [2026]
off:
  - { date: 2026-04-03, name: Sexta-feira Santa }
  - { date: 2026-04-21, name: Tiradentes }
work:
  - { date: 2026-04-25, name: Compensação }
`;

function brazil(): HolidayList {
  const r = parseHolidaysYaml(BRAZIL, 'br.yaml');
  if (!r.ok) throw new Error('holidays invalid');
  return r.value;
}

const roster = join(dir, 'roster.csv');
writeFileSync(roster, 'staff_id,name,role,team\nT01,Ana,technician,A\n');
const tickets = join(dir, 'tickets.csv');
writeFileSync(
  tickets,
  [
    'ticket_id,staff_id,created_at,first_response_at,resolved_at,satisfaction',
    // Working time Thu 10:00–12:00, 13:00–17:30 = 6.5 h; Good Friday none; Mon 8:30–12:00, 13:00–15:00 = 5.5 h: 12 h ≤ 16 (Mon–Fri alone: 20 h).
    // Response after 23 h ≤ 24 h.
    'T1,T01,2026-04-02 10:00,2026-04-03 09:00,2026-04-06 15:00,5',
    // 6.5 h + Monday 8 h + Tue 8:30–11:00 2.5 h = 17 h > 16 (Mon–Fri alone: 25 h). Response after 25 h > 24 h.
    'T2,T01,2026-04-02 10:00,2026-04-03 11:00,2026-04-07 11:00,5',
    // Fri 9:00–12:00, 13:00–17:30 = 7.5 h + the make-up Saturday 8 h + Mon 8:30–12:00, 13:00–17:00 = 7.5 h: 23 h > 16 (Mon–Fri alone: 15 h).
    // Response after exactly 24 h: within.
    'T3,T01,2026-04-24 09:00,2026-04-25 09:00,2026-04-27 17:00,5',
    // Mon 16:00–17:30 = 1.5 h; Tiradentes none; Wed 8:30–12:00, 13:00–17:00 = 7.5 h: 9 h ≤ 16 (Mon–Fri alone: 17 h).
    // Response after 20 h.
    'T4,T01,2026-04-20 16:00,2026-04-21 12:00,2026-04-22 17:00,5',
  ].join('\n') + '\n',
);

async function kpis(policy: Policy, holidays?: HolidayList, period = '2026-04') {
  const evaluation = await evaluateFiles({ policy, period, tickets, roster, ...(holidays ? { holidays } : {}) });
  const person = evaluation.staff[0]!;
  const kpi = (id: string) => person.kpis.find((k) => k.id === id)!;
  return { evaluation, response: kpi('response_sla_rate'), resolution: kpi('resolution_sla_rate') };
}

describe('SLAs in days and working days', () => {
  it('on the Brazilian holidays file: Good Friday and Tiradentes do not count, the make-up Saturday does', async () => {
    const { evaluation, response, resolution } = await kpis(policyWith((doc) => doc.setIn(['evaluation', 'holidays_file'], 'br.yaml')), brazil());
    // Met: T1, T4 of 4.
    expect(resolution).toMatchObject({ samples: 4, value: 50 });
    // Calendar days whatever the calendar: T1, T3, T4 within 24 h.
    expect(response).toMatchObject({ samples: 4, value: 75 });
    expect(evaluation.warnings.total).toBe(0);
  });

  it('on Monday to Friday alone the same tickets give another result', async () => {
    const { resolution, response } = await kpis(policyWith(() => {}));
    // Met: T3 only (15 h).
    expect(resolution).toMatchObject({ samples: 4, value: 25 });
    expect(response).toMatchObject({ samples: 4, value: 75 });
  });

  it('a period beyond the years the file knows is a warning naming its days', async () => {
    const { evaluation } = await kpis(policyWith((doc) => doc.setIn(['evaluation', 'holidays_file'], 'br.yaml')), brazil(), '2027-01');
    expect(evaluation.warnings.items.find((w) => w.code === 'holidays-file-not-covered')?.params).toEqual({ file: 'br.yaml', days: ['2027-01-01 – 2027-01-31'], years: [2026] });
    // December 2026 lies inside the file's years: no warning.
    const across = await kpis(policyWith((doc) => doc.setIn(['evaluation', 'holidays_file'], 'br.yaml')), brazil(), '2026-12');
    expect(across.evaluation.warnings.items.some((w) => w.code === 'holidays-file-not-covered')).toBe(false);
  });

  it('hours stay as evaluation.duration counts them: 16 hours in calendar time is not 2 working days', async () => {
    const { resolution } = await kpis(
      policyWith((doc, kpiIndex) => {
        doc.setIn(['evaluation', 'holidays_file'], 'br.yaml');
        doc.setIn(['kpis', kpiIndex('resolution_sla_rate'), 'sla'], doc.createNode({ within: 16, unit: 'hours' }));
      }),
      brazil(),
    );
    // Elapsed: T1 101 h, T2 121 h, T3 80 h, T4 49 h: none within 16 h.
    expect(resolution).toMatchObject({ samples: 4, value: 0 });
  });
});
