/**
 * Time nodes (时间节点) of two matched sides, compared as each plan means them: relative to the plan's own
 * year (a printed `2024年1月` in a 2023 plan is the next January) and to its issue date (a plan issued on
 * 12 April that asks for a task breakdown in 4月 and one issued on 10 May that asks for it in 5月 both
 * mean "within the month of issue"). Within a group, each task's node is compared with the node of its
 * own counterpart, never with another task's.
 */
import { compareTimeNodes } from '../parse/timenode';
import type { Change, PlanMeta, Task, TimeNode } from '../types';

/** What a plan's dates are read against: its year and its issue date (`YYYY-MM-DD`), when known. */
export type PlanDates = Pick<PlanMeta, 'year' | 'issueDate'>;

type Verdict = ReturnType<typeof compareTimeNodes>;

/** The node with its year offset taken from a printed year (`2024年1月` in a 2023 plan is offset 1). */
export function anchorTimeNode(node: TimeNode, plan: PlanDates): TimeNode {
  if (node.year == null || plan.year == null) return node;
  return { ...node, yearOffset: node.yearOffset + node.year - plan.year };
}

/** Month number counted from January of the plan's year (January 0), of an `MM-DD` day `offset` years on. */
function monthIndex(mmdd: string, offset: number): number {
  return offset * 12 + Number(mmdd.slice(0, 2)) - 1;
}

/** The issue date's month counted from January of the plan's year, or null when either is unknown. */
function issueMonth(plan: PlanDates): number | null {
  const m = plan.issueDate ? /^(\d{4})-(\d{2})-\d{2}$/.exec(plan.issueDate) : null;
  if (!m || plan.year == null) return null;
  return (Number(m[1]) - plan.year) * 12 + Number(m[2]) - 1;
}

/**
 * Compares node `b` of plan B with node `a` of plan A (`tighter` when b binds more). Both are read against
 * their own plan's year. When their deadlines fall on different calendar days, the move counts only if
 * it also holds counted from each plan's issue date, in whole months: 4月 in a plan issued in April and
 * 5月 in one issued in May are the same (`same`), and a later calendar deadline that leaves less time
 * after issue is no clear move either (`same`). Deadlines on the same day compare by window width.
 */
export function compareInPlans(a: TimeNode, planA: PlanDates, b: TimeNode, planB: PlanDates): Verdict {
  const na = anchorTimeNode(a, planA);
  const nb = anchorTimeNode(b, planB);
  const calendar = compareTimeNodes(na, nb);
  if (calendar === 'same' || calendar === 'incomparable') return calendar;
  const ia = issueMonth(planA);
  const ib = issueMonth(planB);
  if (na.end === null || nb.end === null || ia === null || ib === null) return calendar;
  if (na.end === nb.end && na.yearOffset === nb.yearOffset) return calendar;
  const fromIssue = Math.sign(monthIndex(nb.end, nb.yearOffset) - ib - (monthIndex(na.end, na.yearOffset) - ia));
  if (fromIssue === 0) return 'same';
  return (fromIssue < 0) === (calendar === 'tighter') ? calendar : 'same';
}

/**
 * The tasks of a pair matched with their own counterpart: in a 1:1 pair the two tasks; in a group, each
 * task of the smaller side with the task of the larger side it shares most with (`affinity`), so that a
 * task of the larger side that answers none (putuo #118's annual report beside its #116 task breakdown,
 * both matched to one task of songjiang) brings its time node into no comparison.
 */
export function counterparts(a: Task[], b: Task[], affinity: (x: Task, y: Task) => number): [Task, Task][] {
  if (!a.length || !b.length) return [];
  const best = (task: Task, others: Task[]): Task => others.reduce((x, y) => (affinity(task, y) > affinity(task, x) ? y : x));
  return a.length <= b.length ? a.map((t) => [t, best(t, b)]) : b.map((t) => [best(t, a), t]);
}

/**
 * The time-node change of a matched pair, or null when the nodes read the same or a side has none. Each
 * task is compared with its own counterpart (see `counterparts`); the pair binds more only when every
 * comparison that moves says so, less when every one says less, and is neutral otherwise. The values
 * quoted are the nodes of the tasks compared.
 */
export function timeNodeChange(
  a: Task[],
  b: Task[],
  plans: { a: PlanDates; b: PlanDates },
  affinity: (x: Task, y: Task) => number,
): Change | null {
  const compared = counterparts(a, b, affinity).filter(([x, y]) => x.timeNode && y.timeNode);
  if (!compared.length) return null;
  const list = (nodes: TimeNode[]): string => [...new Set(nodes.map((n) => n.raw))].join('；');
  const rawA = list(compared.map(([x]) => x.timeNode!));
  const rawB = list(compared.map(([, y]) => y.timeNode!));
  const verdicts = compared.map(([x, y]) => compareInPlans(x.timeNode!, plans.a, y.timeNode!, plans.b));
  const moved = verdicts.filter((v) => v === 'tighter' || v === 'looser');
  if (rawA === rawB && !moved.length) return null;
  const direction = moved.length && moved.every((v) => v === 'tighter') ? 'stronger' : moved.length && moved.every((v) => v === 'looser') ? 'weaker' : 'neutral';
  return { kind: 'timeNode', direction, before: rawA, after: rawB, quoteA: rawA, quoteB: rawB };
}
