// Text made safe to put into XML or HTML: the one escaper for every writer that builds
// markup by hand (the HTML document, the Word document's properties, the streamed sample
// workbook). Pure; never decides what a caller's markup looks like, only how text sits in it.

/**
 * Characters that corrupt a Word document (XML 1.0 forbids them) or that no one meant:
 * C0/C1 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripControlCharacters(text: string): string {
  return text.replace(UNWANTED, '');
}

/**
 * Which quotes become entities. Element text needs none (`none`); an attribute in double
 * quotes needs `"` (`double`); HTML escapes both so that any attribute quoting is safe
 * (`all`). Each writer keeps the choice it has always made, so its bytes do not change.
 */
export type QuoteEscaping = 'none' | 'double' | 'all';

const SPECIAL: Readonly<Record<QuoteEscaping, RegExp>> = { none: /[&<>]/g, double: /[&<>"]/g, all: /[&<>"']/g };
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The text with markup characters as entities and the characters XML cannot hold dropped. */
export function escapeXml(text: string, quotes: QuoteEscaping = 'all'): string {
  return stripControlCharacters(text).replace(SPECIAL[quotes], (c) => ENTITY[c] ?? c);
}
