/**
 * `diffPlans`: what was added, dropped, strengthened or weakened between two plans. Builds on the
 * alignment, then classifies every matched pair from its obligations, modality, units and time node.
 */
import { alignPlans, type AlignPlansOptions } from '../align/align';
import { isPreparedPlan, type PreparedPlan } from '../align/prepare';
import { extractObligations } from '../obligations/extract';
import { taskModality, type ModalityResult } from '../modality/modality';
import { PLAIN_VERBS } from '../lexicon/modality';
import { compareScope, scopeOf } from '../modality/scope';
import { compareTimeNodes } from '../parse/timenode';
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
  TimeNode,
} from '../types';
import { obligationChanges } from './obligations';
import { diffTokens } from './textdiff';

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

function timeNodeChange(a: Task[], b: Task[]): Change | null {
  const ta = a.map((t) => t.timeNode).filter((t): t is TimeNode => t != null);
  const tb = b.map((t) => t.timeNode).filter((t): t is TimeNode => t != null);
  if (!ta.length || !tb.length) return null;
  const rawA = [...new Set(ta.map((t) => t.raw))].join('；');
  const rawB = [...new Set(tb.map((t) => t.raw))].join('；');
  if (rawA === rawB) return null;
  // Compare the loosest deadline of each side (the group is done when its last task is).
  const latest = (list: TimeNode[]) => list.reduce((x, y) => (compareTimeNodes(x, y) === 'looser' ? y : x));
  const verdict = compareTimeNodes(latest(ta), latest(tb));
  const direction = verdict === 'tighter' ? 'stronger' : verdict === 'looser' ? 'weaker' : 'neutral';
  return { kind: 'timeNode', direction, before: rawA, after: rawB, quoteA: rawA, quoteB: rawB };
}

/** An unmarked imperative: no cue, or a plain action verb at the advance level (see PLAIN_VERBS). */
function unmarked(m: ModalityResult): boolean {
  return m.level === 'advance' && (m.cue == null || PLAIN_VERBS.includes(m.cue));
}

function modalityChange(textA: string, textB: string): Change | null {
  const ma = taskModality(textA);
  const mb = taskModality(textB);
  const ia = MODALITY_ORDER.indexOf(ma.level);
  const ib = MODALITY_ORDER.indexOf(mb.level);
  if (ia === ib) return null;
  // A bare imperative is not weaker than 应当/确保: compare it only with an exploratory clause.
  if ((unmarked(ma) && ib > ia) || (unmarked(mb) && ia > ib)) return null;
  return {
    kind: 'modality',
    direction: ib > ia ? 'stronger' : 'weaker',
    before: ma.level,
    after: mb.level,
    quoteA: ma.cue,
    quoteB: mb.cue,
  };
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
): DiffPair {
  const textA = sideText(pair.a);
  const textB = sideText(pair.b);
  const changes: Change[] = [];
  changes.push(...obligationChanges(pair.a.flatMap(obligationsOf), pair.b.flatMap(obligationsOf)));
  const modality = modalityChange(textA, textB);
  if (modality) changes.push(modality);
  const unitsA = unitsOf(pair.a);
  const unitsB = unitsOf(pair.b);
  if (unitsA.key !== unitsB.key && unitsA.key && unitsB.key) {
    const [before, after] = [unitsA.text, unitsB.text];
    changes.push({ kind: 'units', direction: 'neutral', before, after, quoteA: before, quoteB: after });
  }
  const time = timeNodeChange(pair.a, pair.b);
  if (time) changes.push(time);
  const scope = scopeChange(textA, textB);
  if (scope) changes.push(scope);
  const sameText = canonicalText(textA) === canonicalText(textB);
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

/**
 * Scope as the task text states it (who must act, what is covered). The responsible units are compared
 * apart, as a `units` change, so that a renamed office is not also read as a wider or narrower scope.
 */
function scopeChange(textA: string, textB: string): Change | null {
  const sa = scopeOf(textA);
  const sb = scopeOf(textB);
  const verdict = compareScope(sa, sb);
  if (verdict === 'same') return null;
  const describe = (s: typeof sa) =>
    [...s.actors.filter((x) => x.source === 'text').map((x) => x.name), ...s.coverage.map((c) => c.word)].join('、') || null;
  return {
    kind: 'scope',
    direction: verdict === 'wider' ? 'stronger' : 'weaker',
    before: describe(sa),
    after: describe(sb),
    quoteA: describe(sa),
    quoteB: describe(sb),
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
  const cut = (tasks: Task[]): string[] => tasks.flatMap((t) => pieces.get(t) ?? cutForDiff(t.text, options.tokenizer));
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
  for (const t of a.tasks) obligations[`a:${t.seq}`] = obligationsOf(t);
  for (const t of b.tasks) obligations[`b:${t.seq}`] = obligationsOf(t);
  return {
    a: alignment.a,
    b: alignment.b,
    pairs: alignment.pairs.map((p) => classifyPair(p, obligationsOf, cut)),
    dropped: alignment.dropped,
    added: alignment.added,
    obligations,
    ...(alignment.nearest ? { nearest: alignment.nearest } : {}),
    expectedDropped: alignment.expectedDropped,
    expectedAdded: alignment.expectedAdded,
    likeliest: alignment.likeliest,
    messages: { a: a.messages, b: b.messages },
  };
}
