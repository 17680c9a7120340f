// Compiles a JSON Schema into standalone validation code ahead of time, so that aspm does
// not spend half a second compiling its schemas on every start. The options must match
// src/validation/schemas.ts (AJV_OPTIONS there), which compiles at run time only for
// schemas that have no precompiled validator.
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import { _ } from 'ajv';

// CommonJS modules seen from ESM: the function is `default` on some loaders, the module on others.
const standalone = /** @type {typeof standaloneModule.default} */ (standaloneModule.default ?? standaloneModule);
const addFormats = /** @type {typeof addFormatsModule.default} */ (addFormatsModule.default ?? addFormatsModule);

export const AJV_OPTIONS = {
  allErrors: true,
  useDefaults: true,
  discriminator: true,
  verbose: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
};
/** @type {import('ajv-formats').FormatName[]} */
export const FORMATS = ['date', 'date-time', 'uri'];

/** TypeScript source of a module exporting the compiled validator as `validate`. */
export function compileValidator(schema, banner) {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true, formats: _`__formats` } });
  addFormats(ajv, FORMATS);
  let code = standalone(ajv, ajv.compile(schema));
  // ajv's ES-module output still reaches some runtime helpers with require(); give them imports.
  const helpers = [];
  code = code.replace(/require\("ajv\/dist\/runtime\/([a-z0-9]+)"\)\.default/g, (_whole, name) => {
    helpers.push(name);
    return `(__${name}.default ?? __${name})`;
  });
  if (/require\(/.test(code)) throw new Error('unexpected require() in standalone validator code');
  const imports = [
    'import { fullFormats as __formats } from "ajv-formats/dist/formats.js";',
    ...[...new Set(helpers)].map((name) => `import __${name} from "ajv/dist/runtime/${name}.js";`),
  ];
  return `${banner}\n// @ts-nocheck\n${imports.join('\n')}\n${code.replace(/^"use strict";/, '')}\n`;
}

/**
 * Validates `value` against `schema` as aspm's loader does (defaults filled in, in place);
 * returns ajv's errors, none when valid. For data that is checked when aspm is built.
 */
export function validateAtBuild(schema, value) {
  const ajv = new Ajv2020(AJV_OPTIONS);
  addFormats(ajv, FORMATS);
  const validate = ajv.compile(schema);
  return validate(value) ? [] : (validate.errors ?? []);
}
