// A preset's texts name a sample company and department ("售后服务部经理"); once the user
// has named theirs, every text follows. Identifiers and data column names are left alone.
// Pure.
import type { Policy } from '../policy/policy.generated.js';

/** Keys whose values are identifiers or data column names, never prose to rename. */
const IDENTIFIER_KEYS = new Set(['id', 'kpi', 'grade', 'type', 'kind', 'step', 'column', 'field', 'unit', 'direction', 'method', 'cycle', 'primary', 'placed_by']);

export interface Names {
  readonly company?: string;
  readonly department?: string;
}

/** `value` with the preset's company and department names replaced by the user's. */
export function renameSamples<T>(value: T, preset: Policy, names: Names): T {
  const candidates: [string, string | undefined][] = [
    [preset.meta.company, names.company],
    [preset.meta.department, names.department],
  ];
  const pairs = candidates.filter((pair): pair is [string, string] => pair[1] !== undefined && pair[0].length >= 2 && pair[0] !== pair[1]);
  if (pairs.length === 0) return value;
  const visit = (node: unknown, key?: string): unknown => {
    if (typeof node === 'string') return key !== undefined && IDENTIFIER_KEYS.has(key) ? node : pairs.reduce((text, [from, to]) => text.split(from).join(to), node);
    if (Array.isArray(node)) return node.map((item) => visit(item, key));
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v, k)]));
    return node;
  };
  return visit(value) as T;
}
