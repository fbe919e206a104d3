/**
 * Changes on the development labels: dev-labels/alignment-dev.json tags each link with what changed from a
 * to b (`modality_stronger`, `units_changed`, …). For every labelled link whose two tasks the diff puts in
 * one pair, the label's modality tag is compared with the pair's modality change (a pair has at most one),
 * and its `units_changed` tag with whether the pair has a units change. Links the alignment misses are
 * left out: they measure the alignment, not the diff.
 *
 * Run: `npx tsx scripts/eval-changes.ts` (also part of `npm run eval`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diffPlans } from '../src/diff/diff';
import { loadSeed } from './eval-align';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface LabelFile {
  a: string;
  b: string;
  links: { a: number; b: number; changes?: string[] }[];
}

/** Result of {@link evalModalityChanges}. */
export interface ChangeEval {
  a: string;
  b: string;
  /** Labelled links whose tasks share a predicted pair */
  links: number;
  /** Of those: links labelled with a modality change, links whose pair has one, and both in the same direction */
  labelled: number;
  predicted: number;
  right: number;
  precision: number;
  recall: number;
  /** `a-b label → ours` for every link where the two disagree */
  disagreements: string[];
  /** Units: links labelled `units_changed`, links whose pair has a units change, and both */
  units: { labelled: number; predicted: number; right: number; disagreements: string[] };
}

/** Compare the labels' modality tags with the diff's modality changes on the development pair. */
export function evalModalityChanges(labelsPath = join(ROOT, 'dev-labels', 'alignment-dev.json')): ChangeEval {
  const gold = JSON.parse(readFileSync(labelsPath, 'utf8')) as LabelFile;
  const diff = diffPlans(loadSeed(gold.a), loadSeed(gold.b));
  let links = 0;
  let labelled = 0;
  let predicted = 0;
  let right = 0;
  const disagreements: string[] = [];
  const units = { labelled: 0, predicted: 0, right: 0, disagreements: [] as string[] };
  for (const l of gold.links) {
    const pair = diff.pairs.find((p) => p.a.some((t) => t.seq === l.a) && p.b.some((t) => t.seq === l.b));
    if (!pair) continue;
    links++;
    const tag = (l.changes ?? []).find((c) => c.startsWith('modality_'));
    const label = tag === 'modality_stronger' ? 'stronger' : tag === 'modality_weaker' ? 'weaker' : null;
    const change = pair.changes.find((c) => c.kind === 'modality');
    const ours = change ? change.direction : null;
    if (label) labelled++;
    if (ours) predicted++;
    if (label && ours === label) right++;
    if (label !== ours) disagreements.push(`${l.a}-${l.b} ${label ?? '–'} → ${ours ?? '–'}${change ? ` (${change.quoteA ?? '–'} → ${change.quoteB ?? '–'})` : ''}`);
    const unitsLabel = (l.changes ?? []).includes('units_changed');
    const unitsChange = pair.changes.find((c) => c.kind === 'units');
    if (unitsLabel) units.labelled++;
    if (unitsChange) units.predicted++;
    if (unitsLabel && unitsChange) units.right++;
    if (unitsLabel !== !!unitsChange) {
      units.disagreements.push(`${l.a}-${l.b} ${unitsLabel ? 'changed' : '–'} → ${unitsChange ? `${unitsChange.before} → ${unitsChange.after}` : '–'}`);
    }
  }
  return {
    a: gold.a,
    b: gold.b,
    links,
    labelled,
    predicted,
    right,
    precision: predicted ? right / predicted : 1,
    recall: labelled ? right / labelled : 1,
    disagreements,
    units,
  };
}

/** Print an {@link evalModalityChanges} result. */
export function printChangeEval(e: ChangeEval): void {
  console.log(`modality changes ${e.a} → ${e.b}, on the ${e.links} labelled links the diff pairs:`);
  console.log(`  labelled ${e.labelled}, found ${e.predicted}, right ${e.right}: precision ${e.precision.toFixed(3)}  recall ${e.recall.toFixed(3)}`);
  console.log(`  disagreements (label → diff): ${e.disagreements.join('; ') || '–'}`);
  const u = e.units;
  const ratio = (x: number, y: number): string => (y ? x / y : 1).toFixed(3);
  console.log(`units changes on the same links: labelled ${u.labelled}, found ${u.predicted}, right ${u.right}: precision ${ratio(u.right, u.predicted)}  recall ${ratio(u.right, u.labelled)}`);
  console.log(`  disagreements (label → diff): ${u.disagreements.join('; ') || '–'}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printChangeEval(evalModalityChanges());
