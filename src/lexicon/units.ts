/**
 * Words of 责任单位 (responsible units) read by `parseUnits` (src/parse/units.ts).
 */

/** Role a unit plays in a task. `executor` (落实 / 负责) leads unless another unit is named as 牵头. */
export type UnitRole = 'lead' | 'support' | 'executor';

/** Field labels followed by a colon (`牵头单位：`), longest first when matched. */
export const UNIT_LABELS: Readonly<Record<string, UnitRole>> = {
  牵头单位: 'lead',
  牵头部门: 'lead',
  牵头: 'lead',
  主责单位: 'lead',
  主责部门: 'lead',
  主办单位: 'lead',
  主要责任单位: 'lead',
  责任单位: 'executor',
  责任部门: 'executor',
  责任主体: 'executor',
  实施单位: 'executor',
  落实单位: 'executor',
  配合单位: 'support',
  配合部门: 'support',
  配合: 'support',
  协办单位: 'support',
  协办: 'support',
  协同单位: 'support',
  参与单位: 'support',
  参与部门: 'support',
  支持单位: 'support',
};

/**
 * Verbs after a list of units that say its role (`区发改委牵头`, `各相关单位配合`). Not followed by
 * 单位/部门 (that would make a label or a name such as 决策承办单位).
 */
export const UNIT_ROLE_VERBS: Readonly<Record<string, UnitRole>> = {
  牵头: 'lead',
  主责: 'lead',
  主抓: 'lead',
  配合: 'support',
  协助: 'support',
  协同: 'support',
  协办: 'support',
  参与: 'support',
  支持: 'support',
  落实: 'executor',
  负责: 'executor',
  具体实施: 'executor',
  组织实施: 'executor',
};

/** Word joining a lead unit with the units that work with it: `A会同B` → A leads, B supports. */
export const TOGETHER_WITH_WORDS: readonly string[] = ['会同', '联合'];

/** Adverbs between a list of units and its verb, dropped: `区发改委、区财政局分别牵头`. */
export const UNIT_ADVERBS: readonly string[] = ['分别', '各自', '共同', '按职责分工', '按职责', '根据职责', '依职责', '按照职责'];

/** Separators between units of a list. */
export const UNIT_SEPARATORS = '、，,；;/／|';

/**
 * Conjunctions that separate two units only when the word before them ends like a unit name
 * (`企业服务中心和政策起草单位`), never inside a name (`区人力资源和社会保障局`).
 */
export const UNIT_CONJUNCTIONS: readonly string[] = ['以及', '和', '及', '与'];

/** How unit names end (局, 委, 办, 中心, 街镇 …). Used to tell a list from a name wrapped by PDF extraction. */
export const UNIT_NAME_ENDINGS: readonly string[] = [
  '局', '委', '办', '室', '中心', '院', '所', '队', '部', '处', '会', '镇', '街道', '街镇', '园区', '公司', '集团',
  '单位', '部门', '委员会', '管委会', '政府', '法院', '检察院', '分局', '支队', '大队', '科', '站', '馆', '〕', '）', ')',
];

/** How a unit name may begin: a word starting one means a new unit after a space (`区民政局 区卫健委`). */
export const UNIT_NAME_STARTS: readonly string[] = ['区', '市', '各', '相关', '其他', '县', '镇', '街道'];

/** Endings dropped from a name: `区教育局、市场监管局等部门` → 区教育局, 市场监管局. */
export const UNIT_TRAILING_WORDS: readonly string[] = [
  '等相关单位', '等相关部门', '等有关单位', '等有关部门', '等职能部门', '等部门', '等单位', '等',
];

/** Beginnings dropped from a name (`由区政府办公室牵头`, `和政策起草单位`). */
export const UNIT_LEADING_WORDS: readonly string[] = ['以及', '由', '请', '和', '及', '与', '并'];

/** Cell texts meaning "no unit": a cell holding only one of these gives empty lists. */
export const NO_UNIT_WORDS: readonly string[] = ['无', '暂无', '不涉及', '略', '/', '-', '—', '——'];
