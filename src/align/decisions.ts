/**
 * A reader's decisions applied to the scored links: a confirmed link has probability 1, a rejected one 0,
 * and the groups are then formed again from all links (grouping.ts). A decision is keyed by the two
 * tasks' seqs and, optionally, hashes of their texts: when a text has changed since the decision (the
 * plan was edited or parsed otherwise), the decision is skipped and a Message says so; it is never
 * applied to a different text.
 */
import { createHash } from 'node:crypto';
import type { Decision, Message, Task } from '../types';
import type { ScoredLink } from './grouping';

/**
 * The key of a task's text in decisions files and embeddings: the first 16 hex digits of the SHA-256 of
 * the text as UTF-8 (in Python: `hashlib.sha256(text.encode()).hexdigest()[:16]`).
 *
 * @example taskHash('编制发布年度报告') // '…' (16 hex digits)
 */
export function taskHash(task: Task | string): string {
  const text = typeof task === 'string' ? task : task.text;
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** The sides of a decision whose task text changed since it was decided (`a#12`, `b#7`); empty when current. */
function changedSides(d: Decision, ta: Task, tb: Task): string[] {
  return [d.aHash !== undefined && d.aHash !== taskHash(ta) ? `a#${d.a}` : '', d.bHash !== undefined && d.bHash !== taskHash(tb) ? `b#${d.b}` : ''].filter(Boolean);
}

/**
 * The decisions that apply to plans with tasks `tasksA`, `tasksB`: both tasks exist and neither text changed
 * since the decision (those {@link applyDecisions} skips with a message are left out).
 */
export function currentDecisions(decisions: readonly Decision[], tasksA: readonly Task[], tasksB: readonly Task[]): Decision[] {
  const a = new Map(tasksA.map((t) => [t.seq, t]));
  const b = new Map(tasksB.map((t) => [t.seq, t]));
  return decisions.filter((d) => {
    const ta = a.get(d.a);
    const tb = b.get(d.b);
    return ta !== undefined && tb !== undefined && changedSides(d, ta, tb).length === 0;
  });
}

/**
 * Apply decisions to scored links (indexes into the seq-sorted task lists `tasksA`, `tasksB`). Returns the
 * links with decided ones forced (a decided pair that was no candidate is added), and a Message for each
 * decision skipped.
 */
export function applyDecisions(
  links: readonly ScoredLink[],
  decisions: readonly Decision[],
  tasksA: readonly Task[],
  tasksB: readonly Task[],
): { links: ScoredLink[]; messages: Message[] } {
  const indexA = new Map(tasksA.map((t, k) => [t.seq, k]));
  const indexB = new Map(tasksB.map((t, k) => [t.seq, k]));
  const messages: Message[] = [];
  const forced = new Map<string, 'same' | 'different'>();
  for (const d of decisions) {
    const i = indexA.get(d.a);
    const j = indexB.get(d.b);
    if (i === undefined || j === undefined) {
      const missing = i === undefined ? `a has no task ${d.a}` : `b has no task ${d.b}`;
      messages.push({ reason: `decision a#${d.a} ↔ b#${d.b} skipped: plan ${missing}`, place: null, ruleId: 'decisions/no-task', fatal: false });
      continue;
    }
    const ta = tasksA[i] as Task;
    const tb = tasksB[j] as Task;
    const changed = changedSides(d, ta, tb);
    if (changed.length) {
      messages.push({
        reason: `decision a#${d.a} ↔ b#${d.b} skipped: the text of ${changed.join(' and ')} changed since it was decided`,
        place: changed[0]?.startsWith('a') ? ta.source : tb.source,
        ruleId: 'decisions/stale',
        fatal: false,
      });
      continue;
    }
    forced.set(`${i},${j}`, d.same ? 'same' : 'different');
  }
  const out: ScoredLink[] = links.map((l) => {
    const f = forced.get(`${l.i},${l.j}`);
    if (!f) return l;
    forced.delete(`${l.i},${l.j}`);
    return { ...l, p: f === 'same' ? 1 : 0, decided: f };
  });
  for (const [key, f] of [...forced].sort()) {
    const [i, j] = key.split(',').map(Number) as [number, number];
    out.push({ i, j, p: f === 'same' ? 1 : 0, decided: f });
  }
  return { links: out, messages };
}
