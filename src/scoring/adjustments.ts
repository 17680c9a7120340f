// Approved appeal decisions (`--adjustments FILE`): loaded through the same pipeline as a
// policy (YAML with positions → schema → rules), so every problem is
// `adjustments.yaml:LINE:COL: code: message`. What the file alone can tell (a KPI the policy
// does not have, the same ticket left out twice, a score off the scale, a KPI value no data
// could give — a percentage outside 0–100, a negative count or time —, the wrong period)
// is checked on load; what needs the data (a person not on the roster, a ticket not in the
// export, a rating nobody gave) is checked after reading, before anything is written. Pure
// except `readAdjustments`.
import { error, type Diagnostic } from '../errors.js';
import { normaliseHeader } from '../evaluate/columns.js';
import { readSmallFile } from '../io/read-input.js';
import type { Policy } from '../policy/policy.generated.js';
import { validate as validateAdjustments } from '../validation/compiled/adjustments.validate.generated.js';
import { loadDocumentBytes, type DocumentKind, type LoadResult, type Rule } from '../validation/load-document.js';
import { locate, type Path, type YamlSource } from '../validation/yaml-document.js';
import type { Adjustment, AdjustmentsFile } from './adjustments.generated.js';

export type { Adjustment, AdjustmentsFile } from './adjustments.generated.js';

export const MAX_ADJUSTMENTS_BYTES = 2 * 1024 * 1024;

export interface AdjustmentsContext {
  readonly policy: Policy;
  /** The period being evaluated (`2026-10`, `2026-Q4`…). */
  readonly periodId: string;
  /** The months a quarter or year averages (empty when it is computed over all its records). */
  readonly months: readonly string[];
}

function adjustmentRules(context: AdjustmentsContext): Rule<AdjustmentsFile>[] {
  const { policy, periodId, months } = context;
  const kpiIds = policy.kpis.map((k) => k.id);
  const { min, max } = policy.qualitative.scale;
  const itemKeys = new Set(policy.qualitative.items.flatMap((q) => [normaliseHeader(q.id), normaliseHeader(q.name)]));
  return [
    (file, report) => {
      if (file.period !== undefined && String(file.period).trim() !== periodId) {
        report({ code: 'adjustments-period-mismatch', params: { value: String(file.period), period: periodId }, path: ['period'] });
      }
    },
    (file, report) => {
      const seen = new Map<string, number>();
      file.adjustments.forEach((a, i) => {
        let key: string;
        if (a.kind === 'exclude_ticket') key = `ticket:${String(a.ticket_id)}`;
        else if (a.kind === 'override_kpi') key = `kpi:${String(a.staff_id)}:${a.kpi}:${a.month ?? ''}`;
        else key = `rating:${String(a.staff_id)}:${a.rater_type}:${a.rater_id ?? ''}:${a.item}`;
        const first = seen.get(key);
        if (first !== undefined) report({ code: 'adjustment-duplicate', params: { first: { $line: ['adjustments', first] } }, path: ['adjustments', i, 'kind'] });
        else seen.set(key, i);
      });
    },
    (file, report) => {
      file.adjustments.forEach((a, i) => {
        if (a.kind === 'override_kpi') {
          if (!kpiIds.includes(a.kpi)) report({ code: 'adjustment-unknown-kpi', params: { kpi: a.kpi, known: kpiIds.join(', ') }, path: ['adjustments', i, 'kpi'] });
          if (months.length > 0 && a.month === undefined) {
            report({ code: 'adjustment-month-required', params: { period: periodId, months: months.join(', ') }, path: ['adjustments', i, 'kind'] });
          } else if (a.month !== undefined && (months.length > 0 ? !months.includes(a.month) : a.month !== periodId)) {
            report({ code: 'adjustment-month-outside', params: { value: a.month, period: periodId, months: months.length > 0 ? months.join(', ') : periodId }, path: ['adjustments', i, 'month'] });
          }
        }
        if (a.kind === 'override_kpi') {
          // A value no export could have produced is a typing mistake, not a decision.
          const kpi = policy.kpis.find((k) => k.id === a.kpi);
          if (kpi?.unit === 'percent' && (a.value < 0 || a.value > 100)) {
            report({ code: 'adjustment-value-not-percent', params: { kpi: kpi.name, value: a.value }, path: ['adjustments', i, 'value'] });
          } else if (kpi && a.value < 0) {
            report({ code: 'adjustment-value-negative', params: { kpi: kpi.name, value: a.value }, path: ['adjustments', i, 'value'] });
          }
        }
        if (a.kind === 'override_rating' && !itemKeys.has(normaliseHeader(a.item))) {
          report({ code: 'adjustment-unknown-item', params: { item: a.item, known: policy.qualitative.items.map((q) => `${q.id} (${q.name})`).join(', ') }, path: ['adjustments', i, 'item'] });
        }
        if (a.kind === 'override_rating' && (a.score < min || a.score > max)) {
          report({ code: 'adjustment-score-outside-scale', params: { value: a.score, min, max }, path: ['adjustments', i, 'score'] });
        }
      });
    },
  ];
}

function kindFor(context: AdjustmentsContext): DocumentKind<AdjustmentsFile> {
  return { schema: 'adjustments', validate: validateAdjustments, rules: adjustmentRules(context) };
}

/** Ids in YAML may be written as numbers (工号 10023), and a year as `period: 2026`; they are compared as text. */
function normalise(file: AdjustmentsFile): AdjustmentsFile {
  return {
    ...file,
    ...(file.period === undefined ? {} : { period: String(file.period).trim() }),
    adjustments: file.adjustments.map((a) => {
      const base = { ...a, staff_id: String(a.staff_id).trim() };
      if (base.kind === 'exclude_ticket') return { ...base, ticket_id: String(base.ticket_id).trim() };
      if (base.kind === 'override_rating' && base.rater_id !== undefined) return { ...base, rater_id: String(base.rater_id).trim() };
      return base;
    }) as Adjustment[],
  };
}

export function parseAdjustmentsBytes(bytes: Uint8Array, file: string, context: AdjustmentsContext): LoadResult<AdjustmentsFile> {
  const loaded = loadDocumentBytes(bytes, file, kindFor(context));
  return loaded.ok ? { ...loaded, value: normalise(loaded.value) } : loaded;
}

export async function readAdjustments(path: string, context: AdjustmentsContext): Promise<LoadResult<AdjustmentsFile>> {
  const read = await readSmallFile(path, MAX_ADJUSTMENTS_BYTES);
  if (!read.ok) return { ok: false, diagnostics: [read.diagnostic] };
  return parseAdjustmentsBytes(read.bytes, path, context);
}

/** Approved adjustments with where they are in their file, for errors found after reading the data. */
export interface LoadedAdjustments {
  readonly file: string;
  readonly items: readonly Adjustment[];
  readonly source: YamlSource;
}

/** `ticket id → appeal id` for the ticket pass. */
export function excludedTicketIds(adjustments: LoadedAdjustments | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of adjustments?.items ?? []) if (a.kind === 'exclude_ticket') map.set(String(a.ticket_id), a.appeal);
  return map;
}

export interface ReferenceFinding {
  readonly index: number;
  readonly field: string;
  readonly code: Diagnostic['code'];
  readonly params: Diagnostic['params'];
}

/** Findings about references (found after reading the data) as diagnostics that point into the file. */
export function referenceDiagnostics(adjustments: LoadedAdjustments, findings: readonly ReferenceFinding[]): Diagnostic[] {
  return findings
    .map((f) => {
      const path: Path = ['adjustments', f.index, f.field];
      return error(f.code, f.params, locate(adjustments.source, path));
    })
    .sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.col ?? 0) - (b.location?.col ?? 0));
}
