/**
 * Metamorphic tests of the diff on real plans: apply known edits to a seed plan and check that the diff
 * reports exactly those edits, each with the right direction, and nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preparePlan, type PreparedPlan } from '../src/align/prepare';
import { loadPlan } from '../src/corpus';
import { diffPlans } from '../src/diff/diff';
import { taskModality } from '../src/modality/modality';
import { extractObligations } from '../src/obligations/extract';
import type { ChangeKind, Direction, Plan, Task } from '../src/types';

const IDS = ['putuo-2023', 'pudong-2022', 'songjiang-2024', 'jiading-2023', 'baoshan-2024'] as const;
const PLANS = Object.fromEntries(IDS.map((id) => [id, loadPlan(id)])) as Record<(typeof IDS)[number], Plan>;
/** The seed plans tokenized once (diffPlans gives the same diff for a prepared plan as for the bare one). */
const PREPARED = Object.fromEntries(IDS.map((id) => [id, preparePlan(PLANS[id])])) as Record<(typeof IDS)[number], PreparedPlan>;

/** What an edit must make the diff say about the pair holding the edited task. */
interface Expected {
  kind: ChangeKind;
  direction: Direction;
}

/** A task of the edited plan and where it came from. */
interface Slot {
  task: Task;
  /** The original task it was made from (null for an inserted task) */
  from: Task | null;
  /** Changes the diff must report for it */
  expect: Expected[];
  /** Tasks made by splitting `from` share this id */
  splitOf?: number;
  /** Which half of the split (0, 1) */
  half?: number;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return x.size + y.size ? (2 * shared) / (x.size + y.size) : 0;
}

/** A number edit: an obligation whose quote prints its value in Arabic digits. */
function numberEdit(task: Task, kinds: string[]): { start: number; end: number; value: number; kind: string } | null {
  for (const o of extractObligations(task)) {
    if (!kinds.includes(o.kind) || o.comparator === 'range') continue;
    const digits = String(o.kind === 'date' ? o.value % 100 : o.value);
    const at = o.quote.lastIndexOf(digits);
    if (at < 0 || /\d/.test(o.quote[at - 1] ?? '') || /\d/.test(o.quote[at + digits.length] ?? '')) continue;
    const start = o.span.start + at;
    return { start, end: start + digits.length, value: Number(digits), kind: o.kind };
  }
  return null;
}

function withText(task: Task, text: string): Task {
  return { ...task, text };
}

type EditName = 'raise' | 'lower' | 'shortenDeadline' | 'earlierDate' | 'modality' | 'delete' | 'insert' | 'split';

/** Applies one edit to slot i when it fits that task; returns false when it does not. */
function applyEdit(slots: Slot[], i: number, edit: EditName, donor: Task | null): boolean {
  const slot = slots[i]!;
  if (!slot.from || slot.expect.length || slot.splitOf != null) return false;
  const t = slot.task;
  switch (edit) {
    case 'raise':
    case 'lower': {
      const n = numberEdit(t, ['count', 'frequency']);
      if (!n || (edit === 'lower' && n.value < 2)) return false;
      const value = edit === 'raise' ? n.value + 1 : n.value - 1;
      slot.task = withText(t, t.text.slice(0, n.start) + value + t.text.slice(n.end));
      slot.expect = [{ kind: n.kind as ChangeKind, direction: edit === 'raise' ? 'stronger' : 'weaker' }];
      return true;
    }
    case 'shortenDeadline': {
      const n = numberEdit(t, ['deadline']);
      if (!n || n.value < 2) return false;
      slot.task = withText(t, t.text.slice(0, n.start) + (n.value - 1) + t.text.slice(n.end));
      slot.expect = [{ kind: 'deadline', direction: 'stronger' }];
      return true;
    }
    case 'earlierDate': {
      const n = numberEdit(t, ['date']);
      if (!n || n.value < 2) return false;
      slot.task = withText(t, t.text.slice(0, n.start) + (n.value - 1) + t.text.slice(n.end));
      slot.expect = [{ kind: 'date', direction: 'stronger' }];
      return true;
    }
    case 'modality': {
      if (!t.text.includes('探索') || taskModality(t.text).level !== 'explore') return false;
      const text = t.text.replace('探索', '全面推行');
      if (taskModality(text).level !== 'must') return false;
      slot.task = withText(t, text);
      slot.expect = [{ kind: 'modality', direction: 'stronger' }];
      return true;
    }
    case 'delete':
      slots.splice(i, 1);
      return true;
    case 'insert': {
      if (!donor) return false;
      // Only a task unlike every task of this plan is a new obligation for it.
      if (slots.some((s) => s.from && dice(s.from.text, donor.text) > 0.25)) return false;
      slots.splice(i, 0, { task: { ...donor }, from: null, expect: [] });
      return true;
    }
    case 'split': {
      const cut = t.text.search(/[。；](?=.{12,})/);
      if (cut < 12) return false;
      const first = withText(t, t.text.slice(0, cut + 1));
      const second = withText(t, t.text.slice(cut + 1));
      slots.splice(
        i,
        1,
        { task: first, from: t, expect: [], splitOf: t.seq, half: 0 },
        { task: second, from: t, expect: [], splitOf: t.seq, half: 1 },
      );
      return true;
    }
  }
}

function build(plan: Plan, slots: Slot[]): Plan {
  return {
    ...plan,
    meta: { ...plan.meta, id: `${plan.meta.id}-edited` },
    tasks: slots.map((s, k) => ({ ...s.task, seq: k + 1 })),
  };
}

const EDITS: EditName[] = ['raise', 'lower', 'shortenDeadline', 'earlierDate', 'modality', 'delete', 'insert', 'split'];

/** How often each kind of edit was applied across the generated cases (so the property is not vacuous). */
const applied: Record<EditName, number> = {
  raise: 0, lower: 0, shortenDeadline: 0, earlierDate: 0, modality: 0, delete: 0, insert: 0, split: 0,
};

/** Runs one generated case and checks the diff against the edits. */
function check(id: (typeof IDS)[number], edits: { edit: EditName; at: number; donor: number }[], shuffleSeed: number | null): void {
  const plan = PLANS[id];
  const slots: Slot[] = plan.tasks.map((t) => ({ task: t, from: t, expect: [] }));
  const deleted: number[] = [];
  const others = IDS.filter((x) => x !== id).flatMap((x) => PLANS[x].tasks);
  for (const { edit, at, donor } of edits) {
    // Try the edit on the tasks from `at` onwards until one fits.
    for (let k = 0; k < slots.length; k++) {
      const i = (at + k) % slots.length;
      const before = slots[i]!;
      if (edit === 'delete' && (!before.from || before.expect.length || before.splitOf != null)) continue;
      if (applyEdit(slots, i, edit, others[donor % others.length] ?? null)) {
        if (edit === 'delete') deleted.push(before.from!.seq);
        applied[edit]++;
        break;
      }
    }
  }
  if (shuffleSeed != null) {
    // Deterministic shuffle: plans reorder freely, and the diff must not care.
    let s = shuffleSeed;
    for (let i = slots.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [slots[i], slots[j]] = [slots[j]!, slots[i]!];
    }
    // Keep split halves next to each other, in order, as a printed plan would.
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i]!;
      if (s.splitOf == null) continue;
      const halves = slots.filter((x) => x.splitOf === s.splitOf).sort((x, y) => x.half! - y.half!);
      const rest = slots.filter((x) => x.splitOf !== s.splitOf);
      rest.splice(i, 0, ...halves);
      slots.splice(0, slots.length, ...rest);
      i += halves.length - 1;
    }
  }
  const edited = build(plan, slots);
  const seqOf = new Map(slots.map((s, k) => [s, k + 1]));
  const diff = diffPlans(PREPARED[id], edited);

  // Dropped: exactly the deleted tasks. Added: exactly the inserted ones.
  expect(diff.dropped.map((t) => t.seq).sort((x, y) => x - y)).toEqual([...deleted].sort((x, y) => x - y));
  const inserted = slots.filter((s) => !s.from).map((s) => seqOf.get(s)!);
  expect(diff.added.map((t) => t.seq).sort((x, y) => x - y)).toEqual(inserted.sort((x, y) => x - y));

  // Every kept task pairs with what it was made from, and reports exactly its edits.
  const bySeqB = new Map(slots.map((s) => [seqOf.get(s)!, s]));
  for (const pair of diff.pairs) {
    const made = pair.b.map((t) => bySeqB.get(t.seq)!);
    expect(pair.a.map((t) => t.seq)).toEqual([...new Set(made.map((s) => s.from!.seq))]);
    if (pair.b.length > 1) {
      expect(made.every((s) => s.splitOf === pair.a[0]!.seq)).toBe(true);
    }
    const expected = made.flatMap((s) => s.expect);
    const status = expected.length === 0 ? 'unchanged' : expected[0]!.direction === 'stronger' ? 'strengthened' : 'weakened';
    const seqs = { a: pair.a.map((t) => t.seq), b: pair.b.map((t) => t.seq) };
    expect({ seqs, status: pair.status, changes: pair.changes.map((c) => ({ kind: c.kind, direction: c.direction })) }).toEqual(
      { seqs, status, changes: expected },
    );
  }
  const kept = slots.filter((s) => s.from).length;
  expect(diff.pairs.reduce((n, p) => n + p.b.length, 0)).toBe(kept);
}

describe('diffPlans on edited seed plans', () => {
  it('reports nothing between a plan and itself', () => {
    for (const id of IDS) {
      const diff = diffPlans(PREPARED[id], PREPARED[id]);
      expect(diff.added).toEqual([]);
      expect(diff.dropped).toEqual([]);
      expect(diff.pairs.every((p) => p.status === 'unchanged' && p.changes.length === 0)).toBe(true);
      expect(diff.pairs).toHaveLength(PLANS[id].tasks.length);
    }
  });

  it('raising 不少于3次 to 4次 in a real task is a stronger count, and nothing else changes', () => {
    const plan = PLANS['putuo-2023'];
    const slots: Slot[] = plan.tasks.map((t) => ({ task: t, from: t, expect: [] }));
    const i = slots.findIndex((s) => /不少于\s?\d+\s?次/.test(s.task.text));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(applyEdit(slots, i, 'raise', null)).toBe(true);
    const diff = diffPlans(plan, build(plan, slots));
    const changed = diff.pairs.filter((p) => p.changes.length);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.status).toBe('strengthened');
    expect(changed[0]!.changes[0]!.kind).toBe('count');
    expect(changed[0]!.changes[0]!.quoteA).toMatch(/\d次/);
  });

  it('reports exactly the generated edits, with their directions', () => {
    const edit = fc.record({
      edit: fc.constantFrom(...EDITS),
      at: fc.nat({ max: 200 }),
      donor: fc.nat({ max: 400 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...IDS),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        fc.option(fc.nat({ max: 1_000_000 }), { nil: null }),
        (id, edits, shuffle) => check(id, edits, shuffle),
      ),
      { numRuns: Number(process.env.METAMORPHIC_RUNS ?? 200), seed: 20241125 },
    );
    // Every kind of edit was exercised on real tasks, not skipped for want of a fitting one.
    for (const name of EDITS) expect(applied[name], name).toBeGreaterThan(0);
    // ~12 s of CPU (200 alignments of whole plans): room for a machine busy with other work
  }, 180_000);
});
