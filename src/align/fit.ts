/**
 * Fitting the link model (used by `npm run train` and the evaluation, never while aligning): logistic
 * regression with an L2 penalty fitted by Newton's method (IRLS) from zero weights for a fixed number of
 * steps, and calibration of out-of-fold scores (the mean of a Platt map and an isotonic map). Nothing is random: the same rows give the same model.
 */
import type { LinkModel } from './model';

/** One training row: features, a label in [0, 1] (a soft label where readers differ) and a weight. */
export interface TrainingRow {
  /** Feature values (order of FEATURE_NAMES) */
  x: number[];
  /** 1 a link, 0 none; in between where two readings differ */
  y: number;
  /** Weight of the row (1 unless the labels say otherwise) */
  w: number;
  /** The fold the row belongs to (its labelled plan pair), for out-of-fold calibration */
  fold: string;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Solve the symmetric positive definite system A x = b (Cholesky); A is n×n row-major. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const L: number[][] = A.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      L[i]![j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / L[j]![j]!;
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i]![k]! * y[k]!;
    y[i] = s / L[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k]![i]! * x[k]!;
    x[i] = s / L[i]![i]!;
  }
  return x;
}

/**
 * Weighted logistic regression by Newton steps from zero: minimizes the weighted log loss plus
 * Σ l2ₖ/2 · wₖ² (one penalty for all weights, or one per weight; the intercept, last, is not penalized).
 * Rows are [features…]; returns [w…, intercept].
 */
export function logistic(X: readonly number[][], y: readonly number[], w: readonly number[], l2: number | readonly number[], steps = 30): number[] {
  const d = (X[0]?.length ?? 0) + 1;
  let beta = new Array<number>(d).fill(0);
  for (let step = 0; step < steps; step++) {
    const H: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const g = new Array<number>(d).fill(0);
    X.forEach((row, r) => {
      const z = row.reduce((s, v, k) => s + v * beta[k]!, beta[d - 1]!);
      const p = sigmoid(z);
      const wr = w[r]!;
      const resid = wr * (p - y[r]!);
      const curv = wr * Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < d; a++) {
        const xa = a === d - 1 ? 1 : row[a]!;
        g[a] = g[a]! + resid * xa;
        for (let b = 0; b <= a; b++) {
          const xb = b === d - 1 ? 1 : row[b]!;
          H[a]![b] = H[a]![b]! + curv * xa * xb;
        }
      }
    });
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < a; b++) H[b]![a] = H[a]![b]!;
      if (a < d - 1) {
        const penalty = typeof l2 === 'number' ? l2 : l2[a]!;
        H[a]![a] = H[a]![a]! + penalty;
        g[a] = g[a]! + penalty * beta[a]!;
      }
    }
    const delta = solve(H, g);
    beta = beta.map((v, k) => v - delta[k]!);
  }
  return beta;
}

/** Mean and standard deviation of each column (sd 1 where a column is constant). */
function standardization(X: readonly number[][]): { mean: number[]; sd: number[] } {
  const d = X[0]?.length ?? 0;
  const W = X.length || 1;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const row of X) row.forEach((v, k) => (mean[k] = mean[k]! + v / W));
  for (const row of X) row.forEach((v, k) => (sd[k] = sd[k]! + (v - mean[k]!) ** 2 / W));
  return { mean, sd: sd.map((v) => (v > 1e-12 ? Math.sqrt(v) : 1)) };
}

/** The raw score (logit before calibration) of standardized weights on a row. */
function rawScore(weights: readonly number[], intercept: number, mean: readonly number[], sd: readonly number[], x: readonly number[]): number {
  return x.reduce((s, v, k) => s + ((v - mean[k]!) / sd[k]!) * weights[k]!, intercept);
}

/** Options of {@link fitLinkModel}. */
export interface FitOptions {
  /** L2 penalty on the standardized weights */
  l2: number;
  /** Features fitted without penalty (the prior the other features correct) */
  unpenalized?: readonly string[];
  /** Penalty of particular features instead of `l2` (by name) */
  penalties?: Readonly<Record<string, number>>;
  /** Feature names (order of the rows' x) */
  features: readonly string[];
  /** What the model was trained on, for the record */
  trainedOn: string[];
  /** Calibration of the out-of-fold scores: Platt scaling alone, or the mean of Platt scaling and an isotonic
   * map (docs/method.md) */
  calibration?: 'platt' | 'isotonic';
}

/** Fit weights (uncalibrated) on rows. */
function fitWeights(rows: readonly TrainingRow[], l2: number | number[]): { mean: number[]; sd: number[]; weights: number[]; intercept: number } {
  const { mean, sd } = standardization(rows.map((r) => r.x));
  const Z = rows.map((r) => r.x.map((v, k) => (v - mean[k]!) / sd[k]!));
  const beta = logistic(
    Z,
    rows.map((r) => r.y),
    rows.map((r) => r.w),
    l2,
  );
  return { mean, sd, weights: beta.slice(0, -1), intercept: beta[beta.length - 1]! };
}

/**
 * Isotonic regression of labels on scores (pool adjacent violators, weighted): the scores sorted, the rates
 * made non-decreasing by pooling neighbours. Returns one knot per pooled block: its mean score and its rate,
 * kept within [floor, 1 − floor] so that no probability is certain. Deterministic (ties sorted by label).
 */
export function isotonic(points: readonly { s: number; y: number; w: number }[], floor = 0.005): { s: number[]; p: number[] } {
  const sorted = points.filter((o) => o.w > 0).sort((u, v) => u.s - v.s || u.y - v.y);
  const blocks: { sw: number; yw: number; w: number }[] = [];
  for (const o of sorted) {
    blocks.push({ sw: o.s * o.w, yw: o.y * o.w, w: o.w });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.yw / blocks[blocks.length - 2]!.w >= blocks[blocks.length - 1]!.yw / blocks[blocks.length - 1]!.w) {
      const last = blocks.pop()!;
      const prev = blocks[blocks.length - 1]!;
      prev.sw += last.sw;
      prev.yw += last.yw;
      prev.w += last.w;
    }
  }
  return {
    s: blocks.map((b) => b.sw / b.w),
    p: blocks.map((b) => Math.min(1 - floor, Math.max(floor, b.yw / b.w))),
  };
}

/**
 * Fit the link model: weights on all rows, and Platt scaling (p = σ(a·s + b)) fitted on out-of-fold raw
 * scores (each fold's rows scored by weights fitted on the other folds), and with `calibration: 'isotonic'`
 * an isotonic map of the same out-of-fold scores (the probability is then the mean of the two maps). With a single fold
 * the scaling is the identity.
 */
export function fitLinkModel(rows: readonly TrainingRow[], options: FitOptions): LinkModel {
  const free = new Set(options.unpenalized ?? []);
  const penalty = options.features.map((f) => (free.has(f) ? 0 : (options.penalties?.[f] ?? options.l2)));
  const folds = [...new Set(rows.map((r) => r.fold))].sort();
  const oof: { s: number; y: number; w: number }[] = [];
  if (folds.length > 1) {
    for (const f of folds) {
      const fitted = fitWeights(
        rows.filter((r) => r.fold !== f),
        penalty,
      );
      for (const r of rows) if (r.fold === f) oof.push({ s: rawScore(fitted.weights, fitted.intercept, fitted.mean, fitted.sd, r.x), y: r.y, w: r.w });
    }
  }
  const platt = oof.length
    ? logistic(
        oof.map((o) => [o.s]),
        oof.map((o) => o.y),
        oof.map((o) => o.w),
        0,
      )
    : [1, 0];
  const all = fitWeights(rows, penalty);
  return {
    ...(options.calibration === 'isotonic' && oof.length ? { isotonic: isotonic(oof) } : {}),
    features: [...options.features],
    mean: all.mean,
    sd: all.sd,
    weights: all.weights,
    intercept: all.intercept,
    platt: { a: platt[0]!, b: platt[1]! },
    l2: options.l2,
    unpenalized: [...free],
    trainedOn: [...options.trainedOn],
    rows: rows.length,
  };
}
