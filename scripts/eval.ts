/**
 * `npm run eval`: accuracy on the development labels in dev-labels/ — alignment (songjiang-2024 ↔
 * baoshan-2024, link-level precision/recall/F1), the readings of other pairs in dev-labels/ (the
 * developers' reading of putuo-2023 ↔ songjiang-2024 and the blind readings; rough checks, not labels),
 * how often each link rule was right over all of them, how closely a second blind reader agrees with the
 * labels or with the first reading of a pair (second-reading-*.json) and how plandiff scores against that
 * reader, the link model leave-one-plan-out (F1 beside the rules', calibration, expected counts, the
 * review curve: scripts/eval-model.ts), modality changes on the development pair's labelled links, and quantitative obligations
 * (putuo-2023, jiading-2023).
 */
import { readFileSync } from 'node:fs';
import { evalAlignment, evalReading, linksByBasis, loadSeed, printAlignmentEval, printBasisEval, printReaderAgreement, printReadingEval, readerAgreement, readingPaths, secondReadingPaths, type JudgedLink } from './eval-align';
import { evalModalityChanges, printChangeEval } from './eval-changes';
import { heldOut, modelIsCurrent, printModelEval } from './eval-model';
import { labelledPairs } from './link-data';
import { evalObligations, printObligationEval } from './eval-obligations';

console.log(
  'The figures down to the second readings align with the shipped link model (src/align/model.json), which was fitted on every pair in ' +
    'dev-labels/, the scored pair included: they are in-sample, and they score against each pair\'s first reading (the labels, for the development pair). The leave-one-plan-out figures, which are the ones to cite, follow them, scored against ' +
    'each pair\'s consensus reading (dev-labels/consensus-*.json) or, for the development pair, its labels.',
);
console.log('');
const dev = evalAlignment();
printAlignmentEval(dev);
console.log('');
const judged: JudgedLink[] = linksByBasis(dev.alignment).map((l) => ({ ...l, relation: dev.falsePositives.includes(l.key) ? 'none' : 'likely' }));
const plans: Record<string, ReturnType<typeof loadSeed>> = {};
const seed = (id: string): ReturnType<typeof loadSeed> => (plans[id] ??= loadSeed(id));
for (const path of readingPaths()) {
  const { a, b } = JSON.parse(readFileSync(path, 'utf8')) as { a: string; b: string };
  const e = evalReading({ path, plans: { [a]: seed(a), [b]: seed(b) } });
  printReadingEval(e);
  console.log('');
  judged.push(...e.judged);
}
printBasisEval(judged, 'links by the strongest rule of their pair, over the development labels and every reading above:');
console.log('');
for (const path of secondReadingPaths()) {
  printReaderAgreement(readerAgreement(path, plans));
  console.log('');
}
const pairs = labelledPairs(plans);
printModelEval(pairs.map((p) => heldOut(p, pairs)));
console.log(`\nsrc/align/model.json is what npm run train writes from dev-labels/: ${modelIsCurrent(pairs) ? 'yes' : 'NO (run npm run train)'}`);
console.log('');
printChangeEval(evalModalityChanges());
console.log('');
printObligationEval(evalObligations());
