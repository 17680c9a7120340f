// `aspm render` as a user runs it, through `main` in process, files in a temporary folder.
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';

const preset = join(ROOT, 'presets', 'medium.zh-CN.yaml');
const zh = { env: { LANG: 'zh_CN.UTF-8' } };

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'aspm-render-'));
}

function documentXml(path: string): string {
  return strFromU8(unzipSync(readFileSync(path))['word/document.xml']!);
}

describe('aspm render', () => {
  it('writes Word, Markdown and HTML in one run, the format chosen by each extension', async () => {
    const dir = workDir();
    const run = await runMain(['render', preset, '-o', join(dir, '制度.docx'), '-o', join(dir, '制度.md'), '-o', join(dir, '制度.html')], zh);
    expect(run.stderr).not.toMatch(/error|错误/i);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('已写入');
    expect(readFileSync(join(dir, '制度.docx')).subarray(0, 2).toString()).toBe('PK');
    const markdown = readFileSync(join(dir, '制度.md'), 'utf8');
    expect(markdown).toContain('## 第一章　总则');
    expect(markdown).not.toContain('[[toc]]');
    expect(markdown).toContain('- [第一章　总则](#第一章总则)');
    expect(readFileSync(join(dir, '制度.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('gives the same word/document.xml on every run', async () => {
    const dir = workDir();
    expect((await runMain(['render', preset, '-o', join(dir, 'a.docx')])).status).toBe(0);
    expect((await runMain(['render', preset, '-o', join(dir, 'b.docx')])).status).toBe(0);
    expect(documentXml(join(dir, 'a.docx'))).toBe(documentXml(join(dir, 'b.docx')));
  });

  it('refuses to overwrite without --force, and then writes nothing at all', async () => {
    const dir = workDir();
    const existing = join(dir, 'policy.md');
    writeFileSync(existing, 'mine');
    const run = await runMain(['render', preset, '-o', join(dir, 'new.docx'), '-o', existing], zh);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('output-exists');
    expect(readFileSync(existing, 'utf8')).toBe('mine');
    expect(() => statSync(join(dir, 'new.docx'))).toThrow();
    expect((await runMain(['render', preset, '-o', existing, '--force'])).status).toBe(0);
    expect(readFileSync(existing, 'utf8')).toContain('第一章');
  });

  it('reports an invalid policy as aspm validate does, and writes nothing', async () => {
    const dir = workDir();
    const broken = join(dir, 'policy.yaml');
    writeFileSync(broken, readFileSync(preset, 'utf8').replace('weight: 25 }', 'weight: 35 }'));
    const out = join(dir, 'policy.docx');
    const run = await runMain(['render', broken, '-o', out], zh);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/policy\.yaml:\d+:\d+: weights-sum: /);
    expect(run.stderr).toContain('render-policy-invalid');
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(() => statSync(out)).toThrow();
  });

  it('is a usage error (exit 2) without an output, or with an extension it does not know', async () => {
    expect((await runMain(['render', preset])).status).toBe(2);
    const unknown = await runMain(['render', preset, '-o', 'policy.pdf'], zh);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('render-unknown-format');
    const dir = workDir();
    expect((await runMain(['render', preset, '-o', join(dir, 'policy.txt'), '--format', 'md'])).status).toBe(0);
    expect(readFileSync(join(dir, 'policy.txt'), 'utf8')).toContain('第一章');
  });

  it('takes templates from --templates, and says clearly what is wrong with them', async () => {
    const dir = workDir();
    const templates = join(dir, 'templates');
    mkdirSync(join(templates, 'policy'), { recursive: true });
    writeFileSync(join(templates, 'policy', 'general.md.hbs'), '## {{chapter.general.number}}　总则\n\n**{{article.purpose.number}}　目的**　本公司自定义的目的条款。\n\n**{{article.scope.number}}　适用范围**　{{md scope}}\n');
    const out = join(dir, 'custom.md');
    expect((await runMain(['render', preset, '--templates', templates, '-o', out])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('本公司自定义的目的条款');

    writeFileSync(join(templates, 'policy', 'general.md.hbs'), '{{> policy/nowhere}}\n');
    const missing = await runMain(['render', preset, '--templates', templates, '-o', join(dir, 'x.md')], zh);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('template-partial-missing');
    expect(missing.stderr).toContain('policy/nowhere');
    expect(hasStackTrace(missing.stderr)).toBe(false);

    writeFileSync(join(templates, 'policy', 'general.md.hbs'), '{{#if x}}\n');
    const syntax = await runMain(['render', preset, '--templates', templates, '-o', join(dir, 'y.md')], zh);
    expect(syntax.status).toBe(1);
    expect(syntax.stderr).toMatch(/general\.md\.hbs(:\d+)?.*template-syntax/);

    const nowhere = await runMain(['render', preset, '--templates', join(dir, 'no-such-folder'), '-o', join(dir, 'z.md')], zh);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toContain('templates-dir-missing');
  });
});
