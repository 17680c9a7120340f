// The library entry (`import … from 'aspm-cli'`): what a program needs to run aspm's jobs
// without the command line — the use cases, loading and checking a policy, publishing it,
// and the types, errors and messages they speak. It must never load the CLI (commander,
// the prompts, src/cli/): test/library-entry.test.ts checks it in a fresh process. The
// command line itself is `aspm-cli/cli`. Every export carries a doc comment (the same test
// checks), written here where the source declaration has none.

// Every message, in both languages: the library's errors and documents speak them all.
import './i18n/all-messages.js';

// The use cases: each reads its inputs, checks everything before writing, and writes all
// or nothing. Problems the user can fix are thrown as AspmError.
export {
  /** Evaluates a policy over one period's exports and writes report.json (and Excel, notices, ticket lists), as `aspm evaluate` does. */
  evaluatePolicy,
  /** What `evaluatePolicy` evaluates and where it writes: the options of `aspm evaluate`, as data. */
  type EvaluateRequest,
  /** Optional callbacks of `evaluatePolicy`: the clock, warnings as they come, reading progress. */
  type EvaluateOptions,
  /** What `evaluatePolicy` evaluated and wrote: the report, the warnings, the inputs and the files. */
  type EvaluateResult,
  /** The data's warnings: those kept in full, and how many there were per code. */
  type DataWarnings,
} from './app/evaluate-policy.js';
export {
  /** Drafts a policy from answers (or an answers file) without asking anything, as `aspm init --yes` does: the checked policy, its commented YAML and the files to write. */
  draftPolicy,
  /** What `draftPolicy` drafts from: the answers, the preset's size, the language, where the policy goes. */
  type DraftPolicyRequest,
  /** A drafted policy: the Policy, its YAML text, the answers as resolved, warnings, and the files to write. */
  type DraftedPolicy,
} from './app/draft-policy.js';
export {
  /** Publishes a policy (a file, checked as `aspm validate` checks it, or a loaded Policy) as Word, HTML or Markdown bytes, as `aspm render` does. */
  publishPolicy,
  /** What `publishPolicy` publishes: the policy, the formats wanted, a templates folder. */
  type PublishPolicyRequest,
  /** The published documents, one per format asked, with the policy file's warnings. */
  type PublishedPolicy,
} from './app/publish-policy.js';
export {
  /** Draws the HTML dashboard of every published report in a folder (the latest report's policy, all its periods) and writes it, as `aspm dashboard` does. */
  writeDashboard,
  /** What `writeDashboard` reads and writes: the reports folder, the output, the language, force. */
  type DashboardRequest,
  /** What `writeDashboard` showed and wrote: the file, its size, the policy, the periods, the reports left out. */
  type DashboardResult,
} from './app/write-dashboard.js';

// The policy: YAML → JSON Schema → semantic rules → a typed Policy, or diagnostics that
// point at the file. None of these throws for bad input.
export {
  /** Reads and checks a policy file: `{ ok: true, value, diagnostics }` (warnings only) or `{ ok: false, diagnostics }`. */
  readPolicy,
  /** Checks policy YAML text; `file` names it in diagnostics. */
  parsePolicy,
  /** Checks a policy file's bytes (UTF-8, or UTF-16 with a byte-order mark). */
  parsePolicyBytes,
  /** Checks a policy given as an object (e.g. built in code) exactly as a file is checked. */
  checkPolicyObject,
  /** The result of loading a policy: the Policy and its warnings, or the diagnostics that stop it. */
  type PolicyResult,
} from './policy/load-policy.js';
export {
  /** The built-in KPIs (presets/kpi-catalogue.yaml): what `kpis[].builtin` may name. */
  builtinKpis,
  /** One built-in KPI of the catalogue: its id, name, formula, unit, direction and the ticket fields it reads. */
  type BuiltinKpi,
} from './policy/kpi-catalogue.js';
export type {
  /** A checked policy: the type generated from schemas/policy.schema.json. */
  Policy,
} from './policy/policy.generated.js';

// Publishing a policy: Policy → Markdown (templates) → Word, HTML or Markdown.
export {
  /** The templates of a language (templates/<language>/), with the files of a folder laid over them. */
  readTemplateSet,
  /** A set of checked Handlebars templates, as `readTemplateSet` returns it. */
  type TemplateSet,
} from './render/templates.js';
export {
  /** The policy document as Markdown, from the policy and a template set. */
  renderPolicyMarkdown,
  /** How the policy's Word and HTML versions look and what their document properties say. */
  policyDocumentOptions,
} from './render/render-policy.js';
export {
  /** Markdown → a `docx` (bytes), `html` or `md` (text) document. */
  renderDocument,
  /** The document format a file name asks for by its extension (`.docx`, `.html`, `.md`), if any. */
  formatOfPath,
  /** The formats `renderDocument` writes: docx, md, html. */
  DOCUMENT_FORMATS,
  /** One of `DOCUMENT_FORMATS`. */
  type DocumentFormat,
} from './render/render-document.js';
export {
  /** Page, fonts, header and properties of a Word or HTML document. */
  type DocumentOptions,
} from './render/document-options.js';

// The report, as report.json holds it, and what people read made from it (evaluatePolicy
// writes these; a program serving them on demand makes them here).
export {
  /** The Excel report of a scored report (bytes of an .xlsx): a sheet per view, in the given language. */
  buildReportXlsx,
} from './report/report-xlsx.js';
export {
  /** The result notices of a report, `DIR/<id-name>.md` and `.docx` per person, as files still to write. */
  buildNotices,
} from './report/render-notice.js';
export {
  /** The terminal summary of a report, as `aspm evaluate` prints it: grade distribution, top and bottom, who was not assessed. */
  renderSummary as renderResultSummary,
} from './report/render-summary.js';
export {
  /** A file still to write: its path and its text or bytes. */
  type OutputFile,
} from './io/write-output.js';
export type {
  /** A scored evaluation: what report.json holds. */
  ScoredReport,
  /** One person of a report: KPIs, qualitative ratings, points, vetoes, total, grade, outcomes. */
  ReportPerson,
  /** One KPI of a person in a report: value, samples, score, weight, contribution, exclusions. */
  ReportKpi,
  /** One KPI of the whole department in a report: every ticket that counted for anyone, once. */
  DepartmentReportKpi,
  /** One goal of the policy's goals chapter, as a report carries it. */
  ReportGoal,
} from './scoring/scored-report.js';

// Errors and messages: one error path, every message in Chinese and English.
export {
  /** A problem the user can fix, with a stable code, its diagnostics and an exit code (1 input, 2 usage). */
  AspmError,
  /** True for an AspmError: a problem to report to the user, not a bug. */
  isAspmError,
  /** A finding about an input: a stable code, its severity, its parameters and where it is. */
  type Diagnostic,
  /** Where a finding is: file, and line and column or row and column. */
  type SourceLocation,
  /** `error` or `warning`. */
  type Severity,
} from './errors.js';
export {
  /** A diagnostic as one line in a language: `file:line:col: code: message`. */
  formatDiagnostic,
} from './i18n/format-diagnostic.js';
export {
  /** The message of a code in a language, with its parameters filled in. */
  t,
  /** Every message code of the catalogues. */
  type MessageCode,
} from './i18n/catalogue.js';
export {
  /** The languages of messages and documents: zh-CN and en. */
  LANGUAGES,
  /** One of `LANGUAGES`. */
  type Language,
} from './i18n/language.js';
