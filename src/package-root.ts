// Finds files that ship with the package (schemas/, presets/, templates/) from wherever
// this module runs: src/ under the test runner, dist/ as tsc wrote it, or a chunk of the
// command's bundle in dist/bundle/ (scripts/bundle-cli.mjs). The root is the nearest folder
// above that holds aspm's own package.json (another one on the way, as when someone bundles
// aspm into their program, is passed over).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's name in its package.json. */
const PACKAGE_NAME = 'aspm-cli';

interface PackageJson {
  readonly name: string;
  readonly version: string;
}

/** The nearest folder at or above `start` whose package.json is aspm's, with that package.json. */
export function findPackageRoot(start: string): { readonly root: string; readonly manifest: PackageJson } {
  for (let folder = start; ; ) {
    const path = join(folder, 'package.json');
    const manifest = existsSync(path) ? readManifest(path) : undefined;
    if (manifest?.name === PACKAGE_NAME) return { root: folder, manifest };
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`aspm: no package.json of ${PACKAGE_NAME} above ${start}`);
    folder = parent;
  }
}

function readManifest(path: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

const found = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

export const PACKAGE_ROOT = found.root;

export function packagePath(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}

/** The package's package.json, as read when its root was found. */
export function packageInfo(): PackageJson {
  return found.manifest;
}
