/**
 * The stable JSON form of an alignment: seqs instead of whole tasks, scores and signals rounded to four
 * decimals, so the same inputs always give the same bytes.
 */
import type { Alignment, Evidence } from '../types';

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
}

const round4 = (x: number): number => {
  const r = Math.round(x * 10000) / 10000;
  return Object.is(r, -0) ? 0 : r;
};

/**
 * The stable JSON object of an alignment (pass it to `JSON.stringify`).
 *
 * @example JSON.stringify(alignmentToJson(alignPlans(a, b)), null, 2)
 */
export function alignmentToJson(al: Alignment): AlignmentJson {
  return {
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
    })),
    dropped: al.dropped.map((t) => t.seq),
    added: al.added.map((t) => t.seq),
  };
}
