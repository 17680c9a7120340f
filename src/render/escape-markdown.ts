// Text from a policy, made safe to put into Markdown: it must come out literally, whatever it
// holds (`A|B *C* <b>`, `{{x}}`, `# not a heading`), and never break the paragraph or the
// table cell it sits in. Handlebars' own escaping is for HTML and wrong here, so templates
// are compiled with `noEscape` and call these through the `md` and `cell` helpers. Pure.
import { stripControlCharacters } from '../text/escape-xml.js';
import { breakVanishes, joinLines } from './cjk-text.js';

/**
 * Characters with a meaning anywhere in a line of Markdown (CommonMark + GFM tables):
 * emphasis, code, links, strikethrough, table cells, backslash escapes. `<` only where it
 * could open an autolink (`<http://…>`), `&` only where it could start an entity (`&amp;`).
 */
const INLINE_SPECIAL = /[\\`*_[\]|~]|<(?=\S)|&(?=[#A-Za-z])/g;

/**
 * At the start of a line these begin a heading, a list, a quote, a thematic break or a
 * heading underline.
 */
const LINE_START_SPECIAL = /^(?:#|>|=|[-+](?=[\s\-+=]|$)|(\d{1,9})([.)])(?=\s|$))/;

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, (c) => '\\' + c);
}

function escapeLine(line: string): string {
  return escapeInline(line).replace(LINE_START_SPECIAL, (whole, digits?: string, delimiter?: string) =>
    digits !== undefined ? `${digits}\\${delimiter}` : `\\${whole}`,
  );
}

/**
 * Spaces that only a line fold put there (YAML `>` joins lines with a space): between two
 * Chinese characters, or next to full-width punctuation. Spaces between Chinese and Latin
 * text (`App 等渠道`, `不低于 95%`) stay.
 */
function closeUpChinese(line: string): string {
  return line.replace(/(\S) +(?=(\S))/gu, (whole, before: string, after: string) => (breakVanishes(before, after) ? before : whole));
}

function normalise(text: string): string[] {
  return stripControlCharacters(String(text))
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .split('\n')
    .map((line) => closeUpChinese(line.trim()))
    .filter((line) => line !== '');
}

/**
 * Escapes text for a Markdown paragraph, heading or list item. Line breaks stay soft breaks
 * (blank lines are closed up, so the text cannot start a new block); leading spaces go, so
 * no line becomes code.
 */
export function escapeMarkdown(value: unknown): string {
  if (value === null || value === undefined) return '';
  return normalise(String(value)).map(escapeLine).join('\n');
}

/**
 * Escapes text for a table cell: on one line (a break would end the row), `|` escaped so it
 * does not end the cell. A cell never starts a block, so line starts need nothing.
 */
export function escapeMarkdownCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return escapeInline(joinLines(normalise(String(value))));
}
