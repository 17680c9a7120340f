// Editors are pointed at schemas by files that exist on the user's machine, never by a URL:
// no one here owns a domain to serve them from, and a made-up one (aspm.dev was) would send
// an editor, or a reader, to whoever registers it. Only hosts of real, public references
// may appear in what ships or documents aspm.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';

/**
 * Hosts that are what they say: the JSON Schema meta-schema, Office Open XML and SVG
 * namespaces, Handlebars' manual, and the namespaces a Word file's parts must name (Dublin
 * Core's for its properties, Word's own for its compatibility setting).
 */
const REAL_HOSTS = new Set(['json-schema.org', 'schemas.openxmlformats.org', 'handlebarsjs.com', 'www.w3.org', 'purl.org', 'schemas.microsoft.com']);

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const shipped = [
  ...filesUnder('schemas', () => true),
  ...filesUnder('presets', () => true),
  ...filesUnder('templates', () => true),
  ...filesUnder('docs', (name) => /\.(md|txt|ya?ml|json)$/.test(name)),
  // The sources, not their tests (which feed the code hostile links on purpose).
  ...filesUnder('src', (name) => name.endsWith('.ts') && !name.endsWith('.test.ts')),
  join(ROOT, 'README.md'),
];

describe('URLs in what ships and documents aspm', () => {
  it('name only real hosts', () => {
    const invented = shipped.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/https?:\/\/([A-Za-z0-9.-]+)/g)]
        .map((m) => m[1]!)
        .filter((host) => !REAL_HOSTS.has(host))
        .map((host) => `${file.slice(ROOT.length + 1)}: ${host}`),
    );
    expect([...new Set(invented)]).toEqual([]);
  });

  it('every schema is identified by a URN, not a URL pretending to be resolvable', () => {
    for (const file of filesUnder('schemas', (name) => name.endsWith('.schema.json'))) {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id?: string };
      expect(schema.$id).toMatch(/^urn:aspm-cli:schema:[a-z-]+$/);
    }
  });
});
