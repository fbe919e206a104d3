/**
 * Speed of the tokenizer and the alignment. Run: `npx tsx scripts/bench-align.ts [--sizes 50,200,1000]`.
 *  - tokenizer throughput (clauses/s) of `tokenize` beside raw nodejieba `cut` on the same clauses;
 *  - time to align putuo-2023 ↔ songjiang-2024 in-process after warm-up (median of repeated runs);
 *  - alignMany over synthetic corpora made by perturbing the seeds (reorder, drop, insert and reword
 *    tasks), with time and peak memory (RSS) for each size.
 */
import { pathToFileURL } from 'node:url';
import { alignPlans } from '../src/align/align';
import { alignMany } from '../src/align/many';
import type { PreparedPlan, PreparedTask } from '../src/align/prepare';
import { clauses } from '../src/text/clauses';
import { tokenize } from '../src/text/tokenize';
import { defaultTokenizer } from '../src/text/tokenizer-jieba';
import { loadSeed } from './eval-align';

const SEED_IDS = ['putuo-2023', 'pudong-2022', 'songjiang-2024', 'baoshan-2024', 'jiading-2023'];

/** A small deterministic random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reword a prepared task: drop some terms and clauses, swap neighbours. */
function reword(t: PreparedTask, r: () => number): PreparedTask {
  const keep = (xs: string[]) => xs.filter(() => r() > 0.15);
  const terms = keep(t.terms);
  for (let i = 0; i + 1 < terms.length; i++) if (r() < 0.1) [terms[i], terms[i + 1]] = [terms[i + 1]!, terms[i]!];
  return { ...t, terms, clauses: t.clauses.map(keep).filter((c) => c.length > 0), chars: terms.join('') };
}

/** `n` plans made by perturbing the seeds: reorder, drop ~10 %, insert ~5 % from other seeds, reword ~20 %. */
export function syntheticCorpus(seeds: PreparedPlan[], n: number, seed = 1): PreparedPlan[] {
  const r = rng(seed);
  const out: PreparedPlan[] = [];
  for (let k = 0; k < n; k++) {
    const base = seeds[k % seeds.length]!;
    const other = seeds[(k + 1 + Math.floor(r() * (seeds.length - 1))) % seeds.length]!;
    let tasks = base.tasks.filter(() => r() > 0.1).map((t) => (r() < 0.2 ? reword(t, r) : t));
    for (const t of other.tasks) if (r() < 0.05) tasks.push(t);
    tasks = tasks.map((t) => ({ t, key: r() })).sort((x, y) => x.key - y.key).map((x) => x.t);
    tasks = tasks.map((t, i) => ({ ...t, seq: i + 1 }));
    const plan = {
      ...base.plan,
      meta: { ...base.plan.meta, id: `${base.plan.meta.id}-syn${k}` },
      tasks: tasks.map((t, i) => ({ ...(base.plan.tasks[0] as PreparedPlan['plan']['tasks'][number]), seq: i + 1, text: t.chars })),
    };
    out.push({ plan, tasks });
  }
  return out;
}

/** Figures measured by {@link benchAlign}. */
export interface BenchFigures {
  tokenizer: { clauses: number; tokenizePerSec: number; rawCutPerSec: number; ratio: number };
  alignPair: { a: string; b: string; medianMs: number; minMs: number };
  many: { plans: number; planPairs: number; seconds: number; peakRssMb: number; scored: number; possible: number; groups: number }[];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Run the benchmark. */
export function benchAlign(options: { sizes?: number[]; log?: (s: string) => void } = {}): BenchFigures {
  const log = options.log ?? (() => {});
  const sizes = options.sizes ?? [50, 200, 1000];
  const seeds = SEED_IDS.map(loadSeed);
  // tokenizer
  const cls = seeds.flatMap((p) => p.plan.tasks.flatMap((t) => clauses(t.text).map((c) => c.text)));
  const jieba = defaultTokenizer();
  for (const c of cls) jieba.cut(c);
  const time = (f: () => void, reps: number): number => {
    const t = performance.now();
    for (let i = 0; i < reps; i++) f();
    return (performance.now() - t) / 1000;
  };
  const reps = 5;
  const tTok = time(() => cls.forEach((c) => tokenize(c)), reps);
  const tCut = time(() => cls.forEach((c) => jieba.cut(c)), reps);
  const tokenizer = {
    clauses: cls.length,
    tokenizePerSec: Math.round((cls.length * reps) / tTok),
    rawCutPerSec: Math.round((cls.length * reps) / tCut),
    ratio: tTok / tCut,
  };
  log(`tokenizer: ${tokenizer.tokenizePerSec} clauses/s (tokenize) vs ${tokenizer.rawCutPerSec} (raw cut), ${tokenizer.ratio.toFixed(2)}× slower`);
  // one pair
  const pu = seeds[0]!;
  const sj = seeds[2]!;
  for (let i = 0; i < 5; i++) alignPlans(pu, sj);
  const runs: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    alignPlans(pu, sj);
    runs.push(performance.now() - t);
  }
  const alignPair = { a: pu.plan.meta.id, b: sj.plan.meta.id, medianMs: median(runs), minMs: Math.min(...runs) };
  log(`align ${alignPair.a} ↔ ${alignPair.b}: median ${alignPair.medianMs.toFixed(1)} ms, min ${alignPair.minMs.toFixed(1)} ms`);
  // many
  const many: BenchFigures['many'] = [];
  for (const n of sizes) {
    const corpus = syntheticCorpus(seeds, n);
    global.gc?.();
    let peak = process.memoryUsage().rss;
    let groups = 0;
    let count = 0;
    const t = performance.now();
    const res = alignMany(corpus, {
      onAlignment: (al) => {
        groups += al.pairs.length;
        if (++count % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    peak = Math.max(peak, process.memoryUsage().rss);
    const seconds = (performance.now() - t) / 1000;
    const fig = { plans: n, planPairs: count, seconds, peakRssMb: Math.round(peak / 1048576), scored: res.scored, possible: res.possible, groups };
    many.push(fig);
    log(`alignMany ${n} plans: ${count} plan pairs in ${seconds.toFixed(1)} s, peak RSS ${fig.peakRssMb} MB, scored ${res.scored} of ${res.possible} task pairs, ${groups} groups`);
  }
  return { tokenizer, alignPair, many };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = process.argv.indexOf('--sizes');
  const sizes = arg > 0 ? (process.argv[arg + 1] ?? '').split(',').map(Number).filter((x) => x > 0) : undefined;
  benchAlign({ sizes, log: (s) => console.log(s) });
}
