// Word documents opened as a person would: LibreOffice converts them to PDF, and the PDF's
// text, fonts and the place of each line are what a reader sees. The policy documents (the
// presets, the one the walkthrough drafts, and table cases) and the demo's result notices, in
// Chinese and English, all in ONE LibreOffice run: it costs about 5 s of CPU to start. Its
// profile is its own, so parallel runs do not collide; FONTCONFIG_FILE maps 宋体/黑体 to the
// Noto CJK faces (as a Chinese Windows machine would have them); the repository keeps that file.
// A notice's sign-off never stands alone on a page; a date, a value with its unit and a KPI
// name with its team note are never broken across lines; the last page is the appeal form the
// notice points to, filled in for the person.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPreset } from './helpers/presets.js';
import { buildPolicyView } from '../src/render/policy-view.js';
import { toChineseNumeral } from '../src/text/chinese-numerals.js';
import { markdownToDocx } from '../src/render/markdown-to-docx.js';
import { isLeadIn, parseMarkdownDocument, plainText } from '../src/render/markdown-document.js';
import { renderPolicyMarkdown } from '../src/render/render-policy.js';
import { readTemplateSet } from '../src/render/templates.js';
import { FLOW_ANSWERS } from './helpers/flow-answers.js';
import { convertAllToPdf, libreOfficeAvailable as tools, pdfLines, type Pdf } from './helpers/libreoffice.js';
import { ROOT } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';
import { sharedDemo } from './helpers/shared-demo.js';

const policyTitle = tools
  ? 'the Word document in LibreOffice'
  : 'the Word document in LibreOffice — SKIPPED: soffice or poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed; .ci/run installs them';

/** Paragraphs of filler text, and a table of grades of so many rows, for the table test. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}段。${'这是一段用来占满页面的正文文字，'.repeat(3)}到此为止。`).join('\n\n');
const table = (rows: number) => '| 等级 | 名称 | 奖金系数 |\n|:---:|:---:|:---:|\n' + Array.from({ length: rows }, (_, i) => `| r${String(i + 1).padStart(2, '0')} | 名称 | 1.${i} |`).join('\n');
/** With 8 to 10 paragraphs before it, the short table would start near the foot of the first page. */
const TABLE_CASES = [['short-8', 8, 6], ['short-9', 9, 6], ['short-10', 10, 6], ['long-9', 9, 30]] as const;

const noticeTitle = tools ? 'result notices in LibreOffice' : 'result notices in LibreOffice — SKIPPED: soffice or poppler-utils is not installed; .ci/run installs them';

interface Notice {
  readonly label: string;
  readonly language: 'zh-CN' | 'en';
  readonly markdown: string;
  pdf?: Pdf;
}

/** A page's lines without its running header and footer, and without blank lines. */
function body(page: string): string[] {
  return page
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => !/绩效考核结果通知书\s*$|Performance Result Notice\s*$|^\s*第\s*\d+\s*页|^\s*Page \d+ of \d+\s*$/.test(line));
}

/** A text as a pattern that allows the spaces pdftotext puts between Chinese and digits, on one line. */
const onOneLine = (text: string) => new RegExp(text.replace(/\s+/g, '').split('').map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' ?'));

/** The folder of the documents and their PDFs: made when LibreOffice is there to convert them. */
let dir = '';
/** The policy documents' PDFs, by name. */
const pdfs: Record<string, Pdf> = {};
const presets = ['medium.zh-CN', 'medium.en', 'large.zh-CN', 'large.en'];
const notices: Notice[] = [];

/** The policy documents: each preset, the walkthrough's drafted policy, and the table cases. */
async function policyDocuments(): Promise<{ name: string; file: string }[]> {
  const documents = await Promise.all(
    presets.map(async (name) => {
      const docx = join(dir, `${name}.docx`);
      const run = await runMain(['render', join(ROOT, 'presets', `${name}.yaml`), '-o', docx]);
      if (run.status !== 0) throw new Error(run.stderr);
      return docx;
    }),
  );
  // The policy of the whole flow (full-flow.test.ts), drafted from the same answers.
  writeFileSync(join(dir, 'answers.yaml'), FLOW_ANSWERS);
  for (const args of [
    ['init', '--answers', 'answers.yaml', '-o', 'drafted.yaml'],
    ['render', 'drafted.yaml', '-o', 'drafted.docx'],
  ]) {
    const run = await runMain(args, { cwd: dir });
    if (run.status !== 0) throw new Error(run.stderr);
  }
  documents.push(join(dir, 'drafted.docx'));
  // The documents of the table test below.
  for (const [name, paragraphs, rows] of TABLE_CASES) {
    const markdown = `# 测试\n\n${filler(paragraphs)}\n\n**第九条\u3000奖金系数**\u3000各等级的奖金系数如下：\n\n${table(rows)}\n\n表后的一段正文。\n`;
    const file = join(dir, `${name}.docx`);
    writeFileSync(file, await markdownToDocx(markdown, { language: 'zh-CN', title: name }));
    documents.push(file);
  }
  const names = [...presets, 'drafted', ...TABLE_CASES.map(([name]) => name)];
  return documents.map((file, i) => ({ name: names[i]!, file }));
}

/** The demo's notices this file reads, copied out of the shared demos (their folders are read only). */
async function noticeDocuments(): Promise<string[]> {
  const staged = join(dir, 'staged');
  mkdirSync(staged);
  // The run's shared demos (helpers/shared-demo.ts), read only: the notices are copied out.
  // English asked first: demo-cli.test.ts asks for Chinese first, so that when the two files
  // start together each worker makes one, rather than one worker making both as the other waits.
  const demos = { en: await sharedDemo('en'), 'zh-CN': await sharedDemo('zh-CN') };
  for (const language of ['zh-CN', 'en'] as const) {
    const { dir: demo, run } = demos[language];
    if (run.status !== 0) throw new Error(run.stderr);
    const pick = (period: string, which: (markdown: string) => boolean) => {
      const folder = join(demo, 'notices', period);
      const file = readdirSync(folder)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .find((f) => which(readFileSync(join(folder, f), 'utf8')));
      if (!file) throw new Error(`no notice of ${period} fits`);
      const label = `${language}-${period}-${file.replace(/\.md$/, '')}`;
      copyFileSync(join(folder, file.replace(/\.md$/, '.docx')), join(staged, `${label}.docx`));
      notices.push({ label, language, markdown: readFileSync(join(folder, file), 'utf8') });
    };
    // A quarter's notice (the one that once left its sign-off alone on page 4), one with an
    // appeal approved on a date in a crowded table, and a month's with a team KPI.
    pick('2026-Q3', () => true);
    pick('2026-Q3', (md) => /^\| SS-/m.test(md));
    pick('2026-09', (md) => md.includes('（班组）') || md.includes('(team)') || language === 'en');
  }
  return notices.map((n) => join(staged, `${n.label}.docx`));
}

beforeAll(async () => {
  if (!tools) return;
  dir = mkdtempSync(join(tmpdir(), 'aspm-lo-'));
  const policies = await policyDocuments();
  const noticeFiles = await noticeDocuments();
  const converted = convertAllToPdf([...policies.map((p) => p.file), ...noticeFiles], dir);
  policies.forEach(({ name }, i) => (pdfs[name] = converted[i]!));
  notices.forEach((notice, i) => (notice.pdf = converted[policies.length + i]!));
}, 600_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!tools)(policyTitle, () => {
  it('opens the Word document of the whole flow: chapters, footer and a Chinese font', () => {
    const pdf = pdfs['drafted']!;
    expect(pdf.text).toContain('华东家电服务有限公司');
    expect(pdf.text).toMatch(/第一章\s+总则/);
    expect(pdf.text).toMatch(/第十一章\s+附则/);
    // Numbered from the page after the cover, which counts as page 1.
    expect(pdf.text).toMatch(/第\s*2\s*页\s*共\s*\d+\s*页/);
    expect(pdf.text.split('\f')[0]).not.toMatch(/第\s*1\s*页/);
    expect(pdf.fonts).toMatch(/CJK/);
  });

  it('shows every chapter heading and every article number of the Chinese policy', async () => {
    const { text } = pdfs['medium.zh-CN']!;
    const view = buildPolicyView(await loadPreset('medium.zh-CN'));
    for (const title of ['总则', '职责', '绩效目标', '考核指标', '岗位权重', '考核周期与方法', '评分规则与绩效等级', '结果应用', '绩效申诉', '绩效管理流程', '附则']) {
      expect(text).toMatch(new RegExp(`第[一二三四五六七八九十]+章\\s+${title}`));
    }
    for (let n = 1; n <= view.articleCount; n++) expect(text).toContain(`第${toChineseNumeral(n)}条`);
    expect(text).toMatch(/第一条\s+目的/);
    expect(text).toMatch(/附件一\s+绩效考核表/);
    expect(text).toMatch(/附件二\s+绩效申诉表/);
  });

  it('shows the contents, the tables and their values', () => {
    const { text } = pdfs['medium.zh-CN']!;
    expect(text).toMatch(/目\s*录/);
    expect(text).toContain('首次响应时长');
    expect(text).toContain('售后工单系统');
    expect(text).toMatch(/客服专员\s+维修技术员\s+服务主管/);
    expect(text).toMatch(/S\s+卓越\s+得分 ≥ 90/);
    expect(text).toContain('客服专员绩效考核表');
    expect(text).toMatch(/被考核人\s+考核人\s+审批人/);
  });

  it('sizes the columns of the medium KPI table by their content, so that the table is shorter than a page', () => {
    const lines = pdfLines(join(dir, 'medium.zh-CN.pdf'));
    const footer = /^第 \d+ 页/;
    // The table's header row on each page it spans (repeated on the next), and the article after it.
    const heads = lines.filter((l) => l.text === '指标' && lines.some((o) => o.page === l.page && Math.abs(o.top - l.top) < 2 && o.text === '定义与计算公式'));
    const next = lines.find((l) => /^第十三条/.test(l.text))!;
    expect(heads.length).toBeGreaterThan(0);
    let height = 0;
    for (const head of heads) {
      const body = lines.filter((l) => l.page === head.page && !footer.test(l.text) && (head.page !== next.page || l.bottom < next.top));
      height += Math.max(...body.map((l) => l.bottom)) - head.top;
    }
    // A page's room for text: from its running header to its footer.
    const page = lines.filter((l) => l.page === heads[0]!.page);
    const room = page.find((l) => footer.test(l.text))!.top - Math.min(...page.map((l) => l.bottom));
    expect(height / room).toBeLessThan(1);
  });

  it('keeps KPI names of six characters on one line in the KPI table and the forms', () => {
    for (const name of ['medium.zh-CN', 'large.zh-CN']) {
      const { text } = pdfs[name]!;
      expect(text).toMatch(/^\s*首次响应时长\s/m);
      // A name broken in its cell leaves its first five characters alone at the start of a line.
      expect(text, name).not.toMatch(/^\s*(首次响应时|平均解决时|单均维修成|改进建议采纳)(\s{2,}|$)/m);
    }
  });

  it.each(presets)('starts every page of the %s assessment forms with the form’s name or its continuation heading', (name) => {
    const { text } = pdfs[name]!;
    const pages = text.split('\f');
    const zh = name.endsWith('zh-CN');
    const first = pages.findIndex((p) => (zh ? /附件一\s+绩效考核表/ : /Appendix 1 Performance Assessment Forms/).test(p));
    const last = pages.findIndex((p) => (zh ? /附件二\s+绩效申诉表/ : /Appendix 2 Performance Appeal Form/).test(p));
    expect(first).toBeGreaterThan(0);
    const formPages = pages.slice(first, last);
    const heading = zh ? /^\s*(附件一\s+绩效考核表|\S+绩效考核表(（续）)?)\s*$/ : /^\s*(Appendix 1 Performance Assessment Forms|Performance Assessment Form: .+)$/;
    for (const [i, page] of formPages.entries()) {
      // The first line after the page header is the form's name (or 续 / continued), never a table moved over.
      const lines = page.split('\n').filter((line) => line.trim() !== '');
      expect(lines[1], `page ${first + i + 1}`).toMatch(heading);
    }
    // Each form ends with its signatures; a form of two pages or more has its continuation heading.
    const forms = formPages.join('\f').split(zh ? /(?=\n\s*\S+绩效考核表\s*\n)/ : /(?=\n\s*Performance Assessment Form: [^\n]+\n)/).filter((f) => /考核表|Form:/.test(f));
    for (const form of forms) {
      expect(form).toMatch(zh ? /被考核人\s+直属主管/ : /Employee\s+Supervisor/);
      if (form.includes('\f')) expect(form).toMatch(zh ? /绩效考核表（续）/ : /\(continued\)/);
    }
  });

  it('numbers every page 第 X 页 共 Y 页', () => {
    const { text, pages } = pdfs['medium.zh-CN']!;
    expect(pages).toBeGreaterThan(10);
    // The cover counts as page 1 but carries no number.
    expect(text.split('\f')[0]).not.toContain('第 1 页');
    expect(text).toContain(`第 2 页 共 ${pages} 页`);
    expect(text).toContain(`第 ${pages} 页 共 ${pages} 页`);
  });

  it('embeds a CJK font, so no character shows as a box', () => {
    const { fonts, text } = pdfs['medium.zh-CN']!;
    const cjk = fonts.split('\n').filter((line) => /CJK/i.test(line));
    expect(cjk.length).toBeGreaterThan(0);
    for (const line of cjk) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    expect(text).not.toContain('\uFFFD');
  });

  it('shows the English policy the same way', () => {
    const { text, pages } = pdfs['medium.en']!;
    expect(text).toContain('Chapter 1 General Provisions');
    expect(text).toContain('Chapter 11 Supplementary Provisions');
    expect(text).toMatch(/Article 1 Purpose\./);
    expect(text).toContain('Contents');
    expect(text).toContain(`Page 2 of ${pages}`);
    expect(text.split('\f')[0]).not.toContain('Page 1 of');
    expect(text).toContain('Appendix 2 Performance Appeal Form');
  });

  /** The text of each page, without the running header and the page number, one trimmed line per entry. */
  const bodyLines = (pdf: Pdf) =>
    pdf.text.split('\f').map((page) =>
      page
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !/^(第 \d+ 页 共 \d+ 页|Page \d+ of \d+)$/.test(line)),
    );
  const squeeze = (text: string) => text.replace(/[\s\u3000]+/g, '');

  it.each(presets)('%s: the contents give the page each chapter and appendix starts on', (name) => {
    const pages = bodyLines(pdfs[name]!);
    const contents = pages.findIndex((lines) => lines.some((l) => /^(目\s*录|Contents)$/.test(l)));
    expect(contents).toBeGreaterThan(-1);
    const entries = pages[contents]!.flatMap((line) => {
      const m = /^(.*?)\s*\.{3,}\s*(\d+)$/.exec(line);
      return m ? [{ title: squeeze(m[1]!), page: Number(m[2]) }] : [];
    });
    expect(entries.length).toBeGreaterThanOrEqual(12);
    for (const { title, page } of entries) {
      // The page the heading is on (1-based, as the footer counts): the first after the contents.
      const at = pages.findIndex((lines, i) => i > contents && lines.some((l) => squeeze(l) === title));
      expect(at + 1, `${name}: ${title}`).toBe(page);
    }
  });

  it.each(presets)('%s: no page ends with a heading or a line that introduces what follows', async (name) => {
    const policy = await loadPreset(name);
    const markdown = renderPolicyMarkdown(policy, await readTemplateSet(policy.meta.language));
    const blocks = parseMarkdownDocument(markdown);
    const leadIns = blocks.flatMap((b, i) => (isLeadIn(b, blocks[i + 1]) && b.kind === 'paragraph' ? [squeeze(plainText(b.inline)).slice(-12)] : []));
    const headings = blocks.flatMap((b) => (b.kind === 'heading' ? [squeeze(b.text)] : []));
    expect(leadIns.length).toBeGreaterThan(3);
    bodyLines(pdfs[name]!).forEach((lines, i) => {
      const last = squeeze(lines[lines.length - 1] ?? '');
      if (last === '') return;
      expect(headings.includes(last), `${name} p${i + 1} ends with the heading ${last}`).toBe(false);
      expect(leadIns.some((tail) => last.endsWith(tail)), `${name} p${i + 1} ends with the lead-in …${last}`).toBe(false);
    });
  });

  it('keeps a short table on one page with the paragraph that introduces it, and lets a long one break', () => {
    const [short8, short9, short10, long] = TABLE_CASES.map(([name]) => pdfs[name]!.text.split('\f'));
    const pageOf = (pages: string[], text: string) => pages.findIndex((p) => p.includes(text));
    for (const pages of [short8!, short9!, short10!]) {
      expect(pageOf(pages, 'r01')).toBe(pageOf(pages, '第九条'));
      expect(pageOf(pages, 'r06')).toBe(pageOf(pages, '第九条'));
    }
    // The long table starts on the first page and goes on to the second under its header row.
    expect(pageOf(long!, 'r01')).toBe(0);
    expect(pageOf(long!, 'r30')).toBe(1);
    expect(long![1]).toMatch(/等级\s+名称\s+奖金系数/);
  });
});

describe.skipIf(!tools)(noticeTitle, () => {
  it('never puts the sign-off on a page without the appeal section it closes', () => {
    for (const notice of notices) {
      const pages = notice.pdf!.text.split('\f');
      const zh = notice.language === 'zh-CN';
      const signed = pages.findIndex((p) => (zh ? /员工确认/ : /Acknowledgement/).test(p));
      expect(signed, notice.label).toBeGreaterThanOrEqual(0);
      const page = body(pages[signed]!);
      // The page opens with the appeal section's heading, or holds it above the sign-off.
      expect(page.some((line) => (zh ? /^\s*[一二三四五六七八九十]+、申诉\s*$/ : /^\s*\d+\. How to appeal\s*$/).test(line)), `${notice.label}: page ${signed + 1}\n${page.join('\n')}`).toBe(true);
      expect(page.join('\n'), notice.label).toMatch(zh ? /逾期未提出申诉的，视为对本结果无异议。/ : /A result not appealed by the deadline is taken as accepted\./);
    }
  });

  it('keeps dates, values with their units and a KPI name with its team note on one line', () => {
    for (const notice of notices) {
      const text = notice.pdf!.text;
      // Every date of a table (approval dates, the period's header) appears whole on a line.
      const dates = [...notice.markdown.matchAll(/\| (\d{4}年\d{1,2}月\d{1,2}日|\d{1,2} [A-Z][a-z]+ \d{4}) \|/g)].map((m) => m[1]!);
      expect(dates.length, notice.label).toBeGreaterThan(0);
      for (const date of dates) expect(text, `${notice.label}: ${date}`).toMatch(notice.language === 'zh-CN' ? onOneLine(date) : new RegExp(date));
      if (notice.language === 'zh-CN') {
        // 23.52 分 / 钟: a value in minutes broken inside its unit.
        expect(text, notice.label).not.toMatch(/\d+\.\d{2} ?分(?!钟)/);
        // The charts' descriptions (image lines) are not printed: the pictures are.
        const printed = notice.markdown.replace(/^!\[.*$/gm, '');
        for (const name of printed.match(/[^\s|]+（班组）/g) ?? []) expect(text, `${notice.label}: ${name}`).toContain(name);
      }
    }
    const adjusted = notices.filter((n) => /^\| SS-/m.test(n.markdown));
    expect(adjusted.length).toBe(2);
    expect(notices.some((n) => n.markdown.includes('（班组）'))).toBe(true);
  });

  it('ends with the appeal form, on a page of its own, filled in for the person', () => {
    for (const notice of notices) {
      const pages = notice.pdf!.text.split('\f').filter((p) => p.trim() !== '');
      const zh = notice.language === 'zh-CN';
      const heading = zh ? /附件二\s+绩效申诉表/ : /Appendix 2 Performance Appeal Form/;
      const last = pages.at(-1)!;
      expect(last, notice.label).toMatch(heading);
      expect(pages.slice(0, -1).some((p) => heading.test(p)), notice.label).toBe(false);
      const name = /\| \*\*(?:姓\u3000\u3000名|Name)\*\* \| ([^|]+?) \|/.exec(notice.markdown)![1]!;
      const id = /\| \*\*(?:工\u3000\u3000号|Staff id)\*\* \| ([^|]+?) \|/.exec(notice.markdown)![1]!;
      const total = /^\| \*\*(\d+\.\d{2})\*\* \|/m.exec(notice.markdown)?.[1];
      expect(last, notice.label).toMatch(zh ? new RegExp(`申\\s*诉\\s*人\\s+${name}\\s+工\\s*号\\s+${id}`) : new RegExp(`Employee\\s+${name}\\s+Staff ID\\s+${id}`));
      if (total) expect(last, notice.label).toContain(total);
      // The whole form on the one page: its last line is there.
      expect(last, notice.label).toMatch(zh ? /申诉人确认[\s\S]*申诉人签字/ : /Employee's acknowledgement[\s\S]*Employee's signature/);
    }
  });
});
