// Finds files that ship with the package (schemas/, presets/, templates/) both from the
// compiled dist/ and from src/ under the test runner: both sit one level below the root.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const PACKAGE_ROOT = join(here, '..');

export function packagePath(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}

interface PackageJson {
  readonly name: string;
  readonly version: string;
}

let packageJson: PackageJson | undefined;

export function packageInfo(): PackageJson {
  packageJson ??= JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as PackageJson;
  return packageJson;
}
