// The JSON Schemas that ship in schemas/, and the shape of their validators. The validators
// share the options every aspm file needs: all errors at once, defaults filled in,
// discriminated unions checked one branch at a time. They are compiled ahead of time by
// `npm run gen` (scripts/compile-validator.mjs holds the options), so that no start of aspm
// pays for compiling them, each into its own module in compiled/, which the loader of that
// kind of file imports: a command loads only the validators of the files it reads.
import { readFileSync } from 'node:fs';
import type { AnySchemaObject, ErrorObject } from 'ajv/dist/2020.js';
import { packagePath } from '../package-root.js';

export type SchemaName = 'policy' | 'kpi-catalogue' | 'answers' | 'adjustments' | 'holidays' | 'report' | 'report-history';

const schemas = new Map<string, AnySchemaObject>();

/** The schema itself, for what diagnostics quote from it (descriptions, allowed names). */
export function loadSchema(name: SchemaName): AnySchemaObject {
  let schema = schemas.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(packagePath('schemas', `${name}.schema.json`), 'utf8')) as AnySchemaObject;
    schemas.set(name, schema);
  }
  return schema;
}

/** A compiled validator (`validate` of compiled/<name>.validate.generated.ts): true, or its errors. */
export interface SchemaValidator {
  (data: unknown): boolean;
  readonly errors?: readonly ErrorObject[] | null;
}
