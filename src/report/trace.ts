/**
 * Reports of the task-level views: a task traced across the corpus (`renderTrace`), an alignment of two
 * plans (`renderAlignment`) and a plan's quantified obligations (`renderObligations`).
 */
import { alignmentToJson } from '../align/json';
import { obligationsToJson } from '../diff/json';
import type { Alignment, Obligation, Plan, Task, Trace } from '../types';
import { type AuditLabels, auditLabelsFor } from './audit-labels';
import { basisNames, counterpartsLine, formatObligation, formatScore, planName } from './common';
import { type Labels, type ReportLang, labelsFor } from './labels';
import { mdCell, mdEscape } from './markdown';
import { csvText } from './csv';

/** Options of the task-level reports. */
export interface TaskReportOptions {
  /** Language of the labels (default `zh`) */
  lang?: ReportLang;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w)\}/g, (m, k: string) => values[k] ?? m);
}

function unknownFormat(what: string, format: string, expected: string): never {
  throw new TypeError(`unknown ${what} format ${JSON.stringify(format)} (expected ${expected})`);
}

/** Obligations as one line: `频次 ≥4次/年（每季度至少1次）；…`. */
function obligationsLine(list: Obligation[], L: Labels): string {
  return list.map((o) => `${L.obligationKind[o.kind]} ${mdCell(formatObligation(o, L))}（${mdCell(o.quote)}）`).join('；');
}

/* ───────────────────────────── trace ───────────────────────────── */

function traceMarkdown(trace: Trace, A: AuditLabels, L: Labels): string {
  const out: string[] = [];
  out.push(`# ${mdEscape(fill(A.traceTitle, { p: planName(trace.origin), s: String(trace.seq) }))}`, '');
  out.push(`| ${A.plan} | ${A.year} | ${A.similarity} | ${A.seq} | ${A.text} | ${A.obligations} |`, '| --- | ---: | ---: | --- | --- | --- |');
  for (const step of trace.steps) {
    const found = step.tasks.length > 0;
    const seqs = step.tasks.map((t) => `#${t.seq}`).join('<br>');
    const texts = found ? step.tasks.map((t) => mdCell(t.text)).join('<br>') : `*${A.noMatch}*`;
    const obligations = step.tasks.map((t) => obligationsLine(t.obligations, L)).filter((s) => s).join('<br>');
    out.push(
      `| ${mdCell(planName(step.plan))} | ${step.plan.year ?? ''} | ${found ? formatScore(step.score) : '—'} | ${seqs} | ${texts} | ${obligations} |`,
    );
  }
  out.push('', '---', '', A.generatedBy, '');
  return out.join('\n');
}

/**
 * Renders a task trace (`traceTask`): `md` is one table row per plan in year order with the similarity, the
 * matching tasks' texts and their obligations; `json` is the `Trace` object, 2-space indent.
 */
export function renderTrace(trace: Trace, format: 'md' | 'json', options: TaskReportOptions = {}): string {
  const lang = options.lang ?? 'zh';
  if (format === 'json') return `${JSON.stringify(trace, null, 2)}\n`;
  if (format === 'md') return traceMarkdown(trace, auditLabelsFor(lang), labelsFor(lang));
  return unknownFormat('trace', format, 'md or json');
}

/* ───────────────────────────── alignment ───────────────────────────── */

function seqList(tasks: Task[], L: Labels): string {
  return tasks.map((t) => `#${t.seq}`).join(L.listSep);
}

function alignmentMarkdown(al: Alignment, A: AuditLabels, L: Labels): string {
  const out: string[] = [];
  out.push(`# ${mdEscape(fill(A.alignTitle, { a: planName(al.a), b: planName(al.b) }))}`, '');
  out.push(`${L.planA}${L.colon}${mdEscape(planName(al.a))}${L.gap}${L.planB}${L.colon}${mdEscape(planName(al.b))}`, '');
  out.push(`| ${A.pairs} | ${A.dropped} | ${A.added} |`, '| ---: | ---: | ---: |', `| ${al.pairs.length} | ${al.dropped.length} | ${al.added.length} |`, '');
  out.push(`## ${A.pairs}${L.parenOpen}${al.pairs.length}${L.parenClose}`, '');
  if (al.pairs.length) {
    out.push(`| ${L.planA} | ${L.planB} | ${A.similarity} | ${L.probability} | ${A.sharedTerms} | ${L.basis} | ${L.planA}${L.colon}${A.text} | ${L.planB}${L.colon}${A.text} |`);
    out.push('| --- | --- | ---: | ---: | --- | --- | --- | --- |');
    for (const p of al.pairs) {
      const basis = basisNames(p.evidence, L);
      out.push(
        `| ${seqList(p.a, L)} | ${seqList(p.b, L)} | ${formatScore(p.score)} | ${typeof p.probability === 'number' ? formatScore(p.probability) : ''} | ${mdCell(p.evidence.sharedTerms.join(L.listSep))} | ${mdCell(basis)} | ` +
          `${p.a.map((t) => mdCell(t.text)).join('<br>')} | ${p.b.map((t) => mdCell(t.text)).join('<br>')} |`,
      );
    }
  } else out.push(A.none);
  out.push('');
  for (const [title, hint, tasks, side] of [
    [A.dropped, A.droppedHint, al.dropped, 'a'],
    [A.added, A.addedHint, al.added, 'b'],
  ] as const) {
    out.push(`## ${title}${L.parenOpen}${tasks.length}${L.parenClose}`, '', hint, '');
    if (!tasks.length) out.push(A.none);
    for (const t of tasks) {
      // the other plan's likeliest counterparts with their probabilities, for checking (not pairs)
      const pointer = counterpartsLine(al, L, side, t);
      out.push(`- #${t.seq} ${mdCell(t.text)}${pointer ? ` · ${pointer}` : ''}`);
    }
    out.push('');
  }
  out.push('---', '', A.generatedBy, '');
  return out.join('\n');
}

/**
 * Renders an alignment (`alignPlans`): `md` gives the counts, a table of pairs with scores, shared terms and
 * both texts, then the dropped and added tasks with their texts; `json` is `alignmentToJson`, 2-space indent.
 */
export function renderAlignment(al: Alignment, format: 'md' | 'json', options: TaskReportOptions = {}): string {
  const lang = options.lang ?? 'zh';
  if (format === 'json') return `${JSON.stringify(alignmentToJson(al), null, 2)}\n`;
  if (format === 'md') return alignmentMarkdown(al, auditLabelsFor(lang), labelsFor(lang));
  return unknownFormat('alignment', format, 'md or json');
}

/* ───────────────────────────── obligations ───────────────────────────── */

function obligationsMarkdown(plan: Plan, obligationsOf: (t: Task) => Obligation[], A: AuditLabels, L: Labels): string {
  const ref = { id: plan.meta.id, district: plan.meta.district, year: plan.meta.year };
  const withAny = plan.tasks.map((t) => ({ task: t, list: obligationsOf(t) })).filter((x) => x.list.length);
  const total = withAny.reduce((n, x) => n + x.list.length, 0);
  const out: string[] = [];
  out.push(`# ${mdEscape(fill(A.obligationsTitle, { p: planName(ref) }))}`, '');
  out.push(fill(A.obligationsCount, { n: String(withAny.length), m: String(total), t: String(plan.tasks.length) }), '');
  for (const { task, list } of withAny) {
    const where = task.name ?? task.section.join(' / ');
    out.push(`## #${task.seq}${where ? ` · ${mdCell(where)}` : ''}`, '');
    out.push(`> ${mdCell(task.text)}`, '');
    for (const o of list) {
      out.push(`- ${L.obligationKind[o.kind]} **${mdCell(formatObligation(o, L))}** · ${mdCell(o.subject)} · ${A.quote}「${mdCell(o.quote)}」`);
    }
    out.push('');
  }
  out.push('---', '', A.generatedBy, '');
  return out.join('\n');
}

/** The columns of the obligations CSV, in order. */
export const OBLIGATION_COLUMNS = ['seq', 'kind', 'comparator', 'value', 'valueMax', 'unit', 'period', 'subject', 'quote'] as const;

function obligationsCsv(plan: Plan, obligationsOf: (t: Task) => Obligation[]): string {
  // a date's value reads 03-31 on its own; its unit code (MM-DD) is left out
  const rows = obligationsToJson(plan.tasks, obligationsOf).map((r) => (r.kind === 'date' ? { ...r, unit: '' } : r));
  return csvText(OBLIGATION_COLUMNS, rows.map((r) => OBLIGATION_COLUMNS.map((c) => r[c])));
}

/**
 * Renders a plan's quantified obligations: `md` lists each task that has any, with its text and one line per
 * obligation (kind, formula, subject, quote); `json` is `obligationsToJson` rows, 2-space indent; `csv` is the same rows, one line each (RFC 4180, UTF-8 with BOM).
 */
export function renderObligations(
  plan: Plan,
  obligationsOf: (t: Task) => Obligation[],
  format: 'md' | 'json' | 'csv',
  options: TaskReportOptions = {},
): string {
  const lang = options.lang ?? 'zh';
  if (format === 'json') return `${JSON.stringify(obligationsToJson(plan.tasks, obligationsOf), null, 2)}\n`;
  if (format === 'csv') return obligationsCsv(plan, obligationsOf);
  if (format === 'md') return obligationsMarkdown(plan, obligationsOf, auditLabelsFor(lang), labelsFor(lang));
  return unknownFormat('obligations', format, 'md, json or csv');
}
