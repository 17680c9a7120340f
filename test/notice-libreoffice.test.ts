// The result notices opened as a person would: the demo's notices, in Chinese and English,
// converted by LibreOffice to PDF. The sign-off never stands alone on a page; a date, a value
// with its unit and a KPI name with its team note are never broken across lines; the last
// page is the appeal form the notice points to, filled in for the person.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertAllToPdf, libreOfficeAvailable as tools, type Pdf } from './helpers/libreoffice.js';
import { sharedDemo } from './helpers/shared-demo.js';

const title = tools ? 'result notices in LibreOffice' : 'result notices in LibreOffice — SKIPPED: soffice or poppler-utils is not installed; .ci/run installs them';

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

describe.skipIf(!tools)(title, () => {
  const work = mkdtempSync(join(tmpdir(), 'aspm-notice-lo-'));
  const notices: Notice[] = [];

  beforeAll(async () => {
    const staged = join(work, 'staged');
    mkdirSync(staged);
    // The run's shared demos (helpers/shared-demo.ts), read only: the notices are copied out.
    // English asked first: demo-cli.test.ts asks for Chinese first, so that when the two files
    // start together each worker makes one, rather than one worker making both as the other waits.
    const demos = { en: await sharedDemo('en'), 'zh-CN': await sharedDemo('zh-CN') };
    for (const language of ['zh-CN', 'en'] as const) {
      const { dir: demo, run } = demos[language];
      if (run.status !== 0) throw new Error(run.stderr);
      const pick = (period: string, which: (markdown: string) => boolean) => {
        const dir = join(demo, 'notices', period);
        const file = readdirSync(dir)
          .filter((f) => f.endsWith('.md'))
          .sort()
          .find((f) => which(readFileSync(join(dir, f), 'utf8')));
        if (!file) throw new Error(`no notice of ${period} fits`);
        const label = `${language}-${period}-${file.replace(/\.md$/, '')}`;
        copyFileSync(join(dir, file.replace(/\.md$/, '.docx')), join(staged, `${label}.docx`));
        notices.push({ label, language, markdown: readFileSync(join(dir, file), 'utf8') });
      };
      // A quarter's notice (the one that once left its sign-off alone on page 4), one with an
      // appeal approved on a date in a crowded table, and a month's with a team KPI.
      pick('2026-Q3', () => true);
      pick('2026-Q3', (md) => /^\| SS-/m.test(md));
      pick('2026-09', (md) => md.includes('（班组）') || md.includes('(team)') || language === 'en');
    }
    const pdfs = convertAllToPdf(
      notices.map((n) => join(staged, `${n.label}.docx`)),
      work,
    );
    pdfs.forEach((pdf, i) => (notices[i]!.pdf = pdf));
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

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
