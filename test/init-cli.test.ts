// `aspm init` as a user runs it, through `main` in process, for every preset that
// ships (all sizes and languages), with --yes and with an answers file, each result
// checked by `aspm validate`.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { availablePresets, presetFileName } from '../src/wizard/read-preset.js';
import { hasStackTrace, ROOT } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';

const work = mkdtempSync(join(tmpdir(), 'aspm-init-cli-'));
// Always in the future, so no past-date warning muddles stderr.
const nextYear = `${new Date().getFullYear() + 1}-01-01`;
const presets = availablePresets(join(ROOT, 'presets')).map((p) => [presetFileName(p), p] as const);

async function validate(file: string): Promise<void> {
  const run = await runMain(['validate', file]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`${file}: valid`);
}

describe('aspm init', () => {
  it('has presets to cover', () => {
    expect(presets.map(([name]) => name)).toContain('medium.zh-CN.yaml');
  });

  it.each(presets)('--preset --lang --yes from %s writes a valid policy', async (name, { size, language }) => {
    const file = join(work, `yes.${name}`);
    const run = await runMain(['init', '--preset', size, '--lang', language, '--yes', '-o', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = readFileSync(file, 'utf8');
    // The schema is written beside the policy (all presets share one in this folder).
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./policy.schema.json');
    expect(existsSync(join(work, 'policy.schema.json'))).toBe(true);
    const policy = parse(text) as { meta: { size: string; language: string } };
    expect(policy.meta).toMatchObject({ size, language });
    await validate(file);
  });

  it.each(presets)('--answers for %s writes a valid policy with the adjustments explained', async (name, { size, language }) => {
    const answers = join(work, `answers.${name}`);
    writeFileSync(
      answers,
      [
        `language: ${language}`,
        `size: ${size}`,
        'company: 华东家电服务有限公司',
        `effective_date: ${nextYear}`,
        'competition: intense',
        'complaints: frequent',
        'cost_pressure: high',
        'training_maturity: mature',
        'custom_roles:',
        '  - { name: QA, kpis: [csat, reopen_rate] }',
        '',
      ].join('\n'),
    );
    const file = join(work, `answers-out.${name}`);
    const run = await runMain(['init', '--answers', answers, '-o', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = readFileSync(file, 'utf8');
    const policy = parse(text) as { meta: Record<string, string>; roles: { name: string }[] };
    expect(policy.meta).toMatchObject({ company: '华东家电服务有限公司', effective_date: nextYear, size, language });
    expect(policy.roles.map((r) => r.name)).toContain('QA');
    expect(text).toContain(language === 'zh-CN' ? '# - 市场竞争激烈：' : '# - Intense competition: ');
    await validate(file);
  });

  it('warns about a past effective date on stderr and still writes a valid policy', async () => {
    const answers = join(work, 'past.answers.yaml');
    writeFileSync(answers, 'effective_date: 2020-01-01\n');
    const file = join(work, 'past.yaml');
    const run = await runMain(['init', '--lang', 'en', '--answers', answers, '-o', file]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^.*past\.answers\.yaml:1:17: warning answer-date-past: The effective date 2020-01-01 is before today \(\d{4}-\d{2}-\d{2}\)\. .*\n$/);
    await validate(file);
  });

  it('without a terminal and without --yes, says it takes the preset values', async () => {
    const file = join(work, 'piped.yaml');
    const run = await runMain(['init', '--lang', 'zh-CN', '-o', file]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('未连接终端，未回答的问题采用预设值。\n');
    await validate(file);
  });

  it('leaves an existing file untouched without --force (exit 1)', async () => {
    const file = join(work, 'existing.yaml');
    writeFileSync(file, 'keep me\n');
    const run = await runMain(['init', '--lang', 'en', '--preset', 'medium', '--yes', '-o', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('output-exists');
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
  });

  it('points at the mistakes in an answers file, writes nothing, and shows no stack trace', async () => {
    const answers = join(work, 'bad-answers.yaml');
    writeFileSync(answers, ['language: zh-CN', 'raters: { supervisor: 50, customer: 40 }', 'appeal_file_days: 0', ''].join('\n'));
    const file = join(work, 'never.yaml');
    const run = await runMain(['init', '--lang', 'en', '--answers', answers, '-o', file]);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/bad-answers\.yaml:3:19: out-of-range: /);
    expect(lines.at(-1)).toBe(`answers-invalid: The answers in ${answers} have problems (above); nothing was written. Fix them and try again.`);
    expect(hasStackTrace(run.stderr)).toBe(false);
    const missing = await runMain(['init', '--lang', 'en', '--answers', join(work, 'no-such-answers.yaml'), '-o', file]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('file-not-found: File not found');
    writeFileSync(answers, ['language: zh-CN', 'raters: { supervisor: 50, customer: 40 }', ''].join('\n'));
    const totals = await runMain(['init', '--lang', 'en', '--answers', answers, '-o', file]);
    expect(totals.stderr.split('\n')[0]).toBe(`${answers}:2:1: answer-weights-total: The weights total 90 (supervisor 50 + customer 40); they must total 100.`);
    expect(() => readFileSync(file)).toThrow();
  });
});
