// word/styles.xml: the document defaults (宋体 / Times New Roman at the body size, 1.5
// lines, widow control, Latin text in en-US and East Asian in zh-CN) and the styles the
// body uses: black 黑体 headings (Chinese; bold Arial in English), the title, body text with
// its first-line indent, table text, the contents, quotes, code and the page header. A
// style's children follow the schema's order (CT_Style: name, basedOn, next, uiPriority,
// semiHidden, unhideWhenUsed, qFormat, pPr, rPr, tblPr). Pure.
import type { ResolvedDocumentOptions } from '../document-options.js';
import { attr, fonts, paragraphPropertiesContent, runPropertiesContent, type ParagraphProperties, type RunProperties } from './wordml.js';

const BLACK = '000000';
export const W_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const half = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);
const line = (multiple: number) => Math.round(240 * multiple);

interface Style {
  readonly type: 'paragraph' | 'character' | 'table';
  readonly id: string;
  readonly name: string;
  readonly isDefault?: boolean;
  readonly basedOn?: string;
  readonly next?: string;
  readonly uiPriority?: number;
  readonly semiHidden?: boolean;
  readonly quickFormat?: boolean;
  readonly paragraph?: ParagraphProperties;
  readonly run?: RunProperties;
  /** Table properties, written as they are. */
  readonly table?: string;
}

function style(s: Style): string {
  const pPr = s.paragraph ? paragraphPropertiesContent(s.paragraph) : '';
  const rPr = s.run ? runPropertiesContent(s.run) : '';
  return (
    `<w:style w:type="${s.type}" w:styleId="${attr(s.id)}"${s.isDefault ? ' w:default="1"' : ''}>` +
    `<w:name w:val="${attr(s.name)}"/>` +
    (s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : '') +
    (s.next ? `<w:next w:val="${s.next}"/>` : '') +
    (s.uiPriority === undefined ? '' : `<w:uiPriority w:val="${s.uiPriority}"/>`) +
    (s.semiHidden ? '<w:semiHidden/><w:unhideWhenUsed/>' : '') +
    (s.quickFormat ? '<w:qFormat/>' : '') +
    (pPr ? `<w:pPr>${pPr}</w:pPr>` : '') +
    (rPr ? `<w:rPr>${rPr}</w:rPr>` : '') +
    (s.table ?? '') +
    '</w:style>'
  );
}

/** The styles part for a document of these options. */
export function stylesPart(options: ResolvedDocumentOptions): string {
  const chinese = options.language === 'zh-CN';
  const body = fonts(options.bodyFont, options.latinFont);
  const heading = fonts(options.headingFont, options.latinHeadingFont);
  const indent = twips(options.bodySizePt * 2);
  const lines = line(options.lineSpacing);
  // Chinese headings are 黑体, which needs no bold; Western headings are bold. Never Word's blue.
  const headingRun = (size: number): RunProperties => ({ fonts: heading, bold: !chinese, italic: false, color: BLACK, size: half(size) });
  const headingStyle = (level: number, size: number, centred: boolean, before: number): Style => ({
    type: 'paragraph',
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    paragraph: { keepNext: true, keepLines: true, spacing: { before, after: before, line: lines }, alignment: centred ? 'center' : 'left', outlineLevel: level - 1 },
    run: headingRun(size),
  });
  const single = { before: 0, after: 0, line: 240 };
  const styles: Style[] = [
    { type: 'paragraph', id: 'Normal', name: 'Normal', isDefault: true, quickFormat: true },
    { type: 'character', id: 'DefaultParagraphFont', name: 'Default Paragraph Font', isDefault: true, uiPriority: 1, semiHidden: true },
    {
      type: 'table',
      id: 'TableNormal',
      name: 'Normal Table',
      isDefault: true,
      uiPriority: 99,
      semiHidden: true,
      table: '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>',
    },
    {
      type: 'paragraph',
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      paragraph: { spacing: { before: 720, after: 720, line: 240 }, alignment: 'center' },
      run: { fonts: heading, bold: !chinese, color: BLACK, size: half(options.titleSizePt) },
    },
    headingStyle(1, 16, true, 240),
    headingStyle(2, 14, true, 200),
    headingStyle(3, options.bodySizePt, false, 120),
    headingStyle(4, options.bodySizePt, false, 120),
    headingStyle(5, options.bodySizePt, false, 120),
    headingStyle(6, options.bodySizePt, false, 120),
    { type: 'paragraph', id: 'ListParagraph', name: 'List Paragraph', basedOn: 'Normal', quickFormat: true, paragraph: { indent: { left: indent } } },
    { type: 'character', id: 'Hyperlink', name: 'Hyperlink', basedOn: 'DefaultParagraphFont', uiPriority: 99, run: { color: '1F4E79', underline: true } },
    {
      type: 'paragraph',
      id: 'BodyText',
      name: 'Body Text',
      basedOn: 'Normal',
      next: 'BodyText',
      quickFormat: true,
      paragraph: {
        spacing: { after: chinese ? 0 : 120 },
        ...(options.firstLineIndent ? { indent: { firstLine: indent, firstLineChars: 200 } } : {}),
        alignment: chinese ? 'both' : 'left',
      },
    },
    { type: 'paragraph', id: 'TableText', name: 'Table Text', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: single }, run: { size: half(options.tableSizePt) } },
    {
      type: 'paragraph',
      id: 'TOCHeading',
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { spacing: { before: 240, after: 360 }, alignment: 'center' },
      run: { fonts: heading, bold: !chinese, color: BLACK, size: half(16) },
    },
    { type: 'paragraph', id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { line: lines } } },
    { type: 'paragraph', id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { line: lines }, indent: { left: indent } } },
    { type: 'paragraph', id: 'BlockQuote', name: 'Block Quote', basedOn: 'BodyText', paragraph: { indent: { left: indent, firstLine: 0 } }, run: { color: '404040' } },
    {
      type: 'paragraph',
      id: 'CodeBlock',
      name: 'Code Block',
      basedOn: 'Normal',
      paragraph: { spacing: single, indent: { left: indent } },
      run: { fonts: fonts(options.bodyFont, 'Courier New'), size: half(Math.max(8, options.bodySizePt - 2)) },
    },
    { type: 'paragraph', id: 'PageHeader', name: 'header', basedOn: 'Normal', paragraph: { spacing: { line: 240 } }, run: { size: half(9) } },
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:styles xmlns:w="${W_NAMESPACE}">` +
    '<w:docDefaults>' +
    // Latin text (digits too) follows Western line breaking; Chinese text is zh-CN.
    `<w:rPrDefault><w:rPr>${runPropertiesContent({ fonts: body, size: half(options.bodySizePt), language: { latin: 'en-US', eastAsia: 'zh-CN' } })}</w:rPr></w:rPrDefault>` +
    // Widow and orphan control: a paragraph never leaves one line alone at the foot or the head of a page.
    `<w:pPrDefault><w:pPr>${paragraphPropertiesContent({ widowControl: true, spacing: { before: 0, after: 0, line: lines } })}</w:pPr></w:pPrDefault>` +
    '</w:docDefaults>' +
    styles.map(style).join('') +
    '</w:styles>'
  );
}
