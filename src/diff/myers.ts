/**
 * The difference of two sequences (Myers' O(ND) algorithm), for the text diff of a pair. It follows
 * jsdiff 9 (`diffArrays`, `diffChars`) step by step — the same choice among equally short edit scripts,
 * the same pruning at the edges of the edit graph — so it returns the same runs, but keeps the search
 * paths in flat arrays instead of allocating objects at every step (a diff of putuo-2023 ↔
 * songjiang-2024 spent a quarter of its time in jsdiff's allocations). test/diff.test.ts checks the
 * runs against jsdiff on generated sequences.
 */

/** A run of the edit script: items kept (`=`), added in b (`+`) or removed from a (`-`). */
export interface Run<T> {
  op: '=' | '+' | '-';
  items: T[];
}

const KEEP = 0;
const ADD = 1;
const REMOVE = 2;

/**
 * Most path components one diff may make (about 48 MB). Two long texts with little in common need
 * O(D²) steps (D: the length of the edit script); past this budget the texts are shown as one removal and
 * one addition instead. Task texts never come near it (a few hundred tokens each).
 */
export const MAX_COMPONENTS = 2_000_000;

class OverBudget extends Error {}

/** The edit script turning `a` into `b` (items compared with ===), as runs in order; one removal and one
 * addition when the two differ too much to search (see {@link MAX_COMPONENTS}). */
export function diffSequences<T>(a: readonly T[], b: readonly T[], budget = MAX_COMPONENTS): Run<T>[] {
  try {
    return search(a, b, budget);
  } catch (e) {
    if (!(e instanceof OverBudget)) throw e;
    const runs: Run<T>[] = [];
    if (a.length) runs.push({ op: '-', items: a.slice() });
    if (b.length) runs.push({ op: '+', items: b.slice() });
    return runs;
  }
}

function search<T>(a: readonly T[], b: readonly T[], budget: number): Run<T>[] {
  const oldLen = a.length;
  const newLen = b.length;
  // Components of the paths, as a persistent linked list (a component is never changed once made, since
  // several paths may end in it): its kind, its length and the component before it (-1: none).
  const kind: number[] = [];
  const count: number[] = [];
  const prev: number[] = [];
  const component = (k: number, n: number, p: number): number => {
    if (kind.length >= budget) throw new OverBudget();
    kind.push(k);
    count.push(n);
    prev.push(p);
    return kind.length - 1;
  };
  // The furthest path on each diagonal (index diagonal + offset): its position in a and its last component.
  const offset = oldLen + newLen + 1;
  const size = 2 * offset + 1;
  const live = new Uint8Array(size);
  const pathOld = new Int32Array(size);
  const pathLast = new Int32Array(size);

  /** Follow the diagonal while the items agree; returns the new position in b and stores the path. */
  let curOld = -1;
  let curLast = -1;
  const extractCommon = (diagonal: number): number => {
    let oldPos = curOld;
    let newPos = oldPos - diagonal;
    let common = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && a[oldPos + 1] === b[newPos + 1]) {
      newPos++;
      oldPos++;
      common++;
    }
    if (common > 0) curLast = component(KEEP, common, curLast);
    curOld = oldPos;
    return newPos;
  };
  /** Extend the path (old position, last component) by one addition or removal into curOld/curLast. */
  const step = (oldPos: number, last: number, k: number): void => {
    if (last >= 0 && kind[last] === k) curLast = component(k, (count[last] as number) + 1, prev[last] as number);
    else curLast = component(k, 1, last);
    curOld = oldPos + (k === REMOVE ? 1 : 0);
  };

  const build = (last: number): Run<T>[] => {
    const chain: number[] = [];
    for (let c = last; c >= 0; c = prev[c] as number) chain.push(c);
    chain.reverse();
    const runs: Run<T>[] = [];
    let oldPos = 0;
    let newPos = 0;
    for (const c of chain) {
      const n = count[c] as number;
      if (kind[c] === REMOVE) {
        runs.push({ op: '-', items: a.slice(oldPos, oldPos + n) });
        oldPos += n;
      } else if (kind[c] === ADD) {
        runs.push({ op: '+', items: b.slice(newPos, newPos + n) });
        newPos += n;
      } else {
        runs.push({ op: '=', items: b.slice(newPos, newPos + n) });
        newPos += n;
        oldPos += n;
      }
    }
    return runs;
  };

  let newPos = extractCommon(0);
  if (curOld + 1 >= oldLen && newPos + 1 >= newLen) return build(curLast);
  live[offset] = 1;
  pathOld[offset] = curOld;
  pathLast[offset] = curLast;
  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let d = 1; d <= oldLen + newLen; d++) {
    for (let diagonal = Math.max(minDiagonal, -d); diagonal <= Math.min(maxDiagonal, d); diagonal += 2) {
      const r = diagonal - 1 + offset;
      const x = diagonal + 1 + offset;
      const hasRemove = live[r] === 1;
      const removeOld = pathOld[r] as number;
      const removeLast = pathLast[r] as number;
      if (hasRemove) live[r] = 0;
      let canAdd = false;
      if (live[x] === 1) {
        const addNewPos = (pathOld[x] as number) - diagonal;
        canAdd = addNewPos >= 0 && addNewPos < newLen;
      }
      const canRemove = hasRemove && removeOld + 1 < oldLen;
      const here = diagonal + offset;
      if (!canAdd && !canRemove) {
        live[here] = 0;
        continue;
      }
      if (!canRemove || (canAdd && removeOld < (pathOld[x] as number))) step(pathOld[x] as number, pathLast[x] as number, ADD);
      else step(removeOld, removeLast, REMOVE);
      newPos = extractCommon(diagonal);
      if (curOld + 1 >= oldLen && newPos + 1 >= newLen) return build(curLast);
      live[here] = 1;
      pathOld[here] = curOld;
      pathLast[here] = curLast;
      if (curOld + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  // not reached: an edit script of length oldLen + newLen always exists
  return build(curLast);
}
