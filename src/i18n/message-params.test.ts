// Message parameters are typed from the catalogue (catalogue.ts MessageParamsOf). The
// `@ts-expect-error` lines below are the test of the types: `tsc --noEmit` fails if any of
// them stops being an error. At run time they show what the types prevent: a placeholder
// printed to the user as `{value}`.
import { describe, expect, it } from 'vitest';
import { AspmError, error, usageError, warning } from '../errors.js';
import { allMessages, ref, t } from './catalogue.js';
import type { Template } from './translate.js';

const placeholders = (template: string) => [...new Set([...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!))].sort();

/** The parameters a template reads: a string's placeholders, or what a function looks up. */
function parametersRead(template: Template): string[] {
  if (typeof template === 'string') return placeholders(template);
  const read = new Set<string>();
  const params = new Proxy(
    {},
    {
      get: (_target, key) => (typeof key === 'string' ? (read.add(key), 2) : undefined),
      has: (_target, key) => (typeof key === 'string' && read.add(key), true),
    },
  );
  (template as (params: object) => string)(params);
  return [...read].sort();
}

/** Where the two languages word a message differently enough to read different parameters. */
const WORDED_APART: Readonly<Record<string, string>> = {
  // English says "graded A or S", Chinese 考核为 A、S 级: two spellings of the grades.
  'doc-trigger': 'grades / letters',
  // English agrees the verb with the number of KPIs; Chinese has no plural.
  'notice-business-hours': 'count',
  'notice-on-hold': 'count',
  'doc-data-on-hold': 'count',
  'notice-on-hold-events': 'count',
  'doc-data-on-hold-events': 'count',
};

describe('message parameters', () => {
  const entries = [...allMessages().entries()].filter(([code]) => !(code in WORDED_APART));

  it.each(entries)('%s reads the same parameters in Chinese and English', (_code, entry) => {
    expect(parametersRead(entry['zh-CN'])).toEqual(parametersRead(entry.en));
  });

  it('the exceptions are still worded apart (remove one from the list when it is not)', () => {
    for (const code of Object.keys(WORDED_APART)) {
      const entry = allMessages().get(code)!;
      expect(parametersRead(entry['zh-CN'])).not.toEqual(parametersRead(entry.en));
    }
  });

  it('a misspelt, missing or extra parameter is a compile error, not a placeholder printed literally', () => {
    // @ts-expect-error -- `vaule` is not a parameter of help-default
    expect(t('en', 'help-default', { vaule: 3 })).toBe('default: {value}');
    // @ts-expect-error -- help-default needs `value`
    expect(t('en', 'help-default', {})).toBe('default: {value}');
    // @ts-expect-error -- nor may its parameters be left out altogether
    expect(t('en', 'help-default')).toBe('default: {value}');
    expect(t('en', 'help-default', { value: 3 })).toBe('default: 3');
    // A message without placeholders needs no parameters, and takes none.
    expect(t('en', 'cli-usage-title')).toBe('Usage:');
    // @ts-expect-error -- cli-usage-title has no `title`
    t('en', 'cli-usage-title', { title: 'x' });
  });

  it('a template function declares its parameters, and calls are checked against them', () => {
    expect(t('en', 'xlsx-corrupt', { path: 'a.xlsx', problem: 'not-zip' })).toContain('a.xlsx is damaged');
    // @ts-expect-error -- `pth` is not a parameter of xlsx-corrupt
    t('en', 'xlsx-corrupt', { pth: 'a.xlsx', problem: 'not-zip' });
    // @ts-expect-error -- xlsx-corrupt needs `problem`
    t('en', 'xlsx-corrupt', { path: 'a.xlsx' });
  });

  it('every place a message is made checks its parameters: errors, warnings, usage errors, references', () => {
    expect(error('usage-missing-argument', { argument: 'policy', command: 'render' }).params).toEqual({ argument: 'policy', command: 'render' });
    // @ts-expect-error -- `arg` is not a parameter of usage-missing-argument
    error('usage-missing-argument', { arg: 'policy', command: 'render' });
    // @ts-expect-error -- usage-missing-argument needs `command`
    warning('usage-missing-argument', { argument: 'policy' });
    // @ts-expect-error -- nor may an AspmError leave them out
    expect(new AspmError('usage-missing-argument').params).toEqual({});
    expect(new AspmError('usage-missing-argument', { argument: 'policy', command: 'render' }, { exitCode: 2 }).exitCode).toBe(2);
    // @ts-expect-error -- `cmd` is not a parameter of usage-missing-argument
    usageError('usage-missing-argument', { argument: 'policy', cmd: 'render' });
    expect(t('en', 'help-default', { value: ref('help-word-file') })).toBe('default: file');
    // @ts-expect-error -- a reference is checked like a call
    ref('help-default', { vaule: 1 });
  });
});
