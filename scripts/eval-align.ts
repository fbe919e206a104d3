/**
 * Alignment accuracy on the development labels (dev-labels/alignment-dev.json: songjiang-2024 = a,
 * baoshan-2024 = b). Scoring as the labels' README says: link-level precision and recall, where every
 * member of a predicted group counts as a link (a=[3,4], b=[7] is the links 3–7 and 4–7), and both
 * `equivalent` and `partial` gold links count. Also prints, for a sanity read, the pair counts and a
 * sample of pairs for putuo-2023 ↔ songjiang-2024 and pudong-2022 ↔ putuo-2023 (no labels there).
 *
 * Run: `npx tsx scripts/eval-align.ts` (add `--pairs` to list every predicted group and the errors).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { alignPlans, type AlignPlansOptions } from '../src/align/align';
import { LINK_BASES } from '../src/align/match';
import { preparePlan, type PreparedPlan } from '../src/align/prepare';
import { parsePlan } from '../src/parse/plan';
import type { Alignment } from '../src/types';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Seed file prefix of each plan id used here. */
const SEEDS: Record<string, string> = {
  'putuo-2023': '000_',
  'pudong-2022': '001_',
  'songjiang-2024': '002_',
  'baoshan-2024': '003_',
  'jiading-2023': '004_',
};

/** Parse (and tokenize) a seed plan by id. */
export function loadSeed(id: string): PreparedPlan {
  const prefix = SEEDS[id];
  if (!prefix) throw new Error(`unknown seed ${id}`);
  const file = readdirSync(join(ROOT, 'seeds')).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed file for ${id} not found`);
  return preparePlan(parsePlan(readFileSync(join(ROOT, 'seeds', file), 'utf8'), { file: `seeds/${file}`, id }));
}

/** Links of an alignment as `a-b` keys. */
export function alignmentLinks(al: Alignment): Set<string> {
  return new Set(linksByBasis(al).map((l) => l.key));
}

/** Result of {@link evalAlignment}. */
export interface AlignmentEval {
  /** Plan ids */
  a: string;
  b: string;
  precision: number;
  recall: number;
  f1: number;
  /** Counts */
  truePositives: number;
  predicted: number;
  gold: number;
  /** Predicted links not in the labels, and labelled links not predicted (`a-b`) */
  falsePositives: string[];
  falseNegatives: string[];
  /** Unmatched tasks: predicted vs labelled */
  dropped: { predicted: number[]; gold: number[] };
  added: { predicted: number[]; gold: number[] };
  /** The alignment that was scored */
  alignment: Alignment;
}

interface GoldFile {
  a: string;
  b: string;
  links: { a: number; b: number }[];
  unmatched_a: number[];
  unmatched_b: number[];
}

/** Link-level precision, recall and F1 of predicted links against true links. */
export function linkScores(pred: Set<string>, truth: Set<string>): { tp: number; precision: number; recall: number; f1: number } {
  const tp = [...pred].filter((k) => truth.has(k)).length;
  const precision = pred.size ? tp / pred.size : 0;
  const recall = truth.size ? tp / truth.size : 0;
  return { tp, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * Score the alignment of the development pair against its labels.
 *
 * @example const { precision, recall, f1 } = evalAlignment();
 */
export function evalAlignment(options: { labelsPath?: string; align?: AlignPlansOptions; plans?: Record<string, PreparedPlan> } = {}): AlignmentEval {
  const gold = JSON.parse(readFileSync(options.labelsPath ?? join(ROOT, 'dev-labels/alignment-dev.json'), 'utf8')) as GoldFile;
  const pa = options.plans?.[gold.a] ?? loadSeed(gold.a);
  const pb = options.plans?.[gold.b] ?? loadSeed(gold.b);
  const al = alignPlans(pa, pb, options.align);
  const pred = alignmentLinks(al);
  const truth = new Set(gold.links.map((l) => `${l.a}-${l.b}`));
  const { tp, precision, recall, f1 } = linkScores(pred, truth);
  const byKey = (x: string, y: string): number => {
    const [a1, b1] = x.split('-').map(Number) as [number, number];
    const [a2, b2] = y.split('-').map(Number) as [number, number];
    return a1 - a2 || b1 - b2;
  };
  return {
    a: gold.a,
    b: gold.b,
    precision,
    recall,
    f1,
    truePositives: tp,
    predicted: pred.size,
    gold: truth.size,
    falsePositives: [...pred].filter((k) => !truth.has(k)).sort(byKey),
    falseNegatives: [...truth].filter((k) => !pred.has(k)).sort(byKey),
    dropped: { predicted: al.dropped.map((t) => t.seq), gold: [...gold.unmatched_a].sort((x, y) => x - y) },
    added: { predicted: al.added.map((t) => t.seq), gold: [...gold.unmatched_b].sort((x, y) => x - y) },
    alignment: al,
  };
}

/** Result of {@link evalReading}. */
export interface ReadingEval {
  a: string;
  b: string;
  /** The reading was made without seeing plandiff's alignments */
  blind: boolean;
  /** Against the `likely` links */
  precision: number;
  recall: number;
  f1: number;
  /** Share of predicted links that are `likely` or `possible` */
  lenientPrecision: number;
  predicted: number;
  likely: number;
  possible: number;
  /** Predicted links in neither list, and `likely` links not predicted (`a-b`) */
  unread: string[];
  missed: string[];
  /** Each predicted link (`a-b`) with the strongest rule of its pair's basis and how the reading judged it */
  judged: JudgedLink[];
}

/** A predicted link, the first rule of its pair's `evidence.basis` (the strongest), and its judgement. */
export interface JudgedLink {
  key: string;
  basis: string;
  relation: 'likely' | 'possible' | 'none';
}

/** The predicted links of an alignment, each with the strongest rule of its pair's basis. */
export function linksByBasis(al: Alignment): { key: string; basis: string }[] {
  return al.pairs.flatMap((p) => p.a.flatMap((x) => p.b.map((y) => ({ key: `${x.seq}-${y.seq}`, basis: p.evidence.basis?.[0] ?? '–' }))));
}

/** The reading files in dev-labels/ (alignment-reading*.json), the developers' reading first. */
export function readingPaths(): string[] {
  const dir = join(ROOT, 'dev-labels');
  return readdirSync(dir)
    .filter((f) => /^alignment-reading.*\.json$/.test(f))
    .sort((x, y) => Number(x !== 'alignment-reading.json') - Number(y !== 'alignment-reading.json') || x.localeCompare(y))
    .map((f) => join(dir, f));
}

/** The second readings in dev-labels/ (second-reading-*.json): a pair read again, blind, by another reader. */
export function secondReadingPaths(): string[] {
  const dir = join(ROOT, 'dev-labels');
  return readdirSync(dir)
    .filter((f) => /^second-reading-.*\.json$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Links of a reading (or of labels, whose links all count as likely) as `a-b` keys. */
interface ReadLinks {
  a: string;
  b: string;
  likely: Set<string>;
  possible: Set<string>;
}

function readLinks(path: string): ReadLinks {
  const r = JSON.parse(readFileSync(path, 'utf8')) as { a: string; b: string; links: { a: number; b: number; relation?: string }[] };
  const keys = (keep: (rel: string | undefined) => boolean): Set<string> => new Set(r.links.filter((l) => keep(l.relation)).map((l) => `${l.a}-${l.b}`));
  // labels (alignment-dev.json) have `equivalent`/`partial` relations: both are true links
  return { a: r.a, b: r.b, likely: keys((rel) => rel !== 'possible'), possible: keys((rel) => rel === 'possible') };
}

/** Result of {@link readerAgreement}. */
export interface ReaderAgreement {
  a: string;
  b: string;
  /** What the second reading was compared with (a path under dev-labels/) */
  reference: string;
  /** The second reading's likely links scored against the reference's likely (or labelled) links */
  precision: number;
  recall: number;
  f1: number;
  /** Share of the second reading's likely links that the reference reads as likely or possible */
  lenientPrecision: number;
  /** Share of the reference's likely links that the second reading reads as likely or possible */
  lenientRecall: number;
  /** Likely links of each side that the other side does not read at all (`a-b`) */
  onlyReference: string[];
  onlySecond: string[];
  /** plandiff's alignment scored against the second reading, as against any reading */
  plandiff: ReadingEval;
}

/**
 * How closely two readers agree on one pair: a second blind reading (dev-labels/second-reading-*.json)
 * against the development labels when it reads the development pair, otherwise against the first reading
 * of the pair (alignment-reading*.json). Gives the scale on which plandiff's figures against one reading
 * can be read: what another careful reader would score.
 */
export function readerAgreement(path: string, plans?: Record<string, PreparedPlan>): ReaderAgreement {
  const second = readLinks(path);
  const candidates = [join(ROOT, 'dev-labels/alignment-dev.json'), ...readingPaths()];
  const referencePath = candidates.find((c) => {
    const r = JSON.parse(readFileSync(c, 'utf8')) as { a: string; b: string };
    return r.a === second.a && r.b === second.b;
  });
  if (!referencePath) throw new Error(`${path}: no labels or first reading of ${second.a} ↔ ${second.b} in dev-labels/`);
  const ref = readLinks(referencePath);
  const { precision, recall, f1 } = linkScores(second.likely, ref.likely);
  const refAny = new Set([...ref.likely, ...ref.possible]);
  const secondAny = new Set([...second.likely, ...second.possible]);
  return {
    a: second.a,
    b: second.b,
    reference: referencePath.slice(ROOT.length + 1),
    precision,
    recall,
    f1,
    lenientPrecision: linkScores(second.likely, refAny).precision,
    lenientRecall: linkScores(secondAny, ref.likely).recall,
    onlyReference: [...ref.likely].filter((k) => !secondAny.has(k)),
    onlySecond: [...second.likely].filter((k) => !refAny.has(k)),
    plandiff: evalReading({ path, plans }),
  };
}

/** Print a reader agreement. */
export function printReaderAgreement(e: ReaderAgreement): void {
  console.log(`second blind reading of ${e.a} ↔ ${e.b}, against ${e.reference}:`);
  console.log(
    `  the second reader's likely links against the reference's: precision ${f3(e.precision)}  recall ${f3(e.recall)}  F1 ${f3(e.f1)}; ` +
      `read as likely or possible by the other side: ${f3(e.lenientPrecision)} of the second's, ${f3(e.lenientRecall)} of the reference's`,
  );
  console.log(`  likely in one, not read at all by the other: reference only ${e.onlyReference.join(' ') || '–'}; second only ${e.onlySecond.join(' ') || '–'}`);
  const p = e.plandiff;
  console.log(`  plandiff against the second reading: precision ${f3(p.precision)}  recall ${f3(p.recall)}  F1 ${f3(p.f1)}; precision counting possible links as right ${f3(p.lenientPrecision)}`);
}

/**
 * Score an alignment against the developers' reading of a pair that has no independent labels
 * (dev-labels/alignment-reading.json): a rough check between plans of different granularity, and an
 * optimistic one, since the reading was at hand while the alignment's rules were chosen.
 */
export function evalReading(options: { path?: string; align?: AlignPlansOptions; plans?: Record<string, PreparedPlan> } = {}): ReadingEval {
  const path = options.path ?? join(ROOT, 'dev-labels/alignment-reading.json');
  const reading = JSON.parse(readFileSync(path, 'utf8')) as { blind?: boolean };
  const { a, b, likely, possible } = readLinks(path);
  const pa = options.plans?.[a] ?? loadSeed(a);
  const pb = options.plans?.[b] ?? loadSeed(b);
  const al = alignPlans(pa, pb, options.align);
  const pred = alignmentLinks(al);
  const { precision, recall, f1 } = linkScores(pred, likely);
  return {
    a,
    b,
    blind: reading.blind === true,
    precision,
    recall,
    f1,
    lenientPrecision: linkScores(pred, new Set([...likely, ...possible])).precision,
    predicted: pred.size,
    likely: likely.size,
    possible: possible.size,
    unread: [...pred].filter((k) => !likely.has(k) && !possible.has(k)),
    missed: [...likely].filter((k) => !pred.has(k)),
    judged: linksByBasis(al).map((l) => ({ ...l, relation: likely.has(l.key) ? 'likely' : possible.has(l.key) ? 'possible' : 'none' })),
  };
}

/**
 * How often the links of each rule were right, over several readings (and the development labels, whose
 * links all count as likely): a pair is counted under the strongest rule of its basis (verbatim first,
 * then assignment, quantity, clause, home, leftover, name), so a row says how far to trust pairs that no
 * stronger rule backs.
 */
export function printBasisEval(judged: readonly JudgedLink[], title: string): void {
  console.log(title);
  const rows = new Map<string, { likely: number; possible: number; none: number }>();
  for (const j of judged) {
    const r = rows.get(j.basis) ?? { likely: 0, possible: 0, none: 0 };
    r[j.relation]++;
    rows.set(j.basis, r);
  }
  const order: readonly string[] = LINK_BASES;
  for (const [basis, r] of [...rows].sort((x, y) => order.indexOf(x[0]) - order.indexOf(y[0]))) {
    const n = r.likely + r.possible + r.none;
    console.log(
      `  ${basis.padEnd(11)} ${String(n).padStart(4)} links: likely ${f3(r.likely / n)}, likely or possible ${f3((r.likely + r.possible) / n)}`,
    );
  }
}

/** Print a reading evaluation. */
export function printReadingEval(e: ReadingEval): void {
  const kind = e.blind ? "a blind reading: made without seeing plandiff's alignments" : "the developers' reading: at hand while the rules were chosen";
  console.log(`reading ${e.a} ↔ ${e.b} (${kind}; not independent labels):`);
  console.log(
    `  against the ${e.likely} likely links: precision ${e.precision.toFixed(3)}  recall ${e.recall.toFixed(3)}  F1 ${e.f1.toFixed(3)}; ` +
      `precision counting the ${e.possible} possible links as right ${e.lenientPrecision.toFixed(3)} (${e.predicted} predicted)`,
  );
  console.log(`  predicted, in neither list: ${e.unread.join(' ') || '–'}`);
  console.log(`  likely, not predicted: ${e.missed.join(' ') || '–'}`);
}

const f3 = (x: number): string => x.toFixed(3);
const seqs = (ts: { seq: number }[]): string => ts.map((t) => t.seq).join('+');

/** Print an evaluation. */
export function printAlignmentEval(e: AlignmentEval, verbose = false): void {
  console.log(`alignment ${e.a} ↔ ${e.b}: precision ${f3(e.precision)}  recall ${f3(e.recall)}  F1 ${f3(e.f1)}`);
  console.log(`  links: ${e.truePositives} right of ${e.predicted} predicted, ${e.gold} labelled`);
  console.log(`  false positives: ${e.falsePositives.join(' ') || '–'}`);
  console.log(`  false negatives: ${e.falseNegatives.join(' ') || '–'}`);
  console.log(`  dropped (a only): predicted ${e.dropped.predicted.join(',') || '–'}; labelled ${e.dropped.gold.join(',') || '–'}`);
  console.log(`  added (b only): predicted ${e.added.predicted.join(',') || '–'}; labelled ${e.added.gold.join(',') || '–'}`);
  if (verbose) {
    for (const p of e.alignment.pairs) {
      console.log(`  ${seqs(p.a)} → ${seqs(p.b)}  ${f3(p.score)}  cos ${f3(p.evidence.cosine)} bi ${f3(p.evidence.bigram)} edit ${f3(p.evidence.edit)} cov ${f3(p.evidence.coverage)}  ${p.evidence.sharedTerms.slice(0, 5).join(' ')}`);
    }
  }
}

/** Pair counts and a sample of pairs of putuo-2023 ↔ songjiang-2024, for reading. */
export function printSanityPair(a = 'putuo-2023', b = 'songjiang-2024', sample = 12, plans?: Record<string, PreparedPlan>): void {
  const pa = plans?.[a] ?? loadSeed(a);
  const pb = plans?.[b] ?? loadSeed(b);
  const al = alignPlans(pa, pb);
  const kinds = { '1:1': 0, '1:n': 0, 'n:1': 0 };
  for (const p of al.pairs) kinds[p.a.length > 1 ? 'n:1' : p.b.length > 1 ? '1:n' : '1:1']++;
  console.log(
    `sanity ${a} (${pa.tasks.length} tasks) ↔ ${b} (${pb.tasks.length} tasks): ${al.pairs.length} groups ` +
      `(1:1 ${kinds['1:1']}, 1:n ${kinds['1:n']}, n:1 ${kinds['n:1']}), ${al.dropped.length} dropped, ${al.added.length} added`,
  );
  const step = Math.max(1, Math.floor(al.pairs.length / sample));
  for (let k = 0; k < al.pairs.length && k / step < sample; k += step) {
    const p = al.pairs[k]!;
    console.log(`  ${seqs(p.a)} → ${seqs(p.b)}  ${f3(p.score)}`);
    console.log(`     a: ${p.a.map((t) => t.text).join(' ‖ ').slice(0, 110)}`);
    console.log(`     b: ${p.b.map((t) => t.text).join(' ‖ ').slice(0, 110)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const verbose = process.argv.includes('--pairs');
  const plans = Object.fromEntries(['putuo-2023', 'pudong-2022', 'songjiang-2024', 'baoshan-2024'].map((id) => [id, loadSeed(id)]));
  printAlignmentEval(evalAlignment({ plans }), verbose);
  for (const [a, b] of [
    ['putuo-2023', 'songjiang-2024'],
    ['pudong-2022', 'putuo-2023'],
  ] as const) {
    console.log('');
    printSanityPair(a, b, verbose ? 200 : 12, plans);
  }
}
