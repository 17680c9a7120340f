// The parts of a Word document around its body, and the ZIP that holds them: content types,
// the package's and the document's relationships, core and extended properties, settings,
// headers and footers, pictures. Each part listed in [Content_Types].xml is in the package
// and each relationship points at one. No dates in the core properties: the same document
// gives the same bytes (Word takes the file's own dates). Pure: bytes out.
import { zipArchive } from '../../io/zip-archive.js';
import { attr, text } from './wordml.js';
import { W_NAMESPACE } from './styles-part.js';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
/** The relationships namespace (`r:`), and the stem of every relationship type in it. */
const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

/** The namespaces of the document and of its headers and footers: WordprocessingML, relationships, pictures. */
export const BODY_NAMESPACES =
  `xmlns:w="${W_NAMESPACE}" xmlns:r="${RELATIONSHIP}" ` +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

export type RelationshipType = 'styles' | 'settings' | 'header' | 'footer' | 'hyperlink' | 'image';

export interface Relationship {
  readonly id: string;
  readonly type: RelationshipType;
  /** A part's path relative to word/, or an external address (hyperlinks). */
  readonly target: string;
}

/** What a document is made of: its body, its parts by path under word/, and the document's relationships. */
export interface DocxContent {
  readonly document: string;
  readonly styles: string;
  /** Headers and footers by file name (header1.xml …), each a whole part. */
  readonly headersAndFooters: ReadonlyMap<string, string>;
  /** Pictures by file name (image1.png …). */
  readonly media: ReadonlyMap<string, Uint8Array>;
  readonly relationships: readonly Relationship[];
  readonly properties: DocxProperties;
}

export interface DocxProperties {
  readonly title: string;
  readonly subject?: string;
  readonly creator: string;
  readonly keywords?: string;
  readonly description?: string;
  readonly company?: string;
  /** YYYY-MM-DD: created and last modified (none without it: the same input gives the same bytes, so never the clock). */
  readonly date?: string;
}

/** Word's settings: tab stops every half inch, and Word 2013's layout rules (not a compatibility mode). */
const SETTINGS =
  XML_DECLARATION +
  `<w:settings xmlns:w="${W_NAMESPACE}">` +
  '<w:defaultTabStop w:val="720"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '</w:settings>';

function contentTypes(content: DocxContent): string {
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  const headersAndFooters = [...content.headersAndFooters.keys()].map((name) => override(`word/${name}`, `${WORD}.${name.startsWith('header') ? 'header' : 'footer'}+xml`));
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    (content.media.size > 0 ? '<Default Extension="png" ContentType="image/png"/>' : '') +
    override('word/document.xml', `${WORD}.document.main+xml`) +
    override('word/styles.xml', `${WORD}.styles+xml`) +
    override('word/settings.xml', `${WORD}.settings+xml`) +
    headersAndFooters.join('') +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

function relationships(list: readonly { id: string; type: string; target: string; external?: boolean }[]): string {
  return (
    XML_DECLARATION +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    list.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${attr(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`).join('') +
    '</Relationships>'
  );
}

const PACKAGE_RELATIONSHIPS = relationships([
  { id: 'rId1', type: `${RELATIONSHIP}/officeDocument`, target: 'word/document.xml' },
  { id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
  { id: 'rId3', type: `${RELATIONSHIP}/extended-properties`, target: 'docProps/app.xml' },
]);

function coreProperties(p: DocxProperties): string {
  const element = (name: string, value: string | undefined) => (value ? `<${name}>${text(value)}</${name}>` : '');
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${text(p.title)}</dc:title>` +
    element('dc:subject', p.subject) +
    element('dc:creator', p.creator) +
    element('cp:keywords', p.keywords) +
    element('dc:description', p.description) +
    element('cp:lastModifiedBy', p.creator) +
    '<cp:revision>1</cp:revision>' +
    (p.date ? `<dcterms:created xsi:type="dcterms:W3CDTF">${p.date}T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${p.date}T00:00:00Z</dcterms:modified>` : '') +
    '</cp:coreProperties>'
  );
}

/** Extended properties: Word shows the company from here. */
function appProperties(p: DocxProperties): string {
  return (
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>aspm</Application>' +
    (p.company ? `<Company>${text(p.company)}</Company>` : '') +
    '</Properties>'
  );
}

/** The .docx file of a document's parts. */
export function packDocx(content: DocxContent): Uint8Array {
  const utf8 = (value: string) => Buffer.from(value, 'utf8');
  const parts: [string, Uint8Array][] = [
    ['[Content_Types].xml', utf8(contentTypes(content))],
    ['_rels/.rels', utf8(PACKAGE_RELATIONSHIPS)],
    ['docProps/core.xml', utf8(coreProperties(content.properties))],
    ['docProps/app.xml', utf8(appProperties(content.properties))],
    ['word/document.xml', utf8(content.document)],
    ['word/_rels/document.xml.rels', utf8(relationships(content.relationships.map((r) => ({ id: r.id, type: `${RELATIONSHIP}/${r.type}`, target: r.target, external: r.type === 'hyperlink' }))))],
    ['word/styles.xml', utf8(content.styles)],
    ['word/settings.xml', utf8(SETTINGS)],
    ...[...content.headersAndFooters].map(([name, xml]): [string, Uint8Array] => [`word/${name}`, utf8(xml)]),
    ...[...content.media].map(([name, png]): [string, Uint8Array] => [`word/media/${name}`, png]),
  ];
  return zipArchive(parts);
}
