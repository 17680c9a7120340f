// YAML text → a document that remembers where every value came from, so that findings
// about a value can point at `file:line:col`. Guards against duplicate keys and alias
// bombs (billion laughs) here, once, for every YAML file aspm reads.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type ParsedNode } from 'yaml';
import { error, type Diagnostic, type SourceLocation } from '../errors.js';
import type { MessageCode } from '../i18n/catalogue.js';

/** Far more than any honest file needs; a bomb blows past it at once. */
export const MAX_ALIAS_COUNT = 200;

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface YamlSource {
  readonly file: string;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

export type ParsedYaml =
  | { ok: true; source: YamlSource; value: unknown }
  | { ok: false; diagnostics: Diagnostic[] };

/** Deepest nesting read; a policy has a handful of levels, the parser's stack a few thousand. */
export const MAX_YAML_DEPTH = 64;

/**
 * Where `text` nests deeper than MAX_YAML_DEPTH, or -1: flow brackets (`[[[…`) and block
 * levels (indentation, `- - - …`) are counted before the recursive parser sees them.
 * Quotes and comments are skipped roughly; the limit is far above any real policy.
 */
export function tooDeepAt(text: string): number {
  let flow = 0;
  let quote = '';
  let lineStart = true;
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      lineStart = true;
      column = 0;
      if (quote === "'" || quote === '"') continue;
      quote = quote === '#' ? '' : quote;
      continue;
    }
    if (quote === '#') continue;
    if (quote) {
      if (c === quote && (quote === "'" || text[i - 1] !== '\\')) quote = '';
      continue;
    }
    if (lineStart) {
      // Block nesting: each level indents the content by one column at least.
      if (c === ' ' || c === '-' || c === '?' || c === ':') {
        if (++column > MAX_YAML_DEPTH * 8) return i;
        continue;
      }
      lineStart = false;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) quote = '#';
    else if (c === '[' || c === '{') {
      if (++flow > MAX_YAML_DEPTH) return i;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return -1;
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    const { line, col } = lineCounter.linePos(deep);
    return { ok: false, diagnostics: [error('yaml-too-deep', { limit: MAX_YAML_DEPTH }, { file, line, col })] };
  }
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  } catch (cause) {
    // Nesting the scan above did not see (it skips what looks quoted) still ends here.
    if (cause instanceof RangeError) return { ok: false, diagnostics: [error('yaml-too-deep', { limit: MAX_YAML_DEPTH }, { file, line: 1, col: 1 })] };
    throw cause;
  }
  const source: YamlSource = { file, document, lineCounter };
  if (document.errors.length > 0) {
    // Every duplicate key is its own mistake; after any other syntax error the parser's
    // later complaints are mostly echoes of the first, so only the first is shown.
    const duplicates = document.errors.filter((e) => e.code === 'DUPLICATE_KEY');
    const first = document.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    const shown = first ? [...duplicates, first].sort((a, b) => a.pos[0] - b.pos[0]) : duplicates;
    return { ok: false, diagnostics: shown.map((e) => yamlErrorDiagnostic(e.code, e.message, e.pos[0], source, text)) };
  }
  try {
    const value: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, source, value };
  } catch (cause) {
    if (cause instanceof RangeError) return { ok: false, diagnostics: [error('yaml-too-deep', { limit: MAX_YAML_DEPTH }, { file, line: 1, col: 1 })] };
    if (cause instanceof ReferenceError && /alias/i.test(cause.message)) {
      return { ok: false, diagnostics: [error('yaml-alias-bomb', {}, firstAliasLocation(source))] };
    }
    return { ok: false, diagnostics: [error('yaml-syntax', { detail: String(cause instanceof Error ? cause.message : cause) }, { file, line: 1, col: 1 })] };
  }
}

function yamlErrorDiagnostic(code: string, message: string, offset: number, source: YamlSource, text: string): Diagnostic {
  const location = offsetLocation(source, offset);
  const specific: Partial<Record<string, MessageCode>> = {
    TAB_AS_INDENT: 'yaml-tab-indent',
    BAD_INDENT: 'yaml-bad-indent',
    BLOCK_AS_IMPLICIT_KEY: 'yaml-colon-in-value',
    MULTIPLE_DOCS: 'yaml-multiple-documents',
  };
  if (code === 'DUPLICATE_KEY') {
    return error('duplicate-key', { key: keyAt(text, offset) }, location);
  }
  const unclosed = unclosedChar(code, message);
  if (unclosed) {
    return error('yaml-unclosed', { char: unclosed.close }, openingLocation(source, text, offset, unclosed) ?? location);
  }
  const mapped = specific[code];
  if (mapped) return error(mapped, {}, location);
  return error('yaml-syntax', { detail: firstLine(message) }, location);
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

interface Pairing {
  readonly open: string;
  readonly close: string;
}

/** The bracket or quote the parser found unclosed, from its error code and message. */
function unclosedChar(code: string, message: string): Pairing | undefined {
  if (code === 'MISSING_CHAR' && /quote/i.test(message)) {
    return /single/i.test(message) || message.includes("'quote") ? { open: "'", close: "'" } : { open: '"', close: '"' };
  }
  if (code === 'MISSING_CHAR' || code === 'BAD_INDENT') {
    const close = /end with an? ([\]}])/.exec(message)?.[1] ?? /Expected (?:flow (?:sequence|map) end|closing) ?([\]}])?/i.exec(message)?.[1];
    if (close === ']') return { open: '[', close };
    if (close === '}') return { open: '{', close };
  }
  return undefined;
}

/** Where the unclosed bracket or quote was opened: the last unmatched one before `offset`. */
function openingLocation(source: YamlSource, text: string, offset: number, pairing: Pairing): SourceLocation | undefined {
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const c = text[i];
    if (pairing.open === pairing.close) {
      if (c === pairing.open) return offsetLocation(source, i);
      continue;
    }
    if (c === pairing.close) depth++;
    else if (c === pairing.open) {
      if (depth === 0) return offsetLocation(source, i);
      depth--;
    }
  }
  return undefined;
}

function keyAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  const line = text.slice(offset, end === -1 ? undefined : end);
  return line.split(/:(\s|$)/)[0]?.trim().replace(/^["']|["']$/g, '') ?? '';
}

export function offsetLocation(source: YamlSource, offset: number): SourceLocation {
  const { line, col } = source.lineCounter.linePos(offset);
  return { file: source.file, line, col };
}

function firstAliasLocation(source: YamlSource): SourceLocation {
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || !node) return;
    if (isAlias(node)) {
      found = node.range?.[0];
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) visit(item);
    } else if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    }
  };
  visit(source.document.contents);
  return offsetLocation(source, found ?? 0);
}

/**
 * Where a value lives in the source. `key` points at the key of the last segment (for an
 * unknown property); `value` at the value itself. A path that does not exist in the
 * source (a default filled in later) stops at its deepest existing ancestor's key.
 */
export function locate(source: YamlSource, path: Path, target: 'value' | 'key' = 'value'): SourceLocation {
  let node: unknown = source.document.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    const resolved = resolveAlias(source, node);
    let next: { key?: Node; value: unknown } | undefined;
    if (isMap(resolved)) {
      const pair = resolved.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair) next = { key: pair.key as Node, value: pair.value };
    } else if (isSeq(resolved) && typeof segment === 'number') {
      const item = resolved.items[segment];
      if (item !== undefined) next = { value: item };
    }
    if (!next) {
      // The rest of the path is absent: point at the key that holds the deepest part found.
      return keyNode ? nodeLocation(source, keyNode) : { file: source.file, line: 1, col: 1 };
    }
    keyNode = next.key ?? (next.value as Node | undefined) ?? keyNode;
    node = next.value;
  }
  if (target === 'key' && keyNode) return nodeLocation(source, keyNode);
  const valueNode = resolveAlias(source, node) as Node | null | undefined;
  if (valueNode && (valueNode as ParsedNode).range) return nodeLocation(source, node as Node);
  return keyNode ? nodeLocation(source, keyNode) : { file: source.file, line: 1, col: 1 };
}

function resolveAlias(source: YamlSource, node: unknown): unknown {
  return isAlias(node) ? node.resolve(source.document) : node;
}

function nodeLocation(source: YamlSource, node: Node): SourceLocation {
  const start = (node as ParsedNode).range?.[0] ?? 0;
  return offsetLocation(source, start);
}
