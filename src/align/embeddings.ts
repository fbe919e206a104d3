/**
 * Sentence vectors a user brings (`alignPlans(a, b, { embeddings })`): the cosine of two tasks' vectors,
 * blended into the term score that ranks the candidate links and from which the score, rank and gap
 * features are read. No labelled data with vectors exists to fit a weight for them, so the blend's weight
 * is a set number (config `embeddingWeight`), not learned; the link rules still read the term score alone.
 */
import type { Embeddings, Task } from '../types';
import { taskHash } from './decisions';

/** A vector scaled to length 1 (null when absent, empty or all zeros). */
function unit(v: readonly number[] | undefined): Float64Array | null {
  if (!v || v.length === 0) return null;
  let norm = 0;
  for (const x of v) norm += x * x;
  if (!(norm > 0) || !Number.isFinite(norm)) return null;
  const s = 1 / Math.sqrt(norm);
  return Float64Array.from(v, (x) => x * s);
}

/**
 * The term score matrix with each pair whose two tasks both have a vector (of one length) replaced by
 * (1 − weight) · score + weight · max(0, cosine of the vectors); other pairs keep the term score. Returns
 * the input matrix itself when no pair has two vectors or the weight is 0.
 *
 * @example blendEmbeddings(tasksA, tasksB, m.score, vectors, 0.5)[i][j]
 */
export function blendEmbeddings(tasksA: readonly Task[], tasksB: readonly Task[], score: number[][], embeddings: Embeddings, weight: number): number[][] {
  if (weight <= 0) return score;
  const ua = tasksA.map((t) => unit(embeddings[taskHash(t)]));
  const ub = tasksB.map((t) => unit(embeddings[taskHash(t)]));
  if (!ua.some(Boolean) || !ub.some(Boolean)) return score;
  return score.map((row, i) => {
    const x = ua[i];
    if (!x) return row;
    return row.map((s, j) => {
      const y = ub[j];
      if (!y || y.length !== x.length) return s;
      let dot = 0;
      for (let k = 0; k < x.length; k++) dot += x[k]! * y[k]!;
      return (1 - weight) * s + weight * Math.max(0, Math.min(1, dot));
    });
  });
}
