/**
 * Candidate links and their features: the first stage of the alignment's model (features → model →
 * grouping → decisions → result).
 *
 * The candidates of two plans are, for every task, its few best counterparts by score in both
 * directions, its best counterparts by clause coverage, and every pair a link rule joins (rules.ts). Each
 * candidate gets a feature vector from the signals the alignment has: term cosine, bigram Dice, clause
 * coverage both ways, shared rare terms, rank and gap to the best of its row and column, mutual best,
 * heading, name, unit and time-node agreement, relative position, length ratio, and the link rules that
 * join the pair. Every feature is symmetric in the two plans, so swapping them swaps nothing else.
 */
import type { LinkBasis, Task } from '../types';
import type { AlignConfig } from './config';
import type { Link as RuleLink } from './match';
import type { PreparedTask } from './prepare';
import type { ScoreMatrices } from './scores';
import { bigramDice, nameCoverage, sharedIdf, stringDice, type TaskVector, type Vocab } from './similarity';
import { highest } from './util';

/** The rules whose links are features (in the order of the feature names). */
const RULES: readonly LinkBasis[] = ['verbatim', 'assignment', 'quantity', 'clause', 'home', 'leftover', 'name'];

/** Names of the features, in the order of {@link Candidate.x}. */
export const FEATURE_NAMES: readonly string[] = [
  'cosine',
  'bigram',
  'coverageMax',
  'coverageMin',
  'sharedShare',
  'sharedRare',
  'rankBest',
  'rankWorst',
  'gapBest',
  'gapWorst',
  'mutualBest',
  'section',
  'name',
  'units',
  'timeNode',
  'position',
  'lengthRatio',
  ...RULES.map((r) => `rule:${r}`),
  'ruleGroup',
];

/** A candidate link (indexes into the seq-sorted task lists) with its features. */
export interface Candidate {
  /** Index of the task of a */
  i: number;
  /** Index of the task of b */
  j: number;
  /** Feature values, in the order of {@link FEATURE_NAMES} */
  x: number[];
  /** The rule that links the pair, if any */
  via: LinkBasis | null;
}

/** What the features read: the two plans' tasks and vectors, the score matrices and the rules' output. */
export interface FeatureInput {
  /** Tasks of a (seq order) */
  tasksA: readonly Task[];
  /** Tasks of b (seq order) */
  tasksB: readonly Task[];
  /** Prepared tasks of a, parallel to tasksA */
  preparedA: readonly PreparedTask[];
  /** Prepared tasks of b */
  preparedB: readonly PreparedTask[];
  /** Vectors of a, parallel to tasksA */
  va: readonly TaskVector[];
  /** Vectors of b */
  vb: readonly TaskVector[];
  /** Score matrices */
  m: ScoreMatrices;
  /** Term ids and weights */
  vocab: Vocab;
  /** Links of the rules */
  ruleLinks: readonly RuleLink[];
  /** Groups the rules alone make, as index lists */
  ruleGroups: readonly { a: number[]; b: number[] }[];
}

/** Values sorted descending (for ranks). */
function descending(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort().reverse();
}

/** The rank of `v` in values sorted descending (0 = best; ties share the better rank): how many are higher. */
function rankIn(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) > v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The indexes of the `k` highest positive values among `n` (ties: lower index). */
function topK(n: number, value: (l: number) => number, k: number): number[] {
  const best: number[] = [];
  const vals: number[] = [];
  for (let l = 0; l < n; l++) {
    const v = value(l);
    if (!(v > 0)) continue;
    if (best.length === k && v <= (vals[k - 1] as number)) continue;
    let at = best.length;
    while (at > 0 && (vals[at - 1] as number) < v) at--;
    best.splice(at, 0, l);
    vals.splice(at, 0, v);
    if (best.length > k) {
      best.pop();
      vals.pop();
    }
  }
  return best;
}

/** The content of a task's innermost heading (its section), for comparing where two tasks stand. */
function sectionText(t: Task): string {
  return (t.section[t.section.length - 1] ?? '').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Jaccard overlap of two sets of unit names (0 when both are empty). */
function jaccard(sx: ReadonlySet<string>, sy: ReadonlySet<string>): number {
  if (sx.size === 0 && sy.size === 0) return 0;
  let common = 0;
  for (const u of sx) if (sy.has(u)) common++;
  return common / (sx.size + sy.size - common);
}

/** Time-node agreement: 1 when both tasks print one of the same shape and end, 0 otherwise. */
function timeAgreement(x: Task, y: Task): number {
  const p = x.timeNode;
  const q = y.timeNode;
  return p && q && p.kind === q.kind && p.end === q.end ? 1 : 0;
}

/**
 * The candidate links of two plans and their features, ordered by i then j.
 *
 * @example const cands = candidateFeatures(input, config); // cands[0].x[0] is its cosine
 */
export function candidateFeatures(input: FeatureInput, config: Pick<AlignConfig, 'candidatesPerTask'>): Candidate[] {
  const { va, vb, m, vocab } = input;
  const n = va.length;
  const k = config.candidatesPerTask;
  const keyOf = (i: number, j: number): number => i * vb.length + j;
  const picked = new Set<number>();
  const via = new Map<number, LinkBasis>();
  const score = (i: number, j: number): number => m.score[i]?.[j] ?? 0;
  const rowBest = m.score.map((row) => Math.max(0, ...row));
  const colBest = vb.map((_, j) => highest(n, (i) => score(i, j))[1]);
  for (let i = 0; i < n; i++) {
    for (const j of topK(vb.length, (l) => score(i, l), k)) picked.add(keyOf(i, j));
    for (const j of topK(vb.length, (l) => m.covAB[i]?.[l] ?? 0, 2)) picked.add(keyOf(i, j));
  }
  for (let j = 0; j < vb.length; j++) {
    for (const i of topK(n, (l) => score(l, j), k)) picked.add(keyOf(i, j));
    for (const i of topK(n, (l) => m.covBA[l]?.[j] ?? 0, 2)) picked.add(keyOf(i, j));
  }
  const rowsSorted = m.score.map((row) => descending(row));
  const colsSorted = vb.map((_, j) => descending(m.score.map((row) => row[j] ?? 0)));
  const unitsA = input.tasksA.map((t) => new Set(t.units.lead));
  const unitsB = input.tasksB.map((t) => new Set(t.units.lead));
  const secA = input.tasksA.map(sectionText);
  const secB = input.tasksB.map(sectionText);
  for (const l of input.ruleLinks) {
    picked.add(keyOf(l.i, l.j));
    if (l.via) via.set(keyOf(l.i, l.j), l.via);
  }
  const inRuleGroup = new Set<number>();
  for (const g of input.ruleGroups) for (const i of g.a) for (const j of g.b) inRuleGroup.add(keyOf(i, j));
  for (const key of inRuleGroup) picked.add(key);
  const logN = Math.log(Math.max(2, n + vb.length));
  const out: Candidate[] = [];
  for (const key of [...picked].sort((p, q) => p - q)) {
    const i = Math.floor(key / vb.length);
    const j = key - i * vb.length;
    const x = va[i] as TaskVector;
    const y = vb[j] as TaskVector;
    const ta = input.tasksA[i] as Task;
    const tb = input.tasksB[j] as Task;
    const s = m.score[i]?.[j] ?? 0;
    // clause coverage as the score matrices hold it (0 where the shared terms reach under a fifth of
    // either task's weight, where no clause can be found either)
    const cxy = m.covAB[i]?.[j] ?? 0;
    const cyx = m.covBA[i]?.[j] ?? 0;
    const sh = sharedIdf(x, y, vocab.idf);
    const lighter = Math.min(x.weight, y.weight);
    const rr = rankIn(rowsSorted[i] as Float64Array, s);
    const cr = rankIn(colsSorted[j] as Float64Array, s);
    const gr = (rowBest[i] ?? 0) - s;
    const gc = (colBest[j] ?? 0) - s;
    const sa = secA[i] as string;
    const sb = secB[j] as string;
    const rule = via.get(key) ?? null;
    out.push({
      i,
      j,
      via: rule,
      x: [
        s,
        bigramDice(x, y),
        Math.max(cxy, cyx),
        Math.min(cxy, cyx),
        lighter > 0 ? Math.min(1, sh.sum / lighter) : 0,
        sh.top / logN,
        Math.log1p(Math.min(rr, cr)),
        Math.log1p(Math.max(rr, cr)),
        Math.min(gr, gc),
        Math.max(gr, gc),
        rr === 0 && cr === 0 && s > 0 ? 1 : 0,
        sa && sb ? stringDice(sa, sb) : 0,
        Math.max(nameCoverage(x, y, vocab.idf).share, nameCoverage(y, x, vocab.idf).share),
        jaccard(unitsA[i] as Set<string>, unitsB[j] as Set<string>),
        timeAgreement(ta, tb),
        Math.abs(x.pos - y.pos),
        Math.abs(Math.log1p(x.weight) - Math.log1p(y.weight)),
        ...RULES.map((r) => (rule === r ? 1 : 0)),
        inRuleGroup.has(key) ? 1 : 0,
      ],
    });
  }
  return out;
}
