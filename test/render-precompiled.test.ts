// `aspm render` with the shipped templates runs them precompiled: Handlebars' parser and
// compiler (about as long to load and run as the rest of the Markdown) are loaded only for a
// --templates folder. Checked in a fresh node process, on the built package.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';

/** The CommonJS files of Handlebars that publishing `preset` loads, and the Markdown's length. */
function handlebarsLoadedBy(preset: string, templates?: string): { files: string[]; length: number } {
  const script = `
    import { createRequire } from 'node:module';
    const { publishPolicy } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'app', 'publish-policy.js')).href)});
    const published = await publishPolicy({ policy: ${JSON.stringify(join(ROOT, 'presets', `${preset}.yaml`))}, formats: ['md'], templates: ${JSON.stringify(templates)} });
    const files = Object.keys(createRequire(import.meta.url).cache).filter((f) => f.includes('/node_modules/handlebars/'));
    console.log(JSON.stringify({ files, length: published.documents[0].data.length }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as { files: string[]; length: number };
}

const compilerFiles = (files: readonly string[]) => files.filter((f) => f.includes('/handlebars/compiler/'));

describe('aspm render with the shipped templates', () => {
  it("loads Handlebars' runtime only, not its parser and compiler", () => {
    const { files, length } = handlebarsLoadedBy('large.zh-CN');
    expect(length).toBeGreaterThan(10_000);
    expect(files.some((f) => f.endsWith('/handlebars.runtime.js'))).toBe(true);
    expect(compilerFiles(files)).toEqual([]);
  });

  it('loads the compiler for a --templates folder, whose files are compiled when read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspm-templates-'));
    mkdirSync(join(dir, 'policy'));
    writeFileSync(join(dir, 'policy', 'general.md.hbs'), '## {{chapter.general.number}}　总则\n');
    const { files } = handlebarsLoadedBy('small.zh-CN', dir);
    expect(compilerFiles(files).some((f) => f.endsWith('/compiler/compiler.js'))).toBe(true);
  });
});
