/**
 * Text normalization: the first stage of the pipeline. It removes what PDF and Word extraction leave
 * behind (invisible characters, odd spaces, look-alike punctuation, full-width digits and letters),
 * converts traditional characters to simplified ones, and keeps the number of lines exactly, so that
 * every later stage can name the input line a task came from.
 */
import { createRequire } from 'node:module';
import {
  CJK_CLASS,
  FULLWIDTH_ALNUM_RANGES,
  INVISIBLE_CHARS,
  LOOKALIKE_CHARS,
  NFKC_RANGES,
  SPACE_CHARS,
  TRADITIONAL_MIN_SHARE,
} from '../lexicon/normalize';
import { TRADITIONAL_CHARS } from '../lexicon/traditional-chars';

/** Result of `normalizeText`. */
export interface NormalizeResult {
  /** The normalized text, with as many lines as the input (lines end at LF, CR or CRLF) */
  text: string;
  /** True when traditional characters were converted to simplified */
  convertedFromTraditional: boolean;
}

/** What each single character handled by `CHAR_PATTERN` becomes. */
const CHAR_MAP: ReadonlyMap<string, string> = buildCharMap();

function buildCharMap(): Map<string, string> {
  const map = new Map<string, string>();
  for (let code = 0; code < 0x20; code++) {
    if (code !== 0x09 && code !== 0x0a && code !== 0x0d) map.set(String.fromCharCode(code), '');
  }
  for (let code = 0x7f; code <= 0x9f; code++) map.set(String.fromCharCode(code), '');
  for (const ch of INVISIBLE_CHARS) map.set(ch, '');
  for (const ch of SPACE_CHARS) map.set(ch, ' ');
  for (const [from, to] of Object.entries(LOOKALIKE_CHARS)) map.set(from, to);
  for (const [lo, hi] of FULLWIDTH_ALNUM_RANGES) {
    for (let code = lo; code <= hi; code++) map.set(String.fromCharCode(code), String.fromCharCode(code - 0xfee0));
  }
  for (const [lo, hi] of NFKC_RANGES) {
    for (let code = lo; code <= hi; code++) {
      const ch = String.fromCharCode(code);
      const folded = ch.normalize('NFKC');
      if (folded !== ch && !folded.includes('\n')) map.set(ch, folded);
    }
  }
  return map;
}

function escapeForClass(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Matches every character `CHAR_MAP` rewrites. */
const CHAR_PATTERN = new RegExp(`[${[...CHAR_MAP.keys()].map(escapeForClass).join('')}]`, 'g');

/** The parts of opencc-js normalization uses (its CommonJS build, loaded only to convert). */
interface OpenCC {
  ConverterFactory(...dicts: unknown[]): (text: string) => string;
  Locale: { from: Record<string, unknown[]>; to: Record<string, unknown[]> };
}

/**
 * The converter, built when a text is traditional (loading opencc-js and building it takes ~30–60 ms, so
 * a simplified text never pays it): the Hong Kong and Taiwan variant tables, then OpenCC's plain
 * traditional → mainland table, so that texts written with either region's variants (衞, 著力) come back
 * to the mainland forms (卫, 着力).
 */
let converter: ((text: string) => string) | null = null;

function simplifiedConverter(): (text: string) => string {
  if (!converter) {
    const { ConverterFactory, Locale } = createRequire(import.meta.url)('opencc-js/t2cn') as OpenCC;
    converter = ConverterFactory(Locale.from['hk'] ?? [], Locale.from['tw'] ?? [], Locale.to['cn'] ?? []);
  }
  return converter;
}

function isHanCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** 1 for each BMP character OpenCC's traditional → mainland table changes (src/lexicon/traditional-chars.ts). */
let traditional: Uint8Array | null = null;

function traditionalTable(): Uint8Array {
  if (!traditional) {
    traditional = new Uint8Array(0x10000);
    for (let i = 0; i < TRADITIONAL_CHARS.length; i++) traditional[TRADITIONAL_CHARS.charCodeAt(i)] = 1;
  }
  return traditional;
}

/**
 * Share of the Han characters of `text` that the traditional → simplified converter changes (each
 * character on its own, as listed in src/lexicon/traditional-chars.ts): one pass over the text.
 */
export function traditionalShare(text: string): number {
  const table = traditionalTable();
  let han = 0;
  let changed = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHanCode(code)) continue;
    han++;
    changed += table[code] as number;
  }
  return han === 0 ? 0 : changed / han;
}

/** Converts to simplified characters; line by line, should a whole-text conversion change the number of lines. */
function convertKeepingLines(text: string): string {
  const convert = simplifiedConverter();
  const out = convert(text);
  if (countLines(out) === countLines(text)) return out;
  return text
    .split('\n')
    .map((line) => convert(line).replace(/\n/g, ' '))
    .join('\n');
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Normalizes decoded plan text.
 *
 * - CRLF and CR line ends become LF; the number of lines never changes.
 * - Zero-width characters (U+200B–U+200D, U+2060, U+FEFF…) are removed anywhere; control characters
 *   other than tab and LF are dropped (form feeds from `pdftotext` included).
 * - NBSP, the ideographic space U+3000 and the other Unicode spaces become an ordinary space;
 *   ordinary spaces are kept (table layouts use them to separate columns).
 * - Full-width ASCII digits and Latin letters become half-width; Chinese full-width punctuation stays;
 *   look-alike punctuation (﹝﹞ → 〔〕 …, see src/lexicon/normalize.ts) takes its usual form.
 * - Traditional characters are converted to simplified (OpenCC: Hong Kong and Taiwan variants, then
 *   traditional → mainland) when at least `TRADITIONAL_MIN_SHARE` (5%) of the Han characters are
 *   traditional-only; a simplified text is left as is.
 * - Fast: one pass of regular expressions, plus one pass counting traditional characters to decide
 *   (a 48 MB simplified text takes well under a second; a traditional one ~5 s).
 *
 * Idempotent: normalizing normalized text changes nothing.
 */
export function normalizeText(text: string): NormalizeResult {
  let out = text.replace(/\r\n?/g, '\n').replace(CHAR_PATTERN, (ch) => CHAR_MAP.get(ch) ?? ch);
  let convertedFromTraditional = false;
  if (traditionalShare(out) >= TRADITIONAL_MIN_SHARE) {
    // The converter maps a few characters to characters it would map again; repeat until stable.
    for (let round = 0; round < 3; round++) {
      const next = convertKeepingLines(out);
      if (next === out) break;
      out = next;
      convertedFromTraditional = true;
      if (traditionalShare(out) === 0) break;
    }
  }
  return { text: out, convertedFromTraditional };
}

const CJK_CHAR = new RegExp(`[${CJK_CLASS}]`);

/**
 * Removes the spaces PDF extraction puts inside Chinese text: every run of spaces or tabs that touches
 * a CJK character or CJK punctuation goes (`围 绕 推 进` → `围绕推进`, `2023 年 4月 12 日` →
 * `2023年4月12日`); a run between two Latin or digit words becomes one space; the ends are trimmed.
 */
export function squeezeSpaces(s: string): string {
  return s
    .replace(/[ \t]+/g, (run: string, offset: number, whole: string) => {
      const before = whole[offset - 1];
      const after = whole[offset + run.length];
      if (before === undefined || after === undefined) return '';
      return CJK_CHAR.test(before) || CJK_CHAR.test(after) ? '' : ' ';
    })
    .trim();
}
