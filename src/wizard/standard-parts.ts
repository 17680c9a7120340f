// Parts the wizard can offer when the chosen preset does not have them: the three standard
// roles, common qualitative items, and the four kinds of penalty. Their texts live in the
// i18n catalogue (in both languages); numbers here are starting points the user confirms.
// Data only: never reads a preset itself.
import type { MessageCode } from '../i18n/catalogue.js';
import type { Penalty, RoleKpi } from '../policy/policy.generated.js';

export interface StandardRole {
  readonly id: string;
  readonly name: MessageCode;
  readonly description: MessageCode;
  readonly quantitativeShare: number;
  readonly kpis: readonly RoleKpi[];
}

/** Offered in the roles question; a preset's own definition wins over these. */
export const STANDARD_ROLES: readonly StandardRole[] = [
  {
    id: 'agent',
    name: 'std-role-agent',
    description: 'std-role-agent-description',
    quantitativeShare: 70,
    kpis: [
      { kpi: 'response_sla_rate', weight: 30, scope: 'individual' },
      { kpi: 'csat', weight: 40, scope: 'individual' },
      { kpi: 'tickets_resolved', weight: 30, scope: 'individual' },
    ],
  },
  {
    id: 'technician',
    name: 'std-role-technician',
    description: 'std-role-technician-description',
    quantitativeShare: 70,
    kpis: [
      { kpi: 'first_time_fix_rate', weight: 40, scope: 'individual' },
      { kpi: 'csat', weight: 30, scope: 'individual' },
      { kpi: 'resolution_hours', weight: 30, scope: 'individual' },
    ],
  },
  {
    id: 'supervisor',
    name: 'std-role-supervisor',
    description: 'std-role-supervisor-description',
    quantitativeShare: 60,
    // A supervisor answers for the team's results, not for tickets of their own.
    kpis: [
      { kpi: 'csat', weight: 40, scope: 'team' },
      { kpi: 'resolution_sla_rate', weight: 30, scope: 'team' },
      { kpi: 'complaint_rate', weight: 30, scope: 'team' },
    ],
  },
];

/** Quantitative share of a custom role until the user says otherwise. */
export const CUSTOM_ROLE_SHARE = 70;

export interface StandardItem {
  readonly id: string;
  readonly name: MessageCode;
  readonly description: MessageCode;
  /** Weight before normalising against the other chosen items. */
  readonly weight: number;
}

export const COMPLEX_PROBLEMS_ITEM = 'complex_problem_solving';

export const STANDARD_ITEMS: readonly StandardItem[] = [
  { id: 'service_attitude', name: 'std-item-service-attitude', description: 'std-item-service-attitude-description', weight: 40 },
  { id: 'teamwork', name: 'std-item-teamwork', description: 'std-item-teamwork-description', weight: 20 },
  { id: 'compliance', name: 'std-item-compliance', description: 'std-item-compliance-description', weight: 20 },
  { id: 'learning', name: 'std-item-learning', description: 'std-item-learning-description', weight: 20 },
  { id: 'responsibility', name: 'std-item-responsibility', description: 'std-item-responsibility-description', weight: 20 },
  { id: COMPLEX_PROBLEMS_ITEM, name: 'std-item-complex-problems', description: 'std-item-complex-problems-description', weight: 20 },
];

export type PenaltyKind = Penalty['kind'];

export interface StandardPenalty {
  readonly kind: PenaltyKind;
  readonly name: MessageCode;
  /** Takes `{grade}`, the lowest grade, which is what triggers it. */
  readonly description: MessageCode;
  readonly consecutive: number;
  /** Counted over the primary cycle, or over this longer one when the policy has it. */
  readonly longer?: 'quarterly';
  readonly deductionPercent?: number;
}

/** Gentle first, firm last: the order a policy lists them. */
export const STANDARD_PENALTIES: readonly StandardPenalty[] = [
  { kind: 'warning', name: 'std-penalty-warning', description: 'std-penalty-warning-description', consecutive: 1 },
  { kind: 'improvement_plan', name: 'std-penalty-improvement-plan', description: 'std-penalty-improvement-plan-description', consecutive: 2 },
  { kind: 'pay_deduction', name: 'std-penalty-pay-deduction', description: 'std-penalty-pay-deduction-description', consecutive: 1, longer: 'quarterly', deductionPercent: 50 },
  { kind: 'demotion', name: 'std-penalty-demotion', description: 'std-penalty-demotion-description', consecutive: 3 },
];

/** Forced-distribution shares for the usual five grades, best first (a bell curve). */
export const FIVE_GRADE_SHARES: readonly number[] = [10, 20, 40, 20, 10];
