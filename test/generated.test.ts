import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { schemaToTs } from '../scripts/schema-to-ts.mjs';

const root = join(import.meta.dirname, '..');

describe('generated schema files', () => {
  it('are up to date with the authored schemas (types cannot drift from the schema)', () => {
    const result = spawnSync(process.execPath, ['scripts/generate.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails when the schema changes and the types are not regenerated', () => {
    const copy = mkdtempSync(join(tmpdir(), 'aspm-gen-'));
    for (const path of ['scripts', 'schemas', 'src/policy', 'presets', 'templates', 'README.md', 'docs']) cpSync(join(root, path), join(copy, path), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const schemaPath = join(copy, 'schemas/src/policy.schema.yaml');
    const schema = readFileSync(schemaPath, 'utf8');
    writeFileSync(schemaPath, schema.replace('  purpose:\n', '  motto:\n    type: string\n  purpose:\n'));
    const result = spawnSync(process.execPath, ['scripts/generate.mjs', '--check'], { cwd: copy, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('src/policy/policy.generated.ts');
  });
});

describe('schemaToTs', () => {
  const toTs = schemaToTs as (schema: object, root: string, banner: string) => string;

  it('makes defaulted properties required and the rest optional', () => {
    const ts = toTs(
      {
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'string' }, b: { type: 'number', default: 1 }, c: { type: 'boolean' } },
        additionalProperties: false,
      },
      'Root',
      '',
    );
    expect(ts).toContain('a: string;');
    expect(ts).toContain('b: number;');
    expect(ts).toContain('c?: boolean;');
  });

  it('turns discriminated oneOf into a union and $defs into named types', () => {
    const ts = toTs(
      {
        type: 'object',
        properties: { s: { $ref: '#/$defs/S' } },
        $defs: {
          S: {
            oneOf: [
              { type: 'object', required: ['m'], properties: { m: { const: 'x' } } },
              { type: 'object', required: ['m'], properties: { m: { const: 'y' }, n: { type: 'integer' } } },
            ],
          },
        },
      },
      'Root',
      '',
    );
    expect(ts).toMatch(/export type S = \{\s+m: "x";\s+\} \| \{\s+m: "y";\s+n\?: number;\s+\};/);
    expect(ts).toContain('s?: S;');
  });

  it('refuses a default inside a union, which ajv would silently ignore', () => {
    expect(() =>
      toTs({ oneOf: [{ type: 'object', properties: { a: { type: 'string', default: 'x' } } }] }, 'Root', ''),
    ).toThrow(/never applied/);
  });
});
