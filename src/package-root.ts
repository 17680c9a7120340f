// Finds files that ship with the package (schemas/, presets/, templates/) from wherever
// this module runs: src/ under the test runner, dist/ as tsc wrote it, or a chunk of the
// command's bundle in dist/bundle/ (scripts/bundle-cli.mjs). The root is the nearest folder
// above that holds the package's package.json.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  for (let folder = start; ; ) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`aspm: no package.json above ${start}`);
    folder = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

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
