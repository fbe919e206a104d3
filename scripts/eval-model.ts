/**
 * The link model measured leave-one-plan-out (part of `npm run eval`; alone: `npx tsx scripts/eval-model.ts`).
 *
 * For each labelled pair X ↔ Y in dev-labels/, the model is fitted only on the labelled pairs that
 * involve neither X nor Y (with five plans, the three pairs among the other three), and then:
 *  - link F1 of the alignment against the pair's reference reading (the labels of the development pair,
 *    otherwise the consensus reading, consensus-*.json; `likely` links), beside the F1 of the link rules alone (the alignment
 *    before the model), and against the second reading where there is one;
 *  - calibration: held-out candidates by probability decile, predicted against observed (a candidate is
 *    a link when the reference reads it `likely`; candidates it reads `possible` are left out);
 *  - expected against read counts of tasks without a counterpart: the read count of a plan's tasks is
 *    those in no `likely` link of the reference (a task linked only `possible` counts as without);
 *  - the review curve: a simulated reader answers the review queue from the reference reading (same when
 *    it reads the pair `likely`, different otherwise), the alignment is regrouped after every answer, and
 *    F1 is printed after k answers, up to the two plans' task count together.
 */
import { alignScored, type ScoredPlans } from '../src/align/align';
import { linkProbability, type LinkModel } from '../src/align/model';
import { reviewQueue } from '../src/align/review';
import type { PreparedPlan } from '../src/align/prepare';
import type { Alignment, Decision } from '../src/types';
import { linkScores } from './eval-align';
import { candidateKey, disjointPairs, labelledPairs, pairName, type LabelledPair } from './link-data';
import { modelJson, trainModel } from './train';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const f3 = (x: number): string => x.toFixed(3);

/** Links of an alignment: every a-task × b-task of each group, as `a-b` keys. */
function predictedLinks(al: Alignment): Set<string> {
  return new Set(al.pairs.flatMap((p) => p.a.flatMap((x) => p.b.map((y) => `${x.seq}-${y.seq}`))));
}

/** The scored plans with probabilities from another model. */
function rescore(s: ScoredPlans, model: LinkModel): ScoredPlans {
  return { ...s, links: s.candidates.map((c) => ({ i: c.i, j: c.j, p: linkProbability(model, c.x) })) };
}

/** Everything measured on one held-out pair. */
export interface HeldOut {
  pair: LabelledPair;
  /** Pairs the model was fitted on */
  trainedOn: string[];
  /** Link F1 of the rules alone and of the model, against the reference (and second reading) */
  rulesF1: number;
  modelF1: number;
  precision: number;
  recall: number;
  secondF1: number | null;
  rulesSecondF1: number | null;
  /** Held-out candidates: probability and whether the reference reads them likely (possible left out) */
  calibration: { p: number; y: number }[];
  /** Read and expected counts of tasks without counterpart, and the alignment's unpaired counts */
  readDropped: number;
  readAdded: number;
  expectedDropped: number;
  expectedAdded: number;
  unpairedDropped: number;
  unpairedAdded: number;
  /** Share of the reference's likely links among the candidates */
  candidateRecall: number;
  /** F1 after k answers */
  curve: [number, number][];
}

/** Checkpoints of the review curve up to `n` answers. */
function checkpoints(n: number): number[] {
  const ks = [0, 10, 25, 50, 100, 150, 200, 250, 300].filter((k) => k < n);
  return [...ks, n];
}

/** Measure one pair with a model fitted without its plans. */
export function heldOut(pair: LabelledPair, pairs: readonly LabelledPair[]): HeldOut {
  const train = disjointPairs(pairs, pair);
  const model = trainModel(train);
  const s = rescore(pair.scored, model);
  const ref = pair.readings[0]!;
  const al = alignScored(s);
  const pred = predictedLinks(al);
  const score = linkScores(pred, ref.likely);
  const rulePred = new Set(s.candidates.filter((c) => c.x[c.x.length - 1] === 1).map((c) => candidateKey(s, c.i, c.j)));
  const second = pair.readings[1];
  const calibration = s.candidates
    .map((c, k) => ({ key: candidateKey(s, c.i, c.j), p: s.links[k]!.p }))
    .filter((c) => !ref.possible.has(c.key))
    .map((c) => ({ p: c.p, y: ref.likely.has(c.key) ? 1 : 0 }));
  const linkedA = new Set([...ref.likely].map((k) => Number(k.split('-')[0])));
  const linkedB = new Set([...ref.likely].map((k) => Number(k.split('-')[1])));
  const keys = new Set(s.candidates.map((c) => candidateKey(s, c.i, c.j)));
  const nA = s.A.tasks.length;
  const nB = s.B.tasks.length;
  // the review curve
  const decisions: Decision[] = [];
  const curve: [number, number][] = [];
  const marks = checkpoints(nA + nB);
  let current = al;
  for (let k = 0; k <= nA + nB; k++) {
    if (marks.includes(k)) curve.push([k, linkScores(predictedLinks(current), ref.likely).f1]);
    if (k === nA + nB) break;
    const q = reviewQueue(current, { limit: 1 })[0];
    if (!q) {
      for (const m of marks.filter((m) => m > k)) curve.push([m, linkScores(predictedLinks(current), ref.likely).f1]);
      break;
    }
    decisions.push({ a: q.a, b: q.b, same: ref.likely.has(`${q.a}-${q.b}`), aHash: q.aHash, bHash: q.bHash });
    current = alignScored(s, { decisions });
  }
  return {
    pair,
    trainedOn: train.map(pairName),
    rulesF1: linkScores(rulePred, ref.likely).f1,
    modelF1: score.f1,
    precision: score.precision,
    recall: score.recall,
    secondF1: second ? linkScores(pred, second.likely).f1 : null,
    rulesSecondF1: second ? linkScores(rulePred, second.likely).f1 : null,
    calibration,
    readDropped: s.A.tasks.filter((t) => !linkedA.has(t.seq)).length,
    readAdded: s.B.tasks.filter((t) => !linkedB.has(t.seq)).length,
    expectedDropped: al.expectedDropped,
    expectedAdded: al.expectedAdded,
    unpairedDropped: al.dropped.length,
    unpairedAdded: al.added.length,
    candidateRecall: [...ref.likely].filter((k) => keys.has(k)).length / Math.max(1, ref.likely.size),
    curve,
  };
}

/** Whether src/align/model.json is what `npm run train` writes from these pairs (training is deterministic). */
export function modelIsCurrent(pairs: readonly LabelledPair[]): boolean {
  return readFileSync(join(import.meta.dirname, '../src/align/model.json'), 'utf8') === modelJson(trainModel(pairs));
}

/** Print the leave-one-plan-out figures. */
export function printModelEval(results: readonly HeldOut[]): void {
  console.log('link model, leave-one-plan-out (each pair X ↔ Y measured with a model fitted only on labelled pairs involving neither X nor Y):');
  console.log('  reference of each pair (every figure below is scored against it):');
  for (const r of results) console.log(`    ${pairName(r.pair).padEnd(32)}  ${r.pair.readings[0]!.file}`);
  console.log('  pair                              F1 rules → model (P / R)     2nd reading: rules → model   candidates hold');
  for (const r of results) {
    const second = r.secondF1 === null ? '–'.padEnd(14) : `${f3(r.rulesSecondF1!)} → ${f3(r.secondF1)}`;
    console.log(
      `  ${pairName(r.pair).padEnd(32)}  ${f3(r.rulesF1)} → ${f3(r.modelF1)} (${f3(r.precision)} / ${f3(r.recall)})   ${second.padEnd(14)}               ${f3(r.candidateRecall)}`,
    );
  }
  const mean = (f: (r: HeldOut) => number): number => results.reduce((s, r) => s + f(r), 0) / results.length;
  console.log(`  mean                              ${f3(mean((r) => r.rulesF1))} → ${f3(mean((r) => r.modelF1))}`);
  console.log('');
  console.log('calibration, leave-one-plan-out (held-out candidates by probability decile; possible links left out):');
  const all = results.flatMap((r) => r.calibration);
  for (let d = 0; d < 10; d++) {
    const inBin = all.filter((c) => Math.min(9, Math.floor(c.p * 10)) === d);
    if (inBin.length === 0) continue;
    const pred = inBin.reduce((s, c) => s + c.p, 0) / inBin.length;
    const obs = inBin.reduce((s, c) => s + c.y, 0) / inBin.length;
    const mark = inBin.length >= 20 && Math.abs(pred - obs) > 0.1 ? '  off by more than 0.10' : '';
    console.log(`  ${(d / 10).toFixed(1)}–${((d + 1) / 10).toFixed(1)}  ${String(inBin.length).padStart(5)} candidates  predicted ${f3(pred)}  observed ${f3(obs)}${mark}`);
  }
  console.log('');
  console.log('tasks without a counterpart, leave-one-plan-out: read (no likely link in the reference) / expected / unpaired by the alignment:');
  const within = (e: number, read: number): string => (Math.abs(e - read) <= Math.max(3, 0.1 * read) ? 'within' : 'OUTSIDE');
  for (const r of results) {
    console.log(
      `  ${pairName(r.pair).padEnd(32)}  a: ${r.readDropped} / ${r.expectedDropped.toFixed(1)} / ${r.unpairedDropped} (${within(r.expectedDropped, r.readDropped)})` +
        `   b: ${r.readAdded} / ${r.expectedAdded.toFixed(1)} / ${r.unpairedAdded} (${within(r.expectedAdded, r.readAdded)})`,
    );
  }
  console.log('');
  console.log('review curve, leave-one-plan-out: F1 after k answers of a simulated reader answering from the reference reading (its F1 against that reference):');
  for (const r of results) console.log(`  ${pairName(r.pair).padEnd(32)}  ${r.curve.map(([k, f]) => `${k}: ${f3(f)}`).join('  ')}`);
}

if (process.argv[1]?.endsWith('eval-model.ts')) {
  const plans: Record<string, PreparedPlan> = {};
  const pairs = labelledPairs(plans);
  printModelEval(pairs.map((p) => heldOut(p, pairs)));
  console.log(`\nsrc/align/model.json is what npm run train writes from dev-labels/: ${modelIsCurrent(pairs) ? 'yes' : 'NO (run npm run train)'}`);
}
