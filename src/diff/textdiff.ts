/**
 * Character-level diff of two task texts for highlighting. Chinese has no word boundaries, so the texts
 * are diffed token by token first (a change shows as whole words), then each replaced run of tokens is
 * refined to characters so that `不少于4次 → 不少于5次` highlights only the digit.
 */
import { diffArrays, diffChars } from 'diff';
import type { DiffSegment } from '../types';

function push(out: DiffSegment[], op: DiffSegment['op'], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

function refine(out: DiffSegment[], removed: string, added: string): void {
  for (const part of diffChars(removed, added)) {
    push(out, part.added ? '+' : part.removed ? '-' : '=', part.value);
  }
}

/**
 * Diffs two texts given their tokenizations (tokens must concatenate to the texts).
 * Returns segments whose `=` and `-` parts concatenate to `a`, and `=` and `+` parts to `b`.
 */
export function diffTokens(tokensA: string[], tokensB: string[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  const parts = diffArrays(tokensA, tokensB);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const text = part.value.join('');
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      refine(out, text, next.value.join(''));
      i++;
    } else if (part.added && next?.removed) {
      refine(out, next.value.join(''), text);
      i++;
    } else {
      push(out, part.added ? '+' : part.removed ? '-' : '=', text);
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
