/**
 * The Alignment result from the scored, decided and grouped links: each group scored on its joined texts
 * with evidence, the candidate links, the expected counts of tasks without a counterpart, and for each
 * unpaired task its likeliest counterparts.
 */
import type { Alignment, Link, LinkBasis, Message, NearestTask, PlanRef, Task, TaskPair } from '../types';
import type { AlignConfig } from './config';
import type { LinkGroup, ScoredLink } from './grouping';
import { LINK_BASES } from './match';
import type { PreparedTask } from './prepare';
import { pairEvidence, taskVector, type TaskVector, type Vocab } from './similarity';
import { highest, round4 } from './util';

/** One plan as the result reads it: tasks and prepared tasks in seq order, vectors, identity. */
export interface ResultSide {
  /** Identity */
  ref: PlanRef;
  /** Tasks, seq order */
  tasks: Task[];
  /** Prepared tasks, parallel */
  prepared: PreparedTask[];
  /** Vectors, parallel */
  vectors: TaskVector[];
}

/** A link as the result lists it (seqs). */
function toLink(l: ScoredLink, A: ResultSide, B: ResultSide): Link {
  return {
    a: (A.tasks[l.i] as Task).seq,
    b: (B.tasks[l.j] as Task).seq,
    probability: l.p,
    ...(l.decided ? { decided: l.decided } : {}),
  };
}

/** Order of links: probability descending, then a, b. */
const byProbability = (x: Link, y: Link): number => y.probability - x.probability || x.a - y.a || x.b - y.b;

/**
 * Probability that each task has no counterpart in the other plan: the product of (1 − p) over its
 * candidate links (0 when a reader confirmed one). Indexed like the side's tasks.
 */
export function noCounterpart(links: readonly ScoredLink[], n: number, side: 'i' | 'j'): number[] {
  const out = new Array<number>(n).fill(1);
  for (const l of links) out[l[side]] = (out[l[side]] as number) * (1 - l.p);
  return out;
}

/** Everything {@link buildResult} reads. */
export interface ResultInput {
  /** Plan a */
  A: ResultSide;
  /** Plan b */
  B: ResultSide;
  /** Every scored link (decisions applied) */
  links: readonly ScoredLink[];
  /** The groups */
  groups: readonly LinkGroup[];
  /** The rule that links each pair (key `i,j`), for the evidence */
  rules: ReadonlyMap<string, LinkBasis>;
  /** Term score of every pair, for `nearest` */
  score: readonly (readonly number[])[];
  /** Term ids and weights */
  vocab: Vocab;
  /** The configuration */
  config: AlignConfig;
  /** Messages of the decisions */
  messages: Message[];
}

/** Build the Alignment. */
export function buildResult(input: ResultInput): Alignment {
  const { A, B, vocab, config } = input;
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: TaskPair[] = input.groups.map((g) => {
    const x = g.a.length === 1 ? (A.vectors[g.a[0] as number] as TaskVector) : taskVector(g.a.map((i) => A.prepared[i] as PreparedTask), vocab, 0, config);
    const y = g.b.length === 1 ? (B.vectors[g.b[0] as number] as TaskVector) : taskVector(g.b.map((j) => B.prepared[j] as PreparedTask), vocab, 0, config);
    const { score, evidence } = pairEvidence(x, y, vocab);
    const basis = new Set<LinkBasis>();
    for (const l of g.links) {
      if (l.decided === 'same') basis.add('reader');
      const r = input.rules.get(`${l.i},${l.j}`);
      if (r) basis.add(r);
    }
    if (basis.size) evidence.basis = [...basis].sort((p, q) => LINK_BASES.indexOf(p) - LINK_BASES.indexOf(q));
    g.a.forEach((i) => usedA.add(i));
    g.b.forEach((j) => usedB.add(j));
    const links = g.links.map((l) => toLink(l, A, B));
    return {
      a: g.a.map((i) => A.tasks[i] as Task),
      b: g.b.map((j) => B.tasks[j] as Task),
      score,
      evidence,
      probability: Math.min(...links.map((l) => l.probability)),
      links,
    };
  });
  pairs.sort((p, q) => (p.a[0]?.seq ?? 0) - (q.a[0]?.seq ?? 0) || (p.b[0]?.seq ?? 0) - (q.b[0]?.seq ?? 0));
  const candidates = input.links
    .filter((l) => l.p >= config.candidateFloor || l.decided)
    .map((l) => toLink(l, A, B))
    .sort(byProbability);
  const noA = noCounterpart(input.links, A.tasks.length, 'i');
  const noB = noCounterpart(input.links, B.tasks.length, 'j');
  const sum = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0);
  const likeliest: Record<string, Link[]> = {};
  const list = (side: 'a' | 'b', seq: number): void => {
    const own = candidates.filter((l) => l[side] === seq && l.decided !== 'different').slice(0, config.likeliestCount);
    if (own.length) likeliest[`${side}:${seq}`] = own;
  };
  const dropped = A.tasks.filter((_, i) => !usedA.has(i));
  const added = B.tasks.filter((_, j) => !usedB.has(j));
  dropped.forEach((t) => list('a', t.seq));
  added.forEach((t) => list('b', t.seq));
  const al: Alignment = {
    a: A.ref,
    b: B.ref,
    pairs,
    dropped,
    added,
    candidates,
    expectedDropped: sum(noA),
    expectedAdded: sum(noB),
    minProbability: config.minProbability,
    likeliest,
    messages: input.messages,
  };
  al.nearest = nearestOfUnpaired(al, A.prepared, B.prepared, input.score);
  return al;
}

/**
 * For each unpaired task, the task of the other plan with the highest score (ties: the lower seq), when
 * that score is above 0. Keys `a:seq` / `b:seq`, in seq order; scores rounded as in the JSON (4 decimals).
 */
export function nearestOfUnpaired(
  al: Pick<Alignment, 'dropped' | 'added'>,
  tasksA: readonly PreparedTask[],
  tasksB: readonly PreparedTask[],
  score: readonly (readonly number[])[],
): Record<string, NearestTask> {
  const out: Record<string, NearestTask> = {};
  /** Point each task of `unpaired` (found at its index in `own`) at the best of `other` by `at(k, l)` */
  const point = (side: 'a' | 'b', unpaired: readonly Task[], own: readonly PreparedTask[], other: readonly PreparedTask[], at: (k: number, l: number) => number): void => {
    const indexOf = new Map(own.map((t, k) => [t.seq, k]));
    for (const t of unpaired) {
      const k = indexOf.get(t.seq);
      if (k === undefined) continue;
      const [best, top] = highest(other.length, (l) => at(k, l));
      if (best >= 0) out[`${side}:${t.seq}`] = { seq: (other[best] as PreparedTask).seq, score: round4(top) };
    }
  };
  point('a', al.dropped, tasksA, tasksB, (i, j) => score[i]?.[j] ?? 0);
  point('b', al.added, tasksB, tasksA, (j, i) => score[i]?.[j] ?? 0);
  return out;
}
