// The npm name `aspm` belongs to an unrelated package, so a printed or documented
// `npx aspm …` would download and run a stranger's code. aspm is published as aspm-cli;
// every command we print or document either uses the installed `aspm` or `npx aspm-cli`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMessages } from '../src/i18n/catalogue.js';
import { ASPM_COMMAND, nextCommands } from '../src/wizard/next-steps.js';
import { ROOT } from './helpers/run-cli.js';

const NPX_STRANGER = /npx aspm\s/;
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string> };

/** README files and everything under docs/ that is text. */
function documents(): string[] {
  const found = ['README.md', 'templates/README.md', 'BENCHMARKS.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(md|txt|ya?ml)$/.test(entry.name)) found.push(path);
    }
  };
  walk('docs');
  return found;
}

describe('the package name', () => {
  it('is aspm-cli, installing the aspm command, and the lock file agrees', () => {
    expect(packageJson.name).toBe('aspm-cli');
    expect(packageJson.bin.aspm).toBe('bin/aspm.js');
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { name: string; packages: Record<string, { name?: string; bin?: Record<string, string> }> };
    expect(lock.name).toBe('aspm-cli');
    expect(lock.packages['']?.name).toBe('aspm-cli');
    expect(lock.packages['']?.bin).toEqual(packageJson.bin);
  });

  it('is what printed commands run with npx, and the package has a command of that name, so npx runs a clone’s own copy too', () => {
    expect(ASPM_COMMAND).toBe(`npx ${packageJson.name}`);
    expect(packageJson.bin[packageJson.name]).toBe(packageJson.bin.aspm);
    const next = nextCommands('policy.yaml', '制度');
    expect(next.validate.startsWith(`${ASPM_COMMAND} validate `)).toBe(true);
    expect(next.render.startsWith(`${ASPM_COMMAND} render `)).toBe(true);
  });

  it('no message in either language tells anyone to run npx aspm', () => {
    const offending = [...allMessages().entries()].flatMap(([code, entry]) =>
      Object.values(entry)
        .map(String)
        .filter((text) => NPX_STRANGER.test(text))
        .map(() => code),
    );
    expect(offending).toEqual([]);
  });

  it.each(documents())('%s never runs npx aspm', (file) => {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    expect(lines.filter((line) => NPX_STRANGER.test(line))).toEqual([]);
    // Examples import the library by the name it is published under.
    expect(lines.filter((line) => /from ['"]aspm['"]/.test(line))).toEqual([]);
  });
});
