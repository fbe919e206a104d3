/**
 * The review queue: the undecided candidate links whose answers would change the alignment most, first.
 *
 * For a link of calibrated probability p, asking about it removes an expected error of 1 − p when it is
 * paired (a reader who says 不同 unpairs a wrong link) and finds an expected p links when it is not. An
 * answer that pairs or unpairs a task also changes the counts of dropped and new tasks, so a link
 * touching a task that is unpaired now (or would be unpaired after a 不同) weighs more: each such task
 * adds half again. Decided links are never asked.
 */
import type { Alignment, Link, ReviewQuestion, Task } from '../types';
import { taskHash } from './decisions';

/** Options of {@link reviewQueue}. */
export interface ReviewOptions {
  /** Most questions returned (default: all) */
  limit?: number;
}

const pct = (p: number): string => p.toFixed(2);

/**
 * The questions whose answers would change the result most, most useful first (ties: higher
 * probability, then a, b).
 *
 * @example reviewQueue(alignPlans(a, b), { limit: 20 })[0] // { a: 12, b: 7, probability: 0.48, why: … }
 */
export function reviewQueue(al: Alignment, options: ReviewOptions = {}): ReviewQuestion[] {
  const textA = new Map<number, Task>();
  const textB = new Map<number, Task>();
  for (const p of al.pairs) {
    for (const t of p.a) textA.set(t.seq, t);
    for (const t of p.b) textB.set(t.seq, t);
  }
  for (const t of al.dropped) textA.set(t.seq, t);
  for (const t of al.added) textB.set(t.seq, t);
  const pairedLink = new Set<string>();
  const linksOfA = new Map<number, number>();
  const linksOfB = new Map<number, number>();
  for (const p of al.pairs) {
    for (const l of p.links) {
      pairedLink.add(`${l.a},${l.b}`);
      linksOfA.set(l.a, (linksOfA.get(l.a) ?? 0) + 1);
      linksOfB.set(l.b, (linksOfB.get(l.b) ?? 0) + 1);
    }
  }
  const droppedA = new Set(al.dropped.map((t) => t.seq));
  const addedB = new Set(al.added.map((t) => t.seq));
  const scored = al.candidates
    .filter((l) => !l.decided && textA.has(l.a) && textB.has(l.b))
    .map((l: Link) => {
      const paired = pairedLink.has(`${l.a},${l.b}`);
      // tasks whose paired/unpaired state the answer can flip
      const flipA = paired ? linksOfA.get(l.a) === 1 : droppedA.has(l.a);
      const flipB = paired ? linksOfB.get(l.b) === 1 : addedB.has(l.b);
      const base = paired ? 1 - l.probability : l.probability;
      const value = base * (1 + 0.5 * Number(flipA) + 0.5 * Number(flipB));
      let why: string;
      if (paired) {
        const lose = [flipA ? `a#${l.a}` : '', flipB ? `b#${l.b}` : ''].filter(Boolean);
        why = `paired at probability ${pct(l.probability)}; if they differ, ${lose.length ? `${lose.join(' and ')} would have no counterpart` : 'the link is removed from its group'}`;
      } else {
        const gain = [flipA ? `a#${l.a} (now dropped)` : '', flipB ? `b#${l.b} (now new)` : ''].filter(Boolean);
        why = `not paired at probability ${pct(l.probability)} (cut ${pct(al.minProbability)}); if they are the same, ${gain.length ? `${gain.join(' and ')} would be paired` : 'the link joins their groups'}`;
      }
      return { l, value, why };
    })
    .sort((x, y) => y.value - x.value || y.l.probability - x.l.probability || x.l.a - y.l.a || x.l.b - y.l.b);
  const limit = options.limit ?? scored.length;
  return scored.slice(0, limit).map(({ l, why }) => ({
    a: l.a,
    b: l.b,
    probability: l.probability,
    why,
    aHash: taskHash(textA.get(l.a) as Task),
    bHash: taskHash(textB.get(l.b) as Task),
  }));
}
