/**
 * Scale benchmark: time and peak memory of the reading and parsing stages on inputs far larger than a
 * real plan, to catch quadratic blow-ups before a researcher's folder does.
 *
 *  (a) one huge plan: a seed's task table repeated with renumbered rows to 10, 25 and 50 MB, through
 *      readPlanText + parsePlan;
 *  (b) a folder of 2,000 plans (perturbed seeds, with a manifest.json) through loadCorpusPlans, then the
 *      same texts through parsePlan alone;
 *  (c) a 50 MB plan of 300,000 numbered items (1. … （区政府办公室，全年）) through readPlanText + parsePlan.
 *
 * Each line prints the throughput (MB/s of input, wall time) and the peak memory.
 *
 * Each measurement runs in a fresh child process, so that one measurement's memory high-water does not
 * hide the next one's. Peak memory is the process RSS sampled every 10 ms from a worker thread (the
 * parse itself is synchronous and would block a timer on the main thread), checked against the
 * kernel's own high-water mark (resourceUsage().maxRSS).
 *
 *   npx tsx scripts/bench-scale.ts                 everything (about a minute)
 *   npx tsx scripts/bench-scale.ts --sizes 10,25   MB sizes of (a)
 *   npx tsx scripts/bench-scale.ts --plans 500     folder size of (b)
 *   npx tsx scripts/bench-scale.ts --seed 000      seed file of (a), by its number (default 001, tab-separated)
 *   npx tsx scripts/bench-scale.ts --no-wrap       row numbers of (a) keep counting past 9999
 *   npx tsx scripts/bench-scale.ts --items 300000  numbered items of (c); 0 leaves it out
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadCorpusPlans } from '../src/corpus';
import { readPlanText } from '../src/io/read';
import { parsePlan } from '../src/parse/plan';
import { mulberry32 as prng } from './random';

const SEEDS_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'seeds');
const MB = 1024 * 1024;

/** One measurement. */
export interface ScaleResult {
  /** What was measured, e.g. `plan 50 MB (readPlanText+parsePlan)` */
  label: string;
  /** Input size in bytes */
  bytes: number;
  /** Tasks found (summed over plans for a folder) */
  tasks: number;
  /** Wall time of the measured stage in milliseconds */
  ms: number;
  /** CPU time (user + system) of the stage in milliseconds; steadier than wall time on a busy machine */
  cpuMs: number;
  /** Highest RSS sampled during the stage, in bytes */
  peakRss: number;
  /** The kernel's RSS high-water mark of the whole process, in bytes */
  maxRss: number;
  /** RSS before the stage started (after the input was built), in bytes */
  baseRss: number;
}

/** A measurement whose stage threw. */
export interface ScaleFailure {
  /** The case */
  label: string;
  /** What the child process printed */
  error: string;
}

/** Samples RSS every `intervalMs` in a worker thread; `stop()` returns the highest value seen. */
function startRssSampler(intervalMs = 10): { stop: () => Promise<number> } {
  const shared = new SharedArrayBuffer(16);
  const cells = new BigInt64Array(shared);
  cells[0] = BigInt(process.memoryUsage.rss());
  const code = `
    const { workerData } = require('node:worker_threads');
    const cells = new BigInt64Array(workerData.shared);
    const tick = () => {
      const rss = BigInt(process.memoryUsage.rss());
      if (rss > Atomics.load(cells, 0)) Atomics.store(cells, 0, rss);
      if (Atomics.load(cells, 1) === 0n) setTimeout(tick, workerData.intervalMs);
    };
    tick();
  `;
  const worker = new Worker(code, { eval: true, workerData: { shared, intervalMs } });
  return {
    async stop() {
      const last = BigInt(process.memoryUsage.rss());
      if (last > cells[0]!) cells[0] = last;
      if (Atomics.load(cells, 1) === 0n) {
        Atomics.store(cells, 1, 1n);
        await worker.terminate();
      }
      return Number(cells[0]);
    },
  };
}

async function measure<T>(label: string, bytes: number, stage: () => T, tasksOf: (r: T) => number): Promise<ScaleResult> {
  global.gc?.();
  const baseRss = process.memoryUsage.rss();
  const sampler = startRssSampler();
  await new Promise((r) => setTimeout(r, 20)); // let the sampler start
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let result: T;
  try {
    result = stage();
  } finally {
    // Stop the sampler thread even when the stage throws, or the process would never exit.
    await sampler.stop();
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const peakRss = await sampler.stop();
  return { label, bytes, tasks: tasksOf(result), ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRss, maxRss: process.resourceUsage().maxRSS * 1024, baseRss };
}

/* ───────────── inputs ───────────── */

function seedFile(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed file starting with ${prefix} in ${SEEDS_DIR}`);
  return join(SEEDS_DIR, name);
}

/** A row number at the start of a line: alone, or followed by a tab (the three table shapes). */
const ROW_NUMBER = /^(\s*)(\d+)(\t|$)/;

/**
 * Row numbers wrap after this many rows by default: parsePlan reads row numbers of at most four digits,
 * so row 10000 and later would join row 9999 instead of being rows (reported as a parser bug). The
 * wrapped numbers restart at 1, which the parser reports as repeated numbers and renumbers.
 */
export const DEFAULT_WRAP = 9999;

/**
 * A plan of at least `targetBytes`: the seed's text up to its table's first row, then rows 1…N−1 of the
 * table repeated with their numbers renumbered (1…N−1, N…2N−2, …, wrapping after `wrapAt`), then the
 * seed's last row and what follows it, renumbered to follow on. Every copy is a run of well-formed rows,
 * so the task count grows with the size.
 */
export function bigPlan(seedText: string, targetBytes: number, wrapAt: number = DEFAULT_WRAP): string {
  const lines = seedText.split('\n');
  const header = lines.findIndex((l) => /^\s*序号/.test(l));
  if (header === -1) throw new Error('the seed has no task table');
  const first = lines.findIndex((l, k) => k > header && ROW_NUMBER.exec(l)?.[2] === '1');
  let last = -1;
  for (let k = lines.length - 1; k > first && last === -1; k--) if (ROW_NUMBER.test(lines[k]!)) last = k;
  if (first === -1 || last === -1) throw new Error('the seed table has no numbered rows');
  const head = lines.slice(0, first).join('\n') + '\n';
  const rows = lines.slice(first, last);
  const tail = lines.slice(last);
  const perCopy = rows.filter((l) => ROW_NUMBER.test(l)).length;
  const renumber = (block: string[], offset: number): string =>
    block
      .map((l) => l.replace(ROW_NUMBER, (_, sp: string, n: string, end: string) => `${sp}${((Number(n) + offset - 1) % wrapAt) + 1}${end}`))
      .join('\n');
  const parts: string[] = [head];
  let size = Buffer.byteLength(head);
  let copy = 0;
  for (; size < targetBytes; copy++) {
    const chunk = renumber(rows, copy * perCopy) + '\n';
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  // The seed's last row (numbered N) follows the last copy's row copy·perCopy.
  const lastNumber = Number(ROW_NUMBER.exec(lines[last]!)![2]);
  parts.push(renumber(tail.slice(0, 1), copy * perCopy + 1 - lastNumber) + '\n' + tail.slice(1).join('\n'));
  return parts.join('');
}


/** Writes `count` perturbed copies of the seeds and a manifest.json to a new temp folder; returns it. */
export function writeCorpus(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-bench-corpus-'));
  mkdirSync(join(dir, 'plans'));
  const seeds = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'));
  const random = prng(2024);
  const districts = ['黄浦区', '徐汇区', '长宁区', '静安区', '普陀区', '虹口区', '杨浦区', '闵行区', '宝山区', '嘉定区', '浦东新区', '金山区', '松江区', '青浦区', '奉贤区', '崇明区'];
  const plans = [];
  for (let k = 0; k < count; k++) {
    const lines = seeds[k % seeds.length]!.split('\n');
    // Perturb: change some digits in prose (not row or item numbers), append a word to a few lines, drop a blank line.
    for (let n = 0; n < 8; n++) {
      const i = Math.floor(random() * lines.length);
      const line = lines[i]!;
      // Row and item numbers stay as printed: the folder measures speed, not the parser's numbering rules.
      if (/^\s*\d+([\s.、．]|$)/.test(line) || line.trim() === '') continue;
      lines[i] = random() < 0.5 ? line.replace(/\d/, () => String(Math.floor(random() * 10))) : `${line}（第${k}稿）`;
    }
    const blank = lines.findIndex((l, i) => i > 5 && l.trim() === '');
    if (blank !== -1 && random() < 0.5) lines.splice(blank, 1);
    const file = `plans/plan-${String(k).padStart(4, '0')}.txt`;
    writeFileSync(join(dir, file), lines.join('\n'));
    plans.push({
      id: `bench-${k}`,
      district: districts[k % districts.length],
      year: 2020 + (k % 6),
      issuer: null,
      docNumber: null,
      issueDate: null,
      file,
    });
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ plans }));
  return dir;
}

/* ───────────── one measurement per child process ───────────── */

/** A plan of `count` numbered items under one heading, each closing with a units-and-deadline parenthesis. */
export function numberedItemsPlan(count: number): string {
  const lines = ['2024年某区政务公开工作要点', '一、加强政策公开'];
  for (let k = 1; k <= count; k++) {
    lines.push(`${k}. 做好第${k}项政务公开工作，按规定公开相关信息并及时更新，确保信息准确完整，接受社会监督和评议。（区政府办公室，全年）`);
  }
  return lines.join('\n');
}

async function runCase(kind: string, arg: string): Promise<ScaleResult[]> {
  if (kind === 'items') {
    const bytes = Buffer.from(numberedItemsPlan(Number(arg)), 'utf8');
    return [
      await measure(
        `plan of ${Number(arg).toLocaleString('en')} numbered items (readPlanText+parsePlan)`,
        bytes.length,
        () => parsePlan(readPlanText(bytes, 'items.txt'), { file: 'items.txt' }),
        (p) => p.tasks.length,
      ),
    ];
  }
  if (kind === 'plan') {
    const [seed, mb, wrap] = arg.split(':') as [string, string, string];
    const text = bigPlan(readFileSync(seedFile(seed), 'utf8'), Number(mb) * MB, Number(wrap) || Number.MAX_SAFE_INTEGER);
    const bytes = Buffer.from(text, 'utf8');
    return [
      await measure(
        `plan ${mb} MB, seed ${seed}${Number(wrap) ? '' : ', no wrap'} (readPlanText+parsePlan)`,
        bytes.length,
        () => parsePlan(readPlanText(bytes, 'big.txt'), { file: 'big.txt' }),
        (p) => p.tasks.length,
      ),
    ];
  }
  const count = Number(arg);
  const dir = writeCorpus(count);
  try {
    const files = readdirSync(join(dir, 'plans')).map((f) => join(dir, 'plans', f));
    const totalBytes = files.reduce((s, f) => s + readFileSync(f).length, 0);
    const load = await measure(
      `folder of ${count} plans (loadCorpusPlans)`,
      totalBytes,
      () => loadCorpusPlans(dir),
      (r) => r.plans.reduce((s, p) => s + p.tasks.length, 0),
    );
    const texts = files.map((f) => readPlanText(readFileSync(f), f).text);
    const parse = await measure(
      `folder of ${count} plans (parsePlan only)`,
      totalBytes,
      () => texts.map((t, k) => parsePlan(t, { file: files[k]! })),
      (plans) => plans.reduce((s, p) => s + p.tasks.length, 0),
    );
    const loaded = loadCorpusPlans(dir);
    if (loaded.skipped.length > 0) {
      process.stderr.write(`bench: ${loaded.skipped.length} plans skipped, e.g. ${loaded.skipped[0]!.reason}\n`);
    }
    return [load, parse];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the benchmark: each measurement in a child process of this script. Returns the results in order.
 *
 * @param options - `sizes` in MB for the big plan (default 10, 25, 50), `seed` file prefix (default
 *   `001`, the tab-separated table), `plans` in the folder (default 2000), `items` in the numbered-items
 *   plan (default 300,000, about 50 MB; 0 leaves it out)
 */
export function benchScale(options: { sizes?: number[]; seed?: string; plans?: number; wrap?: number; items?: number } = {}): (ScaleResult | ScaleFailure)[] {
  const sizes = options.sizes ?? [10, 25, 50];
  const seed = options.seed ?? '001';
  const plans = options.plans ?? 2000;
  const wrap = options.wrap ?? DEFAULT_WRAP;
  const items = options.items ?? 300_000;
  const script = fileURLToPath(import.meta.url);
  const jobs: [string, string][] = [...sizes.map((mb): [string, string] => ['plan', `${seed}:${mb}:${wrap}`])];
  if (items > 0) jobs.push(['items', String(items)]);
  if (plans > 0) jobs.push(['folder', String(plans)]);
  const results: (ScaleResult | ScaleFailure)[] = [];
  for (const [kind, arg] of jobs) {
    const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', script, '--child', kind, arg], {
      encoding: 'utf8',
      maxBuffer: 16 * MB,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.status !== 0) {
      results.push({ label: `${kind} ${arg}`, error: child.stderr.trim() || `exit ${child.status}` });
      continue;
    }
    results.push(...(JSON.parse(child.stdout.trim().split('\n').pop()!) as ScaleResult[]));
  }
  return results;
}

const fmtMb = (n: number): string => `${(n / MB).toFixed(1)} MB`;

/** The results as a table, with the growth of time per MB across the big-plan sizes. */
export function formatResults(all: (ScaleResult | ScaleFailure)[]): string {
  const results = all.filter((r): r is ScaleResult => !('error' in r));
  const failures = all.filter((r): r is ScaleFailure => 'error' in r);
  const rows = results.map(
    (r) =>
      `${r.label.padEnd(52)} ${fmtMb(r.bytes).padStart(9)} ${String(r.tasks).padStart(8)} tasks ${(r.ms / 1000).toFixed(2).padStart(7)} s (cpu ${(r.cpuMs / 1000).toFixed(2)} s) ` +
      `${(r.bytes / MB / (r.ms / 1000)).toFixed(1).padStart(6)} MB/s ${((r.cpuMs / r.bytes) * MB).toFixed(0).padStart(6)} cpu ms/MB  peak RSS ${fmtMb(r.peakRss).padStart(9)} (kernel max ${fmtMb(r.maxRss)}, before ${fmtMb(r.baseRss)})`,
  );
  const plans = results.filter((r) => r.label.startsWith('plan '));
  if (plans.length >= 2 && plans.every((p) => p.label.includes('seed'))) {
    const first = plans[0]!;
    const last = plans[plans.length - 1]!;
    const sizeRatio = last.bytes / first.bytes;
    const timeRatio = last.cpuMs / first.cpuMs;
    // Time grows as size^k: k ≈ 1 is linear, 2 is quadratic.
    const exponent = Math.log(timeRatio) / Math.log(sizeRatio);
    rows.push(
      `growth: ${sizeRatio.toFixed(1)}× the input took ${timeRatio.toFixed(1)}× the CPU time (exponent ${exponent.toFixed(2)}; 1 is linear, 2 quadratic)` +
        (exponent > 1.4 ? '  ← SUPERLINEAR' : ''),
    );
  }
  for (const f of failures) rows.push(`FAILED ${f.label}: ${f.error.split('\n').slice(0, 3).join(' | ')}`);
  return rows.join('\n') + '\n';
}

function argValue(argv: string[], name: string): string | undefined {
  const k = argv.indexOf(name);
  return k === -1 ? undefined : argv[k + 1];
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') {
    try {
      const results = await runCase(argv[1]!, argv[2]!);
      process.stdout.write(JSON.stringify(results) + '\n');
    } catch (error) {
      process.stderr.write(error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error));
      process.exitCode = 1;
    }
    return;
  }
  const sizes = argValue(argv, '--sizes')?.split(',').map(Number);
  const plans = argValue(argv, '--plans');
  const seed = argValue(argv, '--seed');
  const items = argValue(argv, '--items');
  const wrap = argv.includes('--no-wrap') ? 0 : undefined;
  const results = benchScale({
    ...(wrap !== undefined ? { wrap } : {}),
    ...(sizes ? { sizes } : {}),
    ...(plans ? { plans: Number(plans) } : {}),
    ...(seed ? { seed } : {}),
    ...(items ? { items: Number(items) } : {}),
  });
  process.stdout.write(formatResults(results));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench-scale: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
