/**
 * `npx tsx scripts/sensitivity.ts`: how the alignment's link-level F1 moves when one parameter of
 * src/align/config.ts moves, on the development pair (dev-labels/alignment-dev.json) and against every
 * reading in dev-labels/ (alignment-reading*.json, scored on their `likely` links). One line per setting;
 * the first line is the defaults. docs/method.md ("How the rules' numbers were set") quotes these figures,
 * measured before the link model; the parameters now move the rules' links, which are features of the model.
 */
import { readFileSync } from 'node:fs';
import type { AlignConfig } from '../src/align/config';
import type { PreparedPlan } from '../src/align/prepare';
import { evalAlignment, evalReading, loadSeed, readingPaths } from './eval-align';

const SETTINGS: [keyof AlignConfig, (number | boolean)[]][] = [
  ['pairThreshold', [0.25, 0.35]],
  ['groupThreshold', [0.5, 0.7]],
  ['minClauseWeight', [4, 10]],
  ['nameWeight', [0, 1]],
  ['idfPower', [1, 2]],
  ['homeThreshold', [0.25, 0.4]],
  ['homeScore', [0.15, 0.25]],
  ['homeMargin', [1.1, 1.5]],
  ['homePart', [0.75, 1.5, Infinity]],
  ['minShare', [0.04, 0.12]],
  ['verbatim', [0.8, 0.9]],
  ['anchorRedundancy', [0.6, 0.9]],
  ['leftoverScore', [0.05, 0.15, Infinity]],
  ['leftoverBigram', [0.05, 0.15]],
  ['leftoverMargin', [1.1, 1.3]],
  ['quantitySubject', [0.4, 0.6]],
  ['compoundParts', [false]],
  ['nameShare', [0.4, 0.6, Infinity]],
  ['namePart', [0.6, 0.9]],
];

const plans: Record<string, PreparedPlan> = {};
const seed = (id: string): PreparedPlan => (plans[id] ??= loadSeed(id));
const readings = readingPaths().map((path) => {
  const { a, b } = JSON.parse(readFileSync(path, 'utf8')) as { a: string; b: string };
  return { path, a, b };
});
const short = (id: string): string => id.replace(/-20(\d\d)$/, '$1');

/** F1 on the development pair and on each reading under one setting. */
function measure(config: Partial<AlignConfig>): number[] {
  const dev = evalAlignment({ align: { config }, plans: { 'songjiang-2024': seed('songjiang-2024'), 'baoshan-2024': seed('baoshan-2024') } });
  return [dev.f1, ...readings.map((r) => evalReading({ path: r.path, align: { config }, plans: { [r.a]: seed(r.a), [r.b]: seed(r.b) } }).f1)];
}

const header = ['setting'.padEnd(26), 'dev'.padStart(6), ...readings.map((r) => `${short(r.a)}↔${short(r.b)}`.padStart(18)), 'mean of readings'.padStart(17)];
console.log(header.join(' '));
const row = (label: string, f: number[]): void => {
  const rest = f.slice(1);
  const mean = rest.reduce((s, x) => s + x, 0) / Math.max(1, rest.length);
  console.log([label.padEnd(26), (f[0] as number).toFixed(3).padStart(6), ...rest.map((x) => x.toFixed(3).padStart(18)), mean.toFixed(3).padStart(17)].join(' '));
};
row('defaults', measure({}));
for (const [key, values] of SETTINGS) for (const v of values) row(`${key} ${v}`, measure({ [key]: v } as Partial<AlignConfig>));
