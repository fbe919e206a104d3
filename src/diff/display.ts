/**
 * Quoting a plan as it was written. A plan in traditional characters is converted to simplified ones for
 * matching (src/text/normalize.ts); {@link sourceCharMap} learns from the two texts which simplified
 * character stands for which source character, and {@link displayDiff} writes the diff's quoted text
 * back in the source's characters. The map is one character for one character, so every offset and span
 * of the diff stays valid.
 */
import type { Change, DiffPair, NearestTask, Obligation, Plan, PlanDiff, Task } from '../types';

const HAN = /\p{Script=Han}/u;

/** Marks a key whose context is the character before (`\u0001` + previous + character). */
const BEFORE = '\u0001';

/**
 * Which simplified character of `converted` stands for which character of `source`, learned from lines of
 * equal length (the conversion keeps the lines): for each character, the source character it was made
 * from most often; and where a character stands for different ones by context (复 → 覆 in 回复, 複 in 复杂),
 * the source character for the character with the one after it (key `复杂`) or before it (key
 * `\u0001回复`). Characters that were not changed are left out.
 */
export function sourceCharMap(source: string, converted: string): Record<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const count = (key: string, o: string): void => {
    const row = counts.get(key) ?? new Map<string, number>();
    row.set(o, (row.get(o) ?? 0) + 1);
    counts.set(key, row);
  };
  const sourceLines = source.split(/\r\n|\r|\n/);
  converted.split(/\r\n|\r|\n/).forEach((line, i) => {
    const from = [...(sourceLines[i] ?? '')];
    const to = [...line];
    if (from.length !== to.length) return;
    to.forEach((c, k) => {
      const o = from[k]!;
      if (!HAN.test(c) || !HAN.test(o)) return;
      count(c, o);
      if (to[k + 1]) count(c + to[k + 1], o);
      if (to[k - 1]) count(BEFORE + to[k - 1] + c, o);
    });
  });
  const best = (row: Map<string, number>): string => [...row].sort(([x, n], [y, m]) => m - n || (x < y ? -1 : 1))[0]![0];
  const plain = new Map<string, string>();
  for (const [key, row] of counts) if ([...key].length === 1) plain.set(key, best(row));
  const map: Record<string, string> = {};
  for (const [key, row] of [...counts].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const chars = [...key];
    const c = chars.length === 1 ? key : chars[0] === BEFORE ? chars[2]! : chars[0]!;
    const choice = best(row);
    // a character's own entry when it changed; a context's entry only where it differs from that
    if (chars.length === 1 ? choice !== c : choice !== plain.get(c)) map[key] = choice;
  }
  return map;
}

/** `text` with each character the map names written as the source wrote it (see {@link sourceCharMap}). */
export function toSource(text: string, map: Readonly<Record<string, string>>): string {
  const chars = [...text];
  const has = (key: string) => Object.hasOwn(map, key);
  return chars
    .map((c, k) => {
      const next = chars[k + 1] ? c + chars[k + 1] : null;
      if (next && has(next)) return map[next];
      const before = chars[k - 1] ? BEFORE + chars[k - 1] + c : null;
      if (before && has(before)) return map[before];
      return has(c) ? map[c] : c;
    })
    .join('');
}

/**
 * A task's text as the source wrote it: its characters found in order in the converted lines of its
 * source span, each taken from the same place of the source lines. Null when a line changed length in
 * the conversion or a character is not found (then {@link toSource} with the map stands in).
 */
export function sourceTextOf(text: string, source: string[], converted: string[]): string | null {
  const from: string[] = [];
  const to: string[] = [];
  for (let i = 0; i < converted.length; i++) {
    const a = [...(source[i] ?? '')];
    const b = [...converted[i]!];
    if (a.length !== b.length) return null;
    from.push(...a);
    to.push(...b);
  }
  let at = 0;
  let out = '';
  for (const c of text) {
    while (at < to.length && to[at] !== c) at++;
    if (at >= to.length) return null;
    out += from[at];
    at++;
  }
  return out;
}

/**
 * The diff with the text of each plan read from traditional characters (a plan with `sourceChars`) written
 * back in them: task texts, names, sections, units, time nodes, obligations' quotes and subjects, change
 * values and quotes, and the character diff. Analysis is unchanged; a diff of two simplified plans is
 * returned as it is.
 */
export function displayDiff(diff: PlanDiff, plans: { a: Plan; b: Plan }): PlanDiff {
  const a = plans.a.sourceChars;
  const b = plans.b.sourceChars;
  if (!a && !b) return diff;
  // a task's own text as written; any other text by its place in the task texts, or by the character map
  const inTasks = (map: Record<string, string>, plan: Plan) => {
    const written = new Map<string, string>();
    for (const t of plan.tasks) {
      const text = plan.sourceTexts?.[String(t.seq)];
      if (text && text.length === t.text.length) written.set(t.text, text);
    }
    const simplified = plan.tasks.map((t) => t.text).join('\u0000');
    const source = plan.tasks.map((t) => written.get(t.text) ?? toSource(t.text, map)).join('\u0000');
    return (s: string): string => {
      if (written.has(s)) return written.get(s)!;
      const at = s.length > 1 ? simplified.indexOf(s) : -1;
      return at >= 0 && source.length === simplified.length ? source.slice(at, at + s.length) : toSource(s, map);
    };
  };
  const same = (s: string) => s;
  const ta = a ? inTasks(a, plans.a) : same;
  const tb = b ? inTasks(b, plans.b) : same;
  const maybe = (f: (s: string) => string, s: string | null) => (s == null ? s : f(s));
  const tasks = new Map<Task, Task>();
  const task = (t: Task, f: (s: string) => string): Task => {
    let done = tasks.get(t);
    if (!done) {
      done = {
        ...t,
        text: f(t.text),
        name: maybe(f, t.name),
        section: t.section.map(f),
        units: { ...t.units, lead: t.units.lead.map(f), support: t.units.support.map(f), raw: f(t.units.raw) },
        timeNode: t.timeNode ? { ...t.timeNode, raw: f(t.timeNode.raw) } : t.timeNode,
      };
      tasks.set(t, done);
    }
    return done;
  };
  const obligation = (o: Obligation, f: (s: string) => string): Obligation => ({ ...o, quote: f(o.quote), subject: f(o.subject), unit: f(o.unit) });
  const change = (c: Change): Change => ({
    ...c,
    before: maybe(ta, c.before),
    after: maybe(tb, c.after),
    quoteA: maybe(ta, c.quoteA),
    quoteB: maybe(tb, c.quoteB),
    ...(c.obligationA ? { obligationA: obligation(c.obligationA, ta) } : {}),
    ...(c.obligationB ? { obligationB: obligation(c.obligationB, tb) } : {}),
  });
  const pair = (p: DiffPair): DiffPair => ({
    ...p,
    a: p.a.map((t) => task(t, ta)),
    b: p.b.map((t) => task(t, tb)),
    evidence: { ...p.evidence, sharedTerms: p.evidence.sharedTerms.map(ta) },
    changes: p.changes.map(change),
    textDiff: p.textDiff.map((seg) => ({ ...seg, text: (seg.op === '+' ? tb : ta)(seg.text) })),
  });
  const obligations = Object.fromEntries(
    Object.entries(diff.obligations).map(([key, list]) => [key, list.map((o) => obligation(o, key.startsWith('a:') ? ta : tb))]),
  );
  const nearest: Record<string, NearestTask> | undefined = diff.nearest;
  return {
    ...diff,
    pairs: diff.pairs.map(pair),
    dropped: diff.dropped.map((t) => task(t, ta)),
    added: diff.added.map((t) => task(t, tb)),
    obligations,
    ...(nearest ? { nearest } : {}),
  };
}
