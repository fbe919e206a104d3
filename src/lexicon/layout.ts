/**
 * Layout words of work-plan texts read by `parsePlan` (src/parse/*.ts): table header words and the
 * column each stands for, heading markers, page footers, the words that end a document body, and the
 * shapes of organization names used to tell a 责任单位 cell from task content. Data only.
 */

/** What a table column holds. `text` columns hold the task (the last one) or its name levels (the others). */
export type ColumnRole = 'seq' | 'text' | 'units' | 'time' | 'note';

/**
 * Header words of task tables, and the role of a column they head. Matched longest first, on the header
 * text with its spaces removed (`序号 任务分解 责任单位 时间节点`, `序 号`, tab-separated cells, or one
 * word per line).
 */
export const HEADER_WORDS: Readonly<Record<string, ColumnRole>> = {
  序号: 'seq',
  编号: 'seq',
  任务名称: 'text',
  任务内容: 'text',
  任务分解: 'text',
  任务分工: 'text',
  任务事项: 'text',
  任务要求: 'text',
  工作任务: 'text',
  工作内容: 'text',
  工作要求: 'text',
  工作措施: 'text',
  工作举措: 'text',
  工作事项: 'text',
  工作目标: 'text',
  具体任务: 'text',
  具体内容: 'text',
  具体措施: 'text',
  具体要求: 'text',
  主要任务: 'text',
  重点任务: 'text',
  主要内容: 'text',
  重点工作: 'text',
  一级指标: 'text',
  二级指标: 'text',
  三级指标: 'text',
  四级指标: 'text',
  指标名称: 'text',
  指标内容: 'text',
  指标: 'text',
  任务: 'text',
  内容: 'text',
  事项: 'text',
  项目: 'text',
  类别: 'text',
  领域: 'text',
  分类: 'text',
  责任单位: 'units',
  责任部门: 'units',
  牵头单位: 'units',
  牵头部门: 'units',
  配合单位: 'units',
  配合部门: 'units',
  协办单位: 'units',
  责任主体: 'units',
  承办单位: 'units',
  决策承办单位: 'units',
  主责单位: 'units',
  实施单位: 'units',
  落实单位: 'units',
  时间节点: 'time',
  完成时限: 'time',
  完成时间: 'time',
  时间要求: 'time',
  时间安排: 'time',
  进度安排: 'time',
  推进时间: 'time',
  时限要求: 'time',
  时限: 'time',
  时间: 'time',
  备注: 'note',
};

/**
 * Words that give a header cell its role when the cell is not one of `HEADER_WORDS` (`主要措施`,
 * `责任部门（单位）`, `完成时间进度`). Tried in this order; a cell matching none is not a header cell.
 */
export const HEADER_KEYWORDS: readonly (readonly [string, ColumnRole])[] = [
  ['序号', 'seq'], ['编号', 'seq'],
  ['备注', 'note'],
  ['单位', 'units'], ['部门', 'units'], ['责任主体', 'units'],
  ['时间', 'time'], ['时限', 'time'], ['节点', 'time'], ['进度', 'time'], ['期限', 'time'],
  ['任务', 'text'], ['内容', 'text'], ['措施', 'text'], ['举措', 'text'], ['要求', 'text'], ['指标', 'text'],
  ['事项', 'text'], ['工作', 'text'], ['项目', 'text'], ['目标', 'text'], ['名称', 'text'], ['类别', 'text'],
  ['领域', 'text'], ['重点', 'text'], ['分工', 'text'],
];

/** Longest header cell read by keyword. */
export const HEADER_CELL_MAX_LENGTH = 12;

/** Header words of unit columns that name supporting units (their text is read as `…配合`). */
export const SUPPORT_UNIT_HEADERS: readonly string[] = ['配合单位', '配合部门', '协办单位'];

/** Header words of unit columns that name lead units when a support column also exists. */
export const LEAD_UNIT_HEADERS: readonly string[] = ['牵头单位', '牵头部门', '主责单位'];

/** Lines that continue a table on a new page and carry no row (`续表`, `（续表）`). */
export const TABLE_CONTINUATION_WORDS: readonly string[] = ['续表', '（续表）', '(续表)', '续上表'];

/** Titles of an appendix task table (`…任务分解表`, `…任务清单`). */
export const TABLE_TITLE_ENDINGS: readonly string[] = [
  '任务分解表', '任务分工表', '任务清单', '任务分解', '工作任务表', '重点任务表', '责任分工表', '工作台账', '任务台账',
];

/** How a plan's own title ends (`2023年普陀区政务公开工作要点`). */
export const PLAN_TITLE_ENDINGS: readonly string[] = ['工作要点', '工作计划', '工作安排', '实施方案', '工作方案', '重点工作', '工作任务'];

/** Words that keep a line from being a plan title (the notice that transmits the plan, a file name). */
export const NOT_TITLE_WORDS: readonly string[] = ['关于', '通知', '印发', '《', '》', '附件：', '附件:'];

/** First words of a line that ends the plan (distribution list, printing line). */
export const TRAILER_STARTS: readonly string[] = ['抄送', '抄报', '主送：', '印发：'];

/** A line ending with one of these (after a date) is the printing line `…办公室 2023年4月12日印发`. */
export const PRINTED_ENDING = '印发';

/** First words of an appendix heading line (`附件`, `附件1`, `附表`). */
export const APPENDIX_WORDS: readonly string[] = ['附件', '附表'];

/** Lines that end a table (notes under it). */
export const TABLE_END_STARTS: readonly string[] = ['注：', '注:', '备注：', '备注:', '说明：', '说明:'];

/** Issuing bodies: how an issuer line ends (`上海市普陀区人民政府办公室`, optionally followed by 文件). */
export const ISSUER_ENDINGS: readonly string[] = [
  '人民政府办公室', '人民政府办公厅', '人民政府', '政府办公室', '政务公开领导小组办公室', '政务公开办公室', '办公室', '办公厅',
];

/** Words after an issuer name on a letterhead, dropped (`…办公室文件`). */
export const LETTERHEAD_SUFFIXES: readonly string[] = ['文件'];

/** District-level name endings, longest first (`浦东新区`, `普陀区`, `崇明县`). */
export const DISTRICT_ENDINGS: readonly string[] = ['新区', '区', '县'];

/** The city a district belongs to, when the title or issuer prints it (`上海市普陀区`). */
export const CITY_NAME_PATTERN = '[\\u4e00-\\u9fa5]{2,3}市';

/** Characters of a Chinese heading numeral. */
export const HEADING_NUMERAL_CHARS = '〇零一二两三四五六七八九十百';

/**
 * Page footers and headers left by PDF extraction: `— 21 —`, `- 5 -`, `第 3 页`, `第3页 共10页`, `3/10`.
 * Regular-expression sources matched against a whole trimmed line.
 */
export const FOOTER_PATTERNS: readonly string[] = [
  '^[-—–－―~～·•]{1,3}\\s*\\d{1,4}\\s*[-—–－―~～·•]{1,3}$',
  '^第\\s*\\d{1,4}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,4}\\s*页)?$',
  '^\\d{1,4}\\s*/\\s*\\d{1,4}$',
  '^[Pp](?:age)?\\.?\\s*\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?$',
];

/** Sentence-final punctuation: a content cell or item ends with one of these. */
export const TERMINAL_PUNCTUATION = '。；;！!？?';

/**
 * Characters that, right after a number at the start of a line, show the number is a quantity or a date
 * (`8 月集中开展`, `3 个工作日`), not a table row number.
 */
export const QUANTITY_CHARS = '年月日号个次项家人条件万亿元%％岁天周倍名场期批所类级届轮点份页公里米';

/**
 * Endings of organization names, for telling a responsible-units cell from content. Longest first when
 * matched; a name may be followed by a role word (see `UNIT_ROLE_WORDS`).
 */
export const ORG_ENDINGS: readonly string[] = [
  '委员会', '管委会', '管委办', '办公室', '办公厅', '事务所', '检察院', '法院', '委办局', '职能部门', '部门', '单位', '中心',
  '街道', '街镇', '园区', '公司', '集团', '政府', '机构', '支队', '大队', '分局', '团体', '协会', '商会', '总站', '工业区',
  '科技城', '开发区', '管理处', '服务处', '融媒体', '大数据中心',
  '局', '委', '办', '室', '部', '院', '所', '队', '站', '厅', '镇', '处', '科', '署', '馆', '社', '组',
  '〕', '）', ')',
];

/** Beginnings of organization names (`区…`, `各街镇`, `相关单位`). */
export const ORG_STARTS: readonly string[] = ['区', '市', '县', '各', '相关', '其他', '其它', '有关', '全区', '本区', '街道', '镇'];

/** Role words after a list of units (`…牵头`, `…配合`, `…负责落实`), stripped before the name test. */
export const UNIT_ROLE_WORDS: readonly string[] = [
  '负责落实', '负责公开', '具体实施', '组织实施', '分别牵头', '共同推进', '按职责分工', '牵头', '配合', '负责', '落实', '参与',
  '协同', '协助', '协办', '支持', '实施', '推进', '等',
];

/** Labels inside a responsible-units text (`牵头单位：`), stripped before the name test. */
export const UNIT_TEXT_LABELS: readonly string[] = [
  '主要责任单位', '牵头单位', '牵头部门', '责任单位', '责任部门', '配合单位', '配合部门', '协办单位', '参与单位', '实施单位',
  '主责单位', '责任主体', '落实单位',
];

/** Labels of a time node printed inside an item's parenthesis (`（完成时限：6月底前）`). */
export const TIME_TEXT_LABELS: readonly string[] = ['完成时限', '完成时间', '时间节点', '时限要求', '时间要求', '时限', '时间'];

/**
 * Time-node words (`全年`, `上半年`, `3月底前`…) as regular-expression alternatives. A text made only of
 * these, numbers of months, days, quarters and years, and separators, is a time node.
 */
export const TIME_TOKEN_PATTERNS: readonly string[] = [
  '\\d{4}年度?',
  '(?:次|明|翌|当|本)年度?',
  '下一?年度?',
  '\\d{1,2}(?:\\s*[-－—–~～至到]\\s*\\d{1,2})?\\s*月份?',
  '[一二三四五六七八九十]{1,3}(?:[-－—–~～至到][一二三四五六七八九十]{1,3})?月份?',
  '\\d{1,2}\\s*[日号]',
  '第?[一二三四1-4](?:[-－—–~～至到、][一二三四1-4])*个?季度?',
  '全年度?', '年内', '年度内', '年底', '年末', '年终', '年中', '年初', '上半年', '下半年', '半年',
  '上旬', '中旬', '下旬', '月初', '月中', '月底', '月末', '底', '末', '初', '内',
  '以前', '之前', '前', '以后', '之后', '后', '结束',
  '完成', '启动', '开始', '起',
  '持续推进', '持续开展', '持续', '长期坚持', '长期', '常态化推进', '常态化', '常年', '日常', '经常性', '定期', '每月', '每季度',
  '每季', '每半年', '每年', '适时', '及时', '按季度', '按月', '按年度', '按需',
];

/** Separators inside a time node (`4月、10月`, `3-6月 9-10月`). */
export const TIME_SEPARATORS = '、，,；;和及与/ \t';

/** Longest text a time-node cell may have. */
export const TIME_NODE_MAX_LENGTH = 30;

/** Longest text of one responsible unit (after role words are stripped). */
export const UNIT_NAME_MAX_LENGTH = 26;

/** Longest whole responsible-units text considered when telling units from content. */
export const UNITS_TEXT_MAX_LENGTH = 240;

/** Markdown emphasis and heading marks a converter may leave around text (`**一、总体要求**`). */
export const MARKDOWN_MARKS_PATTERN = '\\*\\*|__|^#{1,6}\\s+';

/**
 * Titles of the parts of a plan that state its aims rather than tasks (一、总体要求 （一）指导思想 …): the
 * items and sections under them are not tasks.
 */
export const PREAMBLE_TITLES: readonly string[] = [
  '总体要求', '指导思想', '基本原则', '工作原则', '工作目标', '主要目标', '总体目标', '总体思路', '目标任务',
];

/** The part that holds the aims (一、总体要求): its own sub-parts are aims only when titled as one. */
export const PREAMBLE_PART = '总体要求';
