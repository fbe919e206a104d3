/**
 * Modality: how binding a clause's verbs are, on the scale explore < advance < must < mandatory
 * (探索 < 推进 < 确保 < 必须). The cue words live in src/lexicon/modality.ts; the rules are in
 * docs/modality.md:
 *
 * 1. A clause's level is the stronger of its main verb (its first cue word) and any modal word or
 *    must/mandatory cue in it (应当, 要, 确保, 严格落实, 必须, 不得 bind the clause wherever they stand);
 *    explore and advance verbs after the main verb are governed by it (探索…，提高… stays explore).
 * 2. A negation right before a cue (不再探索, 暂不推进) cancels it: the clause binds no more than explore.
 *    Prohibitions (不得, 严禁, 禁止) are mandatory cues of their own, not negations.
 * 3. Words inside an exception (除依法依规不予公开的情形外) and inside quotes (“应解读、尽解读”) are not cues.
 * 4. A clause without any cue is `advance` (a plain work-plan imperative) with cue null and start -1.
 * 5. A task is cut into clauses at sentence ends (。；！？), since the main verb governs the comma-joined
 *    phrases after it; its level is its strongest clause with a cue (the first on ties), or advance with
 *    no cue when no clause has one.
 */
import {
  EXCEPTION_CLOSE,
  EXCEPTION_OPEN,
  MAX_EXCEPTION,
  MODALITY_CUES,
  MODALITY_NEGATIONS,
  MODALITY_SCALE,
  type ModalityCue,
} from '../lexicon/modality';
import type { Modality } from '../types';

/** The modality of a clause or a task. */
export interface ModalityResult {
  /** Level on the scale explore < advance < must < mandatory */
  level: Modality;
  /** The cue word that set the level (with its negation, e.g. `不再探索`), null when none */
  cue: string | null;
  /** Offset of the cue in the text, -1 when none */
  start: number;
}

const CUES_LONGEST = [...MODALITY_CUES].sort((a, b) => b.word.length - a.word.length);
/** The cues by their first character, longest first (the order of CUES_LONGEST) */
const CUES_BY_FIRST = new Map<string, ModalityCue[]>();
for (const c of CUES_LONGEST) {
  const first = c.word[0] as string;
  const list = CUES_BY_FIRST.get(first);
  if (list) list.push(c);
  else CUES_BY_FIRST.set(first, [c]);
}
const NEGATIONS_LONGEST = [...MODALITY_NEGATIONS].sort((a, b) => b.length - a.length);
const QUOTES: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '「': '」', '《': '》', '『': '』' };
/** Where a task is cut into the units whose main verb governs: sentence ends, not commas. */
const CLAUSE_END = /[；;。！？!?\n]/;
const MUST_RANK = MODALITY_SCALE.indexOf('must');

/** Rank of a level on the scale (explore 0 … mandatory 3). */
export function modalityRank(level: Modality): number {
  return MODALITY_SCALE.indexOf(level);
}

/** Offsets that are inside quotes or inside an exception (除…外). */
function maskedOffsets(text: string): boolean[] {
  const masked = new Array<boolean>(text.length).fill(false);
  const unclosed = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const close = QUOTES[text[i] as string];
    if (close !== undefined && !masked[i] && !unclosed.has(close)) {
      const j = text.indexOf(close, i + 1);
      if (j > i) for (let k = i; k <= j; k++) masked[k] = true;
      else unclosed.add(close);
    }
    if (text[i] === EXCEPTION_OPEN && !masked[i]) {
      const window = text.slice(i + 1, i + 1 + MAX_EXCEPTION);
      const stop = window.search(/[。；;！？!?]/);
      const scope = stop >= 0 ? window.slice(0, stop) : window;
      let best = -1;
      let bestLen = 0;
      for (const w of EXCEPTION_CLOSE) {
        const at = scope.indexOf(w);
        // the exception ends at its 外 followed by a comma or the end of the clause (除…外，…)
        if (at >= 0 && (best < 0 || at < best || (at === best && w.length > bestLen))) {
          best = at;
          bestLen = w.length;
        }
      }
      if (best >= 0) for (let k = i; k <= i + 1 + best + bestLen - 1; k++) masked[k] = true;
    }
  }
  return masked;
}

interface Found {
  cue: ModalityCue;
  start: number;
  negation: string | null;
}

function cueAt(text: string, i: number): ModalityCue | null {
  const candidates = CUES_BY_FIRST.get(text[i] as string);
  if (!candidates) return null;
  for (const c of candidates) {
    if (!text.startsWith(c.word, i)) continue;
    const prev = text[i - 1];
    const next = text[i + c.word.length];
    if (c.notAfter && prev !== undefined && c.notAfter.includes(prev)) continue;
    if (c.notBefore && next !== undefined && c.notBefore.includes(next)) continue;
    return c;
  }
  return null;
}

function findCues(text: string, masked: boolean[]): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < text.length; i++) {
    if (masked[i]) continue;
    const cue = cueAt(text, i);
    if (!cue) continue;
    const negation =
      cue.level === 'mandatory' ? null : (NEGATIONS_LONGEST.find((n) => text.slice(Math.max(0, i - n.length), i) === n) ?? null);
    found.push({ cue, start: i, negation });
    i += cue.word.length - 1;
  }
  return found;
}

function clauseModality(all: Found[], offset: number, end: number): ModalityResult {
  const cues = all.filter((f) => f.start >= offset && f.start < end);
  if (!cues.length) return { level: 'advance', cue: null, start: -1 };
  const main = cues[0] as Found;
  let best: ModalityResult = main.negation
    ? { level: 'explore', cue: main.negation + main.cue.word, start: main.start - main.negation.length }
    : { level: main.cue.level, cue: main.cue.word, start: main.start };
  for (const f of cues.slice(1)) {
    if (f.negation || !(f.cue.modal || modalityRank(f.cue.level) >= MUST_RANK)) continue;
    if (modalityRank(f.cue.level) > modalityRank(best.level)) best = { level: f.cue.level, cue: f.cue.word, start: f.start };
  }
  return best;
}

/**
 * The modality of one clause: the stronger of its main verb (first cue) and its modal words.
 *
 * @example modalityOf('探索建立市民企业参与政策制定机制') → { level: 'explore', cue: '探索', start: 0 }
 * @example modalityOf('制定涉企政策应当听取相关企业意见') → { level: 'must', cue: '应当', start: 6 }
 */
export function modalityOf(text: string): ModalityResult {
  if (typeof text !== 'string' || !text) return { level: 'advance', cue: null, start: -1 };
  return clauseModality(findCues(text, maskedOffsets(text)), 0, text.length);
}

/**
 * The modality of a task: its strongest clause (clauses end at 。；！？ outside quotes) among those with a
 * cue, the first on ties. Offsets index the whole task text.
 *
 * @example taskModality('探索建立机制，提高公众参与度。加强审核把关，确保回复质量') → { level: 'must', cue: '确保', … }
 */
export function taskModality(text: string): ModalityResult {
  if (typeof text !== 'string' || !text) return { level: 'advance', cue: null, start: -1 };
  const masked = maskedOffsets(text);
  const cues = findCues(text, masked);
  let best: ModalityResult | null = null;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !(CLAUSE_END.test(text[i] as string) && !masked[i])) continue;
    if (i > start) {
      const r = clauseModality(cues, start, i);
      // a clause without any cue does not outrank one with a cue (讲明讲透… after 探索…)
      if (r.cue !== null && (!best || modalityRank(r.level) > modalityRank(best.level))) best = r;
    }
    start = i + 1;
  }
  return best ?? { level: 'advance', cue: null, start: -1 };
}
