/**
 * The subject of an obligation: the short phrase naming what is counted or bounded, so that the
 * obligations of two plans can be paired (列席区政府常务会议 ↔ 列席区政府常务会议).
 */
import { ACTOR_WORDS, CLAUSE_BREAKS, PERIOD_WORDS } from '../lexicon/obligations';

/** How far a subject is looked for around an obligation, in characters. */
const MAX_REACH = 60;

/** Longest subject kept, in characters. */
const MAX_SUBJECT = 16;

/** Leading words dropped from a subject: prepositions and particles that name no thing. */
const LEADING_NOISE = /^(?:并|且|和|及|再|在|于|向|对|将|把|由|的|等|后|中|之|内|确保|，|、)+/;

/** Trailing particles dropped from a subject. */
const TRAILING_NOISE = /(?:的|后|后的|时|期间|并|在|于|将|等|、|达到|为|是)+$/;

const ACTORS_LONGEST = [...ACTOR_WORDS].sort((a, b) => b.length - a.length);

const PERIOD_RE = new RegExp(
  [...PERIOD_WORDS]
    .map((p) => p.word)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);

function tidy(s: string): string {
  let out = s.replace(/[\s“”‘’"]+/g, '').replace(PERIOD_RE, '');
  for (let i = 0; i < 3; i++) out = out.replace(LEADING_NOISE, '').replace(TRAILING_NOISE, '');
  return out;
}

/** Particles after which a long phrase may be cut (政务公开工作在|绩效考核体系分值权重). */
const CUT_AFTER = /[在的对将把中要和与及]/g;

/** The tail of a long phrase, cut after a particle where one leaves at most MAX_SUBJECT characters. */
function shorten(s: string): string {
  if (s.length <= MAX_SUBJECT) return s;
  for (const m of s.matchAll(CUT_AFTER)) {
    const rest = s.slice((m.index ?? 0) + 1);
    if (rest.length <= MAX_SUBJECT && rest.length >= 2) return rest;
  }
  return s.slice(-MAX_SUBJECT);
}

/** Start of the clause that holds offset `at`. */
export function clauseStart(text: string, at: number): number {
  let i = at;
  const stop = Math.max(0, at - MAX_REACH);
  while (i > stop && !CLAUSE_BREAKS.includes(text[i - 1] as string)) i--;
  return i;
}

/** End (exclusive) of the clause that holds offset `at`. */
export function clauseEnd(text: string, at: number): number {
  let i = at;
  const stop = Math.min(text.length, at + MAX_REACH);
  while (i < stop && !CLAUSE_BREAKS.includes(text[i] as string)) i++;
  return i;
}

/** Where the words around an obligation's number stand. */
export interface SubjectParts {
  /** Start of the obligation's leading words (comparator or number) */
  lead: number;
  /** Words between the comparator and the number (至少[专题听取]2次), empty when none */
  gap: string;
  /** End of the quoted obligation (after the unit and any comparator after it) */
  end: number;
  /** Whether the words after the quote (rather than before) name the thing */
  preferAfter: boolean;
}

/**
 * The short phrase an obligation binds: for 每年至少专题听取 2次工作汇报 it is 专题听取工作汇报; for
 * 年内邀请公众代表列席区政府常务会议不少于 4 次 it is the words before the comparator.
 */
export function subjectOf(text: string, parts: SubjectParts): string {
  const afterEnd = clauseEnd(text, parts.end);
  let after = text.slice(parts.end, afterEnd);
  const de = after.indexOf('的');
  if (de >= 2) after = after.slice(0, de);
  const list = after.indexOf('、');
  if (list >= 2) after = after.slice(0, list);
  after = tidy(after);
  let before = tidy(text.slice(clauseStart(text, parts.lead), parts.lead));
  const actor = ACTORS_LONGEST.find((w) => before.startsWith(w));
  if (actor) before = tidy(before.slice(actor.length));
  const gap = tidy(parts.gap);
  let subject: string;
  if (parts.preferAfter && after) subject = gap + after;
  else if (before) subject = shorten(before + (after ? '' : gap));
  else subject = gap + after;
  return subject.slice(0, MAX_SUBJECT);
}
