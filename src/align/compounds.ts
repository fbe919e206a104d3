/**
 * Compound words. The field dictionary keeps long terms whole (政府公报, 政策留言板, 集成式发布) so that
 * a tokenizer reads them as one word; but one plan writes 政府公报 where another writes 公报, and as
 * whole words they share nothing. Alignment therefore also reads a long word of one plan as the shorter
 * words it is made of that the other plan uses as words of their own (a search-engine style segmentation,
 * learned from the two texts, not from a list).
 */
import type { PreparedPlan, PreparedTask } from './prepare';

const HAN = /^\p{Script=Han}+$/u;

/** Shortest word counted as a part of a compound. */
const MIN_PART = 2;

/**
 * The parts of each compound among `only` (default: among `words`): the segmentation of the word into
 * other words of `words` (each at least two characters) that covers most of its characters, then uses
 * fewest parts; characters no part covers are left out (集成式发布 → 集成 + 发布). A word with no such
 * parts, or shorter than three characters, maps to nothing.
 */
export function compoundParts(words: Iterable<string>, only?: Iterable<string>): Map<string, string[]> {
  const known = new Set<string>();
  for (const w of words) if (w.length >= MIN_PART && HAN.test(w)) known.add(w);
  let longest = 0;
  for (const w of known) longest = Math.max(longest, w.length);
  const out = new Map<string, string[]>();
  for (const w of only ?? known) {
    if (w.length < MIN_PART + 1 || !HAN.test(w) || out.has(w)) continue;
    // for the best segmentation of w[0..k): characters covered by parts, number of parts, where its last
    // step starts, and whether that step is a part (or a skipped character)
    const n = w.length;
    const cov = new Array<number>(n + 1).fill(-1);
    const parts = new Array<number>(n + 1).fill(0);
    const from = new Array<number>(n + 1).fill(-1);
    const word = new Array<boolean>(n + 1).fill(false);
    cov[0] = 0;
    for (let k = 1; k <= n; k++) {
      // skip one character
      cov[k] = cov[k - 1] as number;
      parts[k] = parts[k - 1] as number;
      from[k] = k - 1;
      word[k] = false;
      for (let l = MIN_PART; l <= Math.min(longest, k); l++) {
        const s = k - l;
        if (l === n) continue; // the word itself is not its own part
        if (!known.has(w.slice(s, k))) continue;
        const c = (cov[s] as number) + l;
        const p = (parts[s] as number) + 1;
        if (c > (cov[k] as number) || (c === cov[k] && p < (parts[k] as number))) {
          cov[k] = c;
          parts[k] = p;
          from[k] = s;
          word[k] = true;
        }
      }
    }
    if ((cov[n] as number) === 0) continue;
    const list: string[] = [];
    for (let k = n; k > 0; k = from[k] as number) if (word[k]) list.push(w.slice(from[k] as number, k));
    out.set(w, list.reverse());
  }
  return out;
}

/** Every word of a prepared plan: of its task texts, and of its names unless `names` is false. */
function planWords(p: PreparedPlan, names = true): Set<string> {
  const out = new Set<string>();
  for (const t of p.tasks) {
    for (const x of t.terms) out.add(x);
    if (names) for (const x of t.nameTerms) out.add(x);
  }
  return out;
}

/** A term list with the parts of each compound added after it. */
function expand(terms: readonly string[], parts: ReadonlyMap<string, string[]>): string[] {
  const out: string[] = [];
  for (const t of terms) {
    out.push(t);
    const p = parts.get(t);
    if (p) out.push(...p);
  }
  return out;
}

/**
 * The compounds to read as their parts when plans `a` and `b` are compared, for each side: a long word that
 * `a` uses and `b`'s task texts do not (its indicator names may) also reads as the words of `b` it is made
 * of (a's 政府公报 as 公报 where b writes 公报), and the other way round. Where both plans write the
 * compound (营商环境), the whole word already matches, and its parts would only add weight to a broad
 * topic. Symmetric: swapping a and b swaps the two maps.
 */
export function pairCompounds(a: PreparedPlan, b: PreparedPlan): { a: Map<string, string[]>; b: Map<string, string[]> } {
  const wa = planWords(a);
  const wb = planWords(b);
  // a word the other plan writes only in indicator names (推动政府公报数字化转型) does not match its texts
  const ta = planWords(a, false);
  const tb = planWords(b, false);
  const only = (own: Set<string>, other: Set<string>): string[] => [...own].filter((w) => !other.has(w));
  return { a: compoundParts(wb, only(wa, tb)), b: compoundParts(wa, only(wb, ta)) };
}

/** A prepared plan whose compound terms also count as their parts (the plan itself is shared, not copied). */
export function withCompoundParts(p: PreparedPlan, parts: ReadonlyMap<string, string[]>): PreparedPlan {
  if (parts.size === 0) return p;
  const has = (terms: readonly string[]): boolean => terms.some((x) => parts.has(x));
  const tasks: PreparedTask[] = p.tasks.map((t) =>
    has(t.terms) || has(t.nameTerms)
      ? { ...t, terms: expand(t.terms, parts), nameTerms: expand(t.nameTerms, parts), clauses: t.clauses.map((c) => expand(c, parts)) }
      : t,
  );
  return { plan: p.plan, tasks };
}
