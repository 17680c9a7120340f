import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as library from '../src/index.js';
import { commands } from '../src/cli/commands/index.js';
import { ROOT } from './helpers/run-cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = (title: string) => {
  const start = readme.indexOf(title);
  const end = readme.indexOf('\n## ', start + title.length);
  return readme.slice(start, end === -1 ? undefined : end);
};

describe('README', () => {
  it('names only functions the package really exports in its library section', () => {
    const text = section('## Library');
    const named = new Set([...text.matchAll(/`([a-z][A-Za-z0-9]+)(?:\(|`)/g), ...text.matchAll(/^\s*import \{([^}]+)\}/gm)].flatMap((m) => m[1]!.split(',').map((n) => n.trim())));
    named.delete('en');
    expect(named.size).toBeGreaterThan(15);
    const missing = [...named].filter((name) => !(name in library));
    expect(missing).toEqual([]);
  });

  it('documents every command, with a section of its own', () => {
    for (const command of commands) {
      expect(readme).toContain(`| \`aspm ${command.name}`);
      expect(readme).toContain(`## \`aspm ${command.name}\``);
    }
  });

  it('gives exactly the two set-up commands of a fresh machine, and .ci/run runs the second', () => {
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('npm test ');
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.demo).toContain('demo');
  });
});
