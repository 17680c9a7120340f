// Validators of the JSON Schemas that ship in schemas/, with the options every aspm file
// shares: all errors at once, defaults filled in, discriminated unions checked one branch
// at a time. They are compiled ahead of time (scripts/compile-validator.mjs).
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction, type AnySchemaObject } from 'ajv/dist/2020.js';
import * as addFormatsModule from 'ajv-formats';
import { packagePath } from '../package-root.js';
import { precompiled } from './compiled/index.generated.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule.default as unknown as typeof addFormatsModule.default.default;

export type SchemaName = 'policy' | 'kpi-catalogue' | (string & {});

const compiled = new Map<string, ValidateFunction>();
const schemas = new Map<string, AnySchemaObject>();

export function loadSchema(name: SchemaName): AnySchemaObject {
  let schema = schemas.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(packagePath('schemas', `${name}.schema.json`), 'utf8')) as AnySchemaObject;
    schemas.set(name, schema);
  }
  return schema;
}

/** A validator for a shipped schema: precompiled by `npm run gen`, else compiled now. */
export function schemaValidator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name) ?? precompiled[name];
  if (!validate) {
    // Only reached for a schema added without regenerating; the options must match
    // scripts/compile-validator.mjs, which compiles the shipped ones ahead of time.
    const ajv = new Ajv2020({
      allErrors: true,
      useDefaults: true,
      discriminator: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
    });
    addFormats(ajv, ['date', 'date-time', 'uri']);
    validate = ajv.compile(loadSchema(name));
    compiled.set(name, validate);
  }
  return validate;
}
