import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const preset = join(ROOT, 'presets', 'medium.zh-CN.yaml');
const work = mkdtempSync(join(tmpdir(), 'aspm-cli-'));

describe('aspm (the command)', () => {
  it('prints its version', async () => {
    const run = await runMain(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('explains itself in Chinese and in English', async () => {
    const zh = await runMain(['--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('用法：');
    expect(zh.stdout).toContain('检查制度文件');
    const en = await runMain(['--help', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(en.stdout).toContain('Usage:');
    expect(en.stdout).toContain('validate');
    expect(en.stdout).not.toContain('用法');
  });

  it('rejects an unknown option or command as a usage error (exit 2), in the user language', async () => {
    const option = await runMain(['validate', '--frobnicate', preset], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('不认识的选项 --frobnicate');
    const command = await runMain(['evaluat'], { env: { LANG: 'en_US.UTF-8' } });
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('Unknown command evaluat');
    const missing = await runMain(['validate'], { env: { LANG: 'en_US.UTF-8' } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Missing the argument files');
    const lang = await runMain(['--lang', 'fr', 'validate', preset], { env: { LANG: 'en_US.UTF-8' } });
    expect(lang.status).toBe(2);
    expect(lang.stderr).toContain('Invalid value fr for --lang. Choose one of: zh-CN, en.');
    const preset_ = await runMain(['init', '--preset', 'huge'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(preset_.status).toBe(2);
    expect(preset_.stderr).toContain('选项 --preset 的值 huge 无效。可选：small, medium, large。');
  });
});

describe('aspm validate', () => {
  it('accepts a preset (exit 0) and says what it holds', async () => {
    const run = await runMain(['validate', preset, '--lang', 'zh-CN']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('有效（3 个岗位，10 项指标）');
  });

  it('points at each mistake in a broken copy with file:line:col and exits 1', async () => {
    const broken = join(work, 'broken.yaml');
    const text = readFileSync(preset, 'utf8').replace('{ kpi: csat, weight: 30 }', '{ kpi: csat, weight: 20 }');
    writeFileSync(broken, text);
    const lines = text.split('\n');
    const agent = lines.findIndex((l) => l.includes('- id: agent'));
    const kpisLine = lines.findIndex((l, i) => i > agent && l.trim() === 'kpis:') + 1;
    const run = await runMain(['validate', broken, '--lang', 'en']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${broken}:${kpisLine}:5: weights-sum: The KPI weights of role "客服专员" total 90, not 100`);
    expect(run.stderr).toContain('1 error(s), 0 warning(s)');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('checks several files and fails if any fails', async () => {
    const run = await runMain(['validate', preset, join(work, 'missing.yaml'), '--lang', 'en']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('valid (3 roles');
    expect(run.stderr).toContain('file-not-found: File not found:');
  });

  it('reports findings as JSON on request', async () => {
    const broken = join(work, 'broken2.yaml');
    writeFileSync(broken, readFileSync(preset, 'utf8').replace('  size: medium', '  size: huge'));
    const run = await runMain(['validate', '--json', broken, '--lang', 'en']);
    expect(run.status).toBe(1);
    const [report] = JSON.parse(run.stdout) as { valid: boolean; diagnostics: { code: string; line: number; message: string }[] }[];
    expect(report?.valid).toBe(false);
    expect(report?.diagnostics[0]).toMatchObject({ code: 'not-allowed-value', line: 19, col: 9 });
  });

  it('handles a directory and a binary file without a stack trace', async () => {
    const binary = join(work, 'image.yaml');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const run = await runMain(['validate', work, binary, '--lang', 'en']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is-directory');
    expect(run.stderr).toContain('not-text');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe('aspm schema', () => {
  it('prints the policy schema for editors', async () => {
    const run = await runMain(['schema']);
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['version', 'meta', 'kpis', 'roles', 'grades', 'appeal']));
  });

  it('writes it with -o and refuses to overwrite without --force', async () => {
    const out = join(work, 'policy.schema.json');
    expect((await runMain(['schema', '-o', out])).status).toBe(0);
    writeFileSync(out, 'mine');
    const again = await runMain(['schema', '-o', out, '--lang', 'en']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists and was left untouched');
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await runMain(['schema', '-o', out, '--force'])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"$schema"');
  });

  it('rejects an unknown schema name as a usage error', async () => {
    expect((await runMain(['schema', 'nonsense'])).status).toBe(2);
  });

  it('serves only the schemas it names: not every file under schemas/, nor a path', async () => {
    for (const name of ['kpi-catalogue', 'report-history', '../schemas/policy']) expect((await runMain(['schema', name])).status, name).toBe(2);
    expect((await runMain(['schema', 'report'])).status).toBe(0);
  });
});
