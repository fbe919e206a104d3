/**
 * The part of nodejieba's main dictionary that some texts need, so that the tokenizer loads a few thousand
 * words instead of 349k (~1.2 s and ~290 MB) and still cuts those texts exactly as the full dictionary does.
 *
 * Why the cut is the same: nodejieba (cppjieba's MPSegment; plandiff cuts without HMM) picks, for each run
 * of text, the path of dictionary words with the highest sum of log(freq / total), where `total` is the
 * sum of all frequencies of the main dictionary; a character that starts no dictionary word gets the
 * dictionary's smallest log-weight. Only words that occur inside the run take part. So a dictionary that
 *  1. holds every full-dictionary word occurring in the text, with its frequency,
 *  2. has the same `total`: the left-out frequencies are one entry no text can match (private-use
 *     characters), and
 *  3. has the same smallest frequency (a second such entry carries it)
 * cuts the text as the full one does. The user dictionary's words are weighed against the same `total`.
 *
 * Finding the words: the dictionary file lists words grouped by first character and, within a group, in
 * byte order. One pass over its bytes notes where each line starts, each group's lines, the total and the
 * smallest frequency; the words at a text position are then found by narrowing the group's lines byte by
 * byte (binary search), without decoding the dictionary.
 */

/** Words no text can contain (private-use characters): they carry the left-out frequency and the minimum. */
export const MASS_WORD = '\uE000\uE001\uE002\uE003';
export const MIN_WORD = '\uE000\uE001\uE002\uE004';

const SPACE = 0x20;
const NL = 0x0a;

/** A jieba main dictionary file (`word freq tag` per line), indexed for finding the words of a text. */
export interface DictIndex {
  /** The file's bytes */
  buf: Uint8Array;
  /** Byte offset where each line starts */
  lineStart: Int32Array;
  /** Line ranges by first character, four numbers each, ordered by key: the character's UTF-8 bytes as a
   * number, first line, end line, 1 when the range is in byte order (when not, it is searched line by line).
   * A character's lines can form more than one range. */
  groups: readonly number[];
  /** Sum of all frequencies */
  total: number;
  /** Smallest frequency */
  minFreq: number;
}

/** An index saved by {@link saveIndex} (src/lexicon/jieba-dict-index.json, made by
 * scripts/build-jieba-dict.ts), so that a run need not pass over the dictionary's bytes. */
interface SavedIndex {
  /** Size of the dictionary file it was made from: it is used only for a file of this size */
  bytes: number;
  total: number;
  minFreq: number;
  /** Line lengths (with their newline), one byte each, base64 */
  lengths: string;
  /** Per group: first-character key, first line, end line, 1 if in byte order */
  groups: number[];
}

/** The index as JSON, for {@link loadIndex}. Line lengths must be below 256 bytes. */
export function saveIndex(index: DictIndex): string {
  const { lineStart, buf } = index;
  const lengths = new Uint8Array(lineStart.length);
  for (let j = 0; j < lineStart.length; j++) {
    const len = (j + 1 < lineStart.length ? (lineStart[j + 1] as number) : buf.length) - (lineStart[j] as number);
    if (len > 255) throw new Error(`jieba-dict: line ${j + 1} is ${len} bytes long; the saved index holds up to 255`);
    lengths[j] = len;
  }
  const saved: SavedIndex = { bytes: buf.length, total: index.total, minFreq: index.minFreq, lengths: Buffer.from(lengths).toString('base64'), groups: [...index.groups] };
  return JSON.stringify(saved);
}

/** The index {@link saveIndex} wrote, for the dictionary bytes `buf`; null when it was made from another file. */
export function loadIndex(buf: Uint8Array, json: string): DictIndex | null {
  const saved = JSON.parse(json) as SavedIndex;
  if (saved.bytes !== buf.length) return null;
  const lengths = Buffer.from(saved.lengths, 'base64');
  const lineStart = new Int32Array(lengths.length);
  let at = 0;
  for (let j = 0; j < lengths.length; j++) {
    lineStart[j] = at;
    at += lengths[j] as number;
  }
  if (at !== buf.length) return null;
  return { buf, lineStart, groups: saved.groups, total: saved.total, minFreq: saved.minFreq };
}

/** Length of the UTF-8 sequence a lead byte starts. */
const seqLen = (b: number): number => (b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4);

/** The first character of the bytes at `at`, as one number (its UTF-8 bytes, big-endian). */
function charKey(buf: Uint8Array, at: number): number {
  const n = seqLen(buf[at] as number);
  let k = 0;
  for (let i = 0; i < n; i++) k = k * 256 + ((buf[at + i] as number) | 0);
  return k;
}

/** Compares the words of two lines byte by byte (a word ends at its space): <0, 0, >0. */
function compareWords(buf: Uint8Array, a: number, b: number): number {
  for (;;) {
    const x = buf[a] as number;
    const y = buf[b] as number;
    if (x !== y) return (x === SPACE ? -1 : x) - (y === SPACE ? -1 : y);
    if (x === SPACE) return 0;
    a++;
    b++;
  }
}

/** Index a jieba main dictionary: one pass over its bytes. */
export function indexDict(buf: Uint8Array): DictIndex {
  const starts: number[] = [];
  const ranges: { key: number; from: number; to: number; sorted: boolean }[] = [];
  let total = 0;
  let minFreq = Infinity;
  let current: { key: number; from: number; to: number; sorted: boolean } | null = null;
  let currentKey = -1;
  const n = buf.length;
  let at = 0;
  while (at < n) {
    if (buf[at] === NL) {
      at++;
      continue;
    }
    const line = starts.length;
    starts.push(at);
    const key = charKey(buf, at);
    if (current && key === currentKey) {
      if (current.sorted && compareWords(buf, starts[line - 1] as number, at) >= 0) current.sorted = false;
      current.to = line + 1;
    } else {
      current = { key, from: line, to: line + 1, sorted: true };
      currentKey = key;
      ranges.push(current);
    }
    let p = at;
    while (p < n && buf[p] !== SPACE && buf[p] !== NL) p++;
    let freq = 0;
    if (buf[p] === SPACE) for (p++; p < n && buf[p] !== SPACE && buf[p] !== NL; p++) freq = freq * 10 + ((buf[p] as number) - 48);
    while (p < n && buf[p] !== NL) p++;
    total += freq;
    if (freq < minFreq) minFreq = freq;
    at = p + 1;
  }
  ranges.sort((x, y) => x.key - y.key || x.from - y.from);
  const groups = ranges.flatMap((r) => [r.key, r.from, r.to, r.sorted ? 1 : 0]);
  return { buf, lineStart: Int32Array.from(starts), groups, total, minFreq };
}

/** The character at byte `at` as one number that sorts as its bytes do (-1 for the space ending a word). */
function charAt(buf: Uint8Array, at: number): number {
  const b0 = buf[at] as number;
  if (b0 === SPACE || b0 === NL || b0 === undefined) return -1;
  if (b0 < 0x80) return b0 * 0x1000000;
  if (b0 < 0xe0) return b0 * 0x1000000 + (buf[at + 1] as number) * 0x10000;
  if (b0 < 0xf0) return b0 * 0x1000000 + (buf[at + 1] as number) * 0x10000 + (buf[at + 2] as number) * 0x100;
  return b0 * 0x1000000 + (buf[at + 1] as number) * 0x10000 + (buf[at + 2] as number) * 0x100 + (buf[at + 3] as number);
}

/** Calls `found(line)` for every dictionary line whose word occurs at byte `at` of `text` (UTF-8). */
function wordsAt(index: DictIndex, text: Uint8Array, at: number, found: (line: number) => void): void {
  const { buf, lineStart, groups } = index;
  const key = charKey(text, at);
  // the first range of the key (binary search over the groups, four numbers each)
  let a = 0;
  let b = groups.length / 4;
  while (a < b) {
    const m = (a + b) >>> 1;
    if ((groups[m * 4] as number) < key) a = m + 1;
    else b = m;
  }
  for (let g = a * 4; g < groups.length && groups[g] === key; g += 4) {
    const range = { from: groups[g + 1] as number, to: groups[g + 2] as number, sorted: groups[g + 3] === 1 };
    if (!range.sorted) {
      // out of byte order: line by line
      for (let j = range.from; j < range.to; j++) {
        let s = lineStart[j] as number;
        let t = at;
        while (buf[s] !== SPACE && t < text.length && buf[s] === text[t]) s++, t++;
        if (buf[s] === SPACE) found(j);
      }
      continue;
    }
    // lines [lo, hi) share the text's first k bytes (whole characters); narrow them a character at a time
    let lo = range.from;
    let hi = range.to;
    for (let k = 0; lo < hi && at + k < text.length; ) {
      const c = charAt(text, at + k);
      if (c < 0) break;
      // first line whose character at k is ≥ c (a word that ended at k sorts first), then first one > c
      let a = lo;
      let b = hi;
      while (a < b) {
        const m = (a + b) >>> 1;
        if (charAt(buf, (lineStart[m] as number) + k) < c) a = m + 1;
        else b = m;
      }
      lo = a;
      b = hi;
      while (a < b) {
        const m = (a + b) >>> 1;
        if (charAt(buf, (lineStart[m] as number) + k) <= c) a = m + 1;
        else b = m;
      }
      hi = a;
      k += seqLen(text[at + k] as number);
      // the first line of the range is the shortest: a word when it ends right here
      if (lo < hi && buf[(lineStart[lo] as number) + k] === SPACE) found(lo);
    }
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The text of line `j` of the dictionary. */
function lineText(index: DictIndex, j: number): string {
  const s = index.lineStart[j] as number;
  let e = s;
  while (e < index.buf.length && index.buf[e] !== NL) e++;
  return decoder.decode(index.buf.subarray(s, e));
}

/** Adds to `out` (line number → line text) every dictionary line whose word occurs in `text`. */
export function collectWords(index: DictIndex, text: string, out: Map<number, string>): void {
  const bytes = encoder.encode(text);
  for (let at = 0; at < bytes.length; at++) {
    if (((bytes[at] as number) & 0xc0) === 0x80) continue;
    wordsAt(index, bytes, at, (j) => {
      if (!out.has(j)) out.set(j, lineText(index, j));
    });
  }
}

/** True when every dictionary word of `text` is among `have` (line numbers). */
export function coversText(index: DictIndex, text: string, have: ReadonlyMap<number, string>): boolean {
  const bytes = encoder.encode(text);
  let covered = true;
  for (let at = 0; at < bytes.length && covered; at++) {
    if (((bytes[at] as number) & 0xc0) === 0x80) continue;
    wordsAt(index, bytes, at, (j) => {
      if (!have.has(j)) covered = false;
    });
  }
  return covered;
}

/** The text of a main dictionary holding `lines` that cuts like the full one (see above). */
export function dictText(index: DictIndex, lines: ReadonlyMap<number, string>): string {
  let kept = 0;
  const out: string[] = [];
  for (const line of lines.values()) {
    out.push(line);
    const a = line.indexOf(' ');
    kept += Number(line.slice(a + 1, line.indexOf(' ', a + 1)));
  }
  // frequencies are integers far below 2^53: the sums are exact and the total is the full dictionary's
  out.push(`${MASS_WORD} ${index.total - kept - index.minFreq} x`, `${MIN_WORD} ${index.minFreq} x`);
  return `${out.join('\n')}\n`;
}
