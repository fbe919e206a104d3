/**
 * Builds the consensus reading of each pair read twice: dev-labels/consensus-<a>-<b>.json from the pair's
 * first reading (alignment-reading*.json), its second blind reading (second-reading-<a>-<b>.json) and the
 * third reader's decisions on the links the two disagreed on (adjudication-<a>-<b>.json).
 *
 * - likely: likely in both readings, or likely in one and settled `likely` by the third reader;
 * - possible: any other link either reader or the third reader read as likely or possible, unless the
 *   third reader settled it `none`;
 * - the agreement of the two readings (likely links, F1) is recorded in the file.
 *
 * The development pair (alignment-dev.json, hand labels) keeps its labels and gets no consensus file.
 * Deterministic: the same inputs give the same bytes. Run: `npx tsx scripts/consensus.ts`.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'dev-labels');

type Relation = 'likely' | 'possible';
interface ReadLink { a: number; b: number; relation: string; why?: string }
interface Reading { a: string; b: string; links: ReadLink[] }
interface Decision { a: number; b: number; relation: 'likely' | 'possible' | 'none'; why?: string }

function read<T>(file: string): T {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;
}

/** A reading's links as `a-b` → relation (likely wins over possible when a link is listed twice). */
function relations(reading: Reading): Map<string, Relation> {
  const out = new Map<string, Relation>();
  for (const l of reading.links) {
    const key = `${l.a}-${l.b}`;
    const rel: Relation = l.relation === 'likely' ? 'likely' : 'possible';
    if (out.get(key) !== 'likely') out.set(key, rel);
  }
  return out;
}

function likelySet(m: Map<string, Relation>): Set<string> {
  return new Set([...m].filter(([, r]) => r === 'likely').map(([k]) => k));
}

/** The first reading of a pair: alignment-reading-<a>-<b>.json, or the developers' alignment-reading.json. */
function firstReading(a: string, b: string): string | undefined {
  const named = `alignment-reading-${a}-${b}.json`;
  if (existsSync(join(DIR, named))) return named;
  const dev = read<Reading>('alignment-reading.json');
  return dev.a === a && dev.b === b ? 'alignment-reading.json' : undefined;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

for (const second of readdirSync(DIR).filter((f) => /^second-reading-.*\.json$/.test(f)).sort()) {
  const s = read<Reading>(second);
  const first = firstReading(s.a, s.b);
  if (!first) continue; // the development pair: its hand labels stay the reference
  const adjFile = `adjudication-${s.a}-${s.b}.json`;
  if (!existsSync(join(DIR, adjFile))) {
    console.log(`${s.a} ↔ ${s.b}: no ${adjFile} yet; skipped`);
    continue;
  }
  const f = relations(read<Reading>(first));
  const r2 = relations(s);
  const adj = new Map(read<{ decisions: Decision[] }>(adjFile).decisions.map((d) => [`${d.a}-${d.b}`, d]));
  const l1 = likelySet(f);
  const l2 = likelySet(r2);
  const both = [...l1].filter((k) => l2.has(k)).length;
  const disagreements = [...new Set([...l1, ...l2])].filter((k) => l1.has(k) !== l2.has(k));
  const unsettled = disagreements.filter((k) => !adj.has(k));
  if (unsettled.length) throw new Error(`${adjFile}: no decision on ${unsettled.join(', ')}`);

  const links = new Map<string, Relation>();
  for (const k of new Set([...f.keys(), ...r2.keys()])) {
    const d = adj.get(k);
    if (l1.has(k) && l2.has(k)) links.set(k, 'likely');
    else if (d) {
      if (d.relation !== 'none') links.set(k, d.relation);
    } else links.set(k, 'possible');
  }
  const precision = l2.size ? both / l2.size : 0;
  const recall = l1.size ? both / l1.size : 0;
  const out = {
    a: s.a,
    b: s.b,
    about:
      'Consensus of two readings made independently (the first and second files named below): links both read as likely are likely; ' +
      'links only one read as likely were settled by a third reader who saw neither answer (likely, possible or none); every other link ' +
      'either reader read is possible. Built by scripts/consensus.ts.',
    readings: [first, second, adjFile],
    agreement: {
      firstLikely: l1.size,
      secondLikely: l2.size,
      bothLikely: both,
      f1: round3(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
      disagreements: disagreements.length,
      settledLikely: disagreements.filter((k) => adj.get(k)!.relation === 'likely').length,
    },
    links: [...links]
      .map(([k, relation]) => {
        const [a, b] = k.split('-').map(Number);
        return { a, b, relation };
      })
      .sort((x, y) => x.a - y.a || x.b - y.b),
  };
  const file = `consensus-${s.a}-${s.b}.json`;
  writeFileSync(join(DIR, file), JSON.stringify(out, null, 1) + '\n');
  console.log(`${file}: agreement F1 ${out.agreement.f1}, ${out.links.filter((l) => l.relation === 'likely').length} likely links`);
}
