// Finds and reads the size presets shipped in presets/<size>.<language>.yaml. New presets
// need no code: any file that follows the name pattern is offered. Touches the file system;
// everything that uses a preset takes it as data.
import { readdirSync } from 'node:fs';
import { AspmError } from '../errors.js';
import { isLanguage, type Language } from '../i18n/language.js';
import { readPolicy } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.generated.js';
import { packagePath } from '../package-root.js';
import { SIZES, type Size } from './sizes.js';

export { SIZES, type Size } from './sizes.js';

export interface PresetId {
  readonly size: Size;
  readonly language: Language;
}

export function presetFileName({ size, language }: PresetId): string {
  return `${size}.${language}.yaml`;
}

const PATTERN = /^(small|medium|large)\.([A-Za-z-]+)\.yaml$/;

/** The presets that ship with this copy of aspm, smallest first, Chinese before English. */
export function availablePresets(folder = packagePath('presets')): PresetId[] {
  const found: PresetId[] = [];
  for (const name of readdirSync(folder)) {
    const match = PATTERN.exec(name);
    if (match && isLanguage(match[2])) found.push({ size: match[1] as Size, language: match[2] });
  }
  const rank = (p: PresetId) => SIZES.indexOf(p.size) * 2 + (p.language === 'zh-CN' ? 0 : 1);
  return found.sort((a, b) => rank(a) - rank(b));
}

export function hasPreset(id: PresetId, available: readonly PresetId[] = availablePresets()): boolean {
  return available.some((p) => p.size === id.size && p.language === id.language);
}

/**
 * Reads and checks a preset. A missing preset is the user's choice (exit 1, with the
 * list of what exists); an invalid one is a defect of aspm and is reported as such.
 */
export async function readPreset(id: PresetId, folder = packagePath('presets')): Promise<Policy> {
  const available = availablePresets(folder);
  if (!hasPreset(id, available)) {
    throw new AspmError('preset-missing', {
      size: { $t: `size-${id.size}` },
      language: { $t: `language-${id.language}` },
      file: presetFileName(id),
      available: available.map(presetFileName).join(', '),
    });
  }
  const result = await readPolicy(`${folder}/${presetFileName(id)}`);
  if (!result.ok) throw new Error(`the shipped preset ${presetFileName(id)} is invalid: ${result.diagnostics.map((d) => d.code).join(', ')}`);
  return result.value;
}
