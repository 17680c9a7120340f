import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parsePolicy } from '../load-policy.js';
import { isKnownTimeZone } from './settings.js';

/** What isKnownTimeZone must answer: whether DateTimeFormat takes the zone. */
function dateTimeFormatAccepts(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

describe('isKnownTimeZone', () => {
  // The shortcut is sound only if every name the runtime lists is one its DateTimeFormat
  // takes; this runs on whichever Node runs the tests.
  it('knows every canonical zone of the runtime, each one DateTimeFormat accepts', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    expect(zones.filter((zone) => !dateTimeFormatAccepts(zone))).toEqual([]);
    expect(zones.filter((zone) => !isKnownTimeZone(zone))).toEqual([]);
  });

  it.each([
    'Asia/Shanghai',
    'Asia/Calcutta',
    'Asia/Kolkata',
    'US/Eastern',
    'UTC',
    'Etc/UTC',
    'Etc/GMT-8',
    'GMT',
    'asia/shanghai',
    'ASIA/SHANGHAI',
    'Asia/Peking',
    'Mars/Olympus',
    'Asia/Shanghai ',
    '',
    '+08:00',
    'Beijing',
  ])('answers as DateTimeFormat does for %j, on the list or not', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(dateTimeFormatAccepts(zone));
  });

  it('rejects a zone that does not exist', () => {
    expect(isKnownTimeZone('Asia/Peking')).toBe(false);
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
  });
});

describe('checking a policy', () => {
  it('sets up no DateTimeFormat for a time zone on the runtime list, and asks it for any other', () => {
    // The first DateTimeFormat of a process costs some 20 ms of `aspm validate`.
    const text = readFileSync(join(import.meta.dirname, '../../../presets/large.zh-CN.yaml'), 'utf8');
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      expect(parsePolicy(text).ok).toBe(true);
      expect(spy).not.toHaveBeenCalled();
      const lowerCase = parsePolicy(text.replace('timezone: Asia/Shanghai', 'timezone: asia/shanghai'));
      expect(lowerCase.diagnostics.filter((d) => d.code === 'unknown-timezone')).toEqual(
        dateTimeFormatAccepts('asia/shanghai') ? [] : [expect.objectContaining({ code: 'unknown-timezone' })],
      );
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
