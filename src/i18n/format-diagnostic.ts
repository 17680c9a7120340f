// Renders a diagnostic as one line for stderr:
//   policy.yaml:12:7: weights-sum: message
//   tickets.csv: row 118, column 解决时间: bad-time: message
// Warnings carry the word "warning" before the code. The line is for a terminal: control
// characters from the data (a name, a value, a file name) are shown escaped.
import type { Diagnostic, SourceLocation } from '../errors.js';
import { t } from './catalogue.js';
import type { Language } from './language.js';
import { terminalSafe } from '../text/terminal-safe.js';

export function formatLocation(location: SourceLocation, language: Language): string {
  if (location.line !== undefined) {
    return `${location.file}:${location.line}:${location.col ?? 1}`;
  }
  if (location.row !== undefined) {
    const where =
      location.column !== undefined
        ? t(language, 'location-row-column', { row: location.row, column: location.column })
        : t(language, 'location-row', { row: location.row });
    return `${location.file}: ${where}`;
  }
  return location.file;
}

export function formatDiagnostic(diagnostic: Diagnostic, language: Language): string {
  const prefix = diagnostic.location ? `${formatLocation(diagnostic.location, language)}: ` : '';
  const severity = diagnostic.severity === 'warning' ? `${t(language, 'severity-warning')} ` : '';
  return terminalSafe(`${prefix}${severity}${diagnostic.code}: ${t(language, diagnostic.code, diagnostic.params)}`);
}
