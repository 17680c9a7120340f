#!/usr/bin/env node
// Regenerates the pictures of the Word document in README.md: renders the medium preset
// (Chinese), converts it with LibreOffice and takes a few pages as PNG. Needs soffice and
// pdftoppm (Debian: libreoffice-writer-nogui poppler-utils fonts-noto-cjk); run it after a
// change to the templates or the Word layout: `node scripts/readme-images.mjs`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'aspm-readme-'));
const out = join(root, 'docs', 'images');
/** Cover, first chapter, the KPI table, and the first assessment form. */
const PAGES = { cover: 1, chapter: 3, kpis: 5, form: 15 };

execFileSync(process.execPath, [join(root, 'bin', 'aspm.js'), 'render', join(root, 'presets', 'medium.zh-CN.yaml'), '-o', join(work, 'policy.docx')], { stdio: 'inherit' });
execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', work, join(work, 'policy.docx')], {
  stdio: 'ignore',
  env: { ...process.env, FONTCONFIG_FILE: join(root, 'test', 'fontconfig', 'fonts.conf') },
});
for (const [name, page] of Object.entries(PAGES)) {
  execFileSync('pdftoppm', ['-r', '56', '-png', '-f', String(page), '-l', String(page), '-singlefile', join(work, 'policy.pdf'), join(work, name)]);
  renameSync(join(work, `${name}.png`), join(out, `policy-${name}.png`));
}
rmSync(work, { recursive: true, force: true });
console.log(`wrote ${readdirSync(out).filter((f) => f.startsWith('policy-')).join(', ')} in docs/images`);
