// Terminal width of Chinese and Latin text, and lines wrapped to it.
import { describe, expect, it } from 'vitest';
import { displayWidth, isWide, wrapHanging, wrapLine } from './display-width.js';

describe('wrapLine', () => {
  it('breaks English between words, never inside one that fits', () => {
    const lines = wrapLine('Suggested: S (Outstanding) 1.5 · A (Excellent) 1.2 · D (Needs improvement) 0.5', 30);
    expect(lines).toEqual(['Suggested: S (Outstanding) 1.5', '· A (Excellent) 1.2 · D (Needs', 'improvement) 0.5']);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(30);
  });

  it('breaks Chinese between characters, punctuation staying with the one before', () => {
    expect(wrapLine('奖金 = 奖金基数 × 等级系数；等级之间的差距才有激励作用。', 16)).toEqual(['奖金 = 奖金基数', '× 等级系数；等级', '之间的差距才有激', '励作用。']);
    // 。 would start the second line at width 12: it stays with 度.
    expect(wrapLine('按月考核制度。下一句', 12)).toEqual(['按月考核制', '度。下一句']);
    // Nor does ）， after a Latin word; （ does not end one.
    expect(wrapLine('制定绩效改进计划（PIP），由主管跟进。', 22)).toEqual(['制定绩效改进计划', '（PIP），由主管跟进。']);
  });

  it('keeps a typographic apostrophe with its word (the wizard broke "company’s" before ’s)', () => {
    expect(wrapLine('not your company’s, yet it heads', 22)).toEqual(['not your company’s,', 'yet it heads']);
    expect(wrapLine('the preset’s example', 10)).toEqual(['the', 'preset’s', 'example']);
  });

  it('cuts a word longer than the line, and leaves short lines alone', () => {
    expect(wrapLine('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapLine('short', 40)).toEqual(['short']);
  });
});

describe('wrapHanging', () => {
  it('continues a bulleted line under its text, and a plain line at the margin', () => {
    const text = '  · "Weights of the qualitative items" was the suggestion, so it follows\n- Cost pressure: Strong, but cost is in\nPlain words that run on and on and on';
    expect(wrapHanging(text, 30).split('\n')).toEqual([
      '  · "Weights of the',
      '    qualitative items" was the',
      '    suggestion, so it follows',
      '- Cost pressure: Strong, but',
      '  cost is in',
      'Plain words that run on and on',
      'and on',
    ]);
  });
});

describe('displayWidth', () => {
  /** The definition: one column a character, two for a wide one (Unicode East Asian Width F/W, roughly). */
  const byCharacter = (text: string) => [...text].reduce((width, char) => width + (isWide(char) ? 2 : 1), 0);

  it('counts two columns for Chinese and full-width forms, one for the rest', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('abc 12')).toBe(6);
    expect(displayWidth('首次响应时长')).toBe(12);
    expect(displayWidth('≤ 24 小时（班组）')).toBe(1 + 1 + 2 + 1 + 4 + 8);
    // An ideograph outside the Basic Multilingual Plane is one character of two UTF-16 units, wide.
    expect(displayWidth('𠀀a')).toBe(3);
    // An emoji is one character of two units, not in the wide ranges: one column, as before.
    expect(displayWidth('😀')).toBe(1);
    expect(displayWidth('é ß ※')).toBe(5);
  });

  it('agrees with measuring character by character on mixed text', () => {
    const alphabet = ['a', 'Z', ' ', '9', '售', '后', '。', '（', '）', '※', '□', 'é', '—', '’', '😀', '𠀀', '\uD800', 'ｗ', '한', 'か', '\t'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(next() * 30) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(displayWidth(text), JSON.stringify(text)).toBe(byCharacter(text));
    }
  });
});
