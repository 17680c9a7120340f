// report.json read back (by `--history`): its format version, then the report schema, so
// that what aspm reads is exactly what it writes (schemas/src/report.schema.yaml), or an
// error naming the file and, for each finding, its JSON path and what is wrong. Pure.
import type { ReportFile } from './report.generated.js';

/**
 * The format of report.json that this aspm writes, and the newest it reads. Raise it (with
 * the schema's `format_version` const) when a change would make an older aspm misread a
 * report; the type ties the two.
 */
export const REPORT_FORMAT_VERSION: ReportFile['format_version'] = 1;
