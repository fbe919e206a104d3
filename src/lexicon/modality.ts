/**
 * Modality cue words read by `modalityOf` and `taskModality` (src/modality/modality.ts). Data only; the
 * scale and the rules are documented in docs/modality.md.
 *
 *   explore < advance < must < mandatory
 */
import type { Modality } from '../types';

/** The scale, weakest first. */
export const MODALITY_SCALE: readonly Modality[] = ['explore', 'advance', 'must', 'mandatory'];

/** A cue word and the level it sets. */
export interface ModalityCue {
  /** The word */
  word: string;
  /** The level */
  level: Modality;
  /**
   * Modal words (应当, 要, 必须, 确保, 不得) bind the whole clause wherever they stand; verb cues (探索,
   * 推进, 做好) count only as the clause's first cue, its main verb.
   */
  modal: boolean;
  /** Characters that, right before the word, show it is part of another word (主要, 重要, 回应) */
  notAfter?: string;
  /** Characters that, right after the word, show it is part of another word (要求, 要素, 应用) */
  notBefore?: string;
}

/** Cue words. Matched longest first at each position. */
export const MODALITY_CUES: readonly ModalityCue[] = [
  // explore: try, study, encourage, pilot
  { word: '探索', level: 'explore', modal: false },
  { word: '研究', level: 'explore', modal: false, notBefore: '院所会室生' },
  { word: '鼓励', level: 'explore', modal: false },
  { word: '试点', level: 'explore', modal: false },
  { word: '尝试', level: 'explore', modal: false },
  { word: '倡导', level: 'explore', modal: false },
  { word: '支持', level: 'explore', modal: false },
  { word: '争取', level: 'explore', modal: false },
  { word: '力争', level: 'explore', modal: false },
  { word: '逐步', level: 'explore', modal: false },
  { word: '适时', level: 'explore', modal: false },
  { word: '可以', level: 'explore', modal: true },
  { word: '可', level: 'explore', modal: true, notAfter: '许认即不', notBefore: '能见以行控视信用复读持及靠阅' },
  // advance: push forward, do well, strengthen, improve
  { word: '推动', level: 'advance', modal: false },
  { word: '推进', level: 'advance', modal: false },
  { word: '做好', level: 'advance', modal: false },
  { word: '做实', level: 'advance', modal: false },
  { word: '加强', level: 'advance', modal: false },
  { word: '完善', level: 'advance', modal: false },
  { word: '深化', level: 'advance', modal: false },
  { word: '优化', level: 'advance', modal: false },
  { word: '提升', level: 'advance', modal: false },
  { word: '提高', level: 'advance', modal: false },
  { word: '健全', level: 'advance', modal: false },
  { word: '加大', level: 'advance', modal: false },
  { word: '扩大', level: 'advance', modal: false },
  { word: '强化', level: 'advance', modal: false },
  { word: '规范', level: 'advance', modal: false },
  { word: '持续', level: 'advance', modal: false },
  { word: '继续', level: 'advance', modal: false },
  { word: '开展', level: 'advance', modal: false },
  { word: '建立', level: 'advance', modal: false },
  { word: '落实', level: 'advance', modal: false },
  { word: '执行', level: 'advance', modal: false },
  { word: '及时', level: 'advance', modal: false },
  { word: '组织', level: 'advance', modal: false },
  { word: '分析', level: 'advance', modal: false },
  { word: '定期', level: 'advance', modal: false },
  { word: '发布', level: 'advance', modal: false },
  { word: '公开', level: 'advance', modal: false },
  { word: '公布', level: 'advance', modal: false },
  { word: '编制', level: 'advance', modal: false },
  { word: '制定', level: 'advance', modal: false },
  { word: '修订', level: 'advance', modal: false },
  { word: '更新', level: 'advance', modal: false },
  { word: '实施', level: 'advance', modal: false },
  { word: '打造', level: 'advance', modal: false },
  { word: '建设', level: 'advance', modal: false },
  { word: '配合', level: 'advance', modal: false },
  { word: '抓好', level: 'advance', modal: false },
  { word: '拓展', level: 'advance', modal: false },
  { word: '丰富', level: 'advance', modal: false },
  { word: '统筹', level: 'advance', modal: false },
  { word: '增强', level: 'advance', modal: false },
  { word: '巩固', level: 'advance', modal: false },
  { word: '畅通', level: 'advance', modal: false },
  // 要 (各单位要…) is the plain directive of a work plan, not a duty word like 应当: a bare imperative
  { word: '要', level: 'advance', modal: true, notAfter: '主重需纲摘概只简必提首纪', notBefore: '求素点件闻情害务是领旨' },
  // must: carry out strictly, fully, ensure, shall
  { word: '严格落实', level: 'must', modal: false },
  { word: '严格执行', level: 'must', modal: false },
  { word: '严格按照', level: 'must', modal: false },
  { word: '严格遵守', level: 'must', modal: false },
  { word: '全面落实', level: 'must', modal: false },
  { word: '切实', level: 'must', modal: false },
  { word: '全面', level: 'must', modal: false },
  { word: '务必', level: 'must', modal: true },
  { word: '确保', level: 'must', modal: true },
  { word: '应当', level: 'must', modal: true },
  { word: '应该', level: 'must', modal: true },
  { word: '需要', level: 'must', modal: true, notBefore: '的' },
  { word: '应', level: 'must', modal: true, notAfter: '响回供相适对答效反感呼照适知', notBefore: '用急对变届有收知' },
  { word: '须', level: 'must', modal: true, notAfter: '必无毋', notBefore: '知' },
  { word: '一律', level: 'must', modal: true },
  // mandatory: must, shall not
  { word: '必须', level: 'mandatory', modal: true },
  { word: '不得', level: 'mandatory', modal: true },
  { word: '严禁', level: 'mandatory', modal: true },
  { word: '禁止', level: 'mandatory', modal: true },
  { word: '不准', level: 'mandatory', modal: true },
  { word: '一律不得', level: 'mandatory', modal: true },
];

/**
 * Negations that, right before a cue, cancel it (不再探索, 暂不推进, 无需公开): the clause then commits to
 * nothing more than exploring, so it gets the lowest level. Prohibitions (不得, 严禁) are cues of their
 * own and are not negations.
 */
export const MODALITY_NEGATIONS: readonly string[] = ['不再', '暂不', '无需', '不必', '不宜', '不用', '无须', '毋需'];

/** Opening and closing words of an exception (除依法依规不予公开的情形外): cues inside are not the task's. */
export const EXCEPTION_OPEN = '除';
/** Closing words of an exception, matched after the opening one. */
export const EXCEPTION_CLOSE: readonly string[] = ['以外', '之外', '外'];
/** Longest exception considered, in characters. */
export const MAX_EXCEPTION = 40;

/**
 * Advance-level cue words that are plain action verbs (发布, 公开, 编制…) or the plain directive 要, rather
 * than words of the scale (推动, 推进, 做好, 加强, 完善…). A clause led by one of them, or by no cue at all,
 * is an unmarked imperative: the diff compares it with an exploratory clause (探索 → 发布 is stronger) but
 * does not read it as weaker than an 应当/确保 clause, since a bare imperative in a work plan binds just
 * the same.
 */
export const PLAIN_VERBS: readonly string[] = [
  '开展', '建立', '落实', '执行', '及时', '组织', '分析', '定期', '发布', '公开', '公布', '编制', '制定',
  '修订', '更新', '实施', '打造', '建设', '配合', '要',
];
