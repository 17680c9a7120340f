// The library entry: everything the CLI can do, as functions over plain data.
export type { Policy } from './policy/policy.generated.js';
export type * from './policy/policy.generated.js';
export { parsePolicy, parsePolicyBytes, readPolicy, checkPolicyObject, MAX_POLICY_BYTES, type PolicyResult } from './policy/load-policy.js';
export { builtinKpis, builtinKpi, isBuiltinKpi, type BuiltinKpi, type TicketField } from './policy/kpi-catalogue.js';
export type { LoadResult } from './validation/load-document.js';
export { AspmError, type Diagnostic, type SourceLocation, type Severity } from './errors.js';
export { t, type MessageCode } from './i18n/catalogue.js';
export { formatDiagnostic } from './i18n/format-diagnostic.js';
export { detectLanguage, LANGUAGES, type Language } from './i18n/language.js';
export { main as runCli } from './cli/main.js';
