/**
 * Vocabulary the tokenizer and the clause splitter use. Data only; the code that reads it lives in
 * src/text/. The mined part of the field dictionary is in `field-dict.utf8` (built by
 * scripts/build-field-dict.ts from the seed plans); the terms below are the ones the dictionary must hold
 * whatever the mining finds, because obligations and the diff depend on them staying whole.
 */

/** Field terms that must stay whole tokens (default jieba splits them: 不少|于, 政务|公开, 一网通|办). */
export const CORE_FIELD_TERMS: readonly string[] = [
  // comparators (不少于 4次, 不超过 5个工作日)
  '不少于',
  '不多于',
  '不超过',
  '不低于',
  '不高于',
  '不晚于',
  '不早于',
  '至少',
  '以内',
  // time words
  '工作日',
  '个工作日',
  // field terms named by the researchers
  '政务公开',
  '信息公开',
  '政府信息公开',
  '一网通办',
  '一网统管',
  '一网交易',
  '阅办联动',
  '重大行政决策',
  '依申请公开',
  '常务会议',
  '政府开放月',
  '集成式发布',
  '留言板',
  '政策解读',
  '主动公开',
] as const;

/** Frequency written for every user-dictionary word: high enough that jieba keeps it whole. */
export const FIELD_TERM_FREQUENCY = 200000;

/**
 * Units that stay glued to an Arabic number (`4次`, `5个工作日`, `100%`, `15分钟`). Longest first, so the
 * matcher prefers `个工作日` over `个`.
 */
export const NUMBER_UNITS: readonly string[] = [
  '个工作日',
  '工作日',
  '个自然日',
  '个月',
  '个季度',
  '个百分点',
  '季度',
  '分钟',
  '小时',
  '人次',
  '万元',
  '亿元',
  '万人',
  '周年',
  '周',
  '次',
  '场',
  '个',
  '项',
  '家',
  '条',
  '篇',
  '期',
  '批',
  '名',
  '人',
  '份',
  '天',
  '日',
  '年',
  '月',
  '号',
  '元',
  '版',
  '类',
  '种',
  '所',
  '轮',
  '件',
  '%',
  '％',
].slice().sort((x, y) => y.length - x.length);

/** Units that make a Chinese numeral a quantity token (`一次`, `两场`, `三个工作日`); narrower than
 * NUMBER_UNITS so that names such as 一件事, 一类事, 五个中心 and 三同步 are not cut into numbers. */
export const CHINESE_NUMERAL_UNITS: readonly string[] = [
  '个工作日',
  '个月',
  '个季度',
  '季度',
  '次',
  '场',
  '周',
  '天',
  '项',
  '批',
  '期',
  '轮',
  '篇',
].slice().sort((x, y) => y.length - x.length);

/** Chinese numeral characters (for quantities such as 两次, 十五个工作日). */
export const CHINESE_NUMERALS = '零一二两三四五六七八九十百千';

/** Range joiners inside a number (`1—2场`, `1-2次`, `3至5个`). */
export const RANGE_JOINERS = '—–－-~～至到';

/**
 * Verbs that start an obligation. A clause split at `，` is kept only when both parts hold one of
 * these, i.e. each part is a full obligation of its own (see src/text/clauses.ts).
 */
export const OBLIGATION_VERBS: readonly string[] = [
  '做好',
  '做实',
  '做深',
  '做细',
  '加强',
  '加大',
  '加快',
  '推进',
  '推动',
  '持续',
  '开展',
  '组织',
  '建立',
  '建设',
  '完善',
  '健全',
  '落实',
  '发布',
  '公开',
  '公布',
  '提升',
  '提高',
  '优化',
  '深化',
  '强化',
  '规范',
  '编制',
  '制定',
  '制订',
  '召开',
  '举办',
  '开设',
  '开通',
  '打造',
  '探索',
  '鼓励',
  '支持',
  '确保',
  '实现',
  '实行',
  '严格',
  '及时',
  '定期',
  '扩大',
  '丰富',
  '增设',
  '增加',
  '减少',
  '拓展',
  '夯实',
  '聚焦',
  '运用',
  '利用',
  '依托',
  '办好',
  '抓好',
  '用好',
  '管好',
  '办理',
  '答复',
  '回应',
  '解读',
  '更新',
  '维护',
  '报送',
  '备案',
  '审查',
  '梳理',
  '征集',
  '邀请',
  '坚持',
  '防范',
  '防止',
  '压实',
  '明确',
  '统筹',
  '形成',
  '建成',
  '上线',
  '迭代',
  '整合',
  '指导',
  '督促',
  '跟踪',
  '评估',
  '考核',
  '培训',
] as const;

/**
 * Words that open a framing phrase rather than an obligation (围绕…，做好…). A comma part that starts
 * with one of these is joined to the next part.
 */
export const FRAMING_WORDS: readonly string[] = [
  '围绕',
  '结合',
  '根据',
  '按照',
  '对照',
  '针对',
  '通过',
  '为了',
  '为',
  '以',
  '在',
  '对',
  '对于',
  '关于',
  '按',
  '从',
  '自',
  '随着',
  '基于',
  '面向',
  '立足',
  '着眼',
  '坚持以',
] as const;
