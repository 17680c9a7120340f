// The Word package aspm writes, checked as Word reads it: every part well-formed, the
// children of every properties element in the order the OOXML schema gives (Word rejects
// a file otherwise, even where LibreOffice is lenient), every part typed and reached by a
// relationship, pictures embedded once and referenced, and the same bytes for the same input.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { markdownToDocx, type DocxImage } from '../markdown-to-docx.js';
import type { DocumentOptions } from '../document-options.js';

/** An element of a parsed part: its name, attributes and child elements (text is left out). */
interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: Element[];
}

/**
 * A strict reader for the XML these parts use (declaration, elements, attributes in double
 * quotes, text, the five entities and numeric ones): throws on anything else, a tag closed
 * out of turn, an attribute given twice, or a raw `<` or `&` in text.
 */
function parseXml(xml: string): Element {
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${at}: ${xml.slice(Math.max(0, at - 40), at + 40)}`);
  };
  const checkText = (value: string) => {
    for (let i = 0; i < value.length; i++) {
      if (value[i] === '<') fail('raw <');
      if (value[i] === '&') {
        entity.lastIndex = i;
        if (!entity.test(value)) fail('raw &');
      }
    }
  };
  if (xml.startsWith('<?xml')) at = xml.indexOf('?>') + 2;
  const stack: Element[] = [];
  let root: Element | undefined;
  while (at < xml.length) {
    const open = xml.indexOf('<', at);
    if (open === -1) {
      checkText(xml.slice(at));
      if (xml.slice(at).trim() !== '') fail('text after the root');
      break;
    }
    checkText(xml.slice(at, open));
    at = open;
    const close = xml.indexOf('>', at);
    if (close === -1) fail('unclosed tag');
    const tag = xml.slice(at + 1, close);
    if (tag.startsWith('/')) {
      const top = stack.pop();
      if (top?.name !== tag.slice(1)) fail(`</${tag.slice(1)}> closes <${top?.name}>`);
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const name = /^[A-Za-z_][\w.:-]*/.exec(body)?.[0] ?? fail('bad tag name');
      const attributes: Record<string, string> = {};
      const rest = body.slice(name.length);
      const attribute = /\s+([A-Za-z_][\w.:-]*)="([^"<]*)"/y;
      let p = 0;
      while (p < rest.length) {
        attribute.lastIndex = p;
        const m = attribute.exec(rest);
        if (!m) {
          if (rest.slice(p).trim() === '') break;
          fail('bad attribute');
        }
        if (m![1]! in attributes) fail(`attribute ${m![1]} twice`);
        checkText(m![2]!);
        attributes[m![1]!] = m![2]!;
        p = attribute.lastIndex;
      }
      const element: Element = { name, attributes, children: [] };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else if (root) fail('a second root');
      else root = element;
      if (!selfClosing) stack.push(element);
    }
    at = close + 1;
  }
  if (stack.length > 0 || !root) fail('unclosed elements');
  return root!;
}

function* walk(element: Element): Generator<Element> {
  yield element;
  for (const child of element.children) yield* walk(child);
}

/**
 * The order of children the schema gives (ECMA-376 Part 1, wml.xsd: CT_PPrBase + CT_PPr,
 * EG_RPrBase, CT_TblPr, CT_TcPr, CT_SectPr, CT_TblBorders, CT_TcMar, CT_Style; dml-wordprocessingDrawing.xsd:
 * CT_Inline). Names on one line share a place (a choice).
 */
const SCHEMA_ORDER: Record<string, readonly string[]> = {
  'w:pPr': `pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap
    overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc
    textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange`.split(/\s+/),
  'w:rPr': `rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern
    position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath`.split(/\s+/),
  'w:tblPr': 'tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription'.split(' '),
  'w:tcPr': 'cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange'.split(' '),
  'w:sectPr': `headerReference|footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote
    titlePg textDirection bidi rtlGutter docGrid printerSettings sectPrChange`.split(/\s+/),
  'w:tblBorders': 'top left bottom right insideH insideV'.split(' '),
  'w:tcMar': 'top left bottom right'.split(' '),
  'w:tblCellMar': 'top left bottom right'.split(' '),
  'w:style': 'name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr'.split(' '),
  'wp:inline': 'extent effectExtent docPr cNvGraphicFramePr a:graphic'.split(' '),
};

/** Where a child stands in its parent's order; -1 for a child the schema does not allow there. Names without a prefix are in the parent's namespace. */
function rank(parent: string, child: string): number {
  const prefix = parent.slice(0, parent.indexOf(':') + 1);
  return SCHEMA_ORDER[parent]!.findIndex((entry) => entry.split('|').some((name) => (name.includes(':') ? name : prefix + name) === child));
}

/** Children out of the schema's order (or not allowed) in every properties element of a part. */
function orderProblems(root: Element): string[] {
  const problems: string[] = [];
  for (const element of walk(root)) {
    if (!(element.name in SCHEMA_ORDER)) continue;
    const ranks = element.children.map((c) => rank(element.name, c.name));
    ranks.forEach((r, i) => {
      const child = element.children[i]!.name;
      if (r === -1) problems.push(`${element.name} holds ${child}`);
      else if (i > 0 && r < ranks[i - 1]!) problems.push(`${element.name}: ${child} after ${element.children[i - 1]!.name}`);
      else if (i > 0 && r === ranks[i - 1]! && !SCHEMA_ORDER[element.name]![r]!.includes('|')) problems.push(`${element.name}: ${child} twice`);
    });
  }
  // w:p and w:r take their properties first.
  for (const element of walk(root)) {
    if ((element.name === 'w:p' || element.name === 'w:r') && element.children.slice(1).some((c) => c.name === `${element.name}Pr`)) problems.push(`${element.name}Pr not first`);
  }
  return problems;
}

/** A picture's bytes: the PNG signature and then bytes of its own, so each can be told apart. */
const png = (seed: number): Uint8Array => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 64 }, (_, i) => (i * seed) % 256)]);

const RICH = [
  '# 标题 & <公司>',
  '[[toc]]',
  '## 第一章　总则',
  '正文 **加粗** *斜体* ~~删除~~ `代码` [链接](https://example.com/a?b=1&c=2) 和 [再链接](https://example.com/a?b=1&c=2) 与 [邮件](mailto:a@b.c)。  \n换行后。',
  '- 第一项\n- 第二项\n  - 嵌套项\n\n1. 有序\n2. 有序二',
  '> 引用的段落',
  '```\ncode <2> & more\n```',
  '各等级的系数如下：',
  '| 等级 | 系数 | 说明 |\n|:---|:---:|---:|\n| S | 1.5 | 很好 |\n| A |   | 好 |',
  '| 员工确认 | 签字：  日期： |\n|---|---|\n| 签 | 日 |',
  '---',
  '## 第二章　附则',
  '**图一**',
  '![图一 "说明" & 更多](one.png)',
  '![图二](two.png)',
  '![图一再现](one.png)',
  '![没有图](missing.png)',
  '### 小节',
  '最后一段。',
].join('\n\n');

const OPTIONS: DocumentOptions = { language: 'zh-CN', title: '制度 <&>', subject: '主题', creator: '公司', company: 'A & B', description: '说明', keywords: '绩效', header: '页眉 <x>', cover: true };
const IMAGES = new Map<string, DocxImage>([
  ['one.png', { png: png(3), width: 400, height: 200 }],
  ['two.png', { png: png(7), width: 1200, height: 300 }],
]);

describe('the Word package', () => {
  const build = () => markdownToDocx(RICH, OPTIONS, IMAGES);

  it('gives the same bytes for the same Markdown and options', async () => {
    const [a, b] = [await build(), await build()];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // And the options count: another header is another file.
    expect(Buffer.from(await markdownToDocx(RICH, { ...OPTIONS, header: 'other' }, IMAGES)).equals(Buffer.from(a))).toBe(false);
  });

  it('has well-formed XML in every part, properties in schema order', async () => {
    const files = unzipSync(await build());
    const xmlParts = Object.keys(files).filter((name) => /\.(xml|rels)$/.test(name));
    expect(xmlParts.length).toBeGreaterThanOrEqual(10);
    let checked = 0;
    for (const name of xmlParts) {
      const root = parseXml(strFromU8(files[name]!));
      expect(orderProblems(root), name).toEqual([]);
      checked += [...walk(root)].filter((e) => e.name in SCHEMA_ORDER).length;
    }
    // The rich document exercises each kind of properties element.
    const document = parseXml(strFromU8(files['word/document.xml']!));
    const kinds = new Set([...walk(document)].map((e) => e.name));
    for (const kind of ['w:pPr', 'w:rPr', 'w:tblPr', 'w:tcPr', 'w:sectPr', 'w:tblBorders', 'w:tcMar', 'wp:inline']) expect(kinds, kind).toContain(kind);
    expect(checked).toBeGreaterThan(100);
  });

  it('catches a properties element out of order (the check itself)', () => {
    const bad = parseXml('<w:p><w:pPr><w:jc w:val="left"/><w:pStyle w:val="X"/></w:pPr><w:r><w:t>x</w:t><w:rPr/></w:r></w:p>');
    expect(orderProblems(bad)).toEqual(['w:pPr: w:pStyle after w:jc', 'w:rPr not first']);
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a>x & y</a>')).toThrow();
  });

  it('lists every part in [Content_Types].xml, and reaches every part by a relationship that points at one', async () => {
    const files = unzipSync(await build());
    const names = Object.keys(files);
    expect(names[0]).toBe('[Content_Types].xml');
    const types = parseXml(strFromU8(files['[Content_Types].xml']!));
    const defaults = new Map(types.children.filter((e) => e.name === 'Default').map((e) => [e.attributes.Extension!, e.attributes.ContentType!]));
    const overrides = new Map(types.children.filter((e) => e.name === 'Override').map((e) => [e.attributes.PartName!, e.attributes.ContentType!]));
    for (const part of overrides.keys()) expect(names, part).toContain(part.slice(1));
    for (const name of names.filter((n) => n !== '[Content_Types].xml')) {
      const type = overrides.get(`/${name}`) ?? defaults.get(name.slice(name.lastIndexOf('.') + 1));
      expect(type, name).toBeDefined();
    }
    expect(overrides.get('/word/document.xml')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
    expect(defaults.get('png')).toBe('image/png');

    // Relationships: from the package and from the document; each internal target is a part, and every part but the rels and the types is a target.
    const targets = new Set<string>();
    const relsOf = (source: string, folder: string) => {
      const rels = parseXml(strFromU8(files[source]!)).children;
      for (const r of rels.filter((e) => e.attributes.TargetMode !== 'External')) {
        const target = folder + r.attributes.Target!;
        expect(names, `${source}: ${r.attributes.Id}`).toContain(target);
        targets.add(target);
      }
      return new Map(rels.map((r) => [r.attributes.Id!, r.attributes]));
    };
    relsOf('_rels/.rels', '');
    const documentRels = relsOf('word/_rels/document.xml.rels', 'word/');
    expect(names.filter((n) => !targets.has(n) && !n.endsWith('.rels') && n !== '[Content_Types].xml')).toEqual([]);

    // Every r:id and r:embed in the body names a relationship of the right kind.
    const document = parseXml(strFromU8(files['word/document.xml']!));
    const type = (id: string) => documentRels.get(id)?.Type?.split('/').pop();
    const used = [...walk(document)].flatMap((e) => Object.entries(e.attributes).filter(([k]) => k === 'r:id' || k === 'r:embed').map(([, id]) => [e.name, id] as const));
    for (const [element, id] of used) {
      const expected = { 'w:hyperlink': 'hyperlink', 'a:blip': 'image', 'w:headerReference': 'header', 'w:footerReference': 'footer' }[element];
      expect(type(id), `${element} ${id}`).toBe(expected);
    }
    // One relationship for an address linked twice, and the address as written.
    const links = [...documentRels.values()].filter((r) => r.Type!.endsWith('/hyperlink'));
    expect(links.map((r) => [r.Target, r.TargetMode])).toEqual([
      ['https://example.com/a?b=1&amp;c=2', 'External'],
      ['mailto:a@b.c', 'External'],
    ]);
  });

  it('embeds each picture once, as the bytes given, and shows it where the Markdown does', async () => {
    const files = unzipSync(await build());
    const media = Object.keys(files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    const rels = parseXml(strFromU8(files['word/_rels/document.xml.rels']!)).children;
    const target = (id: string) => `word/${rels.find((r) => r.attributes.Id === id)!.attributes.Target}`;
    const document = parseXml(strFromU8(files['word/document.xml']!));
    const blips = [...walk(document)].filter((e) => e.name === 'a:blip').map((e) => target(e.attributes['r:embed']!));
    // one, two, one again; the missing picture shows its words.
    expect(blips).toHaveLength(3);
    expect(blips[0]).toBe(blips[2]);
    expect(Buffer.from(files[blips[0]!]!).equals(Buffer.from(png(3)))).toBe(true);
    expect(Buffer.from(files[blips[1]!]!).equals(Buffer.from(png(7)))).toBe(true);
    expect(strFromU8(files['word/document.xml']!)).toContain('>没有图<');
    // Drawings have ids of their own; sizes in EMU keep the picture's proportions, no wider than the text (8,306 twips).
    const inlines = [...walk(document)].filter((e) => e.name === 'wp:inline');
    const ids = inlines.map((i) => i.children.find((c) => c.name === 'wp:docPr')!.attributes.id);
    expect(new Set(ids).size).toBe(3);
    const extents = inlines.map((i) => i.children.find((c) => c.name === 'wp:extent')!.attributes).map((a) => [Number(a.cx), Number(a.cy)]);
    // 400 × 200 pt is 533 × 267 px; 1,200 pt is wider than the text (8,306 / 15 = 553.7 px): 554 × 138.5 px.
    expect(extents[0]).toEqual([533 * 9525, 267 * 9525]);
    expect(extents[1]).toEqual([554 * 9525, 138 * 9525]);
    expect(inlines[0]!.children.find((c) => c.name === 'wp:docPr')!.attributes.descr).toBe('图一 &quot;说明&quot; &amp; 更多');
  });

  it('carries the properties escaped, and no clock', async () => {
    const files = unzipSync(await build());
    const core = strFromU8(files['docProps/core.xml']!);
    expect(core).toContain('<dc:title>制度 &lt;&amp;&gt;</dc:title>');
    expect(core).toContain('<cp:keywords>绩效</cp:keywords>');
    expect(core).not.toContain('dcterms:created');
    expect(strFromU8(files['docProps/app.xml']!)).toContain('<Company>A &amp; B</Company>');
    expect(strFromU8(files['word/header1.xml']!)).toContain('>页眉 &lt;x&gt;<');
  });

  it('is dated by the date it is given (the effective date of a policy, the result date of a notice), never by the clock', async () => {
    const dated = async (date: string) => strFromU8(unzipSync(await markdownToDocx(RICH, { ...OPTIONS, date }, IMAGES))['docProps/core.xml']!);
    const core = await dated('2026-10-01');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-10-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-10-01T00:00:00Z</dcterms:modified>');
    // Only a calendar date is written: anything else would make the part invalid.
    expect(await dated('2026-10-01T08:00<x>')).not.toContain('dcterms:created');
  });
});
