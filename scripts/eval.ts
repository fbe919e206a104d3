/**
 * `npm run eval`: accuracy on the development labels in dev-labels/ — alignment (songjiang-2024 ↔
 * baoshan-2024, link-level precision/recall/F1), the developers' reading of putuo-2023 ↔ songjiang-2024
 * (a rough check, not labels), modality changes on the development pair's labelled links, and
 * quantitative obligations (putuo-2023, jiading-2023).
 */
import { evalAlignment, evalReading, printAlignmentEval, printReadingEval } from './eval-align';
import { evalModalityChanges, printChangeEval } from './eval-changes';
import { evalObligations, printObligationEval } from './eval-obligations';

printAlignmentEval(evalAlignment());
console.log('');
printReadingEval(evalReading());
console.log('');
printChangeEval(evalModalityChanges());
console.log('');
printObligationEval(evalObligations());
