/**
 * Groups from link probabilities, one procedure for every shape (1:1, 1:n, n:1, n:m): links at or above
 * the cut are taken strongest first, and each joins the groups of its two tasks, unless the joined group
 * would be a poor one. A group stands for every pair of its a-tasks and b-tasks (a reader reads
 * a=[3,4], b=[7,8] as four links), so a link may join two groups only when the pairs the joined group
 * stands for are on average at least as likely as the cut, each is at least `floor` likely, and none of
 * them is one a reader rejected.
 * A weak link thus never chains two unrelated groups together.
 */

/** A scored link between task i of a and task j of b (indexes into the seq-sorted task lists). */
export interface ScoredLink {
  /** Index of the task of a */
  i: number;
  /** Index of the task of b */
  j: number;
  /** Calibrated probability (1 or 0 where a reader decided) */
  p: number;
  /** A reader's decision, if any */
  decided?: 'same' | 'different';
}

/** A group of tasks (indexes) and the links that made it. */
export interface LinkGroup {
  /** Indexes of the tasks of a, ascending */
  a: number[];
  /** Indexes of the tasks of b, ascending */
  b: number[];
  /** The links placed in the group, by i then j */
  links: ScoredLink[];
}

/**
 * Group the links whose probability is at least `minProbability` (`floor`: the least probability of any
 * pair a group stands for) (a link a reader confirmed always
 * counts; one a reader rejected never does).
 *
 * @example groupLinks([{ i: 0, j: 0, p: 0.9 }, { i: 1, j: 0, p: 0.7 }], 0.5) // one 2:1 group
 */
export function groupLinks(links: readonly ScoredLink[], minProbability: number, floor = 0.1): LinkGroup[] {
  const pOf = new Map<string, ScoredLink>();
  for (const l of links) pOf.set(`${l.i},${l.j}`, l);
  const kept = links
    .filter((l) => l.decided === 'same' || (l.decided !== 'different' && l.p >= minProbability))
    .sort((x, y) => y.p - x.p || x.i - y.i || x.j - y.j);
  const ofA = new Map<number, LinkGroup>();
  const ofB = new Map<number, LinkGroup>();
  const groups = new Set<LinkGroup>();
  /** The pairs a group of these tasks would stand for are likely enough, and none was rejected */
  const acceptable = (as: readonly number[], bs: readonly number[]): boolean => {
    let sum = 0;
    for (const i of as) {
      for (const j of bs) {
        const l = pOf.get(`${i},${j}`);
        if (l?.decided === 'different' || !l || l.p < floor) return false;
        sum += l.p;
      }
    }
    return sum >= minProbability * as.length * bs.length;
  };
  for (const l of kept) {
    const ga = ofA.get(l.i);
    const gb = ofB.get(l.j);
    if (ga && ga === gb) {
      ga.links.push(l);
      continue;
    }
    const as = [...new Set([...(ga?.a ?? [l.i]), ...(gb?.a ?? [])])];
    const bs = [...new Set([...(gb?.b ?? [l.j]), ...(ga?.b ?? [])])];
    // a confirmed link always joins (a reader said so) unless it would stand for a rejected pair
    if (!(l.decided === 'same' ? acceptable(as, bs) || as.length * bs.length === 1 : acceptable(as, bs))) continue;
    const g: LinkGroup = { a: as, b: bs, links: [...(ga?.links ?? []), ...(gb?.links ?? []), l] };
    if (ga) groups.delete(ga);
    if (gb) groups.delete(gb);
    groups.add(g);
    for (const i of as) ofA.set(i, g);
    for (const j of bs) ofB.set(j, g);
  }
  const out = [...groups];
  for (const g of out) {
    g.a.sort((x, y) => x - y);
    g.b.sort((x, y) => x - y);
    g.links.sort((x, y) => x.i - y.i || x.j - y.j);
  }
  return out.sort((p, q) => (p.a[0] ?? 0) - (q.a[0] ?? 0) || (p.b[0] ?? 0) - (q.b[0] ?? 0));
}
