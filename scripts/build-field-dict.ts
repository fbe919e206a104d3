/**
 * Builds src/lexicon/field-dict.utf8, the nodejieba user dictionary of this field's terms, from the seed
 * plans. Run: `npx tsx scripts/build-field-dict.ts` (add `--print` to see the candidates and scores).
 *
 * How a term is chosen (all thresholds below, none keyed to a particular plan):
 *  1. The seed texts are cut into runs of Chinese characters (punctuation, digits and Latin letters end a
 *     run; line-wrap whitespace between two Chinese characters is removed first).
 *  2. Every character n-gram of length 3–6 is counted, with the set of plans it occurs in.
 *  3. A candidate must occur ≥ MIN_COUNT times in ≥ MIN_PLANS different plans, have varied neighbours
 *     on both sides (branching entropy ≥ MIN_ENTROPY bits, so it is a unit and not a fragment of a
 *     longer phrase), and not be explained by a longer candidate of nearly the same count.
 *  4. Default jieba (with only the core terms) must cut it into ≥ 2 pieces whose boundaries agree with
 *     jieba's own cut of the running text in most occurrences (the term glues whole words, it never
 *     re-cuts them), and the pieces must cohere: count(term) / min(count(piece)) ≥ MIN_COHESION, so
 *     `一网通办` (一网通 is never seen without 办) is kept and `做好相关` (two free words) is not.
 *     Its part-of-speech shape must be a noun phrase (jieba tags): the last piece a noun (n…, vn, nz,
 *     j, l) and the first piece not a verb, preposition, pronoun, adverb or conjunction, so verb phrases
 *     such as `扩大政策` or `严格落实` stay cut.
 *  5. The core terms of src/lexicon/field-terms.ts are always included.
 * Every line is `word frequency tag` with one explicit high frequency (a two-field line would be read as
 * `word tag` by cppjieba).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORE_FIELD_TERMS, FIELD_TERM_FREQUENCY } from '../src/lexicon/field-terms';
import { jiebaTokenizerWith } from '../src/text/tokenizer-jieba';

const MIN_COUNT = 4;
const MIN_PLANS = 2;
const MIN_LEN = 3;
const MAX_LEN = 6;
const MIN_ENTROPY = 1.0;
const MIN_COHESION = 0.35;
const MIN_BOUNDARY_AGREEMENT = 0.8;
/** A shorter candidate is dropped when a longer one containing it has at least this share of its count */
const SUBSUMED = 0.85;
/** Characters that never start or end a term (function words) */
const EDGE_STOP = new Set('的和与及等了在对是为将并或各其之以于由从向就也而且要按把被使让给中上下'.split(''));

/** jieba tags a term may end with (nouns, verbal nouns, names, abbreviations, idioms) */
const NOUN_END = /^(?:n\w*|vn|nz|j|l)$/;
/** jieba tags a term may not start with (verbs, prepositions, pronouns, adverbs, conjunctions, particles) */
const BAD_START = /^(?:v|vd|p|r\w*|d|c|u\w*|ad|m|q)$/;

const root = join(import.meta.dirname, '..');
const seedDir = join(root, 'seeds');
const files = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => readFileSync(join(seedDir, f), 'utf8').replace(/(?<=[\u2e80-\uffff])\s+(?=[\u2e80-\uffff])/g, ''));
const runs: { plan: number; text: string }[] = [];
texts.forEach((t, plan) => {
  // digits stay in the runs as one symbol (#) so that what follows a number has one left neighbour
  for (const m of t.replace(/[0-9]+/g, '#').matchAll(/[\u4e00-\u9fff#]+/g)) runs.push({ plan, text: m[0] });
});

interface Stat {
  count: number;
  plans: Set<number>;
  left: Map<string, number>;
  right: Map<string, number>;
}
const stats = new Map<string, Stat>();
const charCount = (s: string): number => {
  let c = 0;
  for (const r of runs) {
    let i = r.text.indexOf(s);
    while (i >= 0) {
      c++;
      i = r.text.indexOf(s, i + 1);
    }
  }
  return c;
};
for (const { plan, text } of runs) {
  for (let n = MIN_LEN; n <= MAX_LEN; n++) {
    for (let i = 0; i + n <= text.length; i++) {
      const g = text.slice(i, i + n);
      if (g.includes('#')) continue;
      let st = stats.get(g);
      if (!st) stats.set(g, (st = { count: 0, plans: new Set(), left: new Map(), right: new Map() }));
      st.count++;
      st.plans.add(plan);
      const l = i > 0 ? text[i - 1]! : `^${i}${plan}${st.count}`; // run edges count as distinct neighbours
      const r = i + n < text.length ? text[i + n]! : `$${i}${plan}${st.count}`;
      st.left.set(l, (st.left.get(l) ?? 0) + 1);
      st.right.set(r, (st.right.get(r) ?? 0) + 1);
    }
  }
}
const entropy = (m: Map<string, number>): number => {
  let total = 0;
  for (const v of m.values()) total += v;
  let h = 0;
  for (const v of m.values()) h -= (v / total) * Math.log2(v / total);
  return h;
};

let candidates = [...stats.entries()].filter(
  ([g, st]) =>
    st.count >= MIN_COUNT &&
    st.plans.size >= MIN_PLANS &&
    !EDGE_STOP.has(g[0]!) &&
    !EDGE_STOP.has(g[g.length - 1]!) &&
    entropy(st.left) >= MIN_ENTROPY &&
    entropy(st.right) >= MIN_ENTROPY,
);
const candSet = new Map(candidates);
candidates = candidates.filter(([g, st]) => {
  for (const [h, sh] of candSet) if (h.length > g.length && h.includes(g) && sh.count >= SUBSUMED * st.count) return false;
  return true;
});

// jieba with only the core terms, to see how it cuts candidates and the running text
const coreDir = mkdtempSync(join(tmpdir(), 'plandiff-dict-'));
const corePath = join(coreDir, 'core.utf8');
writeFileSync(corePath, CORE_FIELD_TERMS.map((w) => `${w} ${FIELD_TERM_FREQUENCY} nz`).join('\n') + '\n');
const jieba = jiebaTokenizerWith({ userDict: corePath });
const boundaries: { text: string; cuts: Set<number> }[] = runs.map((r) => {
  const cuts = new Set<number>([0]);
  let k = 0;
  for (const p of jieba.cut(r.text)) cuts.add((k += p.length));
  return { text: r.text, cuts };
});
const agreement = (g: string): number => {
  let ok = 0;
  let all = 0;
  for (const b of boundaries) {
    let i = b.text.indexOf(g);
    while (i >= 0) {
      all++;
      if (b.cuts.has(i) && b.cuts.has(i + g.length)) ok++;
      i = b.text.indexOf(g, i + 1);
    }
  }
  return all ? ok / all : 0;
};

const chosen: { term: string; count: number; plans: number; cohesion: number; pieces: string[] }[] = [];
for (const [g, st] of candidates) {
  const pieces = jieba.cut(g);
  if (pieces.length < 2) continue;
  if (agreement(g) < MIN_BOUNDARY_AGREEMENT) continue;
  const cohesion = st.count / Math.min(...pieces.map(charCount));
  if (cohesion < MIN_COHESION) continue;
  const tags = jieba.tag(g).map((t) => t.tag);
  if (!NOUN_END.test(tags[tags.length - 1] ?? '') || BAD_START.test(tags[0] ?? '')) continue;
  chosen.push({ term: g, count: st.count, plans: st.plans.size, cohesion, pieces });
}
chosen.sort((x, y) => y.count - x.count || (x.term < y.term ? -1 : 1));

if (process.argv.includes('--print')) {
  for (const c of chosen) console.log(`${c.term}\t${c.count}\t${c.plans}\t${c.cohesion.toFixed(2)}\t${c.pieces.join('|')}`);
}
const words = [...new Set([...CORE_FIELD_TERMS, ...chosen.map((c) => c.term)])];
const out = join(root, 'src/lexicon/field-dict.utf8');
writeFileSync(out, words.map((w) => `${w} ${FIELD_TERM_FREQUENCY} nz`).join('\n') + '\n');
console.log(`wrote ${words.length} terms (${CORE_FIELD_TERMS.length} core, ${words.length - CORE_FIELD_TERMS.length} mined) to ${out}`);
