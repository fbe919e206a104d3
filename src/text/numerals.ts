/**
 * The one reader of numbers in Chinese text: Arabic digits (half- or full-width, with a decimal point),
 * Chinese numerals (一, 两, 十五, 三百, 五万), the two mixed (1.5万), and digit-by-digit years (二〇二三).
 * Used by heading markers and dates (src/parse), time nodes (src/parse/timenode.ts) and obligations
 * (src/obligations/extract.ts). Callers pass a span they have already matched, so names like 一网通办 and
 * 三同步 are never read as numbers.
 */
import {
  CHINESE_DIGIT_VALUES,
  CHINESE_LARGE_UNITS,
  CHINESE_NUMERAL_CHARS,
  CHINESE_SMALL_UNITS,
  DECIMAL_POINTS,
  FULL_WIDTH_DIGITS,
} from '../lexicon/numerals';

/** Half-width copy of a string of digits: full-width digits and decimal points become ASCII. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const i = FULL_WIDTH_DIGITS.indexOf(ch);
    if (i >= 0) out += String(i);
    else if (DECIMAL_POINTS.includes(ch)) out += '.';
    else out += ch;
  }
  return out;
}

/** Value of a Chinese numeral below 万 (十五, 两千零五); null when it is not a well-formed numeral. */
function smallChinese(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let sawZero = false;
  for (const ch of s) {
    const d = CHINESE_DIGIT_VALUES[ch];
    if (d !== undefined) {
      if (digit !== null && !(digit === 0 || d === 0)) return null; // 十四五: two digits in a row
      if (d === 0) sawZero = true;
      digit = d === 0 ? digit : d;
      continue;
    }
    const u = CHINESE_SMALL_UNITS[ch];
    if (u === undefined || u >= lastUnit) return null;
    total += (digit ?? (u === 10 && total === 0 ? 1 : NaN)) * u;
    if (Number.isNaN(total)) return null;
    digit = null;
    lastUnit = u;
  }
  if (digit !== null) {
    // 两千五 reads 2500 (the trailing digit takes the next unit down), 十五 reads 15
    if (!sawZero && lastUnit !== Infinity && lastUnit > 10) total += digit * (lastUnit / 10);
    else total += digit;
  }
  return total;
}

/** Value of a Chinese numeral (一, 十五, 三百, 五万, 两亿); null when it is not a well-formed numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || [...s].some((ch) => !CHINESE_NUMERAL_CHARS.includes(ch))) return null;
  // Split at the largest multiplier present (亿 then 万) and recurse on both sides.
  for (const big of ['亿', '万'] as const) {
    const at = s.indexOf(big);
    if (at >= 0) {
      const head = s.slice(0, at);
      const tail = s.slice(at + 1);
      const headValue = head ? parseChineseNumeral(head) : 1;
      const tailValue = tail ? parseChineseNumeral(tail.replace(/^[〇零]/, '')) : 0;
      if (headValue === null || tailValue === null) return null;
      return headValue * (CHINESE_LARGE_UNITS[big] as number) + tailValue;
    }
  }
  return smallChinese(s);
}

/**
 * Value of a number as printed: `4`, `４`, `1.5`, `一`, `两`, `十五`, `1.5万`, `3千`. Null when the
 * string is not a number.
 *
 * @example parseNumber('十五') → 15; parseNumber('１０') → 10; parseNumber('十四五') → null
 */
export function parseNumber(raw: string): number | null {
  const s = toHalfWidth(raw.replace(/\s+/g, ''));
  if (!s) return null;
  const mixed = /^(\d+(?:\.\d+)?)([十百千万亿]*)$/.exec(s);
  if (mixed) {
    let value = Number(mixed[1]);
    for (const ch of mixed[2] ?? '') {
      value *= CHINESE_SMALL_UNITS[ch] ?? CHINESE_LARGE_UNITS[ch] ?? 1;
    }
    return Number.isFinite(value) ? round(value) : null;
  }
  return parseChineseNumeral(s);
}

/**
 * Value of a number printed digit by digit (`二〇二三` → 2023, `2023` → 2023), as years are; null when a
 * character is not a digit.
 */
export function parseDigitSequence(raw: string): number | null {
  const s = toHalfWidth(raw);
  if (s === '') return null;
  let value = 0;
  for (const ch of s) {
    const d = /[0-9]/.test(ch) ? Number(ch) : CHINESE_DIGIT_VALUES[ch];
    if (d === undefined) return null;
    value = value * 10 + d;
  }
  return value;
}

/** Rounds away binary noise (0.1 * 3 → 0.3) while keeping real decimals. */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
