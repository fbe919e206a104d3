/**
 * The link model: a logistic regression over the candidate features (features.ts), calibrated by Platt
 * scaling fitted out of fold. Its weights are data (model.json, written by `npm run train` from
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
  return sigmoid(model.platt.a * s + model.platt.b);
}
