// Weights are shares of a whole: each list of weights must total 100, and each KPI or
// rater may appear once, or the whole is ambiguous.
import type { MessageCode } from '../../i18n/catalogue.js';
import type { Finding, Rule } from '../../validation/load-document.js';
import type { Path } from '../../validation/yaml-document.js';
import type { Policy, RaterWeight } from '../policy.generated.js';

export const WEIGHT_TOLERANCE = 0.01;

export function totalsHundred(values: readonly number[]): boolean {
  return Math.abs(sum(values) - 100) <= WEIGHT_TOLERANCE;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function detail(parts: readonly { name: string; value: number }[]): string {
  return parts.map((p) => `${p.name} ${p.value}`).join(' + ');
}

function checkTotal(
  code: MessageCode,
  parts: readonly { name: string; value: number }[],
  path: Path,
  extra: Record<string, unknown>,
  report: (finding: Finding) => void,
): void {
  const values = parts.map((p) => p.value);
  if (!totalsHundred(values)) {
    report({ code, params: { ...extra, sum: Number(sum(values).toFixed(4)), detail: detail(parts) }, path, at: 'key' });
  }
}

function checkRaters(raters: readonly RaterWeight[], path: Path, where: Record<string, unknown>, report: (finding: Finding) => void): void {
  const seen = new Set<string>();
  raters.forEach((rater, index) => {
    if (seen.has(rater.type)) report({ code: 'duplicate-rater', params: { type: rater.type }, path: [...path, index, 'type'] });
    seen.add(rater.type);
  });
  checkTotal('rater-weights-sum', raters.map((r) => ({ name: r.type, value: r.weight })), path, { where }, report);
}

export const weightsTotal: Rule<Policy> = (policy, report) => {
  policy.roles.forEach((role, r) => {
    const seen = new Set<string>();
    role.kpis.forEach((entry, k) => {
      if (seen.has(entry.kpi)) report({ code: 'duplicate-role-kpi', params: { kpi: entry.kpi, role: role.name }, path: ['roles', r, 'kpis', k, 'kpi'] });
      seen.add(entry.kpi);
    });
    checkTotal('weights-sum', role.kpis.map((e) => ({ name: e.kpi, value: e.weight })), ['roles', r, 'kpis'], { role: role.name }, report);
    if (role.raters) checkRaters(role.raters, ['roles', r, 'raters'], { $t: 'role-raters', params: { role: role.name } }, report);
  });

  const { qualitative } = policy;
  checkTotal('item-weights-sum', qualitative.items.map((i) => ({ name: i.id, value: i.weight })), ['qualitative', 'items'], {}, report);
  checkRaters(qualitative.raters, ['qualitative', 'raters'], { $t: 'qualitative-raters' }, report);

  const distribution = policy.grades.forced_distribution;
  if (distribution) {
    checkTotal(
      'shares-sum',
      distribution.shares.map((s) => ({ name: s.grade, value: s.percent })),
      ['grades', 'forced_distribution', 'shares'],
      {},
      report,
    );
  }
};
