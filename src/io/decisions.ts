/**
 * The decisions file: a reader's answers about candidate links of two plans,
 * `{"a": "<plan id>", "b": "<plan id>", "decisions": [{"a": 12, "b": 7, "same": true, "aHash": "…", "bHash": "…"}]}`.
 *
 * `parseDecisionsFile` checks the shape; `decisionsFor` turns a file into the decisions of one ordered pair of
 * plans, checking that every seq exists. A file written for (B, A) serves (A, B) too: its seqs and hashes
 * are swapped, so the same answers hold whichever plan is given first.
 */
import { PlanParseError } from '../errors';
import type { Decision, DecisionsFile, Plan } from '../types';
import { parseJsonText, readJsonFile } from './json-file';

function bad(file: string, detail: string, line: number | null = null): PlanParseError {
  return new PlanParseError('bad-decisions', file, line, detail);
}

function isSeq(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1;
}

function checkDecision(item: unknown, index: number, file: string): Decision {
  const where = `decisions[${index}]`;
  if (!item || typeof item !== 'object' || Array.isArray(item)) throw bad(file, `${where} is not an object`);
  const d = item as Record<string, unknown>;
  if (!isSeq(d.a)) throw bad(file, `${where} needs "a", the seq of a task of plan a (a whole number from 1), not ${JSON.stringify(d.a)}`);
  if (!isSeq(d.b)) throw bad(file, `${where} needs "b", the seq of a task of plan b (a whole number from 1), not ${JSON.stringify(d.b)}`);
  if (typeof d.same !== 'boolean') throw bad(file, `${where} (a ${d.a}, b ${d.b}) needs "same": true or false, not ${JSON.stringify(d.same)}`);
  const decision: Decision = { a: d.a, b: d.b, same: d.same };
  for (const key of ['aHash', 'bHash'] as const) {
    if (d[key] === undefined) continue;
    if (typeof d[key] !== 'string' || !d[key]) throw bad(file, `${where} (a ${d.a}, b ${d.b}): "${key}" must be a text hash, not ${JSON.stringify(d[key])}`);
    decision[key] = d[key];
  }
  return decision;
}

/**
 * Reads the text of a decisions file and checks its shape: plan ids, and for each decision whole-number
 * seqs, a true/false answer and optional text hashes. The same link answered twice both ways is refused.
 * Every problem is a `PlanParseError` (code `bad-decisions`) naming `file`, with the line for bad JSON.
 */
export function parseDecisionsFile(text: string, file: string): DecisionsFile {
  const raw = parseJsonText(text, file, 'bad-decisions');
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw bad(file, 'a decisions file is one object: {"a": "<plan id>", "b": "<plan id>", "decisions": [...]}');
  }
  const r = raw as Record<string, unknown>;
  for (const key of ['a', 'b'] as const) {
    if (typeof r[key] !== 'string' || !r[key]) throw bad(file, `"${key}" must be the id of plan ${key}, not ${JSON.stringify(r[key])}`);
  }
  if (!Array.isArray(r.decisions)) throw bad(file, '"decisions" must be a list of {"a": seq, "b": seq, "same": true|false}');
  const decisions = r.decisions.map((item, i) => checkDecision(item, i, file));
  const seen = new Map<string, number>();
  decisions.forEach((d, i) => {
    const key = `${d.a}:${d.b}`;
    const first = seen.get(key);
    if (first !== undefined && decisions[first]!.same !== d.same) {
      throw bad(file, `decisions[${first}] and decisions[${i}] answer a ${d.a}, b ${d.b} both ways; keep one`);
    }
    seen.set(key, i);
  });
  return { a: r.a as string, b: r.b as string, decisions };
}

/** The decision seen from the other side: plan a's seq and hash become plan b's. */
function swapped(d: Decision): Decision {
  const out: Decision = { a: d.b, b: d.a, same: d.same };
  if (d.bHash !== undefined) out.aHash = d.bHash;
  if (d.aHash !== undefined) out.bHash = d.aHash;
  return out;
}

/**
 * The file's decisions for plans `aId` → `bId`: as written when the file names (aId, bId), swapped when it
 * names (bId, aId), and null when it is about another pair.
 */
export function orientDecisions(file: DecisionsFile, aId: string, bId: string): Decision[] | null {
  if (file.a === aId && file.b === bId) return file.decisions;
  if (file.a === bId && file.b === aId) return file.decisions.map(swapped);
  return null;
}

/**
 * The decisions of `file` (read from `path`) for plan `a` → plan `b`, read swapped when the file was written
 * for (b, a). A file about other plans, or naming a seq that either plan lacks, is a `PlanParseError`.
 */
export function decisionsFor(file: DecisionsFile, a: Plan, b: Plan, path: string): Decision[] {
  const decisions = orientDecisions(file, a.meta.id, b.meta.id);
  if (!decisions) {
    throw bad(path, `this file holds decisions about ${file.a} ↔ ${file.b}, not ${a.meta.id} ↔ ${b.meta.id}`);
  }
  const flipped = file.a !== a.meta.id;
  const seqs = { a: new Set(a.tasks.map((t) => t.seq)), b: new Set(b.tasks.map((t) => t.seq)) };
  decisions.forEach((d, i) => {
    for (const [side, plan] of [['a', a], ['b', b]] as const) {
      if (seqs[side].has(d[side])) continue;
      const key = flipped ? (side === 'a' ? 'b' : 'a') : side;
      throw bad(path, `decisions[${i}]: "${key}": ${d[side]} is not a task of ${plan.meta.id} (its tasks are numbered 1–${plan.tasks.length})`);
    }
  });
  return decisions;
}

/** Reads a decisions file from disk and returns its decisions for plan `a` → plan `b` (see `decisionsFor`). */
export function readDecisions(path: string, a: Plan, b: Plan): Decision[] {
  const text = readJsonFile(path, 'bad-decisions');
  return decisionsFor(parseDecisionsFile(text, path), a, b, path);
}

/** Reads and checks the shape of a decisions file from disk, without plans to check its seqs against. */
export function readDecisionsFile(path: string): DecisionsFile {
  const text = readJsonFile(path, 'bad-decisions');
  return parseDecisionsFile(text, path);
}

/** A decisions file as text: 2-space JSON, decisions ordered by a then b, a trailing newline. */
export function formatDecisionsFile(file: DecisionsFile): string {
  const decisions = [...file.decisions].sort((x, y) => x.a - y.a || x.b - y.b);
  return JSON.stringify({ a: file.a, b: file.b, decisions }, null, 2) + '\n';
}
