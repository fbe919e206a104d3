/**
 * Term weights learned from the plans being compared (plus any corpus the caller adds): inverse document
 * frequency over tasks. Words every task carries (加强, 做好, 信息公开, 各街镇) end up near zero without a
 * hand-kept stop list; words few tasks share (留言板, 重大行政决策) weigh most.
 */

/** Inverse document frequencies, learned from a set of documents (tasks). */
export interface TermWeights {
  /** idf of each term seen */
  idf: Map<string, number>;
  /** Number of documents learned from */
  docs: number;
  /** Weight given to a term never seen (a term of a single document) */
  unseen: number;
}

/**
 * Learn idf = ln((N + 1) / (df + 0.5)), floored at 0, from documents given as term lists (one per task).
 * A term found in every task weighs ~0; one found in a single task of 80 weighs ~4.7.
 */
export function learnWeights(docs: Iterable<readonly string[]>): TermWeights {
  const df = new Map<string, number>();
  let n = 0;
  for (const doc of docs) {
    n++;
    for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.max(0, Math.log((n + 1) / (d + 0.5))));
  return { idf, docs: n, unseen: Math.log((n + 1) / 1.5) };
}

/** The weight of a term (the unseen weight when it was not learned). */
export function termWeight(weights: TermWeights, term: string): number {
  return weights.idf.get(term) ?? weights.unseen;
}
