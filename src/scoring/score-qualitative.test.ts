// Qualitative score from ratings: means per rater type, rater weights, what is missing
// spreading its weight, self-ratings as a peer ignored, and the anonymity minimum.
import { describe, expect, it } from 'vitest';
import type { QualitativeItem, RaterType, RaterWeight } from '../policy/policy.generated.js';
import { scoreQualitative, type QualitativeSetup, type Rating } from './score-qualitative.js';

const ITEMS: QualitativeItem[] = [
  { id: 'attitude', name: '服务态度', weight: 50 },
  { id: 'teamwork', name: '团队协作', weight: 30 },
  { id: 'learning', name: '学习成长', weight: 20 },
];
const RATERS: RaterWeight[] = [
  { type: 'supervisor', weight: 50 },
  { type: 'peer', weight: 30 },
  { type: 'self', weight: 20 },
];
const setup = (over: Partial<QualitativeSetup> = {}): QualitativeSetup => ({ items: ITEMS, raters: RATERS, scale: { min: 1, max: 5 }, minPeerRatings: 3, allItems: ITEMS, ...over });

/** One rater's ratings on every item. */
function rated(raterType: RaterType, raterId: string, scores: [number, number, number]): Rating[] {
  return ITEMS.map((item, i) => ({ raterType, raterId, item: item.id, score: scores[i]! }));
}

/** Item score on 1–5 → 0–100. */
const pct = (mean: number) => ((mean - 1) / 4) * 100;

describe('qualitative score', () => {
  const peers = [...rated('peer', 'P1', [4, 4, 4]), ...rated('peer', 'P2', [5, 3, 4]), ...rated('peer', 'P3', [3, 5, 4])];
  const all = [...rated('supervisor', 'S1', [5, 4, 3]), ...peers, ...rated('self', 'E1', [5, 5, 5])];

  it('combines the item means of each rater type by item weights, then the types by rater weights', () => {
    const q = scoreQualitative('E1', all, setup());
    const supervisor = (pct(5) * 50 + pct(4) * 30 + pct(3) * 20) / 100;
    const peer = (pct(4) * 50 + pct(4) * 30 + pct(4) * 20) / 100;
    const self = 100;
    expect(q.raters.map((r) => r.score)).toEqual([supervisor, peer, self]);
    expect(q.score).toBeCloseTo((supervisor * 50 + peer * 30 + self * 20) / 100, 10);
    expect(q.raters[1]).toMatchObject({ raters: 3, ratings: 9, used: true, reason: null, weight: 30 });
  });

  it('a missing rater type spreads its weight over the present ones', () => {
    const q = scoreQualitative('E1', all.filter((r) => r.raterType !== 'self'), setup());
    expect(q.raters[2]).toMatchObject({ type: 'self', used: false, reason: 'no_ratings', weight: 0, score: null, contribution: 0 });
    expect(q.raters[0]!.weight).toBeCloseTo(62.5, 12);
    expect(q.raters[1]!.weight).toBeCloseTo(37.5, 12);
    expect(q.score).toBeCloseTo((q.raters[0]!.score! * 50 + q.raters[1]!.score! * 30) / 80, 10);
  });

  it('a peer rating of oneself is ignored, and counted as ignored', () => {
    const q = scoreQualitative('E1', [...all, ...rated('peer', 'e1', [1, 1, 1])], setup());
    expect(q.raters[1]).toMatchObject({ raters: 3, ratings: 9 });
    expect(q.ignored).toEqual([{ reason: 'rated_self', rater_type: 'peer', count: 3 }]);
    expect(q.score).toBe(scoreQualitative('E1', all, setup()).score);
  });

  it('fewer peers than the anonymity minimum: not used, means withheld, weight spread', () => {
    const two = all.filter((r) => r.raterId !== 'P3');
    const q = scoreQualitative('E1', two, setup());
    expect(q.raters[1]).toMatchObject({ type: 'peer', raters: 2, used: false, reason: 'below_minimum', score: null, weight: 0, items: [] });
    expect(q.raters[0]!.weight + q.raters[2]!.weight).toBeCloseTo(100, 12);
  });

  it('an item rated by fewer peers than the minimum is not used and its mean not shown; the other items carry its weight', () => {
    // Three peers rate attitude and teamwork; only P1 rates learning: that mean would be P1's own score.
    const ratings = [...peers.filter((r) => r.item !== 'learning' || r.raterId === 'P1'), ...rated('supervisor', 'S1', [4, 4, 4])];
    const q = scoreQualitative('E1', ratings, setup({ raters: [{ type: 'supervisor', weight: 50 }, { type: 'peer', weight: 50 }] }));
    const peer = q.raters[1]!;
    expect(peer).toMatchObject({ raters: 3, used: true, reason: null, withheld: ['learning'] });
    expect(peer.items.map((i) => [i.id, i.ratings, i.weight])).toEqual([
      ['attitude', 3, 62.5],
      ['teamwork', 3, 37.5],
    ]);
    expect(peer.score).toBe((pct(4) * 62.5) / 100 + (pct(4) * 37.5) / 100);
    expect(JSON.stringify(peer.items)).not.toContain('learning');
  });

  it('enough peers in all but too few on every item: not used at all', () => {
    const scattered: Rating[] = [
      { raterType: 'peer', raterId: 'P1', item: 'attitude', score: 5 },
      { raterType: 'peer', raterId: 'P2', item: 'teamwork', score: 1 },
      { raterType: 'peer', raterId: 'P3', item: 'learning', score: 3 },
    ];
    const q = scoreQualitative('E1', [...rated('supervisor', 'S1', [4, 4, 4]), ...scattered], setup());
    expect(q.raters[1]).toMatchObject({ raters: 3, used: false, reason: 'below_minimum', items: [], withheld: ['attitude', 'teamwork', 'learning'], score: null });
    // Self did not rate either: the supervisor carries it all.
    expect(q.raters[0]!.weight).toBe(100);
  });

  it('anonymous ratings (no rater id) count one rater each on the items they rate', () => {
    const anonymous: Rating[] = [4, 5, 3].map((score) => ({ raterType: 'peer', raterId: '', item: 'attitude', score }));
    const q = scoreQualitative('E1', [...anonymous, { raterType: 'peer', raterId: '', item: 'teamwork', score: 1 }], setup({ raters: [{ type: 'peer', weight: 100 }] }));
    expect(q.raters[0]).toMatchObject({ used: true, withheld: ['teamwork'] });
    expect(q.raters[0]!.items.map((i) => [i.id, i.mean])).toEqual([['attitude', 4]]);
    expect(q.score).toBe(75);
  });

  it('the anonymity minimum applies to subordinates too', () => {
    const raters: RaterWeight[] = [{ type: 'supervisor', weight: 60 }, { type: 'subordinate', weight: 40 }];
    const subs = [...rated('subordinate', 'A', [4, 4, 4]), ...rated('subordinate', 'B', [2, 2, 2])];
    const q = scoreQualitative('E1', [...rated('supervisor', 'S1', [3, 3, 3]), ...subs], setup({ raters }));
    expect(q.raters[1]).toMatchObject({ reason: 'below_minimum', raters: 2 });
    expect(q.score).toBe(50);
  });

  it('anonymous raters (no id) are counted by the most-rated item', () => {
    const anonymous = [4, 5, 3].flatMap((s) => ITEMS.map((item) => ({ raterType: 'peer' as const, raterId: '', item: item.id, score: s })));
    const q = scoreQualitative('E1', anonymous, setup());
    expect(q.raters[1]).toMatchObject({ raters: 3, used: true });
    expect(q.raters[1]!.items.map((i) => i.mean)).toEqual([4, 4, 4]);
  });

  it('a role using a subset of the items rescales their weights to 100, in hundredths as the documents print them', () => {
    const subset = [ITEMS[0]!, ITEMS[2]!];
    const q = scoreQualitative('E1', rated('supervisor', 'S1', [5, 1, 3]), setup({ items: subset, raters: [{ type: 'supervisor', weight: 100 }] }));
    // 50/70 and 20/70 of 100 are 71.428… and 28.571…: scored as the 71.43% and 28.57% printed.
    expect(q.items).toEqual([
      { id: 'attitude', weight: 71.43 },
      { id: 'learning', weight: 28.57 },
    ]);
    expect(q.ignored).toEqual([{ reason: 'item_not_for_role', rater_type: 'supervisor', count: 1 }]);
    expect(q.score).toBeCloseTo((100 * 71.43 + 50 * 28.57) / 100, 10);
  });

  it('an item a rater type did not rate spreads within that type; items may be named by name', () => {
    const q = scoreQualitative('E1', [{ raterType: 'supervisor', raterId: 'S1', item: '服务态度', score: 5 }, { raterType: 'supervisor', raterId: 'S1', item: 'teamwork', score: 3 }], setup({ raters: [{ type: 'supervisor', weight: 100 }] }));
    expect(q.raters[0]!.items.map((i) => [i.id, i.weight])).toEqual([
      ['attitude', 62.5],
      ['teamwork', 37.5],
    ]);
    expect(q.score).toBe((100 * 62.5 + 50 * 37.5) / 100);
  });

  it('a blank item is an overall rating that counts for every item', () => {
    const q = scoreQualitative('E1', [{ raterType: 'supervisor', raterId: 'S1', item: '', score: 4 }], setup({ raters: [{ type: 'supervisor', weight: 100 }] }));
    expect(q.score).toBe(75);
  });

  it('ignores unknown items, rater types without weight, and a rater rating the same item twice', () => {
    const q = scoreQualitative(
      'E1',
      [
        ...rated('supervisor', 'S1', [4, 4, 4]),
        { raterType: 'supervisor', raterId: 'S1', item: 'attitude', score: 1 },
        { raterType: 'supervisor', raterId: 'S1', item: 'punctuality', score: 1 },
        { raterType: 'customer', raterId: '', item: 'attitude', score: 1 },
      ],
      setup({ raters: [{ type: 'supervisor', weight: 100 }] }),
    );
    expect(q.score).toBe(75);
    expect(q.ignored).toEqual([
      { reason: 'duplicate', rater_type: 'supervisor', count: 1 },
      { reason: 'unknown_item', rater_type: 'supervisor', count: 1 },
      { reason: 'rater_type_not_weighted', rater_type: 'customer', count: 1 },
    ]);
  });

  it('no ratings at all: no score (the total then comes from the KPIs alone)', () => {
    const q = scoreQualitative('E1', [], setup());
    expect(q.score).toBeNull();
    expect(q.raters.every((r) => r.reason === 'no_ratings')).toBe(true);
  });

  it('uses the policy scale (1–10)', () => {
    const q = scoreQualitative('E1', rated('supervisor', 'S1', [10, 1, 5.5]), setup({ scale: { min: 1, max: 10 }, raters: [{ type: 'supervisor', weight: 100 }] }));
    expect(q.raters[0]!.items.map((i) => i.score)).toEqual([100, 0, 50]);
  });
});
