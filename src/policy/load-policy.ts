// Loading a policy: bytes → YAML with positions → schema (defaults filled) → semantic
// rules → a typed Policy, or diagnostics that point into the file. `parsePolicy` is pure;
// `readPolicy` adds the file system (and reads the holidays file the policy names).
import { stringify } from 'yaml';
import { readSmallFile } from '../io/read-input.js';
import { readHolidaysFile } from './holidays-file.js';
import { validate as validatePolicy } from '../validation/compiled/policy.validate.generated.js';
import { loadDocumentBytes, loadDocumentText, type DocumentKind, type LoadResult } from '../validation/load-document.js';
import type { Policy } from './policy.generated.js';
import { policyRules } from './rules/index.js';

/** Policies are tens of kilobytes; anything this large is the wrong file. */
export const MAX_POLICY_BYTES = 2 * 1024 * 1024;

export type PolicyResult = LoadResult<Policy>;

const policyKind: DocumentKind<Policy> = { schema: 'policy', validate: validatePolicy, rules: policyRules };

/** Checks policy YAML text. `file` is the name used in diagnostics. */
export function parsePolicy(text: string, file = 'policy.yaml'): PolicyResult {
  return loadDocumentText(text, file, policyKind);
}

export function parsePolicyBytes(bytes: Uint8Array, file = 'policy.yaml'): PolicyResult {
  return loadDocumentBytes(bytes, file, policyKind);
}

/**
 * Checks a policy object built in code (e.g. by a program using the library). Diagnostics
 * point into a YAML rendering of the object, so they still carry a line.
 */
export function checkPolicyObject(value: unknown, file = 'policy.yaml'): PolicyResult {
  return parsePolicy(stringify(value), file);
}

/** Reads and checks a policy file, and the holidays file it names (relative to it), if any. */
export async function readPolicy(path: string): Promise<PolicyResult> {
  const read = await readSmallFile(path, MAX_POLICY_BYTES);
  if (!read.ok) return { ok: false, diagnostics: [read.diagnostic] };
  const loaded = parsePolicyBytes(read.bytes, path);
  if (!loaded.ok) return loaded;
  const holidays = await readHolidaysFile(loaded.value, path, loaded.source);
  if (holidays && !holidays.ok) return { ok: false, diagnostics: [...loaded.diagnostics, ...holidays.diagnostics] };
  return loaded;
}
