/**
 * The nodejieba wrapper: the only module that touches the native addon. The addon and the field
 * dictionary (src/lexicon/field-dict.utf8) are loaded on the first `cut`, once per process (~1–3 s).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tokenizer } from './tokenize';

/** Version of the segmentation rules; part of every token-cache key, bump it when cutting changes. */
export const JIEBA_TOKENIZER_VERSION = 'jieba-3.5.8/field-dict-1';

interface NodeJieba {
  load(options?: { userDict?: string }): void;
  cut(sentence: string, strict?: boolean): string[];
  tag(sentence: string): { word: string; tag: string }[];
}

let loaded: NodeJieba | null = null;
let instance: Tokenizer | null = null;

/**
 * Path of the shipped field dictionary (`src/lexicon/field-dict.utf8`), found from this module's folder
 * both in the source tree and in the built package (`dist/`).
 */
export function fieldDictPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, '../lexicon/field-dict.utf8'),
    join(here, '../src/lexicon/field-dict.utf8'),
    join(here, '../../src/lexicon/field-dict.utf8'),
  ];
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(`field dictionary not found (looked in ${candidates.join(', ')})`);
}

function jieba(): NodeJieba {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const nj = require('nodejieba') as NodeJieba;
  nj.load({ userDict: fieldDictPath() });
  loaded = nj;
  return nj;
}

/** True once the nodejieba dictionaries have been loaded in this process. */
export function isJiebaLoaded(): boolean {
  return loaded !== null;
}

/**
 * A nodejieba tokenizer with another user dictionary, for scripts that build the field dictionary.
 * nodejieba's dictionaries are process-wide: call this before anything else cuts.
 */
export function jiebaTokenizerWithDict(
  userDict: string,
): Tokenizer & { tag(text: string): { word: string; tag: string }[] } {
  const require = createRequire(import.meta.url);
  const nj = require('nodejieba') as NodeJieba;
  nj.load({ userDict });
  loaded = nj;
  return {
    id: `jieba-3.5.8/${userDict}`,
    cut: (text: string) => (text.length === 0 ? [] : nj.cut(text)),
    tag: (text: string) => nj.tag(text),
  };
}

/**
 * The default tokenizer: nodejieba with the field dictionary, loaded lazily on the first `cut`.
 * The pieces it returns concatenate to the input.
 */
export function defaultTokenizer(): Tokenizer {
  if (!instance) {
    instance = {
      id: JIEBA_TOKENIZER_VERSION,
      cut: (text: string) => (text.length === 0 ? [] : jieba().cut(text)),
    };
  }
  return instance;
}
