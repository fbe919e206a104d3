/**
 * Notebook display: `notebookView(diff)` or `notebookView(convergence)` wraps a result in an object that
 * Deno's Jupyter kernel (and any frontend that asks for `Symbol.for('Jupyter.display')`) shows as a rich
 * MIME bundle: the HTML report, the Markdown report, the stable JSON and a one-line plain-text summary.
 *
 * The HTML report is a whole page with its own styles and a small filter script, so the bundle's
 * `text/html` puts it in an `<iframe srcdoc>`: its styles cannot restyle the notebook and its script runs
 * sandboxed (`allow-scripts` only). The view's own enumerable fields are plain data, so `JSON.stringify(view)`
 * prints `{"kind":…,"value":…}` and nothing else. Nothing here prints or reads files.
 */
import { diffToJson } from './diff/json';
import { escapeHtml } from './report/html';
import { renderAudit } from './report/audit';
import { renderReport } from './report/index';
import type { ReportLang } from './report/labels';
import type { Convergence, PlanDiff } from './types';

/** The symbol Deno's Jupyter kernel calls to get a value's MIME bundle. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display');

/** Options of `notebookView`. */
export interface NotebookViewOptions {
  /** Language of the report labels (default `zh`) */
  lang?: ReportLang;
  /** Height of the HTML report's frame in CSS pixels (default 640) */
  height?: number;
}

/** A MIME bundle as Jupyter frontends read it. */
export interface MimeBundle {
  'text/html': string;
  'text/markdown': string;
  'application/json': unknown;
  'text/plain': string;
}

/** What `notebookView` returns: the wrapped result, and the display method under `Symbol.for('Jupyter.display')`. */
export interface NotebookView<T extends PlanDiff | Convergence = PlanDiff | Convergence> {
  /** Which kind of result is shown */
  readonly kind: 'diff' | 'audit';
  /** The result itself, unchanged */
  readonly value: T;
  /** The MIME bundle (the method Deno's kernel calls) */
  [JUPYTER_DISPLAY](): MimeBundle;
}

function isConvergence(value: unknown): value is Convergence {
  return !!value && typeof value === 'object' && Array.isArray((value as Convergence).directiveTasks) && Array.isArray((value as Convergence).plans);
}

function isDiff(value: unknown): value is PlanDiff {
  return !!value && typeof value === 'object' && Array.isArray((value as PlanDiff).pairs) && typeof (value as PlanDiff).obligations === 'object';
}

/** A whole HTML page inside a sandboxed iframe, so that its styles and script stay inside it. */
function framed(page: string, height: number): string {
  return (
    `<iframe srcdoc="${escapeHtml(page)}" sandbox="allow-scripts" ` +
    `style="width:100%;height:${Math.round(height)}px;border:1px solid #d6dbe0;border-radius:4px" loading="lazy"></iframe>`
  );
}

function diffSummary(diff: PlanDiff): string {
  const counts: Record<string, number> = { unchanged: 0, reworded: 0, strengthened: 0, weakened: 0, mixed: 0 };
  for (const p of diff.pairs) counts[p.status] = (counts[p.status] ?? 0) + 1;
  const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
  return `PlanDiff ${diff.a.id} → ${diff.b.id}: ${diff.pairs.length} pairs (${parts.join(', ')}), added ${diff.added.length}, dropped ${diff.dropped.length}`;
}

function auditSummary(conv: Convergence): string {
  const plans = conv.plans.map((p) => `${p.plan.id} coverage ${(p.coverage * 100).toFixed(1)}% score ${p.score.toFixed(2)}`);
  const skipped = conv.skipped.length ? `; skipped ${conv.skipped.length}` : '';
  return `Convergence with ${conv.directive.id} (${conv.directiveTasks.length} tasks): ${plans.join('; ') || 'no plans'}${skipped}`;
}

/**
 * Wraps a plan diff (`diffPlans`) or a convergence audit (`auditConvergence`) for display in a notebook.
 * The last expression of a Deno Jupyter cell shows it as the HTML report; other frontends can call
 * `view[Symbol.for('Jupyter.display')]()` for the bundle.
 *
 * @example
 *   import { loadPlan, diffPlans, notebookView } from 'npm:plandiff';
 *   notebookView(diffPlans(loadPlan('putuo-2023'), loadPlan('songjiang-2024')), { lang: 'en' });
 */
export function notebookView<T extends PlanDiff | Convergence>(value: T, options: NotebookViewOptions = {}): NotebookView<T> {
  const lang = options.lang ?? 'zh';
  const height = options.height ?? 640;
  let bundle: () => MimeBundle;
  let kind: 'diff' | 'audit';
  const input: PlanDiff | Convergence = value;
  if (isConvergence(input)) {
    kind = 'audit';
    bundle = () => ({
      'text/html': framed(renderAudit(input, 'html', { lang }), height),
      'text/markdown': renderAudit(input, 'md', { lang }),
      'application/json': JSON.parse(JSON.stringify(input)) as unknown,
      'text/plain': auditSummary(input),
    });
  } else if (isDiff(input)) {
    kind = 'diff';
    bundle = () => ({
      'text/html': framed(renderReport(input, 'html', { lang }), height),
      'text/markdown': renderReport(input, 'md', { lang }),
      'application/json': diffToJson(input),
      'text/plain': diffSummary(input),
    });
  } else {
    throw new TypeError('notebookView expects a PlanDiff (diffPlans) or a Convergence (auditConvergence)');
  }
  const view = { kind, value } as NotebookView<T>;
  Object.defineProperty(view, JUPYTER_DISPLAY, { value: bundle, enumerable: false });
  return view;
}
