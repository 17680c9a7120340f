// ajv's findings → aspm diagnostics that name the property in the user's terms, point at
// the offending value in the YAML (the key when the value is missing), and say what to do.
// Without a YAML document (report.json is read as plain JSON) they name the file only, the
// path in the message saying where.
import type { AnySchemaObject, ErrorObject } from 'ajv/dist/2020.js';
import { error, type Diagnostic } from '../errors.js';
import { ref, type LocalText } from '../i18n/catalogue.js';
import { closest } from './closest-name.js';
import { locate, type Path, type PathSegment, type YamlSource } from './yaml-document.js';

export function schemaDiagnostics(
  errors: readonly ErrorObject[],
  rootSchema: AnySchemaObject,
  source: YamlSource | { readonly file: string },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // A failed discriminated union repeats its branch's finding as "oneOf"; keep the branch's.
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    const diagnostic = toDiagnostic(e, rootSchema, source);
    const key = `${diagnostic.code}|${diagnostic.location?.line}|${diagnostic.location?.col}|${JSON.stringify(diagnostic.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out;
}

export function parsePointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** `roles[0].kpis[2].weight`: how a path reads to someone editing the YAML. */
export function displayPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** Splits a bilingual description ("中文。 / English.") into its two languages. */
export function splitDescription(description: unknown): LocalText | undefined {
  if (typeof description !== 'string' || description === '') return undefined;
  const at = description.indexOf(' / ');
  const zh = (at === -1 ? description : description.slice(0, at)).trim();
  const en = (at === -1 ? description : description.slice(at + 3)).trim();
  return { 'zh-CN': zh.replace(/[。.]$/, ''), en: en.replace(/\.$/, '') };
}

function toDiagnostic(e: ErrorObject, rootSchema: AnySchemaObject, source: YamlSource | { readonly file: string }): Diagnostic {
  const path = parsePointer(e.instancePath);
  const at = (p: Path, target: 'value' | 'key' = 'value') => ('document' in source ? locate(source, p, target) : { file: source.file });
  const shown = displayPath(path);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const property = String(params.missingProperty);
      const propertySchema = resolve(rootSchema, (e.parentSchema?.properties as Record<string, AnySchemaObject> | undefined)?.[property]);
      return error(
        'missing-property',
        {
          parent: path.length === 0 ? ref('at-root') : ref('in-parent', { path: shown }),
          property,
          about: splitDescription(propertySchema?.description) ?? property,
        },
        path.length === 0 ? ('document' in source ? { file: source.file, line: 1, col: 1 } : { file: source.file }) : at(path, 'key'),
      );
    }
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const allowed = Object.keys((e.parentSchema?.properties as object | undefined) ?? {}).filter((k) => k !== '$schema');
      const suggestion = closest(property, allowed);
      return error(
        'unknown-property',
        { property: displayPath([...path, property]), suggestion: suggestion ?? '', allowed: allowed.join(', ') },
        at([...path, property], 'key'),
      );
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((type) => ref(typeWord(type)));
      return error('wrong-type', { path: shown, expected, actual: ref(typeWord(jsonType(e.data))) }, at(path));
    }
    case 'enum':
      return error('not-allowed-value', { path: shown, value: show(e.data), allowed: (params.allowedValues as unknown[]).map(show).join(', ') }, at(path));
    case 'const':
      return error('wrong-constant', { path: shown, expected: show(params.allowedValue) }, at(path));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return error(
        'out-of-range',
        { path: shown, value: show(e.data), comparison: ref(comparisonWord(String(params.comparison))), limit: params.limit },
        at(path),
      );
    case 'minLength':
      return error('empty-value', { path: shown }, at(path));
    case 'maxLength':
      return error('too-long', { path: shown, limit: params.limit }, at(path));
    case 'minItems':
      return Number(params.limit) <= 1 ? error('empty-value', { path: shown }, at(path)) : error('too-few-items', { path: shown, limit: params.limit }, at(path));
    case 'pattern':
      return error('pattern-mismatch', { path: shown, value: show(e.data), about: splitDescription(e.parentSchema?.description) ?? '' }, at(path));
    case 'format':
      return error('bad-date', { path: shown, value: show(e.data) }, at(path));
    case 'discriminator': {
      const tag = String(params.tag);
      if (params.error === 'tag' && (e.data === null || typeof e.data !== 'object' || !(tag in (e.data as object)))) {
        return error('missing-property', { parent: ref('in-parent', { path: shown }), property: displayPath([...path, tag]), about: tag }, at(path, 'key'));
      }
      const branches = (e.parentSchema?.oneOf as AnySchemaObject[] | undefined) ?? [];
      const allowed = branches.map((b) => show((b.properties as Record<string, AnySchemaObject>)[tag]?.const)).join(', ');
      const tagValue = (e.data as Record<string, unknown>)[tag];
      return error('not-allowed-value', { path: displayPath([...path, tag]), value: show(tagValue), allowed }, at([...path, tag]));
    }
    default:
      return error('schema-other', { path: shown, detail: e.message ?? e.keyword }, at(path));
  }
}

function resolve(rootSchema: AnySchemaObject, schema: AnySchemaObject | undefined): AnySchemaObject | undefined {
  if (!schema) return undefined;
  if (typeof schema.$ref === 'string' && schema.description === undefined) {
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name ? (rootSchema.$defs as Record<string, AnySchemaObject> | undefined)?.[name] : undefined;
    return resolve(rootSchema, target);
  }
  return schema;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

type TypeWord = 'type-string' | 'type-number' | 'type-integer' | 'type-boolean' | 'type-array' | 'type-object' | 'type-null';

function typeWord(type: string): TypeWord {
  switch (type) {
    case 'integer':
      return 'type-integer';
    case 'number':
      return 'type-number';
    case 'boolean':
      return 'type-boolean';
    case 'array':
      return 'type-array';
    case 'object':
      return 'type-object';
    case 'null':
    case 'undefined':
      return 'type-null';
    default:
      return 'type-string';
  }
}

function comparisonWord(comparison: string): 'cmp-ge' | 'cmp-gt' | 'cmp-le' | 'cmp-lt' {
  switch (comparison) {
    case '>':
      return 'cmp-gt';
    case '<=':
      return 'cmp-le';
    case '<':
      return 'cmp-lt';
    default:
      return 'cmp-ge';
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}
