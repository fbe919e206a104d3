/**
 * The words the audit, trace, alignment and obligation reports print around the plans' own text, in
 * Chinese (default) and English. Plan text and unit names are never translated.
 */
import type { AdoptionStatus } from '../types';
import type { ReportLang } from './labels';

/** Adoption statuses in the order reports list them. */
export const ADOPTION_STATUSES: readonly AdoptionStatus[] = ['adopted', 'adapted', 'missing'];

/** One language's labels for the audit-side reports. */
export interface AuditLabels {
  /** Audit title; `{d}` stands for the directive's name */
  auditTitle: string;
  /** Line naming the directive */
  directive: string;
  /** Shown above the summary: a machine reading to be checked against the sources */
  auditCaveat: string;
  /** How coverage and score are computed, one sentence */
  auditMethod: string;
  /** Adoption statuses */
  status: Record<AdoptionStatus, string>;
  /** What a status means */
  statusHint: Record<AdoptionStatus, string>;
  summary: string;
  plan: string;
  coverage: string;
  score: string;
  beyond: string;
  /** Title of the list of tasks a plan adds beyond the directive */
  beyondTitle: string;
  stricter: string;
  looser: string;
  matrix: string;
  seq: string;
  directiveTask: string;
  trends: string;
  year: string;
  skipped: string;
  reason: string;
  legend: string;
  /** Legend note: the darker an adapted cell, the higher its score */
  shadeHint: string;
  none: string;
  noPlans: string;
  /** Title of a trace; `{p}` the origin plan's name, `{s}` the task's seq */
  traceTitle: string;
  /** Title of an alignment; `{a}`, `{b}` the plans' names */
  alignTitle: string;
  pairs: string;
  dropped: string;
  added: string;
  /** Hint for dropped / added tasks in an alignment */
  droppedHint: string;
  addedHint: string;
  similarity: string;
  sharedTerms: string;
  text: string;
  tasks: string;
  noMatch: string;
  obligations: string;
  /** Title of an obligation list; `{p}` the plan's name */
  obligationsTitle: string;
  /** Line under it; `{n}` tasks with obligations, `{m}` obligations, `{t}` tasks in all */
  obligationsCount: string;
  quote: string;
  generatedBy: string;
}

const zh: AuditLabels = {
  auditTitle: '政务公开工作要点落实度：对照 {d}',
  directive: '对照要点',
  auditCaveat: '本报告由程序自动比对生成，“未见”表示未找到对应任务，不等于该区没有开展相关工作；引用前请核对原文。',
  auditMethod: '覆盖率 =（照搬 + 调整）/ 对照任务数；落实度得分 =（照搬计 1，调整计配对相似度，未见计 0）之和 / 对照任务数。',
  status: { adopted: '照搬', adapted: '调整', missing: '未见' },
  statusHint: {
    adopted: '与对照任务文字基本一致，约束力未变',
    adapted: '有对应任务，但文字或要求有调整',
    missing: '未找到对应任务',
  },
  summary: '概览',
  plan: '要点',
  coverage: '覆盖率',
  score: '落实度得分',
  beyond: '对照外任务',
  beyondTitle: '对照要点之外的任务（序号）',
  stricter: '更严',
  looser: '更松',
  matrix: '逐项对照',
  seq: '序号',
  directiveTask: '对照任务',
  trends: '各区历年变化',
  year: '年度',
  skipped: '未能审计的要点',
  reason: '原因',
  legend: '图例',
  shadeHint: '“调整”格颜色越深，相似度越高；格中数字为配对相似度，#后为对应任务序号',
  none: '无',
  noPlans: '没有可审计的要点',
  traceTitle: '任务追踪：{p} 第 {s} 项',
  alignTitle: '任务配对：{a} ↔ {b}',
  pairs: '配对',
  dropped: '仅见于甲',
  added: '仅见于乙',
  droppedHint: '甲中有、乙中未找到对应的任务',
  addedHint: '乙中有、甲中未找到对应的任务',
  similarity: '相似度',
  sharedTerms: '共同词语',
  text: '任务内容',
  tasks: '任务数',
  noMatch: '未找到对应任务',
  obligations: '量化要求',
  obligationsTitle: '量化要求：{p}',
  obligationsCount: '{t} 项任务中有 {n} 项含量化要求，共 {m} 条。',
  quote: '原文',
  generatedBy: '由 plandiff 生成',
};

const en: AuditLabels = {
  auditTitle: 'Convergence with {d}',
  directive: 'Directive',
  auditCaveat:
    'Produced by automatic comparison. "Missing" means no matching task was found, not that the district does no such work. Check the sources before quoting.',
  auditMethod:
    'Coverage = (adopted + adapted) / directive tasks; score = (1 per adopted task, the pair similarity per adapted task, 0 per missing task) / directive tasks.',
  status: { adopted: 'Adopted', adapted: 'Adapted', missing: 'Missing' },
  statusHint: {
    adopted: 'Nearly the directive’s words, equally binding',
    adapted: 'A matching task, reworded or with changed requirements',
    missing: 'No matching task found',
  },
  summary: 'Summary',
  plan: 'Plan',
  coverage: 'Coverage',
  score: 'Score',
  beyond: 'Beyond the directive',
  beyondTitle: 'Tasks beyond the directive (numbers)',
  stricter: 'Stricter',
  looser: 'Looser',
  matrix: 'Task by task',
  seq: 'No.',
  directiveTask: 'Directive task',
  trends: 'Trends by district',
  year: 'Year',
  skipped: 'Plans not audited',
  reason: 'Reason',
  legend: 'Legend',
  shadeHint: 'the darker an adapted cell, the higher the similarity; the number is the pair similarity, # the matching task numbers',
  none: 'none',
  noPlans: 'No plan to audit',
  traceTitle: 'Task trace: {p}, task {s}',
  alignTitle: 'Task alignment: {a} ↔ {b}',
  pairs: 'Pairs',
  dropped: 'Only in A',
  added: 'Only in B',
  droppedHint: 'Tasks of A with no counterpart in B',
  addedHint: 'Tasks of B with no counterpart in A',
  similarity: 'Similarity',
  sharedTerms: 'Shared terms',
  text: 'Task',
  tasks: 'Tasks',
  noMatch: 'no matching task found',
  obligations: 'Quantified obligations',
  obligationsTitle: 'Quantified obligations: {p}',
  obligationsCount: '{n} of {t} tasks carry quantified obligations, {m} in all.',
  quote: 'Quote',
  generatedBy: 'Generated by plandiff',
};

/** Audit label tables by language. */
export const AUDIT_LABELS: Record<ReportLang, AuditLabels> = { zh, en };

/** The audit labels for `lang` (Chinese by default). */
export function auditLabelsFor(lang: ReportLang = 'zh'): AuditLabels {
  const labels = Object.hasOwn(AUDIT_LABELS, lang) ? AUDIT_LABELS[lang] : undefined;
  if (!labels) throw new TypeError(`unknown report language ${JSON.stringify(lang)} (expected zh or en)`);
  return labels;
}
