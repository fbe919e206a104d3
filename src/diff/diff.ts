/**
 * `diffPlans`: what was added, dropped, strengthened or weakened between two plans. Builds on the
 * alignment, then classifies every matched pair from its obligations, modality, units and time node.
 */
import { alignPlans, type AlignPlansOptions } from '../align/align';
import { isPreparedPlan, type PreparedPlan } from '../align/prepare';
import { extractObligations } from '../obligations/extract';
import { modalityOf, type ModalityResult } from '../modality/modality';
import { PLAIN_VERBS } from '../lexicon/modality';
import { compareScope, scopeOf } from '../modality/scope';
import { tokenize, tokenPieces, type Tokenizer } from '../text/tokenize';
import type {
  Alignment,
  Change,
  DiffPair,
  Modality,
  Obligation,
  PairStatus,
  Plan,
  PlanDiff,
  Task,
  TaskPair,
} from '../types';
import { obligationChanges } from './obligations';
import { contentWords, sentencesOf, sharedSentences, textBigrams, weightedCosine, wordWeights } from './shared';
import { displayDiff } from './display';
import { diffTokens } from './textdiff';
import { timeNodeChange, type PlanDates } from './timenode';

/** Options of `diffPlans`. */
export interface DiffOptions extends AlignPlansOptions {
  /** A ready alignment of the two plans (default: `alignPlans(a, b, options)`) */
  alignment?: Alignment;
}

const MODALITY_ORDER: Modality[] = ['explore', 'advance', 'must', 'mandatory'];

/** Text of a side of a pair: its tasks' texts joined in printed order. */
export function sideText(tasks: Task[]): string {
  return tasks.map((t) => t.text).join('');
}

/** Text normalized for the `unchanged` test: punctuation and spaces ignored. */
function canonicalText(text: string): string {
  return text.replace(/[\s，。；：、,.;:！？!?“”"'‘’（）()《》〈〉【】\[\]—-]/g, '');
}

/** A unit name without its bracketed notes (各街镇〔园区〕, 区行政服务中心（区大数据中心）) and spaces. */
function unitName(u: string): string {
  return u.replace(/[〔【（(［\[][^〔【（(［\[〕】）)］\]]*[〕】）)］\]]/g, '').replace(/\s+/g, '') || u;
}

/** The units of a side as printed, and as compared (names without bracketed notes). */
function unitsOf(tasks: Task[]): { text: string; key: string } {
  const lead = [...new Set(tasks.flatMap((t) => t.units.lead))].sort();
  // in a group, a unit that leads one task and supports another is listed once, as a lead
  const support = [...new Set(tasks.flatMap((t) => t.units.support))].filter((u) => !lead.includes(u)).sort();
  const list = (lead: string[], support: string[]) => `${lead.join('、')}${support.length ? `；配合：${support.join('、')}` : ''}`;
  const leadKey = [...new Set(lead.map(unitName))].sort();
  const supportKey = [...new Set(support.map(unitName))].filter((u) => !leadKey.includes(u)).sort();
  return { text: list(lead, support), key: list(leadKey, supportKey) };
}

/** An unmarked imperative: no cue, or a plain action verb at the advance level (see PLAIN_VERBS). */
function unmarked(m: ModalityResult): boolean {
  return m.level === 'advance' && (m.cue == null || PLAIN_VERBS.includes(m.cue));
}

/**
 * The modality changes of a pair, judged on the sentences that carry the obligations the two sides share
 * (see `sharedSentences`): a modal word of another sentence never decides. Each change quotes its two
 * sentences, so a reader sees which words set each level. None when the levels agree, when no sentence of
 * one side shares a word with a sentence of the other, or when one side is a bare imperative and the
 * other is not exploratory.
 */
function modalityChanges(a: Task[], b: Task[], context: PairContext): Change[] {
  const sentences = (tasks: Task[]) => tasks.flatMap((t) => sentencesOf(context.pieces(t)));
  const changes: Change[] = [];
  for (const shared of sharedSentences(sentences(a), sentences(b), context.weights)) {
    const ma = modalityOf(shared.a.text);
    const mb = modalityOf(shared.b.text);
    const ia = MODALITY_ORDER.indexOf(ma.level);
    const ib = MODALITY_ORDER.indexOf(mb.level);
    if (ia === ib) continue;
    // A bare imperative is not weaker than 应当/确保: compare it only with an exploratory clause.
    if ((unmarked(ma) && ib > ia) || (unmarked(mb) && ia > ib)) continue;
    const quoteA = shared.a.text.trim();
    const quoteB = shared.b.text.trim();
    if (changes.some((c) => c.quoteA === quoteA && c.quoteB === quoteB)) continue;
    changes.push({ kind: 'modality', direction: ib > ia ? 'stronger' : 'weaker', before: ma.level, after: mb.level, quoteA, quoteB });
  }
  return changes;
}

/** What classifying a pair reads besides the pair: the plans' dates, word weights and each task's pieces. */
export interface PairContext {
  /** Year and issue date of plan a and plan b, that time nodes are read against */
  plans: { a: PlanDates; b: PlanDates };
  /** Word weights over the tasks of both plans (`wordWeights`) */
  weights: ReadonlyMap<string, number>;
  /** A task's text cut into pieces (its tokens) */
  pieces(task: Task): string[];
}

/** A context for pairs classified on their own: no plan dates, every word weighing the same. */
function standaloneContext(cut: (tasks: Task[]) => string[]): PairContext {
  return { plans: { a: { year: null, issueDate: null }, b: { year: null, issueDate: null } }, weights: new Map(), pieces: (t) => cut([t]) };
}

/** Status of a pair from its changes and whether its text changed. */
export function statusOf(changes: Change[], sameText: boolean): PairStatus {
  const stronger = changes.some((c) => c.direction === 'stronger');
  const weaker = changes.some((c) => c.direction === 'weaker');
  if (stronger && weaker) return 'mixed';
  if (stronger) return 'strengthened';
  if (weaker) return 'weakened';
  return sameText && changes.length === 0 ? 'unchanged' : 'reworded';
}

/** Classifies one aligned pair; `cut` gives the pieces of a side's texts (the tasks' pieces, in order). */
export function classifyPair(
  pair: TaskPair,
  obligationsOf: (task: Task) => Obligation[],
  cut: (tasks: Task[]) => string[],
  context: PairContext = standaloneContext(cut),
): DiffPair {
  const textA = sideText(pair.a);
  const textB = sideText(pair.b);
  const changes: Change[] = [];
  changes.push(...obligationChanges(pair.a.flatMap(obligationsOf), pair.b.flatMap(obligationsOf)));
  const sameText = canonicalText(textA) === canonicalText(textB);
  // the same words bind the same: only texts that differ can differ in modality
  if (textA !== textB) changes.push(...modalityChanges(pair.a, pair.b, context));
  const unitsA = unitsOf(pair.a);
  const unitsB = unitsOf(pair.b);
  if (unitsA.key !== unitsB.key && unitsA.key && unitsB.key) {
    const [before, after] = [unitsA.text, unitsB.text];
    changes.push({ kind: 'units', direction: 'neutral', before, after, quoteA: before, quoteB: after });
  }
  const words = (t: Task) => contentWords(context.pieces(t));
  const time = timeNodeChange(pair.a, pair.b, context.plans, (x, y) => weightedCosine(words(x), words(y), context.weights));
  if (time) changes.push(time);
  const scope = scopeChange(pair.a, pair.b, cut);
  if (scope) changes.push(scope);
  return {
    ...pair,
    status: statusOf(changes, sameText),
    changes,
    textDiff: sameText && textA === textB ? [{ op: '=', text: textA }] : diffTokens(cut(pair.a), cut(pair.b)),
  };
}

/** Cuts a text into pieces that concatenate back to it: its tokens, with the gaps between them kept. */
export function cutForDiff(text: string, tokenizer?: Tokenizer): string[] {
  return tokenPieces(text, tokenize(text, tokenizer ? { tokenizer } : {}));
}

/** The text from `start` to `end`, widened to the edges of the pieces (tokens) it touches: whole words. */
function wholeWords(pieces: readonly string[], start: number, end: number): string {
  let at = 0;
  let from = start;
  let to = end;
  for (const piece of pieces) {
    const next = at + piece.length;
    if (at <= start && start < next) from = at;
    if (at < end && end <= next) to = next;
    at = next;
  }
  return pieces.join('').slice(from, to);
}

/**
 * Scope as the task text states it (who must act, what is covered). The responsible units are compared
 * apart, as a `units` change, so that a renamed office is not also read as a wider or narrower scope.
 * Values name each actor and coverage word once, as whole words of the text (全区各级, not 全区各).
 */
function scopeChange(a: Task[], b: Task[], cut: (tasks: Task[]) => string[]): Change | null {
  const pa = cut(a);
  const pb = cut(b);
  const sa = scopeOf(pa.join(''));
  const sb = scopeOf(pb.join(''));
  const verdict = compareScope(sa, sb);
  if (verdict === 'same') return null;
  const describe = (s: typeof sa, pieces: string[]) => {
    const words = [
      ...s.actors.filter((x) => x.source === 'text').map((x) => wholeWords(pieces, x.start, x.start + x.name.length)),
      ...s.coverage.map((c) => wholeWords(pieces, c.start, c.start + c.word.length)),
    ];
    return [...new Set(words)].join('、') || null;
  };
  return {
    kind: 'scope',
    direction: verdict === 'wider' ? 'stronger' : 'weaker',
    before: describe(sa, pa),
    after: describe(sb, pb),
    quoteA: describe(sa, pa),
    quoteB: describe(sb, pb),
  };
}

/**
 * Diffs two plans: aligned pairs classified, plus added and dropped tasks, each with its obligations.
 * Plans may come prepared (`preparePlan`), so that a notebook diffing one plan against many tokenizes it
 * once.
 */
export function diffPlans(planA: Plan | PreparedPlan, planB: Plan | PreparedPlan, options: DiffOptions = {}): PlanDiff {
  const alignment = options.alignment ?? alignPlans(planA, planB, options);
  const a = isPreparedPlan(planA) ? planA.plan : planA;
  const b = isPreparedPlan(planB) ? planB.plan : planB;
  // each task's text is cut on its own (no token spans two tasks); a prepared task already holds its pieces
  const pieces = new Map<Task, string[]>();
  for (const p of [planA, planB]) {
    if (!isPreparedPlan(p)) continue;
    p.plan.tasks.forEach((t, k) => {
      const known = p.tasks[k]?.pieces;
      if (known) pieces.set(t, known);
    });
  }
  const piecesOf = (t: Task): string[] => {
    let found = pieces.get(t);
    if (!found) {
      found = cutForDiff(t.text, options.tokenizer);
      pieces.set(t, found);
    }
    return found;
  };
  const cut = (tasks: Task[]): string[] => tasks.flatMap(piecesOf);
  const obligations: Record<string, Obligation[]> = {};
  const cache = new Map<Task, Obligation[]>();
  const obligationsOf = (task: Task): Obligation[] => {
    let found = cache.get(task);
    if (!found) {
      found = extractObligations(task);
      cache.set(task, found);
    }
    return found;
  };
  const context: PairContext = {
    plans: { a: a.meta, b: b.meta },
    // weights of the terms (bigrams) over every task of both plans, read from the texts without tokenizing them
    weights: wordWeights([...a.tasks, ...b.tasks].map((t) => textBigrams(t.text))),
    pieces: piecesOf,
  };
  for (const t of a.tasks) obligations[`a:${t.seq}`] = obligationsOf(t);
  for (const t of b.tasks) obligations[`b:${t.seq}`] = obligationsOf(t);
  const diff: PlanDiff = {
    a: alignment.a,
    b: alignment.b,
    pairs: alignment.pairs.map((p) => classifyPair(p, obligationsOf, cut, context)),
    dropped: alignment.dropped,
    added: alignment.added,
    obligations,
    ...(alignment.nearest ? { nearest: alignment.nearest } : {}),
    expectedDropped: alignment.expectedDropped,
    expectedAdded: alignment.expectedAdded,
    likeliest: alignment.likeliest,
    messages: { a: a.messages, b: b.messages },
  };
  // a plan read from traditional characters is quoted in them
  return displayDiff(diff, { a, b });
}
