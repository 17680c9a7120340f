// Builds the inputs of the scoring step by hand — a policy from a preset with changes, and
// an Evaluation with chosen KPI values, events and ratings — so that scoring tests state
// exactly the data they are about, without reading exports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Evaluation, EvaluationSlice } from '../../src/evaluate/evaluate-files.js';
import { policyCalendar } from '../../src/evaluate/evaluate-files.js';
import { planEvaluation } from '../../src/evaluate/kpi-plan.js';
import type { KpiResult, KpiStatus, StaffResult } from '../../src/evaluate/kpi-results.js';
import { parsePeriod } from '../../src/evaluate/period.js';
import type { RatingRow } from '../../src/evaluate/staff-tables.js';
import type { ExcludedTicket } from '../../src/evaluate/ticket-evaluator.js';
import { WarningSink } from '../../src/evaluate/warnings.js';
import { parsePolicy } from '../../src/policy/load-policy.js';
import type { Policy, RaterType } from '../../src/policy/policy.generated.js';
import { personSetup } from '../../src/scoring/person-setup.js';
import { TicketDetails } from '../../src/evaluate/ticket-details.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A YAML tree as tests edit it: deep paths without a type for every level. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RawPolicy = Record<string, any>;

/** A preset with changes applied to its plain object (before defaults are filled). */
export function presetPolicy(name: string, change: (raw: RawPolicy) => void = () => undefined): Policy {
  const raw = parse(readFileSync(join(ROOT, 'presets', `${name}.yaml`), 'utf8')) as RawPolicy;
  change(raw);
  const loaded = parsePolicy(stringify(raw), `${name}.yaml`);
  if (!loaded.ok) throw new Error(`fixture policy invalid: ${JSON.stringify(loaded.diagnostics)}`);
  return loaded.value;
}

/** A KPI value: a number (status ok, 10 samples), null (no data), or the full result. */
export type KpiInput = number | null | { readonly value: number | null; readonly samples: number; readonly status: KpiStatus };

export interface PersonInput {
  readonly id: string;
  readonly name?: string;
  readonly role: string;
  readonly roles?: readonly string[];
  readonly team?: string;
  readonly bonusBase?: number;
  /** KPI id → value; KPIs not given have no data. */
  readonly kpis?: Readonly<Record<string, KpiInput>>;
  /** Per month (for averaged periods): month index → KPI id → value. */
  readonly months?: readonly Readonly<Record<string, KpiInput>>[];
  /** `veto:<id>` / `points:<id>` → count. */
  readonly events?: Readonly<Record<string, number | null>>;
}

export interface RatingInput {
  readonly staff: string;
  readonly type: RaterType;
  readonly rater?: string;
  readonly item?: string;
  readonly score: number;
}

function kpiResult(id: string, scope: 'individual' | 'team', input: KpiInput | undefined): KpiResult {
  if (input === undefined || input === null) return { id, scope, value: null, samples: 0, status: 'no_data' };
  if (typeof input === 'number') return { id, scope, value: input, samples: 10, status: 'ok' };
  return { id, scope, ...input };
}

export interface EvaluationOptions {
  readonly period?: string;
  readonly months?: readonly string[];
  readonly ratings?: readonly RatingInput[];
  readonly excluded?: readonly ExcludedTicket[];
}

export function makeEvaluation(policy: Policy, people: readonly PersonInput[], options: EvaluationOptions = {}): Evaluation {
  const period = parsePeriod(options.period ?? '2026-10', policy.meta.timezone);
  const members = people.map((p, index) => ({ index, id: p.id, name: p.name ?? p.id, roles: p.roles ?? [p.role], team: p.team ?? '一组', bonusBase: p.bonusBase, row: index + 2 }));
  const results = (values: (p: PersonInput) => Readonly<Record<string, KpiInput>> | undefined): StaffResult[] =>
    people.map((p, i) => {
      const setup = personSetup(policy, members[i]!.roles);
      const kpis = setup.kpis.map((k) => kpiResult(k.kpi.id, k.scope, values(p)?.[k.kpi.id]));
      const events = [...policy.vetoes.map((v) => `veto:${v.id}`), ...policy.point_items.map((x) => `points:${x.id}`)].map((id) => ({ id, value: p.events?.[id] ?? 0 }));
      return { member: members[i]!, kpis, events };
    });
  const slices: EvaluationSlice[] = (options.months ?? []).map((id, s) => ({ period: parsePeriod(id, policy.meta.timezone), staff: results((p) => p.months?.[s]) }));
  const ratings: RatingRow[] = (options.ratings ?? []).map((r, row) => ({
    // By staff id, else (a roster of names only) by name.
    staff: members.findIndex((m) => (m.id || m.name) === r.staff),
    raterType: r.type,
    raterId: r.rater ?? '',
    item: r.item ?? '',
    score: r.score,
    row: row + 2,
  }));
  return {
    period,
    plan: planEvaluation(policy),
    calendar: policyCalendar(policy),
    inputs: [{ kind: 'tickets', path: 'tickets.csv', sha256: '0'.repeat(64), rows: 0, used: 0, skipped: 0, format: 'csv', columns: {} }],
    staff: results((p) => p.kpis),
    department: [],
    ratings,
    warnings: new WarningSink(),
    slices,
    excluded: options.excluded ?? [],
    ticketIds: true,
    details: new TicketDetails(0),
  };
}
