// A rule that looks at the grade by bands (`based_on: bands`) says so in the policy document,
// so that staff can read that a D from forced distribution alone does not trigger it.
import { describe, expect, it } from 'vitest';
import { formatTrigger } from './document-values.js';

describe('formatTrigger', () => {
  it('names the score bands when a rule is based on them', () => {
    const when = { grades: ['D'], consecutive: 2, cycle: 'quarterly' as const };
    expect(formatTrigger('zh-CN', when, 'monthly')).toBe('连续两个季度考核为 D 级');
    expect(formatTrigger('zh-CN', { ...when, based_on: 'bands' }, 'monthly')).toBe('连续两个季度按分数段考核为 D 级');
    expect(formatTrigger('en', { ...when, based_on: 'bands' }, 'monthly')).toBe('graded D by the score bands for 2 quarters in a row');
  });
});
