// Sections of the documentation that are generated from data, so the reference cannot drift
// from the code: the policy file's sections (from the schema) and the built-in KPIs (from the
// catalogue). Each lives between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`, in
// README.md or a page of docs/; wherever the text moves, its region goes with it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function split(description) {
  const text = String(description ?? '');
  const at = text.indexOf(' / ');
  return at === -1 ? { zh: text, en: text } : { zh: text.slice(0, at), en: text.slice(at + 3) };
}

function resolve(schema, node) {
  if (node?.$ref) {
    const name = node.$ref.replace('#/$defs/', '');
    const target = schema.$defs[name];
    return { ...target, ...node, $ref: undefined, description: node.description ?? target.description, name };
  }
  return node;
}

function typeName(schema, node) {
  const n = resolve(schema, node);
  if (n.const !== undefined) return `\`${n.const}\``;
  if (n.enum) return n.enum.map((v) => `\`${v}\``).join(' \\| ');
  if (n.oneOf) return 'one of';
  if (n.type === 'array') return `list of ${typeName(schema, n.items)}`;
  if (n.type === 'object') return n.name ?? 'mapping';
  if (Array.isArray(n.type)) return n.type.join(' \\| ');
  return n.type ?? n.name ?? '';
}

export function policySections(root) {
  const schema = JSON.parse(readFileSync(join(root, 'schemas/policy.schema.json'), 'utf8'));
  const required = new Set(schema.required);
  const lines = ['| section | required | 说明 | what it holds |', '|---|---|---|---|'];
  const details = [];
  for (const [key, prop] of Object.entries(schema.properties)) {
    if (key === '$schema') continue;
    const node = resolve(schema, prop);
    const { zh, en } = split(node.description);
    lines.push(`| \`${key}\` | ${required.has(key) ? 'yes' : 'no'} | ${cell(zh)} | ${cell(en)} |`);
    const object = node.type === 'array' ? resolve(schema, node.items) : node;
    if (object?.properties) {
      const fields = Object.entries(object.properties).map(([name, field]) => {
        const f = resolve(schema, field);
        const d = split(f.description);
        const def = f.default !== undefined ? ` (default \`${JSON.stringify(f.default)}\`)` : '';
        const req = (object.required ?? []).includes(name) ? ' **required**' : '';
        return `  - \`${name}\` — ${typeName(schema, field)}${req}${def}: ${cell(d.zh)} / ${cell(d.en)}`;
      });
      details.push(`- **\`${key}\`**${node.type === 'array' ? ' (a list; each item has)' : ''}\n${fields.join('\n')}`);
    }
  }
  return [...lines, '', '<details><summary>Fields of each section · 各部分字段</summary>', '', ...details, '', '</details>'].join('\n');
}

export function kpiTable(root) {
  const catalogue = parse(readFileSync(join(root, 'presets/kpi-catalogue.yaml'), 'utf8'));
  const lines = ['| id | 名称 | name | unit | better | placed by | 公式 / formula |', '|---|---|---|---|---|---|---|'];
  for (const k of catalogue.kpis) {
    const sla = k.sla ? ` (SLA ${k.sla.within} ${k.sla.unit})` : '';
    lines.push(
      `| \`${k.id}\` | ${cell(k.name['zh-CN'])} | ${cell(k.name.en)} | ${k.unit}${sla} | ${k.direction} | \`${k.placed_by}\` | ${cell(k.formula['zh-CN'])}<br>${cell(k.formula.en)} |`,
    );
  }
  return lines.join('\n');
}

export const SECTIONS = { 'policy-sections': policySections, 'kpi-catalogue': kpiTable };

/** README.md and every Markdown page of docs/, relative to the root: where regions may live. */
export function documentPaths(root) {
  const docs = readdirSync(join(root, 'docs'), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => `docs/${entry.name}`)
    .sort();
  return ['README.md', ...docs];
}

/**
 * Every document that holds a generated region, with each region filled in from the current
 * data. A region found in no document, or in more than one, is an error: a lost marker would
 * otherwise leave its text to go stale unnoticed.
 */
export function documentsWithSections(root) {
  const found = new Map(Object.keys(SECTIONS).map((name) => [name, []]));
  const documents = [];
  for (const path of documentPaths(root)) {
    let text = readFileSync(join(root, path), 'utf8');
    let holds = false;
    for (const [name, build] of Object.entries(SECTIONS)) {
      const open = `<!-- generated:${name} -->`;
      const close = `<!-- /generated:${name} -->`;
      const start = text.indexOf(open);
      if (start === -1) continue;
      const end = text.indexOf(close, start);
      if (end === -1) throw new Error(`${path}: ${open} has no ${close}`);
      found.get(name).push(path);
      holds = true;
      text = `${text.slice(0, start + open.length)}\n${build(root)}\n${text.slice(end)}`;
    }
    if (holds) documents.push({ path, text });
  }
  for (const [name, paths] of found) {
    if (paths.length !== 1) throw new Error(`the generated region ${name} must be in exactly one document; found in ${paths.length ? paths.join(', ') : 'none'}`);
  }
  return documents;
}
