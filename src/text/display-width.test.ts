// Terminal width of Chinese and Latin text, and lines wrapped to it.
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapHanging, wrapLine } from './display-width.js';

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
