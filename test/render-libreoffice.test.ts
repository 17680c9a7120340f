// The Word document opened as a person would: LibreOffice converts it to PDF, and the PDF's
// text and fonts are what a reader sees. Each conversion gets its own LibreOffice profile so
// parallel runs do not collide. FONTCONFIG_FILE maps 宋体/黑体 to the Noto CJK faces (as a
// Chinese Windows machine would have them); the repository keeps that file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPreset } from './helpers/presets.js';
import { buildPolicyView } from '../src/render/policy-view.js';
import { toChineseNumeral } from '../src/render/chinese-numerals.js';
import { convertToPdf as convert, libreOfficeAvailable as tools, type Pdf } from './helpers/libreoffice.js';
import { ROOT, runCli } from './helpers/run-cli.js';

const title = tools
  ? 'the Word document in LibreOffice'
  : 'the Word document in LibreOffice — SKIPPED: soffice or poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed; .ci/run installs them';

describe.skipIf(!tools)(title, () => {
  const dir = mkdtempSync(join(tmpdir(), 'aspm-lo-'));
  const pdfs: Record<string, Pdf> = {};
  beforeAll(() => {
    for (const name of ['medium.zh-CN', 'medium.en']) {
      const docx = join(dir, `${name}.docx`);
      const run = runCli(['render', join(ROOT, 'presets', `${name}.yaml`), '-o', docx]);
      if (run.status !== 0) throw new Error(run.stderr);
      pdfs[name] = convert(docx, dir);
    }
  }, 360_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    expect(text).toMatch(/被考核人\s+直属主管\s+部门经理\s+人力资源部/);
  });

  it('numbers every page 第 X 页 共 Y 页', () => {
    const { text, pages } = pdfs['medium.zh-CN']!;
    expect(pages).toBeGreaterThan(10);
    expect(text).toContain(`第 1 页 共 ${pages} 页`);
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
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain('Appendix 2 Performance Appeal Form');
  });
});
