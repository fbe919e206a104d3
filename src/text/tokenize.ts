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
  /** Optional: told the texts about to be cut (whole task texts), so that it can load what they need at once */
  prepare?(texts: readonly string[]): void;
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

/** The state of one {@link tokenize} call (module-level helpers below, so no closures per call). */
interface TokenizeState {
  text: string;
  tokenizer: Tokenizer;
  out: Token[];
  /** The current run: contiguous stretches of the text (more than one only across line-wrap whitespace),
   * as start0, end0, start1, end1, … */
  pieces: number[];
  /** Start of the open stretch, or -1 */
  runStart: number;
}

function closeStretch(st: TokenizeState, end: number): void {
  if (st.runStart >= 0) {
    st.pieces.push(st.runStart, end);
    st.runStart = -1;
  }
}

/** Cut the current run and push its tokens, with offsets mapped back to the text through the stretches. */
function flushRun(st: TokenizeState, end: number): void {
  closeStretch(st, end);
  const { pieces, text } = st;
  if (pieces.length === 0) return;
  let run = '';
  for (let p = 0; p < pieces.length; p += 2) run += text.slice(pieces[p], pieces[p + 1]);
  let p = 0;
  let base = 0; // run offset where stretch p starts
  let k = 0;
  for (const piece of st.tokenizer.cut(run)) {
    if (piece.length === 0) continue;
    // the text offset of run offsets k and k + length - 1
    while (k >= base + ((pieces[p + 1] as number) - (pieces[p] as number))) {
      base += (pieces[p + 1] as number) - (pieces[p] as number);
      p += 2;
    }
    const s = (pieces[p] as number) + (k - base);
    const last = k + piece.length - 1;
    let q = p;
    let qBase = base;
    while (last >= qBase + ((pieces[q + 1] as number) - (pieces[q] as number))) {
      qBase += (pieces[q + 1] as number) - (pieces[q] as number);
      q += 2;
    }
    const e = (pieces[q] as number) + (last - qBase) + 1;
    k += piece.length;
    if (piece.trim().length === 0) continue;
    st.out.push({ text: piece, start: s, end: e });
  }
  pieces.length = 0;
}

function emitToken(st: TokenizeState, start: number, end: number): void {
  flushRun(st, start);
  const raw = st.text.slice(start, end);
  st.out.push({ text: /\s/.test(raw) ? raw.replace(/\s+/g, '') : raw, start, end });
}

/**
 * Split a text into tokens with offsets into it. Whitespace is never a token; punctuation is.
 * A token's `text` is its source slice with any inner whitespace removed.
 *
 * @example tokenize('每年不少于4次') → 每年 · 不少于 · 4次
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const st: TokenizeState = { text, tokenizer: options.tokenizer ?? defaultTokenizer(), out: [], pieces: [], runStart: -1 };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      let j = i + 1;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      const next = j < n ? text.charCodeAt(j) : 0;
      if (isWide(prev) && isWide(next)) closeStretch(st, i);
      else flushRun(st, i);
      i = j;
      continue;
    }
    if (isDigit(c)) {
      ARABIC_RE.lastIndex = i;
      const m = ARABIC_RE.exec(text);
      const end = m ? i + m[0].length : i + 1;
      emitToken(st, i, end);
      i = end;
      continue;
    }
    if (isLatin(c)) {
      LATIN_RE.lastIndex = i;
      const m = LATIN_RE.exec(text);
      const end = m ? i + m[0].length : i + 1;
      emitToken(st, i, end);
      i = end;
      continue;
    }
    if (CN_SET.has(text[i] as string)) {
      CHINESE_RE.lastIndex = i;
      const m = CHINESE_RE.exec(text);
      if (m) {
        emitToken(st, i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    if (st.runStart < 0) st.runStart = i;
    i++;
  }
  flushRun(st, n);
  return st.out;
}

/**
 * A text cut into pieces that concatenate back to it: its tokens (as {@link tokenize} gives them for this
 * text), with the gaps between them (whitespace) kept as pieces of their own.
 */
export function tokenPieces(text: string, tokens: readonly Token[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const token of tokens) {
    if (token.start > at) pieces.push(text.slice(at, token.start));
    pieces.push(text.slice(token.start, token.end));
    at = token.end;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return pieces;
}

/** True for tokens that carry content (not punctuation or symbols). */
export function isContentToken(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
