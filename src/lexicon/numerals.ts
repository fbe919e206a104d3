/**
 * Numerals read by the number reader (src/text/numerals.ts), which heading markers, dates, time nodes and
 * obligations share. Data only.
 *
 * Numerals are only ever converted inside a span the obligation grammar matched: 一网通办, 三同步 and 十四五
 * are never rewritten, because no unit word follows their numeral.
 */

/** Chinese digit characters and their values. 两 counts as 2; 〇 and 零 as 0. */
export const CHINESE_DIGIT_VALUES: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Chinese multiplier characters below 万 (十五 = 15, 三百 = 300, 两千 = 2000). */
export const CHINESE_SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  百: 100,
  千: 1000,
};

/** Chinese multiplier characters that scale everything before them (五万 = 50000, 1.5亿 = 150000000). */
export const CHINESE_LARGE_UNITS: Readonly<Record<string, number>> = {
  万: 10_000,
  亿: 100_000_000,
};

/** Characters that may make up a Chinese numeral (digits and multipliers). */
export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万亿';

/** Full-width digits and their half-width counterparts (０ → 0 … ９ → 9). */
export const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

/** Decimal points accepted inside an Arabic number (1.5, full-width １．５). */
export const DECIMAL_POINTS = '.．';

/** Dashes and words that join the two ends of a range (1—2场, 3-6月, 一至两次). */
export const RANGE_JOINERS: readonly string[] = ['—', '–', '-', '－', '~', '～', '〜', '至', '到'];
