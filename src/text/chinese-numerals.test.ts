import { describe, expect, it } from 'vitest';
import { toChineseNumeral } from './chinese-numerals.js';
import { t } from '../i18n/catalogue.js';

describe('Chinese numerals', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [40, '四十'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [105, '一百零五'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [120, '一百二十'],
    [999, '九百九十九'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [2024, '二千零二十四'],
    [10000, '一万'],
    [10001, '一万零一'],
    [10010, '一万零一十'],
    [10100, '一万零一百'],
    [11000, '一万一千'],
    [100000, '十万'],
    [100001, '十万零一'],
    [110000, '十一万'],
    [1000000, '一百万'],
    [1010000, '一百零一万'],
    [100000000, '一亿'],
    [100010000, '一亿零一万'],
    [100000001, '一亿零一'],
  ])('%i is %s', (n, text) => {
    expect(toChineseNumeral(n)).toBe(text);
  });

  it('refuses what has no Chinese numeral here', () => {
    expect(() => toChineseNumeral(-1)).toThrow(RangeError);
    expect(() => toChineseNumeral(1.5)).toThrow(RangeError);
  });

  it('numbers chapters, articles, items and appendices as a regulation does, in both languages', () => {
    expect(t('zh-CN', 'doc-chapter-number', { n: 11 })).toBe('第十一章');
    expect(t('zh-CN', 'doc-article-number', { n: 41 })).toBe('第四十一条');
    expect(t('zh-CN', 'doc-article-number', { n: 105 })).toBe('第一百零五条');
    expect(t('zh-CN', 'doc-item-number', { n: 3 })).toBe('（三）');
    expect(t('zh-CN', 'doc-appendix-number', { n: 2 })).toBe('附件二');
    expect(t('en', 'doc-chapter-number', { n: 11 })).toBe('Chapter 11');
    expect(t('en', 'doc-article-number', { n: 41 })).toBe('Article 41');
  });
});
