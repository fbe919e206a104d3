/**
 * The labelled plan pairs of dev-labels/ as training and evaluation data for the link model: each pair's
 * scored candidates (features) and its readings' labels.
 *
 * Labels. alignment-dev.json: `equivalent` and `partial` links are links. Readings (alignment-reading*.json)
 * and second readings (second-reading-*.json): `likely` links are links; a candidate in no link is no link.
 * `possible` links ("a reader could argue either way") are left out of training (weight 0): the figures
 * are measured against `likely` links, and a `possible` pair is neither a clear link nor a clear non-link.
 * Where a pair has a consensus reading (consensus-*.json: two blind readings, their disagreements settled by
 * a third reader), the consensus is the pair's reference and its only training label. Otherwise (the
 * development pair) where a pair has two readings, a candidate's label is the mean of the two (1, ½ or 0),
 * and a pair `possible` in one reading counts only the other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scorePlans, type ScoredPlans } from '../src/align/align';
import { FEATURE_NAMES } from '../src/align/features';
import type { TrainingRow } from '../src/align/fit';
import type { PreparedPlan } from '../src/align/prepare';
import { loadSeed } from './eval-align';

const ROOT = join(import.meta.dirname, '..');

/** One reading of a pair: its likely and possible links (`a-b` keys). */
export interface Reading {
  /** The file, relative to the repository */
  file: string;
  /** Likely (or labelled) links */
  likely: Set<string>;
  /** Possible links */
  possible: Set<string>;
}

/** A labelled plan pair: its readings (the reference first) and scored plans. */
export interface LabelledPair {
  /** Plan id of a */
  a: string;
  /** Plan id of b */
  b: string;
  /** The reference (the consensus, or the labels of the development pair), then the second reading where
   * there is one */
  readings: Reading[];
  /** True when the reference is a consensus reading (then it alone labels the training rows) */
  consensus: boolean;
  /** The plans scored (features of every candidate) */
  scored: ScoredPlans;
}

function readFile(file: string): { a: string; b: string; reading: Reading } {
  const r = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { a: string; b: string; links: { a: number; b: number; relation?: string }[] };
  const keys = (keep: (rel: string | undefined) => boolean): Set<string> => new Set(r.links.filter((l) => keep(l.relation)).map((l) => `${l.a}-${l.b}`));
  return { a: r.a, b: r.b, reading: { file, likely: keys((rel) => rel !== 'possible'), possible: keys((rel) => rel === 'possible') } };
}

/** Load every labelled pair of dev-labels/ (the labels, the developers' reading, then the blind readings by
 * file name), with the pairs' candidates scored; the reference of each is its consensus where there is one,
 * else its first reading, followed by its second reading. */
export function labelledPairs(plans: Record<string, PreparedPlan> = {}): LabelledPair[] {
  const files = readdirSync(join(ROOT, 'dev-labels')).sort();
  const first = ['alignment-dev.json', 'alignment-reading.json', ...files.filter((f) => /^alignment-reading-.*\.json$/.test(f))];
  const second = files.filter((f) => /^second-reading-.*\.json$/.test(f));
  const seed = (id: string): PreparedPlan => (plans[id] ??= loadSeed(id));
  const pairs: LabelledPair[] = [];
  for (const f of first) {
    const { a, b, reading } = readFile(`dev-labels/${f}`);
    const consensus = `consensus-${a}-${b}.json`;
    const reference = files.includes(consensus) ? readFile(`dev-labels/${consensus}`).reading : reading;
    pairs.push({ a, b, readings: [reference], consensus: reference !== reading, scored: scorePlans(seed(a), seed(b)) });
  }
  for (const f of second) {
    const { a, b, reading } = readFile(`dev-labels/${f}`);
    const p = pairs.find((x) => x.a === a && x.b === b);
    if (!p) throw new Error(`${f}: no first reading of ${a} ↔ ${b}`);
    p.readings.push(reading);
  }
  return pairs;
}

/** The name of a pair, `a ↔ b`. */
export const pairName = (p: { a: string; b: string }): string => `${p.a} ↔ ${p.b}`;

/** The `a-b` key of a candidate of a scored pair. */
export function candidateKey(s: ScoredPlans, i: number, j: number): string {
  return `${s.A.tasks[i]!.seq}-${s.B.tasks[j]!.seq}`;
}

/** Candidates ranked this far down both their row and their column (and joined by no rule) are scored and
 * can be asked in review, but are not training rows */
export const TRAINING_RANK = 4;

const RANK_BEST = FEATURE_NAMES.indexOf('rankBest');
const RULE_FEATURES = FEATURE_NAMES.flatMap((f, k) => (f.startsWith('rule') ? [k] : []));

/** Training rows of labelled pairs (see the file comment for how labels are read): the candidates among the
 * best {@link TRAINING_RANK} of their row or column, or joined by a rule. */
export function trainingRows(pairs: readonly LabelledPair[]): TrainingRow[] {
  const rows: TrainingRow[] = [];
  for (const p of pairs) {
    for (const c of p.scored.candidates) {
      if (c.x[RANK_BEST]! >= Math.log1p(TRAINING_RANK) && RULE_FEATURES.every((k) => c.x[k] === 0)) continue;
      const key = candidateKey(p.scored, c.i, c.j);
      const clear = (p.consensus ? p.readings.slice(0, 1) : p.readings).filter((r) => !r.possible.has(key));
      if (clear.length === 0) continue;
      const y = clear.filter((r) => r.likely.has(key)).length / clear.length;
      rows.push({ x: c.x, y, w: 1, fold: pairName(p) });
    }
  }
  return rows;
}

/** The labelled pairs that share no plan with `p` (what a leave-one-plan-out model may learn from). */
export function disjointPairs(pairs: readonly LabelledPair[], p: { a: string; b: string }): LabelledPair[] {
  return pairs.filter((q) => q.a !== p.a && q.a !== p.b && q.b !== p.a && q.b !== p.b);
}
