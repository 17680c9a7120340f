import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPackageRoot, packageInfo, PACKAGE_ROOT } from './package-root.js';

const work = mkdtempSync(join(tmpdir(), 'aspm-root-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the package root', () => {
  it('is the nearest folder above whose package.json is aspm-cli, passing over any other', () => {
    // aspm bundled into someone's program: their package.json sits between the code and ours.
    const ours = join(work, 'node_modules', 'aspm-cli');
    const theirs = join(ours, 'dist', 'bundle');
    mkdirSync(theirs, { recursive: true });
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'their-app', version: '9.9.9' }));
    writeFileSync(join(ours, 'package.json'), JSON.stringify({ name: 'aspm-cli', version: '1.2.3' }));
    writeFileSync(join(theirs, 'package.json'), JSON.stringify({ name: 'their-bundle', version: '0.0.1' }));
    mkdirSync(join(theirs, 'broken'));
    writeFileSync(join(theirs, 'broken', 'package.json'), '{ not json');
    expect(findPackageRoot(join(theirs, 'broken'))).toEqual({ root: ours, manifest: { name: 'aspm-cli', version: '1.2.3' } });
  });

  it('fails, naming where it looked, when there is none', () => {
    const lost = join(work, 'elsewhere');
    mkdirSync(lost);
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'their-app' }));
    expect(() => findPackageRoot(lost)).toThrow(`no package.json of aspm-cli above ${lost}`);
  });

  it('is this repository for the sources, with its package.json', () => {
    expect(PACKAGE_ROOT).toBe(join(import.meta.dirname, '..'));
    expect(packageInfo().name).toBe('aspm-cli');
  });
});
