/**
 * Character-level diff of two task texts for highlighting. Chinese has no word boundaries, so the texts
 * are diffed token by token first (a change shows as whole words), then each replaced run of tokens is
 * refined to characters so that `不少于4次 → 不少于5次` highlights only the digit.
 */
import { diffSequences } from './myers';
import type { DiffSegment } from '../types';

function push(out: DiffSegment[], op: DiffSegment['op'], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

function refine(out: DiffSegment[], removed: string, added: string): void {
  for (const run of diffSequences(Array.from(removed), Array.from(added))) push(out, run.op, run.items.join(''));
}

/**
 * Diffs two texts given their tokenizations (tokens must concatenate to the texts).
 * Returns segments whose `=` and `-` parts concatenate to `a`, and `=` and `+` parts to `b`.
 */
export function diffTokens(tokensA: string[], tokensB: string[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  const runs = diffSequences(tokensA, tokensB);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const text = run.items.join('');
    const next = runs[i + 1];
    if (run.op === '-' && next?.op === '+') {
      refine(out, text, next.items.join(''));
      i++;
    } else if (run.op === '+' && next?.op === '-') {
      refine(out, next.items.join(''), text);
      i++;
    } else {
      push(out, run.op, text);
    }
  }
  return out;
}

/** The side of a diff: `a` keeps `=` and `-`, `b` keeps `=` and `+`. */
export function sideOf(segments: DiffSegment[], side: 'a' | 'b'): string {
  const skip = side === 'a' ? '+' : '-';
  return segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join('');
}
