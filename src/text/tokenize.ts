/**
 * Tokens with offsets. Numbers keep their units (`4次`, `5个工作日`, `1—2场`, `100%`), Latin words stay
 * whole (`ETCMS`), and the rest is cut by a {@link Tokenizer} (nodejieba with the field dictionary by
 * default). Whitespace between two Chinese characters is treated as a line-wrap artefact of PDF
 * extraction and ignored, so `政务\n公开` is still one token.
 */
import type { Token } from '../types';
import { CHINESE_NUMERALS, CHINESE_NUMERAL_UNITS, NUMBER_UNITS, RANGE_JOINERS } from '../lexicon/field-terms';
import { defaultTokenizer } from './tokenizer-jieba';

/** A word splitter: returns pieces that concatenate back to `text`. */
export interface Tokenizer {
  /** Cut a run of text (no whitespace inside) into words */
  cut(text: string): string[];
  /** Identifies the segmentation rules (used in cache keys); absent for ad-hoc test splitters */
  readonly id?: string;
}

/** Options of {@link tokenize}. */
export interface TokenizeOptions {
  /** The word splitter (default: {@link defaultTokenizer}, nodejieba with the field dictionary) */
  tokenizer?: Tokenizer;
}

const escapeClass = (s: string): string => s.replace(/[\\\]\-^]/g, '\\$&');
const escapeAlt = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const JOIN = `[${escapeClass(RANGE_JOINERS)}]`;
const ARABIC = String.raw`\d+(?:[.．]\d+)?`;
/** Arabic number, optional range, optional unit; a single space may sit between the parts (PDF text). */
const ARABIC_RE = new RegExp(
  `${ARABIC}(?:\\s?${JOIN}\\s?${ARABIC})?(?:\\s?(?:${NUMBER_UNITS.map(escapeAlt).join('|')}))?`,
  'y',
);
const CN = `[${CHINESE_NUMERALS}]+`;
/** Chinese numeral (or range) followed by a quantity unit. */
const CHINESE_RE = new RegExp(`${CN}(?:${JOIN}${CN})?(?:${CHINESE_NUMERAL_UNITS.map(escapeAlt).join('|')})`, 'y');
const LATIN_RE = /[A-Za-z][A-Za-z0-9]*/y;

const isSpace = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0 || c === 0x0c || c === 0x0b;
/** Chinese characters and full-width punctuation: whitespace between two of them is a wrap artefact. */
const isWide = (c: number): boolean => c >= 0x2e80;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLatin = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const CN_SET = new Set(CHINESE_NUMERALS);

/**
 * Split a text into tokens with offsets into it. Whitespace is never a token; punctuation is.
 * A token's `text` is its source slice with any inner whitespace removed.
 *
 * @example tokenize('每年不少于4次') → 每年 · 不少于 · 4次
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const tokenizer = options.tokenizer ?? defaultTokenizer();
  const out: Token[] = [];
  let run = '';
  let runIdx: number[] = [];

  const flush = (): void => {
    if (run.length === 0) return;
    const pieces = tokenizer.cut(run);
    let k = 0;
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      const s = runIdx[k];
      const e = runIdx[k + piece.length - 1];
      k += piece.length;
      if (s === undefined || e === undefined) break;
      if (piece.trim().length === 0) continue;
      out.push({ text: piece, start: s, end: e + 1 });
    }
    run = '';
    runIdx = [];
  };
  const emit = (start: number, end: number): void => {
    flush();
    out.push({ text: text.slice(start, end).replace(/\s+/g, ''), start, end });
  };

  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      let j = i + 1;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      const next = j < n ? text.charCodeAt(j) : 0;
      if (!(isWide(prev) && isWide(next))) flush();
      i = j;
      continue;
    }
    if (isDigit(c)) {
      ARABIC_RE.lastIndex = i;
      const m = ARABIC_RE.exec(text);
      const end = m ? i + m[0].length : i + 1;
      emit(i, end);
      i = end;
      continue;
    }
    if (isLatin(c)) {
      LATIN_RE.lastIndex = i;
      const m = LATIN_RE.exec(text);
      const end = m ? i + m[0].length : i + 1;
      emit(i, end);
      i = end;
      continue;
    }
    if (CN_SET.has(text[i] as string)) {
      CHINESE_RE.lastIndex = i;
      const m = CHINESE_RE.exec(text);
      if (m) {
        emit(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    run += text[i];
    runIdx.push(i);
    i++;
  }
  flush();
  return out;
}

/** True for tokens that carry content (not punctuation or symbols). */
export function isContentToken(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
