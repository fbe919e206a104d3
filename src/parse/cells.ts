/**
 * Tests that tell the cells of a task table apart when PDF extraction has put them on separate lines:
 * is this text a time node (时间节点), is it a list of responsible units (责任单位)? Both are read from
 * vocabulary (src/lexicon/layout.ts), never from line counts.
 */
import {
  ORG_ENDINGS,
  ORG_STARTS,
  TIME_NODE_MAX_LENGTH,
  TIME_SEPARATORS,
  TIME_TEXT_LABELS,
  TIME_TOKEN_PATTERNS,
  UNIT_NAME_MAX_LENGTH,
  UNIT_ROLE_WORDS,
  UNIT_TEXT_LABELS,
  UNITS_TEXT_MAX_LENGTH,
} from '../lexicon/layout';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

const TIME_TOKENS = new RegExp(`(?:${TIME_TOKEN_PATTERNS.join('|')})`, 'g');
const TIME_SEPARATOR_CHARS = new RegExp(`[${escapeRegExp(TIME_SEPARATORS)}]`, 'g');
const TIME_LABEL = new RegExp(`^(?:${alternation(TIME_TEXT_LABELS)})\\s*[：:]\\s*`);

/**
 * True when `s` is a time node and nothing else: only time words (全年, 上半年, 三季度, 年底前 …), month,
 * day and year numbers and separators (`3-6 月`, `4月、10月`, `2024 年 1月`, `3月31日前`).
 */
export function isTimeLike(s: string): boolean {
  const t = s
    .trim()
    .replace(TIME_LABEL, '')
    .replace(/[。．.]$/, '')
    .replace(/(?<=\D)\s+|\s+(?=\D)/g, '');
  if (t === '' || t.length > TIME_NODE_MAX_LENGTH) return false;
  let matched = false;
  const rest = t.replace(TIME_TOKENS, (m) => {
    if (m !== '') matched = true;
    return '';
  });
  if (!matched) return false;
  if (rest.replace(TIME_SEPARATOR_CHARS, '') !== '') return false;
  // At least one word that is a time on its own (a bare 前 or 完成 is not a time node).
  return /\d|[全半季旬底末初年月持长常日定每适及按]/.test(t);
}

/** Tests whether a text ends with one of `words`, without scanning the text. */
function endingMatcher(words: readonly string[]): (s: string) => string | null {
  const byLength = new Map<number, Set<string>>();
  for (const w of words) {
    let set = byLength.get(w.length);
    if (!set) byLength.set(w.length, (set = new Set()));
    set.add(w);
  }
  const lengths = [...byLength.keys()].sort((a, b) => b - a);
  return (s) => {
    for (const len of lengths) {
      if (len <= s.length && byLength.get(len)!.has(s.slice(-len))) return s.slice(-len);
    }
    return null;
  };
}

const orgEnding = endingMatcher(ORG_ENDINGS);
const roleEnding = endingMatcher(UNIT_ROLE_WORDS);
const ORG_START = new RegExp(`^(?:${alternation(ORG_STARTS)})`);
const ROLE_HEAD = new RegExp(`^(?:由|请|和|及|与|并|会同)`);
const LABEL = new RegExp(`(?:${alternation(UNIT_TEXT_LABELS)})\\s*[：:]`, 'g');
const PART_SPLIT = /[、，,；;：:/／\s]+/;

/** One name of a units list, role words stripped; null when nothing is left. */
function stripRoles(part: string): string {
  let s = part.replace(ROLE_HEAD, '');
  for (let i = 0; i < 4; i++) {
    const role = roleEnding(s);
    if (role === null) break;
    s = s.slice(0, -role.length);
  }
  return s.replace(/^[（(]+|[）)]+$/g, '').trim();
}

/** How a piece of text looks as a responsible unit. */
function orgScore(part: string): 'org' | 'weak' | 'no' {
  const s = stripRoles(part);
  if (s === '') return part === '' ? 'no' : 'weak';
  if (s.length > UNIT_NAME_MAX_LENGTH) return 'no';
  if (/[。！？!?“”《》]/.test(s)) return 'no';
  if (orgEnding(s) !== null) return 'org';
  if (ORG_START.test(s) && s.length <= 12) return 'weak';
  return 'no';
}

/**
 * True when `s` reads as a responsible-units text: every name of the list (split at 、，；and spaces,
 * role words such as 牵头 / 配合 / 负责落实 and labels such as 牵头单位： stripped) ends like an organization
 * (局, 委, 办, 中心, 街镇, 单位, 部门 …) or is a short 区…/各…/相关… name, and at least one ends like one.
 */
export function isUnitsLike(s: string): boolean {
  const t = s.trim().replace(/^[（(]|[）)]$/g, '').replace(/[。；;，,、]+$/, '');
  if (t === '' || t.length > UNITS_TEXT_MAX_LENGTH) return false;
  const parts = t.replace(LABEL, '、').split(PART_SPLIT).filter((p) => p !== '');
  if (parts.length === 0) return false;
  let orgs = 0;
  for (const part of parts) {
    const score = orgScore(part);
    if (score === 'no') return false;
    if (score === 'org') orgs++;
  }
  return orgs > 0;
}

/**
 * Splits a trailing time node off a line (`区发改委牵头，各相关单位配合 全年` → `全年`), when the line
 * ends with space-separated words that make a time node. Returns null when it does not.
 */
export function splitTimeSuffix(text: string): { head: string; time: string } | null {
  const words = text.trim().split(/\s+/);
  if (words.length < 2) return null;
  const maxTake = Math.min(words.length - 1, 6);
  for (let take = maxTake; take >= 1; take--) {
    const time = words.slice(words.length - take).join(' ');
    if (isTimeLike(time)) return { head: words.slice(0, words.length - take).join(' '), time };
  }
  return null;
}

const TIME_PART = new RegExp(`(?:^|[，,；;。\\s]+)(?:${alternation(TIME_TEXT_LABELS)})\\s*[：:]\\s*([^，,；;]*)`);
const LAST_SEPARATOR = /[，,；;\s]+(?=[^，,；;\s]*$)/;

/**
 * Splits a parenthesis that holds both the responsible units and the time node
 * (`责任单位:区府办,完成时限:全年`, `责任单位：区政府各部门；完成时限：6月底前`, `区司法局，3月底前`) into the two
 * texts; null when it is not one (the units part must read as units, the time part as a time node).
 */
export function splitUnitsAndTime(s: string): { units: string; time: string } | null {
  const t = s.trim();
  let units: string;
  let time: string;
  const labelled = TIME_PART.exec(t);
  if (labelled) {
    units = t.slice(0, labelled.index) + t.slice(labelled.index + labelled[0].length);
    time = labelled[1]!.trim();
  } else {
    const sep = LAST_SEPARATOR.exec(t);
    if (!sep) return null;
    units = t.slice(0, sep.index);
    time = t.slice(sep.index + sep[0].length);
  }
  units = units.trim().replace(/^[，,；;\s]+|[，,；;。\s]+$/g, '');
  if (units === '' || time === '' || !isTimeLike(time) || !isUnitsLike(units)) return null;
  return { units, time };
}
