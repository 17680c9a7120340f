// Lines joined with the line end each one is given (CR, LF or CRLF), as a file that mixes
// them: what the CSV readers must read as if every line ended alike.

/**
 * `lines[i] + ends[i]` for every line — except that an empty line after a CR, ended by LF,
 * is ended by CR instead: CR then LF is one CRLF, whatever the lines meant. The end looked
 * at is the one actually written before, which this rule may itself have changed.
 */
export function joinWithEnds(lines: readonly string[], ends: readonly string[]): string {
  let previous = '';
  return lines
    .map((line, i) => {
      const end = line === '' && previous === '\r' && ends[i] === '\n' ? '\r' : ends[i]!;
      previous = end;
      return line + end;
    })
    .join('');
}
