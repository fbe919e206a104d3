/**
 * The link rules (docs/method.md, "Links"): near-verbatim anchors, the optimal 1:1 assignment on the
 * score, the quantity, clause, home, leftover and name rules. Their links are one signal of the learned
 * model (features.ts), not the alignment itself: the groups come from the calibrated probabilities
 * (grouping.ts).
 */
import { distance } from 'fastest-levenshtein';
import type { LinkBasis } from '../types';
import type { AlignConfig } from './config';
import { assignOneToOne, type Link } from './match';
import type { QuantityKey } from './prepare';
import type { ScoreMatrices } from './scores';
import { clauseFoundWeight, combineSignals, cosine, coverage, nameCoverage, stringDice, type TaskVector, type Vocab } from './similarity';
import { highest } from './util';

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
    highest(vb.length, (l) => m.score[i]?.[l] ?? 0)[0] === j &&
    clear(vb.length, (l) => m.score[i]?.[l] ?? 0, j) &&
    contained(i, va.length + j) >= config.leftoverBigram &&
    covBestA(i, j);
  const agreesB = (j: number, i: number): boolean =>
    highest(va.length, (k) => m.score[k]?.[j] ?? 0)[0] === i &&
    clear(va.length, (k) => m.score[k]?.[j] ?? 0, i) &&
    contained(va.length + j, i) >= config.leftoverBigram &&
    covBestB(j, i);
  const out = new Map<string, Link>();
  const leftB = new Set(restB);
  const leftA = new Set(restA);
  for (const i of restA) {
    const j = highest(vb.length, (l) => m.score[i]?.[l] ?? 0)[0];
    const s = m.score[i]?.[j] ?? 0;
    if (leftB.has(j) && s >= config.leftoverScore && agreesA(i, j)) out.set(`${i},${j}`, { i, j, strength: s, via: 'leftover' });
  }
  for (const j of restB) {
    const i = highest(va.length, (k) => m.score[k]?.[j] ?? 0)[0];
    const s = m.score[i]?.[j] ?? 0;
    if (leftA.has(i) && s >= config.leftoverScore && agreesB(j, i)) out.set(`${i},${j}`, { i, j, strength: s, via: 'leftover' });
  }
  return [...out.values()];
}
