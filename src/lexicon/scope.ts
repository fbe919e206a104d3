/**
 * Words of scope read by `scopeOf` (src/modality/scope.ts): who must act, and how much a task covers.
 * Data only.
 */

/** Who acts: the district government, every unit, all departments, all streets and towns, or named units. */
export type ActorKind = 'all-units' | 'departments' | 'streets-towns' | 'district-government' | 'unit';

/** An actor word and the kind of actor it names. */
export interface ActorWord {
  /** The word as printed */
  word: string;
  /** The kind of actor */
  kind: ActorKind;
}

/** Actor words, matched longest first at the start of a clause or of a unit name. */
export const ACTOR_WORDS: readonly ActorWord[] = [
  { word: '各单位', kind: 'all-units' },
  { word: '各相关单位', kind: 'all-units' },
  { word: '相关单位', kind: 'all-units' },
  { word: '区各单位', kind: 'all-units' },
  { word: '每家单位', kind: 'all-units' },
  { word: '各家单位', kind: 'all-units' },
  { word: '各级各部门', kind: 'all-units' },
  { word: '各部门', kind: 'departments' },
  { word: '各相关部门', kind: 'departments' },
  { word: '区政府各部门', kind: 'departments' },
  { word: '区政府各委办局', kind: 'departments' },
  { word: '各委办局', kind: 'departments' },
  { word: '区各部门', kind: 'departments' },
  { word: '区政府相关部门', kind: 'departments' },
  { word: '相关部门', kind: 'departments' },
  { word: '各政策制定部门', kind: 'departments' },
  { word: '制文单位', kind: 'departments' },
  { word: '决策单位', kind: 'departments' },
  { word: '各街镇', kind: 'streets-towns' },
  { word: '各街道', kind: 'streets-towns' },
  { word: '各街道镇', kind: 'streets-towns' },
  { word: '各镇', kind: 'streets-towns' },
  { word: '街镇', kind: 'streets-towns' },
  { word: '区政府', kind: 'district-government' },
  { word: '区人民政府', kind: 'district-government' },
];

/** How wide each kind of actor is: one body < a class of bodies < every unit. */
export const ACTOR_BREADTH: Readonly<Record<ActorKind, number>> = {
  unit: 1,
  'district-government': 1,
  departments: 2,
  'streets-towns': 2,
  'all-units': 3,
};

/** Words that may stand before the actor at the start of a clause (由各单位, 请各街镇, 同时各部门). */
export const ACTOR_LEADS: readonly string[] = ['由', '请', '并', '同时', '其中', '另外', '此外', '要求'];

/** Coverage markers: words that say a task reaches every case (全覆盖, 所有, 全部 …). */
export const COVERAGE_WORDS: readonly string[] = [
  '全覆盖',
  '全面覆盖',
  '全量覆盖',
  '所有',
  '全部',
  '全量',
  '全区各',
  '全域',
  '全领域',
  '全流程',
  '全过程',
  '一律',
  '各类',
  '均',
  '100%',
  '100％',
];

/** Words that hold a coverage marker without meaning "every case" (均衡, 平均, 所有权): a marker inside one
 * of them is not a marker. */
export const COVERAGE_FALSE_FRIENDS: readonly string[] = [
  '均衡',
  '均等',
  '均匀',
  '均值',
  '均价',
  '平均',
  '人均',
  '年均',
  '户均',
  '日均',
  '月均',
  '所有权',
  '所有制',
  '所有者',
];

/**
 * Endings of words that name who acts (行业协会, 产业园区, 服务机构, 新闻媒体, 专家学者, 社会力量): such words
 * say who takes part, not what is to be done, so they are left out when finding the sentence of two tasks
 * that carries their shared obligation.
 */
export const ACTOR_ENDINGS: readonly string[] = [
  '协会',
  '商会',
  '园区',
  '机构',
  '组织',
  '单位',
  '部门',
  '媒体',
  '学者',
  '专家',
  '力量',
  '企业',
  '村委会',
  '居委会',
  '街镇',
  '第三方',
  '代表',
];
