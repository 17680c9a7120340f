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
// Publishing: policy → Markdown (templates) → Word / HTML; the converters serve any document.
export { renderPolicyMarkdown, policyDocumentOptions, POLICY_TEMPLATE } from './render/render-policy.js';
export { buildPolicyView, type PolicyView } from './render/policy-view.js';
export { readTemplateSet, buildTemplateSet, renderTemplate, type TemplateSet, type TemplateSource } from './render/templates.js';
export { markdownToDocx } from './render/markdown-to-docx.js';
export { markdownToHtml } from './render/markdown-to-html.js';
export { expandTableOfContents } from './render/markdown-toc.js';
export { renderDocument, formatOfPath, DOCUMENT_FORMATS, type DocumentFormat } from './render/render-document.js';
export { resolveDocumentOptions, type DocumentOptions } from './render/document-options.js';
export { escapeMarkdown, escapeMarkdownCell, stripControlCharacters } from './render/escape-markdown.js';
export { toChineseNumeral } from './render/chinese-numerals.js';
