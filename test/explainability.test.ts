// Explainability is a test: for reports covering every path through the scoring rules —
// KPIs left out or scored neutral, rater types missing or below the anonymity minimum,
// points at their caps, vetoes, monthly averages, forced distribution — each person's
// total and grade are recomputed from their JSON entry alone, independently of the code
// that produced them, and must match exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreEvaluation } from '../src/scoring/score-evaluation.js';
import type { Policy, RaterType } from '../src/policy/policy.generated.js';
import { expectExplainable, roundHalfUp2 } from './helpers/recompute-result.js';
import { makeEvaluation, presetPolicy, type PersonInput, type RatingInput } from './helpers/scoring-fixtures.js';

function report(policy: Policy, people: PersonInput[], ratings: RatingInput[], period = '2026-10', months: string[] = []) {
  const evaluation = makeEvaluation(policy, people, { period, months, ratings });
  // Through JSON, as a reader of report.json gets it.
  return JSON.parse(JSON.stringify(scoreEvaluation({ policy, policyFile: { path: 'p.yaml', sha256: '0' }, evaluation, resultDate: '2026-11-05', language: 'en', toolVersion: 't' })));
}

const ITEMS = ['service_attitude', 'teamwork', 'compliance', 'learning'];

const kpiValue = fc.option(fc.double({ min: -10, max: 200, noNaN: true, noDefaultInfinity: true }), { nil: null, freq: 5 });
const status = fc.constantFrom('ok' as const, 'ok' as const, 'ok' as const, 'insufficient' as const);
const personArb = (id: string, role: string, kpis: readonly string[]) =>
  fc.record({
    values: fc.array(fc.tuple(kpiValue, status), { minLength: kpis.length, maxLength: kpis.length }),
    praise: fc.integer({ min: 0, max: 5 }),
    violations: fc.integer({ min: 0, max: 7 }),
    complaint: fc.constantFrom(0, 0, 0, 1),
    fraud: fc.constantFrom(0, 0, 0, 0, 1),
    ratings: fc.array(fc.record({ type: fc.constantFrom<RaterType>('supervisor', 'peer', 'customer', 'self', 'subordinate'), rater: fc.constantFrom('', 'R1', 'R2', 'R3', 'R4', id), item: fc.constantFrom(...ITEMS, ''), score: fc.integer({ min: 1, max: 5 }) }), { maxLength: 25 }),
    bonusBase: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: undefined }),
  }).map((r) => ({
    person: {
      id,
      role,
      ...(r.bonusBase === undefined ? {} : { bonusBase: r.bonusBase }),
      kpis: Object.fromEntries(kpis.map((k, i) => {
        const [value, st] = r.values[i]!;
        return [k, value === null ? null : { value, samples: st === 'ok' ? 20 : 1, status: st }];
      })),
      months: [0, 1, 2].map((m) => Object.fromEntries(kpis.map((k, i) => [k, r.values[(i + m) % kpis.length]![0]]))),
      events: { 'points:praise': r.praise, 'points:minor_violation': r.violations, 'veto:serious_complaint': r.complaint, 'veto:fraud': r.fraud },
    } satisfies PersonInput,
    ratings: r.ratings.map((x) => ({ staff: id, type: x.type, rater: x.rater, item: x.item, score: x.score })),
  }));

describe('every result can be recomputed from its JSON entry alone', () => {
  const agentKpis = ['response_sla_rate', 'first_response_minutes', 'csat', 'tickets_resolved', 'complaint_rate'];
  const techKpis = ['first_time_fix_rate', 'onsite_punctuality_rate', 'csat', 'resolution_hours', 'reopen_rate'];
  const group = fc.tuple(fc.array(personArb('A', 'agent', agentKpis), { minLength: 1, maxLength: 12 }), fc.array(personArb('T', 'technician', techKpis), { maxLength: 6 }));
  const people = ([agents, techs]: [ { person: PersonInput; ratings: RatingInput[] }[], { person: PersonInput; ratings: RatingInput[] }[] ]) => {
    const all = [...agents.map((a, i) => ({ ...a, id: `A${i}`, role: 'agent' })), ...techs.map((t, i) => ({ ...t, id: `T${i}`, role: 'technician' }))];
    return {
      people: all.map((x) => ({ ...x.person, id: x.id })),
      ratings: all.flatMap((x) => x.ratings.map((r) => ({ ...r, staff: x.id, rater: r.rater === x.person.id ? x.id : r.rater }))),
    };
  };

  it('medium preset, redistribute, a month', () => {
    const policy = presetPolicy('medium.en');
    fc.assert(fc.property(group, (g) => {
      const { people: ps, ratings } = people(g);
      expect(expectExplainable(report(policy, ps, ratings))).toBe(ps.length);
    }), { numRuns: 60 });
  });

  it('neutral scores, forced distribution by team with small groups allowed, a quarter averaging its months', () => {
    const policy = presetPolicy('medium.zh-CN', (raw) => {
      raw.evaluation.missing_kpi = 'neutral';
      raw.grades.forced_distribution = { group_by: 'team', min_group_size: 2, shares: [{ grade: 'S', percent: 10 }, { grade: 'A', percent: 20 }, { grade: 'B', percent: 40 }, { grade: 'C', percent: 20 }, { grade: 'D', percent: 10 }] };
    });
    fc.assert(fc.property(group, (g) => {
      const { people: ps, ratings } = people(g);
      expect(expectExplainable(report(policy, ps, ratings, '2026-Q4', ['2026-10', '2026-11', '2026-12']))).toBe(ps.length);
    }), { numRuns: 40 });
  });

  it('bands (scaled to the period for counts), pass/fail and a linear rule without a cap, over a quarter recomputed and averaged', () => {
    for (const longer of ['recompute', 'average'] as const) {
      const policy = presetPolicy('medium.zh-CN', (raw) => {
        raw.cycles.longer_cycles = longer;
        const kpi = (id: string) => raw.kpis.find((k: { id: string }) => k.id === id);
        kpi('tickets_resolved').scoring = { method: 'bands', bands: [{ max: 40, score: 0 }, { min: 40, max: 80, score: 60 }, { min: 80, max: 120, score: 90 }, { min: 120, score: 110 }] };
        kpi('response_sla_rate').scoring = { method: 'pass_fail' };
        kpi('first_response_minutes').scoring = { method: 'pass_fail' };
        kpi('csat').scoring = { method: 'linear' };
      });
      fc.assert(fc.property(group, (g) => {
        const { people: ps, ratings } = people(g);
        const r = report(policy, ps, ratings, '2026-Q4', longer === 'average' ? ['2026-10', '2026-11', '2026-12'] : []);
        const agent = r.staff.find((p: { role: string }) => p.role === 'agent');
        const tickets = agent.kpis.find((k: { id: string }) => k.id === 'tickets_resolved');
        // The quarter's bounds are three months' worth; a month's are one month's.
        expect(tickets.scoring.bands[1]).toEqual({ min: 120, max: 240, score: 60 });
        if (longer === 'average') expect(tickets.months[0].scoring.bands[1]).toEqual({ min: 40, max: 80, score: 60 });
        expect(agent.kpis.find((k: { id: string }) => k.id === 'csat').scoring).toEqual({ method: 'linear', cap: 100 });
        expect(expectExplainable(r)).toBe(ps.length);
      }), { numRuns: 25 });
    }
  });

  it('rounds half up on the digits people see', () => {
    expect([roundHalfUp2(79.99999999999999), roundHalfUp2(80.005), roundHalfUp2(80.00499999), roundHalfUp2(1.005), roundHalfUp2(0)]).toEqual([80, 80.01, 80, 1.01, 0]);
  });
});
