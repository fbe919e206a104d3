/**
 * The short plain-text summary a terminal shows instead of the whole report: the plans, the count of each
 * status, the pairs that bind more or less (with what changed), and where the full report is.
 */
import type { DiffPair, PlanDiff } from '../types';
import { changeText, countStatuses, expectedLine, joinSeqs, planName } from './common';
import { labelsFor, ROW_STATUSES, type Labels, type ReportLang, type RowStatus } from './labels';

/** Options of `renderSummary`. */
export interface SummaryOptions {
  /** Language of the labels (default `zh`) */
  lang?: ReportLang;
  /** Where the full report was written (a file name); the summary's last line names it */
  fullReport?: string;
  /** The command that printed the summary; without `fullReport`, the last line says how to get the full report with it */
  command?: string;
}

/** Statuses whose pairs the summary lists one by one. */
const LISTED: readonly RowStatus[] = ['strengthened', 'weakened', 'mixed'];

function pairLine(pair: DiffPair, L: Labels): string {
  const seqs = `${L.planA} #${joinSeqs(pair.a).replace(/;/g, `${L.listSep}#`)} → ${L.planB} #${joinSeqs(pair.b).replace(/;/g, `${L.listSep}#`)}`;
  const changes = pair.changes
    .filter((c) => c.direction !== 'neutral')
    .map((c) => {
      const before = changeText(c, 'before', L) ?? L.none;
      const after = changeText(c, 'after', L) ?? L.none;
      return `${L.kind[c.kind]}${L.parenOpen}${L.direction[c.direction]}${L.parenClose} ${before} → ${after}`;
    });
  return `  ${seqs}${L.colon}${changes.join(L.semicolon)}`;
}

/** Renders the terminal summary of a diff as plain text (no markup), ending with a newline. */
export function renderSummary(diff: PlanDiff, options: SummaryOptions = {}): string {
  const L = labelsFor(options.lang ?? 'zh');
  const counts = countStatuses(diff);
  const out: string[] = [L.title.replace('{a}', planName(diff.a)).replace('{b}', planName(diff.b)), ''];
  out.push(`${L.pairsTotal}${L.colon}${diff.pairs.length}`);
  out.push(ROW_STATUSES.map((s) => `${L.status[s]} ${counts[s]}`).join(' · '));
  // how many unpaired tasks the link probabilities expect to have no counterpart at all
  for (const [status, expected] of [['added', diff.expectedAdded], ['dropped', diff.expectedDropped]] as const) {
    const line = counts[status] ? expectedLine(expected, L) : null;
    if (line) out.push(`${L.status[status]} ${counts[status]}${L.colon}${line}`);
  }
  out.push('');
  for (const status of LISTED) {
    const pairs = diff.pairs.filter((p) => p.status === status);
    if (!pairs.length) continue;
    out.push(`${L.status[status]}${L.colon}`.trimEnd(), ...pairs.map((p) => pairLine(p, L)), '');
  }
  out.push(L.caveat);
  if (options.fullReport) out.push(L.fullReportAt.replace('{where}', options.fullReport));
  else if (options.command) out.push(L.fullReportHow.replace(/\{cmd\}/g, options.command));
  return `${out.join('\n')}\n`;
}
