/**
 * `alignMany`: align every plan of a set with every other, through a candidate index so that only task
 * pairs sharing a rare term are scored. Each task's signature is its few heaviest terms; an inverted index
 * from signature terms to (plan, task) gives, for each plan pair, the task pairs worth scoring. Tokenizing,
 * weights and vectors are computed once per task (identical texts are tokenized once), so the cost grows
 * with the number of candidate pairs rather than with every task of every plan against every other.
 */
import type { Plan, PlanRef } from '../types';
import { resolveConfig, findLinks, planDocuments, planRef, planVectors, type AlignPlansOptions, type ScoreMatrices } from './align';
import { linksToGroups } from './match';
import { isPreparedPlan, prepareTask, type PreparedPlan, type PreparedTask } from './prepare';
import { combineSignals, cosine, bigramDice, coverage, lighterCoverage, Vocab, type TaskVector } from './similarity';
import { learnWeights } from './weights';

/** One group of a plan pair in {@link alignMany}'s compact result: seqs, and the best member pair's score
 * (rounded to 4 decimals; alignPlans scores the joined texts instead). */
export interface ManyPair {
  a: number[];
  b: number[];
  score: number;
}

/** The alignment of one plan pair in compact form. */
export interface ManyAlignment {
  /** Index of plan a in the input */
  a: number;
  /** Index of plan b in the input */
  b: number;
  pairs: ManyPair[];
  /** Seqs of a's tasks with no counterpart */
  dropped: number[];
  /** Seqs of b's tasks with no counterpart */
  added: number[];
}

/** Options of {@link alignMany}. */
export interface AlignManyOptions extends AlignPlansOptions {
  /** Number of heaviest terms per task used as its signature in the candidate index (default 8) */
  signatureSize?: number;
  /** Called with each plan pair's alignment instead of collecting them (keeps memory flat for large sets) */
  onAlignment?: (al: ManyAlignment) => void;
}

/** Result of {@link alignMany}. */
export interface ManyResult {
  /** The plans, in input order */
  plans: PlanRef[];
  /** Every plan pair (i < j), unless `onAlignment` took them */
  alignments: ManyAlignment[];
  /** Distinct task pairs scored (verbatim copies are scored once), and task pairs there would be
   * without the index */
  scored: number;
  possible: number;
}

/** Sum of idf over the text terms two vectors share. */
function sharedWeight(x: TaskVector, y: TaskVector, idf: readonly number[]): number {
  let w = 0;
  let i = 0;
  let j = 0;
  while (i < x.textIds.length && j < y.textIds.length) {
    const a = x.textIds[i] as number;
    const b = y.textIds[j] as number;
    if (a === b) {
      w += idf[a] as number;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return w;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/**
 * Align every pair of plans (i < j) with the same rules as {@link alignPlans}, scoring only candidate task
 * pairs from the index. Term weights are learned once from all the plans (plus `corpus`).
 */
export function alignMany(plans: readonly (Plan | PreparedPlan)[], options: AlignManyOptions = {}): ManyResult {
  const config = resolveConfig(options);
  const k = options.signatureSize ?? 8;
  // 1. tokenize once per distinct text
  const seen = new Map<string, PreparedTask>();
  const prepared: PreparedPlan[] = plans.map((p) => {
    if (isPreparedPlan(p)) return p;
    return {
      plan: p,
      tasks: p.tasks.map((t) => {
        const key = `${t.name ?? ''}\u0000${t.text}`;
        const hit = seen.get(key);
        if (hit) return { ...hit, seq: t.seq };
        const pt = prepareTask(t, { tokenizer: options.tokenizer });
        seen.set(key, pt);
        return pt;
      }),
    };
  });
  // 2. weights and vectors once
  const weights =
    options.weights ?? learnWeights(prepared.flatMap(planDocuments).concat((options.corpus ?? []).flatMap((c) => (isPreparedPlan(c) ? planDocuments(c) : []))));
  const vocab = new Vocab(weights, config.idfPower);
  const vecs = prepared.map((p) => planVectors(p, vocab, config));
  // identical tasks (verbatim copies across plans) share one id, so a pair of texts is scored once
  const textId = new Map<string, number>();
  const vecIds: number[][] = vecs.map((pv) =>
    pv.tasks.map((t) => {
      const key = `${t.terms.join(' ')}\u0000${t.nameTerms.join(' ')}\u0000${t.clauses.map((c) => c.join(' ')).join('|')}\u0000${t.chars}`;
      let id = textId.get(key);
      if (id === undefined) textId.set(key, (id = textId.size));
      return id;
    }),
  );
  const memo = new Map<number, [number, number, number]>();
  // 3. candidate index: term → plan → indexes of the tasks holding it; a task's signature (its k heaviest
  //    terms) is looked up in the other plan, both ways, so a pair is scored when either task's rarest
  //    words occur in the other
  const index = new Map<number, Map<number, number[]>>();
  const signatures: number[][][] = vecs.map((pv, pi) =>
    pv.vectors.map((v, ti) => {
      for (const id of v.textIds) {
        let byPlan = index.get(id);
        if (!byPlan) index.set(id, (byPlan = new Map()));
        const list = byPlan.get(pi);
        if (list) list.push(ti);
        else byPlan.set(pi, [ti]);
      }
      return [...v.textIds].sort((x, y) => (vocab.idf[y] as number) - (vocab.idf[x] as number) || x - y).slice(0, k);
    }),
  );
  // 4. every plan pair
  const alignments: ManyAlignment[] = [];
  let scored = 0;
  let possible = 0;
  for (let pi = 0; pi < vecs.length; pi++) {
    const A = vecs[pi]!;
    for (let qi = pi + 1; qi < vecs.length; qi++) {
      const B = vecs[qi]!;
      possible += A.vectors.length * B.vectors.length;
      const m: ScoreMatrices = {
        score: A.vectors.map(() => new Array<number>(B.vectors.length).fill(0)),
        covAB: A.vectors.map(() => new Array<number>(B.vectors.length).fill(0)),
        covBA: A.vectors.map(() => new Array<number>(B.vectors.length).fill(0)),
      };
      const score = (i: number, j: number): void => {
        if (m.score[i]![j]! > 0 || done.has(i * 65536 + j)) return;
        done.add(i * 65536 + j);
        const x = A.vectors[i] as TaskVector;
        const y = B.vectors[j] as TaskVector;
        const ix = vecIds[pi]![i]!;
        const iy = vecIds[qi]![j]!;
        const key = ix * 4194304 + iy;
        let hit = memo.get(key);
        if (!hit) {
          const rev = memo.get(iy * 4194304 + ix);
          if (rev) hit = [rev[0], rev[2], rev[1]];
        }
        if (!hit) {
          scored++;
          // coverage cannot exceed the share of weight the two have in common: skip it when that is small
          const sh = sharedWeight(x, y, vocab.idf);
          const reach = Math.max(x.weight > 0 ? sh / x.weight : 0, y.weight > 0 ? sh / y.weight : 0);
          const cxy = reach >= 0.2 ? coverage(x, y, vocab.idf) : 0;
          const cyx = reach >= 0.2 ? coverage(y, x, vocab.idf) : 0;
          hit = [combineSignals({ cosine: cosine(x, y), bigram: bigramDice(x, y), coverage: lighterCoverage(x, y, cxy, cyx) }), cxy, cyx];
          memo.set(key, hit);
        }
        m.score[i]![j] = hit[0];
        m.covAB[i]![j] = hit[1];
        m.covBA[i]![j] = hit[2];
      };
      const done = new Set<number>();
      A.vectors.forEach((_, i) => {
        for (const id of signatures[pi]![i]!) for (const j of index.get(id)?.get(qi) ?? []) score(i, j);
      });
      B.vectors.forEach((_, j) => {
        for (const id of signatures[qi]![j]!) for (const i of index.get(id)?.get(pi) ?? []) score(i, j);
      });
      const links = findLinks(A.vectors, B.vectors, m, vocab, config);
      const usedA = new Set<number>();
      const usedB = new Set<number>();
      const pairs: ManyPair[] = linksToGroups(links).map((g) => {
        let best = 0;
        for (const i of g.a) for (const j of g.b) best = Math.max(best, m.score[i]![j]!);
        g.a.forEach((i) => usedA.add(i));
        g.b.forEach((j) => usedB.add(j));
        return { a: g.a.map((i) => A.tasks[i]!.seq), b: g.b.map((j) => B.tasks[j]!.seq), score: round4(best) };
      });
      const al: ManyAlignment = {
        a: pi,
        b: qi,
        pairs,
        dropped: A.tasks.filter((_, i) => !usedA.has(i)).map((t) => t.seq),
        added: B.tasks.filter((_, j) => !usedB.has(j)).map((t) => t.seq),
      };
      if (options.onAlignment) options.onAlignment(al);
      else alignments.push(al);
    }
  }
  return { plans: prepared.map((p) => planRef(p.plan)), alignments, scored, possible };
}
