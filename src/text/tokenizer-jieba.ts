/**
 * The nodejieba wrapper: the only module that touches the native addon. The addon is loaded on the first
 * `cut`, once per process, with plandiff's own dictionaries (src/lexicon/): `jieba-dict.utf8`, a main
 * dictionary trimmed from nodejieba's 349k words by scripts/build-jieba-dict.ts so that it cuts every
 * bundled plan exactly as the full one does (~0.2 s and ~60 MB to load instead of ~1.2 s and ~290 MB),
 * and the field dictionary `field-dict.utf8` as the user dictionary. Cuts use no HMM, so the HMM model,
 * idf table and stop words nodejieba insists on reading are small stub files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tokenizer } from './tokenize';

/** Version of the segmentation code; the token and plan caches also key on the dictionaries' contents
 * ({@link jiebaTokenizerVersion}). Bump it when cutting changes in a way the files do not show. */
export const JIEBA_TOKENIZER_VERSION = 'jieba-3.5.8/field-dict-1';

interface NodeJieba {
  load(options?: { dict?: string; hmmDict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  /** `hmm` (default false in nodejieba 3): also cut runs of single characters with the HMM */
  cut(sentence: string, hmm?: boolean): string[];
  tag(sentence: string): { word: string; tag: string }[];
}

let loaded: NodeJieba | null = null;
let instance: Tokenizer | null = null;

/**
 * Path of a data file shipped in `src/lexicon/`, found from this module's folder both in the source tree
 * and in the built package (`dist/`).
 */
export function lexiconPath(name: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../lexicon', name), join(here, '../src/lexicon', name), join(here, '../../src/lexicon', name)];
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(`plandiff: ${name} not found (looked in ${candidates.join(', ')})`);
}

/** Path of the shipped field dictionary (`src/lexicon/field-dict.utf8`), nodejieba's user dictionary. */
export function fieldDictPath(): string {
  return lexiconPath('field-dict.utf8');
}

/** The dictionary files plandiff loads into nodejieba (see the module comment). */
export function jiebaDictFiles(): { dict: string; hmmDict: string; userDict: string; idfDict: string; stopWordDict: string } {
  const keywords = lexiconPath('jieba-keywords-stub.utf8');
  return {
    dict: lexiconPath('jieba-dict.utf8'),
    hmmDict: lexiconPath('jieba-hmm-stub.utf8'),
    userDict: fieldDictPath(),
    idfDict: keywords,
    stopWordDict: keywords,
  };
}

let version: string | null = null;
/** {@link JIEBA_TOKENIZER_VERSION} with a hash of the main and field dictionaries: what cache keys use. */
export function jiebaTokenizerVersion(): string {
  if (version === null) {
    const { dict, userDict } = jiebaDictFiles();
    const hash = createHash('sha1').update(readFileSync(dict)).update('\u0000').update(readFileSync(userDict)).digest('hex');
    version = `${JIEBA_TOKENIZER_VERSION}:${hash}`;
  }
  return version;
}

function jieba(): NodeJieba {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const nj = require('nodejieba') as NodeJieba;
  nj.load(jiebaDictFiles());
  loaded = nj;
  return nj;
}

/** True once the nodejieba dictionaries have been loaded in this process. */
export function isJiebaLoaded(): boolean {
  return loaded !== null;
}

/** Dictionary files for {@link jiebaTokenizerWith}; a file not given is nodejieba's own. */
export type JiebaFiles = Partial<ReturnType<typeof jiebaDictFiles>>;

/**
 * A nodejieba tokenizer with other dictionaries, for the scripts that build and measure them (e.g.
 * `{ userDict }` for nodejieba's full dictionary with another user dictionary). nodejieba's dictionaries
 * are process-wide: the tokenizer this returns cuts with whatever was loaded last, so use it before
 * anything else loads (the default tokenizer loads its own again on its next cut).
 */
export function jiebaTokenizerWith(
  files: JiebaFiles,
): Tokenizer & { tag(text: string): { word: string; tag: string }[]; cutHMM(text: string): string[] } {
  const require = createRequire(import.meta.url);
  const nj = require('nodejieba') as NodeJieba;
  nj.load(files);
  // the default tokenizer loads its own dictionaries again on its next cut
  loaded = null;
  return {
    id: `jieba-3.5.8/${JSON.stringify(files)}`,
    cut: (text: string) => (text.length === 0 ? [] : nj.cut(text)),
    cutHMM: (text: string) => (text.length === 0 ? [] : nj.cut(text, true)),
    tag: (text: string) => nj.tag(text),
  };
}

/**
 * The default tokenizer: nodejieba with plandiff's dictionaries, loaded lazily on the first `cut`.
 * The pieces it returns concatenate to the input.
 */
export function defaultTokenizer(): Tokenizer {
  if (!instance) {
    instance = {
      // read when a cache asks (hashing the dictionaries takes a few ms), not on every import
      get id() {
        return jiebaTokenizerVersion();
      },
      cut: (text: string) => (text.length === 0 ? [] : jieba().cut(text)),
    };
  }
  return instance;
}
