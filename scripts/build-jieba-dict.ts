/**
 * Builds src/lexicon/jieba-dict.utf8, the main dictionary plandiff loads into nodejieba instead of its full
 * one (349k words, ~1.2 s and ~290 MB to load). Run: `npx tsx scripts/build-jieba-dict.ts`
 * (`--top N` sets the number of most frequent general words kept, default {@link DEFAULT_TOP}).
 *
 * Why segmentation stays the same: nodejieba (cppjieba's MPSegment, plandiff cuts without HMM) picks, for
 * each run of text, the path of dictionary words with the highest sum of log(freq / total), where `total`
 * is the sum of all frequencies of the main dictionary, and a character that starts no dictionary word
 * gets the dictionary's smallest log-weight. Only words that occur inside the run can take part. So a text
 * is cut exactly as with the full dictionary when the trimmed dictionary
 *  1. holds every full-dictionary word that occurs in the text, with its frequency,
 *  2. has the same `total`: the frequencies left out are added back as one entry that no text can match
 *     (a string of private-use characters), and
 *  3. has the same smallest frequency (a second such entry carries it).
 * (The user dictionary's words are weighed against the same `total`, so they are unchanged too.)
 *
 * What is kept, by general rules (no rule names a plan):
 *  - every full-dictionary word that occurs in a bundled plan (corpus/manifest.json): the field's texts;
 *  - every single-character word (a character outside the dictionary would fall to the smallest weight);
 *  - the {@link DEFAULT_TOP} most frequent other words, for plans plandiff has not seen.
 * The field dictionary (src/lexicon/field-dict.utf8) is still loaded as nodejieba's user dictionary.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadPlan } from '../src/corpus';

/** Most frequent general words kept beside the words of the bundled plans. */
export const DEFAULT_TOP = 60_000;

/** Words no text can contain (private-use characters): they carry the left-out frequency and the minimum. */
export const MASS_WORD = '\uE000\uE001\uE002\uE003';
export const MIN_WORD = '\uE000\uE001\uE002\uE004';

/** One line of a jieba dictionary: `word freq tag`. */
interface DictLine {
  word: string;
  freq: number;
  line: string;
}

/** The lines of a jieba main dictionary, in file order. */
export function readDict(path: string): DictLine[] {
  const out: DictLine[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.length === 0) continue;
    const [word, freq] = line.split(' ');
    out.push({ word: word as string, freq: Number(freq), line });
  }
  return out;
}

/** Every substring of `texts` up to `maxLen` characters, whitespace between two wide characters removed
 * first (as the tokenizer joins across line wraps) and also kept. */
function substrings(texts: readonly string[], maxLen: number): Set<string> {
  const out = new Set<string>();
  for (const raw of texts) {
    for (const text of [raw, raw.replace(/(?<=[\u2e80-\uffff])\s+(?=[\u2e80-\uffff])/g, '')]) {
      const chars = Array.from(text);
      for (let i = 0; i < chars.length; i++) {
        let s = '';
        for (let j = i; j < Math.min(chars.length, i + maxLen); j++) {
          s += chars[j];
          out.add(s);
        }
      }
    }
  }
  return out;
}

/** Options of {@link buildDict}. */
export interface BuildDictOptions {
  /** The full dictionary's lines */
  full: readonly DictLine[];
  /** Texts whose every dictionary word is kept */
  texts: readonly string[];
  /** Most frequent other words kept */
  top: number;
}

/**
 * The trimmed dictionary's text: the kept lines in the full dictionary's order, then the two entries that
 * keep its total and its smallest frequency. Segmentation of `texts` with it equals the full one's.
 */
export function buildDict({ full, texts, top }: BuildDictOptions): { text: string; words: number } {
  let maxLen = 1;
  for (const d of full) maxLen = Math.max(maxLen, Array.from(d.word).length);
  const inTexts = substrings(texts, maxLen);
  const byFreq = [...full].sort((a, b) => b.freq - a.freq);
  const frequent = new Set(byFreq.slice(0, top).map((d) => d.word));
  const total = full.reduce((s, d) => s + d.freq, 0);
  const minFreq = full.reduce((m, d) => Math.min(m, d.freq), Infinity);
  const kept = full.filter((d) => inTexts.has(d.word) || frequent.has(d.word) || Array.from(d.word).length === 1);
  const keptTotal = kept.reduce((s, d) => s + d.freq, 0);
  const lines = kept.map((d) => d.line);
  // frequencies are integers well below 2^53, so the sums are exact and `total` is the full dictionary's
  lines.push(`${MASS_WORD} ${total - keptTotal - minFreq} x`, `${MIN_WORD} ${minFreq} x`);
  return { text: `${lines.join('\n')}\n`, words: kept.length };
}

/** Texts of the bundled plans (corpus/manifest.json): each file as read, and its parsed tasks' texts and
 * names (parsing normalizes characters, so these need not be substrings of the file). */
export function bundledTexts(root: string): { id: string; texts: string[] }[] {
  const manifest = JSON.parse(readFileSync(join(root, 'corpus', 'manifest.json'), 'utf8')) as { plans: { id: string; file: string }[] };
  return manifest.plans.map((p) => ({
    id: p.id,
    texts: [readFileSync(join(root, 'corpus', p.file), 'utf8'), ...loadPlan(p.id).tasks.flatMap((t) => [t.text, t.name ?? ''])],
  }));
}

/** Path of nodejieba's full main dictionary. */
export function fullDictPath(): string {
  const require = createRequire(import.meta.url);
  return (require('nodejieba') as { DEFAULT_DICT: string }).DEFAULT_DICT;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const root = join(import.meta.dirname, '..');
  const at = process.argv.indexOf('--top');
  const top = at >= 0 ? Number(process.argv[at + 1]) : DEFAULT_TOP;
  const full = readDict(fullDictPath());
  const { text, words } = buildDict({ full, texts: bundledTexts(root).flatMap((p) => p.texts), top });
  const out = join(root, 'src', 'lexicon', 'jieba-dict.utf8');
  writeFileSync(out, text);
  // nodejieba.load reads an HMM model, an idf table and stop words too; plandiff cuts without HMM and
  // extracts no keywords, so it loads the smallest files cppjieba accepts: jieba's start and transition
  // probabilities with one emission per state, and one idf line that also serves as the stop-word list
  const hmm = readFileSync(join(dirname(fullDictPath()), 'hmm_model.utf8'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  writeFileSync(
    join(root, 'src', 'lexicon', 'jieba-hmm-stub.utf8'),
    `# plandiff cuts without HMM: jieba's start and transition probabilities, one emission per state (B E M S)\n${hmm.slice(0, 5).join('\n')}\n${['B', 'E', 'M', 'S'].map(() => `\u3007:-20`).join('\n')}\n`,
  );
  writeFileSync(join(root, 'src', 'lexicon', 'jieba-keywords-stub.utf8'), '\u3007 1\n');
  console.log(`${out}: ${words} of ${full.length} words (top ${top} by frequency, every single character, every word of the bundled plans)`);
}
