/**
 * The corpus loader: manifests of plans, and plan references that are either a corpus id or a file path.
 * With src/cli.ts, src/plan-cache.ts and src/io/, the only code that touches the file system.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlanParseError } from './errors';
import { sourceCharMap, sourceTextOf } from './diff/display';
import { decodeBytes } from './io/decode';
import { readPlanFile } from './io/read';
import { parsePlan } from './parse/plan';
import { createProgress } from './io/progress';
import type { CorpusEntry, Plan, Task } from './types';

/** Plans longer than this (characters) show a progress bar while they parse, on a terminal only. */
const PROGRESS_MIN_CHARS = 5_000_000;

/** A manifest loaded from disk, with each entry's file resolved to an absolute path. */
export interface Corpus {
  /** Folder holding the manifest */
  dir: string;
  /** Usable entries in manifest order */
  entries: CorpusEntry[];
  /** Entries that could not be used (no id, no file, a repeated id), each with its reason */
  problems: SkippedPlan[];
}

/** A plan that could not be loaded in a batch, and why. */
export interface SkippedPlan {
  /** Corpus id or path as given */
  ref: string;
  /** File involved */
  file: string;
  /** Error code (see PlanErrorCode) */
  code: string;
  /** The error message */
  reason: string;
}

/** The outcome of loading many plans: what loaded, and what was skipped with the reason. */
export interface LoadedPlans {
  /** Plans that parsed */
  plans: Plan[];
  /** Plans that did not, each with its reason */
  skipped: SkippedPlan[];
}

/** Options shared by the loaders. */
export interface LoadOptions {
  /** Folder with a manifest.json to resolve ids against (default: the bundled corpus) */
  corpusDir?: string;
  /** Refuse files larger than this many bytes (default in src/io/read.ts) */
  maxBytes?: number;
}

const MANIFEST = 'manifest.json';

/** The folder of the corpus bundled with the package (`corpus/`, beside `dist/` and `src/`). */
export function bundledCorpusDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '..', 'corpus'), join(here, '..', '..', 'corpus')]) {
    if (existsSync(join(candidate, MANIFEST))) return candidate;
  }
  return join(here, '..', 'corpus');
}

/** Reads a manifest (`{ plans: CorpusEntry[] }`) from a folder; files are resolved against that folder. */
export function loadCorpus(dir: string = bundledCorpusDir()): Corpus {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) {
    throw new PlanParseError('not-found', path, null, 'no manifest.json in this folder');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new PlanParseError('bad-manifest', path, null, `manifest is not valid JSON (${(err as Error).message})`);
  }
  const list = (raw as { plans?: unknown }).plans;
  if (!Array.isArray(list)) {
    throw new PlanParseError('bad-manifest', path, null, 'manifest needs a "plans" array');
  }
  const entries: CorpusEntry[] = [];
  const problems: SkippedPlan[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    try {
      const entry = checkEntry(item, i, path, dir);
      if (seen.has(entry.id)) {
        throw new PlanParseError('bad-manifest', path, null, `plan id "${entry.id}" appears twice`);
      }
      seen.add(entry.id);
      entries.push(entry);
    } catch (err) {
      if (!(err instanceof PlanParseError)) throw err;
      const id = (item as { id?: unknown } | null)?.id;
      problems.push({ ref: typeof id === 'string' ? id : `plans[${i}]`, file: path, code: err.code, reason: err.message });
    }
  });
  return { dir, entries, problems };
}

function checkEntry(item: unknown, index: number, path: string, dir: string): CorpusEntry {
  const e = item as Partial<CorpusEntry> | null;
  const where = `plans[${index}]`;
  if (!e || typeof e !== 'object') throw new PlanParseError('bad-manifest', path, null, `${where} is not an object`);
  if (typeof e.id !== 'string' || !e.id) throw new PlanParseError('bad-manifest', path, null, `${where} has no "id"`);
  if (typeof e.file !== 'string' || !e.file) {
    throw new PlanParseError('bad-manifest', path, null, `${where} ("${e.id}") has no "file"`);
  }
  return {
    id: e.id,
    district: typeof e.district === 'string' ? e.district : '',
    year: typeof e.year === 'number' ? e.year : 0,
    issuer: e.issuer ?? null,
    docNumber: e.docNumber ?? null,
    issueDate: e.issueDate ?? null,
    file: resolve(dir, e.file),
  };
}

/** Finds a corpus entry by id, or null. */
export function findEntry(corpus: Corpus, id: string): CorpusEntry | null {
  return corpus.entries.find((e) => e.id === id) ?? null;
}

/**
 * How a plan file is named in sources and reports: bundled plans relative to the package (`seeds/…`), so
 * that output is the same on every machine; other files relative to the working folder when inside it.
 */
export function displayPath(file: string): string {
  const abs = resolve(file);
  const bundledRoot = dirname(bundledCorpusDir());
  const inPackage = relative(bundledRoot, abs);
  if (!inPackage.startsWith('..') && !isAbsolute(inPackage) && inPackage.startsWith('seeds')) return inPackage.split('\\').join('/');
  const inCwd = relative(process.cwd(), abs);
  return !inCwd.startsWith('..') && !isAbsolute(inCwd) ? inCwd.split('\\').join('/') : abs;
}

/** Reads and parses one plan file; manifest metadata fills what the text does not state. */
export function loadPlanFile(file: string, entry: CorpusEntry | null, options: LoadOptions = {}): Plan {
  const label = displayPath(file);
  const input = readPlanFile(file, options.maxBytes != null ? { maxBytes: options.maxBytes } : undefined);
  const id = entry?.id ?? basename(file, extname(file));
  const bar = input.text.length > PROGRESS_MIN_CHARS ? createProgress(100, `parsing ${label}`) : null;
  const plan = parsePlan(input, { file: label, id, ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}) });
  bar?.finish();
  if (input.convertedFromTraditional && !input.format) {
    // (a plain-text file: an HTML page or Word file is quoted as its extracted, converted text)
    // matching reads the simplified text; reports quote the plan in its own characters
    const source = decodeBytes(readFileSync(file), label).text.split(/\r\n|\r|\n/);
    const converted = input.text.split(/\r\n|\r|\n/);
    plan.sourceChars = sourceCharMap(source.join('\n'), converted.join('\n'));
    const span = (t: Task) => [t.source.lineStart - 1, t.source.lineEnd] as const;
    plan.sourceTexts = Object.fromEntries(
      plan.tasks.flatMap((t) => {
        const text = sourceTextOf(t.text, source.slice(...span(t)), converted.slice(...span(t)));
        return text ? [[String(t.seq), text]] : [];
      }),
    );
  }
  if (input.convertedFromTraditional && !plan.messages.some((m) => m.ruleId === 'text/converted-traditional')) {
    plan.messages.unshift({
      reason: 'the text is in traditional characters and was converted to simplified',
      place: { file: label, lineStart: 1, lineEnd: 1 },
      ruleId: 'text/converted-traditional',
      fatal: false,
    });
  }
  if (entry) {
    plan.meta = {
      ...plan.meta,
      id: entry.id,
      district: entry.district || plan.meta.district,
      year: entry.year || plan.meta.year,
      issuer: entry.issuer ?? plan.meta.issuer,
      docNumber: entry.docNumber ?? plan.meta.docNumber,
      issueDate: entry.issueDate ?? plan.meta.issueDate,
    };
  }
  return plan;
}

/** The file a plan reference names: the path itself, or the corpus entry's file; null when neither. */
export function resolvePlanPath(ref: string, options: LoadOptions = {}): string | null {
  if (existsSync(ref) && statSync(ref).isFile()) return resolve(ref);
  try {
    return findEntry(loadCorpus(options.corpusDir), ref)?.file ?? null;
  } catch {
    return null;
  }
}

/**
 * Loads a plan given as a corpus id (`putuo-2023`) or a file path. Ids are looked up in `corpusDir`'s
 * manifest (default: the bundled corpus); anything that names an existing file is read as a file.
 */
export function loadPlan(ref: string, options: LoadOptions = {}): Plan {
  const { file, entry } = findPlan(ref, options);
  return loadPlanFile(file, entry, options);
}

/**
 * The file a plan reference names and its corpus entry (null for a path): a reference that names an
 * existing file is that file; anything else is looked up as an id in `corpusDir`'s manifest.
 */
export function findPlan(ref: string, options: LoadOptions = {}): { file: string; entry: CorpusEntry | null } {
  if (existsSync(ref) && statSync(ref).isFile()) return { file: ref, entry: null };
  if (existsSync(ref) && statSync(ref).isDirectory()) {
    const manifest = existsSync(join(ref, MANIFEST)) ? ` (it has a ${MANIFEST}: pass it as --corpus to use its ids)` : '';
    throw new PlanParseError('not-found', ref, null, `this is a folder, not a plan file; give a plan's file or corpus id${manifest}`);
  }
  const corpus = loadCorpus(options.corpusDir);
  const entry = findEntry(corpus, ref);
  if (!entry) {
    const ids = corpus.entries.map((e) => e.id).join(', ');
    throw new PlanParseError('not-found', ref, null, `no such file, and no plan with this id in the corpus (ids: ${ids})`);
  }
  return { file: entry.file, entry };
}

/** Loads many plans; a plan that fails is listed in `skipped` with its reason and the others still load. */
export function loadPlans(refs: string[], options: LoadOptions = {}): LoadedPlans {
  const plans: Plan[] = [];
  const skipped: SkippedPlan[] = [];
  for (const ref of refs) {
    try {
      plans.push(loadPlan(ref, options));
    } catch (err) {
      if (!(err instanceof PlanParseError)) throw err;
      skipped.push({ ref, file: err.file, code: err.code, reason: err.message });
    }
  }
  return { plans, skipped };
}

/** Loads every plan of a corpus folder (default: the bundled corpus), skipping the ones that fail. */
export function loadCorpusPlans(dir?: string, options: LoadOptions = {}): LoadedPlans {
  const corpus = loadCorpus(dir);
  const plans: Plan[] = [];
  const skipped: SkippedPlan[] = [...corpus.problems];
  for (const entry of corpus.entries) {
    try {
      plans.push(loadPlanFile(entry.file, entry, options));
    } catch (err) {
      if (!(err instanceof PlanParseError)) throw err;
      skipped.push({ ref: entry.id, file: entry.file, code: err.code, reason: err.message });
    }
  }
  return { plans, skipped };
}
