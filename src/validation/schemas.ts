// Validators of the JSON Schemas that ship in schemas/, with the options every aspm file
// shares: all errors at once, defaults filled in, discriminated unions checked one branch
// at a time. They are compiled ahead of time by `npm run gen` (scripts/compile-validator.mjs
// holds the options), so that no start of aspm pays for compiling them.
import { readFileSync } from 'node:fs';
import type { AnySchemaObject, ValidateFunction } from 'ajv/dist/2020.js';
import { packagePath } from '../package-root.js';
import { precompiled } from './compiled/index.generated.js';

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

/** The validator of a schema in the shared registry (report.json's is not: report-file.ts imports it). */
export function schemaValidator(name: SchemaName): ValidateFunction {
  const validate = precompiled[name];
  // A schema added to schemas/src without `npm run gen`: a mistake in aspm, not the user's.
  if (!validate) throw new Error(`no precompiled validator for the schema "${name}": run npm run gen`);
  return validate;
}
