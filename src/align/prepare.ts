/**
 * Tokenize a plan once for alignment: the content terms of each task, its clauses as term lists, and its
 * content characters. The result is plain JSON, so a notebook can keep it and align many times without
 * loading the tokenizer again.
 */
import type { Plan, Task } from '../types';
import { extractObligations } from '../obligations/extract';
import { clauses } from '../text/clauses';
import { isContentToken, tokenize, tokenPieces, type Tokenizer } from '../text/tokenize';
import { announcePlan, defaultTokenizer } from '../text/tokenizer-jieba';

/** One task, ready for alignment. */
export interface PreparedTask {
  /** The task's seq */
  seq: number;
  /** Content terms of the task text in order (punctuation and numbers left out) */
  terms: string[];
  /** Content terms of the last level of the task name (empty when the task has no name) */
  nameTerms: string[];
  /** Content terms of each clause of the task text */
  clauses: string[][];
  /** The task text's letters and digits only (no punctuation or whitespace), for character signals */
  chars: string;
  /** The task's quantitative obligations in short form (absent in tasks prepared by older versions) */
  quantities?: QuantityKey[];
  /** The task text cut into tokens and the gaps between them (they concatenate back to the text), for the
   * text diff of a pair (absent in tasks prepared by older versions) */
  pieces?: string[];
}

/** What a quantitative obligation binds, without its value: two tasks that bind the same thing with other
 * numbers (不少于3次 → 不少于4次) carry the same obligation. */
export interface QuantityKey {
  /** Kind family: `count` (count and frequency), `time` (date and month), or the kind itself */
  family: string;
  /** Unit as printed after normalization (次, 个工作日, %) */
  unit: string;
  /** What is counted or bounded (the obligation's subject, or its quote when it has none) */
  subject: string;
}

/** The short form of a task's quantitative obligations (targets it only reports on are left out). */
export function quantityKeys(task: Task): QuantityKey[] {
  const family = (k: string): string => (k === 'frequency' ? 'count' : k === 'date' || k === 'month' ? 'time' : k);
  return extractObligations(task)
    .filter((o) => o.kind !== 'reported')
    .map((o) => ({ family: family(o.kind), unit: o.unit, subject: (o.subject || o.quote).replace(/[^\p{L}]+/gu, '') }));
}

/** A plan with its tasks prepared. */
export interface PreparedPlan {
  /** The plan */
  plan: Plan;
  /** One entry per task, in the plan's task order */
  tasks: PreparedTask[];
}

/** Options of {@link preparePlan}. */
export interface PrepareOptions {
  /** Word splitter (default: nodejieba with the field dictionary) */
  tokenizer?: Tokenizer;
}

/** Numbers (with or without units) change from year to year; they are compared by the diff, not here. */
const isNumberToken = (t: string): boolean => /^[\d零一二两三四五六七八九十百千]+(?:[.．\d]*)(?:[—–－\-~～至到][\d零一二两三四五六七八九十百千.．]+)?[^\p{Script=Han}]*$/u.test(t) || /^\d/.test(t);

const contentTerm = (t: string): boolean => isContentToken(t) && !isNumberToken(t);

/** The part of a task name that can carry content: its last level (`一级/二级/三级` → `三级`). */
export function nameContent(name: string | null): string {
  if (!name) return '';
  const levels = name.split('/').map((s) => s.trim()).filter(Boolean);
  return levels[levels.length - 1] ?? '';
}

/** Prepare one task. */
export function prepareTask(task: Task, options: PrepareOptions = {}): PreparedTask {
  const { tokenizer } = options;
  const tokens = tokenize(task.text, { tokenizer });
  const cls = clauses(task.text);
  const perClause: string[][] = cls.map(() => []);
  let k = 0;
  for (const t of tokens) {
    while (k < cls.length - 1 && t.start >= (cls[k] as { end: number }).end) k++;
    if (contentTerm(t.text) && cls.length > 0) perClause[k]?.push(t.text);
  }
  const name = nameContent(task.name);
  return {
    seq: task.seq,
    terms: tokens.map((t) => t.text).filter(contentTerm),
    nameTerms: name ? tokenize(name, { tokenizer }).map((t) => t.text).filter(contentTerm) : [],
    clauses: perClause.filter((c) => c.length > 0),
    chars: task.text.replace(/[^\p{L}\p{N}]+/gu, ''),
    quantities: quantityKeys(task),
    pieces: tokenPieces(task.text, tokens),
  };
}

/**
 * Tokenize every task of a plan once. The tokenizer is told the plan's texts first (`announcePlan`), so
 * that the default tokenizer loads the words they need at once rather than its full dictionary.
 *
 * @example const prepared = preparePlan(plan); alignPlans(prepared, other);
 */
export function preparePlan(plan: Plan, options: PrepareOptions = {}): PreparedPlan {
  announcePlan(plan, options.tokenizer ?? defaultTokenizer());
  return { plan, tasks: plan.tasks.map((t) => prepareTask(t, options)) };
}

/** True when the value is a {@link PreparedPlan} rather than a bare Plan. */
export function isPreparedPlan(x: Plan | PreparedPlan): x is PreparedPlan {
  return 'plan' in x && Array.isArray((x as PreparedPlan).tasks) && !('meta' in x);
}
