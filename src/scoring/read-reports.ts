// Whole reports read back from a folder, for the dashboard: the same files `--history`
// reads (every `*.json` of the folder, the latest report of each period, one policy's), but
// each checked against the whole report schema, because the dashboard draws from every
// part of it. A report of a newer format version is refused; fields a newer aspm of the
// same format version added are not read, so they are no error. A folder with reports of
// several policies shows the latest report's policy, the others named as left out.
// `parseScoredReport` is pure; `readReportFolder` reads the folder.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { AspmError } from '../errors.js';
import type { MessageCode } from '../i18n/catalogue.js';
import { readSmallFile } from '../io/read-input.js';
import { schemaDiagnostics } from '../validation/schema-diagnostics.js';
import { loadSchema } from '../validation/schemas.js';
import { validate as compiledReportValidator } from '../validation/compiled/report.validate.generated.js';
import { MAX_HISTORY_BYTES, reportFileNames, type PolicyIdentity } from './history.js';
import { REPORT_FORMAT_VERSION } from './report-file.js';
import type { ScoredReport } from './scored-report.js';

/** Findings listed with the error: enough to see what is wrong, not a screenful per person. */
const MAX_REPORT_FINDINGS = 10;

/** A report and the file it was read from. */
export interface ReportOfFolder {
  readonly path: string;
  readonly report: ScoredReport;
}

export interface ReportFolder {
  /** The latest report of each period of the policy shown, oldest period first. */
  readonly reports: readonly ReportOfFolder[];
  /** The policy the reports belong to. */
  readonly policy: PolicyIdentity;
  /** Reports of other policies in the folder, left out. */
  readonly otherPolicies: readonly string[];
}

/**
 * The report in `text`, or an AspmError naming `path` and saying why it is not one the
 * dashboard can show: not JSON, a newer format, no report at all, or a report that does
 * not fit the schema (the first findings listed, each at its JSON path).
 */
export function parseScoredReport(text: string, path: string): ScoredReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AspmError('dashboard-not-json', { file: path }, { location: { file: path } });
  }
  const object = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  const version = object?.format_version;
  if (typeof version === 'number' && Number.isInteger(version) && version > REPORT_FORMAT_VERSION) {
    throw new AspmError('dashboard-newer-format', { file: path, version, supported: REPORT_FORMAT_VERSION }, { location: { file: path } });
  }
  const validate = compiledReportValidator as unknown as ValidateFunction;
  if (validate(json)) return json as ScoredReport;
  if (!object || typeof object.period !== 'object' || object.period === null || !Array.isArray(object.staff)) {
    throw new AspmError('history-not-report', { file: path }, { location: { file: path } });
  }
  // A field a newer aspm of the same format version added is not read, so it is no fault;
  // a oneOf that failed only for one is let through by dropping its summary finding too.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'additionalProperties');
  const real = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  if (real.length === 0) return json as ScoredReport;
  const findings = schemaDiagnostics(errors, loadSchema('report'), { file: path });
  const shown = findings.slice(0, MAX_REPORT_FINDINGS);
  throw new AspmError('dashboard-report-invalid', { file: path, count: findings.length, shown: shown.length }, { location: { file: path }, diagnostics: shown });
}

/**
 * Oldest period first: by last day, then the longer period after the shorter that ends with
 * it (a quarter after its last month), then by id.
 */
export function comparePeriods(a: ScoredReport['period'], b: ScoredReport['period']): number {
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  if (a.start !== b.start) return a.start > b.start ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The reports of one policy: `policy` when given (evaluate --html shows its own policy's),
 * else the policy of the latest report in the folder. Of several reports of one period
 * (a re-run after an appeal) the one with the latest result date counts, as in history.
 */
export function chooseReports(read: readonly ReportOfFolder[], policy?: PolicyIdentity): Omit<ReportFolder, 'policy'> & { readonly policy: PolicyIdentity | undefined } {
  const byAge = [...read].sort((a, b) => comparePeriods(a.report.period, b.report.period) || (a.report.result_date < b.report.result_date ? -1 : a.report.result_date > b.report.result_date ? 1 : 0));
  const latest = byAge[byAge.length - 1]?.report.policy;
  const shown = policy ?? (latest ? { company: latest.company, title: latest.title } : undefined);
  const same = (r: ReportOfFolder) => shown !== undefined && r.report.policy.company === shown.company && r.report.policy.title === shown.title;
  const byPeriod = new Map<string, ReportOfFolder>();
  // byAge is stable, so of two reports with the same period and date the later file name wins.
  for (const r of byAge.filter(same)) byPeriod.set(r.report.period.id, r);
  return {
    reports: [...byPeriod.values()].sort((a, b) => comparePeriods(a.report.period, b.report.period)),
    policy: shown,
    otherPolicies: read.filter((r) => !same(r)).map((r) => r.path),
  };
}

/**
 * Every report in `dir` (see the module comment), of the latest report's policy, or of
 * `policy` when given (`aspm dashboard --policy`). Fails,
 * naming the folder or the file, for a folder that is missing or empty, one without a
 * report, or a `*.json` that is not a report the dashboard can show: a dashboard silently
 * missing a month would mislead.
 */
export async function readReportFolder(dir: string, policy?: PolicyIdentity): Promise<ReportFolder> {
  const read = await readReportFiles(dir);
  if (read.length === 0) {
    const entries = await readdir(dir).catch(() => []);
    if (entries.length === 0) throw new AspmError('dashboard-folder-empty', { path: dir });
    throw new AspmError('dashboard-no-reports', { path: dir, count: entries.length });
  }
  const chosen = chooseReports(read, policy);
  if (policy && chosen.reports.length === 0) throw new AspmError('dashboard-no-reports-of-policy', { path: dir, company: policy.company, title: policy.title });
  return { reports: chosen.reports, policy: chosen.policy!, otherPolicies: chosen.otherPolicies };
}

/** Every `*.json` of `dir` read as a whole report, in file-name order (none for an empty folder). */
export async function readReportFiles(dir: string): Promise<ReportOfFolder[]> {
  let names: string[];
  try {
    names = await reportFileNames(dir);
  } catch (cause) {
    throw folderFailure(dir, cause);
  }
  const read: ReportOfFolder[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const bytes = await readSmallFile(path, MAX_HISTORY_BYTES);
    if (!bytes.ok) {
      const d = bytes.diagnostic;
      if (d.code === 'file-too-large') throw new AspmError('dashboard-report-too-large', { file: path, size: d.params.size, limit: MAX_HISTORY_BYTES }, { location: { file: path } });
      throw new AspmError<MessageCode>(d.code, d.params, { location: { file: path } });
    }
    read.push({ path, report: parseScoredReport(new TextDecoder('utf-8').decode(bytes.bytes), path) });
  }
  return read;
}

/** What is wrong with the reports folder, and what to give instead. */
function folderFailure(dir: string, cause: unknown): AspmError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new AspmError('dashboard-folder-not-found', { path: dir });
  if (code === 'ENOTDIR') return new AspmError('dashboard-not-a-folder', { path: dir });
  return new AspmError('dashboard-folder-unreadable', { path: dir, reason: code ?? String(cause) });
}
