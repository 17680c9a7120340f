// Ranking within a group and forced distribution. Pure.
//
// Order: the published rank puts the final grade first (a person whose veto capped the
// grade at D does not rank above those graded C), then the total (rounded to two decimals,
// as shown) from high to low — the forced distribution itself, which hands out those
// grades, goes by the total alone (no grade is known yet). On equal totals the
// higher quantitative score ranks first (the measured part decides before opinions); then
// the higher qualitative score. People equal on all three are truly tied: they share a rank,
// and they get the same grade — the better one — even if that exceeds a grade's quota,
// because a grade that depends on the order of a file or on staff ids could not be
// explained to the one who loses. Staff ids only order the listing of tied people.
//
// Quotas: a fraction of a person never earns a grade above or below the middle. Counting
// from the best grade down to the middle grade (the one with the largest share; the better
// one if two share it), each grade gets ⌊n × cumulative share⌋ minus what the grades above
// it took; counting up from the worst grade likewise; the middle grade takes the rest.
//
// Grades are handed out in rank order: each tie group gets the best grade that still has
// room. A person whose veto caps the grade gets the cap instead and takes a place at the
// cap's level (or worse), so the better place they cannot take passes to the next person.
export interface RankInput {
  readonly key: string;
  /** Rounded total. */
  readonly total: number;
  readonly quantitative: number;
  readonly qualitative: number;
  /** Index of the worst grade allowed by a veto (0 = best), if any. */
  readonly capIndex: number | undefined;
  /** Index of the final grade (0 = best): set for the published rank, unset for the distribution. */
  readonly gradeIndex?: number;
}

export interface Ranked {
  readonly key: string;
  /** Competition rank: 1, 2, 2, 4 … */
  readonly rank: number;
}

function compare(a: RankInput, b: RankInput): number {
  return (a.gradeIndex ?? 0) - (b.gradeIndex ?? 0) || b.total - a.total || b.quantitative - a.quantitative || b.qualitative - a.qualitative;
}

/** Groups of tied people in rank order; within a group by key (staff id). */
export function rankGroups(people: readonly RankInput[]): RankInput[][] {
  const sorted = [...people].sort((a, b) => compare(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const groups: RankInput[][] = [];
  for (const p of sorted) {
    const last = groups[groups.length - 1];
    if (last && compare(last[0]!, p) === 0) last.push(p);
    else groups.push([p]);
  }
  return groups;
}

export function rankPeople(people: readonly RankInput[]): Ranked[] {
  const out: Ranked[] = [];
  let position = 1;
  for (const group of rankGroups(people)) {
    for (const p of group) out.push({ key: p.key, rank: position });
    position += group.length;
  }
  return out;
}

/**
 * How many people get each grade in a group of n. `shares[i]` is the percent of grade i
 * (grades from best to worst; 0 for a grade without a share).
 */
export function gradeQuotas(n: number, shares: readonly number[]): number[] {
  const quotas = shares.map(() => 0);
  if (shares.length === 0) return quotas;
  let middle = 0;
  shares.forEach((s, i) => {
    if (s > shares[middle]!) middle = i;
  });
  // A tiny epsilon so that 30 % of 10 is 3 and not 2.9999999999999996.
  const count = (cumulative: number) => Math.floor((n * cumulative) / 100 + 1e-9);
  let cumulative = 0;
  let taken = 0;
  for (let i = 0; i < middle; i++) {
    cumulative += shares[i]!;
    quotas[i] = Math.max(0, count(cumulative) - taken);
    taken += quotas[i]!;
  }
  let cumulativeBottom = 0;
  let takenBottom = 0;
  for (let i = shares.length - 1; i > middle; i--) {
    cumulativeBottom += shares[i]!;
    quotas[i] = Math.max(0, count(cumulativeBottom) - takenBottom);
    takenBottom += quotas[i]!;
  }
  quotas[middle] = Math.max(0, n - taken - takenBottom);
  return quotas;
}

/** The distributed grade index of each person (0 = best). */
export function distributeGrades(people: readonly RankInput[], shares: readonly number[]): Map<string, number> {
  const remaining = gradeQuotas(people.length, shares);
  const worst = shares.length - 1;
  const firstOpen = (from: number) => {
    for (let i = from; i < remaining.length; i++) if (remaining[i]! > 0) return i;
    return -1;
  };
  const result = new Map<string, number>();
  for (const group of rankGroups(people)) {
    const open = firstOpen(0);
    const groupGrade = open === -1 ? worst : open;
    for (const p of group) {
      const grade = p.capIndex !== undefined && p.capIndex > groupGrade ? p.capIndex : groupGrade;
      const slot = firstOpen(grade);
      if (slot !== -1) remaining[slot]!--;
      result.set(p.key, grade);
    }
  }
  return result;
}
