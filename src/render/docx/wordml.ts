// WordprocessingML written as text: paragraph and run properties, runs, fields and
// paragraphs, for the parts of a Word document (body, styles, header and footer). Each
// properties element writes its children in the order the OOXML schema gives them (ECMA-376
// Part 1, CT_PPrBase and CT_RPr): Word rejects a file whose children are out of order even
// where LibreOffice reads it. Text is escaped here and nowhere else. Pure.
import { escapeXml } from '../../text/escape-xml.js';

export type Justification = 'left' | 'center' | 'right' | 'both';

/** The four faces of a run: Latin (ascii, hAnsi), East Asian, and complex script. */
export interface Fonts {
  readonly ascii: string;
  readonly hAnsi: string;
  readonly eastAsia: string;
  readonly cs: string;
}

export function fonts(eastAsia: string, latin: string): Fonts {
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin };
}

/** Spacing in twips; `line` in 240ths of a line (lineRule auto). */
export interface Spacing {
  readonly before?: number;
  readonly after?: number;
  readonly line?: number;
}

export interface Indent {
  readonly left?: number;
  readonly hanging?: number;
  readonly firstLine?: number;
  readonly firstLineChars?: number;
}

export interface TabStop {
  readonly type: 'left' | 'right';
  readonly position: number;
  readonly leader?: 'dot';
}

export interface ParagraphProperties {
  readonly style?: string;
  /** True writes the flag, false writes it off (as a style may have set it), absent writes nothing. */
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly pageBreakBefore?: boolean;
  readonly widowControl?: boolean;
  /** A line under the paragraph: width in eighths of a point, distance in points. */
  readonly bottomBorder?: { readonly size: number; readonly color: string; readonly space: number };
  readonly tabs?: readonly TabStop[];
  readonly spacing?: Spacing;
  readonly indent?: Indent;
  readonly alignment?: Justification;
  readonly outlineLevel?: number;
}

export interface RunProperties {
  readonly style?: string;
  readonly fonts?: Fonts;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly strike?: boolean;
  readonly color?: string;
  /** In half-points. */
  readonly size?: number;
  readonly underline?: boolean;
  /** Languages of Latin and of East Asian text. */
  readonly language?: { readonly latin: string; readonly eastAsia: string };
}

/** An attribute value or element text, escaped. */
export const attr = (value: string | number): string => escapeXml(String(value), 'double');
export const text = (value: string): string => escapeXml(value, 'none');

/** An on/off property: `<w:x/>` when on, `<w:x w:val="false"/>` when set off, nothing when unset. */
function toggle(name: string, value: boolean | undefined): string {
  return value === undefined ? '' : value ? `<w:${name}/>` : `<w:${name} w:val="false"/>`;
}

function spacing(s: Spacing): string {
  const parts = [s.after === undefined ? '' : ` w:after="${s.after}"`, s.before === undefined ? '' : ` w:before="${s.before}"`, s.line === undefined ? '' : ` w:line="${s.line}" w:lineRule="auto"`];
  return `<w:spacing${parts.join('')}/>`;
}

function indent(i: Indent): string {
  const parts = [
    i.left === undefined ? '' : ` w:left="${i.left}"`,
    i.hanging === undefined ? '' : ` w:hanging="${i.hanging}"`,
    i.firstLine === undefined ? '' : ` w:firstLine="${i.firstLine}"`,
    i.firstLineChars === undefined ? '' : ` w:firstLineChars="${i.firstLineChars}"`,
  ];
  return `<w:ind${parts.join('')}/>`;
}

/** The children of w:pPr, in schema order (pStyle, keepNext, keepLines, pageBreakBefore, widowControl, pBdr, tabs, spacing, ind, jc, outlineLvl). */
export function paragraphPropertiesContent(p: ParagraphProperties): string {
  let out = '';
  if (p.style !== undefined) out += `<w:pStyle w:val="${attr(p.style)}"/>`;
  out += toggle('keepNext', p.keepNext);
  out += toggle('keepLines', p.keepLines);
  if (p.pageBreakBefore) out += '<w:pageBreakBefore/>';
  out += toggle('widowControl', p.widowControl);
  if (p.bottomBorder) out += `<w:pBdr><w:bottom w:val="single" w:color="${p.bottomBorder.color}" w:sz="${p.bottomBorder.size}" w:space="${p.bottomBorder.space}"/></w:pBdr>`;
  if (p.tabs && p.tabs.length > 0) {
    out += `<w:tabs>${p.tabs.map((t) => `<w:tab w:val="${t.type}" w:pos="${t.position}"${t.leader ? ` w:leader="${t.leader}"` : ''}/>`).join('')}</w:tabs>`;
  }
  if (p.spacing) out += spacing(p.spacing);
  if (p.indent) out += indent(p.indent);
  if (p.alignment) out += `<w:jc w:val="${p.alignment}"/>`;
  if (p.outlineLevel !== undefined) out += `<w:outlineLvl w:val="${p.outlineLevel}"/>`;
  return out;
}

export function paragraphProperties(p: ParagraphProperties): string {
  const content = paragraphPropertiesContent(p);
  return content === '' ? '' : `<w:pPr>${content}</w:pPr>`;
}

/** The children of w:rPr, in schema order (rStyle, rFonts, b, bCs, i, iCs, strike, color, sz, szCs, u, lang). */
export function runPropertiesContent(r: RunProperties): string {
  let out = '';
  if (r.style !== undefined) out += `<w:rStyle w:val="${attr(r.style)}"/>`;
  if (r.fonts) out += `<w:rFonts w:ascii="${attr(r.fonts.ascii)}" w:cs="${attr(r.fonts.cs)}" w:eastAsia="${attr(r.fonts.eastAsia)}" w:hAnsi="${attr(r.fonts.hAnsi)}"/>`;
  out += toggle('b', r.bold) + toggle('bCs', r.bold);
  out += toggle('i', r.italic) + toggle('iCs', r.italic);
  if (r.strike) out += '<w:strike/>';
  if (r.color !== undefined) out += `<w:color w:val="${r.color}"/>`;
  if (r.size !== undefined) out += `<w:sz w:val="${r.size}"/><w:szCs w:val="${r.size}"/>`;
  if (r.underline) out += '<w:u w:val="single"/>';
  if (r.language) out += `<w:lang w:val="${attr(r.language.latin)}" w:eastAsia="${attr(r.language.eastAsia)}"/>`;
  return out;
}

export function runProperties(r: RunProperties): string {
  const content = runPropertiesContent(r);
  return content === '' ? '' : `<w:rPr>${content}</w:rPr>`;
}

/** A run of text; the text is escaped (and stripped of characters XML cannot hold). */
export function textRun(value: string, properties: RunProperties = {}): string {
  return `<w:r>${runProperties(properties)}<w:t xml:space="preserve">${text(value)}</w:t></w:r>`;
}

export const LINE_BREAK_RUN = '<w:r><w:br/></w:r>';
export const TAB_RUN = '<w:r><w:tab/></w:r>';

/**
 * A field whose result the application works out (PAGE, NUMPAGES): begin, instruction,
 * separate and end each in a run of their own, with no cached result.
 */
export function simpleField(instruction: string): string {
  return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${text(instruction)}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
}

/** A field written dirty in one run: Word and WPS work its result out when the file opens. */
export function dirtyField(instruction: string): string {
  return `<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/><w:instrText xml:space="preserve">${text(instruction)}</w:instrText><w:fldChar w:fldCharType="separate"/><w:fldChar w:fldCharType="end"/></w:r>`;
}

/** A paragraph of the given properties around content already written as XML. */
export function paragraph(properties: ParagraphProperties, content: string): string {
  return `<w:p>${paragraphProperties(properties)}${content}</w:p>`;
}
