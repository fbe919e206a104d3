/**
 * `npm run eval`: accuracy on the development labels in dev-labels/ — alignment (songjiang-2024 ↔
 * baoshan-2024, link-level precision/recall/F1) and quantitative obligations (putuo-2023, jiading-2023).
 */
import { evalAlignment, printAlignmentEval } from './eval-align';
import { evalObligations, printObligationEval } from './eval-obligations';

printAlignmentEval(evalAlignment());
console.log('');
printObligationEval(evalObligations());
