/**
 * Where a plan's document ends, and what follows it: the trailer (抄送 list, printing line
 * `…办公室 2024年3月20日印发`) closes the plan; text after the trailer, or a second plan in the same
 * file, is not read and is reported as a message with its lines, never dropped silently.
 */
import type { Message } from '../types';
import { endsSentence, isContentLine, isTrailerLine, type Line } from './lines';
import { matchHeading } from './headings';
import { issuerOf, readDate, titleOf } from './meta';

/** Result of `findDocumentEnd`. */
export interface DocumentEnd {
  /** Index of the first line after the plan's own text (the trailer's first line, or the line count) */
  end: number;
  /** Messages about text after the plan that is not read */
  messages: Message[];
}

/** Longest line read as part of the trailer (a wrapped 抄送 list line, an issuer, a date). */
const TRAILER_LINE_MAX = 60;
const PRINTED_LINE = /\d{4}年\d{1,2}月\d{1,2}日印发$/;

/** Lines quoted in a message, at most this many characters. */
const QUOTE_MAX = 60;

function quote(s: string): string {
  return s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX)}…` : s;
}

function linesWord(first: number, last: number): string {
  return last > first ? `lines ${first}–${last}` : `line ${first}`;
}

/** How a line after the trailer's start belongs to it: `list` (抄送 list or its wrapped lines), `line`, or not. */
function trailerPart(line: Line, previous: 'list' | 'line' | null, previousLine: Line | null): 'list' | 'line' | null {
  const s = line.squeezed;
  if (PRINTED_LINE.test(s)) return 'line';
  if (isTrailerLine(line)) return 'list';
  if (s.length > TRAILER_LINE_MAX || matchHeading(s) || titleOf(s)) return null;
  if (issuerOf(s) || (readDate(s) && s.length <= 24)) return 'line';
  // A wrapped 抄送 list: the list line before does not end its sentence.
  return previous === 'list' && previousLine !== null && !endsSentence(previousLine.squeezed) ? 'list' : null;
}

/**
 * Finds the end of the plan's text in `lines` and reports what comes after it: a second plan (a title
 * line, `document/second-document`) or any other text after the trailer (`document/after-trailer`).
 * A plan title printed after the body has begun (`bodyStart`: first body heading index) also ends the
 * plan, as the start of a second one.
 */
export function findDocumentEnd(lines: readonly Line[], file: string, bodyStart: number): DocumentEnd {
  let trailer = lines.length;
  let second = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isContentLine(line)) continue;
    if (isTrailerLine(line)) {
      trailer = i;
      break;
    }
    // A second plan's title: a dated title line (`2023年…工作要点`), not a heading, before a body heading.
    const s = line.squeezed;
    const t = i > bodyStart && s.length <= TRAILER_LINE_MAX && /\d{4}年/.test(s) && !matchHeading(s) ? titleOf(s) : null;
    if (t && !t.table && nextIsHeading(lines, i)) {
      second = i;
      break;
    }
  }
  const messages: Message[] = [];
  let from = second;
  if (trailer < lines.length) {
    // Skip the trailer block.
    let previous: 'list' | 'line' | null = null;
    let previousLine: Line | null = null;
    from = lines.length;
    for (let i = trailer; i < lines.length; i++) {
      const line = lines[i]!;
      if (!isContentLine(line)) continue;
      const part = trailerPart(line, previous, previousLine);
      if (part === null) {
        from = i;
        break;
      }
      previous = part;
      previousLine = line;
    }
  }
  if (from < lines.length) {
    let last = from;
    let title: string | null = null;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!;
      if (!isContentLine(line)) continue;
      last = i;
      if (title === null && line.squeezed.length <= TRAILER_LINE_MAX) {
        const t = titleOf(line.squeezed);
        if (t && !t.table) title = t.title;
      }
    }
    const place = { file, lineStart: lines[from]!.no, lineEnd: lines[last]!.no };
    const where = linesWord(place.lineStart, place.lineEnd);
    if (title !== null) {
      messages.push({
        reason: `the file holds a second document, “${title}” (${where}); only the first plan is read`,
        place,
        ruleId: 'document/second-document',
        fatal: false,
      });
    } else {
      messages.push({
        reason: `text after the end of the plan (${where}) is not read: “${quote(lines[from]!.squeezed)}”`,
        place,
        ruleId: 'document/after-trailer',
        fatal: false,
      });
    }
  }
  return { end: Math.min(trailer, second), messages };
}

/** True when the next content line after `i` (within a few lines) is a level-1 or level-2 heading. */
function nextIsHeading(lines: readonly Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + 40; j++) {
    const line = lines[j]!;
    if (!isContentLine(line)) continue;
    const m = matchHeading(line.squeezed);
    if (m && m.level <= 2) return true;
    // A notice or the date may come between the title and the body.
    if (line.squeezed.length > TRAILER_LINE_MAX * 4) return false;
  }
  return false;
}
