// The shipped policy presets (presets/<size>.<language>.yaml), found on disk so that a preset
// added later is covered by every test that goes through them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readPolicy } from '../../src/policy/load-policy.js';
import type { Policy } from '../../src/policy/policy.generated.js';
import { ROOT } from './run-cli.js';

export const PRESETS_DIR = join(ROOT, 'presets');

/** `medium.zh-CN`, `small.en`, … for every presets/<size>.<language>.yaml. */
export function presetNames(): string[] {
  return readdirSync(PRESETS_DIR)
    .filter((f) => /^[a-z]+\.(zh-CN|en)\.yaml$/.test(f))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

export async function loadPolicy(file: string): Promise<Policy> {
  const result = await readPolicy(file);
  if (!result.ok) throw new Error(`${file} does not load: ${JSON.stringify(result.diagnostics, null, 2)}`);
  return result.value;
}

export function loadPreset(name: string): Promise<Policy> {
  return loadPolicy(join(PRESETS_DIR, `${name}.yaml`));
}
