/**
 * Matching on a score matrix: the globally optimal 1:1 assignment (Hungarian, package `munkres`), then the
 * links that make splits and merges, then groups (stars: one task on one side, one or more on the other)
 * that partition the tasks.
 */
import { munkres } from 'munkres';
import type { LinkBasis } from '../types';

/** The link rules in the order they are tried (and listed in a pair's evidence). */
export const LINK_BASES: readonly LinkBasis[] = ['reader', 'verbatim', 'assignment', 'quantity', 'clause', 'home', 'leftover', 'name'];

/**
 * Optimal 1:1 assignment maximizing the total score; pairs under `threshold` are left out.
 * `bonus` (same shape) is added to the scores for the assignment only (weak tie-breakers).
 * Returns [row, col] pairs sorted by row.
 */
export function assignOneToOne(score: number[][], threshold: number, bonus?: number[][]): [number, number][] {
  const n = score.length;
  const m = score[0]?.length ?? 0;
  if (n === 0 || m === 0) return [];
  // Entries under the threshold cost the same as staying unassigned, so they never push a real pair out.
  const cost = score.map((row, i) =>
    row.map((s, j) => (s >= threshold ? 1 - s - (bonus?.[i]?.[j] ?? 0) : 1)),
  );
  const out: [number, number][] = [];
  for (const [i, j] of munkres(cost)) {
    if ((score[i]?.[j] ?? 0) >= threshold) out.push([i, j]);
  }
  return out.sort((p, q) => p[0] - q[0]);
}

/** A link between task i of plan a and task j of plan b, with its strength. */
export interface Link {
  i: number;
  j: number;
  strength: number;
  /** Priority class: links of a higher rank are placed first whatever their strength (near-verbatim
   * anchors 2, pairs of the 1:1 assignment 1, split/merge links 0; default 0) */
  rank?: number;
  /** The rule that made the link */
  via?: LinkBasis;
}

/** A group: one task on one side, one or more on the other (indexes into the plans' task lists). */
export interface Group {
  a: number[];
  b: number[];
  /** The rules of the links placed in the group, in the order of {@link LinkBasis} */
  basis: LinkBasis[];
}

/**
 * Turn links into groups that partition the linked tasks: every task is in at most one group, and every
 * group is a star (one task on one side, one or more on the other: 1:1, 1:n or n:1).
 *
 * Rule: links are placed one by one, higher rank first, then stronger first (ties by index). A link
 * between two ungrouped tasks opens a 1:1 group; a link from a grouped task to an ungrouped one adds the
 * ungrouped task to the group when the grouped task is the group's centre (the only task on its side);
 * any other link is left out. So where links cross (a task of a linked to two tasks of b that are each
 * linked to other tasks of a), each task ends in the group of its strongest link that keeps the groups
 * stars, and a weaker link that would put it in a second group is dropped. A task whose every link was
 * dropped stays unmatched.
 */
export function linksToGroups(links: readonly Link[]): Group[] {
  const sorted = [...links].sort(
    (p, q) => (q.rank ?? 0) - (p.rank ?? 0) || q.strength - p.strength || p.i - q.i || p.j - q.j,
  );
  const ofA = new Map<number, Group>();
  const ofB = new Map<number, Group>();
  const groups: Group[] = [];
  for (const l of sorted) {
    const ga = ofA.get(l.i);
    const gb = ofB.get(l.j);
    const placed = (g: Group): void => {
      if (l.via && !g.basis.includes(l.via)) g.basis.push(l.via);
    };
    if (!ga && !gb) {
      const g: Group = { a: [l.i], b: [l.j], basis: [] };
      placed(g);
      groups.push(g);
      ofA.set(l.i, g);
      ofB.set(l.j, g);
    } else if (ga && !gb) {
      if (ga.a.length === 1) {
        ga.b.push(l.j);
        ofB.set(l.j, ga);
        placed(ga);
      }
    } else if (!ga && gb) {
      if (gb.b.length === 1) {
        gb.a.push(l.i);
        ofA.set(l.i, gb);
        placed(gb);
      }
    }
  }
  for (const g of groups) {
    g.a.sort((x, y) => x - y);
    g.b.sort((x, y) => x - y);
    g.basis.sort((x, y) => LINK_BASES.indexOf(x) - LINK_BASES.indexOf(y));
  }
  return groups.sort((p, q) => (p.a[0] ?? 0) - (q.a[0] ?? 0) || (p.b[0] ?? 0) - (q.b[0] ?? 0));
}
