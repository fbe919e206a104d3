/**
 * Character tables used by `normalizeText` and `squeezeSpaces` (src/text/normalize.ts).
 *
 * Text extracted from PDF or Word files carries invisible characters, odd spaces and look-alike
 * punctuation. These tables say what each of them becomes. Chinese full-width punctuation
 * （）、，。：；“”《》 is kept as is: the plan parsers rely on it.
 */

/** Invisible characters removed everywhere (zero-width spaces and joiners, BOM, soft hyphen, bidi marks). */
export const INVISIBLE_CHARS: readonly string[] = [
  '\u00AD', // soft hyphen
  '\u180E', // Mongolian vowel separator
  '\u200B', // zero-width space
  '\u200C', // zero-width non-joiner
  '\u200D', // zero-width joiner
  '\u200E', // left-to-right mark
  '\u200F', // right-to-left mark
  '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', // bidi embedding controls
  '\u2060', // word joiner
  '\u2061', '\u2062', '\u2063', '\u2064', // invisible operators
  '\uFEFF', // byte order mark / zero-width no-break space
];

/** Characters that become an ordinary space: NBSP, ideographic space U+3000 and the other Unicode spaces. */
export const SPACE_CHARS: readonly string[] = [
  '\u00A0', '\u1680',
  '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A',
  '\u2028', // line separator: kept as a space so that line numbers match what editors count (LF, CR, CRLF)
  '\u2029', // paragraph separator: likewise
  '\u202F', '\u205F', '\u3000',
];

/**
 * Look-alike punctuation mapped to the form the parsers expect: small-form and vertical-form variants
 * of Chinese punctuation, and the full-width percent and plus signs (obligation units use `%`).
 */
export const LOOKALIKE_CHARS: Readonly<Record<string, string>> = {
  '﹝': '〔', '﹞': '〕', // small tortoise-shell brackets (document numbers 〔2023〕)
  '︹': '〔', '︺': '〕', // vertical tortoise-shell brackets
  '﹙': '（', '﹚': '）', '︵': '（', '︶': '）',
  '﹛': '｛', '﹜': '｝',
  '﹐': '，', '︐': '，',
  '﹑': '、', '︑': '、',
  '︒': '。', '﹒': '.',
  '﹔': '；', '︔': '；',
  '﹕': '：', '︓': '：', '︰': '：',
  '﹖': '？', '︖': '？',
  '﹗': '！', '︕': '！',
  '﹏': '_',
  '﹪': '%', '％': '%',
  '﹢': '+', '＋': '+',
  '﹣': '-',
  '﹤': '<', '﹥': '>', '﹦': '=',
  '︽': '《', '︾': '》', '︿': '〈', '﹀': '〉',
  '﹁': '「', '﹂': '」', '﹃': '『', '﹄': '』',
  '︷': '｛', '︸': '｝', '︻': '【', '︼': '】', '︗': '〖', '︘': '〗',
  '︙': '…',
};

/**
 * Ranges of characters replaced by their Unicode compatibility (NFKC) form: Kangxi radicals
 * (⼀ U+2F00 → 一, which PDF extraction often produces instead of the ideograph) and CJK compatibility
 * ideographs U+F900–U+FAFF.
 */
export const NFKC_RANGES: readonly (readonly [number, number])[] = [
  [0x2f00, 0x2fdf],
  [0xf900, 0xfaff],
];

/** Full-width ASCII ranges turned half-width by subtracting 0xFEE0: digits ０–９, letters Ａ–Ｚ and ａ–ｚ. */
export const FULLWIDTH_ALNUM_RANGES: readonly (readonly [number, number])[] = [
  [0xff10, 0xff19],
  [0xff21, 0xff3a],
  [0xff41, 0xff5a],
];

/**
 * Character classes (regular-expression source, without brackets) counted as CJK by `squeezeSpaces`:
 * spaces touching one of these are removed. Han ideographs, CJK punctuation, full-width forms, and the
 * quotation marks, dashes and ellipsis Chinese text uses.
 */
export const CJK_CLASS =
  '\\u2E80-\\u2FDF\\u3000-\\u303F\\u3040-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFE10-\\uFE1F\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u2014\\u2015\\u2018\\u2019\\u201C\\u201D\\u2026\\u00B7';

/**
 * A text is converted from traditional to simplified characters when at least this share of its Han
 * characters are changed by the converter. Simplified plans change none (measured on the seed plans);
 * a traditional plan changes roughly a quarter to a third of them.
 */
export const TRADITIONAL_MIN_SHARE = 0.05;
