/**
 * The nodejieba wrapper: the only module that touches the native addon. Texts are cut exactly as with
 * nodejieba's full dictionary (349k words) and the field dictionary (src/lexicon/field-dict.utf8) as its
 * user dictionary, but when the tokenizer is told what it will cut ({@link JiebaTokenizer.prepare}, as the
 * plan cache does with a plan's tasks), the addon is loaded with only the words those texts need
 * (src/text/jieba-dict.ts): a few thousand words, tens of milliseconds, instead of ~1.2 s and ~290 MB.
 * Texts announced later load again, with the words of everything announced so far. A text nobody
 * announced that needs a word not loaded makes it load the full dictionary, once.
 * Cuts use no HMM, so the HMM model, idf table and stop words nodejieba insists on reading are small
 * stub files (src/lexicon/jieba-*-stub.utf8, made by scripts/build-jieba-dict.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectWords, coversText, dictText, indexDict, loadIndex, type DictIndex } from './jieba-dict';
import type { Plan } from '../types';
import type { Tokenizer } from './tokenize';

/** Version of the segmentation rules; with nodejieba's version and a hash of the field dictionary, part of
 * every token- and plan-cache key ({@link jiebaTokenizerVersion}). Bump it when cutting changes. */
export const JIEBA_TOKENIZER_VERSION = 'jieba/field-dict-1/needed-words-2';

interface NodeJieba {
  load(options?: JiebaFiles): void;
  /** `hmm` (default false in nodejieba 3): also cut runs of single characters with the HMM */
  cut(sentence: string, hmm?: boolean): string[];
  tag(sentence: string): { word: string; tag: string }[];
  DEFAULT_DICT: string;
}

/** Dictionary files for nodejieba's `load`; a file not given is nodejieba's own. */
export interface JiebaFiles {
  /** Main dictionary (`word freq tag` per line) */
  dict?: string;
  /** HMM model */
  hmmDict?: string;
  /** User dictionary */
  userDict?: string;
  /** idf table (keyword extraction) */
  idfDict?: string;
  /** Stop words (keyword extraction) */
  stopWordDict?: string;
}

/** The default tokenizer: a {@link Tokenizer} that can be told which texts it will cut. */
export interface JiebaTokenizer extends Tokenizer {
  /** Announce texts about to be cut: the next load takes every word they need, so one load serves them all */
  prepare(texts: readonly string[]): void;
}

const require = createRequire(import.meta.url);
const nodejieba = (): NodeJieba => require('nodejieba') as NodeJieba;

/**
 * Path of a data file shipped in `src/lexicon/`, found from this module's folder both in the source tree
 * and in the built package (`dist/`).
 */
export function lexiconPath(name: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../lexicon', name), join(here, '../src/lexicon', name), join(here, '../../src/lexicon', name)];
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(`${name} not found (looked in ${candidates.join(', ')})`);
}

/** Path of the shipped field dictionary (`src/lexicon/field-dict.utf8`), nodejieba's user dictionary. */
export function fieldDictPath(): string {
  return lexiconPath('field-dict.utf8');
}

/** The files plandiff loads besides the main dictionary: the field dictionary and the stubs. */
export function jiebaSideFiles(): Required<Omit<JiebaFiles, 'dict'>> {
  const keywords = lexiconPath('jieba-keywords-stub.utf8');
  return { hmmDict: lexiconPath('jieba-hmm-stub.utf8'), userDict: fieldDictPath(), idfDict: keywords, stopWordDict: keywords };
}

let version: string | null = null;
/** What cache keys use: {@link JIEBA_TOKENIZER_VERSION}, nodejieba's version (its dictionary ships with it)
 * and a hash of the field dictionary. */
export function jiebaTokenizerVersion(): string {
  if (version === null) {
    const pkg = JSON.parse(readFileSync(join(dirname(require.resolve('nodejieba')), 'package.json'), 'utf8')) as { version: string };
    const field = createHash('sha1').update(readFileSync(fieldDictPath())).digest('hex');
    version = `${JIEBA_TOKENIZER_VERSION}:nodejieba-${pkg.version}:${field}`;
  }
  return version;
}

/** What is loaded in this process's nodejieba (its dictionaries are process-wide): the main dictionary's
 * lines by line number, or null for the full dictionary. */
/** Whitespace between two wide characters, which `tokenize` reads as a line-wrap artefact and joins across */
const LINE_WRAP = /(?<=[\u2e80-\uffff])\s+(?=[\u2e80-\uffff])/g;

let loaded: { lines: Map<number, string> | null } | null = null;
let index: DictIndex | null = null;
let announced: string[] = [];
/** Texts announced and not yet loaded, or whose words are loaded: announcing one again adds nothing (a plan
 * is announced by the plan cache, by alignPlans and by preparePlan, and its words are looked up once). */
let known = new Set<string>();
const KNOWN_MAX = 200_000;
let instance: JiebaTokenizer | null = null;

/** nodejieba's main dictionary, indexed: from the saved index when it was made from this file, else by a
 * pass over the file. */
function dictIndex(): DictIndex {
  if (index) return index;
  const buf = readFileSync(nodejieba().DEFAULT_DICT);
  index = loadIndex(buf, readFileSync(lexiconPath('jieba-dict-index.json'), 'utf8')) ?? indexDict(buf);
  return index;
}

/** Load nodejieba with the given main dictionary lines (null: the full dictionary). */
function loadLines(lines: Map<number, string> | null): void {
  const nj = nodejieba();
  if (lines === null) {
    nj.load({ ...jiebaSideFiles(), dict: nj.DEFAULT_DICT });
  } else {
    const file = join(tmpdir(), `plandiff-jieba-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.utf8`);
    try {
      writeFileSync(file, dictText(dictIndex(), lines));
    } catch {
      // no writable temporary folder: the full dictionary cuts the same, only slower to load
      nj.load({ ...jiebaSideFiles(), dict: nj.DEFAULT_DICT });
      loaded = { lines: null };
      return;
    }
    try {
      nj.load({ ...jiebaSideFiles(), dict: file });
    } finally {
      rmSync(file, { force: true });
    }
  }
  loaded = { lines };
}

/** nodejieba, loaded so that it cuts `text` as with the full dictionary. */
/** The texts whose words are loaded, joined by NUL: a text found inside one of them needs no look-up, since
 * every dictionary word it holds occurs in that text too. Past {@link COVERED_MAX} characters it is no
 * longer kept, and every cut is looked up. */
let covered = '';
const COVERED_MAX = 4_000_000;

/** True when every dictionary word of `text` is loaded. */
function isCovered(lines: ReadonlyMap<number, string>, text: string): boolean {
  if (covered.length > 0 && !text.includes('\u0000') && covered.includes(text)) return true;
  return coversText(dictIndex(), text, lines);
}

function jiebaFor(text: string): NodeJieba {
  if (loaded && (loaded.lines === null || isCovered(loaded.lines, text))) return nodejieba();
  if (announced.length === 0) {
    // nobody said what comes next: the full dictionary, once, rather than a load per text
    loadLines(null);
    covered = '';
  } else {
    const lines = new Map(loaded?.lines ?? []);
    for (const t of announced) collectWords(dictIndex(), t, lines);
    // the text may not be among those announced
    collectWords(dictIndex(), text, lines);
    // the texts covered before stay covered only when this load keeps their words (it extends the last one)
    const before = loaded?.lines ? covered : '';
    const more = `${before}\u0000${announced.join('\u0000')}\u0000${text}`;
    covered = more.length <= COVERED_MAX ? more : '';
    announced = [];
    loadLines(lines);
    // a load that fell back to the full dictionary needs no look-ups
    if (loaded?.lines === null) covered = '';
  }
  return nodejieba();
}

/**
 * Tell a tokenizer the texts of a plan before they are cut (task texts and names), so that the default
 * tokenizer loads the words of all of them at once; tokenizers without `prepare` ignore it.
 */
export function announcePlan(plan: Plan, tokenizer: Tokenizer = defaultTokenizer()): void {
  tokenizer.prepare?.(plan.tasks.flatMap((t) => (t.name ? [t.text, t.name] : [t.text])));
}

/** How many main-dictionary words the default tokenizer has loaded: `full` for the full dictionary, null
 * before its first load. */
export function jiebaLoadedWords(): number | 'full' | null {
  if (!loaded) return null;
  return loaded.lines === null ? 'full' : loaded.lines.size;
}


/**
 * A nodejieba tokenizer with other dictionary files, for the scripts that build and measure them (e.g.
 * `{ userDict }`: nodejieba's full dictionary with another user dictionary). nodejieba's dictionaries
 * are process-wide: the tokenizer this returns replaces whatever was loaded before, and the default
 * tokenizer loads its own again on its next cut.
 */
export function jiebaTokenizerWith(
  files: JiebaFiles,
): Tokenizer & { tag(text: string): { word: string; tag: string }[]; cutHMM(text: string): string[] } {
  const nj = nodejieba();
  nj.load(files);
  loaded = null;
  covered = '';
  // what was loaded is gone; what is still to load stays known
  known = new Set(announced);
  return {
    id: `jieba/${JSON.stringify(files)}`,
    cut: (text: string) => (text.length === 0 ? [] : nj.cut(text)),
    cutHMM: (text: string) => (text.length === 0 ? [] : nj.cut(text, true)),
    tag: (text: string) => nj.tag(text),
  };
}

/**
 * The default tokenizer: nodejieba as with its full dictionary and the field dictionary, loaded lazily
 * with the words the texts need. The pieces it returns concatenate to the input.
 */
export function defaultTokenizer(): JiebaTokenizer {
  if (!instance) {
    instance = {
      // read when a cache asks (a hash of the field dictionary), not on every import
      get id() {
        return jiebaTokenizerVersion();
      },
      cut: (text: string) => (text.length === 0 ? [] : jiebaFor(text).cut(text)),
      prepare(texts: readonly string[]) {
        if (loaded && loaded.lines === null) return;
        // tokenize joins runs across line-wrap whitespace between wide characters: so do the words looked up
        if (known.size > KNOWN_MAX) known = new Set(announced);
        for (const t of texts) {
          if (t.length === 0) continue;
          const joined = t.replace(LINE_WRAP, '');
          if (known.has(joined)) continue;
          known.add(joined);
          announced.push(joined);
        }
      },
    };
  }
  return instance;
}
