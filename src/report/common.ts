/**
 * Small helpers shared by the report formats: how a plan, a task list, a source span and an obligation
 * read as text, and the per-status counts every summary shows.
 */
import { formatObligation as formatBound } from '../diff/format';
import type { Change, ChangeKind, Direction, Evidence, Link, LinkBasis, Message, Modality, NearestTask, Obligation, PlanDiff, PlanRef, SourceSpan, Task } from '../types';
import { needsCheck } from '../align/check';
import { DEFAULT_ALIGN_CONFIG } from '../align/config';
import { CHANGE_KINDS, LABELS, ROW_STATUSES, type Labels, type RowStatus } from './labels';

/** ` · 概率 0.79`: a pair's calibrated probability as its heading shows it (empty for a pair that has none,
 * as in diffs made by older versions). */
export function probabilityText(pair: { probability?: number }, L: Labels): string {
  return typeof pair.probability === 'number' ? ` · ${L.probability} ${formatScore(pair.probability)}` : '';
}

/** A plan as a reader names it: `普陀区 2023 (putuo-2023)`, or the id alone when nothing else is known. */
export function planName(ref: PlanRef): string {
  const words = [ref.district, ref.year != null ? String(ref.year) : null].filter((w): w is string => !!w);
  return words.length ? `${words.join(' ')} (${ref.id})` : ref.id;
}

/** How many pairs of a diff are marked to check ({@link needsCheck}: their probability is low). */
export function weakPairCount(diff: PlanDiff): number {
  return diff.pairs.filter((p) => needsCheck(p)).length;
}

/** `file:lineStart–lineEnd` */
export function formatSource(span: SourceSpan): string {
  return `${span.file}:${span.lineStart}–${span.lineEnd}`;
}

/** A plan's parse messages grouped by rule, in order of first appearance, each group cut to `limit`. */
export function groupMessages(messages: readonly Message[], limit = 5): { ruleId: string; shown: Message[]; more: number }[] {
  const groups = new Map<string, Message[]>();
  for (const m of messages) {
    const list = groups.get(m.ruleId);
    if (list) list.push(m);
    else groups.set(m.ruleId, [m]);
  }
  return [...groups].map(([ruleId, list]) => ({ ruleId, shown: list.slice(0, limit), more: Math.max(0, list.length - limit) }));
}

/** A parse rule as a reader names it: `空单元格沿用上一行（合并单元格）`, in English with its id (`empty cell taken
 * from the row above (merged cell) (table/inherited-cell)`); a rule without a title prints its id. */
export function ruleName(ruleId: string, L: Labels): string {
  const title = Object.hasOwn(L.ruleTitles, ruleId) ? L.ruleTitles[ruleId] : undefined;
  if (!title) return ruleId;
  return L.lang === 'en' ? `${title} (${ruleId})` : title;
}

/**
 * One parse message as a report lists it: the reason and its place in English; in Chinese the plan
 * text the reason quotes (“…”), if any, and the place (the reasons are written in English; the group's
 * title says what was noted, and `plandiff parse` gives each reason).
 */
export function messageText(m: Message, L: Labels): { reason: string | null; place: string | null } {
  const quoted = m.reason.match(/“[^”]*”/g)?.join(' ') ?? null;
  return { reason: L.lang === 'en' ? m.reason : quoted, place: m.place ? formatSource(m.place) : null };
}

/** Printed numbers of tasks joined by `;`, e.g. `12;14`. */
export function joinSeqs(tasks: Task[]): string {
  return tasks.map((t) => String(t.seq)).join(';');
}

/**
 * The outermost section title of the first task; for a task without body sections, the first level of its
 * indicator path (`name`, levels joined by `/`); else `''`.
 */
export function topSection(tasks: Task[]): string {
  const task = tasks[0];
  if (!task) return '';
  return task.section[0] ?? task.name?.split('/')[0]?.trim() ?? '';
}

/** How many changes of each kind go each way, for the kinds that occur, in `CHANGE_KINDS` order. */
export function countChanges(diff: PlanDiff): { kind: ChangeKind; stronger: number; weaker: number; neutral: number }[] {
  const table = new Map<ChangeKind, Record<Direction, number>>();
  for (const pair of diff.pairs) {
    for (const c of pair.changes) {
      const row = table.get(c.kind) ?? { stronger: 0, weaker: 0, neutral: 0 };
      row[c.direction] += 1;
      table.set(c.kind, row);
    }
  }
  return CHANGE_KINDS.filter((k) => table.has(k)).map((kind) => ({ kind, ...table.get(kind)! }));
}

/** How many rows of each status the diff has: pairs by their status, unmatched tasks as added/dropped. */
export function countStatuses(diff: PlanDiff): Record<RowStatus, number> {
  const counts = Object.fromEntries(ROW_STATUSES.map((s) => [s, 0])) as Record<RowStatus, number>;
  for (const pair of diff.pairs) counts[pair.status] += 1;
  counts.added = diff.added.length;
  counts.dropped = diff.dropped.length;
  return counts;
}

/** The obligations of one task (empty when the diff has none for it). */
export function obligationsOf(diff: PlanDiff, side: 'a' | 'b', task: Task): Obligation[] {
  return diff.obligations[`${side}:${task.seq}`] ?? [];
}

/** An obligation as a short formula in the labels' language: `每年≥4次` (`≥4次/year`), `≤5个工作日`, `≤03-31`. */
export function formatObligation(o: Obligation, L: Labels): string {
  return formatBound(o, L.lang);
}

/** A units cell as printed, without a leading 责任单位： label that a report prints itself. */
export function unitsText(raw: string): string {
  return raw.replace(/^\s*责任单位\s*[：:]\s*/, '');
}

/** True when a units text opens with a label of its own (牵头单位：…), so a report prints no label before it. */
export function hasOwnLabel(units: string): boolean {
  return /^[\p{Script=Han}]{2,6}[：:]/u.test(units);
}

/** A score with two decimals, as reports print it. */
export function formatScore(score: number): string {
  return score.toFixed(2);
}

/**
 * A change's before or after value as a reader sees it, in the labels' language: a modality level
 * (`must`) becomes its label, a quantified obligation is written out (`每年≥4次`, with its subject for a
 * clause gained or lost), everything else prints as it is.
 */
export function changeText(change: Change, side: 'before' | 'after', L: Labels): string | null {
  const value = change[side];
  if (value != null && change.kind === 'modality' && Object.hasOwn(L.modality, value)) return L.modality[value as Modality];
  const o = side === 'before' ? change.obligationA : change.obligationB;
  if (value == null || !o) return value;
  return change.kind === 'clause' ? `${o.subject} ${formatBound(o, L.lang)}` : formatBound(o, L.lang);
}

/** The words a modality change quotes on one side (the sentence that carries the shared obligation), or
 * null for other changes, whose values are their own quote. */
export function changeQuote(change: Change, side: 'before' | 'after'): string | null {
  if (change.kind !== 'modality') return null;
  return side === 'before' ? change.quoteA : change.quoteB;
}

/** The names of the rules that linked a pair, joined (`含相同条款、写明对方指标名称`); empty when the pair does
 * not record them (plain text). */
export function basisNames(evidence: Evidence, L: Labels): string {
  return (evidence.basis ?? []).map((b) => L.linkBasis[b]).join(L.listSep);
}

/** The rules that linked a pair, as a phrase (`配对依据：含相同条款、写明对方指标名称`), or null when the
 * pair does not record them (plain text). */
export function basisLine(evidence: Evidence, L: Labels): string | null {
  const names = basisNames(evidence, L);
  if (!names) return null;
  return L === LABELS.zh ? `${L.basis}：${names}` : `${L.basis}: ${names}`;
}

/** The line that points an unpaired task to the other plan's highest-scoring task, or null (plain text).
 * `nearest` is an alignment's or a diff's `nearest` record. */
export function nearestLine(nearest: Record<string, NearestTask> | undefined, L: Labels, side: 'a' | 'b', task: Task): string | null {
  const n = nearest?.[`${side}:${task.seq}`];
  if (!n) return null;
  const other = side === 'a' ? L.planB : L.planA;
  const score = `${L.score} ${formatScore(n.score)}`;
  return L === LABELS.zh
    ? `${L.nearest}：${other} #${n.seq}（${score}，${L.nearestNote}）`
    : `${L.nearest}: ${other} #${n.seq} (${score}; ${L.nearestNote})`;
}

/**
 * The line that lists an unpaired task's likeliest counterparts in the other plan with their calibrated
 * probabilities (`likeliest`: a diff's or an alignment's record), or, for a result without probabilities,
 * the {@link nearestLine}. Plain text; null when there is nothing to say.
 */
export function counterpartsLine(
  diff: { likeliest?: Record<string, Link[]>; nearest?: Record<string, NearestTask> },
  L: Labels,
  side: 'a' | 'b',
  task: Task,
): string | null {
  if (!diff.likeliest) return nearestLine(diff.nearest, L, side, task);
  const links = diff.likeliest[`${side}:${task.seq}`] ?? [];
  const other = side === 'a' ? L.planB : L.planA;
  const zh = L === LABELS.zh;
  const none = L.likeliestNone.replace('{floor}', String(DEFAULT_ALIGN_CONFIG.candidateFloor));
  if (!links.length) return zh ? `${L.likeliest}：${none}` : `${L.likeliest}: ${none}`;
  const items = links.map((l) => `${other} #${side === 'a' ? l.b : l.a}${zh ? '（' : ' ('}${L.probability} ${l.probability.toFixed(2)}${zh ? '）' : ')'}`);
  return zh ? `${L.likeliest}：${items.join('、')}` : `${L.likeliest}: ${items.join(', ')}`;
}

/** "about N expected to have no counterpart" for the summary's dropped / added row, or null without probabilities. */
export function expectedLine(expected: number | undefined, L: Labels): string | null {
  return expected === undefined ? null : L.expectedNone.replace('{n}', String(Math.round(expected)));
}

/** What the 待核 / to-check mark means ({@link needsCheck}), with the probability below which it is set. */
export function checkHint(L: Labels): string {
  return L.weakHint.replace('{below}', String(DEFAULT_ALIGN_CONFIG.checkBelow));
}
