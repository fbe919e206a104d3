/**
 * Vocabulary of quantitative obligations, read by `extractObligations` (src/obligations/extract.ts).
 * Data only. Every list is matched longest word first, so order inside a list does not matter.
 */
import type { Comparator } from '../types';

/** What a unit word measures. */
export type UnitFamily = 'count' | 'duration' | 'percent' | 'amount';

/** A unit word after a number. */
export interface UnitWord {
  /** The unit as the text prints it, e.g. `工作日` */
  surface: string;
  /** The unit the obligation reports, e.g. `个工作日` */
  unit: string;
  /** What it measures */
  family: UnitFamily;
  /** Factor that brings the value to the reported unit (亿元 → 万元: 10000; 元 → 万元: 0.0001) */
  scale: number;
  /** Characters that, right after the unit word, show it is part of another word (个人, 一次性, 项目) */
  notBefore?: string;
}

/** Unit words. Durations count only with a deadline word (内, 以内, 不超过 …) around them. */
export const UNIT_WORDS: readonly UnitWord[] = [
  // durations (deadlines)
  { surface: '个工作日', unit: '个工作日', family: 'duration', scale: 1 },
  { surface: '工作日', unit: '个工作日', family: 'duration', scale: 1 },
  { surface: '个自然日', unit: '日', family: 'duration', scale: 1 },
  { surface: '自然日', unit: '日', family: 'duration', scale: 1 },
  { surface: '日', unit: '日', family: 'duration', scale: 1, notBefore: '期常报' },
  { surface: '天', unit: '日', family: 'duration', scale: 1 },
  { surface: '个小时', unit: '小时', family: 'duration', scale: 1 },
  { surface: '小时', unit: '小时', family: 'duration', scale: 1 },
  { surface: '分钟', unit: '分钟', family: 'duration', scale: 1 },
  { surface: '个星期', unit: '周', family: 'duration', scale: 1 },
  { surface: '周', unit: '周', family: 'duration', scale: 1, notBefore: '年边期' },
  { surface: '个月', unit: '个月', family: 'duration', scale: 1 },
  // percentages
  { surface: '%', unit: '%', family: 'percent', scale: 1 },
  { surface: '％', unit: '%', family: 'percent', scale: 1 },
  { surface: '个百分点', unit: '个百分点', family: 'percent', scale: 1 },
  // amounts, reported in 万元
  { surface: '万元', unit: '万元', family: 'amount', scale: 1 },
  { surface: '亿元', unit: '万元', family: 'amount', scale: 10_000 },
  { surface: '千元', unit: '万元', family: 'amount', scale: 0.1 },
  { surface: '元', unit: '万元', family: 'amount', scale: 0.0001, notBefore: '素旦宵' },
  // counts
  { surface: '次', unit: '次', family: 'count', scale: 1, notBefore: '性年要序' },
  { surface: '人次', unit: '人次', family: 'count', scale: 1 },
  { surface: '场次', unit: '场次', family: 'count', scale: 1 },
  { surface: '场', unit: '场', family: 'count', scale: 1, notBefore: '所景地馆' },
  { surface: '个', unit: '个', family: 'count', scale: 1, notBefore: '人体案性别' },
  { surface: '项', unit: '项', family: 'count', scale: 1, notBefore: '目' },
  { surface: '种', unit: '种', family: 'count', scale: 1, notBefore: '类子' },
  { surface: '家', unit: '家', family: 'count', scale: 1, notBefore: '庭长园' },
  { surface: '名', unit: '名', family: 'count', scale: 1, notBefore: '单称义录' },
  { surface: '人', unit: '人', family: 'count', scale: 1, notBefore: '员民才士群大（(' },
  { surface: '期', unit: '期', family: 'count', scale: 1, notBefore: '间限刊待望' },
  { surface: '批', unit: '批', family: 'count', scale: 1, notBefore: '准复示评' },
  { surface: '条', unit: '条', family: 'count', scale: 1, notBefore: '例件款目线' },
  { surface: '篇', unit: '篇', family: 'count', scale: 1, notBefore: '章幅' },
  { surface: '件', unit: '件', family: 'count', scale: 1, notBefore: '事套' },
  { surface: '份', unit: '份', family: 'count', scale: 1, notBefore: '额' },
  { surface: '轮', unit: '轮', family: 'count', scale: 1 },
  { surface: '类', unit: '类', family: 'count', scale: 1, notBefore: '型别似事' },
  { surface: '所', unit: '所', family: 'count', scale: 1, notBefore: '有在属以' },
  { surface: '户', unit: '户', family: 'count', scale: 1, notBefore: '籍外型' },
  { surface: '处', unit: '处', family: 'count', scale: 1, notBefore: '理置罚室长' },
  { surface: '位', unit: '位', family: 'count', scale: 1, notBefore: '置于数' },
  { surface: '套', unit: '套', family: 'count', scale: 1, notBefore: '餐' },
  { surface: '支', unit: '支', family: 'count', scale: 1, notBefore: '持付出撑部' },
  { surface: '组', unit: '组', family: 'count', scale: 1, notBefore: '织建成长合' },
];

/** A comparator word and how it binds. */
export interface ComparatorWord {
  /** The word */
  word: string;
  /** How it binds */
  comparator: Comparator;
}

/** Comparator words printed before the number (不少于 4次, 至少选择 1个, 不超过5个工作日). */
export const COMPARATORS_BEFORE: readonly ComparatorWord[] = [
  { word: '不少于', comparator: '>=' },
  { word: '不低于', comparator: '>=' },
  { word: '不小于', comparator: '>=' },
  { word: '不下于', comparator: '>=' },
  { word: '不得少于', comparator: '>=' },
  { word: '不得低于', comparator: '>=' },
  { word: '至少', comparator: '>=' },
  { word: '最少', comparator: '>=' },
  { word: '最低', comparator: '>=' },
  { word: '多于', comparator: '>=' },
  { word: '高于', comparator: '>=' },
  { word: '大于', comparator: '>=' },
  { word: '超过', comparator: '>=' },
  { word: '不超过', comparator: '<=' },
  { word: '不得超过', comparator: '<=' },
  { word: '不多于', comparator: '<=' },
  { word: '不高于', comparator: '<=' },
  { word: '不大于', comparator: '<=' },
  { word: '不晚于', comparator: '<=' },
  { word: '最多', comparator: '<=' },
  { word: '至多', comparator: '<=' },
  { word: '最长', comparator: '<=' },
  { word: '少于', comparator: '<=' },
  { word: '低于', comparator: '<=' },
  { word: '小于', comparator: '<=' },
];

/** Comparator words printed after the number and unit (1000万元以上, 3个工作日以内, 10个工作日内). */
export const COMPARATORS_AFTER: readonly ComparatorWord[] = [
  { word: '以上', comparator: '>=' },
  { word: '及以上', comparator: '>=' },
  { word: '或以上', comparator: '>=' },
  { word: '之上', comparator: '>=' },
  { word: '以内', comparator: '<=' },
  { word: '之内', comparator: '<=' },
  { word: '内', comparator: '<=' },
  { word: '以下', comparator: '<=' },
  { word: '及以下', comparator: '<=' },
  { word: '前', comparator: '<=' },
  { word: '之前', comparator: '<=' },
  { word: '以前', comparator: '<=' },
];

/** After-comparators a count may take (内 and 前 after a count are not bounds: 3个项目内容). */
export const COUNT_AFTER_WORDS: readonly string[] = ['以上', '及以上', '或以上', '以内', '以下', '及以下'];

/** Before-comparators that may stand a few characters before the number (至少专题听取 2次). */
export const MAX_VERB_GAP = 6;

/** A period word and the period it sets. */
export interface PeriodWord {
  /** The word */
  word: string;
  /** year, half, quarter, month, week or day */
  period: string;
  /** True for a recurring period (每年, 每月): the number is a frequency; false for a window (年内) */
  recurring: boolean;
}

/** Period words that may stand anywhere before the number in its clause. */
export const PERIOD_WORDS: readonly PeriodWord[] = [
  { word: '每年', period: 'year', recurring: true },
  { word: '每年度', period: 'year', recurring: true },
  { word: '每一年', period: 'year', recurring: true },
  { word: '年内', period: 'year', recurring: false },
  { word: '全年', period: 'year', recurring: false },
  { word: '本年度', period: 'year', recurring: false },
  { word: '年度内', period: 'year', recurring: false },
  { word: '当年', period: 'year', recurring: false },
  { word: '每半年', period: 'half', recurring: true },
  { word: '上半年', period: 'half', recurring: false },
  { word: '下半年', period: 'half', recurring: false },
  { word: '每季度', period: 'quarter', recurring: true },
  { word: '每个季度', period: 'quarter', recurring: true },
  { word: '每季', period: 'quarter', recurring: true },
  { word: '按季度', period: 'quarter', recurring: true },
  { word: '按季', period: 'quarter', recurring: true },
  { word: '每月', period: 'month', recurring: true },
  { word: '每个月', period: 'month', recurring: true },
  { word: '按月', period: 'month', recurring: true },
  { word: '每周', period: 'week', recurring: true },
  { word: '每星期', period: 'week', recurring: true },
  { word: '按周', period: 'week', recurring: true },
  { word: '每日', period: 'day', recurring: true },
  { word: '每天', period: 'day', recurring: true },
];

/** Words right after a date that make it a deadline (3月31日前, 10月底前). */
export const DATE_DEADLINE_WORDS: readonly string[] = ['之前', '以前', '前', '为止', '止'];

/** Year-end deadlines without a number (于年底前全面完成): a date of 12-31. */
export const YEAR_END_DEADLINES: readonly string[] = ['年底前', '年末前', '年底之前', '年末之前'];

/** Characters before a year-end word that move it to another year (次年年底前) or make it part of a word. */
export const YEAR_END_NOT_AFTER = '次明翌上下';

/** Words after a month that make it the end of the month (10月底前 = by 10-31). */
export const MONTH_END_WORDS: readonly string[] = ['底', '末'];

/** Parts of a month and the day they end on (上旬 → 10); 下旬 ends on the month's last day. */
export const MONTH_PART_WORDS: Readonly<Record<string, number | 'last'>> = {
  上旬: 10,
  中旬: 20,
  下旬: 'last',
};

/** Words before a bare month that make it a scheduled month (在 8月集中组织, 每年8月, 于9月). */
export const MONTH_BEFORE_WORDS: readonly string[] = ['在', '于', '每年', '定于', '计划于', '自', '从', '除', '每年的'];

/** Words after a bare month that make it a scheduled month (8月份, 8月集中组织开展). */
export const MONTH_AFTER_WORDS: readonly string[] = [
  '份',
  '集中',
  '开展',
  '举办',
  '举行',
  '组织',
  '启动',
  '召开',
  '完成',
  '开始',
  '起',
  '上线',
  '发布',
];

/** Words before a duration that mark it as a deadline even without 内 (答复期限不超过, 办结时限). */
export const DEADLINE_BEFORE_WORDS: readonly string[] = ['期限', '时限', '时间', '时长'];

/** Verbs of disclosure: a target between one of them and a 情况 word is reported on, not committed to. */
export const REPORTING_VERBS: readonly string[] = ['公开', '发布', '公布', '通报', '披露', '更新', '报告', '公示', '晾晒'];

/** Words closing a reported target (…新增6000个公共泊位…的进展情况). */
export const REPORTING_NOUNS: readonly string[] = ['进展情况', '推进情况', '完成情况', '落实情况', '执行情况', '情况', '进展', '进度', '成效'];

/** Quote marks whose content is a name or slogan (“三同步”, 《…》), open → close. */
export const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '《': '》',
  '〔': '〕',
  '【': '】',
};

/** Characters that end a clause: a period word or comparator never reaches across them. */
export const CLAUSE_BREAKS = '，,；;。！？!?：:';

/** Characters that end a sentence: a reported-target context never reaches across them. */
export const SENTENCE_BREAKS = '；;。！？!?';

/**
 * Numeral + unit phrases that are vague or idiomatic, not counts: 一批 (a batch of), 二次 (secondary, as in
 * 二次解读; two times is 两次). Matched at the number's start.
 */
export const IDIOMATIC_COUNTS: readonly string[] = ['一批', '二次', '二个', '二场', '二项', '二种'];

/** Words before a number that make it part of a name, not a quantity (the number names a version or a grade). */
export const NAME_PREFIXES: readonly string[] = ['第', '编号', '序号', '版本'];

/** Words at the start of a clause naming who acts (区政府年内…); dropped from the start of an obligation's subject. */
export const ACTOR_WORDS: readonly string[] = [
  '区政府',
  '市政府',
  '各单位',
  '各部门',
  '各街镇',
  '各街道',
  '各区',
  '每家单位',
  '各家单位',
  '各相关单位',
  '相关单位',
];
