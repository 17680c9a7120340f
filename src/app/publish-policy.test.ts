// publishPolicy without a terminal: the same documents `aspm render` writes, from a file or
// a loaded policy, and an invalid file refused with every diagnostic.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/helpers/memory-io.js';
import { main } from '../cli/main.js';
import { isAspmError } from '../errors.js';
import { readPolicy } from '../policy/load-policy.js';
import { packagePath } from '../package-root.js';
import { publishPolicy, readPolicyToPublish } from './publish-policy.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aspm-publish-'));
});

/** One part of a .docx, read from its local headers (docx writes the sizes there). */
function docxPart(bytes: Uint8Array, name: string): string {
  const zip = Buffer.from(bytes);
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + size);
    if (zip.toString('utf8', at + 30, at + 30 + nameLength) === name) return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at = start + size;
  }
  throw new Error(`${name} is not in the archive`);
}

describe('publishPolicy', () => {
  it('publishes a policy file as the Markdown, HTML and Word that `aspm render` writes', async () => {
    const policy = packagePath('presets', 'small.en.yaml');
    const io = memoryIo({ cwd: dir });
    const outputs = ['policy.md', 'policy.html', 'policy.docx'].map((name) => join(dir, name));
    expect(await main(['render', policy, ...outputs.flatMap((path) => ['-o', path])], io)).toBe(0);

    const published = await publishPolicy({ policy, formats: ['md', 'html', 'docx'] });
    expect(published.documents.map((d) => d.format)).toEqual(['md', 'html', 'docx']);
    expect(published.documents[0]!.data).toBe(readFileSync(outputs[0]!, 'utf8'));
    expect(published.documents[1]!.data).toBe(readFileSync(outputs[1]!, 'utf8'));
    const docx = published.documents[2]!.data as Uint8Array;
    expect(Buffer.from(docx).equals(readFileSync(outputs[2]!))).toBe(true);
    // Dated by the policy's effective date, not by the clock.
    expect(docxPart(docx, 'docProps/core.xml')).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${published.policy.meta.effective_date}T00:00:00Z</dcterms:created>`);
    expect(docxPart(docx, 'word/document.xml')).toContain(published.policy.meta.title);
    expect(published.warnings).toEqual([]);
  });

  it('publishes a loaded policy the same as its file, with templates from a folder that overrides them', async () => {
    const file = packagePath('presets', 'medium.zh-CN.yaml');
    const loaded = await readPolicy(file);
    if (!loaded.ok) throw new Error('the medium preset does not load');
    const fromFile = await publishPolicy({ policy: file, formats: ['md'] });
    const fromObject = await publishPolicy({ policy: loaded.value, formats: ['md', 'md'] });
    expect(fromObject.documents.map((d) => d.data)).toEqual([fromFile.documents[0]!.data, fromFile.documents[0]!.data]);

    const templates = join(dir, 'templates');
    mkdirSync(templates);
    writeFileSync(join(templates, 'policy.md.hbs'), '# {{md title}} (house style)\n');
    const overridden = await publishPolicy({ policy: loaded.value, formats: ['md'], templates });
    expect(overridden.documents[0]!.data).toBe(`# ${loaded.value.meta.title} (house style)\n`);
  });

  it('refuses a policy file with errors, with every diagnostic, and hands on the warnings of one without', async () => {
    const base = readFileSync(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'base-policy.yaml'), 'utf8');
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, base.replace('{ kpi: csat, weight: 50 }', '{ kpi: csat, weight: 1 }'));
    const caught = await readPolicyToPublish(broken).catch((error: unknown) => error);
    expect(isAspmError(caught) && caught.code).toBe('render-policy-invalid');
    expect(isAspmError(caught) && caught.params).toEqual({ file: broken, errors: 1 });
    expect(isAspmError(caught) && caught.diagnostics.map((d) => [d.severity, d.location?.file])).toEqual([['error', broken]]);
    await expect(publishPolicy({ policy: broken, formats: ['md'] })).rejects.toMatchObject({ code: 'render-policy-invalid' });

    const unused = join(dir, 'unused.yaml');
    writeFileSync(unused, base.replace('      - { kpi: resolution_hours, weight: 20 }\n', '').replace('{ kpi: csat, weight: 50 }', '{ kpi: csat, weight: 70 }'));
    const published = await publishPolicy({ policy: unused, formats: ['md'] });
    expect(published.warnings.map((d) => [d.severity, d.code, d.location?.line])).toEqual([['warning', 'unused-kpi', 31]]);
    expect(published.documents[0]!.data).toContain(published.policy.meta.title);
  });
});
