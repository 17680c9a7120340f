import { describe, expect, it } from 'vitest';
import type { ReportPerson } from './scored-report.js';
import { totalSteps } from './total-steps.js';

/** The fields totalSteps reads. */
function person(p: { kpis: [string, number][]; quantitative: number | null; share: number; qualitative: number | null; points: [string, number][]; subtotal: number; total: number }): ReportPerson {
  return {
    kpis: p.kpis.map(([name, contribution]) => ({ name, contribution })),
    quantitative: { score: p.quantitative, share: p.share },
    qualitative: { score: p.qualitative, share: 100 - p.share },
    points: { items: p.points.map(([name, value]) => ({ name, value })), total: p.points.reduce((sum, [, v]) => sum + v, 0) },
    subtotal: p.subtotal,
    total: p.total,
  } as unknown as ReportPerson;
}

describe('totalSteps', () => {
  it('each KPI × the quantitative share, the qualitative part, each point item: adding up to the total', () => {
    // 60 % quantitative: contributions 40 and 30 → 24 and 18; qualitative 50 × 40 % = 20; subtotal 62; +3 −5: 60.
    const steps = totalSteps(person({ kpis: [['客户满意度', 40], ['解决及时率', 30]], quantitative: 70, share: 60, qualitative: 50, points: [['表扬', 3], ['违规', -5]], subtotal: 62, total: 60 }));
    expect(steps.map((s) => [s.kind, s.label, s.value])).toEqual([
      ['kpi', '客户满意度', 24],
      ['kpi', '解决及时率', 18],
      ['qualitative', '', 20],
      ['points', '表扬', 3],
      ['points', '违规', -5],
    ]);
    expect(steps.reduce((sum, s) => sum + s.value, 0)).toBe(60);
  });

  it('a total held at 0 gets the floor step that holds it', () => {
    // Subtotal 10, a deduction of 25: −15, held at 0 by a step of +15.
    const steps = totalSteps(person({ kpis: [['投诉率', 10]], quantitative: 10, share: 100, qualitative: null, points: [['投诉', -25]], subtotal: 10, total: 0 }));
    expect(steps.map((s) => [s.kind, s.value])).toEqual([
      ['kpi', 10],
      ['points', -25],
      ['floor', 15],
    ]);
  });
});
