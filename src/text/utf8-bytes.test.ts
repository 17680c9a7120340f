import { describe, expect, it } from 'vitest';
import { truncateUtf8 } from './utf8-bytes.js';

describe('truncateUtf8', () => {
  it('keeps whole characters within the byte limit', () => {
    expect(truncateUtf8('张伟abc', 5)).toBe('张');
    expect(truncateUtf8('张伟abc', 6)).toBe('张伟');
    expect(truncateUtf8('ab😀c', 5)).toBe('ab');
    expect(truncateUtf8('short', 255)).toBe('short');
  });
});
