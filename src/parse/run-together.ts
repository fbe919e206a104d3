/**
 * Plans copied from web aggregators often arrive as one long line: `…工作要点 一、加强政策公开（一）深化重大
 * 决策公开1.编制…。（区司法局）2.…`, headings running straight into their text. This splits such a line
 * into pieces at the heading markers that continue their numbering (一、 after nothing or the last 一、;
 * （二） after （一）; 3. after 2.), so the parsers see one heading or item per line. Every piece keeps the
 * number of the line it came from, so sources still cite the input line.
 */
import { squeezeSpaces } from '../text/normalize';
import { parseNumber } from '../text/numerals';
import { HEADING_NUMERAL_CHARS } from '../lexicon/layout';
import type { Line } from './lines';

/** Lines shorter than this are never split. */
const RUN_MIN_LENGTH = 150;
/** A line is split only when it holds at least this many markers in sequence. */
const RUN_MIN_MARKERS = 3;

const CN = `[${HEADING_NUMERAL_CHARS}]{1,3}`;
const MARKER = new RegExp(`(${CN})、|[（(](${CN})[）)]|(\\d{1,6})[.．、](?!\\d)`, 'g');
const NUMERAL_BEFORE = new RegExp(`[${HEADING_NUMERAL_CHARS}\\d.．第]`);

/** Offsets in `s` where a heading marker in sequence begins. */
function markerOffsets(s: string): number[] {
  const last: (number | undefined)[] = [];
  /** Whether a level may start again at 1: at first, and after a marker of a higher level */
  const fresh = [true, true, true, true];
  const out: number[] = [];
  for (const m of s.matchAll(MARKER)) {
    const at = m.index;
    if (at > 0 && NUMERAL_BEFORE.test(s[at - 1]!)) continue;
    const level = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
    const n = parseNumber(m[1] ?? m[2] ?? m[3]!);
    if (n === null || !(n === (last[level] ?? 0) + 1 || (n === 1 && fresh[level]))) continue;
    last[level] = n;
    fresh[level] = false;
    for (let deeper = level + 1; deeper <= 3; deeper++) fresh[deeper] = true;
    out.push(at);
  }
  return out;
}

function lineOf(no: number, piece: string): Line {
  const text = piece.trim();
  const squeezed = text === '' ? '' : /[ \t]/.test(text) ? squeezeSpaces(text) : text;
  return { no, raw: piece, text, squeezed, empty: squeezed === '', footer: false };
}

/**
 * Splits the lines that run a whole plan together at their heading markers; other lines are kept as they
 * are. Returns the input array itself when no line is split.
 */
export function splitRunTogether(lines: Line[]): Line[] {
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let pieces: string[] | null = null;
    if (line.text.length >= RUN_MIN_LENGTH && !line.raw.includes('\t')) {
      const offsets = markerOffsets(line.text);
      if (offsets.length >= RUN_MIN_MARKERS) {
        pieces = [];
        let from = 0;
        for (const at of offsets) {
          if (at > from) pieces.push(line.text.slice(from, at));
          from = at;
        }
        pieces.push(line.text.slice(from));
      }
    }
    if (pieces && !out) out = lines.slice(0, i);
    if (out) {
      if (pieces) for (const p of pieces) out.push(lineOf(line.no, p));
      else out.push(line);
    }
  }
  return out ?? lines;
}
