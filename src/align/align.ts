/**
 * `alignPlans`: which tasks of two plans carry the same obligation.
 *
 *  1. Both plans are tokenized once (or come prepared) and term weights (idf) are learned from their
 *     tasks plus any corpus plans.
 *  2. Every task pair gets a score (see similarity.ts); the globally optimal 1:1 assignment over the
 *     score matrix gives the base pairs (order in the plan is a weak tie-breaker only).
 *  3. Splits and merges: two tasks are also linked when a clause of one is found in the other (share of
 *     its weight ≥ groupThreshold, and enough weight that it is a concrete obligation, not boilerplate).
 *  4. Links become groups (1:1, 1:n, n:1); each group is scored on its joined texts, with evidence.
 */
import type { Alignment, AlignOptions, LinkBasis, NearestTask, Plan, PlanRef, Task, TaskPair } from '../types';
import { DEFAULT_ALIGN_CONFIG, type AlignConfig } from './config';
import { assignOneToOne, linksToGroups, type Link } from './match';
import { isPreparedPlan, preparePlan, type PreparedPlan, type PreparedTask, type QuantityKey } from './prepare';
import { distance } from 'fastest-levenshtein';
import { clauseFoundWeight, combineSignals, cosine, coverage, nameCoverage, pairEvidence, taskVector, Vocab, type TaskVector } from './similarity';
import { learnWeights, type TermWeights } from './weights';
import { pairCompounds, withCompoundParts } from './compounds';
import type { Tokenizer } from '../text/tokenize';

/** Options of {@link alignPlans}: the documented thresholds plus the tokenizer and fine settings. */
export interface AlignPlansOptions extends Omit<AlignOptions, 'corpus'> {
  /** Extra plans whose tasks feed the term weights (IDF) */
  corpus?: (Plan | PreparedPlan)[];
  /** Word splitter for plans that are not prepared (default: nodejieba with the field dictionary) */
  tokenizer?: Tokenizer;
  /** Any other parameter of the alignment (defaults in src/align/config.ts) */
  config?: Partial<AlignConfig>;
  /** Term weights to use instead of learning them (alignMany learns them once for all plans) */
  weights?: TermWeights;
}

/** Resolve the configuration from options. */
export function resolveConfig(options: AlignPlansOptions = {}): AlignConfig {
  const c = { ...DEFAULT_ALIGN_CONFIG, ...(options.config ?? {}) };
  if (options.pairThreshold !== undefined) c.pairThreshold = options.pairThreshold;
  if (options.groupThreshold !== undefined) c.groupThreshold = options.groupThreshold;
  return c;
}

/** The documents (term lists) a plan contributes to the weights: one per task. */
export function planDocuments(p: PreparedPlan): string[][] {
  return p.tasks.map((t) => (t.nameTerms.length ? [...t.terms, ...t.nameTerms] : t.terms));
}

/** The identity of a plan in results. */
export function planRef(plan: Plan): PlanRef {
  return { id: plan.meta.id, district: plan.meta.district, year: plan.meta.year };
}

/** Tasks sorted by seq (so that the input order of the task list never matters), with vectors. */
export function planVectors(p: PreparedPlan, vocab: Vocab, config: AlignConfig): { tasks: PreparedTask[]; vectors: TaskVector[] } {
  const tasks = [...p.tasks].sort((x, y) => x.seq - y.seq);
  const n = tasks.length;
  const vectors = tasks.map((t, k) => taskVector([t], vocab, n > 1 ? k / (n - 1) : 0, config));
  return { tasks, vectors };
}

/** Score matrices of two vector lists. */
export interface ScoreMatrices {
  /** Pair score */
  score: number[][];
  /** coverage(a_i → b_j): share of a_i's clause weight found in b_j */
  covAB: number[][];
  /** coverage(b_j → a_i) */
  covBA: number[][];
}

/**
 * Compute the score matrices. The cosine and the shared weight of every pair come from inverted indexes;
 * the clause coverage (the costly signal) is computed only where the terms two tasks share could reach
 * `bound` of either task's weight (coverage can never exceed that share), elsewhere it is 0. With `bound`
 * under every threshold that reads coverage, no decision changes.
 */
export function scoreMatrices(va: readonly TaskVector[], vb: readonly TaskVector[], vocab: Vocab, bound = 0.2): ScoreMatrices {
  const idf = vocab.idf;
  const termPost = new Map<number, { j: number; w: number }[]>();
  const textPost = new Map<number, number[]>();
  vb.forEach((y, j) => {
    y.ids.forEach((id, k) => {
      const list = termPost.get(id);
      const e = { j, w: y.tfidf[k] as number };
      if (list) list.push(e);
      else termPost.set(id, [e]);
    });
    for (const id of y.textIds) {
      const list = textPost.get(id);
      if (list) list.push(j);
      else textPost.set(id, [j]);
    }
  });
  const m = vb.length;
  const dot = new Float64Array(m);
  const shared = new Float64Array(m);
  const score: number[][] = [];
  const covAB: number[][] = [];
  const covBA: number[][] = [];
  for (const x of va) {
    dot.fill(0);
    shared.fill(0);
    x.ids.forEach((id, k) => {
      const w = x.tfidf[k] as number;
      for (const e of termPost.get(id) ?? []) dot[e.j] = (dot[e.j] as number) + w * e.w;
    });
    for (const id of x.textIds) {
      const w = idf[id] as number;
      for (const j of textPost.get(id) ?? []) shared[j] = (shared[j] as number) + w;
    }
    const srow: number[] = [];
    const crow: number[] = [];
    const rrow: number[] = [];
    vb.forEach((y, j) => {
      const cos = x.norm > 0 && y.norm > 0 ? Math.min(1, (dot[j] as number) / (x.norm * y.norm)) : 0;
      const sh = shared[j] as number;
      const reach = Math.max(x.weight > 0 ? sh / x.weight : 0, y.weight > 0 ? sh / y.weight : 0);
      let cxy = 0;
      let cyx = 0;
      if (reach >= bound) {
        cxy = coverage(x, y, idf);
        cyx = coverage(y, x, idf);
      }
      srow.push(combineSignals({ cosine: cos }));
      crow.push(cxy);
      rrow.push(cyx);
    });
    score.push(srow);
    covAB.push(crow);
    covBA.push(rrow);
  }
  return { score, covAB, covBA };
}

/** Largest weight of one of x's clauses found in y with at least `threshold` of the clause's weight. */
function sharedClauseWeight(x: TaskVector, y: TaskVector, threshold: number, idf: readonly number[]): number {
  let best = 0;
  x.clauses.forEach((c, k) => {
    const w = x.clauseWeights[k] as number;
    if (w <= 0) return;
    const f = clauseFoundWeight(c, y, idf);
    if (f / w >= threshold && f > best) best = f;
  });
  return best;
}

/**
 * Near-verbatim pairs (anchors): task pairs whose texts differ by at most `1 − config.verbatim` of the
 * longer text in edits (a changed number, a swapped verb), taken 1:1, most similar first (ties: closer
 * relative positions, then order). Only pairs whose score already shows strong agreement are measured.
 */
export function verbatimPairs(
  va: readonly TaskVector[],
  vb: readonly TaskVector[],
  m: Pick<ScoreMatrices, 'score'>,
  config: Pick<AlignConfig, 'verbatim'>,
): Link[] {
  const t = config.verbatim;
  if (!(t <= 1)) return [];
  const cand: { i: number; j: number; sim: number; gap: number }[] = [];
  for (let i = 0; i < va.length; i++) {
    const x = va[i] as TaskVector;
    const row = m.score[i];
    if (!row || x.chars.length === 0) continue;
    for (let j = 0; j < vb.length; j++) {
      // the score (term cosine) of a near-verbatim copy is near 1: a changed word or two moves it little
      // (measuring every pair instead gives the same anchors on every seed pair)
      if ((row[j] ?? 0) < t - 0.25) continue;
      const y = vb[j] as TaskVector;
      const long = Math.max(x.chars.length, y.chars.length);
      if (Math.abs(x.chars.length - y.chars.length) > (1 - t) * long) continue;
      const sim = x.chars === y.chars ? 1 : 1 - distance(x.chars, y.chars) / long;
      if (sim >= t) cand.push({ i, j, sim, gap: Math.abs(x.pos - y.pos) });
    }
  }
  cand.sort((p, q) => q.sim - p.sim || p.gap - q.gap || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: Link[] = [];
  for (const c of cand) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    out.push({ i: c.i, j: c.j, strength: m.score[c.i]?.[c.j] ?? 0, rank: 2, via: 'verbatim' });
  }
  return out;
}

/**
 * The links between tasks of a and b (indexes into the seq-sorted task lists), each with a rank for
 * {@link linksToGroups}: near-verbatim anchors (rank 2), the 1:1 assignment among the other tasks
 * (rank 1), then clause links and best-home links that make splits and merges (rank 0).
 *
 * A task with a near-verbatim counterpart is that counterpart's pair: it is never assigned elsewhere, never
 * joins another task's group, and never looks for a home. It can still be the centre of a group — a task
 * split in two whose larger part is near-verbatim keeps the other part — but only for a task that its
 * anchor partner does not already state (otherwise a deleted near-duplicate would join the pair).
 */
export function findLinks(
  va: readonly TaskVector[],
  vb: readonly TaskVector[],
  m: ScoreMatrices,
  vocab: Vocab,
  config: AlignConfig,
): Link[] {
  const anchors = verbatimPairs(va, vb, m, config);
  const partnerOfA = new Map<number, number>();
  const partnerOfB = new Map<number, number>();
  for (const l of anchors) {
    partnerOfA.set(l.i, l.j);
    partnerOfB.set(l.j, l.i);
  }
  const links = new Map<number, Link>();
  /** Numeric key of the pair (i, j) */
  const key = (i: number, j: number): number => i * vb.length + j;
  for (const l of anchors) links.set(key(l.i, l.j), l);
  const freeA = va.map((_, i) => !partnerOfA.has(i));
  const freeB = vb.map((_, j) => !partnerOfB.has(j));
  const bonus = va.map((x) => vb.map((y) => config.orderWeight * (1 - Math.abs(x.pos - y.pos))));
  const free = m.score.map((row, i) => row.map((s, j) => (freeA[i] && freeB[j] ? s : 0)));
  const base = assignOneToOne(free, config.pairThreshold, bonus);
  for (const [i, j] of base) links.set(key(i, j), { i, j, strength: m.score[i]?.[j] ?? 0, rank: 1, via: 'assignment' });
  /** A link touching an anchored task is kept only when the free task adds to what the pair states. */
  const addsToAnchor = (i: number, j: number): boolean => {
    const s = m.score[i]?.[j] ?? 0;
    if (!freeA[i]) {
      const p = partnerOfA.get(i) as number;
      const own = combineSignals({ cosine: cosine(vb[j] as TaskVector, vb[p] as TaskVector) });
      return own < config.anchorRedundancy * s;
    }
    if (!freeB[j]) {
      const p = partnerOfB.get(j) as number;
      const own = combineSignals({ cosine: cosine(va[i] as TaskVector, va[p] as TaskVector) });
      return own < config.anchorRedundancy * s;
    }
    return true;
  };
  const addLink = (i: number, j: number, via: LinkBasis): void => {
    if (links.has(key(i, j))) return;
    if (!freeA[i] && !freeB[j]) return;
    if (!addsToAnchor(i, j)) return;
    links.set(key(i, j), { i, j, strength: m.score[i]?.[j] ?? 0, via });
  };
  for (const l of quantityLinks(va, vb, config)) {
    if (freeA[l.i] && freeB[l.j] && !links.has(key(l.i, l.j))) links.set(key(l.i, l.j), { ...l, strength: m.score[l.i]?.[l.j] ?? 0 });
  }
  for (let i = 0; i < va.length; i++) {
    for (let j = 0; j < vb.length; j++) {
      if (links.has(key(i, j)) || (!freeA[i] && !freeB[j])) continue;
      const x = va[i] as TaskVector;
      const y = vb[j] as TaskVector;
      // coverage was left at 0 where the shared terms could not reach a clause link either
      if (!Number.isFinite(config.minClauseWeight) || ((m.covAB[i]?.[j] ?? 0) === 0 && (m.covBA[i]?.[j] ?? 0) === 0)) continue;
      const w = Math.max(
        sharedClauseWeight(x, y, config.groupThreshold, vocab.idf),
        sharedClauseWeight(y, x, config.groupThreshold, vocab.idf),
      );
      if (w >= config.minClauseWeight && w >= config.minShare * Math.min(x.weight, y.weight)) addLink(i, j, 'clause');
    }
  }
  // best home: a free task whose content is largely found in one counterpart, clearly more than in any other
  const home = (
    cov: (k: number, l: number) => number,
    n: number,
    m2: number,
    isFree: boolean[],
    threshold: number,
    add: (k: number, l: number) => void,
  ): void => {
    for (let k = 0; k < n; k++) {
      if (!isFree[k]) continue;
      let best = -1;
      let first = 0;
      let second = 0;
      for (let l = 0; l < m2; l++) {
        const c = cov(k, l);
        if (c > first) {
          second = first;
          first = c;
          best = l;
        } else if (c > second) second = c;
      }
      if (best >= 0 && first >= threshold && first >= config.homeMargin * second) add(k, best);
    }
  };
  home((i, j) => m.covAB[i]?.[j] ?? 0, va.length, vb.length, freeA, config.homeThreshold, (i, j) => addLink(i, j, 'home'));
  home((j, i) => m.covBA[i]?.[j] ?? 0, vb.length, va.length, freeB, config.homeThreshold, (j, i) => addLink(i, j, 'home'));
  // by score, a task joins a counterpart as one of its parts: not one that it outweighs (homePart)
  const partOf = (x: TaskVector, y: TaskVector): boolean => x.weight <= config.homePart * y.weight;
  home((i, j) => m.score[i]?.[j] ?? 0, va.length, vb.length, freeA, config.homeScore, (i, j) => {
    if (partOf(va[i] as TaskVector, vb[j] as TaskVector)) addLink(i, j, 'home');
  });
  home((j, i) => m.score[i]?.[j] ?? 0, vb.length, va.length, freeB, config.homeScore, (j, i) => {
    if (partOf(vb[j] as TaskVector, va[i] as TaskVector)) addLink(i, j, 'home');
  });
  for (const l of leftoverLinks(va, vb, m, links.values(), config, vocab.idf)) links.set(key(l.i, l.j), l);
  for (const l of nameLinks(va, vb, m, links.values(), config, vocab.idf)) addLink(l.i, l.j, 'name');
  return [...links.values()];
}

/**
 * The index among `n` counterparts with the highest value above 0, and that value; [-1, 0] when none is
 * above 0. Ties go to the lower index, which is the lower seq: the task lists are sorted by seq
 * ({@link planVectors}), so the order of a plan's task list never matters.
 */
function highest(n: number, value: (l: number) => number): [number, number] {
  let best = -1;
  let top = 0;
  for (let l = 0; l < n; l++) {
    const v = value(l);
    if (v > top) {
      top = v;
      best = l;
    }
  }
  return [best, top];
}

/**
 * Links by indicator name (the name rule). A task still without any link joins its best-scoring
 * counterpart (ties: the lower seq) when its text says at least `nameShare` of the idf weight of
 * that counterpart's name (the last indicator level), the name's heaviest word among it, and it weighs at
 * most `namePart` of the counterpart. A table row's name states the topic of the row in a few words;
 * a shorter task of the other plan that names that topic, and is closest to that row of all, is one part
 * of it even where the two share too few words elsewhere for the score (plans of different granularity:
 * a row of one plan bundles several short items of the other).
 */
export function nameLinks(
  va: readonly TaskVector[],
  vb: readonly TaskVector[],
  m: Pick<ScoreMatrices, 'score'>,
  links: Iterable<Link>,
  config: Pick<AlignConfig, 'nameShare' | 'namePart'>,
  idf: readonly number[],
): Link[] {
  if (!(config.nameShare <= 1)) return [];
  if (!va.some((x) => x.nameIds.length > 0) && !vb.some((y) => y.nameIds.length > 0)) return [];
  const linkedA = new Set<number>();
  const linkedB = new Set<number>();
  for (const l of links) {
    linkedA.add(l.i);
    linkedB.add(l.j);
  }
  const out: Link[] = [];
  /** Task k of `own` (row of scores `at(k, ·)`) against the tasks of `other` */
  const side = (own: readonly TaskVector[], other: readonly TaskVector[], linked: Set<number>, at: (k: number, l: number) => number, emit: (k: number, l: number, s: number) => void): void => {
    if (!other.some((y) => y.nameIds.length > 0)) return;
    for (let k = 0; k < own.length; k++) {
      if (linked.has(k)) continue;
      const [best, top] = highest(other.length, (l) => at(k, l));
      if (best < 0) continue;
      const x = own[k] as TaskVector;
      const y = other[best] as TaskVector;
      if (y.nameIds.length === 0 || x.weight > config.namePart * y.weight) continue;
      const c = nameCoverage(x, y, idf);
      if (c.share >= config.nameShare && c.heaviest) emit(k, best, top);
    }
  };
  side(va, vb, linkedA, (i, j) => m.score[i]?.[j] ?? 0, (i, j, s) => out.push({ i, j, strength: s }));
  side(vb, va, linkedB, (j, i) => m.score[i]?.[j] ?? 0, (j, i, s) => out.push({ i, j, strength: s }));
  return out;
}

/** Character-bigram Dice of two short strings. */
function stringDice(x: string, y: string): number {
  if (x.length < 2 || y.length < 2) return x === y ? 1 : 0;
  const gx = new Map<string, number>();
  for (let k = 0; k + 1 < x.length; k++) {
    const g = x.slice(k, k + 2);
    gx.set(g, (gx.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let k = 0; k + 1 < y.length; k++) {
    const g = y.slice(k, k + 2);
    const c = gx.get(g) ?? 0;
    if (c > 0) {
      common++;
      gx.set(g, c - 1);
    }
  }
  return (2 * common) / (x.length - 1 + y.length - 1);
}

/**
 * Links between tasks that bind the same thing with a number (the quantity rule): an obligation of each
 * task of the same family (count/frequency, time, deadline, percentage, amount) and unit, whose subjects
 * (what is counted) agree in at least `quantitySubject` of their character bigrams (Dice), with subjects
 * of at least 4 characters. Each obligation links only to its best such counterpart, and only when that
 * one is unique and mutual. 年内至少专门听取1次工作汇报 and 每年至少专题听取2次工作汇报 carry one obligation
 * whatever else their tasks say; these are the pairs whose changed numbers the diff must report.
 */
export function quantityLinks(va: readonly TaskVector[], vb: readonly TaskVector[], config: Pick<AlignConfig, 'quantitySubject'>): Link[] {
  const t = config.quantitySubject;
  if (!(t <= 1)) return [];
  type Q = { task: number; q: QuantityKey };
  const listOf = (vs: readonly TaskVector[]): Q[] =>
    vs.flatMap((v, task) => v.quantities.filter((q) => q.subject.length >= 4).map((q) => ({ task, q })));
  const qa = listOf(va);
  const qb = listOf(vb);
  if (qa.length === 0 || qb.length === 0) return [];
  const sim = qa.map((x) => qb.map((y) => (x.q.family === y.q.family && x.q.unit === y.q.unit ? stringDice(x.q.subject, y.q.subject) : 0)));
  /** Index of the single best entry at or above the threshold, or -1 (none, or a tie) */
  const best = (vals: number[]): number => {
    let k = -1;
    let v = t;
    let tie = false;
    vals.forEach((x, n) => {
      if (x > v) {
        v = x;
        k = n;
        tie = false;
      } else if (x === v && k >= 0) tie = true;
    });
    return tie ? -1 : k;
  };
  const out = new Map<string, Link>();
  qa.forEach((x, p) => {
    const q = best(sim[p] as number[]);
    if (q < 0) return;
    if (best(sim.map((row) => row[q] as number)) !== p) return;
    const y = qb[q] as Q;
    out.set(`${x.task},${y.task}`, { i: x.task, j: y.task, strength: 0, rank: 1, via: 'quantity' });
  });
  return [...out.values()];
}

/** Character bigrams of a set of tasks as dense ids, with a weight per id. */
export interface BigramIndex {
  /** Dense bigram ids of each task (ascending), parallel to the task list */
  ids: Int32Array[];
  /** Weight of each id: idf over the tasks raised to a power, like term weights */
  weight: Float64Array;
}

/**
 * Index the character bigrams of tasks (both plans together): dense ids and idf weights, so a rare phrase
 * counts whatever the tokenizer made of it (政府公报 / 公报).
 */
export function bigramIndex(vectors: readonly TaskVector[], power: number): BigramIndex {
  let total = 0;
  for (const v of vectors) total += v.bigrams.length;
  const all = new Uint32Array(total);
  let at = 0;
  for (const v of vectors) {
    all.set(v.bigrams, at);
    at += v.bigrams.length;
  }
  all.sort();
  // distinct codes and their document frequencies (a task holds a code at most once)
  const codes = new Uint32Array(all.length);
  const df = new Int32Array(all.length);
  let distinct = 0;
  for (let k = 0; k < all.length; k++) {
    if (k > 0 && all[k] === all[k - 1]) df[distinct - 1] = (df[distinct - 1] as number) + 1;
    else {
      codes[distinct] = all[k] as number;
      df[distinct++] = 1;
    }
  }
  const n = vectors.length;
  // one weight per document frequency (there are few distinct frequencies)
  const byDf: number[] = [];
  const weight = new Float64Array(distinct);
  for (let c = 0; c < distinct; c++) {
    const d = df[c] as number;
    weight[c] = byDf[d] ??= Math.pow(Math.max(0, Math.log((n + 1) / (d + 0.5))), power);
  }
  const ids = vectors.map((v) => {
    const out = new Int32Array(v.bigrams.length);
    // both ascending: binary search from the previous position
    let lo = 0;
    for (let k = 0; k < v.bigrams.length; k++) {
      const g = v.bigrams[k] as number;
      let hi = distinct - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((codes[mid] as number) < g) lo = mid + 1;
        else hi = mid;
      }
      out[k] = lo;
    }
    return out;
  });
  return { ids, weight };
}

/** Weighted bigram containment of one task in another (indexes into the index's task list): the share
 * of task `r`'s bigram weight whose bigrams task `c` also holds (one merge of the two ascending id lists). */
export function containedIn(index: BigramIndex, r: number, c: number): number {
  const x = index.ids[r] as Int32Array;
  const y = index.ids[c] as Int32Array;
  let total = 0;
  let found = 0;
  let q = 0;
  for (let k = 0; k < x.length; k++) {
    const id = x[k] as number;
    const w = index.weight[id] as number;
    total += w;
    while (q < y.length && (y[q] as number) < id) q++;
    if (q < y.length && y[q] === id) found += w;
  }
  return total > 0 ? found / total : 0;
}

/**
 * Links among the tasks left without any link (the leftover rule). A leftover task joins a leftover task
 * of the other plan when, over all tasks of that plan, the same counterpart is its best by score (at
 * least `leftoverScore`, and at least `leftoverMargin` times its second best) and its best by clause
 * coverage, and holds at least `leftoverBigram` of its weighted character bigrams. Several leftover tasks
 * may join one counterpart (a merge); groups are formed by {@link linksToGroups}. Two signals agreeing on
 * one clear counterpart, with rare wording in common, is the evidence that a low absolute score cannot
 * give: plans written at a different granularity, or in other words, share little vocabulary even where
 * they carry the same work.
 */
export function leftoverLinks(
  va: readonly TaskVector[],
  vb: readonly TaskVector[],
  m: ScoreMatrices,
  links: Iterable<Link>,
  config: AlignConfig,
  idf: readonly number[],
): Link[] {
  if (!(config.leftoverScore <= 1)) return [];
  const linkedA = new Set<number>();
  const linkedB = new Set<number>();
  for (const l of links) {
    linkedA.add(l.i);
    linkedB.add(l.j);
  }
  const restA = va.map((_, i) => i).filter((i) => !linkedA.has(i));
  const restB = vb.map((_, j) => j).filter((j) => !linkedB.has(j));
  if (restA.length === 0 || restB.length === 0) return [];
  let index: BigramIndex | null = null;
  /** Weighted bigram containment of task `r` in task `c` (indexes into a then b, concatenated) */
  const contained = (r: number, c: number): number => {
    index ??= bigramIndex([...va, ...vb], config.idfPower);
    return containedIn(index, r, c);
  };
  const argmax = (n: number, f: (k: number) => number): number => {
    let best = -1;
    let v = -Infinity;
    for (let k = 0; k < n; k++) {
      const x = f(k);
      if (x > v) {
        v = x;
        best = k;
      }
    }
    return best;
  };
  /** The best value of a row is at least `leftoverMargin` times the second best */
  const clear = (n: number, f: (k: number) => number, best: number): boolean => {
    const top = f(best);
    for (let k = 0; k < n; k++) if (k !== best && f(k) * config.leftoverMargin > top) return false;
    return true;
  };
  // score and coverage of task i of a (over all of b) agree on j, the score prefers j clearly, and j
  // holds enough of i's rare character bigrams
  // The score matrices leave coverage at 0 where the shared terms are few (under `bound` of either
  // task's weight, taken there as a cap on the coverage); measure it here where that cap could beat the
  // candidate. (Measuring every such pair gives the same alignments on every seed pair.)
  const bound = 0.2;
  const coverageBest = (x: TaskVector, ys: readonly TaskVector[], known: (l: number) => number, j: number): boolean => {
    const cj = known(j) || coverage(x, ys[j] as TaskVector, idf);
    for (let l = 0; l < ys.length; l++) {
      if (l === j) continue;
      let c = known(l);
      if (c === 0 && cj < bound) c = coverage(x, ys[l] as TaskVector, idf);
      if (c > cj || (c === cj && l < j)) return false;
    }
    return true;
  };
  const covBestA = (i: number, j: number): boolean => coverageBest(va[i] as TaskVector, vb, (l) => m.covAB[i]?.[l] ?? 0, j);
  const covBestB = (j: number, i: number): boolean => coverageBest(vb[j] as TaskVector, va, (k) => m.covBA[k]?.[j] ?? 0, i);
  const agreesA = (i: number, j: number): boolean =>
    argmax(vb.length, (l) => m.score[i]?.[l] ?? 0) === j &&
    clear(vb.length, (l) => m.score[i]?.[l] ?? 0, j) &&
    contained(i, va.length + j) >= config.leftoverBigram &&
    covBestA(i, j);
  const agreesB = (j: number, i: number): boolean =>
    argmax(va.length, (k) => m.score[k]?.[j] ?? 0) === i &&
    clear(va.length, (k) => m.score[k]?.[j] ?? 0, i) &&
    contained(va.length + j, i) >= config.leftoverBigram &&
    covBestB(j, i);
  const out = new Map<string, Link>();
  const leftB = new Set(restB);
  const leftA = new Set(restA);
  for (const i of restA) {
    const j = argmax(vb.length, (l) => m.score[i]?.[l] ?? 0);
    const s = m.score[i]?.[j] ?? 0;
    if (leftB.has(j) && s >= config.leftoverScore && agreesA(i, j)) out.set(`${i},${j}`, { i, j, strength: s, via: 'leftover' });
  }
  for (const j of restB) {
    const i = argmax(va.length, (k) => m.score[k]?.[j] ?? 0);
    const s = m.score[i]?.[j] ?? 0;
    if (leftA.has(i) && s >= config.leftoverScore && agreesB(j, i)) out.set(`${i},${j}`, { i, j, strength: s, via: 'leftover' });
  }
  return [...out.values()];
}

/**
 * Align two plans: which tasks carry the same obligation, as 1:1, 1:n and n:1 groups, with the tasks of
 * each plan that have no counterpart.
 *
 * @example const al = alignPlans(parsePlan(textA), parsePlan(textB));
 */
export function alignPlans(a: Plan | PreparedPlan, b: Plan | PreparedPlan, options: AlignPlansOptions = {}): Alignment {
  const config = resolveConfig(options);
  const prepared = (p: Plan | PreparedPlan): PreparedPlan => (isPreparedPlan(p) ? p : preparePlan(p, { tokenizer: options.tokenizer }));
  const corpus = (options.corpus ?? []).map(prepared);
  const [pa, pb, ...more] = readCompounds(prepared(a), prepared(b), corpus, config) as [PreparedPlan, PreparedPlan, ...PreparedPlan[]];
  const weights = options.weights ?? learnWeights([...planDocuments(pa), ...planDocuments(pb), ...more.flatMap(planDocuments)]);
  const vocab = new Vocab(weights, config.idfPower);
  const A = planVectors(pa, vocab, config);
  const B = planVectors(pb, vocab, config);
  const m = scoreMatrices(A.vectors, B.vectors, vocab);
  const links = findLinks(A.vectors, B.vectors, m, vocab, config);
  const alignment = buildAlignment(pa, pb, A, B, links, vocab, config);
  alignment.nearest = nearestOfUnpaired(alignment, A.tasks, B.tasks, m.score);
  return alignment;
}

/**
 * For each unpaired task, the task of the other plan with the highest score (ties: the lower seq), when
 * that score is above 0. Keys `a:seq` / `b:seq`, in seq order; scores rounded as in the JSON (4 decimals).
 */
export function nearestOfUnpaired(
  al: Alignment,
  tasksA: readonly PreparedTask[],
  tasksB: readonly PreparedTask[],
  score: readonly (readonly number[])[],
): Record<string, NearestTask> {
  const out: Record<string, NearestTask> = {};
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  /** Point each task of `unpaired` (found at its index in `own`) at the best of `other` by `at(k, l)` */
  const point = (side: 'a' | 'b', unpaired: readonly Task[], own: readonly PreparedTask[], other: readonly PreparedTask[], at: (k: number, l: number) => number): void => {
    const indexOf = new Map(own.map((t, k) => [t.seq, k]));
    for (const t of unpaired) {
      const k = indexOf.get(t.seq);
      if (k === undefined) continue;
      const [best, top] = highest(other.length, (l) => at(k, l));
      if (best >= 0) out[`${side}:${t.seq}`] = { seq: (other[best] as PreparedTask).seq, score: round(top) };
    }
  };
  point('a', al.dropped, tasksA, tasksB, (i, j) => score[i]?.[j] ?? 0);
  point('b', al.added, tasksB, tasksA, (j, i) => score[i]?.[j] ?? 0);
  return out;
}

/**
 * The plans with the compounds that only one of `a` and `b` uses also read as their parts (see
 * compounds.ts), then the corpus plans with both sides' compounds read the same way (so that the weights
 * count a part wherever the compared plans count it); all unchanged when `config.compoundParts` is off.
 */
export function readCompounds(a: PreparedPlan, b: PreparedPlan, corpus: readonly PreparedPlan[], config: AlignConfig): PreparedPlan[] {
  if (!config.compoundParts) return [a, b, ...corpus];
  const parts = pairCompounds(a, b);
  const both = new Map([...parts.a, ...parts.b]);
  return [withCompoundParts(a, parts.a), withCompoundParts(b, parts.b), ...corpus.map((c) => withCompoundParts(c, both))];
}

/** Turn links into the Alignment result (groups scored on their joined texts). */
export function buildAlignment(
  pa: PreparedPlan,
  pb: PreparedPlan,
  A: { tasks: PreparedTask[]; vectors: TaskVector[] },
  B: { tasks: PreparedTask[]; vectors: TaskVector[] },
  links: readonly Link[],
  vocab: Vocab,
  config: AlignConfig,
): Alignment {
  const taskA = new Map(pa.plan.tasks.map((t) => [t.seq, t]));
  const taskB = new Map(pb.plan.tasks.map((t) => [t.seq, t]));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: TaskPair[] = [];
  for (const g of linksToGroups(links)) {
    const ta = g.a.map((i) => A.tasks[i] as PreparedTask);
    const tb = g.b.map((j) => B.tasks[j] as PreparedTask);
    const x = g.a.length === 1 ? (A.vectors[g.a[0] as number] as TaskVector) : taskVector(ta, vocab, 0, config);
    const y = g.b.length === 1 ? (B.vectors[g.b[0] as number] as TaskVector) : taskVector(tb, vocab, 0, config);
    const { score, evidence } = pairEvidence(x, y, vocab);
    if (g.basis.length) evidence.basis = g.basis;
    for (const t of ta) usedA.add(t.seq);
    for (const t of tb) usedB.add(t.seq);
    pairs.push({
      a: ta.map((t) => taskA.get(t.seq)).filter((t) => t !== undefined),
      b: tb.map((t) => taskB.get(t.seq)).filter((t) => t !== undefined),
      score,
      evidence,
    });
  }
  pairs.sort((p, q) => (p.a[0]?.seq ?? 0) - (q.a[0]?.seq ?? 0) || (p.b[0]?.seq ?? 0) - (q.b[0]?.seq ?? 0));
  const bySeq = <T extends { seq: number }>(xs: T[]): T[] => [...xs].sort((p, q) => p.seq - q.seq);
  return {
    a: planRef(pa.plan),
    b: planRef(pb.plan),
    pairs,
    dropped: bySeq(pa.plan.tasks.filter((t) => !usedA.has(t.seq))),
    added: bySeq(pb.plan.tasks.filter((t) => !usedB.has(t.seq))),
  };
}
