import { describe, expect, it } from 'vitest';
import { allMessages, t } from './catalogue.js';
import { detectLanguage, languageOfLocale } from './language.js';

const placeholders = (template: string) => [...new Set([...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]))].sort();

describe('the message catalogue', () => {
  const entries = [...allMessages().entries()];

  it.each(entries)('%s has text in both languages with the same placeholders', (_code, entry) => {
    const zh = entry['zh-CN'];
    const en = entry.en;
    expect(typeof zh === typeof en).toBe(true);
    if (typeof zh === 'string' && typeof en === 'string') {
      expect(zh.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
      expect(placeholders(zh)).toEqual(placeholders(en));
    }
  });

  it('fills nested messages and bilingual parameters in the right language', () => {
    const params = { path: 'meta.size', expected: [{ $t: 'type-string' }], actual: { $t: 'type-number' } };
    expect(t('zh-CN', 'wrong-type', params)).toBe('meta.size 应为文本，实际是数字。');
    expect(t('en', 'wrong-type', params)).toBe('meta.size must be text, not a number.');
    const about = { 'zh-CN': '公司全称', en: 'Full company name' };
    expect(t('en', 'missing-property', { parent: { $t: 'at-root' }, property: 'company', about })).toBe(
      'The file is missing the required property company (Full company name).',
    );
  });
});

describe('choosing the language', () => {
  it('follows POSIX precedence LC_ALL > LC_MESSAGES > LANG', () => {
    expect(detectLanguage({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(detectLanguage({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB' })).toBe('en');
    expect(detectLanguage({ LANG: 'zh_TW.UTF-8' })).toBe('zh-CN');
  });

  it('skips the C locale and falls back to the system locale, then Chinese', () => {
    expect(detectLanguage({ LANG: 'C.UTF-8' }, 'en-US')).toBe('en');
    expect(detectLanguage({ LANG: 'POSIX' }, 'zh-Hans-CN')).toBe('zh-CN');
    expect(detectLanguage({}, undefined)).toBe('zh-CN');
    expect(languageOfLocale('')).toBeUndefined();
  });
});

describe('English counts', () => {
  it('one role, one KPI; several roles and KPIs', () => {
    expect(t('en', 'validate-ok', { file: 'p.yaml', roles: 1, kpis: 1 })).toBe('p.yaml: valid (1 role, 1 KPI)');
    expect(t('en', 'validate-ok', { file: 'p.yaml', roles: 3, kpis: 12 })).toBe('p.yaml: valid (3 roles, 12 KPIs)');
  });
});
