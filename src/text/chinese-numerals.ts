// Chinese numerals as a regulation writes them: 第一章, 第十一条, 第一百零五条, （二十三）.
// Pure; never reads the clock, files or the environment.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const PLACES = ['', '十', '百', '千'] as const;
/** Groups of four digits: units, 万 (10^4), 亿 (10^8), 万亿 (10^12). */
const GROUPS = ['', '万', '亿', '万亿'] as const;

/** 0–9999 without its group name. `leading` drops the 一 of a leading 十 (十一, not 一十一). */
function fourDigits(n: number, leading: boolean): string {
  let out = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) {
      out += '零';
      pendingZero = false;
    }
    const silentOne = leading && out === '' && place === 1 && digit === 1;
    out += (silentOne ? '' : (DIGITS[digit] ?? '')) + (PLACES[place] ?? '');
  }
  return out;
}

/**
 * Writes a whole number in Chinese numerals: 1 → 一, 10 → 十, 11 → 十一, 20 → 二十,
 * 105 → 一百零五, 110 → 一百一十, 1010 → 一千零一十, 10001 → 一万零一, 100000 → 十万.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole number from 0: ${n}`);
  if (n === 0) return DIGITS[0];
  if (n >= 10 ** 16) throw new RangeError(`too large for Chinese numerals: ${n}`);
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let pendingZero = false;
  for (let index = groups.length - 1; index >= 0; index--) {
    const group = groups[index] ?? 0;
    if (group === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    // A gap of zeros between groups, or a group under 1000 after a higher one, reads 零.
    if (out !== '' && (pendingZero || group < 1000)) out += '零';
    pendingZero = false;
    out += fourDigits(group, out === '') + (GROUPS[index] ?? '');
  }
  return out;
}
