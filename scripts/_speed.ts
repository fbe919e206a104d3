import { alignPlans, scorePlans, alignScored } from '../src/align/align';
import { scoreMatrices, planVectors } from '../src/align/scores';
import { loadSeed } from './eval-align';
const a = loadSeed('putuo-2023'), b = loadSeed('songjiang-2024');
for (let i = 0; i < 20; i++) alignPlans(a, b);
const med = (f: () => void) => { const r: number[] = []; for (let i = 0; i < 31; i++) { const t = performance.now(); f(); r.push(performance.now() - t); } return r.sort((x, y) => x - y)[15]!.toFixed(1); };
console.log('align', med(() => alignPlans(a, b)), 'score', med(() => scorePlans(a, b)));
const s = scorePlans(a, b);
console.log('group+result', med(() => alignScored(s)));
