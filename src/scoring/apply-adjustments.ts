// Approved adjustments checked against the data and applied before scoring: every person,
// ticket and rating they name must exist (otherwise exit 1 with `file:line:col` for each,
// and nothing is written); a KPI override replaces the value of that person's KPI (in one
// month when the period averages its months); a rating override replaces one rating. A
// ticket left out was already skipped by the ticket pass; here it is only matched to the
// appeal and the KPIs it was taken out of — and refused when it lies outside the period,
// where leaving it out would change nothing. Pure.
import { AspmError } from '../errors.js';
import { normaliseHeader } from '../evaluate/columns.js';
import type { Evaluation } from '../evaluate/evaluate-files.js';
import type { KpiResult } from '../evaluate/kpi-results.js';
import { personKey, staffKey } from '../evaluate/staff.js';
import type { RatingRow } from '../evaluate/staff-tables.js';
import { formatWallMinute, zoneClock } from '../tables/time-zone.js';
import type { Policy } from '../policy/policy.generated.js';
import { referenceDiagnostics, type LoadedAdjustments, type ReferenceFinding } from './adjustments.js';
import type { ReportAdjustment } from './scored-report.js';

export interface KpiOverride {
  readonly appeal: string;
  readonly value: number;
  readonly month: string | null;
}

export interface AppliedAdjustments {
  /** In file order, with what they changed. */
  readonly records: readonly ReportAdjustment[];
  /** Staff index → their adjustments. */
  readonly byPerson: ReadonlyMap<number, readonly ReportAdjustment[]>;
  /** `${staff index}:${kpi id}:${slot}` (slot 0 = the period, s + 1 = month s). */
  readonly kpiOverrides: ReadonlyMap<string, KpiOverride>;
  readonly ratings: readonly RatingRow[];
}

export function overrideKey(person: number, kpi: string, slot: number): string {
  return `${person}:${kpi}:${slot}`;
}

/** The name of a ticket measure (`csat`, `veto:fraud`, `points:praise`) in the policy. */
function measureName(policy: Policy, id: string): string {
  if (id.startsWith('veto:')) return policy.vetoes.find((v) => `veto:${v.id}` === id)?.name ?? id;
  if (id.startsWith('points:')) return policy.point_items.find((p) => `points:${p.id}` === id)?.name ?? id;
  return policy.kpis.find((k) => k.id === id)?.name ?? id;
}

export function applyAdjustments(policy: Policy, evaluation: Evaluation, adjustments: LoadedAdjustments | undefined): AppliedAdjustments {
  const ratings = [...evaluation.ratings];
  if (!adjustments || adjustments.items.length === 0) return { records: [], byPerson: new Map(), kpiOverrides: new Map(), ratings };
  const clock = zoneClock(evaluation.period.zone);
  // `2026-06-28 10:05` in the policy's time zone, as the export shows it; '' when unknown.
  const localTime = (utc: number | null) => (utc === null ? '' : formatWallMinute(utc, clock));
  const byStaffKey = new Map<string, number>();
  // A roster without staff ids names people only: then staff_id holds the name.
  evaluation.staff.forEach((r, i) => {
    const key = personKey(r.member);
    if (key !== '' && !byStaffKey.has(key)) byStaffKey.set(key, i);
  });
  const itemOf = (text: string) => policy.qualitative.items.find((q) => normaliseHeader(q.id) === normaliseHeader(text) || normaliseHeader(q.name) === normaliseHeader(text));
  const months = evaluation.slices.map((s) => s.period.id);
  const findings: ReferenceFinding[] = [];
  const records: ReportAdjustment[] = [];
  const byPerson = new Map<number, ReportAdjustment[]>();
  const kpiOverrides = new Map<string, KpiOverride>();

  adjustments.items.forEach((a, index) => {
    const staffId = String(a.staff_id);
    const person = byStaffKey.get(staffKey(staffId));
    if (person === undefined) {
      findings.push({ index, field: 'staff_id', code: 'adjustment-unknown-staff', params: { staff: staffId } });
      return;
    }
    const result = evaluation.staff[person]!;
    const common = { appeal: a.appeal, staff_id: result.member.id, staff_name: result.member.name, reason: a.reason, approved_by: a.approved_by, approved_on: a.approved_on };
    let record: ReportAdjustment;
    if (a.kind === 'exclude_ticket') {
      const ticket = String(a.ticket_id);
      const found = evaluation.excluded.find((e) => e.ticket === ticket);
      if (!found) {
        findings.push({ index, field: 'ticket_id', code: evaluation.ticketIds ? 'adjustment-unknown-ticket' : 'adjustment-no-ticket-ids', params: { ticket } });
        return;
      }
      // A ticket of several people (resolver, crew…) may be appealed by any of them.
      if (!(found.people ?? [found.person]).includes(result.member.index)) {
        const handler = found.person >= 0 ? evaluation.staff.find((r) => r.member.index === found.person)?.member : undefined;
        findings.push({ index, field: 'staff_id', code: 'adjustment-ticket-other-staff', params: { ticket, staff: staffId, handler: handler ? `${handler.id} ${handler.name}`.trim() : '—' } });
        return;
      }
      if (!found.inPeriod) {
        // Accepted, it would be listed on the notice as an appeal granted while changing nothing.
        const period = evaluation.period;
        findings.push({ index, field: 'ticket_id', code: 'adjustment-ticket-outside-period', params: { ticket, created: localTime(found.created), resolved: localTime(found.resolved), period: period.id, first: period.firstDay, last: period.lastDay } });
        return;
      }
      // Only what it was taken out of for this person: their roles' KPIs (and the events of
      // vetoes and point items), not KPIs of other roles the ticket would also have fed.
      const own = new Set(result.kpis.map((k) => k.id));
      const ids = found.hits.filter((h) => h.person === undefined || h.person === result.member.index).map((h) => evaluation.plan.ticketMeasures[h.measure]!.id).filter((id) => own.has(id) || id.includes(':'));
      const kpis = [...new Set(ids)].map((id) => measureName(policy, id));
      if (kpis.length === 0) {
        // As for a ticket of another period: a notice would list an appeal granted that left
        // the ticket out of nothing ("不计入：" and no KPI).
        findings.push({ index, field: 'ticket_id', code: 'adjustment-ticket-not-counted', params: { ticket, staff: `${result.member.id} ${result.member.name}`.trim(), period: evaluation.period.id } });
        return;
      }
      record = { ...common, kind: a.kind, ticket_id: ticket, kpis };
    } else if (a.kind === 'override_kpi') {
      const entries = result.kpis.filter((k) => k.id === a.kpi);
      if (entries.length === 0) {
        findings.push({ index, field: 'kpi', code: 'adjustment-kpi-not-in-role', params: { kpi: a.kpi, staff: `${result.member.id} ${result.member.name}`.trim(), roles: result.member.roles.join(', ') } });
        return;
      }
      const month = a.month ?? null;
      const slot = month === null ? 0 : months.indexOf(month) + 1;
      const source: readonly KpiResult[] = slot === 0 ? result.kpis : evaluation.slices[slot - 1]!.staff[person]!.kpis;
      const original = source.find((k) => k.id === a.kpi)!;
      kpiOverrides.set(overrideKey(person, a.kpi, slot), { appeal: a.appeal, value: a.value, month });
      record = { ...common, kind: a.kind, kpi: a.kpi, ...(month === null ? {} : { month }), value: a.value, original_value: original.value };
    } else {
      const item = itemOf(a.item)!;
      const rater = a.rater_id === undefined ? undefined : staffKey(String(a.rater_id));
      const matches = ratings
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => r.staff === result.member.index && r.raterType === a.rater_type && itemOf(r.item)?.id === item.id && (rater === undefined || staffKey(r.raterId) === rater));
      if (matches.length === 0) {
        findings.push({ index, field: 'item', code: 'adjustment-unknown-rating', params: { staff: staffId, type: a.rater_type, item: a.item, rater: a.rater_id === undefined ? '' : String(a.rater_id) } });
        return;
      }
      if (matches.length > 1) {
        findings.push({ index, field: 'rater_type', code: 'adjustment-rating-ambiguous', params: { count: matches.length, type: a.rater_type, item: a.item } });
        return;
      }
      const { r, i } = matches[0]!;
      ratings[i] = { ...r, score: a.score };
      record = { ...common, kind: a.kind, rater_type: a.rater_type, item: item.id, score: a.score, original_score: r.score };
    }
    records.push(record);
    const list = byPerson.get(person) ?? [];
    list.push(record);
    byPerson.set(person, list);
  });
  if (findings.length > 0) {
    throw new AspmError('adjustments-invalid', { file: adjustments.file, count: findings.length }, { diagnostics: referenceDiagnostics(adjustments, findings) });
  }
  return { records, byPerson, kpiOverrides, ratings };
}
