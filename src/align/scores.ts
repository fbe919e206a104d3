/**
 * The score matrices of two plans: tasks sorted by seq with their vectors, the term cosine of every task
 * pair, and the clause coverage both ways where it can matter.
 */
import type { AlignConfig } from './config';
import type { PreparedPlan, PreparedTask } from './prepare';
import { combineSignals, coverage, taskVector, type TaskVector, type Vocab } from './similarity';

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
