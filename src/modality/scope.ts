/**
 * Scope: who must act (区政府 vs 各单位 vs 各街镇, from the clause starts of the text and from the
 * responsible units) and how much the task covers (全覆盖, 所有, 全部), so that a diff can say a task's
 * scope widened or narrowed.
 */
import {
  ACTOR_BREADTH,
  ACTOR_LEADS,
  ACTOR_WORDS,
  COVERAGE_FALSE_FRIENDS,
  COVERAGE_WORDS,
  type ActorKind,
} from '../lexicon/scope';
import type { Units } from '../types';

export type { ActorKind } from '../lexicon/scope';

/** One actor a task names. */
export interface Actor {
  /** What kind of actor */
  kind: ActorKind;
  /** The words naming it, e.g. `各单位`, `区财政局` */
  name: string;
  /** Where it was found: a clause start of the task text, or the responsible units */
  source: 'text' | 'units';
  /** Offset in the task text; -1 for actors from the units */
  start: number;
}

/** A coverage marker found in the text. */
export interface CoverageCue {
  /** The marker, e.g. `全覆盖` */
  word: string;
  /** Offset in the task text */
  start: number;
}

/** The scope of a task. */
export interface Scope {
  /** Actors, text actors first, without repeats */
  actors: Actor[];
  /** Coverage markers in text order */
  coverage: CoverageCue[];
  /**
   * Breadth, comparable between tasks: the widest actor (named unit or 区政府 1, all departments or all
   * streets and towns 2, every unit or departments and streets together 3; 0 when none), plus 1 when the
   * text has a coverage marker.
   */
  breadth: number;
  /** The widest actor alone (the first part of `breadth`; 0 when the scope names no actor) */
  actorBreadth: number;
}

const ACTORS_LONGEST = [...ACTOR_WORDS].sort((a, b) => b.word.length - a.word.length);
const LEADS_LONGEST = [...ACTOR_LEADS].sort((a, b) => b.length - a.length);
const COVERAGE_LONGEST = [...COVERAGE_WORDS].sort((a, b) => b.length - a.length);
const CLAUSE_BREAK = /[，,；;。！？!?：:\n]/;
/** Words joining the actors of an enumeration. */
const ACTOR_JOINERS = ['、', '和', '及', '与'];

function actorAt(text: string, at: number): { kind: ActorKind; word: string } | null {
  for (const a of ACTORS_LONGEST) if (text.startsWith(a.word, at)) return { kind: a.kind, word: a.word };
  return null;
}

/** Offsets inside quotes, where words are names and not actors or markers. */
function quoted(text: string): boolean[] {
  const out = new Array<boolean>(text.length).fill(false);
  const pairs: Record<string, string> = { '“': '”', '《': '》', '‘': '’', '「': '」' };
  const unclosed = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const close = pairs[text[i] as string];
    if (close === undefined || out[i] || unclosed.has(close)) continue;
    const j = text.indexOf(close, i + 1);
    if (j > i) for (let k = i; k <= j; k++) out[k] = true;
    else unclosed.add(close);
  }
  return out;
}

/** Actors named by a units cell entry (`各街镇`, `区政府各部门`, `区财政局`). */
function unitActor(name: string): Actor {
  const compact = name.replace(/\s+/g, '');
  const exact = ACTORS_LONGEST.find((a) => a.word === compact);
  if (exact) return { kind: exact.kind, name: compact, source: 'units', start: -1 };
  // 区政府各部门、各街镇 style entries that start with a class word
  const head = actorAt(compact, 0);
  if (head && head.kind !== 'district-government') return { kind: head.kind, name: compact, source: 'units', start: -1 };
  return { kind: 'unit', name: compact, source: 'units', start: -1 };
}

/** True when the coverage marker `w` at `i` is part of a word that does not mean coverage (均衡, 所有权). */
function insideFalseFriend(t: string, i: number, w: string): boolean {
  for (const f of COVERAGE_FALSE_FRIENDS) {
    for (let k = f.indexOf(w); k >= 0; k = f.indexOf(w, k + 1)) {
      if (i - k >= 0 && t.startsWith(f, i - k)) return true;
    }
  }
  return false;
}

/**
 * The scope of a task: actors at its clause starts (各单位年内…, 区政府年内…), actors from its units, and
 * coverage markers.
 *
 * @example scopeOf('各单位年内邀请公众代表列席本单位决策会议不少于1次') → actors [{ kind: 'all-units', name: '各单位' }], breadth 3
 */
export function scopeOf(text: string, units?: Units | null): Scope {
  const t = typeof text === 'string' ? text : '';
  const inQuote = quoted(t);
  const actors: Actor[] = [];
  const seen = new Set<string>();
  const add = (a: Actor): void => {
    if (seen.has(a.name)) return;
    seen.add(a.name);
    actors.push(a);
  };
  for (let i = 0; i < t.length; i++) {
    if (i > 0 && !CLAUSE_BREAK.test(t[i - 1] as string)) continue;
    let at = i;
    while (at < t.length && /\s/.test(t[at] as string)) at++;
    const lead = LEADS_LONGEST.find((w) => t.startsWith(w, at));
    if (lead) at += lead.length;
    if (inQuote[at]) continue;
    let hit = actorAt(t, at);
    // An enumeration of actors (区政府各部门、各街镇) names them all.
    while (hit) {
      add({ kind: hit.kind, name: hit.word, source: 'text', start: at });
      at += hit.word.length;
      const joiner = ACTOR_JOINERS.find((j) => t.startsWith(j, at));
      if (!joiner || inQuote[at + joiner.length]) break;
      at += joiner.length;
      hit = actorAt(t, at);
    }
  }
  for (const name of [...(units?.lead ?? []), ...(units?.support ?? [])]) {
    if (name.trim()) add(unitActor(name));
  }
  const coverage: CoverageCue[] = [];
  for (let i = 0; i < t.length; i++) {
    if (inQuote[i]) continue;
    const w = COVERAGE_LONGEST.find((c) => t.startsWith(c, i));
    if (w && !insideFalseFriend(t, i, w)) {
      coverage.push({ word: w, start: i });
      i += w.length - 1;
    }
  }
  const kinds = new Set(actors.map((a) => a.kind));
  let actorBreadth = Math.max(0, ...actors.map((a) => ACTOR_BREADTH[a.kind]));
  if (kinds.has('departments') && kinds.has('streets-towns')) actorBreadth = Math.max(actorBreadth, 3);
  return { actors, coverage, breadth: actorBreadth + (coverage.length ? 1 : 0), actorBreadth };
}

/**
 * Whether scope b is wider, narrower or the same as scope a. Two parts, added up (so an actor narrower and
 * a marker gained make no change):
 *  - actors, compared by breadth only when both scopes name one: a task that leaves its subject to the
 *    units column is not narrower than one that writes it out (各单位… → …; the diff reads scopes from the
 *    texts alone);
 *  - coverage markers (全量, 全覆盖, 所有…): one gained is a step wider, one lost a step narrower; an actor
 *    that is every unit (各单位, departments and streets together) answers a marker on the other side
 *    (全部… → 每家单位… is no change).
 */
export function compareScope(a: Scope, b: Scope): 'wider' | 'narrower' | 'same' {
  const actors = a.actors.length > 0 && b.actors.length > 0 ? Math.sign(b.actorBreadth - a.actorBreadth) : 0;
  const marks = (s: Scope): boolean => s.coverage.length > 0;
  const covers = (s: Scope, other: Scope): number => (marks(s) || (s.actorBreadth >= 3 && marks(other)) ? 1 : 0);
  const total = actors + covers(b, a) - covers(a, b);
  return total > 0 ? 'wider' : total < 0 ? 'narrower' : 'same';
}
