// How wide text is in a terminal or on paper: Chinese characters and full-width forms take
// two columns (half-em units), Latin letters and digits one. The wizard's and the
// evaluator's summaries line up their tables with it, the Word layout sizes columns by it,
// the Excel report sets column widths. Pure.

/**
 * Han ideographs, CJK punctuation and symbols, kana, Hangul, full-width forms. A rough cut of
 * Unicode East Asian Width F/W that covers what Chinese documents contain.
 */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

export function isWide(char: string): boolean {
  return WIDE.test(char);
}

/** WIDE, every match: a wide character counts once more than a narrow one. */
const EVERY_WIDE = new RegExp(WIDE.source, 'gu');
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Columns of a text: one per character (not per UTF-16 unit), two for a wide one. */
export function displayWidth(text: string): number {
  // Counted by two searches rather than a test per character: the Word writer measures every
  // table cell and paragraph this way, some of them many times.
  if (!/[^ -~]/.test(text)) return text.length;
  const characters = text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
  return characters + (text.match(EVERY_WIDE)?.length ?? 0);
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/**
 * Breaks a line into lines of at most `width` columns: between words, or between two
 * Chinese characters (which need no space); a word longer than the width is cut.
 * Chinese punctuation stays with the character before it.
 */
export function wrapLine(text: string, width: number): string[] {
  if (width < 4 || displayWidth(text) <= width) return [text];
  // Pieces: a run of spaces, a word, or one wide character — each with the opening
  // punctuation before it (which may not end a line) and the closing punctuation after it
  // (which may not start one).
  // A Latin word keeps its typographic apostrophes (company’s), though they lie in the range of wide characters.
  const pieces = text.match(/\s+|[（《「『【“]*(?:[^\s\u1100-\uFFE6]|[\u2018\u2019](?=[^\s\u1100-\uFFE6]))*[^\s\u1100-\uFFE6][\u2018\u2019]?[，。、；：！？）》」』】”]*|[（《「『【“]*[\s\S][，。、；：！？）》」』】”,.;:!?)]*/gu) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (displayWidth(line + piece) <= width) {
      line += piece;
      continue;
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = /^\s+$/.test(piece) ? '' : piece;
    while (displayWidth(line) > width) {
      let cut = '';
      for (const char of line) {
        if (displayWidth(cut + char) > width) break;
        cut += char;
      }
      lines.push(cut);
      line = line.slice(cut.length);
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** `wrapLine` for each line of a text. */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}

/**
 * `wrapText` for lists: a line's leading spaces and bullet ("- ", "· ", "> ") hang, so its
 * continuation lines start under its text rather than at the margin.
 */
export function wrapHanging(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const bullet = /^\s*(?:[-·>*] )?/.exec(line)?.[0] ?? '';
      if (bullet === '' || displayWidth(bullet) > width / 2) return wrapLine(line, width);
      const indent = ' '.repeat(displayWidth(bullet));
      return wrapLine(line.slice(bullet.length), width - indent.length).map((part, index) => (index === 0 ? bullet : indent) + part);
    })
    .join('\n');
}
