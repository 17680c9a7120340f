// Derives TypeScript types from the JSON Schemas aspm authors, so the types cannot drift
// from the contract. It understands only the subset of JSON Schema those files use and
// throws on anything else, rather than guessing.
//
// A property is required in the generated type when the schema requires it or gives it a
// default that ajv fills in (`useDefaults`); defaults inside oneOf/anyOf are not filled by
// ajv, so there they leave the property optional.

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function schemaToTs(schema, rootName, banner) {
  const out = [banner, ''];
  const defs = schema.$defs ?? {};
  for (const [name, def] of Object.entries(defs)) {
    out.push(...declaration(name, def));
  }
  out.push(...declaration(rootName, schema));
  return out.join('\n');
}

function declaration(name, schema) {
  const lines = [];
  const doc = jsdoc(schema.description, '');
  if (doc) lines.push(doc);
  if (isPlainObject(schema)) {
    lines.push(`export interface ${name} ${objectBody(schema, '', false)}`);
  } else {
    lines.push(`export type ${name} = ${typeOf(schema, '', false)};`);
  }
  lines.push('');
  return lines;
}

function isPlainObject(schema) {
  return schema.type === 'object' && schema.properties !== undefined && !schema.oneOf && !schema.anyOf;
}

function jsdoc(text, indent) {
  if (!text) return '';
  const body = String(text).replace(/\*\//g, '*\\/').split('\n');
  if (body.length === 1) return `${indent}/** ${body[0]} */`;
  return [`${indent}/**`, ...body.map((l) => `${indent} * ${l}`), `${indent} */`].join('\n');
}

function objectBody(schema, indent, inUnion) {
  const required = new Set(schema.required ?? []);
  const inner = indent + '  ';
  const lines = ['{'];
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    const doc = jsdoc(prop.description, inner);
    if (doc) lines.push(doc);
    if (prop.default !== undefined && inUnion) {
      // ajv ignores defaults inside oneOf/anyOf (and refuses them in strict mode).
      throw new Error(`default of "${key}" inside a union is never applied; describe it instead`);
    }
    const hasFilledDefault = prop.default !== undefined;
    const optional = required.has(key) || hasFilledDefault ? '' : '?';
    const name = IDENT.test(key) ? key : JSON.stringify(key);
    lines.push(`${inner}${name}${optional}: ${typeOf(prop, inner, inUnion)};`);
  }
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== false) {
    const valueType = extra === true ? 'unknown' : typeOf(extra, inner, inUnion);
    lines.push(`${inner}[key: string]: ${valueType};`);
  }
  lines.push(`${indent}}`);
  return lines.join('\n');
}

function typeOf(schema, indent, inUnion) {
  if (schema.$ref) {
    const match = /^#\/\$defs\/([A-Za-z0-9_]+)$/.exec(schema.$ref);
    if (!match) throw new Error(`unsupported $ref ${schema.$ref}`);
    return match[1];
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.oneOf || schema.anyOf) {
    const branches = schema.oneOf ?? schema.anyOf;
    return branches.map((b) => parenthesise(typeOf(b, indent, true))).join(' | ');
  }
  // A property described but not constrained (read only when it has the shape wanted).
  if (schema.type === undefined) return 'unknown';
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.map((t) => single(t, schema, indent, inUnion)).join(' | ');
}

function parenthesise(t) {
  return t.includes('|') && !t.startsWith('{') ? `(${t})` : t;
}

function single(type, schema, indent, inUnion) {
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      if (!schema.items) throw new Error('array without items');
      return `${parenthesise(typeOf(schema.items, indent, inUnion))}[]`;
    }
    case 'object':
      if (!schema.properties && schema.additionalProperties && schema.additionalProperties !== true) {
        return `Record<string, ${typeOf(schema.additionalProperties, indent, inUnion)}>`;
      }
      return objectBody(schema, indent, inUnion);
    default:
      throw new Error(`unsupported schema type ${JSON.stringify(type)}`);
  }
}
