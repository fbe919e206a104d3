/**
 * `npm run train`: fit the link model on every labelled pair in dev-labels/ and write
 * src/align/model.json. Deterministic: the same labels give the same file (byte for byte). Run it again
 * whenever dev-labels/ changes; `npm run eval` measures the model leave-one-plan-out.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_NAMES } from '../src/align/features';
import { fitLinkModel } from '../src/align/fit';
import type { LinkModel } from '../src/align/model';
import { labelledPairs, pairName, trainingRows, type LabelledPair } from './link-data';

/** L2 penalty of the link model's standardized weights, except the rules' groups (docs/method.md) */
export const L2 = 300;

/** Fitted without penalty: whether the link rules' groups join the pair (the prior the others correct) */
export const UNPENALIZED = ['ruleGroup'];

/** How the out-of-fold scores are calibrated: the mean of Platt scaling and an isotonic map (docs/method.md) */
export const CALIBRATION = 'isotonic';

/** Fit the link model on labelled pairs. */
export function trainModel(pairs: readonly LabelledPair[]): LinkModel {
  return fitLinkModel(trainingRows(pairs), {
    l2: L2,
    unpenalized: UNPENALIZED,
    calibration: CALIBRATION,
    features: FEATURE_NAMES,
    trainedOn: pairs.map((p) => `${pairName(p)}: ${(p.consensus ? p.readings.slice(0, 1) : p.readings).map((r) => r.file).join(', ')}`),
  });
}

/** The model as model.json stores it (numbers to 10 significant digits, so the file is stable). */
export function modelJson(model: LinkModel): string {
  return JSON.stringify(model, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v), 1) + '\n';
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const model = trainModel(labelledPairs());
  const path = join(import.meta.dirname, '../src/align/model.json');
  writeFileSync(path, modelJson(model));
  console.log(`wrote ${path}: ${model.rows} candidate links of ${model.trainedOn.length} labelled pairs, ${model.features.length} features`);
  model.features.forEach((f, k) => console.log(`  ${f.padEnd(16)} ${model.weights[k]!.toFixed(3)}`));
  console.log(`  intercept ${model.intercept.toFixed(3)}; Platt a ${model.platt.a.toFixed(3)} b ${model.platt.b.toFixed(3)}; isotonic knots ${model.isotonic?.s.length ?? 'none'}`);
}
