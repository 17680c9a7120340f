// `--help` fits the terminal it is shown in: wrapped to its width, between words or between
// two Chinese characters, never inside a word, in the user's language down to the words of
// the usage line ([选项], <文件>) and the notes (取值：, 默认：).
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/commands/index.js';
import { main } from '../src/cli/main.js';
import type { Language } from '../src/i18n/language.js';
import { displayWidth } from '../src/text/display-width.js';
import { memoryIo } from './helpers/memory-io.js';

async function help(argv: readonly string[], language: Language, columns: number | undefined): Promise<string> {
  let out = '';
  const base = memoryIo({ cwd: process.cwd() });
  const stdout = columns === undefined ? { write: (text: string) => (out += text), isTTY: false } : { write: (text: string) => (out += text), isTTY: true, columns };
  expect(await main([...argv, '--help', '--lang', language], { ...base, stdout })).toBe(0);
  return out;
}

/** Runs of anything but spaces and wide (Chinese) characters: the pieces a line break may not split. */
const words = (text: string) => new Set(text.match(/[^\s\u1100-\uFFE6]+/gu) ?? []);

const pages = [[], ...commands.map((c) => [c.name])];
const cases = (['zh-CN', 'en'] as const).flatMap((language) => [60, 80, 120].flatMap((columns) => pages.map((argv) => [language, columns, argv.join(' ') || '(aspm)', argv] as const)));

describe('aspm --help', () => {
  it.each(cases)('%s at %i columns, %s: no line wider than the terminal, no word broken, nothing lost', async (language, columns, _name, argv) => {
    const text = await help(argv, language, columns);
    const wide = await help(argv, language, 1000);
    const tooWide = text.split('\n').filter((line) => displayWidth(line) > columns);
    expect(tooWide).toEqual([]);
    // And the terminal's width is used, not a fixed one: what had to wrap fills the lines.
    if (wide.split('\n').some((line) => displayWidth(line) > columns)) {
      expect(Math.max(...text.split('\n').map(displayWidth))).toBeGreaterThan(columns - 15);
    }
    // Every word of the narrow page is a whole word of the page laid out on one line each.
    const whole = words(wide);
    expect([...words(text)].filter((word) => !whole.has(word))).toEqual([]);
    // Only spaces and line breaks differ.
    expect(text.replace(/\s+/g, '')).toBe(wide.replace(/\s+/g, ''));
  });

  it('wraps Chinese descriptions, which have no spaces to break at', async () => {
    const text = await help(['evaluate'], 'zh-CN', 60);
    const notices = text.split('\n').findIndex((line) => line.includes('--notices <文件夹>'));
    expect(notices).toBeGreaterThan(0);
    // The long description goes on over the following lines, aligned under its start.
    expect(text.split('\n')[notices + 1]).toMatch(/^ {10,}\S/);
  });

  it('speaks Chinese in the usage line, the placeholders and the notes', async () => {
    const init = await help(['init'], 'zh-CN', 120);
    expect(init).toContain('用法： aspm init [选项]');
    expect(init).toContain('-o, --output <文件>');
    expect(init).toContain('--preset <规模>');
    expect(init).toContain('（取值：small、medium、large）');
    expect(init).toContain('（默认：policy.yaml）');
    const root = await help([], 'zh-CN', 120);
    expect(root).toContain('aspm [选项] [命令]');
    expect(root).toContain('validate [选项] <文件...>');
    for (const page of [init, root, await help(['evaluate'], 'zh-CN', 120)]) {
      expect(page).not.toMatch(/可选|\[options\]|<file>|choices|default/);
    }
    const english = await help(['init'], 'en', 120);
    expect(english).toContain('Usage: aspm init [options]');
    expect(english).toContain('--preset <size>');
    expect(english).toContain('(choices: small, medium, large)');
  });

  it('takes 80 columns when stdout is not a terminal', async () => {
    const text = await help(['evaluate'], 'en', undefined);
    expect(Math.max(...text.split('\n').map(displayWidth))).toBeLessThanOrEqual(80);
    expect(Math.max(...text.split('\n').map(displayWidth))).toBeGreaterThan(70);
  });
});
