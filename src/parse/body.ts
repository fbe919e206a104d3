/**
 * Tasks of a plan without a task table, read from its body: the numbered items (1. 2. …), else the
 * sentence groups that close with a responsible-units parenthesis (`…情况（区政府各部门、各街镇）。`),
 * else the （一） sections. Unit parentheses are taken out of the text and read as the task's units;
 * a parenthesis holding a time node (`（完成时限：6月底前）`) becomes its time node.
 */
import { isTimeLike, isUnitsLike, splitUnitsAndTime } from './cells';
import type { BodyHeading } from './headings';
import { isContentLine, type Line } from './lines';
import { PREAMBLE_PART, PREAMBLE_TITLES, TIME_TEXT_LABELS } from '../lexicon/layout';

const TIME_LABEL = new RegExp(`^\\s*(?:${[...TIME_TEXT_LABELS].sort((a, b) => b.length - a.length).join('|')})\\s*[：:]`);

/** A task read from the body. */
export interface BodyTask {
  /** Printed item number, or null when the layout prints none */
  printed: number | null;
  text: string;
  /** Unit parentheses' texts joined with `；` */
  units: string;
  /** Time parenthesis text, empty when none */
  time: string;
  section: string[];
  /** Index of the first line */
  first: number;
  /** Index of the last line */
  last: number;
  /** A closing paragraph after the task that ends its part and is not read into it (first and last line
   * indexes, text), when there is one */
  closing?: { first: number; last: number; text: string };
}

/** A span of lines joined into one text, with a map from offsets back to lines. */
interface Joined {
  text: string;
  /** Start offset of each line's text, ascending */
  starts: number[];
  /** Line index of each piece */
  indexes: number[];
}

function joinSpan(lines: readonly Line[], from: number, to: number, firstOffset: number): Joined {
  // Pieces are collected and joined once: reading a character of a string built by `+=` flattens it,
  // which would make long spans quadratic.
  const pieces: string[] = [];
  let length = 0;
  let last = '';
  const starts: number[] = [];
  const indexes: number[] = [];
  for (let i = from; i <= to; i++) {
    const line = lines[i]!;
    if (!isContentLine(line)) continue;
    const s = i === from ? line.squeezed.slice(firstOffset) : line.squeezed;
    if (s === '') continue;
    if (/[A-Za-z0-9]/.test(last) && /^[A-Za-z0-9]/.test(s)) {
      pieces.push(' ');
      length++;
    }
    starts.push(length);
    indexes.push(i);
    pieces.push(s);
    length += s.length;
    last = s[s.length - 1]!;
  }
  return { text: pieces.join(''), starts, indexes };
}

/** Line index of the character at `offset`. */
function lineAt(j: Joined, offset: number): number {
  let lo = 0;
  let hi = j.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (j.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return j.indexes[lo] ?? 0;
}

/** A parenthesis group of a text. */
interface Group {
  start: number;
  end: number;
  inner: string;
  /** `both`: units and time node in one parenthesis (`责任单位：区府办；完成时限：全年`) */
  kind: 'units' | 'time' | 'both' | 'other';
  /** The units and the time node of a `both` group */
  split?: { units: string; time: string };
}

const MAX_GROUP = 300;

/** Top-level （…） groups of `text`, nested ones kept inside, each classified. */
function findGroups(text: string): Group[] {
  const groups: Group[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if ((ch === '）' || ch === ')') && depth > 0) {
      depth--;
      if (depth === 0) {
        const inner = text.slice(start + 1, i);
        const kind = isUnitsLike(inner) ? 'units' : isTimeLike(inner) ? 'time' : 'other';
        const split = kind === 'other' ? splitUnitsAndTime(inner) : null;
        groups.push(split ? { start, end: i + 1, inner, kind: 'both', split } : { start, end: i + 1, inner, kind });
      }
    }
    if (depth > 0 && i - start > MAX_GROUP) {
      // An unclosed bracket: give up on it and go on after it.
      i = start;
      depth = 0;
    }
  }
  return groups;
}

/** Removes unit and time groups from `text`; returns the text and the removed texts. */
function takeGroups(text: string, groups: Group[]): { text: string; units: string[]; time: string[] } {
  let out = '';
  let cursor = 0;
  const units: string[] = [];
  const time: string[] = [];
  for (const g of groups) {
    if (g.kind === 'other') continue;
    out += text.slice(cursor, g.start);
    cursor = g.end;
    if (g.kind === 'units') units.push(g.inner.trim());
    else if (g.kind === 'both') {
      units.push(g.split!.units);
      time.push(g.split!.time);
    } else time.push(g.inner.replace(TIME_LABEL, '').trim());
  }
  out += text.slice(cursor);
  return { text: tidy(out), units, time };
}

function tidy(s: string): string {
  return s
    .replace(/^[\s。；;，,、：:]+/, '')
    .replace(/([。；;，,])[，,。]+/g, '$1')
    .trim();
}

/** Index of the last line of a heading's span: up to the next heading of its level or above. */
function spanEnd(flat: readonly BodyHeading[], k: number, bodyTo: number): { end: number; nextLevel: number | null } {
  const h = flat[k]!;
  for (let n = k + 1; n < flat.length; n++) {
    if (flat[n]!.level <= h.level) return { end: flat[n]!.index - 1, nextLevel: flat[n]!.level };
  }
  return { end: bodyTo - 1, nextLevel: null };
}

/** Tasks of a heading span (an item or a section): its whole text, unit and time groups taken out. */
function spanTask(lines: readonly Line[], flat: readonly BodyHeading[], k: number, bodyTo: number): BodyTask | null {
  const h = flat[k]!;
  const { end, nextLevel } = spanEnd(flat, k, bodyTo);
  let joined = joinSpan(lines, h.index, end, h.restOffset);
  let groups = findGroups(joined.text);
  let last = joined.indexes[joined.indexes.length - 1] ?? h.index;
  let closing: BodyTask['closing'];
  // The last item of a part may be followed by a closing paragraph that is not part of it.
  const unitGroups = groups.filter((g) => g.kind === 'units' || g.kind === 'both');
  const lastGroup = unitGroups[unitGroups.length - 1];
  if (lastGroup && (nextLevel === null || nextLevel < h.level)) {
    const closingLine = lineAt(joined, lastGroup.end - 1);
    const pos = joined.indexes.indexOf(closingLine);
    const lineEndOffset = pos + 1 < joined.starts.length ? joined.starts[pos + 1]! : joined.text.length;
    const after = joined.text.slice(lastGroup.end, lineEndOffset).trim();
    if (/^[。；;.]?$/.test(after) && pos + 1 < joined.starts.length) {
      const rest = joinSpan(lines, closingLine + 1, end, 0);
      if (rest.text !== '') closing = { first: rest.indexes[0]!, last: rest.indexes[rest.indexes.length - 1]!, text: rest.text };
      joined = joinSpan(lines, h.index, closingLine, h.restOffset);
      groups = findGroups(joined.text);
      last = closingLine;
    }
  }
  const taken = takeGroups(joined.text, groups);
  if (taken.text === '') return null;
  return {
    printed: h.number,
    text: taken.text,
    units: taken.units.join('；'),
    time: taken.time.join('；'),
    section: h.path.slice(0, -1),
    first: h.index,
    last,
    ...(closing ? { closing } : {}),
  };
}

/**
 * True when the heading states the plan's aims (its title is 总体要求, 指导思想, 工作目标 …) or is an item
 * of such a part (1. 2. under （二）工作目标). Items under a 总体要求 part with other titles stay tasks.
 */
function inPreamble(h: BodyHeading): boolean {
  const own = h.path[h.path.length - 1] ?? '';
  const parent = h.path[h.path.length - 2] ?? '';
  const isAim = (title: string) => PREAMBLE_TITLES.includes(title.replace(/[。：:]$/, ''));
  return isAim(own) || (isAim(parent) && parent.replace(/[。：:]$/, '') !== PREAMBLE_PART);
}

/** The numbered items (level-3 headings) of the body as tasks, those under 总体要求 and the like aside. */
export function numberedItems(lines: readonly Line[], flat: readonly BodyHeading[], bodyTo: number): BodyTask[] {
  const out: BodyTask[] = [];
  flat.forEach((h, k) => {
    if (h.level !== 3 || inPreamble(h)) return;
    const t = spanTask(lines, flat, k, bodyTo);
    if (t) out.push(t);
  });
  return out;
}

/** The sections of the deepest of levels 2 and 1 as tasks, those under 总体要求 and the like aside. */
export function sectionTasks(lines: readonly Line[], flat: readonly BodyHeading[], bodyTo: number): BodyTask[] {
  const level = flat.some((h) => h.level === 2) ? 2 : 1;
  const out: BodyTask[] = [];
  flat.forEach((h, k) => {
    if (h.level !== level || inPreamble(h)) return;
    const t = spanTask(lines, flat, k, bodyTo);
    if (t) out.push({ ...t, printed: null });
  });
  return out;
}

/**
 * Sentence groups closing with a responsible-units parenthesis, in each heading's own text (after its
 * title). Text after the last parenthesis of a heading belongs to no task; it is kept as the `closing` of
 * the task before it, so that the plan can say it was not read.
 */
export function unitSentences(lines: readonly Line[], flat: readonly BodyHeading[], bodyTo: number): BodyTask[] {
  const out: BodyTask[] = [];
  flat.forEach((h, k) => {
    const next = flat[k + 1];
    const end = (next ? next.index : bodyTo) - 1;
    const from = h.textFrom;
    if (from.index > end) return;
    const joined = joinSpan(lines, from.index, end, from.offset);
    const before = out.length;
    let cursor = 0;
    for (const g of findGroups(joined.text)) {
      if (g.kind !== 'units' && g.kind !== 'both') continue;
      const closeStop = joined.text[g.end] === '。' ? g.end + 1 : g.end;
      const body = joined.text.slice(cursor, g.start);
      // Other groups inside the sentence stay; a time group is read as the time node.
      const inner = findGroups(body);
      const taken = takeGroups(body, inner.filter((x) => x.kind === 'time'));
      let text = taken.text;
      if (text !== '' && closeStop > g.end && !/[。；;]$/.test(text)) text += '。';
      const leading = body.length - body.replace(/^[\s。；;，,、：:]+/, '').length;
      if (text !== '') {
        out.push({
          printed: null,
          text,
          units: g.kind === 'both' ? g.split!.units : g.inner.trim(),
          time: [...taken.time, ...(g.kind === 'both' ? [g.split!.time] : [])].join('；'),
          section: h.path,
          first: lineAt(joined, cursor + leading),
          last: lineAt(joined, g.end - 1),
        });
      }
      cursor = closeStop;
    }
    // Text after the heading's last parenthesis closes the part: kept as a note on the task before it.
    const rest = joined.text.slice(cursor);
    const lead = rest.length - rest.replace(/^[\s。；;，,、：:]+/, '').length;
    if (out.length > before && /[\p{L}\p{N}]/u.test(rest)) {
      out[out.length - 1]!.closing = { first: lineAt(joined, cursor + lead), last: lineAt(joined, joined.text.length - 1), text: tidy(rest) };
    }
  });
  return out;
}
