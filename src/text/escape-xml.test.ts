import { describe, expect, it } from 'vitest';
import { escapeXml, stripControlCharacters } from './escape-xml.js';

describe('stripControlCharacters', () => {
  it('strips the control characters that corrupt a Word file, and nothing else', () => {
    expect(stripControlCharacters('a\u0000b\u0007c\u001Fd\u007Fe\uFFFFf')).toBe('abcdef');
    expect(stripControlCharacters('行\t一\n二')).toBe('行\t一\n二');
    expect(stripControlCharacters('\uD83D\uDE00 ok \uD83D')).toBe('\uD83D\uDE00 ok ');
  });
});

describe('escapeXml', () => {
  const text = `A&B <c> "d" 'e' &amp;`;

  it('escapes &, < and > always, and the quotes the caller asks for', () => {
    expect(escapeXml(text, 'none')).toBe(`A&amp;B &lt;c&gt; "d" 'e' &amp;amp;`);
    expect(escapeXml(text, 'double')).toBe(`A&amp;B &lt;c&gt; &quot;d&quot; 'e' &amp;amp;`);
    expect(escapeXml(text, 'all')).toBe('A&amp;B &lt;c&gt; &quot;d&quot; &#39;e&#39; &amp;amp;');
    expect(escapeXml(text)).toBe(escapeXml(text, 'all'));
  });

  it('drops what XML cannot hold, whatever the quoting', () => {
    for (const quotes of ['none', 'double', 'all'] as const) {
      expect(escapeXml('a\u0001<b>\u0085\uFFFE\uD800c', quotes)).toBe('a&lt;b&gt;c');
      expect(escapeXml('工单\t一\r\n二', quotes)).toBe('工单\t一\r\n二');
    }
  });
});
