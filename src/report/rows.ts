/**
 * One flat row per matched pair or unmatched task, for a spreadsheet or a data frame
 * (`pandas.DataFrame(rows)`); the CSV report writes exactly these rows.
 */
import type { PlanDiff, Task } from '../types';
import { changeText, formatSource, joinSeqs, unitsText } from './common';
import { labelsFor, type Labels, type ReportLang, type RowStatus } from './labels';

/**
 * A row of the diff as plain strings. Lists of codes (numbers, kinds, directions, sources, time nodes) are
 * joined with `;`; lists of free text (task texts, units, before/after values) with a newline. `changeKinds`,
 * `directions`, `before` and `after` list the same changes in the same order (a missing value is empty);
 * before and after are readable values, not codes.
 * Fields of the side a task is absent from are empty strings.
 */
export interface ReportRow {
  /** Pair status, or `added` (only in plan b) / `dropped` (only in plan a) */
  status: RowStatus;
  /** Printed numbers of the plan-a tasks, e.g. `12;14` */
  seqA: string;
  /** Printed numbers of the plan-b tasks */
  seqB: string;
  /** Similarity of a matched pair in [0, 1]; null for an unmatched task */
  score: number | null;
  /** Calibrated probability that a matched pair carries the same obligation (its weakest link); null for an
   * unmatched task, and for a pair of a diff made without probabilities */
  probability: number | null;
  /** The rules that linked a matched pair (`assignment;clause`, see LinkBasis); empty for an unmatched task */
  basis: string;
  /** Texts of the plan-a tasks, one per line */
  textA: string;
  /** Texts of the plan-b tasks, one per line */
  textB: string;
  /** Section path of the first plan-a task, levels joined by ` / ` */
  sectionA: string;
  /** Section path of the first plan-b task */
  sectionB: string;
  /** 责任单位 of the plan-a tasks as printed, one task per line */
  unitsA: string;
  /** 责任单位 of the plan-b tasks */
  unitsB: string;
  /** 时间节点 of the plan-a tasks as printed, `;`-joined */
  timeNodeA: string;
  /** 时间节点 of the plan-b tasks */
  timeNodeB: string;
  /** Source lines of the plan-a tasks, `file:start–end`, `;`-joined */
  sourceA: string;
  /** Source lines of the plan-b tasks */
  sourceB: string;
  /** Change kinds, `;`-joined */
  changeKinds: string;
  /** Change directions (stronger / weaker / neutral), `;`-joined */
  directions: string;
  /** Values before each change, one per line */
  before: string;
  /** Values after each change, one per line */
  after: string;
}

/** Column order of `ReportRow`, as the CSV header prints it. */
export const REPORT_COLUMNS: readonly (keyof ReportRow)[] = [
  'status',
  'seqA',
  'seqB',
  'score',
  'probability',
  'basis',
  'textA',
  'textB',
  'sectionA',
  'sectionB',
  'unitsA',
  'unitsB',
  'timeNodeA',
  'timeNodeB',
  'sourceA',
  'sourceB',
  'changeKinds',
  'directions',
  'before',
  'after',
];

interface Side {
  seq: string;
  text: string;
  section: string;
  units: string;
  timeNode: string;
  source: string;
}

function side(tasks: Task[]): Side {
  return {
    seq: joinSeqs(tasks),
    text: tasks.map((t) => t.text).join('\n'),
    section: tasks[0]?.section.join(' / ') ?? '',
    units: tasks.map((t) => unitsText(t.units.raw)).join('\n'),
    timeNode: tasks.map((t) => t.timeNode?.raw ?? '').join(';'),
    source: tasks.map((t) => formatSource(t.source)).join(';'),
  };
}

function row(
  status: RowStatus,
  a: Task[],
  b: Task[],
  score: number | null,
  probability: number | null,
  changes: PlanDiff['pairs'][number]['changes'],
  basis: readonly string[],
  L: Labels,
): ReportRow {
  const sa = side(a);
  const sb = side(b);
  return {
    status,
    seqA: sa.seq,
    seqB: sb.seq,
    score,
    probability,
    basis: basis.join(';'),
    textA: sa.text,
    textB: sb.text,
    sectionA: sa.section,
    sectionB: sb.section,
    unitsA: sa.units,
    unitsB: sb.units,
    timeNodeA: sa.timeNode,
    timeNodeB: sb.timeNode,
    sourceA: sa.source,
    sourceB: sb.source,
    changeKinds: changes.map((c) => c.kind).join(';'),
    directions: changes.map((c) => c.direction).join(';'),
    before: changes.map((c) => changeText(c, 'before', L) ?? '').join('\n'),
    after: changes.map((c) => changeText(c, 'after', L) ?? '').join('\n'),
  };
}

/** Options of `toRows`. */
export interface RowOptions {
  /** Language of the before/after values (modality levels, obligation bounds); default `zh` */
  lang?: ReportLang;
}

/**
 * Flattens a diff into rows: the matched pairs in the diff's order, then the dropped tasks of plan a, then
 * the added tasks of plan b. Before/after values read as the reports write them (`应当类（确保、应当、严格落实）`,
 * `每年≥4次`), in `options.lang`.
 */
export function toRows(diff: PlanDiff, options: RowOptions = {}): ReportRow[] {
  const L = labelsFor(options.lang ?? 'zh');
  return [
    ...diff.pairs.map((p) => row(p.status, p.a, p.b, p.score, typeof p.probability === 'number' ? p.probability : null, p.changes, p.evidence.basis ?? [], L)),
    ...diff.dropped.map((t) => row('dropped', [t], [], null, null, [], [], L)),
    ...diff.added.map((t) => row('added', [], [t], null, null, [], [], L)),
  ];
}
