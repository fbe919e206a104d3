/**
 * The stable JSON form of an alignment: seqs instead of whole tasks, scores and signals rounded to four
 * decimals, so the same inputs always give the same bytes.
 */
import type { Alignment, Evidence, Link } from '../types';
import { round4 } from './util';

/** JSON form of a matched group. */
export interface AlignmentPairJson {
  /** Seqs of the plan-a tasks */
  a: number[];
  /** Seqs of the plan-b tasks */
  b: number[];
  /** Score, rounded to 4 decimals */
  score: number;
  /** Signals, rounded to 4 decimals, and shared terms */
  evidence: Evidence;
  /** Calibrated probability of the group (its weakest link), rounded to 4 decimals */
  probability?: number;
  /** Its links with their probabilities */
  links?: Link[];
}

/** JSON form of an alignment. */
export interface AlignmentJson {
  a: { id: string; district: string | null; year: number | null };
  b: { id: string; district: string | null; year: number | null };
  pairs: AlignmentPairJson[];
  /** Seqs of plan-a tasks with no counterpart */
  dropped: number[];
  /** Seqs of plan-b tasks with no counterpart */
  added: number[];
  /** The probability cut used */
  minProbability?: number;
  /** Expected number of tasks of a with no counterpart, rounded to 1 decimal */
  expectedDropped?: number;
  /** Expected number of tasks of b with no counterpart, rounded to 1 decimal */
  expectedAdded?: number;
  /** Likeliest counterparts of each unpaired task (`a:seq` / `b:seq`) */
  likeliest?: Record<string, Link[]>;
  /** Every candidate link with probability ≥ 0.01 */
  candidates?: Link[];
  /** Decisions skipped (a task's text changed, or no such task), as messages */
  skippedDecisions?: { ruleId: string; reason: string }[];
}

/** A link with its probability rounded. */
function linkJson(l: Link): Link {
  return { a: l.a, b: l.b, probability: round4(l.probability), ...(l.decided ? { decided: l.decided } : {}) };
}

/** Round to 1 decimal, as the counts' expectations print. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * The stable JSON object of an alignment (pass it to `JSON.stringify`).
 *
 * @example JSON.stringify(alignmentToJson(alignPlans(a, b)), null, 2)
 */
export function alignmentToJson(al: Pick<Alignment, 'a' | 'b' | 'pairs' | 'dropped' | 'added'> & Partial<Alignment>): AlignmentJson {
  const json: AlignmentJson = {
    a: { id: al.a.id, district: al.a.district, year: al.a.year },
    b: { id: al.b.id, district: al.b.district, year: al.b.year },
    pairs: al.pairs.map((p) => ({
      a: p.a.map((t) => t.seq),
      b: p.b.map((t) => t.seq),
      score: round4(p.score),
      evidence: {
        cosine: round4(p.evidence.cosine),
        bigram: round4(p.evidence.bigram),
        edit: round4(p.evidence.edit),
        coverage: round4(p.evidence.coverage),
        sharedTerms: [...p.evidence.sharedTerms],
        ...(p.evidence.basis ? { basis: [...p.evidence.basis] } : {}),
      },
      ...(p.links ? { probability: round4(p.probability), links: p.links.map(linkJson) } : {}),
    })),
    dropped: al.dropped.map((t) => t.seq),
    added: al.added.map((t) => t.seq),
  };
  if (al.candidates) {
    json.minProbability = al.minProbability;
    json.expectedDropped = round1(al.expectedDropped ?? 0);
    json.expectedAdded = round1(al.expectedAdded ?? 0);
    json.likeliest = Object.fromEntries(Object.entries(al.likeliest ?? {}).map(([k, ls]) => [k, ls.map(linkJson)]));
    json.candidates = al.candidates.map(linkJson);
    json.skippedDecisions = (al.messages ?? []).map((m) => ({ ruleId: m.ruleId, reason: m.reason }));
  }
  return json;
}
