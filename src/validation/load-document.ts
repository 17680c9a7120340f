// The loading pipeline every aspm YAML input shares (policy, wizard answers, adjustments):
// text → YAML with positions → JSON Schema with defaults → semantic rules → a typed value,
// or the diagnostics that say why not. Pure: the caller reads the bytes.
import { error, hasErrors, type Diagnostic, type Severity } from '../errors.js';
import type { MessageCode } from '../i18n/catalogue.js';
import type { MessageParams } from '../i18n/translate.js';
import { decodeUtf8Text } from '../text/decode-text.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import { loadSchema, type SchemaName, type SchemaValidator } from './schemas.js';
import { locate, parseYaml, type Path, type YamlSource } from './yaml-document.js';

export type LoadResult<T> =
  | { readonly ok: true; readonly value: T; readonly diagnostics: readonly Diagnostic[]; readonly source: YamlSource }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** What a semantic rule reports: a code, its parameters, and the path it is about. */
export interface Finding {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly path: Path;
  /** Point at the key rather than the value (e.g. for a list whose total is wrong). */
  readonly at?: 'key' | 'value';
  readonly severity?: Severity;
}

export type Rule<T> = (value: T, report: (finding: Finding) => void) => void;

export interface DocumentKind<T> {
  readonly schema: SchemaName;
  /** The schema's compiled validator, imported by the caller (compiled/<schema>.validate.generated.js). */
  readonly validate: SchemaValidator;
  readonly rules: readonly Rule<T>[];
}

export function loadDocumentBytes<T>(bytes: Uint8Array, file: string, kind: DocumentKind<T>): LoadResult<T> {
  const decoded = decodeUtf8Text(bytes, file);
  if (!decoded.ok) return { ok: false, diagnostics: [decoded.diagnostic] };
  return loadDocumentText(decoded.text, file, kind);
}

export function loadDocumentText<T>(text: string, file: string, kind: DocumentKind<T>): LoadResult<T> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const hint = kind.schema === 'policy' ? { $t: 'hint-policy-file' } : { $t: 'hint-schema-file', params: { name: kind.schema } };
  if (isBlank(body)) return { ok: false, diagnostics: [error('empty-file', { hint }, { file, line: 1, col: 1 })] };

  const parsed = parseYaml(body, file);
  if (!parsed.ok) return parsed;
  const { source, value } = parsed;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const actual = Array.isArray(value) ? 'type-array' : value === null ? 'type-null' : 'type-string';
    return { ok: false, diagnostics: [error('not-a-mapping', { actual: { $t: actual }, hint }, { file, line: 1, col: 1 })] };
  }

  const validate = kind.validate;
  if (!validate(value)) {
    return { ok: false, diagnostics: schemaDiagnostics(validate.errors ?? [], loadSchema(kind.schema), source) };
  }

  const typed = value as T;
  const diagnostics: Diagnostic[] = [];
  for (const rule of kind.rules) {
    rule(typed, (finding) => {
      diagnostics.push({
        code: finding.code,
        severity: finding.severity ?? 'error',
        params: resolveLines(finding.params, source),
        location: locate(source, finding.path, finding.at ?? 'value'),
      });
    });
  }
  diagnostics.sort(byPosition);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, value: typed, diagnostics, source };
}

/** A rule can ask for "the line of that other value" with `{ $line: path }`. */
function resolveLines(params: MessageParams, source: YamlSource): MessageParams {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    const path = value && typeof value === 'object' && '$line' in value ? (value as { $line: Path }).$line : undefined;
    out[name] = path ? locate(source, path).line : value;
  }
  return out;
}

function isBlank(text: string): boolean {
  return text.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line));
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.col ?? 0) - (b.location?.col ?? 0);
}
