// report.json read back (by `--history`): its format version, then the part of the report
// schema that history reads (schemas/src/report-history.schema.yaml: period, result date,
// policy, and each person's id, name and grades), or an error naming the file and, for each
// finding, its JSON path and what is wrong. Only what is read is checked: a report written
// by an earlier aspm (before `format_version`, or before fields added since) or by a newer
// aspm of the same format version is read as it is; a newer format version is refused. Pure.
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { AspmError } from '../errors.js';
import { schemaDiagnostics } from '../validation/schema-diagnostics.js';
import { validate as compiledHistoryValidator } from '../validation/compiled/report-history.validate.generated.js';
import { loadSchema } from '../validation/schemas.js';
import type { ReportFile } from './report.generated.js';
import type { ReportHistoryView } from './report-history.generated.js';

/**
 * The format of report.json that this aspm writes, and the newest it reads. Raise it (with
 * the schema's `format_version` const) when a change would make an older aspm misread a
 * report; the type ties the two.
 */
export const REPORT_FORMAT_VERSION: ReportFile['format_version'] = 1;

/** Findings listed with the error: enough to see what is wrong, not a screenful per person. */
const MAX_REPORT_FINDINGS = 10;

/** What history reads of the parsed JSON of `file`, or an AspmError saying why it is not a report it can read. */
export function readReportForHistory(json: unknown, file: string): ReportHistoryView {
  const object = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  const version = object?.format_version;
  if (typeof version === 'number' && Number.isInteger(version) && version > REPORT_FORMAT_VERSION) {
    throw new AspmError('history-newer-format', { file, version, supported: REPORT_FORMAT_VERSION }, { location: { file } });
  }
  const validate = compiledHistoryValidator as unknown as ValidateFunction;
  if (validate(json)) return json as ReportHistoryView;
  const errors = validate.errors ?? [];
  // Something else entirely (another program's JSON): its missing fields would be noise.
  if (errors.some(notAReport)) throw new AspmError('history-not-report', { file }, { location: { file } });
  // By JSON path, not line and column: locating them would mean parsing the file again
  // with positions, seconds for a large report, and the path says where as well.
  const findings = schemaDiagnostics(errors, loadSchema('report-history'), { file });
  const shown = findings.slice(0, MAX_REPORT_FINDINGS);
  throw new AspmError('history-not-scored', { file, count: findings.length, shown: shown.length }, { location: { file }, diagnostics: shown });
}

/**
 * Findings that mean the file is no report at all (not an object, or without a period or a
 * staff list), rather than a report that is wrong somewhere: the two have their own messages.
 */
function notAReport(e: ErrorObject): boolean {
  if (e.instancePath === '') return e.keyword === 'type' || (e.keyword === 'required' && ['period', 'staff'].includes(String(e.params.missingProperty)));
  if (e.instancePath === '/period') return e.keyword === 'type' || e.keyword === 'required';
  return (e.instancePath === '/period/id' || e.instancePath === '/staff') && e.keyword === 'type';
}
