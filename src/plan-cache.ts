/**
 * A content-addressed on-disk cache of loaded and tokenized plans, for the CLI: a run over plans it has
 * read before skips decoding, parsing and tokenizing (and so nodejieba's dictionary load and the
 * traditional-character converter) and reads one JSON file per plan.
 *
 * The key covers everything the result depends on: the file's bytes, the name it is cited by, its corpus
 * entry, the size limit, the tokenizer (jieba version and field dictionary), and the code itself (the
 * running bundle, or every source file when run from source), so that a new version of plandiff never
 * reads what an older one wrote. Files that fail to load are not cached: they fail the same way each
 * time. Entries are `plan-<sha1>.json` under the cache folder, written atomically when the process exits;
 * past {@link MAX_PLAN_ENTRIES} entries the least recently used are removed. A second, read-only folder
 * (`shipped`) can hold entries made when the package was built, so that the bundled plans are read
 * without tokenizing on a machine's first run too (scripts/ship-plan-cache.mjs).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath, findPlan, loadPlanFile, type LoadOptions } from './corpus';
import { preparePlan, type PreparedPlan } from './align/prepare';
import type { Tokenizer } from './text/tokenize';
import type { CorpusEntry, Plan } from './types';
import { announcePlan } from './text/tokenizer-jieba';

/** Options of {@link createPlanCache}. */
export interface PlanCacheOptions {
  /** Cache folder, created when missing */
  dir: string;
  /** Tokenizer for plans not in the cache (e.g. the token cache) */
  tokenizer?: Tokenizer;
  /** Version string mixed into every key (default: the code's and the tokenizer's) */
  version?: string;
  /** Write new entries when the process exits (default true) */
  flushOnExit?: boolean;
  /** Most plan entries the folder keeps; the least recently used go first (default {@link MAX_PLAN_ENTRIES}) */
  maxEntries?: number;
  /** A folder of entries made when the package was built (the bundled corpus), read when `dir` has no
   * entry for a key and never written; its entries match only the code and tokenizer that made them */
  shipped?: string;
}

/** Plan entries kept in the cache folder (100–200 KB each); the least recently used go first. */
export const MAX_PLAN_ENTRIES = 500;

/** Loads plans through the cache. */
export interface PlanCache {
  /** The plan a reference names (corpus id or path), parsed and tokenized */
  load(ref: string, options?: LoadOptions): PreparedPlan;
  /** A plan file, with its corpus entry when it has one (as `loadPlanFile` takes them), parsed and tokenized */
  loadFile(file: string, entry: CorpusEntry | null, options?: LoadOptions): PreparedPlan;
  /** Write the entries made since the last flush */
  flush(): void;
  /** Hits and misses since creation */
  stats(): { hits: number; misses: number };
}

const FORMAT = 1;
const sha1 = (s: string | Uint8Array): string => createHash('sha1').update(s).digest('hex');

let code: string | null = null;
/** A hash of the running code: the bundle file, or every file of the source tree when run from source. */
export function codeVersion(): string {
  if (code !== null) return code;
  const here = fileURLToPath(import.meta.url);
  const h = createHash('sha1');
  if (extname(here) === '.ts') {
    // running from source (tests, tsx): src/plan-cache.ts → every file under src/
    const root = dirname(here);
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else h.update(path.slice(root.length)).update(readFileSync(path));
      }
    };
    walk(root);
  } else {
    h.update(readFileSync(here));
  }
  code = h.digest('hex');
  return code;
}

/**
 * Create a plan cache in `dir`.
 *
 * @example const cache = createPlanCache({ dir }); const a = cache.load('putuo-2023'); alignPlans(a, cache.load('songjiang-2024'));
 */
export function createPlanCache(options: PlanCacheOptions): PlanCache {
  const { dir, tokenizer } = options;
  const version = options.version ?? `${codeVersion()}:${tokenizer?.id ?? 'jieba'}`;
  const pending = new Map<string, string>();
  let hits = 0;
  let misses = 0;
  const entryFile = (key: string): string => join(dir, `plan-${key}.json`);
  const touch = (file: string): void => {
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // a read-only cache folder still serves hits
    }
  };

  const flush = (): void => {
    if (pending.size === 0) return;
    try {
      mkdirSync(dir, { recursive: true });
      for (const [key, json] of pending) {
        // an entry is written only after a miss, so this also replaces one that could not be read
        const file = entryFile(key);
        const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
        writeFileSync(tmp, json);
        renameSync(tmp, file);
      }
      prune();
    } catch {
      // a cache that cannot be written costs time on the next run, never a result
    }
    pending.clear();
  };
  /** Past the cap, remove the entries used least recently (a hit touches its entry). */
  const prune = (): void => {
    const cap = options.maxEntries ?? MAX_PLAN_ENTRIES;
    const entries = readdirSync(dir).filter((f) => /^plan-[0-9a-f]{40}\.json$/.test(f));
    if (entries.length <= cap) return;
    const byAge = entries
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((x, y) => x.t - y.t || (x.f < y.f ? -1 : 1));
    for (const { f } of byAge.slice(0, entries.length - cap)) rmSync(join(dir, f), { force: true });
  };
  if (options.flushOnExit ?? true) process.once('exit', flush);
  /** The prepared plan an entry file holds, or null when there is none or it cannot be read */
  const readEntry = (file: string): PreparedPlan | null => {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; prepared?: PreparedPlan };
      const p = stored.prepared;
      return stored.format === FORMAT && p && Array.isArray(p.tasks) && Array.isArray(p.plan?.tasks) && p.tasks.length === p.plan.tasks.length ? p : null;
    } catch {
      // not cached (or unreadable): load it
      return null;
    }
  };

  /** Tell the tokenizer the plan's texts, also on a hit: should anything cut them later (the diff does),
   * it loads the words of every plan at once */
  const announce = (plan: Plan): void => announcePlan(plan, tokenizer);

  const loadFile = (file: string, entry: CorpusEntry | null, load: LoadOptions = {}): PreparedPlan => {
    // the size check comes first, as when the file is read without the cache
    const bytes = statSync(file).size <= (load.maxBytes ?? Infinity) ? readFileSync(file) : null;
    const key = bytes
      ? sha1(`${version}\u0000${displayPath(file)}\u0000${JSON.stringify(entry)}\u0000${load.maxBytes ?? ''}\u0000${sha1(bytes)}`)
      : null;
    if (key) {
      const own = readEntry(entryFile(key));
      if (own) {
        hits++;
        touch(entryFile(key));
        announce(own.plan);
        return own;
      }
      const shipped = options.shipped ? readEntry(join(options.shipped, `plan-${key}.json`)) : null;
      if (shipped) {
        hits++;
        announce(shipped.plan);
        return shipped;
      }
    }
    misses++;
    const plan = loadPlanFile(file, entry, load);
    announce(plan);
    const prepared = preparePlan(plan, { tokenizer });
    if (key) pending.set(key, JSON.stringify({ format: FORMAT, prepared }));
    return prepared;
  };

  return {
    load(ref: string, load: LoadOptions = {}): PreparedPlan {
      const { file, entry } = findPlan(ref, load);
      return loadFile(file, entry, load);
    },
    loadFile,
    flush,
    stats: () => ({ hits, misses }),
  };
}
