import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AspmError } from '../errors.js';
import { buildTemplateSet, readTemplateSet, renderTemplate, tidyMarkdown, type TemplateSource } from './templates.js';

const source = (name: string, text: string): TemplateSource => ({ name, path: `${name}.md.hbs`, text });

function caught(run: () => unknown): AspmError {
  try {
    run();
  } catch (error) {
    if (error instanceof AspmError) return error;
    throw error;
  }
  throw new Error('expected an AspmError');
}

describe('templates', () => {
  it('render a named template with partials, without HTML escaping', () => {
    const set = buildTemplateSet('zh-CN', [source('main', '# {{title}}\n\n{{> part/body}}\n'), source('part/body', '正文：{{md text}}\n')]);
    expect(renderTemplate(set, 'main', { title: 'A & B <c>', text: 'x *y*' })).toBe('# A & B <c>\n\n正文：x \\*y\\*\n');
  });

  it('number items （一）（二）… however many conditions leave out, and end clauses with ；/。', () => {
    const set = buildTemplateSet('zh-CN', [
      source('list', '{{#numbered}}{{#each xs}}{{#if this.on}}{{item}}{{clause this.text}}\n\n{{/if}}{{/each}}{{/numbered}}'),
    ]);
    const out = renderTemplate(set, 'list', { xs: [{ on: true, text: '甲。' }, { on: false, text: '乙' }, { on: true, text: '丙' }] });
    // 丙 is the last item but was written by the third iteration: it ends with 。
    expect(out).toBe('（一）甲；\n\n（二）丙。\n');
    const en = buildTemplateSet('en', [source('list', '{{#numbered}}{{item}}a {{item}}b{{/numbered}}')]);
    expect(renderTemplate(en, 'list', {})).toBe('(1) a (2) b\n');
  });

  it('say which file and line has a syntax error', () => {
    const error = caught(() => buildTemplateSet('zh-CN', [source('bad', 'ok\n{{#if x}}\nno end\n')]));
    expect(error.code).toBe('template-syntax');
    expect(error.location).toMatchObject({ file: 'bad.md.hbs' });
  });

  it('name a missing partial and a misspelt field', () => {
    const set = buildTemplateSet('zh-CN', [source('main', 'a\n{{> nowhere}}\n'), source('field', 'x\n{{meta.compnay}}\n')]);
    const partial = caught(() => renderTemplate(set, 'main', {}));
    expect(partial.code).toBe('template-partial-missing');
    expect(partial.params).toMatchObject({ name: 'nowhere' });
    const field = caught(() => renderTemplate(set, 'field', { meta: { company: 'x' } }));
    expect(field.code).toBe('template-field-missing');
    expect(field.params).toMatchObject({ field: 'compnay', line: 2 });
    expect(caught(() => renderTemplate(set, 'absent', {})).code).toBe('template-missing');
  });

  it('name the template that uses {{item}} outside {{#numbered}}, in the catalogue, not as a bare Error', () => {
    const set = buildTemplateSet('zh-CN', [source('loose', 'a {{item}} b\n')]);
    const error = caught(() => renderTemplate(set, 'loose', {}));
    expect(error.code).toBe('template-item-outside-numbered');
    expect(error.params).toMatchObject({ path: 'loose.md.hbs' });
  });

  it('name a template that includes itself through partials, with aspm\'s own message (issue 17, 9)', () => {
    const set = buildTemplateSet('zh-CN', [source('main', 'a\n{{> part/loop}}\n'), source('part/loop', 'b {{> main}}\n')]);
    const error = caught(() => renderTemplate(set, 'main', {}));
    expect(error.code).toBe('template-recursive');
    expect(error.params).toMatchObject({ path: 'main.md.hbs' });
  });

  it('close up blank lines that optional sections leave, but not inside fenced code', () => {
    expect(tidyMarkdown('a\n\n\n\nb\n```\n\n\n```\n\n\n')).toBe('a\n\nb\n```\n\n\n```\n');
  });

  it('are overridden file by file from a --templates folder, per language when it has language folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-templates-'));
    mkdirSync(join(dir, 'zh-CN', 'policy'), { recursive: true });
    writeFileSync(join(dir, 'zh-CN', 'policy', 'general.md.hbs'), '## 自定义总则\n');
    const set = await readTemplateSet('zh-CN', dir);
    expect(set.sources.get('policy/general')?.text).toBe('## 自定义总则\n');
    expect(set.sources.get('policy/kpis')?.path).toContain(join('templates', 'zh-CN'));
    await expect(readTemplateSet('zh-CN', join(dir, 'missing'))).rejects.toMatchObject({ code: 'templates-dir-missing' });
    const empty = mkdtempSync(join(tmpdir(), 'aspm-templates-'));
    await expect(readTemplateSet('zh-CN', empty)).rejects.toMatchObject({ code: 'templates-dir-empty' });
  });
});
