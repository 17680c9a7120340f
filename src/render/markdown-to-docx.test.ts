import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPreset } from '../../test/helpers/presets.js';
import type { Policy } from '../policy/policy.generated.js';
import { markdownToDocx } from './markdown-to-docx.js';
import { policyDocumentOptions, renderPolicyMarkdown } from './render-policy.js';
import { readTemplateSet } from './templates.js';

type Parts = Record<string, string>;

function unzip(bytes: Uint8Array): Parts {
  const parts: Parts = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (/\.(xml|rels)$/.test(name)) parts[name] = strFromU8(data);
  return parts;
}

async function renderDocx(policy: Policy): Promise<Uint8Array> {
  const markdown = renderPolicyMarkdown(policy, await readTemplateSet(policy.meta.language));
  return markdownToDocx(markdown, policyDocumentOptions(policy));
}

describe('Markdown → Word (Chinese policy)', () => {
  let policy: Policy;
  let parts: Parts;
  let document: string;
  let styles: string;
  beforeAll(async () => {
    policy = await loadPreset('medium.zh-CN');
    parts = unzip(await renderDocx(policy));
    document = parts['word/document.xml'] ?? '';
    styles = parts['word/styles.xml'] ?? '';
  });

  it('gives the same word/document.xml every time', async () => {
    const again = unzip(await renderDocx(policy));
    expect(again['word/document.xml']).toBe(document);
    expect(again['word/styles.xml']).toBe(styles);
  });

  it('is A4 with normal margins', () => {
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800"/);
  });

  it('sets 宋体 小四 as the East Asian body font, zh-CN as the East Asian language, 1.5 lines', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('w:eastAsia="宋体"');
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(defaults).toContain('<w:sz w:val="24"/>');
    expect(defaults).toMatch(/<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/);
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="360" w:lineRule="auto"/);
  });

  it('indents body paragraphs by two characters', () => {
    const body = /<w:style w:type="paragraph" w:styleId="BodyText">[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(body).toMatch(/w:firstLineChars="200"/);
    expect(document).toContain('<w:pStyle w:val="BodyText"/>');
  });

  it('has black 黑体 headings (not Word blue) and a 二号 title', () => {
    for (const id of ['Title', 'Heading1', 'Heading2']) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
      expect(style, id).toContain('w:eastAsia="黑体"');
      expect(style, id).toContain('<w:color w:val="000000"/>');
    }
    expect(/<w:style w:type="paragraph" w:styleId="Title">[\s\S]*?<\/w:style>/.exec(styles)?.[0]).toContain('<w:sz w:val="44"/>');
    const headingColours = [...styles.matchAll(/w:styleId="Heading\d"[\s\S]*?<\/w:style>/g)].flatMap((m) => [...m[0].matchAll(/<w:color w:val="([0-9A-F]+)"/g)].map((c) => c[1]));
    expect(new Set(headingColours)).toEqual(new Set(['000000']));
  });

  it('has chapter headings as Heading 1 and an outline for the navigation pane', () => {
    const paragraphs = document.match(/<w:p>.*?<\/w:p>/g) ?? [];
    const chapter = paragraphs.find((p) => p.includes('>第一章　总则<') && !p.includes('TOC'));
    expect(chapter).toContain('<w:pStyle w:val="Heading1"/>');
    expect(styles).toMatch(/w:styleId="Heading1">[\s\S]*?<w:outlineLvl w:val="0"\/>/);
  });

  it('lists every chapter in the contents with a page number field to a bookmark on its heading', () => {
    const entries = [...document.matchAll(/<w:p><w:pPr><w:pStyle w:val="TOC(\d)"\/>(.*?)<\/w:p>/g)];
    const titles = entries.map((e) => /<w:t xml:space="preserve">([^<]*)<\/w:t>/.exec(e[2]!)?.[1]);
    expect(titles).toContain('第一章　总则');
    expect(titles).toContain('第十一章　附则');
    expect(titles).toContain('附件二　绩效申诉表');
    for (const [, , body] of entries) {
      const name = /PAGEREF (_Toc\d+)/.exec(body!)?.[1];
      expect(name, body).toBeDefined();
      // Written dirty: Word and WPS work the number out when the file opens; LibreOffice as it lays out.
      expect(body).toContain('w:fldCharType="begin" w:dirty="true"');
      expect(body).toContain(`w:anchor="${name}"`);
      // The bookmark stands on a heading (a paragraph of a Heading style), once.
      expect(document.split(`w:name="${name}"`)).toHaveLength(2);
      expect(document, name).toMatch(new RegExp(`<w:pStyle w:val="Heading\\d"/>(<w:pageBreakBefore/>)?</w:pPr><w:bookmarkStart w:name="${name}" w:id="\\d+"/>`));
    }
    // Not a TOC field: LibreOffice would show its cached (empty) numbers.
    expect(document).not.toContain('TOC \\o');
  });

  it('writes bordered tables with column widths in DXA, a repeated header row, rows that do not split', () => {
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
    expect(document).toMatch(/<w:tblW w:type="dxa" w:w="8306"\/>/);
    expect(document).toMatch(/<w:gridCol w:w="\d+"\/>/);
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:cantSplit/>');
    expect(document).toMatch(/<w:tblBorders><w:top w:val="single" w:color="000000" w:sz="4"/);
    for (const grid of document.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)) {
      const widths = [...(grid[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
      expect(widths.reduce((a, b) => a + b, 0)).toBe(8306);
    }
  });

  it('has a 第 X 页 共 Y 页 footer and a header from the second page, and a cover without a page number', () => {
    const footerOf = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`).exec(document)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(parts['word/_rels/document.xml.rels'] ?? '')?.[1];
      return parts[`word/${target}`] ?? '';
    };
    expect(footerOf('default')).toMatch(/第 <\/w:t>[\s\S]*PAGE[\s\S]*页 共 [\s\S]*NUMPAGES[\s\S]*页/);
    expect(footerOf('first')).toContain('<w:ftr');
    expect(footerOf('first')).not.toContain('PAGE');
    expect(document).toContain('<w:titlePg/>');
  });

  it('carries the title, subject and company in its properties', () => {
    expect(parts['docProps/core.xml']).toContain('<dc:title>示例科技有限公司售后服务绩效管理制度</dc:title>');
    expect(parts['docProps/core.xml']).toContain('<dc:subject>售后服务绩效管理制度</dc:subject>');
    expect(parts['docProps/core.xml']).toContain('<dc:creator>示例科技有限公司</dc:creator>');
    expect(parts['docProps/app.xml']).toContain('<Company>示例科技有限公司</Company>');
  });
});

describe('Markdown → Word (general)', () => {
  it('uses Western fonts for an English document, and fonts and sizes from the options', async () => {
    const english = unzip(await markdownToDocx('# Title\n\nText.\n', { language: 'en', title: 'T' }))['word/styles.xml'] ?? '';
    expect(english).toContain('w:ascii="Times New Roman"');
    expect(/w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(english)?.[0]).toContain('w:ascii="Arial"');
    const custom = unzip(
      await markdownToDocx('# 标题\n\n正文。\n', { language: 'zh-CN', title: 'T', bodyFont: '仿宋', headingFont: '楷体', bodySizePt: 14, titleSizePt: 26, lineSpacing: 2 }),
    )['word/styles.xml'] ?? '';
    expect(custom).toContain('w:eastAsia="仿宋"');
    expect(custom).toContain('w:eastAsia="楷体"');
    expect(custom).toContain('<w:sz w:val="28"/>');
    expect(custom).toContain('<w:sz w:val="52"/>');
    expect(custom).toMatch(/w:line="480" w:lineRule="auto"/);
  });

  it('strips control characters that would corrupt the file', async () => {
    const xml = unzip(await markdownToDocx('# T\u0007itle\n\nA\u0000B\u001bC\n', { language: 'en', title: 'x\u0001y' }));
    expect(xml['word/document.xml']).toContain('>ABC<');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(xml['word/document.xml']).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml['docProps/core.xml']).toContain('<dc:title>xy</dc:title>');
  });

  it('makes a page break of ---, and rows to write in of empty cells', async () => {
    const xml = unzip(await markdownToDocx('Before\n\n---\n\nAfter\n\n| Note |\n|---|\n|   |\n', { language: 'en', title: 'x' }))['word/document.xml'] ?? '';
    expect(xml).toMatch(/<w:pageBreakBefore\/>[\s\S]*After/);
    expect(xml).toMatch(/<w:trHeight w:val="\d+" w:hRule="atLeast"\/>/);
  });
});

describe('Markdown → Word (tables on pages, forms)', () => {
  const docx = async (markdown: string) => unzip(await markdownToDocx(markdown, { language: 'zh-CN', title: 't' }))['word/document.xml'] ?? '';
  const tables = (xml: string) => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
  /** For each row of a table: whether its cells keep with the next paragraph. */
  const rowKeeps = (table: string) => (table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map((row) => row.includes('<w:keepNext/>'));
  const rows = (n: number) => '| 等级 | 系数 |\n|---|---|\n' + Array.from({ length: n }, (_, i) => `| ${i} | 1.0 |`).join('\n') + '\n';

  it('keeps a short table on one page with its introduction: every row keeps with the next but the last', async () => {
    const xml = await docx(`各等级的系数如下：\n\n${rows(5)}\n表后正文。\n`);
    expect(rowKeeps(tables(xml)[0] ?? '')).toEqual([true, true, true, true, true, false]);
    expect(/<w:p>(?:(?!<\/w:p>).)*各等级的系数如下/.exec(xml)?.[0]).toContain('<w:keepNext/>');
  });

  it('lets a long table break between rows, under its repeated header row', async () => {
    const keeps = rowKeeps(tables(await docx(rows(30)))[0] ?? '');
    expect(keeps[0]).toBe(true); // the header row stays with the first row
    expect(keeps.slice(1).every((keep) => !keep)).toBe(true);
  });

  it('makes rows to write in at least 0.8 cm high', async () => {
    const xml = await docx('| 考核指标 | 实际值 | 得分 |\n|---|---|---|\n| 客户满意度 |   |   |\n');
    const height = Number(/<w:trHeight w:val="(\d+)" w:hRule="atLeast"\/>/.exec(xml)?.[1]);
    expect(height).toBeGreaterThanOrEqual(Math.round(0.8 * 567));
  });

  it('shows a form’s continuation heading only where the form goes on to a next page', async () => {
    const part = (title: string, n: number) => `**${title}**\n\n| 项目 | 得分 |\n|---|---|\n${'| 项目 |   |\n'.repeat(n)}\n`;
    const continued = '[[continued]]\n\n**考核表（续）**\n\n[[/continued]]\n\n';
    const short = await docx(`### 考核表\n\n${part('一、', 4)}${continued}${part('二、', 4)}`);
    expect(short).not.toContain('考核表（续）');
    expect(short).not.toContain('continued');
    const long = await docx(`### 考核表\n\n${part('一、', 22)}${continued}${part('二、', 8)}`);
    expect(long).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*考核表（续）/);
  });
  it('keeps the words before a closing sign-off with it, back to the heading, but not a long text', async () => {
    const paragraph = (text: string, xml: string) => new RegExp(`<w:p>(?:(?!</w:p>).)*${text}`).exec(xml)?.[0] ?? '';
    const signOff = '| 员工确认 | 签字：  日期： |\n|---|---|\n| 签 | 日 |\n';
    const notice = `#### 六、申诉\n\n如有异议，请于五个工作日内申诉。\n\n逾期未提出申诉的，视为无异议。\n\n售后服务部  2026年10月16日\n\n${signOff}\n---\n\n## 附件二 绩效申诉表\n`;
    const xml = await docx(notice);
    for (const text of ['如有异议', '逾期未提出申诉', '售后服务部']) expect(paragraph(text, xml), text).toContain('<w:keepNext/>');
    // Text that runs longer than a third of a page keeps only what introduces the table.
    const long = await docx(`#### 六、申诉\n\n${'很长的正文。'.repeat(400)}\n\n售后服务部  2026年10月16日\n\n${signOff}`);
    expect(paragraph('很长的正文', long)).not.toContain('<w:keepNext/>');
    // A table in the middle of a text is not a sign-off.
    const middle = await docx(`开头的正文。\n\n${signOff}\n后面的正文。\n`);
    expect(paragraph('开头的正文', middle)).toContain('<w:keepNext/>');
    expect(paragraph('后面的正文', middle)).not.toContain('<w:keepNext/>');
  });
});
