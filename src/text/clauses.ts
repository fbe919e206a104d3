/**
 * Clauses: the spans of a task that each carry one obligation. A task is cut at sentence ends (。；！？)
 * and at `，` where both sides are full obligations, i.e. each side has its own obligation verb and the
 * left side is not a mere framing phrase (围绕…，做好… stays one clause). Nothing is cut inside quotes
 * or brackets.
 */
import type { Clause } from '../types';
import { FRAMING_WORDS, OBLIGATION_VERBS } from '../lexicon/field-terms';

const HARD = new Set(['。', '；', ';', '！', '？', '!', '?']);
const SOFT = new Set(['，', ',']);
const OPEN = new Set(['“', '（', '(', '《', '【', '「', '‘', '〔', '[']);
const CLOSE = new Set(['”', '）', ')', '》', '】', '」', '’', '〕', ']']);

/** A part shorter than this (in non-space characters) never stands alone as a clause. */
const MIN_PART = 6;

const VERB_RE = new RegExp(OBLIGATION_VERBS.join('|'));
const FRAMING_RE = new RegExp(`^(?:${FRAMING_WORDS.join('|')})`);

const compact = (s: string): string => s.replace(/[\s，,。；;！？!?、]+/g, '');
const hasVerb = (s: string): boolean => VERB_RE.test(compact(s));
const isFraming = (s: string): boolean => FRAMING_RE.test(compact(s).replace(/^[“"（(《]/, ''));

interface Span {
  start: number;
  end: number;
}

/** Trim whitespace and delimiters from both ends of a span; null when nothing is left. */
function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /[\s，,。；;！？!?、：:]/.test(text[s] as string)) s++;
  while (e > s && /[\s，,。；;！？!?、]/.test(text[e - 1] as string)) e--;
  return s < e ? { start: s, end: e } : null;
}

/**
 * Split a task text into clauses with offsets into it.
 *
 * @example clauses('编制发布年度目录。做好解读，及时回应关切') → 编制发布年度目录 · 做好解读 · 及时回应关切
 */
export function clauses(text: string): Clause[] {
  // 1. sentences, cut at depth 0; 2. soft parts inside each sentence
  const sentences: { span: Span; cuts: number[] }[] = [];
  let depth = 0;
  let start = 0;
  let cuts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '"') depth = depth > 0 ? depth - 1 : depth + 1;
    else if (depth === 0 && HARD.has(ch)) {
      sentences.push({ span: { start, end: i + 1 }, cuts });
      start = i + 1;
      cuts = [];
    } else if (depth === 0 && SOFT.has(ch)) cuts.push(i);
  }
  if (start < text.length) sentences.push({ span: { start, end: text.length }, cuts });

  const out: Clause[] = [];
  const push = (s: number, e: number): void => {
    const t = trimSpan(text, s, e);
    if (t) out.push({ text: text.slice(t.start, t.end), start: t.start, end: t.end });
  };
  for (const { span, cuts: soft } of sentences) {
    const bounds = [span.start, ...soft.map((c) => c + 1), span.end];
    // units: comma parts, where a framing part (围绕…，) is glued to the part after it
    const units: Span[] = [];
    let open = false;
    for (let k = 0; k + 1 < bounds.length; k++) {
      const part = { start: bounds[k] as number, end: bounds[k + 1] as number };
      const last = units[units.length - 1];
      if (open && last) last.end = part.end;
      else units.push(part);
      open = isFraming(text.slice(part.start, part.end));
    }
    // cut between two units only when both are full obligations
    const full = (u: Span): boolean => {
      const t = text.slice(u.start, u.end);
      return compact(t).length >= MIN_PART && hasVerb(t);
    };
    let cur = units[0];
    for (let k = 1; k < units.length; k++) {
      const u = units[k] as Span;
      if (cur && full(cur) && full(u)) {
        push(cur.start, cur.end);
        cur = { ...u };
      } else if (cur) cur = { start: cur.start, end: u.end };
    }
    if (cur) push(cur.start, cur.end);
  }
  return out;
}
