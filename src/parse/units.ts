/**
 * 责任单位: reads a task's responsible-units text into lead (牵头) and support (配合) units.
 *
 *   区发改委牵头，各相关单位配合                                  → lead [区发改委], support [各相关单位]
 *   （牵头单位：区政府办公室、区政务服务中心，责任单位：相关委办局） → lead [区政府办公室, 区政务服务中心], support [相关委办局]
 *   区政府各部门、各街镇                                          → lead [区政府各部门, 各街镇]
 *
 * A list without a role word leads. 落实 / 负责 / 责任单位 lead too, unless another unit is named as
 * 牵头, in which case they support (`区市场监管局牵头，区政府各部门落实`).
 */
import type { Units } from '../types';
import {
  TOGETHER_WITH_WORDS,
  UNIT_ADVERBS,
  UNIT_CONJUNCTIONS,
  UNIT_LABELS,
  UNIT_LEADING_WORDS,
  UNIT_NAME_ENDINGS,
  UNIT_NAME_STARTS,
  UNIT_ROLE_VERBS,
  UNIT_SEPARATORS,
  UNIT_TRAILING_WORDS,
  NO_UNIT_WORDS,
  type UnitRole,
} from '../lexicon/units';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

const LABEL_PATTERN = new RegExp(`(${alternation(Object.keys(UNIT_LABELS))})\\s*[：:]`, 'g');
const VERB_PATTERN = new RegExp(`(${alternation(Object.keys(UNIT_ROLE_VERBS))})(?!单位|部门|办公室|办|组)`, 'g');
const TOGETHER_PATTERN = new RegExp(alternation(TOGETHER_WITH_WORDS));
const CLAUSE_SPLIT = /[，,；;。]+/;
const LIST_SPLIT = new RegExp(`[${escapeRegExp(UNIT_SEPARATORS)}]+`);
const ADVERB_TAIL = new RegExp(`(?:${alternation(UNIT_ADVERBS)})+$`);
const TRAILING = new RegExp(`(?:${alternation(UNIT_TRAILING_WORDS)})$`);
const LEADING = new RegExp(`^(?:${alternation(UNIT_LEADING_WORDS)})`);
const ENDS_LIKE_UNIT = new RegExp(`(?:${alternation(UNIT_NAME_ENDINGS)})$`);
const STARTS_LIKE_UNIT = new RegExp(`^(?:${alternation(UNIT_NAME_STARTS)})`);
const ENDS_WITH_VERB = new RegExp(`(?:${alternation(Object.keys(UNIT_ROLE_VERBS))})$`);
const CONJUNCTION = new RegExp(alternation(UNIT_CONJUNCTIONS), 'g');
const CONJUNCTION_START = new RegExp(`^(?:${alternation(UNIT_CONJUNCTIONS)})`);

/**
 * Resolves the spaces of a units cell. PDF extraction wraps names (`区生 态环境局`); those spaces go.
 * A space between two whole names (`区民政局 区卫健委`) separates them and stays as one space.
 */
function resolveSpaces(text: string): string {
  const tokens = text
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t !== '');
  let out = tokens[0] ?? '';
  for (let i = 1; i < tokens.length; i++) {
    const left = out;
    const right = tokens[i]!;
    const leftEnds = ENDS_LIKE_UNIT.test(left) || ENDS_WITH_VERB.test(left);
    const separates =
      (leftEnds && !CONJUNCTION_START.test(right) && right.length >= 3 && ENDS_LIKE_UNIT.test(right)) ||
      (leftEnds && STARTS_LIKE_UNIT.test(right)) ||
      (/[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right));
    out += separates ? ` ${right}` : right;
  }
  return out;
}

/** Drops an enclosing （…） pair and trailing punctuation. */
function unwrap(text: string): string {
  let s = text.trim().replace(/[。．.；;，,、]+$/, '').trim();
  for (;;) {
    const m = /^[（(]([^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]$/.exec(s);
    if (!m) break;
    s = m[1]!.trim().replace(/[。；;，,、]+$/, '');
  }
  return s;
}

function cleanName(name: string): string {
  let s = name.trim();
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(LEADING, '').replace(TRAILING, '').replace(/^[（(：:\s]+|[：:\s]+$/g, '').trim();
    if (s === before) break;
  }
  // An unbalanced bracket left at either end by the split.
  if (/^[（(]/.test(s) && !/[）)]/.test(s)) s = s.slice(1);
  if (/[）)]$/.test(s) && !/[（(]/.test(s)) s = s.slice(0, -1);
  return s.trim();
}

/** Splits a list of unit names: `、，,；/`, spaces between whole names, and 和/及 between two names. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  for (const piece of text.split(LIST_SPLIT).flatMap((p) => p.split(' '))) {
    let rest = piece;
    let start = 0;
    const cuts: string[] = [];
    CONJUNCTION.lastIndex = 0;
    for (let m = CONJUNCTION.exec(piece); m !== null; m = CONJUNCTION.exec(piece)) {
      const left = piece.slice(start, m.index);
      const right = piece.slice(m.index + m[0].length);
      if (ENDS_LIKE_UNIT.test(left) && right.length >= 2) {
        cuts.push(left);
        start = m.index + m[0].length;
      }
    }
    rest = piece.slice(start);
    cuts.push(rest);
    for (const cut of cuts) {
      const name = cleanName(cut);
      // A bare field label (a table's 责任单位 header) names no unit.
      if (name === '' || !/[\p{L}\p{N}]/u.test(name) || name in UNIT_LABELS) continue;
      // `区政府各委、办、局`: a one-character part belongs to the name before it.
      if (name.length === 1 && parts.length > 0) parts[parts.length - 1] += `、${name}`;
      else parts.push(name);
    }
  }
  return parts;
}

/** Drops a leading （ or trailing ） left unmatched when the text was cut at its labels. */
function dropUnbalancedBrackets(text: string): string {
  const opens = (text.match(/[（(]/g) ?? []).length;
  const closes = (text.match(/[）)]/g) ?? []).length;
  if (opens > closes && /^[（(]/.test(text)) return text.slice(1);
  if (closes > opens && /[）)]$/.test(text)) return text.slice(0, -1);
  return text;
}

interface Clause {
  names: string[];
  role: UnitRole | null;
}

/** Reads one clause (`区发改委牵头`, `各相关单位负责公开`, `区政府办公室会同区大数据中心`). */
function readClause(text: string, labelRole: UnitRole | null): Clause[] {
  const together = TOGETHER_PATTERN.exec(text);
  if (together && together.index > 0) {
    const before = readClause(text.slice(0, together.index), labelRole);
    const after = readClause(text.slice(together.index + together[0].length), 'support');
    return [...before, ...after.map((c) => ({ names: c.names, role: 'support' as const }))];
  }
  // Each role verb closes the list before it: `区政府办公室牵头、各部门配合` holds two lists.
  const groups: Clause[] = [];
  let from = 0;
  let lastVerb: { role: UnitRole; end: number } | null = null;
  VERB_PATTERN.lastIndex = 0;
  for (let verb = VERB_PATTERN.exec(text); verb !== null; verb = VERB_PATTERN.exec(text)) {
    const role = UNIT_ROLE_VERBS[verb[1]!]!;
    const names = splitList(text.slice(from, verb.index).trim().replace(ADVERB_TAIL, ''));
    if (names.length > 0) groups.push({ names, role });
    from = verb.index + verb[0].length;
    lastVerb = { role, end: from };
  }
  if (lastVerb === null) {
    const names = splitList(text.trim().replace(ADVERB_TAIL, ''));
    return names.length > 0 ? [{ names, role: labelRole }] : [];
  }
  // Words after the last verb say what is done (`负责公开`), unless no list came before any verb
  // (`配合区民政局`).
  if (groups.length === 0) {
    const names = splitList(text.slice(lastVerb.end).trim());
    if (names.length > 0) groups.push({ names, role: lastVerb.role });
  }
  return groups;
}

/**
 * Parses a 责任单位 text into lead and support units. Handles 牵头单位/配合单位/责任单位/协办 labels,
 * role verbs (牵头, 配合, 落实, 负责 …), 会同, 分别/各自, the separators 、，,；/ and spaces between whole
 * names, and names wrapped by PDF extraction (`区生 态环境局` → 区生态环境局). Trailing 等/等部门 is
 * dropped from names. Never throws; an empty text gives empty lists.
 */
export function parseUnits(raw: string): Units {
  const printed = unwrap(resolveSpaces(raw));
  if (printed === '') return { lead: [], support: [], raw: '' };
  if (NO_UNIT_WORDS.includes(printed)) return { lead: [], support: [], raw: printed };

  // Cut the text at its labels; text before the first label has no label role.
  const segments: { text: string; role: UnitRole | null }[] = [];
  let cursor = 0;
  let role: UnitRole | null = null;
  LABEL_PATTERN.lastIndex = 0;
  for (let m = LABEL_PATTERN.exec(printed); m !== null; m = LABEL_PATTERN.exec(printed)) {
    segments.push({ text: printed.slice(cursor, m.index), role });
    role = UNIT_LABELS[m[1]!]!;
    cursor = m.index + m[0].length;
  }
  segments.push({ text: printed.slice(cursor), role });

  const clauses: Clause[] = [];
  for (const segment of segments) {
    const text = dropUnbalancedBrackets(segment.text.trim());
    for (const piece of text.split(CLAUSE_SPLIT)) {
      if (piece.trim() !== '') clauses.push(...readClause(piece, segment.role));
    }
  }

  const hasLead = clauses.some((c) => c.role === 'lead');
  const lead: string[] = [];
  const support: string[] = [];
  for (const clause of clauses) {
    const target = clause.role === 'lead' || (!hasLead && clause.role !== 'support') ? lead : support;
    for (const name of clause.names) if (!target.includes(name)) target.push(name);
  }
  return { lead, support: support.filter((name) => !lead.includes(name)), raw: printed };
}
