// How a run ends: the exit codes beyond 0, 1 and 2, and an AspmError as the terminal shows
// it (its diagnostics, then `place: code: message`). Apart from main.ts, so that a command
// that needs them does not import the program that imports the command.
import type { AspmError } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import { formatDiagnostic, formatLocation } from '../i18n/format-diagnostic.js';
import type { Language } from '../i18n/language.js';
import { terminalSafe } from '../text/terminal-safe.js';

/** Exit code of an unexpected failure (a bug), distinct from 1 (bad input) and 2 (usage). */
export const EXIT_INTERNAL = 70;
/** Conventional exit code after Ctrl+C. */
export const EXIT_INTERRUPTED = 130;

/** An AspmError as the terminal shows it: its diagnostics, then `place: code: message`. */
export function formatAspmError(failure: AspmError, language: Language): string {
  const lines = failure.diagnostics.map((d) => formatDiagnostic(d, language));
  const where = failure.location ? `${formatLocation(failure.location, language)}: ` : '';
  lines.push(terminalSafe(`${where}${failure.code}: ${t(language, failure.code, failure.params)}`));
  return lines.join('\n');
}
