// Whether the policy was in force during a period. A policy applies from its effective
// date: a period that ended on or before that day (its last day before it) is scored only
// as a trial run — every output says so and none is a basis for assessment; a period that
// started before the day and ended after it is partly covered: it is scored as a real
// period (the policy was in force when it ended, as for anyone hired mid-period), and
// every output says from which day the policy applied. Pure.
import type { ScoredReport } from './scored-report.js';

export type PolicyCoverage = 'none' | 'partial' | 'full';

/** Coverage of the days `firstDay`…`lastDay` (both included, `YYYY-MM-DD`) by a policy effective from `effectiveDate`. */
export function policyCoverage(firstDay: string, lastDay: string, effectiveDate: string): PolicyCoverage {
  if (lastDay < effectiveDate) return 'none';
  return firstDay < effectiveDate ? 'partial' : 'full';
}

/** The coverage of a report's period, as its `trial` flag and the start of its period say. */
export function reportCoverage(report: Pick<ScoredReport, 'trial' | 'period' | 'policy'>): PolicyCoverage {
  if (report.trial) return 'none';
  return report.period.start.slice(0, 10) < report.policy.effective_date ? 'partial' : 'full';
}
