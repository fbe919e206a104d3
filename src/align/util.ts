/**
 * Small numeric helpers shared by the alignment modules (one place each): the best index of a row, and
 * rounding for stable JSON.
 */
// per-function modules, with the extension Node's ESM resolution needs: the whole of lodash costs ~70 ms to load
import maxBy from 'lodash/maxBy.js';
import range from 'lodash/range.js';

/**
 * The index among `n` counterparts with the highest value above 0, and that value; [-1, 0] when none is
 * above 0. Ties go to the lower index, which is the lower seq: the task lists are sorted by seq
 * ({@link planVectors}), so the order of a plan's task list never matters.
 */
export function highest(n: number, value: (l: number) => number): [number, number] {
  const best = maxBy(range(n), value);
  if (best === undefined) return [-1, 0];
  const top = value(best);
  return top > 0 ? [best, top] : [-1, 0];
}

/** Round to 4 decimals (never -0), as the JSON forms print scores and probabilities. */
export function round4(x: number): number {
  const r = Math.round(x * 10000) / 10000;
  return Object.is(r, -0) ? 0 : r;
}
