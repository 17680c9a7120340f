// Number formats as Excel reads them (which are times, which are dates), and the text a
// time cell becomes; every expected text worked out by hand from the fraction of a day.
import { describe, expect, it } from 'vitest';
import { builtinFormatKind, ELAPSED, formatKind, TIME, timeCellText } from './xlsx-number-format.js';

describe('builtinFormatKind', () => {
  it.each([
    [18, 'time'], // h:mm AM/PM
    [19, 'time'], // h:mm:ss AM/PM
    [20, 'time'], // h:mm
    [21, 'time'], // h:mm:ss
    [45, 'time'], // mm:ss
    [46, 'elapsed'], // [h]:mm:ss
    [47, 'time'], // mmss.0
    [32, 'time'], // h"时"mm"分"
    [35, 'time'], // 上午/下午h"时"mm"分"ss"秒"
    [14, 'date'], // mm-dd-yy
    [15, 'date'],
    [16, 'date'],
    [17, 'date'],
    [22, 'date'], // m/d/yy h:mm
    [31, 'date'], // yyyy"年"m"月"d"日"
    [0, 'number'], // General
    [1, 'number'],
    [4, 'number'],
    [9, 'number'], // 0%
    [49, 'number'], // @
    [55, 'number'], // a time in Chinese, a date in Japanese: left as it was
    [56, 'number'],
    [164, 'number'], // a custom id with no <numFmt>: General
  ] as const)('%i is %s', (id, kind) => {
    expect(builtinFormatKind(id)).toBe(kind);
  });
});

describe('formatKind (custom format codes)', () => {
  it.each([
    ['h:mm:ss', 'time'],
    ['hh:mm', 'time'],
    ['mm:ss', 'time'],
    ['mm:ss.0', 'time'],
    ['ss', 'time'],
    ['h:mm AM/PM', 'time'],
    ['hh:mm:ss a/p', 'time'],
    ['[$-804]h:mm:ss', 'time'],
    ['[$-F400]h:mm:ss\\ AM/PM', 'time'],
    ['h"时"mm"分"ss"秒"', 'time'],
    ['上午/下午h"时"mm"分"', 'time'],
    ['h:mm;@', 'time'],
    ['[h]:mm:ss', 'elapsed'],
    ['[H]:MM', 'elapsed'],
    ['[mm]:ss', 'elapsed'],
    ['[ss]', 'elapsed'],
    ['[Red][h]:mm:ss', 'elapsed'],
    ['yyyy-mm-dd hh:mm', 'date'],
    ['yyyy\\-mm\\-dd\\ hh:mm:ss', 'date'],
    ['mm/dd/yyyy', 'date'],
    ['m/d', 'date'],
    ['mmm', 'date'], // m alone is a month
    ['d-mmm-yy', 'date'],
    ['yyyy"年"m"月"d"日"', 'date'],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日"', 'date'],
    ['aaaa', 'date'], // 星期几
    ['"h"0', 'number'], // quoted text is no hour
    ['0"分钟"', 'number'],
    ['\\h0', 'number'], // nor an escaped one
    ['0_h', 'number'], // a space as wide as h
    ['*s0', 'number'], // s as fill
    ['General', 'number'],
    ['0.00E+00', 'number'],
    ['#,##0.00;[Red]-#,##0.00', 'number'],
    ['[>=100]0;0.0', 'number'],
    ['[Red]0.00', 'number'],
    ['@', 'number'],
    ['0;[h]:mm', 'number'], // only the first section (positive numbers) counts
    ['"a;b" h:mm', 'time'], // a ; inside quotes ends no section
  ] as const)('%s is %s', (code, kind) => {
    expect(formatKind(code)).toBe(kind);
  });
});

describe('timeCellText', () => {
  const day = 86_400;
  it.each([
    // [days, kind, text]
    [220 / day, TIME, '0:03:40'],
    [220 / day, ELAPSED, '0:03:40'],
    [143 / day, TIME, '0:02:23'], // AvgTalkDuration 1.6550925925925926E-3 in the call-centre workbook
    [0.0016550925925925926, TIME, '0:02:23'],
    [0.38400462962962961, TIME, '9:12:58'], // 33,178 s = 9 h 12 min 58 s
    [(26 * 3600 + 220) / day, ELAPSED, '26:03:40'],
    [(13 * 3600 + 5 * 60) / day, TIME, '13:05:00'], // 1:05 PM written in 24 hours
    [220.6 / day, TIME, '0:03:41'], // to the nearest second
    [220.4 / day, TIME, '0:03:40'],
    [(day - 0.4) / day, TIME, '0:00:00'], // 23:59:59.6 is the next midnight
    [(day - 0.4) / day, ELAPSED, '24:00:00'],
    [0, TIME, '0:00:00'],
    [-220 / day, ELAPSED, '-0:03:40'],
    [-220 / day, TIME, '-0:03:40'],
    [100, ELAPSED, '2400:00:00'],
  ] as const)('%d days, kind %i → %s', (value, kind, text) => {
    expect(timeCellText(value, kind)).toBe(text);
  });

  it('a time of day of a day or more stays a number (a date and time shown by its time), as does an elapsed time past whole seconds', () => {
    expect(timeCellText(1, TIME)).toBeUndefined();
    expect(timeCellText(46_000.5, TIME)).toBeUndefined();
    expect(timeCellText(-1.5, TIME)).toBeUndefined();
    expect(timeCellText(1e12, ELAPSED)).toBeUndefined();
    expect(timeCellText(Number.POSITIVE_INFINITY, ELAPSED)).toBeUndefined();
    expect(timeCellText(Number.NaN, ELAPSED)).toBeUndefined();
  });
});
