// Ids must be unique within each list, because reports, weights and triggers refer to them.
import type { MessageCode } from '../../i18n/catalogue.js';
import type { Rule } from '../../validation/load-document.js';
import type { Path } from '../../validation/yaml-document.js';
import type { Policy } from '../policy.generated.js';

interface IdList {
  readonly kind: MessageCode;
  readonly entries: readonly { readonly id: string; readonly path: Path }[];
}

function list(kind: MessageCode, base: Path, items: readonly object[], field: string): IdList {
  return {
    kind,
    entries: items.map((item, index) => ({ id: String((item as Record<string, unknown>)[field]), path: [...base, index, field] })),
  };
}

function idLists(policy: Policy): IdList[] {
  const { incentives } = policy;
  // Promotion, honours and training are all outcomes named by id in reports: one namespace.
  const actions: IdList = {
    kind: 'kind-action',
    entries: [
      ...(incentives.promotion ? [{ id: incentives.promotion.id, path: ['incentives', 'promotion', 'id'] }] : []),
      ...list('kind-action', ['incentives', 'honours'], incentives.honours ?? [], 'id').entries,
      ...list('kind-action', ['incentives', 'training'], incentives.training ?? [], 'id').entries,
    ],
  };
  return [
    list('kind-kpi', ['kpis'], policy.kpis, 'id'),
    list('kind-role', ['roles'], policy.roles, 'id'),
    list('kind-item', ['qualitative', 'items'], policy.qualitative.items, 'id'),
    list('kind-veto', ['vetoes'], policy.vetoes, 'id'),
    list('kind-point-item', ['point_items'], policy.point_items, 'id'),
    list('kind-penalty', ['penalties'], policy.penalties, 'id'),
    list('kind-grade', ['grades', 'bands'], policy.grades.bands, 'grade'),
    actions,
  ];
}

export const uniqueIds: Rule<Policy> = (policy, report) => {
  for (const { kind, entries } of idLists(policy)) {
    const first = new Map<string, Path>();
    for (const { id, path } of entries) {
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, path);
        continue;
      }
      report({ code: 'duplicate-id', params: { kind: { $t: kind }, id, firstLine: { $line: earlier } }, path });
    }
  }
};
