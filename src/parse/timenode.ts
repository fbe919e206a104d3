/**
 * 时间节点: reads a task's time node (`全年`, `3月底前`, `次年一季度`, `3-6 月 9-10 月` …) into a
 * `TimeNode` whose window can be compared with another one for tighter or looser.
 *
 * Conventions (documented in the method notes):
 * - `M月前` means before month M begins: the deadline is the last day of month M−1 (`10月前` → 09-30).
 * - `M月底前`, `M月底`, `M月末` mean by the last day of month M (`11月底前` → 11-30).
 * - `M月D日前` and a bare `M月D日` mean by that day, inclusive (`4月20日前` → 04-20).
 * - A deadline leaves the start open (`start: null`) and `months` empty; a window (`全年`, `上半年`,
 *   `二季度`, `3-6月`) gives its first and last day and the months it covers.
 * - February ends on the 28th unless the node prints a leap year.
 */
import type { TimeNode, TimeNodeKind } from '../types';
import {
  BEFORE_WORDS,
  CONTINUOUS_WORDS,
  END_OF_PERIOD_WORDS,
  HALF_WORDS,
  LIST_SEPARATORS,
  MONTH_PART_END_DAY,
  NEXT_YEAR_WORDS,
  RANGE_DASHES,
  WHOLE_YEAR_WORDS,
  YEAR_END_WORDS,
} from '../lexicon/timenode';
import { squeezeSpaces } from '../text/normalize';
import { parseNumber } from '../text/numerals';

const NUM = '(\\d{1,2}|[〇零一二两三四五六七八九十]{1,3})';
const DASH = `[${escapeClass(RANGE_DASHES)}]`;
const SEP_ONE = `[${escapeClass(LIST_SEPARATORS)}]`;
const SEP = `${SEP_ONE}*`;

function escapeClass(chars: string): string {
  return chars.replace(/[-\\\]^]/g, (c) => `\\${c}`);
}

function byLength(words: readonly string[]): string[] {
  return [...words].sort((a, b) => b.length - a.length);
}

function alternation(words: readonly string[]): string {
  return byLength(words).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

const MONTH_ITEM = new RegExp(`^${NUM}(月)?(?:${DASH}${NUM})?(月)?(份)?`);
const DAY_ITEM = new RegExp(`^${NUM}[日号]`);
const DATE_RANGE_TAIL = new RegExp(`^${DASH}${NUM}月${NUM}[日号]`);
const QUARTER_ITEM = new RegExp(`^第?${NUM}(?:(?:${SEP_ONE}+|${DASH})第?${NUM})*个?季度?`);
const MONTH_PART = new RegExp(`^(${alternation(Object.keys(MONTH_PART_END_DAY))})`);
const END_SUFFIX = new RegExp(`^(${alternation(END_OF_PERIOD_WORDS)})`);
const BEFORE_SUFFIX = new RegExp(`^(${alternation(BEFORE_WORDS)})`);
const TIME_WORD_START = new RegExp(
  `^(?:\\d{4}年|${alternation([...NEXT_YEAR_WORDS, ...WHOLE_YEAR_WORDS, ...YEAR_END_WORDS, ...CONTINUOUS_WORDS, ...Object.keys(HALF_WORDS)])}|第?[一二三四1-4](?:季度|季)|${NUM}(?:${DASH}${NUM})?月)`,
);

/** Reads `12`, `十二`, `十`, `二` as a number (the shared reader); NaN when it is not one. */
function readNumber(s: string): number {
  return parseNumber(s) ?? NaN;
}

function daysInMonth(month: number, year: number | null): number {
  if (month === 2) return year != null && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function mmdd(month: number, day: number): string {
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m++) out.push(m);
  return out;
}

interface Draft {
  kind: TimeNodeKind;
  start: string | null;
  end: string | null;
  months: number[];
  /** Added to the node's yearOffset (a `1月前` deadline falls in the year before) */
  shift?: number;
}

const UNKNOWN: Draft = { kind: 'unknown', start: null, end: null, months: [] };

/** One printed month, month range or date, with what follows it. */
interface MonthItem {
  from: number;
  to: number;
  day: number | null;
  /** A second date closing a date range (`1月1日至3月31日`) */
  until: { month: number; day: number } | null;
  /** `end`: by the end of it; `before`: before it begins; null: the window itself */
  suffix: 'end' | 'before' | null;
}

function readMonthItems(s: string, year: number | null): { items: MonthItem[]; rest: string } | null {
  const items: MonthItem[] = [];
  let rest = s;
  for (;;) {
    const m = MONTH_ITEM.exec(rest);
    if (!m || (m[2] === undefined && m[4] === undefined)) break;
    const from = readNumber(m[1]!);
    const to = m[3] !== undefined ? readNumber(m[3]) : from;
    if (!(from >= 1 && from <= 12 && to >= from && to <= 12)) break;
    if (m[3] !== undefined && m[4] === undefined && m[2] !== undefined) break; // `3月-6` without 月
    let after = rest.slice(m[0].length);
    let day: number | null = null;
    let until: MonthItem['until'] = null;
    if (m[3] === undefined) {
      const d = DAY_ITEM.exec(after);
      if (d) {
        const value = readNumber(d[1]!);
        if (value >= 1 && value <= daysInMonth(from, year === null ? 2000 : year)) {
          day = value;
          after = after.slice(d[0].length);
          const r = DATE_RANGE_TAIL.exec(after);
          if (r) {
            const month2 = readNumber(r[1]!);
            const day2 = readNumber(r[2]!);
            if (month2 >= 1 && month2 <= 12 && day2 >= 1 && day2 <= 31) {
              until = { month: month2, day: Math.min(day2, daysInMonth(month2, year)) };
              after = after.slice(r[0].length);
            }
          }
        }
      } else {
        const part = MONTH_PART.exec(after);
        if (part) {
          const end = MONTH_PART_END_DAY[part[1]!]!;
          day = Math.min(end, daysInMonth(from, year));
          after = after.slice(part[0].length);
        }
      }
    }
    let suffix: MonthItem['suffix'] = null;
    const endWord = END_SUFFIX.exec(after);
    const beforeWord = BEFORE_SUFFIX.exec(after);
    if (endWord && day === null) {
      suffix = 'end';
      after = after.slice(endWord[0].length);
    } else if (beforeWord) {
      suffix = 'before';
      after = after.slice(beforeWord[0].length);
    }
    if (day !== null && suffix === null && until === null) suffix = 'end';
    items.push({ from, to, day, until, suffix });
    const sep = new RegExp(`^${SEP}`).exec(after);
    rest = after.slice(sep ? sep[0].length : 0);
  }
  return items.length > 0 ? { items, rest } : null;
}

function monthsDraft(items: MonthItem[], year: number | null): Draft {
  const deadlines = items.filter((it) => it.suffix !== null);
  if (deadlines.length > 0) {
    // The last deadline printed is the one the whole task must meet.
    let best: { month: number; day: number; shift: number } | null = null;
    for (const it of deadlines) {
      let month = it.to;
      let day = it.day ?? daysInMonth(month, year);
      let shift = 0;
      if (it.suffix === 'before' && it.day === null) {
        month = it.to === 1 ? 12 : it.to - 1;
        shift = it.to === 1 ? -1 : 0;
        day = daysInMonth(month, year);
      }
      const key = shift * 10000 + month * 100 + day;
      if (!best || key > best.shift * 10000 + best.month * 100 + best.day) best = { month, day, shift };
    }
    const b = best!;
    return { kind: 'by-date', start: null, end: mmdd(b.month, b.day), months: [], shift: b.shift };
  }
  const ranged = items.find((it) => it.until !== null);
  if (ranged && ranged.until && ranged.day !== null) {
    const from = ranged.from;
    const to = ranged.until.month;
    if (to < from) return UNKNOWN;
    return { kind: 'by-date', start: mmdd(from, ranged.day), end: mmdd(to, ranged.until.day), months: range(from, to) };
  }
  const months = [...new Set(items.flatMap((it) => range(it.from, it.to)))].sort((a, b) => a - b);
  const first = months[0]!;
  const last = months[months.length - 1]!;
  return { kind: 'months', start: mmdd(first, 1), end: mmdd(last, daysInMonth(last, year)), months };
}

function quarterDraft(match: string, after: string): { draft: Draft; rest: string } | null {
  const nums = [...match.matchAll(/\d{1,2}|[〇零一二两三四五六七八九十]{1,3}/g)].map((m) => readNumber(m[0]));
  if (nums.length === 0 || nums.some((n) => !(n >= 1 && n <= 4))) return null;
  const isRange = new RegExp(DASH).test(match.replace(/^第/, ''));
  const quarters = isRange && nums.length === 2 ? range(nums[0]!, nums[1]!) : [...new Set(nums)].sort((a, b) => a - b);
  if (quarters.length === 0) return null;
  const months = quarters.flatMap((q) => range(q * 3 - 2, q * 3));
  const first = quarters[0]!;
  const last = quarters[quarters.length - 1]!;
  const endOfLast = mmdd(last * 3, daysInMonth(last * 3, null));
  const endWord = END_SUFFIX.exec(after);
  if (endWord) {
    return { draft: { kind: 'by-date', start: null, end: endOfLast, months: [] }, rest: after.slice(endWord[0].length) };
  }
  const beforeWord = BEFORE_SUFFIX.exec(after);
  if (beforeWord) {
    const end = first === 1 ? '12-31' : mmdd(first * 3 - 3, daysInMonth(first * 3 - 3, null));
    return {
      draft: { kind: 'by-date', start: null, end, months: [], shift: first === 1 ? -1 : 0 },
      rest: after.slice(beforeWord[0].length),
    };
  }
  return { draft: { kind: 'quarter', start: mmdd(first * 3 - 2, 1), end: endOfLast, months }, rest: after };
}

/** Word lists looked up at the start of a node, longest first (sorted once, at module load). */
const CONTINUOUS_FIRST = byLength(CONTINUOUS_WORDS);
const YEAR_END_FIRST = byLength(YEAR_END_WORDS);
const WHOLE_YEAR_FIRST = byLength(WHOLE_YEAR_WORDS);
const HALF_FIRST = byLength(Object.keys(HALF_WORDS));
const NEXT_YEAR_FIRST = byLength(NEXT_YEAR_WORDS);

/** The first of `words` (sorted longest first) that `s` starts with, or null. */
function startsWithAny(s: string, words: readonly string[]): string | null {
  for (const w of words) if (s.startsWith(w)) return w;
  return null;
}

/** Reads the node at the start of `s` (after any year words). */
function readDraft(s: string, year: number | null): Draft {
  if (startsWithAny(s, CONTINUOUS_FIRST)) return { kind: 'continuous', start: null, end: null, months: [] };
  if (startsWithAny(s, YEAR_END_FIRST)) return { kind: 'year', start: null, end: '12-31', months: [] };
  if (startsWithAny(s, WHOLE_YEAR_FIRST)) return { kind: 'year', start: '01-01', end: '12-31', months: range(1, 12) };
  const half = startsWithAny(s, HALF_FIRST);
  if (half) {
    const [from, to] = HALF_WORDS[half]!;
    const after = s.slice(half.length);
    if (END_SUFFIX.test(after) || half === '年中') return { kind: 'by-date', start: null, end: mmdd(to, daysInMonth(to, year)), months: [] };
    return { kind: 'half', start: mmdd(from, 1), end: mmdd(to, daysInMonth(to, year)), months: range(from, to) };
  }
  const q = QUARTER_ITEM.exec(s);
  if (q && /季/.test(q[0])) {
    const read = quarterDraft(q[0], s.slice(q[0].length));
    if (read) return read.draft;
  }
  const months = readMonthItems(s, year);
  if (months) return monthsDraft(months.items, year);
  return UNKNOWN;
}

/**
 * Parses a time node (时间节点) such as `全年`, `上半年`, `三季度`, `3月底前`, `4月20日前`,
 * `3-6 月 9-10 月`, `4月、10月`, `2024 年 1月`, `次年一季度`, `常态化`. Returns null for empty input and
 * a node of kind `unknown` (null window) for text it cannot read. Never throws.
 */
export function parseTimeNode(raw: string): TimeNode | null {
  const printed = squeezeSpaces(raw.replace(/\s+/g, ' ')).replace(/[。；;，,、]+$/, '');
  if (printed === '') return null;
  const atStart = readAt(printed, printed);
  if (atStart.kind !== 'unknown') return atStart;
  // The node may follow other words (`力争3月底前完成`): try each place a time word can begin.
  const limit = Math.min(printed.length, 200);
  for (let i = 1; i < limit; i++) {
    if (!TIME_WORD_START.test(printed.slice(i, i + 12))) continue;
    if (/[\d〇零一二两三四五六七八九十第]/.test(printed[i - 1]!) && /[\d〇零一二两三四五六七八九十]/.test(printed[i]!)) continue;
    const found = readAt(printed.slice(i), printed);
    if (found.kind !== 'unknown') return found;
  }
  return atStart;
}

/** Reads the node at the start of `s`, after any year words (`2024年`, `次年`). */
function readAt(text: string, printed: string): TimeNode {
  let s = text;
  let year: number | null = null;
  let yearOffset = 0;
  for (;;) {
    const y = /^(\d{4})年(度)?/.exec(s);
    if (y) {
      year = Number(y[1]);
      s = s.slice(y[0].length);
      if (s === '' || /^[内中]/.test(s)) {
        if (s.startsWith('中')) {
          return node(printed, { kind: 'by-date', start: null, end: '06-30', months: [] }, year, yearOffset);
        }
        return node(printed, { kind: 'year', start: '01-01', end: '12-31', months: range(1, 12) }, year, yearOffset);
      }
      if (/^[底末]/.test(s)) return node(printed, { kind: 'year', start: null, end: '12-31', months: [] }, year, yearOffset);
      continue;
    }
    const next = startsWithAny(s, NEXT_YEAR_FIRST);
    if (next) {
      yearOffset = 1;
      s = s.slice(next.length);
      if (s === '' || /^[内中]/.test(s)) {
        return node(printed, { kind: 'year', start: '01-01', end: '12-31', months: range(1, 12) }, year, yearOffset);
      }
      if (/^[底末]/.test(s)) return node(printed, { kind: 'year', start: null, end: '12-31', months: [] }, year, yearOffset);
      continue;
    }
    break;
  }
  return node(printed, readDraft(s, year), year, yearOffset);
}

function node(raw: string, draft: Draft, year: number | null, yearOffset: number): TimeNode {
  return {
    raw,
    kind: draft.kind,
    start: draft.start,
    end: draft.end,
    months: draft.months,
    yearOffset: yearOffset + (draft.shift ?? 0),
    year,
  };
}

/** Day number of `MM-DD` counted from the plan year's 1 January, shifted by whole years. */
function dayNumber(value: string, yearOffset: number): number {
  const [month, day] = value.split('-').map(Number) as [number, number];
  let days = 0;
  for (let m = 1; m < month; m++) days += daysInMonth(m, null);
  return yearOffset * 365 + days + day;
}

/** Days the node's window covers; an open start counts from 1 January of its year. */
function windowDays(n: TimeNode): number {
  const end = dayNumber(n.end!, n.yearOffset);
  if (n.months.length > 0 && n.kind !== 'by-date') {
    return n.months.reduce((sum, m) => sum + daysInMonth(m, null), 0);
  }
  const start = n.start === null ? dayNumber('01-01', n.yearOffset) : dayNumber(n.start, n.yearOffset);
  return end - start + 1;
}

/**
 * Compares time node `b` with time node `a`: `tighter` when b's deadline is earlier, or the deadline
 * is the same and b's window is narrower; `looser` the other way round; `same` when both end on the
 * same day with windows of the same length; `incomparable` when either has no known end (continuous
 * work, unknown text). Years printed in the nodes are ignored: nodes are read relative to their own
 * plan's year, with `yearOffset` for 次年.
 */
export function compareTimeNodes(a: TimeNode, b: TimeNode): 'tighter' | 'looser' | 'same' | 'incomparable' {
  if (a.kind === 'continuous' && b.kind === 'continuous') return 'same';
  if (a.end === null || b.end === null) return 'incomparable';
  const endA = dayNumber(a.end, a.yearOffset);
  const endB = dayNumber(b.end, b.yearOffset);
  if (endB < endA) return 'tighter';
  if (endB > endA) return 'looser';
  const widthA = windowDays(a);
  const widthB = windowDays(b);
  if (widthB < widthA) return 'tighter';
  if (widthB > widthA) return 'looser';
  return 'same';
}
