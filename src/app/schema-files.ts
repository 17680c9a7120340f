// The JSON Schemas aspm ships, as text: for `aspm schema`, and for the copy of a schema that
// drafting a policy (and the demo) writes beside a YAML file, so that the file's
// `$schema=./….schema.json` line resolves wherever the two are moved together — never a
// path into wherever aspm happens to be installed, and never a URL nobody serves.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AspmError, usageError } from '../errors.js';
import type { OutputFile } from '../io/write-output.js';
import { packagePath } from '../package-root.js';

export const SCHEMA_NAMES = ['policy', 'answers', 'adjustments', 'holidays', 'report'] as const;

export type SchemaName = (typeof SCHEMA_NAMES)[number];

/** The reference a YAML file's `# yaml-language-server: $schema=` line makes to the schema beside it. */
export function schemaRefBeside(name: SchemaName): string {
  return `./${name}.schema.json`;
}

/**
 * The schema file to write beside `document`: undefined when that very schema is already
 * there (several policies in one folder share it). A different file of that name is the
 * user's — perhaps an older aspm's schema, perhaps edited — and is replaced only with --force.
 */
export async function schemaBeside(document: string, name: SchemaName, force: boolean): Promise<OutputFile | undefined> {
  const path = join(dirname(document), `${name}.schema.json`);
  // `-o policy.schema.json` names the document itself: it is written, not its schema.
  if (resolve(path) === resolve(document)) return undefined;
  const text = readSchemaText(name);
  // Loaded here: \`aspm schema\`'s file is imported with the command line, and fs/promises is not needed to print help.
  const { readFile } = await import('node:fs/promises');
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === text) return undefined;
  if (existing !== undefined && !force) throw new AspmError('schema-beside-differs', { path, name });
  return { path, data: text };
}

/** The text of the shipped schema `name`; a name aspm has no schema for is a usage error. */
export function readSchemaText(name: string): string {
  // Only the schemas of the files people write or read: not every file under schemas/
  // (the KPI catalogue's, history's view of a report), nor a path made of the name.
  if (!(SCHEMA_NAMES as readonly string[]).includes(name)) {
    throw usageError('usage-invalid-choice', { option: 'name', value: name, allowed: SCHEMA_NAMES.join(', ') });
  }
  return readFileSync(packagePath('schemas', `${name}.schema.json`), 'utf8');
}
