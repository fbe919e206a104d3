/**
 * What two matched sides share: which sentence of one carries the obligation a sentence of the other
 * carries, and which task of a group is a task's own counterpart. Both are read from the words the texts
 * share, each word weighted by how rare it is among the tasks of the two plans (a word every task uses,
 * like 政务公开, says little about which sentence is meant).
 */
import { MODALITY_CUES } from '../lexicon/modality';
import { ACTOR_ENDINGS } from '../lexicon/scope';
import { isContentToken } from '../text/tokenize';

/** A sentence of a side's text: where it is and its content words. */
export interface Sentence {
  /** The sentence, without its closing mark */
  text: string;
  /** Offset in the side's text */
  start: number;
  /** Its terms ({@link contentWords}) */
  words: string[];
}

/** Where a sentence ends: 。；！？ (the main verb governs the comma-joined phrases up to there). */
const SENTENCE_END = /[；;。！？!?\n]/;

/** The weight of a word missing from a weight table: the table's largest (computed once per table). */
const FALLBACK = new WeakMap<ReadonlyMap<string, number>, number>();

/** The character bigrams of a text's letters and digits (`政策辅导` → 政策, 策辅, 辅导), as term weights count them. */
export function textBigrams(text: string): string[] {
  const out: string[] = [];
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    if (/^[\p{L}\p{N}]{2}$/u.test(g)) out.push(g);
  }
  return out;
}

/** Word weights from many texts' words: log(N / df), so that rarer words weigh more. */
export function wordWeights(docs: Iterable<readonly string[]>): Map<string, number> {
  const df = new Map<string, number>();
  let n = 0;
  for (const words of docs) {
    n++;
    for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  for (const [w, d] of df) weights.set(w, Math.log((n + 1) / d));
  return weights;
}

const CUE_WORDS = new Set(MODALITY_CUES.map((c) => c.word));

/**
 * The terms of what a text asks to be done, from its pieces (tokens): the character bigrams of its words
 * of two or more characters, leaving out words that name who acts (see ACTOR_ENDINGS) and modality cue
 * words (鼓励, 确保: what is compared, not what is shared). Bigrams let 政策辅导 meet 宣传和辅导.
 */
export function contentWords(pieces: readonly string[]): string[] {
  const terms: string[] = [];
  for (const piece of pieces) {
    const w = piece.trim();
    if (w.length < 2 || !isContentToken(w) || CUE_WORDS.has(w) || ACTOR_ENDINGS.some((e) => w.endsWith(e))) continue;
    for (let i = 0; i + 1 < w.length; i++) terms.push(w.slice(i, i + 2));
  }
  return terms;
}

/**
 * Cosine of two word lists weighted by `weights` (a word not in the table weighs as the rarest one
 * would); 0 when either has no words.
 */
export function weightedCosine(x: readonly string[], y: readonly string[], weights: ReadonlyMap<string, number>): number {
  let fallback = FALLBACK.get(weights);
  if (fallback === undefined) {
    fallback = Math.max(1, ...weights.values());
    FALLBACK.set(weights, fallback);
  }
  const vec = (words: readonly string[]): Map<string, number> => {
    const v = new Map<string, number>();
    for (const w of words) v.set(w, (v.get(w) ?? 0) + (weights.get(w) ?? fallback));
    return v;
  };
  const vx = vec(x);
  const vy = vec(y);
  let dot = 0;
  for (const [w, a] of vx) dot += a * (vy.get(w) ?? 0);
  const norm = (v: Map<string, number>): number => Math.sqrt([...v.values()].reduce((s, a) => s + a * a, 0));
  const d = norm(vx) * norm(vy);
  return d > 0 ? dot / d : 0;
}

/** A text cut into sentences, from its pieces (which concatenate to it); each with its {@link contentWords}. */
export function sentencesOf(pieces: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  let parts: string[] = [];
  let start = 0;
  let at = 0;
  const close = (): void => {
    const text = parts.join('');
    if (text.trim()) out.push({ text, start, words: contentWords(parts) });
    parts = [];
  };
  for (const piece of pieces) {
    const end = piece.search(SENTENCE_END);
    if (end >= 0) {
      if (end > 0) parts.push(piece.slice(0, end));
      close();
      start = at + end + 1;
    } else {
      if (!parts.length) start = at;
      parts.push(piece);
    }
    at += piece.length;
  }
  close();
  return out;
}

/** Pairs whose score is below this share of the best pair's are not the shared obligation. */
const SHARED_SHARE = 0.5;

/**
 * The sentences of `a` and `b` that carry the obligations the two sides share: each sentence of the side
 * with fewer sentences with the sentence of the other side it shares most with (by {@link weightedCosine}),
 * keeping the pairs that score at least half as much as the best one. Empty when no two sentences share
 * a word. A task of one sentence (鼓励…参与政策宣传和辅导) thus meets the one sentence of a longer task that
 * carries the same obligation (加大对各类组织的政策辅导力度，确保…), not the others.
 */
export function sharedSentences(
  a: readonly Sentence[],
  b: readonly Sentence[],
  weights: ReadonlyMap<string, number>,
): { a: Sentence; b: Sentence; score: number }[] {
  const flip = a.length > b.length;
  const [small, large] = flip ? [b, a] : [a, b];
  const found: { a: Sentence; b: Sentence; score: number }[] = [];
  for (const s of small) {
    let best: { other: Sentence; score: number } | null = null;
    for (const other of large) {
      const score = weightedCosine(s.words, other.words, weights);
      if (score > 0 && (!best || score > best.score)) best = { other, score };
    }
    if (best) found.push(flip ? { a: best.other, b: s, score: best.score } : { a: s, b: best.other, score: best.score });
  }
  const top = Math.max(0, ...found.map((f) => f.score));
  return found.filter((f) => f.score >= top * SHARED_SHARE);
}
