import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../i18n/format-diagnostic.js';
import { terminalSafe } from './terminal-safe.js';

describe('terminalSafe', () => {
  it('shows escape sequences, BEL, C1 controls and bidi overrides as escapes; keeps lines, tabs and Chinese', () => {
    expect(terminalSafe('\x1b[31m红\x1b[0m')).toBe('\\x1b[31m红\\x1b[0m');
    expect(terminalSafe('\x1b]0;title\x07')).toBe('\\x1b]0;title\\x07');
    expect(terminalSafe('a\x9bb\rc\u202ed')).toBe('a\\x9bb\\x0dc\\u202ed');
    expect(terminalSafe('张伟\tE1\n')).toBe('张伟\tE1\n');
  });
});

describe('formatDiagnostic (a terminal line)', () => {
  it('escapes control characters of a staff id in a warning and of a file name in its location', () => {
    const line = formatDiagnostic({ code: 'file-not-found', severity: 'error', params: { path: 'a\x1b[2Jb' }, location: { file: 't\x07.csv', row: 3 } }, 'en');
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(line).toContain('a\\x1b[2Jb');
    expect(line).toContain('t\\x07.csv');
  });
});
