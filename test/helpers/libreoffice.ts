// Opens a generated document as a person would: LibreOffice converts it to PDF, and the
// PDF's text, page count and fonts are what a reader sees. Each conversion gets its own
// LibreOffice profile, so parallel runs do not collide. FONTCONFIG_FILE maps 宋体/黑体 to the
// Noto CJK faces (as a Chinese Windows machine would have them).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ROOT } from './run-cli.js';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** soffice and poppler-utils are installed (.ci/run installs them). */
export const libreOfficeAvailable = has('soffice') && has('pdftotext') && has('pdffonts') && has('pdfinfo');

// In CI these tests must run, not skip: .ci/run asks for them.
if (process.env.ASPM_REQUIRE_LIBREOFFICE === '1' && !libreOfficeAvailable) {
  throw new Error('ASPM_REQUIRE_LIBREOFFICE=1 but soffice or poppler-utils (pdftotext, pdffonts, pdfinfo) is missing');
}

const FONTCONFIG = join(ROOT, 'test', 'fontconfig', 'fonts.conf');

export interface Pdf {
  readonly text: string;
  readonly pages: number;
  readonly fonts: string;
}

/** Converts several documents in one LibreOffice run (it starts slowly). */
export function convertAllToPdf(documents: readonly string[], outDir: string): Pdf[] {
  const profile = mkdtempSync(join(tmpdir(), 'lo-aspm-'));
  try {
    const run = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, ...documents], {
      env: { ...process.env, FONTCONFIG_FILE: FONTCONFIG },
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return documents.map((document) => readPdf(join(outDir, basename(document).replace(/\.[^.]+$/, '.pdf'))));
}

function readPdf(pdf: string): Pdf {
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), fonts };
}

/** A line of a PDF's text where it stands on its page (points from the top-left corner). */
export interface PdfLine {
  readonly page: number;
  readonly top: number;
  readonly bottom: number;
  readonly text: string;
}

/** The lines of text of a PDF with their places (pdftotext -bbox-layout), page by page. */
export function pdfLines(pdf: string): PdfLine[] {
  const xml = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  const lines: PdfLine[] = [];
  xml
    .split('<page ')
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
        const text = [...(m[3] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ');
        lines.push({ page: i + 1, top: Number(m[1]), bottom: Number(m[2]), text });
      }
    });
  return lines;
}
