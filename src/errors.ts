// The one error path: a user-fixable problem is a Diagnostic (code + parameters + where)
// or an AspmError that carries them. Neither holds text; the CLI entry turns them into
// messages in the user's language and into exit codes.
import type { MessageArgs, MessageCode, MessageParamsOf } from './i18n/catalogue.js';
import type { MessageParams } from './i18n/translate.js';

export type Severity = 'error' | 'warning';

/** Where a problem is: a position in a text file, or a row and column of a table. */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
  /** Row as a spreadsheet shows it: the header is row 1. */
  readonly row?: number;
  readonly column?: string;
}

export interface Diagnostic {
  readonly code: MessageCode;
  readonly severity: Severity;
  readonly params: MessageParams;
  readonly location?: SourceLocation;
}

export type ExitCode = 1 | 2;

export interface AspmErrorOptions {
  readonly exitCode?: ExitCode;
  readonly location?: SourceLocation;
  /** Findings that explain the failure, printed one per line before the message. */
  readonly diagnostics?: readonly Diagnostic[];
  readonly cause?: unknown;
}

/** The parameters then the options, as the message `C` needs them. */
type AspmErrorArgs<C extends MessageCode> = MessageArgs<C> extends [params: infer P] ? [params: P, options?: AspmErrorOptions] : [params?: MessageParamsOf<C>, options?: AspmErrorOptions];

/**
 * A problem the user can fix. Exit 1 for bad input, 2 for a usage mistake. `C` only checks
 * the parameters against the message when the error is made.
 */
export class AspmError<C extends MessageCode = MessageCode> extends Error {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly exitCode: ExitCode;
  readonly location: SourceLocation | undefined;
  readonly diagnostics: readonly Diagnostic[];

  constructor(code: C, ...args: AspmErrorArgs<C>);
  // Plain parameters in the body, as in t(): the generic types are for the caller.
  constructor(code: MessageCode, params: MessageParams = {}, options: AspmErrorOptions = {}) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AspmError';
    this.code = code;
    this.params = params;
    this.exitCode = options.exitCode ?? 1;
    this.location = options.location;
    this.diagnostics = options.diagnostics ?? [];
  }
}

/** A mistake in how a command was called (exit 2). */
export function usageError<C extends MessageCode>(code: C, ...params: MessageArgs<C>): AspmError;
export function usageError(code: MessageCode, params: MessageParams = {}): AspmError {
  return new AspmError<MessageCode>(code, params, { exitCode: 2 });
}

export function isAspmError(value: unknown): value is AspmError {
  return value instanceof AspmError;
}

export function error<C extends MessageCode>(code: C, params: MessageParamsOf<C>, location?: SourceLocation): Diagnostic;
export function error(code: MessageCode, params: MessageParams, location?: SourceLocation): Diagnostic {
  return location ? { code, severity: 'error', params, location } : { code, severity: 'error', params };
}

export function warning<C extends MessageCode>(code: C, params: MessageParamsOf<C>, location?: SourceLocation): Diagnostic;
export function warning(code: MessageCode, params: MessageParams, location?: SourceLocation): Diagnostic {
  return location ? { code, severity: 'warning', params, location } : { code, severity: 'warning', params };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
