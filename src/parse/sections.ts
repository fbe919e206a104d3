/**
 * Links the rows of an appendix table to the body sections they were taken from: a row belongs to the
 * heading whose own text shares the most of its character pairs (bigrams). Plans copy the body into
 * the table almost word for word, so a row whose pairs are mostly found in one section comes from it.
 */
import type { BodyHeading } from './headings';
import { compact, isContentLine, type Line } from './lines';

/** Share of a row's character pairs that must be found in a section's text. */
export const SECTION_MATCH_MIN = 0.5;

/** Character pairs shared by more sections than this say nothing about where a row comes from. */
const MAX_POSTINGS = 16;

/** Bucket of a character pair (a small integer, so that maps and sets stay fast); rare collisions only blur scores. */
function pairKey(s: string, i: number): number {
  return (s.charCodeAt(i) * 40503 + s.charCodeAt(i + 1)) & 0xfffff;
}

/** Longest row text (characters) looked at. */
const MAX_ROW_CHARS = 400;

/** Finds, for texts, the body heading they were copied from. */
export interface SectionIndex {
  /** Heading path of the section `text` comes from, or null */
  find(text: string): string[] | null;
}

/** Builds the index over the own text (title and paragraphs up to the next heading) of each heading. */
export function buildSectionIndex(lines: readonly Line[], flat: readonly BodyHeading[], bodyTo: number): SectionIndex {
  const postings = new Map<number, number[]>();
  const paths: string[][] = [];
  flat.forEach((h, k) => {
    const end = k + 1 < flat.length ? flat[k + 1]!.index : bodyTo;
    let text = '';
    for (let i = h.index; i < end; i++) if (isContentLine(lines[i]!)) text += lines[i]!.squeezed;
    const c = compact(text);
    const id = paths.length;
    paths.push(h.path);
    const seen = new Set<number>();
    for (let i = 0; i + 1 < c.length; i++) {
      const bigram = pairKey(c, i);
      if (seen.has(bigram)) continue;
      seen.add(bigram);
      let list = postings.get(bigram);
      if (!list) postings.set(bigram, (list = []));
      if (list.length <= MAX_POSTINGS) list.push(id);
    }
  });
  let previous = 0;
  const scores = new Int32Array(paths.length);
  return {
    find(text: string): string[] | null {
      if (paths.length === 0) return null;
      const c = compact(text).slice(0, MAX_ROW_CHARS);
      const seen = new Set<number>();
      const touched: number[] = [];
      let total = 0;
      for (let i = 0; i + 1 < c.length; i++) {
        const bigram = pairKey(c, i);
        if (seen.has(bigram)) continue;
        seen.add(bigram);
        const list = postings.get(bigram);
        if (list && list.length > MAX_POSTINGS) continue;
        total++;
        if (!list) continue;
        for (const id of list) {
          if (scores[id] === 0) touched.push(id);
          scores[id]!++;
        }
      }
      // Ties go to the first section at or after the previous row's.
      const rank = (id: number) => (id >= previous ? id - previous : paths.length + id);
      let best = -1;
      let bestScore = 0;
      for (const id of touched) {
        const score = scores[id]!;
        scores[id] = 0;
        if (score > bestScore || (score === bestScore && rank(id) < rank(best))) {
          best = id;
          bestScore = score;
        }
      }
      if (best < 0 || total === 0 || bestScore / total < SECTION_MATCH_MIN) return null;
      previous = best;
      return paths[best]!;
    },
  };
}
