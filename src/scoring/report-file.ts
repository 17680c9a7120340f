// report.json read back (by `--history`): its format version, then the report schema, so
// that what aspm reads is exactly what it writes (schemas/src/report.schema.yaml), or an
// error naming the file and, for each finding, its JSON path and what is wrong. Pure.
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { AspmError } from '../errors.js';
import { schemaDiagnostics } from '../validation/schema-diagnostics.js';
import { validate as compiledReportValidator } from '../validation/compiled/report.validate.generated.js';
import { loadSchema } from '../validation/schemas.js';
import type { ReportFile } from './report.generated.js';

/**
 * The format of report.json that this aspm writes, and the newest it reads. Raise it (with
 * the schema's `format_version` const) when a change would make an older aspm misread a
 * report; the type ties the two.
 */
export const REPORT_FORMAT_VERSION: ReportFile['format_version'] = 1;

/** Findings listed with the error: enough to see what is wrong, not a screenful per person. */
const MAX_REPORT_FINDINGS = 10;

/** The parsed JSON of `file` as a report, or an AspmError saying why it is not one. */
export function validateReportFile(json: unknown, file: string): ReportFile {
  const object = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  const version = object?.format_version;
  if (typeof version === 'number' && Number.isInteger(version) && version > REPORT_FORMAT_VERSION) {
    throw new AspmError('history-newer-format', { file, version, supported: REPORT_FORMAT_VERSION }, { location: { file } });
  }
  // A report without `format_version` was written by aspm before reports were versioned
  // (up to 0.1.0): its shape is that of version 1, so it is read as version 1 — and must
  // be valid as one. Only the copy handed to the validator gets the field.
  const versioned = object && version === undefined ? { format_version: REPORT_FORMAT_VERSION, ...object } : json;
  const validate = compiledReportValidator as unknown as ValidateFunction;
  if (validate(versioned)) return versioned as ReportFile;
  const errors = validate.errors ?? [];
  // Something else entirely (another program's JSON): its missing fields would be noise.
  if (errors.some(notAReport)) throw new AspmError('history-not-report', { file }, { location: { file } });
  // By JSON path, not line and column: locating them would mean parsing the file again
  // with positions, seconds for a large report, and the path says where as well.
  const findings = schemaDiagnostics(errors, loadSchema('report'), { file });
  const shown = findings.slice(0, MAX_REPORT_FINDINGS);
  throw new AspmError('history-not-scored', { file, count: findings.length, shown: shown.length }, { location: { file }, diagnostics: shown });
}

/**
 * Findings that mean the file is no report at all (not an object, or without a period or a
 * staff list), rather than a report that is wrong somewhere: the two have their own messages.
 */
function notAReport(e: ErrorObject): boolean {
  if (e.instancePath === '') return e.keyword === 'type' || (e.keyword === 'required' && ['period', 'staff'].includes(String(e.params.missingProperty)));
  return (e.instancePath === '/period' || e.instancePath === '/staff') && e.keyword === 'type';
}
