import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemsOfRoles, roleItemWeights } from './item-weights.js';
import type { QualitativeItem } from './policy.generated.js';

const item = (id: string, weight: number): QualitativeItem => ({ id, name: id, weight });

// The large preset's items: agents and technicians are rated on the first five.
const LARGE = [item('service_attitude', 25), item('professional_skill', 20), item('teamwork', 15), item('compliance', 15), item('innovation', 10), item('team_leadership', 15)];
const FIRST_FIVE = ['service_attitude', 'professional_skill', 'teamwork', 'compliance', 'innovation'];

const hundredths = (weights: readonly { weight: number }[]) => weights.reduce((s, w) => s + Math.round(w.weight * 100), 0);

describe('roleItemWeights: the weights a role is scored with and the documents print', () => {
  it('keeps the policy weights when the role is rated on every item', () => {
    expect(roleItemWeights(LARGE, LARGE).map((w) => w.weight)).toEqual([25, 20, 15, 15, 10, 15]);
  });

  it('rescales the large preset agent’s 85% of items to 100%', () => {
    const items = itemsOfRoles(LARGE, [{ qualitative_items: FIRST_FIVE }]);
    const weights = roleItemWeights(items, LARGE);
    expect(weights.map((w) => [w.id, w.weight, w.nominal])).toEqual([
      ['service_attitude', 29.41, 25],
      ['professional_skill', 23.53, 20],
      ['teamwork', 17.65, 15],
      ['compliance', 17.65, 15],
      ['innovation', 11.76, 10],
    ]);
    expect(hundredths(weights)).toBe(10000);
  });

  it('with the complex-problem item added by mature training, still adds up to exactly 100 in hundredths', () => {
    // The situation scales the others to 80 and adds 20: the agent's six of seven items total 88.
    const all = [item('a', 20), item('b', 16), item('c', 12), item('d', 12), item('e', 8), item('lead', 12), item('complex', 20)];
    const weights = roleItemWeights(
      all.filter((i) => i.id !== 'lead'),
      all,
    );
    expect(hundredths(weights)).toBe(10000);
    // The remainder goes to those that lost most to rounding, the earlier first.
    expect(weights.map((w) => w.weight)).toEqual([22.73, 18.18, 13.64, 13.63, 9.09, 22.73]);
  });

  it('any subset: weights in hundredths that add up to 100, each within 0.01 of its exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: 8 }), fc.integer({ min: 1 }), (raw, seed) => {
        const all = raw.map((w, i) => item(`i${i}`, w));
        const subset = all.filter((_, i) => ((seed >> i) & 1) === 1 || i === 0).slice(0, all.length - 1);
        const weights = roleItemWeights(subset, all);
        const total = subset.reduce((s, i) => s + i.weight, 0);
        expect(hundredths(weights)).toBe(10000);
        weights.forEach((w, i) => {
          expect(Number.isInteger(Math.round(w.weight * 100))).toBe(true);
          expect(Math.abs(w.weight - (subset[i]!.weight * 100) / total)).toBeLessThanOrEqual(0.01);
        });
      }),
    );
  });

  it('a person in several roles is rated on the items of any of them, in the policy’s order', () => {
    expect(itemsOfRoles(LARGE, [{ qualitative_items: ['innovation'] }, { qualitative_items: ['teamwork'] }]).map((i) => i.id)).toEqual(['teamwork', 'innovation']);
    expect(itemsOfRoles(LARGE, [{ qualitative_items: ['innovation'] }, {}]).length).toBe(6);
  });
});
