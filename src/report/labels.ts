/**
 * The words a report prints around the plans' own text, in Chinese (default) and English. Plan text, unit
 * names and time nodes are content and are never translated; only these labels change with `lang`.
 */
import type { ChangeKind, Direction, LinkBasis, Modality, ObligationKind, PairStatus } from '../types';

/** Languages a report can be labelled in. */
export type ReportLang = 'zh' | 'en';

/** Status of a report row: a matched pair's status, or a task with no counterpart. */
export type RowStatus = PairStatus | 'added' | 'dropped';

/** Every row status, in the order reports list them. */
export const ROW_STATUSES: readonly RowStatus[] = [
  'unchanged',
  'reworded',
  'strengthened',
  'weakened',
  'mixed',
  'added',
  'dropped',
];

/** Every change kind, in the order reports list them. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  'count',
  'frequency',
  'deadline',
  'date',
  'month',
  'percentage',
  'amount',
  'modality',
  'units',
  'timeNode',
  'scope',
  'clause',
];

/** One language's labels. */
export interface Labels {
  /** The language these labels are in */
  lang: ReportLang;
  /** BCP 47 tag for `<html lang>` */
  htmlLang: string;
  /** Report title; `{a}` and `{b}` stand for the two plans' names */
  title: string;
  /** Name of plan a / b in running text */
  planA: string;
  planB: string;
  /** Row statuses */
  status: Record<RowStatus, string>;
  /** What a status means, one line each */
  statusHint: Record<RowStatus, string>;
  /** Change kinds */
  kind: Record<ChangeKind, string>;
  /** Change directions */
  direction: Record<Direction, string>;
  /** Levels of the modality scale, as modality changes print them */
  modality: Record<Modality, string>;
  /** Column title for a change's direction */
  directionTitle: string;
  /** Obligation kinds (the change kinds' words, plus `reported`) */
  obligationKind: Record<ObligationKind, string>;
  summary: string;
  /** Title of the table of changes by kind and direction */
  changeSummary: string;
  count: string;
  share: string;
  pairsTotal: string;
  /** Mark of a pair that only a weaker rule linked (see `isWeakPair`) */
  weak: string;
  /** Summary row: how many pairs carry that mark, and what it means */
  weakPairs: string;
  weakHint: string;
  /** Section of what parsing noted about the plans, and its lead line */
  parseNotes: string;
  parseNotesHint: string;
  /** `{n}` more notes of one rule not listed */
  moreNotes: string;
  /** What each parse rule notes, in a few words (rules not listed print their id only) */
  ruleTitles: Record<string, string>;
  tasksA: string;
  tasksB: string;
  filters: string;
  filterStatus: string;
  filterKind: string;
  filterSection: string;
  all: string;
  showAll: string;
  shown: string;
  score: string;
  /** An unpaired task's highest-scoring task in the other plan, and why it is not its pair */
  nearest: string;
  nearestNote: string;
  /** An unpaired task's likeliest counterparts, with their probabilities */
  likeliest: string;
  /** Said when no task of the other plan is a likely counterpart; `{floor}` is the lowest probability listed */
  likeliestNone: string;
  /** Short name of a link's calibrated probability */
  probability: string;
  /** Beside the dropped / added count: `{n}` is the expected number with no counterpart */
  expectedNone: string;
  /** The rules that linked a pair (see LinkBasis), and the name of each */
  basis: string;
  linkBasis: Record<LinkBasis, string>;
  seq: string;
  text: string;
  name: string;
  section: string;
  units: string;
  timeNode: string;
  source: string;
  obligations: string;
  changes: string;
  change: string;
  before: string;
  after: string;
  quote: string;
  textDiff: string;
  legend: string;
  deleted: string;
  inserted: string;
  marked: string;
  none: string;
  noChanges: string;
  noRows: string;
  generatedBy: string;
  /** Shown above the summary: the diff is a machine reading and must be checked against the sources */
  caveat: string;
  /** Punctuation around labels: after a label (`：` / `: `), between two items (`；` / `; `), a wide gap, and
   * the brackets around a quote of the plan after a value (`（…）` / ` (…)`) */
  colon: string;
  semicolon: string;
  /** Between the items of a short list (`#1、#2` / `#1, #2`) */
  listSep: string;
  gap: string;
  parenOpen: string;
  parenClose: string;
  /** Terminal summary: the line saying where the full report went; `{where}` is a file or a command */
  fullReportAt: string;
  /** Terminal summary: how to get the full report when it was not written; `{cmd}` is the command given */
  fullReportHow: string;
}

const zh: Labels = {
  lang: 'zh',
  htmlLang: 'zh-CN',
  title: '政务公开工作要点对比：{a} → {b}',
  planA: '甲',
  planB: '乙',
  status: {
    unchanged: '未变',
    reworded: '改写',
    strengthened: '强化',
    weakened: '弱化',
    mixed: '有强有弱',
    added: '新增',
    dropped: '删除',
  },
  statusHint: {
    unchanged: '两份要点中的任务基本相同',
    reworded: '表述有变化，约束力未变',
    strengthened: '约束力增强（数量更多、期限更紧、措辞更强等）',
    weakened: '约束力减弱（数量更少、期限更松、措辞更弱等）',
    mixed: '同时有增强和减弱的变化',
    added: '仅见于乙：甲中未找到对应任务',
    dropped: '仅见于甲：乙中未找到对应任务',
  },
  kind: {
    count: '数量',
    frequency: '频次',
    deadline: '期限',
    date: '日期',
    month: '月份',
    percentage: '比例',
    amount: '金额',
    modality: '措辞强度',
    units: '责任单位',
    timeNode: '时间节点',
    scope: '范围',
    clause: '条款',
  },
  direction: { stronger: '增强', weaker: '减弱', neutral: '中性' },
  directionTitle: '方向',
  modality: { explore: '探索类（探索、鼓励、力争）', advance: '推进类（推进、做好、加强）', must: '应当类（确保、应当、严格落实）', mandatory: '必须类（必须、不得、严禁）' },
  obligationKind: {
    count: '数量',
    frequency: '频次',
    deadline: '期限',
    date: '日期',
    month: '月份',
    percentage: '比例',
    amount: '金额',
    reported: '报告值',
  },
  summary: '概览',
  changeSummary: '变化类型统计（按变化条数）',
  count: '数量',
  share: '占比',
  pairsTotal: '配对任务合计',
  weak: '待核',
  weakPairs: '其中待核',
  weakHint: '配对概率（其各链接中最低者）低于 {below}：模型并不确定，引用前请核对原文',
  parseNotes: '解析提示',
  parseNotesHint: '读取原文时记下的情况及其行号，每类最多列出 5 条（完整列表及说明见 plandiff parse）。“段落未读入任务”与“表内游离行未读入任务”所指的文字未读入任何任务，不在上文的对比中。',
  moreNotes: '另有 {n} 条同类提示',
  ruleTitles: {
    'body/closing-paragraph': '段落未读入任务',
    'body/cut-off': '文本在任务中途中断（可能不全）',
    'document/after-trailer': '文末之后的文字未读入',
    'document/second-document': '同一文件中的第二份文件未读入',
    'decisions/stale': '判断已过期（任务文字已改），未采用',
    'decisions/no-task': '判断所指任务不存在，未采用',
    'numbering/gap': '序号有缺',
    'numbering/out-of-order': '序号顺序有误',
    'numbering/renumbered': '任务已重新编号',
    'numbering/repeated': '序号重复',
    'read/extracted-text': '文本提取自网页或Word文件（行号按提取文本计）',
    'table/inherited-cell': '空单元格沿用上一行（合并单元格）',
    'table/missing-cell': '单元格缺失',
    'table/stray-line': '表内游离行未读入任务',
    'table/stray-number': '表内游离数字未读入（页码？）',
    'text/converted-traditional': '繁体字已转为简体',
    'timenode/unreadable': '时间节点无法解读',
    'units/unreadable': '责任单位无法解读',
  },
  tasksA: '甲任务数',
  tasksB: '乙任务数',
  filters: '筛选',
  filterStatus: '状态',
  filterKind: '变化类型',
  filterSection: '章节',
  all: '全部',
  showAll: '显示全部',
  shown: '显示',
  score: '相似度',
  nearest: '对方最接近的任务',
  nearestNote: '未达配对条件，仅供核对',
  likeliest: '对方最可能的对应任务',
  likeliestNone: '无（对方任务的相同概率均低于 {floor}，或已被读者否定）',
  probability: '概率',
  expectedNone: '据配对概率估计，约 {n} 项在对方确无对应',
  basis: '配对依据',
  linkBasis: {
    reader: '读者确认',
    verbatim: '近乎原文',
    assignment: '整体最相近（一对一）',
    quantity: '同一量化要求',
    clause: '含相同条款',
    home: '内容多见于对方',
    leftover: '互为最近',
    name: '写明对方指标名称',
  },
  seq: '序号',
  text: '任务内容',
  name: '任务名称',
  section: '章节',
  units: '责任单位',
  timeNode: '时间节点',
  source: '来源',
  obligations: '量化要求',
  changes: '变化',
  change: '变化类型',
  before: '变化前',
  after: '变化后',
  quote: '原文',
  textDiff: '文字差异',
  legend: '图例',
  deleted: '仅见于甲',
  inserted: '仅见于乙',
  marked: '变化的数字或措辞',
  none: '无',
  noChanges: '无实质变化',
  noRows: '没有符合条件的任务',
  generatedBy: '由 plandiff 生成',
  caveat: '本报告由程序自动比对生成，配对与分类可能有误，引用前请核对原文（见各任务的来源行号）。',
  colon: '：',
  semicolon: '；',
  listSep: '、',
  gap: '　',
  parenOpen: '（',
  parenClose: '）',
  fullReportAt: '完整报告：{where}',
  fullReportHow: '完整报告（每对任务的原文、来源行号与文字差异）：{cmd} -o report.html（或 .md、.csv、.json），或 {cmd} | less',
};

const en: Labels = {
  lang: 'en',
  htmlLang: 'en',
  title: 'Work plan comparison: {a} → {b}',
  planA: 'A',
  planB: 'B',
  status: {
    unchanged: 'Unchanged',
    reworded: 'Reworded',
    strengthened: 'Strengthened',
    weakened: 'Weakened',
    mixed: 'Mixed',
    added: 'Added',
    dropped: 'Dropped',
  },
  statusHint: {
    unchanged: 'The task is essentially the same in both plans',
    reworded: 'Worded differently, equally binding',
    strengthened: 'More binding (higher numbers, tighter deadlines, stronger verbs …)',
    weakened: 'Less binding (lower numbers, looser deadlines, weaker verbs …)',
    mixed: 'Some changes bind more, some less',
    added: 'Only in plan B: no counterpart found in plan A',
    dropped: 'Only in plan A: no counterpart found in plan B',
  },
  kind: {
    count: 'Count',
    frequency: 'Frequency',
    deadline: 'Deadline',
    date: 'Date',
    month: 'Month',
    percentage: 'Percentage',
    amount: 'Amount',
    modality: 'Modality',
    units: 'Responsible units',
    timeNode: 'Time node',
    scope: 'Scope',
    clause: 'Clause',
  },
  direction: { stronger: 'stronger', weaker: 'weaker', neutral: 'neutral' },
  directionTitle: 'Direction',
  modality: { explore: 'explore (try, encourage)', advance: 'advance (push, do well)', must: 'must (ensure, shall)', mandatory: 'mandatory (must, shall not)' },
  obligationKind: {
    count: 'count',
    frequency: 'frequency',
    deadline: 'deadline',
    date: 'date',
    month: 'month',
    percentage: 'percentage',
    amount: 'amount',
    reported: 'reported figure',
  },
  summary: 'Summary',
  changeSummary: 'Changes by type (number of changes)',
  count: 'Count',
  share: 'Share',
  pairsTotal: 'Matched pairs',
  weak: 'to check',
  weakPairs: 'of which to check',
  weakHint: 'probability (the lowest of its links) below {below}: the model is unsure, check them before citing',
  parseNotes: 'Parse notes',
  parseNotesHint: 'What was noted while reading the texts, at most 5 of each kind (plandiff parse lists them all). The text that body/closing-paragraph and table/stray-line point at was read into no task and is not compared above.',
  moreNotes: '{n} more of this kind',
  ruleTitles: {
    'body/closing-paragraph': 'paragraph read into no task',
    'body/cut-off': 'text ends inside a task (may be cut off)',
    'document/after-trailer': 'text after the end of the plan not read',
    'document/second-document': 'a second document in the file not read',
    'decisions/stale': 'decision skipped: the task text changed since',
    'decisions/no-task': 'decision skipped: no such task',
    'numbering/gap': 'numbering gap',
    'numbering/out-of-order': 'numbers out of order',
    'numbering/renumbered': 'tasks renumbered',
    'numbering/repeated': 'number repeated',
    'read/extracted-text': 'text extracted from an HTML page or Word file (lines count in that text)',
    'table/inherited-cell': 'empty cell taken from the row above (merged cell)',
    'table/missing-cell': 'missing cell',
    'table/stray-line': 'stray line in the table read into no task',
    'table/stray-number': 'stray number in the table ignored (page number?)',
    'text/converted-traditional': 'traditional characters converted',
    'timenode/unreadable': 'time node not understood',
    'units/unreadable': 'units not understood',
  },
  tasksA: 'Tasks in A',
  tasksB: 'Tasks in B',
  filters: 'Filters',
  filterStatus: 'Status',
  filterKind: 'Change type',
  filterSection: 'Section',
  all: 'All',
  showAll: 'Show all',
  shown: 'Shown',
  score: 'Similarity',
  nearest: 'Closest task of the other plan',
  nearestNote: 'not paired; for checking only',
  likeliest: 'Likeliest counterparts in the other plan',
  likeliestNone: 'none (every task of the other plan is below probability {floor}, or a reader rejected it)',
  probability: 'p',
  expectedNone: 'about {n} expected to have no counterpart (from the link probabilities)',
  basis: 'Linked by',
  linkBasis: {
    reader: 'confirmed by a reader',
    verbatim: 'near-verbatim copy',
    assignment: 'closest as a whole (1:1)',
    quantity: 'same counted obligation',
    clause: 'a shared clause',
    home: 'mostly found in the other',
    leftover: 'each other’s closest',
    name: 'states the other’s indicator name',
  },
  seq: 'No.',
  text: 'Task',
  name: 'Task name',
  section: 'Section',
  units: 'Responsible units',
  timeNode: 'Time node',
  source: 'Source',
  obligations: 'Quantified obligations',
  changes: 'Changes',
  change: 'Change',
  before: 'Before',
  after: 'After',
  quote: 'Quote',
  textDiff: 'Text diff',
  legend: 'Legend',
  deleted: 'only in A',
  inserted: 'only in B',
  marked: 'changed number or wording',
  none: 'none',
  noChanges: 'No substantive change',
  noRows: 'No task matches the filters',
  generatedBy: 'Generated by plandiff',
  caveat:
    'This report was produced by automatic comparison; matches and classifications can be wrong. Check the source lines before quoting.',
  colon: ': ',
  semicolon: '; ',
  listSep: ', ',
  gap: '  ',
  parenOpen: ' (',
  parenClose: ')',
  fullReportAt: 'Full report: {where}',
  fullReportHow: 'Full report (each pair’s texts, source lines and text diff): {cmd} -o report.html (or .md, .csv, .json), or {cmd} | less',
};

/** Label tables by language. */
export const LABELS: Record<ReportLang, Labels> = { zh, en };

/** The labels for `lang` (Chinese by default). */
export function labelsFor(lang: ReportLang = 'zh'): Labels {
  const labels = Object.hasOwn(LABELS, lang) ? LABELS[lang] : undefined;
  if (!labels) throw new TypeError(`unknown report language ${JSON.stringify(lang)} (expected zh or en)`);
  return labels;
}
