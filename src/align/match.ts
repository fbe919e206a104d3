/**
 * Matching on a score matrix: the globally optimal 1:1 assignment (Hungarian, package `munkres`), then the
 * links that make splits and merges, then groups (stars: one task on one side, one or more on the other).
 */
import { munkres } from 'munkres';

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
}

/** A group: one task on one side, one or more on the other (indexes into the plans' task lists). */
export interface Group {
  a: number[];
  b: number[];
}

/**
 * Turn links into groups. A connected component that is a star (one task on one side) is one group. A
 * component that is not (a crosses several b and a b several a) is cut into stars around the task with
 * the most links, strongest links first, so no group claims a link that was not found; a task may then
 * appear in two groups.
 */
export function linksToGroups(links: readonly Link[]): Group[] {
  const key = (side: 'a' | 'b', k: number): string => `${side}${k}`;
  const adj = new Map<string, Link[]>();
  for (const l of links) {
    for (const k of [key('a', l.i), key('b', l.j)]) {
      const list = adj.get(k);
      if (list) list.push(l);
      else adj.set(k, [l]);
    }
  }
  const seen = new Set<string>();
  const groups: Group[] = [];
  const sorted = [...links].sort((p, q) => p.i - q.i || p.j - q.j);
  for (const start of sorted) {
    const k0 = key('a', start.i);
    if (seen.has(k0)) continue;
    // collect the component
    const comp: Link[] = [];
    const compLinks = new Set<Link>();
    const stack = [k0];
    seen.add(k0);
    while (stack.length) {
      const k = stack.pop() as string;
      for (const l of adj.get(k) ?? []) {
        if (!compLinks.has(l)) {
          compLinks.add(l);
          comp.push(l);
        }
        for (const nk of [key('a', l.i), key('b', l.j)]) {
          if (!seen.has(nk)) {
            seen.add(nk);
            stack.push(nk);
          }
        }
      }
    }
    const as = new Set(comp.map((l) => l.i));
    const bs = new Set(comp.map((l) => l.j));
    if (as.size === 1 || bs.size === 1) {
      groups.push({ a: [...as].sort((x, y) => x - y), b: [...bs].sort((x, y) => x - y) });
      continue;
    }
    // cut into stars: repeatedly take the node with most remaining links (ties: stronger total, then index)
    let rest = [...comp];
    while (rest.length) {
      const deg = new Map<string, { n: number; s: number }>();
      for (const l of rest) {
        for (const k of [key('a', l.i), key('b', l.j)]) {
          const d = deg.get(k) ?? { n: 0, s: 0 };
          d.n++;
          d.s += l.strength;
          deg.set(k, d);
        }
      }
      const centre = [...deg.entries()].sort(
        (p, q) => q[1].n - p[1].n || q[1].s - p[1].s || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0),
      )[0]?.[0] as string;
      const mine = rest.filter((l) => key('a', l.i) === centre || key('b', l.j) === centre);
      rest = rest.filter((l) => !mine.includes(l));
      groups.push({
        a: [...new Set(mine.map((l) => l.i))].sort((x, y) => x - y),
        b: [...new Set(mine.map((l) => l.j))].sort((x, y) => x - y),
      });
    }
  }
  return groups.sort((p, q) => (p.a[0] ?? 0) - (q.a[0] ?? 0) || (p.b[0] ?? 0) - (q.b[0] ?? 0));
}
