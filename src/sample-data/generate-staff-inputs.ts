// Synthetic ratings and metrics for generated staff, shaped like what HR collects: each
// person rated on each qualitative item by their supervisor, a few peers (sometimes too
// few to keep them anonymous), customers (anonymous) and themselves; supervisors also by
// their team (subordinates). Metrics hold small event counts (praise, violations,
// complaints) that are mostly zero. The same seed gives the same data. Pure.
import { seededRandom, type SampleStaff } from './generate-sample-data.js';

export interface SampleRating {
  readonly staff_id: string;
  readonly staff_name: string;
  readonly rater_type: 'supervisor' | 'peer' | 'subordinate' | 'customer' | 'self';
  readonly rater_id: string;
  readonly item: string;
  readonly score: number;
}

export interface RatingOptions {
  readonly seed: number;
  /** Qualitative item ids to rate. */
  readonly items: readonly string[];
  /** Rater types to include (those the policy weights). */
  readonly raterTypes: readonly SampleRating['rater_type'][];
  /** Highest score of the scale (lowest is 1). */
  readonly max?: number;
}

export function generateRatings(staff: readonly SampleStaff[], options: RatingOptions): SampleRating[] {
  const random = seededRandom(options.seed ^ 0x7a71);
  const max = options.max ?? 5;
  const out: SampleRating[] = [];
  const wants = (type: SampleRating['rater_type']) => options.raterTypes.includes(type);
  for (const person of staff) {
    // Each person has a level of their own, so that ratings agree more or less.
    const level = 2.6 + random() * 2.2;
    const score = () => Math.max(1, Math.min(max, Math.round(level + (random() - 0.5) * 1.6)));
    const team = staff.filter((s) => s.team === person.team && s.id !== person.id);
    const lead = staff.find((s) => s.team === person.team && s.role === 'supervisor' && s.id !== person.id);
    const add = (rater_type: SampleRating['rater_type'], rater_id: string) => {
      for (const item of options.items) out.push({ staff_id: person.id, staff_name: person.name, rater_type, rater_id, item, score: score() });
    };
    if (wants('supervisor')) add('supervisor', lead?.id ?? 'M0001');
    if (wants('peer')) {
      // A supervisor's peers are the other teams' supervisors; everyone else's, their team.
      const colleagues = person.role === 'supervisor' ? staff.filter((s) => s.role === 'supervisor' && s.id !== person.id) : team;
      const peers = Math.min(colleagues.length, random() < 0.15 ? 2 : 3 + Math.floor(random() * 2));
      for (const p of colleagues.slice(0, peers)) add('peer', p.id);
    }
    if (wants('subordinate') && person.role === 'supervisor') for (const s of team.slice(0, 4)) add('subordinate', s.id);
    // Customers rate whoever served them; a supervisor through the escalations they handled.
    if (wants('customer')) for (let i = 0; i < 2; i++) add('customer', '');
    if (wants('self')) add('self', person.id);
  }
  return out;
}

export interface SampleMetrics {
  readonly staff_id: string;
  readonly name: string;
  readonly values: Readonly<Record<string, number>>;
}

/** Event counts per person: each column is 0 for most people, 1–2 for a few. */
export function generateMetrics(staff: readonly SampleStaff[], columns: readonly { readonly name: string; readonly rate: number }[], seed: number): SampleMetrics[] {
  const random = seededRandom(seed ^ 0x3e7c);
  return staff.map((s) => ({
    staff_id: s.id,
    name: s.name,
    values: Object.fromEntries(columns.map((c) => [c.name, random() < c.rate ? 1 + Math.floor(random() * 2) : 0])),
  }));
}
