/**
 * A new user's first command, measured as a whole process. Run: `npx tsx scripts/bench-startup.ts [--rounds 5]`
 * (also part of `npm run bench`; needs the built CLI, `npm run build`).
 *
 * `plandiff align A B --format json` with an empty cache folder, on two plans of one's own (two seeds copied
 * under new names into a temporary folder: nothing is cached for them anywhere) and on the bundled ids
 * (read from dist/plan-cache), side by side in alternating rounds with the notebook baseline
 * (scripts/notebook-baseline.py: Python jieba + scikit-learn TF-IDF cosine over the same two plans' task
 * texts, run with /usr/bin/python3). Then the same command again with the cache it filled (warm). Wall time
 * includes process start; CPU time (user + system) and peak memory (maximum resident set) come from
 * /usr/bin/time when it is there.
 * The baseline is skipped with a notice when python3, jieba or scikit-learn is missing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPlan } from '../src/corpus';

const ROOT = join(import.meta.dirname, '..');
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';

/** One whole-process run: wall time (ms), CPU time (user + system, ms) and peak resident memory (MB);
 * NaN when unknown. */
interface Run {
  ms: number;
  cpuMs: number;
  peakMb: number;
  code: number | null;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const timed = existsSync(TIME);
  const t = performance.now();
  const r = spawnSync(timed ? TIME : cmd, timed ? ['-f', '\nPEAK_KB %M CPU_S %U %S', cmd, ...args] : args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  const m = /PEAK_KB (\d+) CPU_S ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return { ms, cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : NaN, peakMb: m ? Number(m[1]) / 1024 : NaN, code: r.status };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function summary(runs: readonly Run[]): string {
  const failed = runs.filter((r) => r.code !== 0).length;
  return (
    `median ${median(runs.map((r) => r.ms)).toFixed(0)} ms (min ${Math.min(...runs.map((r) => r.ms)).toFixed(0)}), ` +
    `CPU ${median(runs.map((r) => r.cpuMs)).toFixed(0)} ms, ` +
    `peak ${median(runs.map((r) => r.peakMb)).toFixed(0)} MB` +
    (failed ? `, ${failed} runs FAILED` : '')
  );
}

/** Whether the notebook baseline can run here, and why not. */
function baselineMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const r = spawnSync(PYTHON, ['-c', 'import jieba, sklearn'], { encoding: 'utf8' });
  return r.status === 0 ? null : 'python3-jieba or python3-sklearn is not installed (apt-get install python3-jieba python3-sklearn)';
}

export function benchStartup(options: { rounds?: number; log?: (s: string) => void } = {}): void {
  const log = options.log ?? console.log;
  const rounds = options.rounds ?? 5;
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    log('dist/cli.js is missing: run `npm run build` first');
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'plandiff-bench-start-'));
  try {
    // two seeds as plans of one's own: new names, a folder of their own
    const own = ['000_', '002_'].map((prefix, k) => {
      const name = readdirSync(join(ROOT, 'seeds')).find((f) => f.startsWith(prefix))!;
      const file = join(work, `my-plan-${k + 1}.txt`);
      copyFileSync(join(ROOT, 'seeds', name), file);
      return file;
    });
    const ids = ['putuo-2023', 'songjiang-2024'];
    const tasksJson = join(work, 'tasks.json');
    writeFileSync(tasksJson, JSON.stringify(own.map((f) => loadPlan(f).tasks.map((t) => t.text))));
    const missing = baselineMissing();
    if (missing) log(`notice: the notebook baseline is skipped: ${missing}`);
    const baseline = join(ROOT, 'scripts', 'notebook-baseline.py');
    let n = 0;
    const cache = (): string => join(work, `cache-${n++}`);
    // warm-up, untimed: the files are in the OS cache, jieba has built its own prefix-dict cache
    run(process.execPath, [cli, 'align', ...own, '--format', 'json'], { PLANDIFF_CACHE_DIR: cache() });
    if (!missing) run(PYTHON, [baseline, tasksJson]);

    const cold: Run[] = [];
    const bundled: Run[] = [];
    const notebook: Run[] = [];
    const warm: Run[] = [];
    for (let i = 0; i < rounds; i++) {
      const dir = cache();
      cold.push(run(process.execPath, [cli, 'align', ...own, '--format', 'json'], { PLANDIFF_CACHE_DIR: dir }));
      if (!missing) notebook.push(run(PYTHON, [baseline, tasksJson]));
      bundled.push(run(process.execPath, [cli, 'align', ...ids, '--format', 'json'], { PLANDIFF_CACHE_DIR: cache() }));
      warm.push(run(process.execPath, [cli, 'align', ...own, '--format', 'json'], { PLANDIFF_CACHE_DIR: dir }));
    }
    log(`plandiff align A B --format json, whole process, ${rounds} alternating rounds:`);
    log(`  two plans of one's own, empty cache:      ${summary(cold)}  (goal: ≤ 0.35× the notebook, ≤ 150 MB)`);
    log(`  bundled ids ${ids.join(' ')}, empty cache: ${summary(bundled)}  (read from dist/plan-cache)`);
    log(`  two plans of one's own, warm cache:       ${summary(warm)}`);
    if (!missing) {
      log(`  notebook baseline (Python jieba + scikit-learn TF-IDF, same task texts): ${summary(notebook)}`);
      const ratio = median(cold.map((r) => r.ms)) / median(notebook.map((r) => r.ms));
      const cpuRatio = median(cold.map((r) => r.cpuMs)) / median(notebook.map((r) => r.cpuMs));
      log(`  own plans, cold ÷ notebook: wall ${ratio.toFixed(2)}× (goal ≤ 0.35), CPU ${cpuRatio.toFixed(2)}× (the machine's load moves wall times; CPU time less)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const at = process.argv.indexOf('--rounds');
  benchStartup({ rounds: at >= 0 ? Number(process.argv[at + 1]) : undefined });
}
