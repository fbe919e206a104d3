/**
 * Splits each task's text of a matched pair into runs for display: which characters the character diff
 * marks as only on this side (deleted from a / inserted in b), and which lie inside a quote of a change
 * (the changed number or modality word). Both HTML and Markdown render from these runs.
 */
import type { ChangeKind, DiffPair, Task } from '../types';

/** A stretch of a task text whose characters share the same marks. */
export interface Run {
  /** The characters */
  text: string;
  /** True when the character diff has these characters on this side only */
  changed: boolean;
  /** Index into `pair.changes` of the change whose quote covers these characters, or null */
  change: number | null;
}

/** One task of a pair's side with its text cut into runs. */
export interface TaskRuns {
  /** The task */
  task: Task;
  /** Runs whose texts concatenate to `task.text` */
  runs: Run[];
}

/** Where the tasks' texts lie in the side's joined text, or null when they cannot all be found in order. */
function locate(joined: string, tasks: Task[]): number[] | null {
  const starts: number[] = [];
  let cursor = 0;
  for (const task of tasks) {
    const at = joined.indexOf(task.text, cursor);
    if (at < 0) return null;
    starts.push(at);
    cursor = at + task.text.length;
  }
  return starts;
}

/** Finds `quote` in `text` ignoring whitespace on both; returns [start, end) in `text`, or null. */
export function findLoose(text: string, quote: string): [number, number] | null {
  const q = quote.replace(/\s+/g, '');
  if (!q) return null;
  const index: number[] = [];
  let compact = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) continue;
    compact += ch;
    index.push(i);
  }
  const at = compact.indexOf(q);
  if (at < 0) return null;
  return [index[at]!, index[at + q.length - 1]! + 1];
}

/**
 * Runs of every task on one side of a pair. When the pair's `textDiff` does not reproduce the side's task
 * texts (missing, or built from differently joined texts), the characters are left unmarked rather than
 * marked wrongly; quote marks are still applied.
 */
export function sideRuns(pair: DiffPair, side: 'a' | 'b'): TaskRuns[] {
  const tasks = side === 'a' ? pair.a : pair.b;
  const skip = side === 'a' ? '+' : '-';
  let joined = '';
  const flags: boolean[] = [];
  for (const seg of pair.textDiff) {
    if (seg.op === skip) continue;
    joined += seg.text;
    for (let i = 0; i < seg.text.length; i++) flags.push(seg.op !== '=');
  }
  const starts = locate(joined, tasks);
  return tasks.map((task, t) => {
    const n = task.text.length;
    const changed: boolean[] = new Array<boolean>(n).fill(false);
    if (starts) {
      const base = starts[t]!;
      for (let i = 0; i < n; i++) changed[i] = flags[base + i] ?? false;
    }
    const covering: (number | null)[] = new Array<number | null>(n).fill(null);
    pair.changes.forEach((change, c) => {
      const quote = side === 'a' ? change.quoteA : change.quoteB;
      if (!quote) return;
      const span = findLoose(task.text, quote);
      if (!span) return;
      for (let i = span[0]; i < span[1]; i++) if (covering[i] == null) covering[i] = c;
    });
    const runs: Run[] = [];
    for (let i = 0; i < n; i++) {
      const last = runs[runs.length - 1];
      const ch = task.text[i]!;
      if (last && last.changed === changed[i] && last.change === covering[i]) last.text += ch;
      else runs.push({ text: ch, changed: changed[i] ?? false, change: covering[i] ?? null });
    }
    return { task, runs };
  });
}

/** Change kinds of a pair, each once, in first-seen order. */
export function kindsOf(pair: DiffPair): ChangeKind[] {
  return [...new Set(pair.changes.map((c) => c.kind))];
}
