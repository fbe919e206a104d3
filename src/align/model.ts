/**
 * The link model: a logistic regression over the candidate features (features.ts), calibrated out of fold
 * (the mean of Platt scaling and an isotonic map, or Platt scaling alone in models without the map). Its weights are data (model.json, written by `npm run train` from
 * dev-labels/), loaded once; nothing here learns.
 */
import fitted from './model.json';
import { FEATURE_NAMES } from './features';

/** A fitted link model, as model.json holds it. */
export interface LinkModel {
  /** Feature names, in the order of the weights (must equal FEATURE_NAMES) */
  features: string[];
  /** Mean of each feature over the training rows (standardization) */
  mean: number[];
  /** Standard deviation of each feature (1 where a feature was constant) */
  sd: number[];
  /** Weight of each standardized feature */
  weights: number[];
  /** Intercept */
  intercept: number;
  /** Platt scaling of the raw score s: p = σ(a·s + b), fitted on out-of-fold scores */
  platt: { a: number; b: number };
  /** Isotonic calibration fitted on the same out-of-fold scores; when present the probability is the mean of
   * the Platt and isotonic maps. Knots (raw score s, probability p), s increasing; p is interpolated
   * linearly between knots and held flat beyond the ends */
  isotonic?: { s: number[]; p: number[] };
  /** L2 penalty the weights were fitted with */
  l2: number;
  /** Features fitted without penalty */
  unpenalized?: string[];
  /** The label files (and plan pairs) the model was trained on */
  trainedOn: string[];
  /** Number of training rows (candidate links) */
  rows: number;
}

/** The model shipped with plandiff (src/align/model.json). */
export const DEFAULT_LINK_MODEL: LinkModel = fitted as LinkModel;

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Throw when a model was fitted on other features than the aligner computes. */
export function checkModel(model: LinkModel): void {
  if (model.features.length !== FEATURE_NAMES.length || model.features.some((f, k) => f !== FEATURE_NAMES[k])) {
    throw new Error(`plandiff: the link model was fitted on other features (${model.features.join(', ')}); run npm run train`);
  }
}

/**
 * Calibrated probability that a candidate is a link.
 *
 * @example linkProbability(DEFAULT_LINK_MODEL, candidate.x) // 0.93
 */
export function linkProbability(model: LinkModel, x: readonly number[]): number {
  let s = model.intercept;
  for (let k = 0; k < x.length; k++) s += (((x[k] as number) - (model.mean[k] as number)) / (model.sd[k] as number)) * (model.weights[k] as number);
  const platt = sigmoid(model.platt.a * s + model.platt.b);
  return model.isotonic ? (platt + interpolate(model.isotonic, s)) / 2 : platt;
}

/** The isotonic map at raw score s: linear between knots, flat beyond the ends (binary search). */
function interpolate(knots: { s: number[]; p: number[] }, s: number): number {
  const xs = knots.s;
  const n = xs.length;
  if (s <= xs[0]!) return knots.p[0]!;
  if (s >= xs[n - 1]!) return knots.p[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= s) lo = mid;
    else hi = mid;
  }
  const t = (s - xs[lo]!) / (xs[hi]! - xs[lo]!);
  return knots.p[lo]! + t * (knots.p[hi]! - knots.p[lo]!);
}
