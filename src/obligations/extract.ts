/**
 * Quantitative obligations of a task: every number the task commits the government to (不少于 4次,
 * 每月至少开展1—2场, 10个工作日内, 3月31日前, 8月集中组织, 不低于4%, 1000万元以上).
 *
 * Two steps, as in Recognizers-Text: find spans first (a number with its unit word, and around them a
 * comparator, a period word or a deadline word), then resolve the span's value. Numerals are read only
 * inside a matched span, so names such as 一网通办, 三同步 or 十四五 are never rewritten. The words live in
 * src/lexicon/obligations.ts and src/lexicon/numerals.ts.
 *
 * Never obligations: ordinals (第五次), names and slogans in quotes (“三同步”, “五个中心”), versions
 * (6.0版), hotlines (12345), years and year ranges (2023 年-2026 年), document numbers (〔2019〕54号) and
 * bare counts with neither a comparator nor a period (26个试点领域). A count inside a disclosure (按季度公开
 * …新增6000个公共泊位…的进展情况) is kind `reported`: a target the plan reports on, not one it commits to.
 */
import {
  CLAUSE_BREAKS,
  COMPARATORS_AFTER,
  COMPARATORS_BEFORE,
  COUNT_AFTER_WORDS,
  DATE_DEADLINE_WORDS,
  DEADLINE_BEFORE_WORDS,
  IDIOMATIC_COUNTS,
  MAX_VERB_GAP,
  MONTH_AFTER_WORDS,
  MONTH_BEFORE_WORDS,
  MONTH_END_WORDS,
  MONTH_PART_WORDS,
  NAME_PREFIXES,
  PERIOD_WORDS,
  QUOTE_PAIRS,
  REPORTING_NOUNS,
  REPORTING_VERBS,
  SENTENCE_BREAKS,
  UNIT_WORDS,
  YEAR_END_DEADLINES,
  YEAR_END_NOT_AFTER,
  type ComparatorWord,
  type PeriodWord,
  type UnitWord,
} from '../lexicon/obligations';
import { EXCEPTION_CLOSE, EXCEPTION_OPEN, MAX_EXCEPTION } from '../lexicon/modality';
import { CHINESE_NUMERAL_CHARS, RANGE_JOINERS } from '../lexicon/numerals';
import type { Comparator, Obligation, ObligationKind, Task } from '../types';
import { parseNumber, round } from '../text/numerals';
import { subjectOf } from './subject';

/** Unit reported for dates, whose value is month*100+day (3月31日 → 331). */
export const DATE_UNIT = 'MM-DD';
/** Unit reported for months (8月 → 8). */
export const MONTH_UNIT = '月';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = <T>(list: readonly T[], key: (x: T) => string): T[] =>
  [...list].sort((a, b) => key(b).length - key(a).length);

const ARABIC = '[0-9０-９]+(?:[.．][0-9０-９]+)?[十百千万亿]?';
const CHINESE = `[${CHINESE_NUMERAL_CHARS}]+`;
const NUM = `(?:${ARABIC}|${CHINESE})`;
const JOIN = RANGE_JOINERS.map(escape).join('|');
const SPACE = '[ \\t\\u3000\\u00a0]*';
/** A number, optionally a range of two (1—2, 3-6, 一至两). */
const NUMBER_RE = new RegExp(`(${NUM})(?:${SPACE}(?:${JOIN})${SPACE}(${NUM}))?`, 'gu');

/** Characters before a Chinese numeral showing it is inside a word (统一, 唯一, 之一, 进一步, 万一). */
const WORD_INTERNAL_BEFORE = '统唯之万进逐同单专划整归合一';
/** Characters before an Arabic number showing it is part of a code or name (6.0, 3+5, A1, 〔2019〕54). */
const CODE_BEFORE = /[0-9０-９.．+＋/#№A-Za-z〕\]_-]$/;

const UNITS_LONGEST = byLength(UNIT_WORDS, (u) => u.surface);
const BEFORE_LONGEST = byLength(COMPARATORS_BEFORE, (c) => c.word);
const AFTER_LONGEST = byLength(COMPARATORS_AFTER, (c) => c.word);
const PERIODS_LONGEST = byLength(PERIOD_WORDS, (p) => p.word);
const IS_HAN = /\p{Script=Han}/u;
/** A quote longer than this (with its marks) may hold a target the plan reports on; a shorter one is a name. */
const MIN_QUOTED_TARGET = 10;
const IS_SPACE = /[ \t\u3000\u00a0]/;

interface Region {
  start: number;
  end: number;
}

/** Quoted names in a text: their ranges, and per offset whether it is strictly inside one (and which). */
interface Quotes {
  /** Ranges, marks included */
  list: Region[];
  /** 1 where the offset is strictly inside a quote */
  inside: Uint8Array;
  /** Index into `list` of the outermost quote holding the offset, -1 when none */
  owner: Int32Array;
}

/** Quoted names (“…”, 《…》, 〔…〕 …) of the text, with per-offset lookups so that scans stay linear. */
function quoteRegions(text: string): Quotes {
  const list = quoteRanges(text);
  const inside = new Uint8Array(text.length + 1);
  const owner = new Int32Array(text.length + 1).fill(-1);
  // Outermost quotes first (by start, longer first); each offset is written once.
  const order = list.map((_, i) => i).sort((a, b) => {
    const ra = list[a] as Region;
    const rb = list[b] as Region;
    return ra.start - rb.start || rb.end - ra.end;
  });
  let covered = 0;
  for (const index of order) {
    const r = list[index] as Region;
    for (let k = Math.max(r.start + 1, covered); k < r.end; k++) {
      inside[k] = 1;
      owner[k] = index;
    }
    covered = Math.max(covered, r.end - 1);
  }
  return { list, inside, owner };
}

/** Content ranges of quoted names in the text. */
function quoteRanges(text: string): Region[] {
  const regions: Region[] = [];
  const stack: { close: string; at: number }[] = [];
  let asciiOpen = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const close = QUOTE_PAIRS[ch];
    if (ch === '"') {
      if (asciiOpen < 0) asciiOpen = i;
      else {
        regions.push({ start: asciiOpen, end: i + 1 });
        asciiOpen = -1;
      }
    } else if (close !== undefined) {
      stack.push({ close, at: i });
    } else {
      let top = stack.length - 1;
      while (top >= 0 && (stack[top] as { close: string }).close !== ch) top--;
      if (top >= 0) {
        regions.push({ start: (stack[top] as { at: number }).at, end: i + 1 });
        stack.length = top;
      }
    }
  }
  return regions;
}

/** Exceptions (除8月份集中开展政府开放活动外): a number inside one is excluded from the task, not committed to. */
function exceptionRegions(text: string): Region[] {
  const out: Region[] = [];
  for (let i = text.indexOf(EXCEPTION_OPEN); i >= 0; i = text.indexOf(EXCEPTION_OPEN, i + 1)) {
    const window = text.slice(i + 1, i + 1 + MAX_EXCEPTION);
    const stop = window.search(/[，,。；;！？!?]/);
    const scope = stop >= 0 ? window.slice(0, stop) : window;
    // the exception must end right before a clause break: 除…外，
    const closes = EXCEPTION_CLOSE.filter((w) => scope.endsWith(w));
    if (closes.length && stop >= 0) out.push({ start: i, end: i + 1 + scope.length });
  }
  return out;
}

const isNumeralChar = (ch: string | undefined): boolean => ch !== undefined && ch !== '' && CHINESE_NUMERAL_CHARS.includes(ch);

const inRegion = (quotes: Quotes, at: number): boolean => quotes.inside[at] === 1;

/** How far a clause is looked into around a number, in characters (keeps long unpunctuated input linear). */
const MAX_CLAUSE_REACH = 120;

/** Start of the clause holding `at`, ignoring breaks inside quotes. */
function clauseStartAt(text: string, at: number, regions: Quotes, breaks = CLAUSE_BREAKS): number {
  let i = at;
  const stop = Math.max(0, at - MAX_CLAUSE_REACH);
  while (i > stop && !(breaks.includes(text[i - 1] as string) && !inRegion(regions, i - 1))) i--;
  return i;
}

/** End (exclusive) of the clause holding `at`, ignoring breaks inside quotes. */
function clauseEndAt(text: string, at: number, regions: Quotes, breaks = CLAUSE_BREAKS): number {
  let i = at;
  const stop = Math.min(text.length, at + MAX_CLAUSE_REACH);
  while (i < stop && !(breaks.includes(text[i] as string) && !inRegion(regions, i))) i++;
  return i;
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && IS_SPACE.test(text[i] as string)) i++;
  return i;
}

function skipSpacesBack(text: string, at: number): number {
  let i = at;
  while (i > 0 && IS_SPACE.test(text[i - 1] as string)) i--;
  return i;
}

/** The longest word of `words` starting at `at`. */
function wordAt<T>(text: string, at: number, words: readonly T[], key: (x: T) => string): T | null {
  for (const w of words) if (text.startsWith(key(w), at)) return w;
  return null;
}

/** The longest word of `words` ending at `at`. */
function wordBefore<T>(text: string, at: number, words: readonly T[], key: (x: T) => string): T | null {
  for (const w of words) {
    const k = key(w);
    if (at >= k.length && text.slice(at - k.length, at) === k) return w;
  }
  return null;
}

/** The unit word at `at`, unless the characters after it show it is part of another word (个人, 一次性). */
function unitAt(text: string, at: number): UnitWord | null {
  for (const u of UNITS_LONGEST) {
    if (!text.startsWith(u.surface, at)) continue;
    const next = text[at + u.surface.length];
    if (u.notBefore && next !== undefined && u.notBefore.includes(next)) continue;
    return u;
  }
  return null;
}

/** A comparator before the number, allowing a short verb between (至少专题听取 2次, 至少选择 1个). */
function comparatorBefore(
  text: string,
  numberStart: number,
  clauseStart: number,
): { word: ComparatorWord; start: number; gap: string } | null {
  const end = skipSpacesBack(text, numberStart);
  for (let g = 0; g <= MAX_VERB_GAP; g++) {
    const at = end - g;
    if (at <= clauseStart) break;
    if (g > 0 && !IS_HAN.test(text[at] as string)) break;
    const word = wordBefore(text, at, BEFORE_LONGEST, (c) => c.word);
    if (word && at - word.word.length >= clauseStart) {
      return { word, start: at - word.word.length, gap: text.slice(at, end) };
    }
  }
  return null;
}

/** The last period word in the clause before `at` (每年, 年内, 每季度 …). */
function periodBefore(text: string, clauseStart: number, at: number): { word: PeriodWord; start: number } | null {
  for (let i = at - 1; i >= clauseStart; i--) {
    const word = wordAt(text, i, PERIODS_LONGEST, (p) => p.word);
    if (word && i + word.word.length <= at) return { word, start: i };
  }
  return null;
}

/** True when the number sits inside a disclosure: 公开…[number]…的进展情况. */
function isReported(text: string, start: number, end: number, regions: Quotes): boolean {
  const cs = clauseStartAt(text, start, regions);
  const ce = clauseEndAt(text, end, regions);
  const after = text.slice(end, ce);
  if (!REPORTING_NOUNS.some((w) => after.includes(w))) return false;
  const before = text.slice(cs, start);
  return REPORTING_VERBS.some((w) => before.includes(w)) || inRegion(regions, start);
}

const LAST_DAY = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

interface Draft {
  kind: ObligationKind;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
  period: string | null;
  quoteStart: number;
  quoteEnd: number;
  /** Where the words naming the subject end on the left (the comparator or number, not the period word) */
  subjectStart: number;
  gap: string;
  preferAfter: boolean;
}

/** A month-based span at the `月` after a number: a date (3月31日前, 10月底前), a month bound or a month. */
function monthSpan(
  text: string,
  m: { start: number; value: number; valueMax: number | null; monthAt: number },
  clauseStart: number,
  regions: Quotes,
): Draft | null {
  const { start, value, valueMax, monthAt } = m;
  const month = value;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (valueMax !== null && (!Number.isInteger(valueMax) || valueMax > 12 || valueMax <= month)) return null;
  if (inRegion(regions, start)) return null;
  let p = skipSpaces(text, monthAt + 1);
  // the deadline word after a date or month: 前, 之前 …
  const deadlineAt = (at: number): { comparator: Comparator; end: number } | null => {
    const q = skipSpaces(text, at);
    const w = wordAt(text, q, byLength(DATE_DEADLINE_WORDS, (x) => x), (x) => x);
    return w ? { comparator: '<=', end: q + w.length } : null;
  };
  const draft = (kind: ObligationKind, comparator: Comparator, v: number, vMax: number | null, end: number): Draft => ({
    kind,
    comparator,
    value: v,
    valueMax: vMax,
    unit: kind === 'date' ? DATE_UNIT : MONTH_UNIT,
    period: null,
    quoteStart: start,
    quoteEnd: end,
    subjectStart: start,
    gap: '',
    preferAfter: true,
  });

  if (valueMax === null) {
    // M月D日 / M月D号
    NUMBER_RE.lastIndex = p;
    const dm = NUMBER_RE.exec(text);
    if (dm && dm.index === p && !dm[2]) {
      const day = parseNumber(dm[1] as string);
      const q = skipSpaces(text, p + (dm[1] as string).length);
      if (day !== null && Number.isInteger(day) && day >= 1 && day <= 31 && /[日号]/.test(text[q] ?? '')) {
        const dl = deadlineAt(q + 1);
        return draft('date', dl ? dl.comparator : '=', month * 100 + day, null, dl ? dl.end : q + 1);
      }
    }
    // M月底 / M月末 (end of month)
    const endWord = wordAt(text, p, MONTH_END_WORDS, (x) => x);
    if (endWord) {
      const dl = deadlineAt(p + endWord.length);
      return draft('date', '<=', month * 100 + (LAST_DAY[month] as number), null, dl ? dl.end : p + endWord.length);
    }
    // M月上旬 / 中旬 / 下旬
    const part = wordAt(text, p, Object.keys(MONTH_PART_WORDS), (x) => x);
    if (part) {
      const d = MONTH_PART_WORDS[part] as number | 'last';
      const day = d === 'last' ? (LAST_DAY[month] as number) : d;
      const dl = deadlineAt(p + part.length);
      return draft('date', dl ? '<=' : '=', month * 100 + day, null, dl ? dl.end : p + part.length);
    }
  }
  // M月前: a bound on the month
  const dl = valueMax === null ? deadlineAt(p) : null;
  if (dl) return draft('month', '<=', month, null, dl.end);
  // a bare month needs a scheduling word before or after it (在 8月集中组织, 每年8月, 8月份)
  const beforeAt = skipSpacesBack(text, start);
  const anchorBefore = wordBefore(text, beforeAt, byLength(MONTH_BEFORE_WORDS, (x) => x), (x) => x);
  const atClauseStart = beforeAt <= clauseStart;
  const afterWord = wordAt(text, p, byLength(MONTH_AFTER_WORDS, (x) => x), (x) => x);
  if (!anchorBefore && !afterWord && !atClauseStart) return null;
  let end = monthAt + 1;
  if (afterWord === '份') end = p + 1;
  const out = draft('month', valueMax !== null ? 'range' : '=', month, valueMax, end);
  if (anchorBefore?.startsWith('每年')) {
    out.period = 'year';
    out.quoteStart = beforeAt - anchorBefore.length;
  }
  return out;
}

/** A span at a number followed by a unit word. */
function unitSpan(
  text: string,
  m: { start: number; value: number; valueMax: number | null; unitAt: number; unit: UnitWord; chinese: boolean },
  clauseStart: number,
  regions: Quotes,
): Draft | null {
  const { start, unit } = m;
  let value = round(m.value * unit.scale);
  let valueMax = m.valueMax === null ? null : round(m.valueMax * unit.scale);
  const unitEnd = m.unitAt + unit.surface.length;
  const afterAt = skipSpaces(text, unitEnd);
  const afterAll = wordAt(text, afterAt, AFTER_LONGEST, (c) => c.word);
  const after =
    afterAll && (unit.family !== 'count' || COUNT_AFTER_WORDS.includes(afterAll.word)) &&
    !(unit.family === 'duration' && afterAll.comparator === '<=' && /前/.test(afterAll.word))
      ? afterAll
      : null;
  const before = comparatorBefore(text, start, clauseStart);
  const period = periodBefore(text, clauseStart, before ? before.start : start);
  const end = after ? afterAt + after.word.length : unitEnd;

  let comparator: Comparator;
  if (valueMax !== null) comparator = 'range';
  else if (before && after && before.word.comparator !== after.comparator)
    comparator = unit.family === 'duration' ? after.comparator : before.word.comparator;
  else comparator = before?.word.comparator ?? after?.comparator ?? '=';

  let kind: ObligationKind;
  let preferAfter = true;
  let periodOut: string | null = null;
  const quoted = inRegion(regions, start);
  if (unit.family === 'duration') {
    if (quoted) return null;
    const deadlineWord = after && after.comparator === '<=';
    const boundBefore = before && before.word.comparator === '<=';
    const framed = DEADLINE_BEFORE_WORDS.some((w) => text.slice(clauseStart, start).endsWith(w));
    if (!deadlineWord && !boundBefore && !framed && unit.unit !== '个工作日') return null;
    // 每月15日前: a day of the month, not a duration
    if (text[skipSpacesBack(text, start) - 1] === '月') return null;
    kind = 'deadline';
  } else {
    const bound = Boolean(before || after);
    // inside quotes only a long quoted target can be reported on; a short quote is a name (“新三件套”)
    const quoteRegion = regions.list[regions.owner[start] ?? -1];
    const longQuote = !quoteRegion || (quoteRegion.end - quoteRegion.start > MIN_QUOTED_TARGET && !m.chinese);
    if (!bound && longQuote && isReported(text, start, end, regions)) {
      kind = 'reported';
    } else if (quoted) {
      return null;
    } else if (unit.family === 'percent') {
      kind = 'percentage';
      preferAfter = false;
    } else if (unit.family === 'amount') {
      kind = 'amount';
      preferAfter = false;
    } else {
      if (!bound && !period) return null;
      kind = period?.word.recurring ? 'frequency' : 'count';
      periodOut = period?.word.period ?? null;
    }
  }
  if (valueMax !== null && valueMax <= value) {
    valueMax = null;
    comparator = before?.word.comparator ?? after?.comparator ?? '=';
  }
  let quoteStart = before ? before.start : start;
  if (period && periodOut && quoteStart - (period.start + period.word.word.length) <= 8) quoteStart = period.start;
  value = round(value);
  return {
    kind,
    comparator,
    value,
    valueMax,
    unit: unit.unit,
    period: periodOut,
    quoteStart,
    quoteEnd: end,
    subjectStart: before ? before.start : start,
    gap: before?.gap ?? '',
    preferAfter,
  };
}

/**
 * Every quantitative obligation of a task (or of a plain string), in text order. Spans index the task
 * text: `text.slice(o.span.start, o.span.end) === o.quote`.
 *
 * @example extractObligations('年内邀请公众代表列席区政府常务会议不少于 4 次')
 *   → [{ kind: 'count', comparator: '>=', value: 4, unit: '次', period: 'year', … }]
 */
export function extractObligations(task: Task | string): Obligation[] {
  const text = typeof task === 'string' ? task : (task?.text ?? '');
  if (typeof text !== 'string' || !text) return [];
  const regions = quoteRegions(text);
  const exceptions = exceptionRegions(text);
  const out: Obligation[] = [];
  const re = new RegExp(NUMBER_RE.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    const first = m[1] as string;
    const second = m[2];
    const chinese = !/[0-9０-９]/.test(first);
    const prev = text.slice(0, skipSpacesBack(text, start));
    if (chinese && prev && WORD_INTERNAL_BEFORE.includes(prev.slice(-1))) continue;
    if (!chinese && CODE_BEFORE.test(text.slice(0, start))) continue;
    if (NAME_PREFIXES.some((w) => prev.endsWith(w))) continue;
    const value = parseNumber(first);
    if (value === null) continue;
    let valueMax: number | null = null;
    let numberEnd = start + m[0].length;
    if (second !== undefined) {
      valueMax = parseNumber(second);
      if (valueMax === null) {
        numberEnd = start + first.length;
        re.lastIndex = numberEnd;
      }
    }
    const p = skipSpaces(text, numberEnd);
    const clauseStart = clauseStartAt(text, start, regions);
    let draft: Draft | null = null;
    if (text[p] === '月') {
      draft = monthSpan(text, { start, value, valueMax, monthAt: p }, clauseStart, regions);
      // the day of a date was consumed with the month
      if (draft) re.lastIndex = Math.max(re.lastIndex, draft.quoteEnd);
    } else {
      const unit = unitAt(text, p);
      // 一户一档, 一事一审: numeral-unit-numeral is a slogan; 一批, 二次解读 are idioms
      const idiom =
        unit !== null &&
        chinese &&
        unit.family === 'count' &&
        (isNumeralChar(text[p + unit.surface.length]) ||
          IDIOMATIC_COUNTS.includes(first + unit.surface));
      if (unit && !idiom) draft = unitSpan(text, { start, value, valueMax, unitAt: p, unit, chinese }, clauseStart, regions);
    }
    if (!draft || exceptions.some((r) => r.start <= start && start < r.end)) continue;
    const quote = text.slice(draft.quoteStart, draft.quoteEnd);
    out.push({
      kind: draft.kind,
      comparator: draft.comparator,
      value: draft.value,
      valueMax: draft.valueMax,
      unit: draft.unit,
      period: draft.period,
      subject: subjectOf(text, {
        lead: draft.subjectStart,
        gap: draft.gap,
        end: draft.quoteEnd,
        preferAfter: draft.preferAfter,
      }),
      quote,
      span: { start: draft.quoteStart, end: draft.quoteEnd },
    });
  }
  // 年底前: a date with no number
  for (const word of YEAR_END_DEADLINES) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      const lead = text.slice(Math.max(0, at - 2), at).replace(/年$/, '');
      if ([...lead].some((ch) => YEAR_END_NOT_AFTER.includes(ch)) || inRegion(regions, at)) continue;
      if (out.some((o) => o.span.start <= at && at < o.span.end)) continue;
      const end = at + word.length;
      out.push({
        kind: 'date',
        comparator: '<=',
        value: 1231,
        valueMax: null,
        unit: DATE_UNIT,
        period: null,
        subject: subjectOf(text, { lead: at, gap: '', end, preferAfter: true }),
        quote: word,
        span: { start: at, end },
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
