/**
 * Numbered headings of a plan body: 一、 (level 1), （一） or (一) (level 2), 1. / 1、 / 1． (level 3),
 * （1） (level 4). A marker only counts when its number follows the previous one of its level or
 * restarts at 1, so that a wrapped line beginning with `2.` inside a paragraph is not a heading.
 */
import type { Heading, SourceSpan } from '../types';
import { HEADING_NUMERAL_CHARS } from '../lexicon/layout';
import { compact, endsSentence, isContentLine, quantile, type Line } from './lines';
import { parseNumber } from '../text/numerals';

/** A marker found at the start of a line. */
export interface HeadingMatch {
  level: number;
  /** The marker as printed (squeezed), e.g. `二、`, `（三）`, `4.` */
  marker: string;
  number: number;
  /** Text after the marker */
  rest: string;
}

const CN = `[${HEADING_NUMERAL_CHARS}]{1,4}`;
const LEVEL1 = new RegExp(`^(${CN})\\s*[、．.]\\s*`);
const LEVEL1_PART = new RegExp(`^第(${CN})(?:部分|章|篇)\\s*[、，,．.：:]?\\s*`);
const LEVEL2 = new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、，,．.]?\\s*`);
const LEVEL3 = /^(\d{1,6})\s*(?:[.．](?!\d)|、)\s*/;
const LEVEL4 = /^(?:[（(]\s*(\d{1,6})\s*[）)]|(\d{1,6})[）)])\s*/;

/** Reads the heading marker at the start of a squeezed line, or null. */
export function matchHeading(s: string): HeadingMatch | null {
  let m = LEVEL2.exec(s);
  if (m) return build(2, m, (parseNumber(m[1]!) ?? NaN), s);
  m = LEVEL1.exec(s);
  if (m) return build(1, m, (parseNumber(m[1]!) ?? NaN), s);
  m = LEVEL1_PART.exec(s);
  if (m) return build(1, m, (parseNumber(m[1]!) ?? NaN), s);
  m = LEVEL4.exec(s);
  if (m) return build(4, m, Number(m[1] ?? m[2]), s);
  m = LEVEL3.exec(s);
  if (m) return build(3, m, Number(m[1]), s);
  return null;
}

function build(level: number, m: RegExpExecArray, number: number, s: string): HeadingMatch | null {
  if (!Number.isFinite(number) || number < 1) return null;
  return { level, marker: m[0].trim(), number, rest: s.slice(m[0].length) };
}

/** A heading found in the body, with where its title ends. */
export interface BodyHeading {
  level: number;
  marker: string;
  number: number;
  title: string;
  /** Index (into the lines array) of the heading line */
  index: number;
  /** Offset into the heading line's squeezed text where the text after the marker begins */
  restOffset: number;
  /**
   * Where the body text after the title begins: line index and offset into that line's squeezed text
   * (after the marker on the heading line). Text before it is the title.
   */
  textFrom: { index: number; offset: number };
  /** Index of the last line of the heading's span (before the next heading or the body end) */
  lastIndex: number;
  /** Titles of the headings it belongs to, outermost first, itself last */
  path: string[];
}

/** Result of `readHeadings`. */
export interface HeadingScan {
  /** Headings in printed order */
  flat: BodyHeading[];
  /** The same headings as a tree */
  tree: Heading[];
}

/** Largest jump between two printed numbers of one level still read as a misnumbered marker. */
const MAX_NUMBER_JUMP = 9;

/**
 * True when a line ends a paragraph before a marker of `level`: a line ending with 。；… or a closing
 * parenthesis, or the title line of a higher-level heading (`（一）深化政策集成式发布成果`).
 */
function closesParagraph(line: Line | null, level: number): boolean {
  if (line === null) return true;
  const s = line.squeezed;
  if (endsSentence(s) || /[）)]$/.test(s)) return true;
  const h = matchHeading(s);
  return h !== null && h.level < level && h.rest.length <= MAX_ITEM_TITLE && !/[。，,、；;：:]/.test(h.rest);
}

/** Longest title sentence (`组织优秀案例评选。`) that opens an item after its marker. */
const MAX_ITEM_TITLE = 40;

/** True when the text after a marker opens with a short title sentence. */
function opensTitle(rest: string): boolean {
  const stop = rest.indexOf('。');
  return stop >= 2 && stop <= MAX_ITEM_TITLE;
}

/** Longest title taken from a heading that wraps onto the next line. */
const MAX_WRAPPED_TITLE = 60;

/**
 * Finds the numbered headings among `lines[from..to)` and builds the heading tree. Titles are squeezed,
 * cut at the first 。 (following a title that PDF extraction wrapped onto the next line), without the
 * marker.
 */
export function readHeadings(lines: readonly Line[], from: number, to: number, file: string): HeadingScan {
  const widths: number[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (isContentLine(line)) widths.push(line.squeezed.length);
  }
  // Lines at least this long were probably wrapped by the PDF page width.
  const fullWidth = Math.max(12, quantile(widths, 0.75) * 0.8);

  const last: (number | undefined)[] = [];
  /** Markers taken at each level since its numbering last started at 1 */
  const taken: number[] = [];
  const flat: BodyHeading[] = [];
  let previous: Line | null = null;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (!isContentLine(line)) continue;
    const before = previous;
    previous = line;
    const m = matchHeading(line.squeezed);
    if (!m) continue;
    const prev = last[m.level];
    const count = taken[m.level] ?? 0;
    const inSequence = prev === undefined || m.number === prev + 1 || m.number === 1;
    // A number out of sequence (mistyped, repeated or skipped) still counts where an item begins (after
    // a line that closes a paragraph, or before a short title sentence; not before a digit, as in a
    // wrapped `5、6月份`), when it is within a few numbers of the last one or is the number its position gives.
    const misnumbered =
      !inSequence &&
      !/^\d/.test(m.rest) &&
      (closesParagraph(before, m.level) || opensTitle(m.rest)) &&
      ((m.number >= prev! && m.number <= prev! + MAX_NUMBER_JUMP) || m.number === count + 1);
    if (!inSequence && !misnumbered) continue;
    last[m.level] = m.number;
    taken[m.level] = m.number === 1 ? 1 : count + 1;
    const { title, textFrom } = readTitle(lines, i, to, m, fullWidth);
    const restOffset = line.squeezed.length - m.rest.length;
    flat.push({ level: m.level, marker: m.marker, number: m.number, title, index: i, restOffset, textFrom, lastIndex: i, path: [] });
  }
  for (let k = 0; k < flat.length; k++) {
    const next = flat[k + 1];
    let end = (next ? next.index : to) - 1;
    while (end > flat[k]!.index && !isContentLine(lines[end]!)) end--;
    flat[k]!.lastIndex = end;
  }

  // Tree and paths.
  const tree: Heading[] = [];
  const stack: { level: number; node: Heading; title: string }[] = [];
  for (const h of flat) {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= h.level) stack.pop();
    const source: SourceSpan = { file, lineStart: lines[h.index]!.no, lineEnd: lines[h.lastIndex]!.no };
    const node: Heading = { level: h.level, marker: h.marker, number: h.number, title: h.title, source, children: [] };
    h.path = [...stack.map((s) => s.title), h.title];
    if (stack.length === 0) tree.push(node);
    else stack[stack.length - 1]!.node.children.push(node);
    stack.push({ level: h.level, node, title: h.title });
  }
  return { flat, tree };
}

/** Reads a heading's title: up to the first 。, or the whole line when it is short. */
function readTitle(
  lines: readonly Line[],
  index: number,
  to: number,
  m: HeadingMatch,
  fullWidth: number,
): { title: string; textFrom: { index: number; offset: number } } {
  const line = lines[index]!;
  const markerLength = line.squeezed.length - m.rest.length;
  const rest = m.rest;
  const stop = rest.indexOf('。');
  if (stop >= 0) {
    return { title: cleanTitle(rest.slice(0, stop)), textFrom: { index, offset: markerLength + stop + 1 } };
  }
  const end = { index, offset: line.squeezed.length };
  if (line.squeezed.length < fullWidth || endsSentence(rest)) return { title: cleanTitle(rest), textFrom: end };
  // A long line without 。: the title may continue on the next line, up to its first 。.
  for (let j = index + 1; j < to && j <= index + 4; j++) {
    const next = lines[j]!;
    if (!isContentLine(next)) continue;
    if (matchHeading(next.squeezed)) break;
    const stopNext = next.squeezed.indexOf('。');
    if (stopNext >= 0 && rest.length + stopNext <= MAX_WRAPPED_TITLE) {
      return {
        title: cleanTitle(rest + next.squeezed.slice(0, stopNext)),
        textFrom: { index: j, offset: stopNext + 1 },
      };
    }
    break;
  }
  return { title: cleanTitle(rest), textFrom: end };
}

function cleanTitle(s: string): string {
  return s.replace(/^[\s：:，,、]+|[\s：:，,、；;]+$/g, '');
}

/** Titles of the headings of each level, compacted (no spaces or punctuation), for matching table cells. */
export function titlesByLevel(flat: readonly BodyHeading[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const h of flat) {
    let set = out.get(h.level);
    if (!set) out.set(h.level, (set = new Set()));
    set.add(compact(h.title));
  }
  return out;
}
