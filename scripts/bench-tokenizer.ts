/**
 * The tokenizer's dictionaries, measured. Run: `npx tsx scripts/bench-tokenizer.ts [--accuracy]`
 * (both parts run in `npm run bench`).
 *  - time and resident memory to load nodejieba and cut two plans' tasks, in a fresh process: with the
 *    full dictionary (as before) and as plandiff does (only the words the announced texts need);
 *  - whether plandiff cuts every bundled plan's tasks, each plan as if never seen (a fresh load with
 *    only its own words), and the texts of the test fixtures, exactly as the full dictionary does;
 *  - whether the HMM model and the field (user) dictionary change any cut;
 *  - `--accuracy`: alignment accuracy on the development labels and every reading, plans cut with the
 *    full dictionary (before) and as plandiff does (after).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { preparePlan, type PreparedPlan } from '../src/align/prepare';
import { loadPlan } from '../src/corpus';
import { tokenize, type Tokenizer } from '../src/text/tokenize';
import { announcePlan, defaultTokenizer, fieldDictPath, jiebaSideFiles, jiebaTokenizerWith } from '../src/text/tokenizer-jieba';
import { fullDictPath } from './build-jieba-dict';
import { evalAlignment, evalReading, readingPaths } from './eval-align';

const ROOT = join(import.meta.dirname, '..');
const IDS = ['pudong-2022', 'putuo-2023', 'jiading-2023', 'songjiang-2024', 'baoshan-2024'];

/** Cost of loading nodejieba and cutting the tasks of two plans in a fresh process (median of `runs`). */
function loadCost(mode: 'full' | 'plandiff', runs = 3): { ms: number; cpuMs: number; rssMb: number; baseRssMb: number } {
  const script = `
    import { loadPlan } from './src/corpus';
    import { tokenize } from './src/text/tokenize';
    import { defaultTokenizer, fieldDictPath, jiebaTokenizerWith } from './src/text/tokenizer-jieba';
    const texts = ['putuo-2023', 'songjiang-2024'].flatMap((id) => loadPlan(id).tasks.map((t) => t.text));
    const base = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    let tokenizer;
    if (${JSON.stringify(mode)} === 'full') tokenizer = jiebaTokenizerWith({ userDict: fieldDictPath() });
    else { tokenizer = defaultTokenizer(); tokenizer.prepare(texts); }
    for (const text of texts) tokenize(text, { tokenizer });
    const ms = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rss: process.memoryUsage().rss, base }));`;
  const out: { ms: number; cpuMs: number; rss: number; base: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    out.push(JSON.parse(r.stdout) as { ms: number; cpuMs: number; rss: number; base: number });
  }
  out.sort((a, b) => a.cpuMs - b.cpuMs);
  const m = out[Math.floor(out.length / 2)]!;
  return { ms: m.ms, cpuMs: m.cpuMs, rssMb: m.rss / 2 ** 20, baseRssMb: m.base / 2 ** 20 };
}

/** A plan's task texts and names. */
const planTexts = (id: string): string[] => loadPlan(id).tasks.flatMap((t) => (t.name ? [t.text, t.name] : [t.text]));
const cutAll = (texts: readonly string[], tokenizer: Tokenizer): string[] => texts.map((t) => tokenize(t, { tokenizer }).map((k) => k.text).join(' '));
const differing = (a: readonly string[], b: readonly string[]): number => a.filter((x, i) => x !== b[i]).length;

/** Texts of the test fixtures (layouts and malformed inputs): text plandiff's dictionaries were not made from. */
function fixtureTexts(): string[] {
  const dir = join(ROOT, 'test', 'fixtures');
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (/\.(txt|md)$/.test(e.name)) out.push(...readFileSync(join(d, e.name), 'utf8').split('\n').filter((l) => /\p{Script=Han}/u.test(l)));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export function benchTokenizer(options: { log?: (s: string) => void } = {}): void {
  const log = options.log ?? console.log;
  const full = loadCost('full');
  const lean = loadCost('plandiff');
  log(`load nodejieba and cut the tasks of putuo-2023 and songjiang-2024, fresh process (tsx, holding ${full.baseRssMb.toFixed(0)} MB before the load), median of 3:`);
  log(`  full dictionary (349k words) + field dictionary (before): ${full.ms.toFixed(0)} ms, CPU ${full.cpuMs.toFixed(0)} ms, resident ${full.rssMb.toFixed(0)} MB`);
  log(`  only the words the announced texts need (plandiff):       ${lean.ms.toFixed(0)} ms, CPU ${lean.cpuMs.toFixed(0)} ms, resident ${lean.rssMb.toFixed(0)} MB`);

  const fullFiles = { userDict: fieldDictPath() };
  let total = 0;
  let diff = 0;
  const rows: string[] = [];
  for (const id of IDS) {
    const texts = planTexts(id);
    const reference = cutAll(texts, jiebaTokenizerWith(fullFiles));
    // jiebaTokenizerWith unloaded the default tokenizer's words: this load holds only this plan's
    const ours = defaultTokenizer();
    ours.prepare(texts);
    const d = differing(reference, cutAll(texts, ours));
    rows.push(`${id} ${d}/${texts.length}`);
    total += texts.length;
    diff += d;
  }
  log(`task texts and names cut differently from the full dictionary, each plan loaded as if never seen: ${diff} of ${total} (${rows.join(', ')})`);
  const fixtures = fixtureTexts();
  const fixtureRef = cutAll(fixtures, jiebaTokenizerWith(fullFiles));
  defaultTokenizer().prepare(fixtures);
  log(`lines of the test fixtures cut differently: ${differing(fixtureRef, cutAll(fixtures, defaultTokenizer()))} of ${fixtures.length}`);

  const all = IDS.flatMap(planTexts);
  const reference = cutAll(all, jiebaTokenizerWith(fullFiles));
  const side = jiebaSideFiles();
  const stubs = cutAll(all, jiebaTokenizerWith({ ...fullFiles, hmmDict: side.hmmDict, idfDict: side.idfDict, stopWordDict: side.stopWordDict }));
  const hmm = jiebaTokenizerWith(fullFiles);
  const withHmm = cutAll(all, { cut: (t) => hmm.cutHMM(t) });
  const noField = cutAll(all, jiebaTokenizerWith({ dict: fullDictPath() }));
  log(`of the ${all.length} task texts and names of the bundled plans, cut differently from the full dictionary + field dictionary:`);
  log(`  with the stub HMM model, idf and stop words: ${differing(reference, stubs)} (cuts use no HMM: the model is never consulted)`);
  log(`  if the cut used the HMM (cut(text, true)):  ${differing(reference, withHmm)} (plandiff does not)`);
  log(`  without the field (user) dictionary:        ${differing(reference, noField)} (so it is loaded)`);
}

/** The development labels and every reading, each with its pair and a scorer. */
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
          return `${fmt(e.precision, e.recall, e.f1)}, lenient P ${e.lenientPrecision.toFixed(3)}`;
        },
      };
    }),
  ];
}

/** Alignment accuracy on the development labels and every reading: plans cut with the full dictionary
 * (before) and as plandiff cuts them (after). */
export function benchAccuracy(options: { log?: (s: string) => void } = {}): void {
  const log = options.log ?? console.log;
  const fullTok = jiebaTokenizerWith({ userDict: fieldDictPath() });
  const before = Object.fromEntries(IDS.map((id) => [id, preparePlan(loadPlan(id), { tokenizer: fullTok })]));
  const after: Record<string, PreparedPlan> = {};
  for (const id of IDS) {
    const plan = loadPlan(id);
    announcePlan(plan);
    after[id] = preparePlan(plan, { tokenizer: defaultTokenizer() });
  }
  log('alignment accuracy by reading: full dictionary (before) → plandiff (after):');
  for (const r of readings()) {
    const b = r.score(before);
    const a = r.score(after);
    log(`  ${r.name} (${r.a} ↔ ${r.b}): ${b} → ${a === b ? 'the same' : a}`);
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  if (process.argv.includes('--accuracy')) benchAccuracy();
  else benchTokenizer();
}
