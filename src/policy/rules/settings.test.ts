import { describe, expect, it } from 'vitest';
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
