/**
 * Stable JSON forms of a diff and of a plan's obligations. The diff JSON extends the alignment JSON: each
 * pair gains `status`, `changes` and `textDiff`; `added`/`dropped` stay seq lists, and `tasks` gives each
 * seq's text, units, time node, source and obligations (and, for an unpaired task, `nearest`: the
 * highest-scoring task of the other plan); `messages` what parsing noted about each plan.
 */
import { alignmentToJson, round1, type AlignmentJson, type AlignmentPairJson } from '../align/json';
import type { Change, DiffSegment, Message, Obligation, PairStatus, PlanDiff, Task } from '../types';

/** JSON form of an obligation, as `plandiff obligations` prints it. */
export interface ObligationJson {
  /** Task seq */
  seq: number;
  kind: Obligation['kind'];
  comparator: Obligation['comparator'];
  /** Number; dates as `MM-DD` strings, months as numbers, amounts in 万元 */
  value: number | string;
  valueMax: number | string | null;
  unit: string;
  period: string | null;
  subject: string;
  quote: string;
}

/** JSON form of one task in a diff's `tasks` map. */
export interface DiffTaskJson {
  text: string;
  name: string | null;
  section: string[];
  units: { lead: string[]; support: string[] };
  timeNode: string | null;
  source: { file: string; lineStart: number; lineEnd: number };
  obligations: ObligationJson[];
  /** Unpaired tasks only: the highest-scoring task of the other plan (not a pair; see Alignment.nearest) */
  nearest?: { seq: number; score: number };
}

/** JSON form of a classified pair. */
export interface DiffPairJson extends AlignmentPairJson {
  status: PairStatus;
  changes: Change[];
  textDiff: DiffSegment[];
}

/** JSON form of a diff. */
export interface PlanDiffJson extends Omit<AlignmentJson, 'pairs'> {
  pairs: DiffPairJson[];
  /** Counts by status, plus added and dropped */
  summary: Record<PairStatus | 'added' | 'dropped', number> & { expectedDropped?: number; expectedAdded?: number };
  tasks: { a: Record<string, DiffTaskJson>; b: Record<string, DiffTaskJson> };
  /** What parsing noted about each plan (as `plandiff parse` lists it): rule, words and place */
  messages: { a: MessageJson[]; b: MessageJson[] };
}

/** JSON form of a parse message. */
export interface MessageJson {
  ruleId: string;
  reason: string;
  place: { file: string; lineStart: number; lineEnd: number } | null;
}

function dateString(value: number): string {
  return `${String(Math.floor(value / 100)).padStart(2, '0')}-${String(value % 100).padStart(2, '0')}`;
}

/** One obligation as JSON: dates become `MM-DD`. */
export function obligationToJson(seq: number, o: Obligation): ObligationJson {
  const isDate = o.kind === 'date';
  return {
    seq,
    kind: o.kind,
    comparator: o.comparator,
    value: isDate ? dateString(o.value) : o.value,
    valueMax: o.valueMax == null ? null : isDate ? dateString(o.valueMax) : o.valueMax,
    unit: o.unit,
    period: o.period,
    subject: o.subject,
    quote: o.quote,
  };
}

function taskJson(task: Task, obligations: Obligation[]): DiffTaskJson {
  return {
    text: task.text,
    name: task.name,
    section: task.section,
    units: { lead: task.units.lead, support: task.units.support },
    timeNode: task.timeNode?.raw ?? null,
    source: task.source,
    obligations: obligations.map((o) => obligationToJson(task.seq, o)),
  };
}

function messagesJson(messages: readonly Message[] | undefined): MessageJson[] {
  return (messages ?? []).map((m) => ({ ruleId: m.ruleId, reason: m.reason, place: m.place }));
}

/** The stable JSON object of a diff (pass it to `JSON.stringify`). */
export function diffToJson(diff: PlanDiff): PlanDiffJson {
  const base = alignmentToJson({ a: diff.a, b: diff.b, pairs: diff.pairs, dropped: diff.dropped, added: diff.added });
  const summary: PlanDiffJson['summary'] = {
    unchanged: 0,
    reworded: 0,
    strengthened: 0,
    weakened: 0,
    mixed: 0,
    added: diff.added.length,
    dropped: diff.dropped.length,
  };
  for (const p of diff.pairs) summary[p.status]++;
  // the expected number of tasks with no counterpart, from the links' calibrated probabilities
  if (diff.expectedDropped !== undefined) summary.expectedDropped = round1(diff.expectedDropped);
  if (diff.expectedAdded !== undefined) summary.expectedAdded = round1(diff.expectedAdded);
  const tasks: PlanDiffJson['tasks'] = { a: {}, b: {} };
  const seen = (side: 'a' | 'b', list: Task[]) => {
    for (const t of list) tasks[side][String(t.seq)] = taskJson(t, diff.obligations[`${side}:${t.seq}`] ?? []);
  };
  for (const p of diff.pairs) {
    seen('a', p.a);
    seen('b', p.b);
  }
  seen('a', diff.dropped);
  seen('b', diff.added);
  const pointTo = (side: 'a' | 'b', list: Task[]) => {
    for (const t of list) {
      const n = diff.nearest?.[`${side}:${t.seq}`];
      const entry = tasks[side][String(t.seq)];
      if (n && entry) entry.nearest = { seq: n.seq, score: n.score };
    }
  };
  pointTo('a', diff.dropped);
  pointTo('b', diff.added);
  const sortKeys = (rec: Record<string, DiffTaskJson>) =>
    Object.fromEntries(Object.entries(rec).sort(([x], [y]) => Number(x) - Number(y)));
  return {
    a: base.a,
    b: base.b,
    summary,
    pairs: base.pairs.map((p, i) => ({
      ...p,
      status: diff.pairs[i]!.status,
      changes: diff.pairs[i]!.changes.map(({ obligationA, obligationB, ...change }) => change),
      textDiff: diff.pairs[i]!.textDiff,
    })),
    dropped: base.dropped,
    added: base.added,
    tasks: { a: sortKeys(tasks.a), b: sortKeys(tasks.b) },
    messages: { a: messagesJson(diff.messages?.a), b: messagesJson(diff.messages?.b) },
  };
}

/** A plan's obligations as JSON rows, in task order. */
export function obligationsToJson(tasks: Task[], obligationsOf: (t: Task) => Obligation[]): ObligationJson[] {
  return tasks.flatMap((t) => obligationsOf(t).map((o) => obligationToJson(t.seq, o)));
}
