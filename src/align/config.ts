/**
 * Defaults of the alignment: numbers only. docs/method.md tells how each was set. Callers override the
 * thresholds through `AlignOptions` and the rest through `AlignConfig`.
 */

/** Tunable parameters of the alignment (all optional in options; defaults in {@link DEFAULT_ALIGN_CONFIG}). */
export interface AlignConfig {
  /** Minimum score for a 1:1 pair chosen by the rules' global assignment (the rules' groups feed the link
   * model; pairs are cut by their calibrated probability) */
  pairThreshold: number;
  /** Minimum share of a clause's weight found in one clause of the other task for the two to be linked in
   * a split/merge group */
  groupThreshold: number;
  /** Minimum idf weight a shared clause must carry to link two tasks (keeps boilerplate clauses out) */
  minClauseWeight: number;
  /** Weight of the task name (last indicator level) in a task's term vector, relative to its text */
  nameWeight: number;
  /** Weight of the tie-breaker that prefers pairs at similar relative positions in their plans */
  orderWeight: number;
  /** Term weight = idf ^ idfPower: above 1 it sharpens the contrast between rare and common words */
  idfPower: number;
  /** Minimum coverage of a task by its best counterpart for the task to join it as part of a bundle
   * (merges and splits: the task's clauses are largely found in one task of the other plan) */
  homeThreshold: number;
  /** Minimum score for a task to join its best-scoring counterpart (its "home"), when that counterpart
   * is clearly better than the second best (homeMargin); catches the parts of bundles whose own words
   * differ from the bundle's */
  homeScore: number;
  /** The best counterpart must cover the task this many times more than the second best */
  homeMargin: number;
  /** A task joins its best-scoring counterpart (homeScore) only when it weighs at most this many times
   * the counterpart: a part does not outweigh its bundle */
  homePart: number;
  /** Share of the larger side's weight an extra partner must account for, in a group: keeps a passing
   * mention from joining a bundle */
  minShare: number;
  /** Edit similarity (1 − Levenshtein distance / longer length) at or above which two tasks are a
   * near-verbatim pair: paired 1:1 before anything else and kept out of other tasks' groups */
  verbatim: number;
  /** A free task joins an anchored (near-verbatim) pair only when it is less similar to the pair's task on
   * its own side than this share of its score with the pair's other task (it adds something the pair's
   * own side does not say) */
  anchorRedundancy: number;
  /** Leftover rule: minimum score for a task left without any link to join a counterpart also left
   * without one, when its score and clause coverage both point at that counterpart (see leftoverLinks) */
  leftoverScore: number;
  /** Leftover rule: minimum weighted character-bigram containment of the task in its counterpart */
  leftoverBigram: number;
  /** Leftover rule: the task's best score must be this many times its second best */
  leftoverMargin: number;
  /** Quantity rule: minimum character-bigram Dice of the subjects of two obligations (same family and
   * unit) for their tasks to be linked */
  quantitySubject: number;
  /** Read a long word that only one of the two plans uses (政府公报, 政策留言板) also as the shorter words
   * it is made of that the plans use (公报, 留言板), so that it can match them (see compounds.ts) */
  compoundParts: boolean;
  /** Name rule: minimum share of the idf weight of a counterpart's name (last indicator level) that a
   * task left without any link must say in its text to join that counterpart (see nameLinks) */
  nameShare: number;
  /** Name rule: the task must weigh at most this share of the counterpart (it is a part of a longer row) */
  namePart: number;
  /** Candidates: each task's best counterparts by score taken as candidate links, in each direction */
  candidatesPerTask: number;
  /** Links below this calibrated probability are not paired */
  minProbability: number;
  /** Every pair of tasks a group stands for (each a-task with each b-task) must be at least this likely */
  groupFloor: number;
  /** Candidate links below this probability are left out of the result's list */
  candidateFloor: number;
  /** Likeliest counterparts listed per unpaired task */
  likeliestCount: number;
  /** A pair whose probability is below this is marked 待核 (to check) in reports */
  checkBelow: number;
  /** Weight of the sentence-vector cosine in the score that ranks candidates, when embeddings are given
   * (not learned: no labelled pairs with vectors exist; docs/method.md) */
  embeddingWeight: number;
}

/** The defaults; how each number was chosen is in docs/method.md ("How the rules' numbers were set"). */
export const DEFAULT_ALIGN_CONFIG: Readonly<AlignConfig> = {
  pairThreshold: 0.3,
  groupThreshold: 0.6,
  minClauseWeight: 6,
  nameWeight: 0.5,
  orderWeight: 0.01,
  minShare: 0.08,
  idfPower: 1.5,
  homeThreshold: 0.33,
  homeScore: 0.2,
  homeMargin: 1.25,
  homePart: 1,
  verbatim: 0.85,
  anchorRedundancy: 0.75,
  leftoverScore: 0.1,
  leftoverBigram: 0.1,
  leftoverMargin: 1.2,
  quantitySubject: 0.5,
  compoundParts: true,
  nameShare: 0.5,
  namePart: 0.75,
  candidatesPerTask: 5,
  minProbability: 0.5,
  groupFloor: 0.1,
  candidateFloor: 0.01,
  likeliestCount: 3,
  checkBelow: 0.8,
  embeddingWeight: 0.5,
};
