/**
 * Reports people read: `renderReport` turns a `PlanDiff` into Markdown, a self-contained HTML page, CSV or
 * JSON; `toRows` gives the flat rows behind the CSV for a spreadsheet or data frame. `renderAudit` does the
 * same for a convergence audit (`toAuditRows` for its rows); `renderTrace`, `renderAlignment` and
 * `renderObligations` print the task-level views.
 */
import type { PlanDiff, ReviewSheet } from '../types';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderJson } from './json';
import { labelsFor, type ReportLang } from './labels';
import { renderMarkdown } from './markdown';
import { reviewPart } from './review-html';
import { reviewLabelsFor } from './review-labels';

export { toRows, REPORT_COLUMNS, type ReportRow, type RowOptions } from './rows';
export { LABELS, labelsFor, type Labels, type ReportLang, type RowStatus } from './labels';
export {
  renderAudit,
  toAuditRows,
  AUDIT_COLUMNS,
  AUDIT_FORMATS,
  type AuditFormat,
  type AuditReportOptions,
  type AuditRow,
} from './audit';
export { renderTrace, renderAlignment, renderObligations, type TaskReportOptions } from './trace';
export { renderReview, reviewSheet, reviewToJson, type ReviewFormat, type ReviewJson } from './review';
export { AUDIT_LABELS, auditLabelsFor, ADOPTION_STATUSES, type AuditLabels } from './audit-labels';

/** Output formats of `renderReport`. */
export type ReportFormat = 'md' | 'html' | 'json' | 'csv';

/** Options of `renderReport`. */
export interface ReportOptions {
  /** Language of the labels (default `zh`); the plans' own text is never translated */
  lang?: ReportLang;
  /** Review questions the HTML report offers with same / different buttons (see `reviewSheet`) */
  review?: ReviewSheet;
}

/** Every format `renderReport` accepts. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'json', 'csv'];

/**
 * Renders a plan diff as text in the given format.
 *
 * - `md`: summary table, then one section per status with both texts, changes and character diff
 * - `html`: one self-contained page with summary chart, side-by-side pairs, highlighting and filters
 * - `json`: the stable seq-based form of `diffToJson(diff)` (what `plandiff diff --format json` prints),
 *   2-space indent, trailing newline
 * - `csv`: RFC 4180, UTF-8 with BOM, one row per `toRows` row (statuses and kinds are codes; before/after
 *   values are readable, in `lang`)
 */
export function renderReport(diff: PlanDiff, format: ReportFormat, options: ReportOptions = {}): string {
  const labels = labelsFor(options.lang ?? 'zh');
  switch (format) {
    case 'md':
      return renderMarkdown(diff, labels);
    case 'html': {
      const R = reviewLabelsFor(options.lang ?? 'zh');
      return renderHtml(diff, labels, options.review ? reviewPart(options.review, R, labels.planA, labels.planB) : undefined);
    }
    case 'json':
      return renderJson(diff);
    case 'csv':
      return renderCsv(diff, options.lang ?? 'zh');
    default:
      throw new TypeError(`unknown report format ${JSON.stringify(format)} (expected md, html, json or csv)`);
  }
}
