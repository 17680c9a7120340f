// Settings that a schema cannot check alone: scales run upwards, working hours are in
// order, the time zone exists, and every veto does something.
import type { Rule } from '../../validation/load-document.js';
import type { Policy } from '../policy.generated.js';

let canonicalZones: ReadonlySet<string> | undefined;

/**
 * Whether Intl knows the zone. The runtime's own list of canonical zone names answers for
 * almost every policy first (about 2 ms), because the first `Intl.DateTimeFormat` of a
 * process costs some 20 ms of ICU set-up that `aspm validate` would pay for this one check.
 * Every name on that list is one the same runtime's DateTimeFormat accepts (settings.test.ts
 * checks them all); anything else (an alias, another spelling) is still asked of
 * DateTimeFormat, so the answer is the same as asking it alone.
 */
export function isKnownTimeZone(zone: string): boolean {
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `HH:MM` (as the schema allows it) → minutes after midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export const settings: Rule<Policy> = (policy, report) => {
  if (!isKnownTimeZone(policy.meta.timezone)) {
    report({ code: 'unknown-timezone', params: { value: policy.meta.timezone }, path: ['meta', 'timezone'] });
  }

  const scale = policy.qualitative.scale;
  if (scale.min >= scale.max) report({ code: 'scale-order', params: { min: scale.min, max: scale.max }, path: ['qualitative', 'scale', 'min'] });

  const satisfaction = policy.evaluation.satisfaction;
  if (satisfaction.scale_min >= satisfaction.scale_max) {
    report({ code: 'scale-order', params: { min: satisfaction.scale_min, max: satisfaction.scale_max }, path: ['evaluation', 'satisfaction', 'scale_min'] });
  } else if (satisfaction.good_at_least < satisfaction.scale_min || satisfaction.good_at_least > satisfaction.scale_max) {
    report({
      code: 'threshold-outside-scale',
      params: { value: satisfaction.good_at_least, min: satisfaction.scale_min, max: satisfaction.scale_max },
      path: ['evaluation', 'satisfaction', 'good_at_least'],
    });
  }

  let previousEnd = -1;
  policy.evaluation.working_hours.forEach((span, i) => {
    const start = minutesOf(span.start);
    const end = minutesOf(span.end);
    if (start >= end || start < previousEnd) {
      report({ code: 'working-hours-order', params: { start: span.start, end: span.end }, path: ['evaluation', 'working_hours', i, 'start'] });
    }
    previousEnd = Math.max(previousEnd, end);
  });

  policy.vetoes.forEach((veto, v) => {
    if (veto.effect.max_grade === undefined && !veto.effect.no_bonus) {
      report({ code: 'veto-no-effect', params: { id: veto.id }, path: ['vetoes', v, 'effect'], at: 'key' });
    }
  });
};
