/**
 * The tokenizer's dictionaries, measured. Run: `npx tsx scripts/bench-tokenizer.ts [--top 20000,60000,120000]`
 * (also part of `npm run bench`).
 *  - load time and resident memory of nodejieba with its full dictionary and with plandiff's
 *    (src/lexicon/jieba-dict.utf8), each in a fresh process;
 *  - whether plandiff's dictionary cuts every bundled plan's tasks exactly as the full one does;
 *  - held out: for each bundled plan, a dictionary built without it (scripts/build-jieba-dict.ts's rules),
 *    and how many of that plan's tasks it cuts differently from the full dictionary: the figure for plans
 *    plandiff has not seen;
 *  - whether the HMM model and the field (user) dictionary change any cut.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { preparePlan, type PreparedPlan } from '../src/align/prepare';
import { loadPlan } from '../src/corpus';
import { tokenize, type Tokenizer } from '../src/text/tokenize';
import { fieldDictPath, jiebaDictFiles, jiebaTokenizerWith, type JiebaFiles } from '../src/text/tokenizer-jieba';
import { DEFAULT_TOP, buildDict, bundledTexts, fullDictPath, readDict } from './build-jieba-dict';
import { evalAlignment, evalReading, readingPaths } from './eval-align';

const ROOT = join(import.meta.dirname, '..');

/** Load time and resident memory of nodejieba with `files`, in a fresh process (median of `runs`). */
export function loadCost(files: JiebaFiles, runs = 3): { ms: number; rssMb: number; baseRssMb: number } {
  const script = `
    const { createRequire } = require('node:module');
    const base = process.memoryUsage().rss;
    const t = performance.now();
    const nj = require('nodejieba');
    nj.load(${JSON.stringify(files)});
    nj.cut('政务公开');
    const ms = performance.now() - t;
    console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss, base }));`;
  const out: { ms: number; rss: number; base: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    out.push(JSON.parse(r.stdout) as { ms: number; rss: number; base: number });
  }
  out.sort((a, b) => a.ms - b.ms);
  const m = out[Math.floor(out.length / 2)]!;
  return { ms: m.ms, rssMb: m.rss / 2 ** 20, baseRssMb: m.base / 2 ** 20 };
}

/** Every task's tokens (text and name), one string per task. */
function cutTasks(ids: readonly string[], tokenizer: Tokenizer): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of ids) {
    const plan = loadPlan(id);
    out.set(
      id,
      plan.tasks.map((t) => [t.text, t.name ?? ''].map((s) => tokenize(s, { tokenizer }).map((k) => k.text).join(' ')).join(' | ')),
    );
  }
  return out;
}

/** Tasks whose cut differs between two runs, and their count. */
function differing(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  a.forEach((x, i) => {
    if (x !== b[i]) n++;
  });
  return n;
}

export interface TokenizerBench {
  lines: string[];
}

export function benchTokenizer(options: { tops?: number[]; log?: (s: string) => void } = {}): void {
  const log = options.log ?? console.log;
  const ours = jiebaDictFiles();
  const fullFiles: JiebaFiles = { userDict: fieldDictPath() };
  const full = loadCost(fullFiles);
  const lean = loadCost(ours);
  log(`nodejieba load (fresh process, median of 3; Node alone ${full.baseRssMb.toFixed(0)} MB):`);
  log(`  full dictionary (349k words) + field dictionary:       ${full.ms.toFixed(0)} ms, resident ${full.rssMb.toFixed(0)} MB`);
  log(`  plandiff's dictionary (src/lexicon/jieba-dict.utf8):   ${lean.ms.toFixed(0)} ms, resident ${lean.rssMb.toFixed(0)} MB`);

  const plans = bundledTexts(ROOT);
  const ids = plans.map((p) => p.id);
  const total = ids.reduce((s, id) => s + loadPlan(id).tasks.length, 0);
  const reference = cutTasks(ids, jiebaTokenizerWith(fullFiles));
  const hmmCut = jiebaTokenizerWith(fullFiles);
  const withHmm = cutTasks(ids, { cut: (t) => hmmCut.cutHMM(t) });
  const noField = cutTasks(ids, jiebaTokenizerWith({}));
  const lean2 = cutTasks(ids, jiebaTokenizerWith(ours));
  const stubHmmFull = cutTasks(ids, jiebaTokenizerWith({ ...fullFiles, hmmDict: ours.hmmDict, idfDict: ours.idfDict, stopWordDict: ours.stopWordDict }));
  const count = (m: Map<string, string[]>): number => ids.reduce((s, id) => s + differing(reference.get(id)!, m.get(id)!), 0);
  log(`tasks of the ${ids.length} bundled plans (${total}) cut differently from the full dictionary + field dictionary:`);
  log(`  plandiff's dictionary:                                  ${count(lean2)}`);
  log(`  full dictionary with the stub HMM, idf and stop words:  ${count(stubHmmFull)} (cuts use no HMM)`);
  log(`  if cuts used the HMM (cut(text, true)):                 ${count(withHmm)} (plandiff does not)`);
  log(`  without the field (user) dictionary:                    ${count(noField)} (so it is loaded)`);

  // held out: a dictionary built without one plan's text, against the full one on that plan
  const fullDict = readDict(fullDictPath());
  const tmp = mkdtempSync(join(tmpdir(), 'plandiff-dict-'));
  try {
    for (const top of options.tops ?? [DEFAULT_TOP]) {
      const rows: string[] = [];
      let diff = 0;
      let words = 0;
      for (const held of ids) {
        const { text, words: w } = buildDict({ full: fullDict, texts: plans.filter((p) => p.id !== held).flatMap((p) => p.texts), top });
        words = Math.max(words, w);
        const file = join(tmp, `dict-${held}.utf8`);
        writeFileSync(file, text);
        const cut = cutTasks([held], jiebaTokenizerWith({ ...ours, dict: file }));
        const d = differing(reference.get(held)!, cut.get(held)!);
        diff += d;
        rows.push(`${held} ${d}/${reference.get(held)!.length}`);
      }
      log(
        `held out (dictionary built without the plan, top ${top} general words, ≤ ${words} words): tasks cut differently ${diff}/${total} ` +
          `(${((100 * diff) / total).toFixed(1)} %): ${rows.join(', ')}`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The pair of plans each reading (and the development labels) covers. */
function readings(): { name: string; a: string; b: string; score: (plans: Record<string, PreparedPlan>) => string }[] {
  const fmt = (p: number, r: number, f: number): string => `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f.toFixed(3)}`;
  const dev = JSON.parse(readFileSync(join(ROOT, 'dev-labels', 'alignment-dev.json'), 'utf8')) as { a: string; b: string };
  return [
    {
      name: 'development labels',
      a: dev.a,
      b: dev.b,
      score: (plans) => {
        const e = evalAlignment({ plans });
        return fmt(e.precision, e.recall, e.f1);
      },
    },
    ...readingPaths().map((path) => {
      const { a, b } = JSON.parse(readFileSync(path, 'utf8')) as { a: string; b: string };
      return {
        name: path.replace(/.*\//, ''),
        a,
        b,
        score: (plans: Record<string, PreparedPlan>) => {
          const e = evalReading({ path, plans });
          return `${fmt(e.precision, e.recall, e.f1)} lenient P ${e.lenientPrecision.toFixed(3)}`;
        },
      };
    }),
  ];
}

/**
 * Alignment accuracy on the development labels and every reading, with plans cut by: the full dictionary,
 * plandiff's dictionary, and a dictionary built by the same rules without the pair's two plans (as for
 * plans plandiff has never seen).
 */
export function benchAccuracy(options: { top?: number; log?: (s: string) => void } = {}): void {
  const log = options.log ?? console.log;
  const top = options.top ?? DEFAULT_TOP;
  const ids = bundledTexts(ROOT).map((p) => p.id);
  const prepareAll = (tokenizer: Tokenizer, only: readonly string[] = ids): Record<string, PreparedPlan> =>
    Object.fromEntries(only.map((id) => [id, preparePlan(loadPlan(id), { tokenizer })]));
  const full = prepareAll(jiebaTokenizerWith({ userDict: fieldDictPath() }));
  const ours = prepareAll(jiebaTokenizerWith(jiebaDictFiles()));
  const plans = bundledTexts(ROOT);
  const fullDict = readDict(fullDictPath());
  const tmp = mkdtempSync(join(tmpdir(), 'plandiff-dict-'));
  log(`alignment accuracy, plans cut with: the full dictionary | plandiff's | one built without the pair's two plans (top ${top}):`);
  try {
    for (const r of readings()) {
      const file = join(tmp, `dict-${r.a}-${r.b}.utf8`);
      writeFileSync(file, buildDict({ full: fullDict, texts: plans.filter((p) => p.id !== r.a && p.id !== r.b).flatMap((p) => p.texts), top }).text);
      const held = prepareAll(jiebaTokenizerWith({ ...jiebaDictFiles(), dict: file }), [r.a, r.b]);
      log(`  ${r.name} (${r.a} ↔ ${r.b}):`);
      log(`    full ${r.score(full)} | plandiff ${r.score(ours)} | held out ${r.score(held)}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const at = process.argv.indexOf('--top');
  const tops = at >= 0 ? process.argv[at + 1]!.split(',').map(Number) : undefined;
  if (process.argv.includes('--accuracy')) benchAccuracy({ top: tops?.[0] });
  else benchTokenizer({ tops });
}
