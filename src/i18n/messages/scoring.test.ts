// The Chinese of evaluate's reports calls the policy 制度 (a manager says 制度文件), never
// 策略: every message of the scoring part and the notice template are checked, and no
// message of any part says 策略 either.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../package-root.js';
import { allMessages } from '../catalogue.js';
import { formatTemplate } from '../translate.js';
import { scoringMessages } from './scoring.js';

/** Any parameter a message asks for, as a short text (lists get one item). */
const anyParams = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? `‹${key}›` : undefined) });

describe('Chinese wording of the reports', () => {
  const texts = Object.entries(scoringMessages).map(([code, entry]) => [code, formatTemplate(entry['zh-CN'], anyParams)] as const);

  it('every message renders', () => {
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.find(([code]) => code === 'note-history-missing')?.[1]).toContain('‹rule›');
  });

  it('calls the policy 制度, never 策略', async () => {
    expect(texts.filter(([, text]) => text.includes('策略'))).toEqual([]);
    expect(texts.filter(([, text]) => text.includes('制度')).length).toBeGreaterThan(10);
    const template = await readFile(packagePath('templates', 'zh-CN', 'notice.md.hbs'), 'utf8');
    expect(template).toContain('制度');
    expect(template).not.toContain('策略');
  });

  it('no message of any command says 策略', () => {
    // Some messages spell numbers out (第三条): those get numbers.
    const numbers = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? 3 : undefined) });
    const render = (template: Parameters<typeof formatTemplate>[0]) => {
      try {
        return formatTemplate(template, anyParams);
      } catch {
        return formatTemplate(template, numbers);
      }
    };
    const all = [...allMessages()].map(([code, entry]) => [code, render(entry['zh-CN'])] as const);
    expect(all.length).toBeGreaterThan(texts.length);
    expect(all.filter(([, text]) => text.includes('策略'))).toEqual([]);
  });
});
