/**
 * The line model the plan parsers work on: every input line with its number, its text without page
 * furniture (footers, markdown marks), and small helpers on Chinese text (widths, numerals, joining
 * lines that PDF extraction wrapped).
 */
import { squeezeSpaces } from '../text/normalize';
import {
  FOOTER_PATTERNS,
  MARKDOWN_MARKS_PATTERN,
  TERMINAL_PUNCTUATION,
  TRAILER_STARTS,
  PRINTED_ENDING,
} from '../lexicon/layout';

/** One input line. */
export interface Line {
  /** 1-based line number in the input */
  no: number;
  /** The normalized line as it is (tabs kept), markdown marks removed */
  raw: string;
  /** `raw` trimmed */
  text: string;
  /** `text` with the spaces between CJK characters removed */
  squeezed: string;
  /** True when the line has no visible character */
  empty: boolean;
  /** True when the line is a page footer or header (`— 21 —`, `- 5 -`) */
  footer: boolean;
}

const FOOTERS = FOOTER_PATTERNS.map((p) => new RegExp(p));
const MARKDOWN = new RegExp(MARKDOWN_MARKS_PATTERN, 'g');

/**
 * Marks a lost character leaves at the start of a line (`??一、…` where a web page had two ideographic
 * spaces in an encoding the copy did not know): question marks or U+FFFD before the text.
 */
const MANGLED_START = /^([ \t]*)[?？\uFFFD]+(?=[^?？\uFFFD\s])/;

/**
 * Splits normalized text into lines (LF, CRLF or CR end a line, as `normalizeText` counts them). Mangled
 * marks at a line's start are dropped.
 */
export function splitLines(text: string): Line[] {
  const parts = text.split(/\r\n|\r|\n/);
  const lines: Line[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i]!;
    if (MANGLED_START.test(part)) part = part.replace(MANGLED_START, '$1');
    const raw = part.includes('*') || part.includes('_') || part.includes('#') ? part.replace(MARKDOWN, '') : part;
    const text = raw.trim();
    const squeezed = text === '' ? '' : /[ \t]/.test(text) ? squeezeSpaces(text) : text;
    const footer = squeezed !== '' && squeezed.length <= 24 && FOOTERS.some((re) => re.test(text));
    lines[i] = { no: i + 1, raw, text, squeezed, empty: squeezed === '', footer };
  }
  return lines;
}

/** True when the line carries text (not empty, not a footer). */
export function isContentLine(line: Line): boolean {
  return !line.empty && !line.footer;
}

/** True when `s` ends with sentence-final punctuation (。；！？), closing quotes and brackets aside. */
export function endsSentence(s: string): boolean {
  let end = s.length;
  while (end > 0 && CLOSERS.includes(s[end - 1]!)) end--;
  return end > 0 && TERMINAL_PUNCTUATION.includes(s[end - 1]!);
}

const CLOSERS = '”’」』）)]】';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when the UTF-16 code unit is a letter, digit or ideograph (surrogates count as letters). */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return true;
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return WORD_CHAR.test(String.fromCharCode(c));
}

/** Number of letters, digits and ideographs in `s` (punctuation and spaces do not count). */
export function visibleWidth(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isWordCode(s.charCodeAt(i))) n++;
  return n;
}

/**
 * Joins lines that PDF extraction wrapped: no separator between Chinese text, one space between two
 * Latin or digit words. Each piece is squeezed first.
 */
export function joinWrapped(pieces: readonly string[]): string {
  const out: string[] = [];
  let last = '';
  for (const piece of pieces) {
    const s = /[ \t]/.test(piece) ? squeezeSpaces(piece) : piece.trim();
    if (s === '') continue;
    if (/[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(s[0]!)) out.push(' ');
    out.push(s);
    last = s[s.length - 1]!;
  }
  return out.join('');
}

/** Text with all spaces and punctuation removed, for comparing titles printed in different places. */
export function compact(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (isWordCode(s.charCodeAt(i))) continue;
    out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** True when the line starts the trailer of the document (distribution list, printing line). */
export function isTrailerLine(line: Line): boolean {
  const s = line.squeezed;
  if (s === '') return false;
  if (TRAILER_STARTS.some((w) => s.startsWith(w))) return true;
  return s.endsWith(PRINTED_ENDING) && /\d{4}年\d{1,2}月\d{1,2}日印发$/.test(s);
}

/** The value at quantile `q` (0–1) of `values`, 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))));
  return sorted[idx]!;
}
