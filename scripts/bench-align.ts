/**
 * Speed of the tokenizer and the alignment. Run: `npx tsx scripts/bench-align.ts [--sizes 50,200,1000] [--dated 200,1000]`.
 *  - tokenizer throughput (clauses/s) of `tokenize` beside raw nodejieba `cut` on the same clauses (fastest
 *    of seven alternating rounds each);
 *  - time to align putuo-2023 ↔ songjiang-2024 in-process after warm-up (median of repeated runs);
 *  - alignMany over synthetic corpora made by perturbing the seeds (reorder, drop, insert and reword
 *    tasks), with time and peak memory (RSS) for each size, and for the smaller sizes the time to read
 *    every plan pair's alignment from the families.
 */
import { pathToFileURL } from 'node:url';
import { alignPlans } from '../src/align/align';
import { reviewQueue } from '../src/align/review';
import { alignMany, pairFromMany } from '../src/align/many';
import type { Plan, Task } from '../src/types';
import { clauses } from '../src/text/clauses';
import { tokenize } from '../src/text/tokenize';
import { defaultTokenizer } from '../src/text/tokenizer-jieba';
import { loadSeed } from './eval-align';
import { mulberry32 as rng } from './random';

const SEED_IDS = ['putuo-2023', 'pudong-2022', 'songjiang-2024', 'baoshan-2024', 'jiading-2023'];


/** Word swaps used to reword synthetic tasks (both directions). */
const SYNONYMS: readonly (readonly [string, string])[] = [
  ['加强', '强化'],
  ['推进', '推动'],
  ['进一步', '持续'],
  ['做好', '抓好'],
  ['完善', '健全'],
  ['及时', '按时'],
  ['开展', '组织开展'],
  ['落实', '贯彻落实'],
  ['提升', '提高'],
  ['积极', '主动'],
  ['规范', '规范化'],
  ['公开', '公布'],
];

/** Reword a task text: swap one or two words for synonyms, sometimes change a number (as the next year's
 * plan does) and sometimes drop one clause. */
function reword(text: string, r: () => number): string {
  let out = text;
  if (r() < 0.5) out = out.replace(/\d+/u, () => String(1 + Math.floor(r() * 30)));
  for (let k = 0; k < 2; k++) {
    const hits = SYNONYMS.flatMap(([x, y]) => [
      [x, y],
      [y, x],
    ]).filter(([x]) => out.includes(x!));
    const pick = hits[Math.floor(r() * hits.length)];
    if (pick) out = out.replace(pick[0]!, pick[1]!);
  }
  const parts = out.split(/(?<=[，；。])/u);
  if (parts.length > 2 && r() < 0.5) parts.splice(Math.floor(r() * parts.length), 1);
  return parts.join('');
}

/**
 * `n` plans made by perturbing the seeds: each starts from one seed (in turn), drops ~10 % of its tasks,
 * rewords ~20 %, inserts ~5 % of another seed's tasks, and shuffles the order (tasks renumbered 1…N).
 * With `dated`, every task also gets a deadline of a random day (`限3月14日前完成`), so that nearly every
 * task text of the corpus is distinct, as in a corpus of real plans of many districts and years.
 */
export function syntheticCorpus(seeds: readonly Plan[], n: number, seed = 1, dated = false): Plan[] {
  const r = rng(seed);
  const out: Plan[] = [];
  for (let k = 0; k < n; k++) {
    const base = seeds[k % seeds.length]!;
    const other = seeds[(k + 1 + Math.floor(r() * (seeds.length - 1))) % seeds.length]!;
    let tasks: Task[] = base.tasks.filter(() => r() > 0.1).map((t) => (r() < 0.2 ? { ...t, text: reword(t.text, r) } : t));
    for (const t of other.tasks) if (r() < 0.05) tasks.push(t);
    if (dated) tasks = tasks.map((t) => ({ ...t, text: `${t.text}限${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日前完成。` }));
    tasks = tasks.map((t) => ({ t, key: r() })).sort((x, y) => x.key - y.key).map((x) => x.t);
    out.push({ ...base, meta: { ...base.meta, id: `${base.meta.id}-syn${k}` }, tasks: tasks.map((t, i) => ({ ...t, seq: i + 1 })) });
  }
  return out;
}

/** Figures measured by {@link benchAlign}. */
export interface BenchFigures {
  tokenizer: { clauses: number; tokenizePerSec: number; rawCutPerSec: number; ratio: number };
  alignPair: { a: string; b: string; medianMs: number; minMs: number };
  many: {
    plans: number;
    /** Corpus with a random deadline added to every task (nearly all texts distinct) */
    dated: boolean;
    tasks: number;
    distinctTasks: number;
    families: number;
    largestFamily: number;
    scoredPairs: number;
    seconds: number;
    /** Of which: tokenizing, weights and vectors (until families start) */
    prepareSeconds: number;
    /** Largest RSS sampled during the run (MB) and the process's peak RSS so far (MB) */
    peakRssMb: number;
    maxRssMb: number;
    /** Time to read every plan pair's alignment from the families (only for the smaller sizes) */
    allPairs?: { planPairs: number; seconds: number; groups: number };
  }[];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Run the benchmark. */
export function benchAlign(options: { sizes?: number[]; datedSizes?: number[]; log?: (s: string) => void } = {}): BenchFigures {
  const log = options.log ?? (() => {});
  const sizes = options.sizes ?? [50, 200, 1000];
  const datedSizes = options.datedSizes ?? sizes.filter((n) => n >= 200);
  const seeds = SEED_IDS.map(loadSeed);
  // tokenizer
  const cls = seeds.flatMap((p) => p.plan.tasks.flatMap((t) => clauses(t.text).map((c) => c.text)));
  const jieba = defaultTokenizer();
  const time = (f: () => void, reps: number): number => {
    const t = performance.now();
    for (let i = 0; i < reps; i++) f();
    return (performance.now() - t) / 1000;
  };
  const reps = 3;
  // both warmed up, then measured in alternating rounds; the fastest round of each is compared (the
  // rounds a busy machine slows down say nothing about the two pipelines)
  const tokRun = (): void => cls.forEach((c) => tokenize(c));
  const cutRun = (): void => cls.forEach((c) => jieba.cut(c));
  for (let i = 0; i < 3; i++) {
    tokRun();
    cutRun();
  }
  let tTok = Infinity;
  let tCut = Infinity;
  for (let round = 0; round < 7; round++) {
    tTok = Math.min(tTok, time(tokRun, reps));
    tCut = Math.min(tCut, time(cutRun, reps));
  }
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
  for (let i = 0; i < 20; i++) alignPlans(pu, sj);
  const runs: number[] = [];
  for (let i = 0; i < 41; i++) {
    const t = performance.now();
    alignPlans(pu, sj);
    runs.push(performance.now() - t);
  }
  const alignPair = { a: pu.plan.meta.id, b: sj.plan.meta.id, medianMs: median(runs), minMs: Math.min(...runs) };
  log(`align ${alignPair.a} ↔ ${alignPair.b}: median ${alignPair.medianMs.toFixed(1)} ms, min ${alignPair.minMs.toFixed(1)} ms`);
  // what a review adds: the queue of an alignment, and aligning again with 50 decisions
  const al = alignPlans(pu, sj);
  const queue = reviewQueue(al);
  const decisions = queue.slice(0, 50).map((q) => ({ a: q.a, b: q.b, same: q.probability >= 0.5, aHash: q.aHash, bHash: q.bHash }));
  const queueRuns: number[] = [];
  const decidedRuns: number[] = [];
  for (let i = 0; i < 21; i++) {
    let t = performance.now();
    reviewQueue(al);
    queueRuns.push(performance.now() - t);
    t = performance.now();
    alignPlans(pu, sj, { decisions });
    decidedRuns.push(performance.now() - t);
  }
  log(`  review queue of it (${queue.length} questions): median ${median(queueRuns).toFixed(1)} ms; aligning with 50 decisions: median ${median(decidedRuns).toFixed(1)} ms`);
  // many
  const many: BenchFigures['many'] = [];
  const plans = seeds.map((p) => p.plan);
  const runs2 = [...sizes.map((n) => ({ n, dated: false })), ...datedSizes.map((n) => ({ n, dated: true }))];
  for (const { n, dated } of runs2) {
    const corpus = syntheticCorpus(plans, n, 1, dated);
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t = performance.now();
    let prepared = 0;
    const res = alignMany(corpus, {
      onProgress: (p) => {
        if (p.phase === 'families' && prepared === 0) prepared = (performance.now() - t) / 1000;
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    const seconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const st = res.stats;
    const fig: BenchFigures['many'][number] = {
      plans: n,
      dated,
      tasks: st.tasks,
      distinctTasks: st.distinctTasks,
      families: st.families,
      largestFamily: st.largestFamily,
      scoredPairs: st.scoredPairs,
      seconds,
      prepareSeconds: prepared,
      peakRssMb: Math.round(peak / 1048576),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    log(
      `alignMany ${n} plans${dated ? ' with dated tasks' : ''} (${st.tasks} tasks, ${st.distinctTasks} distinct): ${seconds.toFixed(2)} s (${prepared.toFixed(2)} s tokenizing and vectors), peak RSS ${fig.peakRssMb} MB (process max ${fig.maxRssMb} MB); ${st.families} families (largest ${st.largestFamily}), ${st.scoredPairs} task pairs scored of ${st.possiblePairs}`,
    );
    if (n <= 200 && !dated) {
      const t2 = performance.now();
      let planPairs = 0;
      let groups = 0;
      for (let i = 0; i < res.plans.length; i++) {
        for (let j = i + 1; j < res.plans.length; j++) {
          groups += pairFromMany(res, res.plans[i]!.id, res.plans[j]!.id).pairs.length;
          planPairs++;
        }
      }
      fig.allPairs = { planPairs, seconds: (performance.now() - t2) / 1000, groups };
      log(`  every plan pair read from the families: ${planPairs} pairs in ${fig.allPairs.seconds.toFixed(2)} s (${groups} groups)`);
    }
    many.push(fig);
  }
  return { tokenizer, alignPair, many };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const list = (flag: string): number[] | undefined => {
    const k = process.argv.indexOf(flag);
    return k > 0 ? (process.argv[k + 1] ?? '').split(',').map(Number).filter((x) => x > 0) : undefined;
  };
  benchAlign({ sizes: list('--sizes'), datedSizes: list('--dated'), log: (s) => console.log(s) });
}
