// The shipped templates run precompiled (templates.ts): these tests hold the precompiled
// modules to templates/ as the files are now — a template edited without `npm run gen` fails
// here — and hold what they render to what compiling the files at run time renders, for every
// preset's policy document and for result notices; and a --templates folder still wins.
import { readFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { precompiledTemplates } from '../../scripts/precompile-templates.mjs';
import { loadPreset, presetNames } from '../../test/helpers/presets.js';
import { makeEvaluation, presetPolicy, type PersonInput } from '../../test/helpers/scoring-fixtures.js';
import { LANGUAGES } from '../i18n/language.js';
import { packagePath } from '../package-root.js';
import { buildNoticeView } from '../report/notice-view.js';
import { renderNoticeMarkdown } from '../report/render-notice.js';
import { scoreEvaluation } from '../scoring/score-evaluation.js';
import { loadPrecompiledTemplates } from './precompiled-templates.js';
import { renderPolicyMarkdown } from './render-policy.js';
import { readTemplateSet } from './templates.js';

/** The shipped files compiled at run time: the shipped folder given as a --templates folder overrides every template with its own file. */
const fromFiles = (language: (typeof LANGUAGES)[number]) => readTemplateSet(language, packagePath('templates'));

describe('precompiled templates', () => {
  it('are what npm run gen makes of the template files as they are now', () => {
    const root = packagePath();
    const files = (precompiledTemplates as (root: string) => { path: string; text: string }[])(root);
    expect(files.map((f) => f.path).sort()).toEqual(LANGUAGES.map((l) => `src/render/precompiled/${l}.generated.ts`).sort());
    for (const file of files) expect(readFileSync(join(root, file.path), 'utf8'), `${file.path} is stale: run npm run gen`).toBe(file.text);
  });

  it.each(LANGUAGES)('hold every template of templates/%s, by the same name and with the same text', async (language) => {
    const precompiled = await loadPrecompiledTemplates(language);
    const files = await fromFiles(language);
    expect(Object.keys(precompiled).sort()).toEqual([...files.sources.keys()].sort());
    expect(Object.keys(precompiled)).toContain('policy/kpis');
    for (const [name, source] of files.sources) expect(precompiled[name]?.text, name).toBe(source.text);
    const shipped = await readTemplateSet(language);
    for (const [name, source] of shipped.sources) expect(source.path, name).toBe(files.sources.get(name)?.path);
  });

  it('render every preset\'s policy document byte for byte as the template files compiled at run time do', async () => {
    const names = presetNames();
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) {
      const policy = await loadPreset(name);
      const shipped = renderPolicyMarkdown(policy, await readTemplateSet(policy.meta.language));
      expect(shipped.length).toBeGreaterThan(10_000);
      expect(shipped, name).toBe(renderPolicyMarkdown(policy, await fromFiles(policy.meta.language)));
    }
  });

  it('render result notices as the template files compiled at run time do', async () => {
    const people: PersonInput[] = [
      { id: 'E1', name: '张伟', role: 'agent', kpis: { response_sla_rate: 92, first_response_minutes: 40, csat: 91, tickets_resolved: 80, complaint_rate: 1 }, events: { 'points:praise': 1 } },
      { id: 'E2', name: '李娜', role: 'agent', kpis: { response_sla_rate: 70, first_response_minutes: 150, csat: 80, tickets_resolved: 30, complaint_rate: 4 }, events: { 'veto:serious_complaint': 1 } },
      { id: 'E3', name: '王芳', role: 'agent', kpis: {} },
    ];
    for (const preset of ['medium.zh-CN', 'medium.en']) {
      const policy = presetPolicy(preset);
      const report = scoreEvaluation({ policy, policyFile: { path: 'p', sha256: '0' }, evaluation: makeEvaluation(policy, people), resultDate: '2026-09-30', language: policy.meta.language, toolVersion: 't' });
      const shipped = await readTemplateSet(policy.meta.language);
      const files = await fromFiles(policy.meta.language);
      for (const person of report.staff) {
        const view = buildNoticeView(report, person, policy);
        const notice = renderNoticeMarkdown(view, shipped);
        expect(notice).toContain(person.name);
        expect(notice, `${preset} ${person.id}`).toBe(renderNoticeMarkdown(view, files));
      }
    }
  });

  it('give way to a --templates folder, compiled when read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-templates-'));
    mkdirSync(join(dir, 'policy'), { recursive: true });
    writeFileSync(join(dir, 'policy', 'general.md.hbs'), '## {{chapter.general.number}}　自定义总则\n');
    const policy = await loadPreset('small.zh-CN');
    const shipped = renderPolicyMarkdown(policy, await readTemplateSet('zh-CN'));
    const overridden = renderPolicyMarkdown(policy, await readTemplateSet('zh-CN', dir));
    expect(overridden).toContain('\n## 第一章　自定义总则\n');
    expect(shipped).not.toContain('自定义总则');
    // Only the overridden part differs: the rest is the shipped templates, compiled from their text.
    const general = (await loadPrecompiledTemplates('zh-CN'))['policy/general']!.text;
    expect(general).not.toContain('自定义总则');
    expect(overridden.split('\n').length).toBeLessThan(shipped.split('\n').length);
    expect(overridden.slice(0, 200)).toBe(shipped.slice(0, 200));
    // A syntax error in the folder is still reported with its file, as before.
    writeFileSync(join(dir, 'policy', 'general.md.hbs'), 'ok\n{{#if x}}\nno end\n');
    await expect(readTemplateSet('zh-CN', dir)).rejects.toMatchObject({ code: 'template-syntax', location: { file: join(dir, 'policy', 'general.md.hbs') } });
  });
});
