/**
 * `npm run bench`: speed and memory figures from one run on this machine. Goals (from the issues) are
 * printed beside each figure; nothing here asserts, it measures.
 *
 *   npm run bench                 everything
 *   npm run bench -- --quick      skip the 1,000-plan and 50 MB runs
 *   npm run bench -- --no-tests   skip the timed run of the test suite
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignPlans } from '../src/align/align';
import { preparePlan } from '../src/align/prepare';
import { loadPlan } from '../src/corpus';
import { diffPlans } from '../src/diff/diff';
import { reviewQueue } from '../src/align/review';
import { formatDecisionsFile, readDecisions } from '../src/io/decisions';
import { renderReview, reviewSheet } from '../src/report/review';
import { benchAlign } from './bench-align';
import { benchScale, formatResults } from './bench-scale';
import { benchStartup } from './bench-startup';
import { benchAccuracy, benchTokenizer } from './bench-tokenizer';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');

function ms(x: number): string {
  return `${x.toFixed(1)} ms`;
}

function timeIt(fn: () => void, runs: number): { median: number; min: number } {
  // warm-up: the JIT and the heap settle before anything is timed
  for (let i = 0; i < 10; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]! };
}

/** Whole-process time and peak memory of one CLI command (built CLI, cache folder given). */
function cliRun(args: string[], cacheDir: string): { ms: number; maxRssMb: number; code: number | null } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'measure-cli.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, PLANDIFF_CACHE_DIR: cacheDir },
    maxBuffer: 256 * 1024 * 1024,
  });
  const elapsed = performance.now() - t;
  const m = /maxRSS (\d+)\s*$/.exec(r.stderr);
  return { ms: elapsed, maxRssMb: m ? Number(m[1]) / 1024 : NaN, code: r.status };
}

function section(title: string): void {
  console.log(`\n## ${title}`);
}

section('tokenizer dictionaries: load, identity, plans not seen, HMM, user dictionary (scripts/bench-tokenizer.ts)');
benchTokenizer();

section('alignment accuracy on every reading: full dictionary (before) → plandiff (after) (scripts/bench-tokenizer.ts)');
benchAccuracy();

section('a new user\'s first command: plandiff align on plans of one\'s own, whole process (scripts/bench-startup.ts)');
benchStartup({ rounds: quick ? 3 : 5 });

section('tokenizer and alignment (scripts/bench-align.ts)');
benchAlign({ sizes: quick ? [50, 200] : [50, 200, 1000], log: (s) => console.log(s) });

section('diffPlans putuo-2023 ↔ songjiang-2024, in-process, warm (goal ≤ 30 ms)');
{
  const a = preparePlan(loadPlan('putuo-2023'));
  const b = preparePlan(loadPlan('songjiang-2024'));
  const alignment = alignPlans(a, b);
  const pa = loadPlan('putuo-2023');
  const pb = loadPlan('songjiang-2024');
  diffPlans(pa, pb, { alignment });
  const classify = timeIt(() => diffPlans(pa, pb, { alignment }), 21);
  const prepared = timeIt(() => diffPlans(a, b), 21);
  const whole = timeIt(() => diffPlans(pa, pb), 10);
  console.log(`classify a ready alignment:               median ${ms(classify.median)}, min ${ms(classify.min)}`);
  console.log(`align + classify, prepared plans:         median ${ms(prepared.median)}, min ${ms(prepared.min)}`);
  console.log(`tokenize + align + classify (bare Plans): median ${ms(whole.median)}, min ${ms(whole.min)}`);
}

section('review loop, in-process, warm: what review and --decisions add to a CLI run (goal ≤ 50 ms)');
{
  const a = preparePlan(loadPlan('putuo-2023'));
  const b = preparePlan(loadPlan('songjiang-2024'));
  const alignment = alignPlans(a, b);
  const questions = reviewQueue(alignment);
  const decisions = questions.slice(0, 20).map((q) => ({ a: q.a, b: q.b, same: q.probability >= 0.5, aHash: q.aHash, bHash: q.bHash }));
  const file = join(mkdtempSync(join(tmpdir(), 'plandiff-bench-decisions-')), 'decisions.json');
  writeFileSync(file, formatDecisionsFile({ a: 'putuo-2023', b: 'songjiang-2024', decisions }));
  for (let i = 0; i < 5; i++) alignPlans(a, b, { decisions: readDecisions(file, a.plan, b.plan) }); // warm up
  const align = timeIt(() => alignPlans(a, b), 15);
  const review = timeIt(() => renderReview(reviewSheet(a.plan, b.plan, reviewQueue(alignment)), 'json'), 15);
  const html = timeIt(() => renderReview(reviewSheet(a.plan, b.plan, reviewQueue(alignment)), 'html'), 15);
  const decided = timeIt(() => alignPlans(a, b, { decisions: readDecisions(file, a.plan, b.plan) }), 15);
  const again = timeIt(() => alignPlans(a, b), 15);
  console.log(`review (${questions.length} questions: queue, sheet, JSON) on the alignment:  median ${ms(review.median)}; as HTML ${ms(html.median)}`);
  console.log(`read a decisions file (20 answers) + alignPlans with them: median ${ms(decided.median)} (alignPlans alone before and after it: ${ms(align.median)}, ${ms(again.median)})`);
}

section('whole process: plandiff align putuo-2023 songjiang-2024 --format json (goal ≤ 0.5 s)');
if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
  console.log('dist/cli.js is missing: run `npm run build` first');
} else {
  const cache = mkdtempSync(join(tmpdir(), 'plandiff-bench-cache-'));
  const cold = cliRun(['align', 'putuo-2023', 'songjiang-2024', '--format', 'json'], cache);
  const shipped = existsSync(join(ROOT, 'dist', 'plan-cache'));
  console.log(
    `first run, empty cache folder: ${ms(cold.ms)}, peak RSS ${cold.maxRssMb.toFixed(0)} MB ` +
      (shipped ? '(the bundled plans read from dist/plan-cache, made at build time)' : '(no dist/plan-cache: loads nodejieba, parses and tokenizes)'),
  );
  const warm: { ms: number; maxRssMb: number }[] = [];
  for (let i = 0; i < 5; i++) warm.push(cliRun(['align', 'putuo-2023', 'songjiang-2024', '--format', 'json'], cache));
  warm.sort((x, y) => x.ms - y.ms);
  console.log(
    `warm caches (plans read from the plan cache): median ${ms(warm[2]!.ms)}, min ${ms(warm[0]!.ms)}, peak RSS ${warm[2]!.maxRssMb.toFixed(0)} MB`,
  );
  const nocache = cliRun(['align', 'putuo-2023', 'songjiang-2024', '--format', 'json', '--no-cache'], cache);
  console.log(`--no-cache: ${ms(nocache.ms)}, peak RSS ${nocache.maxRssMb.toFixed(0)} MB`);
  // the diff cuts texts of its own (for the word-level text diff): its first run fills the token cache
  const diffFirst = cliRun(['diff', 'putuo-2023', 'songjiang-2024', '--format', 'html'], cache);
  const diff = cliRun(['diff', 'putuo-2023', 'songjiang-2024', '--format', 'html'], cache);
  console.log(
    `plandiff diff putuo-2023 songjiang-2024 --format html: first run after align ${ms(diffFirst.ms)}, then ${ms(diff.ms)}, peak RSS ${diff.maxRssMb.toFixed(0)} MB`,
  );
}

section('scale: a 50 MB plan, a 50 MB plan of 300,000 numbered items and a folder of 2,000 plans: parse throughput (MB/s) and peak memory (scripts/bench-scale.ts)');
console.log(formatResults(benchScale(quick ? { sizes: [10], plans: 200, items: 60_000 } : {})));

section('the test suite: npm test wall time (goal ≤ 60 s on two cores)');
if (process.argv.includes('--no-tests')) {
  console.log('skipped (--no-tests)');
} else {
  // the machine's load when the run starts says whether the figure is the suite's alone
  const [load] = loadavg();
  const started = performance.now();
  const suite = spawnSync(join(ROOT, 'node_modules', '.bin', 'vitest'), ['run', '--reporter=dot'], { cwd: ROOT, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const summary = /Tests\s+(.*)/.exec(suite.stdout ?? '')?.[1]?.replace(/\x1b\[[0-9;]*m/g, '').trim() ?? 'no summary';
  console.log(`npm test: ${seconds.toFixed(1)} s wall on ${cpus().length} cores (load average ${load!.toFixed(1)} at start), exit ${suite.status}; tests ${summary}`);
}
