import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAspmError } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import { packagePath } from '../package-root.js';
import { availablePresets, readPreset } from './read-preset.js';

function folderWith(files: Record<string, string | { copy: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aspm-presets-'));
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === 'string') writeFileSync(join(dir, name), content);
    else copyFileSync(packagePath('presets', content.copy), join(dir, name));
  }
  return dir;
}

describe('presets', () => {
  it('are found by file name alone; other files are ignored', () => {
    const dir = folderWith({ 'medium.zh-CN.yaml': { copy: 'medium.zh-CN.yaml' }, 'small.en.yaml': '', 'kpi-catalogue.yaml': '', 'huge.en.yaml': '', 'small.fr.yaml': '' });
    expect(availablePresets(dir)).toEqual([
      { size: 'small', language: 'en' },
      { size: 'medium', language: 'zh-CN' },
    ]);
  });

  it('a missing one is the user’s to fix, with the list of what exists', async () => {
    const dir = folderWith({ 'medium.zh-CN.yaml': { copy: 'medium.zh-CN.yaml' } });
    const caught = await readPreset({ size: 'large', language: 'en' }, dir).catch((e: unknown) => e);
    expect(isAspmError(caught)).toBe(true);
    if (isAspmError(caught)) {
      expect(t('en', caught.code, caught.params)).toBe('There is no large preset in English (presets/large.en.yaml). Available presets: medium.zh-CN.yaml.');
      expect(t('zh-CN', caught.code, caught.params)).toBe('没有“大型”规模的英文预设（presets/large.en.yaml）。可用的预设：medium.zh-CN.yaml。');
    }
  });

  it('a broken one is a defect of aspm, not an input error', async () => {
    const dir = folderWith({ 'small.zh-CN.yaml': 'version: 1\n' });
    const caught = await readPreset({ size: 'small', language: 'zh-CN' }, dir).catch((e: unknown) => e);
    expect(isAspmError(caught)).toBe(false);
    expect(String(caught)).toContain('the shipped preset small.zh-CN.yaml is invalid');
  });
});
