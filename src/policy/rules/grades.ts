// Grade bands must cover every score from 0 to 100 exactly once, and everything that names
// a grade (coefficients, triggers, vetoes, distribution shares) must name one that exists.
import type { Rule } from '../../validation/load-document.js';
import type { Path } from '../../validation/yaml-document.js';
import type { Policy, RuleTrigger } from '../policy.generated.js';

export const gradeBands: Rule<Policy> = (policy, report) => {
  const bands = policy.grades.bands.map((band, index) => ({ ...band, index }));
  let usable = true;
  for (const band of bands) {
    if (band.min >= band.max) {
      usable = false;
      report({ code: 'grade-band-empty', params: { grade: band.grade, min: band.min, max: band.max }, path: ['grades', 'bands', band.index, 'min'] });
    }
  }
  if (!usable) return;
  const sorted = [...bands].sort((a, b) => a.min - b.min || a.max - b.max);
  let reached = 0;
  let previous: (typeof sorted)[number] | undefined;
  for (const band of sorted) {
    if (band.min > reached) {
      report({ code: 'grade-gap', params: { from: reached, to: band.min }, path: ['grades', 'bands', band.index, 'min'] });
    } else if (band.min < reached && previous) {
      report({
        code: 'grade-overlap',
        params: { grade: band.grade, min: band.min, max: band.max, other: previous.grade, otherMin: previous.min, otherMax: previous.max },
        path: ['grades', 'bands', band.index, 'min'],
      });
    }
    if (band.max > reached) {
      reached = band.max;
      previous = band;
    }
  }
  if (reached < 100) {
    const top = previous ?? sorted[sorted.length - 1];
    report({ code: 'grade-gap', params: { from: reached, to: 100 }, path: ['grades', 'bands', top?.index ?? 0, 'max'] });
  }
};

export const gradeReferences: Rule<Policy> = (policy, report) => {
  const known = [...new Set(policy.grades.bands.map((b) => b.grade))];
  const check = (grade: string, path: Path) => {
    if (!known.includes(grade)) report({ code: 'unknown-grade', params: { grade, known: known.join(', ') }, path });
  };
  const checkTrigger = (trigger: RuleTrigger, path: Path) => {
    (trigger.grades ?? []).forEach((g, i) => check(g, [...path, 'grades', i]));
    if (!trigger.grades?.length && trigger.top === undefined) report({ code: 'trigger-empty', params: {}, path, at: 'key' });
  };

  const coefficients = policy.incentives.bonus.coefficients;
  coefficients.forEach((c, i) => check(c.grade, ['incentives', 'bonus', 'coefficients', i, 'grade']));
  for (const grade of known) {
    if (!coefficients.some((c) => c.grade === grade)) {
      report({ code: 'missing-coefficient', params: { grade }, path: ['incentives', 'bonus', 'coefficients'], at: 'key' });
    }
  }
  policy.grades.forced_distribution?.shares.forEach((s, i) => check(s.grade, ['grades', 'forced_distribution', 'shares', i, 'grade']));
  policy.vetoes.forEach((veto, i) => {
    if (veto.effect.max_grade !== undefined) check(veto.effect.max_grade, ['vetoes', i, 'effect', 'max_grade']);
  });

  const { promotion, honours, training } = policy.incentives;
  if (promotion) checkTrigger(promotion.when, ['incentives', 'promotion', 'when']);
  (honours ?? []).forEach((h, i) => checkTrigger(h.when, ['incentives', 'honours', i, 'when']));
  (training ?? []).forEach((t, i) => checkTrigger(t.when, ['incentives', 'training', i, 'when']));
  policy.penalties.forEach((p, i) => checkTrigger(p.when, ['penalties', i, 'when']));
};
