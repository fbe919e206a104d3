/**
 * Defaults of the alignment. Every number here is a documented choice; docs/method.md explains them for
 * researchers. They were set once on the development pair (songjiang-2024 ↔ baoshan-2024) by looking at
 * the score distributions of linked and unlinked task pairs, and checked for sense on putuo-2023 ↔
 * songjiang-2024; they are not tuned link by link. Callers override the two thresholds through
 * `AlignOptions` and the rest through `AlignConfig`.
 */

/** Tunable parameters of the alignment (all optional in options; defaults in {@link DEFAULT_ALIGN_CONFIG}). */
export interface AlignConfig {
  /** Minimum score for a 1:1 pair chosen by the global assignment */
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
  /** Share of the larger side's weight an extra partner must account for, in a group: keeps a passing
   * mention from joining a bundle */
  minShare: number;
}

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
};
