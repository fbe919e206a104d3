/**
 * Many plans at once. `alignMany` groups the tasks of all the plans into task families (copies and close
 * rewordings of one task, each verified with the alignment score against the family's first member; see
 * families.ts) and records which families are related (a task of one scored, or was largely found in, a
 * task of the other), in time that grows with the number of distinct task texts rather than with the
 * square of all tasks. The alignment of any two plans is then read off the families and their relations
 * on demand (`pairFromMany`), and a plan's overlap with every other plan of the corpus is one pass over
 * its tasks (`planAgainstCorpus`).
 *
 * pairFromMany approximates alignPlans: on the five seed plans it finds about three quarters of
 * alignPlans' 1:1 pairs, and its links are alignPlans' links about 85 % of the time (test/align-many.test.ts
 * measures both). Use alignPlans for the pairs a study reports on; use the families to survey a corpus.
 *
 * The results are plain, deterministic JSON: the same plans in the same order give the same families with
 * the same ids.
 */
import type { Plan, PlanRef } from '../types';
import type { Tokenizer } from '../text/tokenize';
import { defaultTokenizer } from '../text/tokenizer-jieba';
import { planDocuments, planRef, resolveConfig } from './align';
import { DEFAULT_ALIGN_CONFIG, type AlignConfig } from './config';
import { buildFamilies, type FamilyParams } from './families';
import { isPreparedPlan, prepareTask, type PreparedPlan, type PreparedTask } from './prepare';
import { taskVector, Vocab, type TaskVector } from './similarity';
import { learnWeights, type TermWeights } from './weights';
import { round4 } from './util';

/** Options of {@link alignMany}. */
export interface AlignManyOptions {
  /** Word splitter for plans that are not prepared (default: nodejieba with the field dictionary) */
  tokenizer?: Tokenizer;
  /** Term weights to use instead of learning them from the plans */
  weights?: TermWeights;
  /** Alignment parameters (`nameWeight` and `idfPower` shape the task vectors; defaults in config.ts) */
  config?: Partial<AlignConfig>;
  /** Minimum alignment score between a task and the family member it joins through (default 0.5): families
   * hold copies and close rewordings of one task */
  familyThreshold?: number;
  /** Minimum alignment score between a task and its family's representative, the family's first member
   * (default 0.4); keeps families from drifting by chaining */
  representativeThreshold?: number;
  /** Minimum alignment score between a task of one family and a task of another (met through the
   * candidate index) for the families to be listed as related (default 0.15); related families give the
   * looser pairs of {@link pairFromMany} */
  relatedThreshold?: number;
  /** Number of a task's heaviest (rarest) terms looked up in the candidate index (default 12) */
  signatureSize?: number;
  /** Called now and then with how far the run is (every 1,000 tasks or so); for progress bars */
  onProgress?: (progress: ManyProgress) => void;
  /** Families verified for each task: those whose members share the most rare weight with it (default 8) */
  candidates?: number;
}

/** How far an {@link alignMany} run is. */
export interface ManyProgress {
  /** `prepare`: tokenizing plans; `families`: grouping distinct tasks */
  phase: 'prepare' | 'families';
  /** Plans prepared, or distinct tasks placed */
  done: number;
  /** Plans, or distinct tasks */
  total: number;
}

/** One task in a family. */
export interface FamilyMember {
  /** Plan id */
  plan: string;
  /** The task's seq in that plan */
  seq: number;
  /** Alignment score against the family's representative (its first member), rounded to 4 decimals; 1
   * for the representative and its verbatim copies */
  score: number;
  /** Which distinct text of the family the task has (0: the representative's text); members with the
   * same number have the same text */
  text: number;
}

/** A task family: tasks of one or more plans that carry the same obligation. */
export interface TaskFamily {
  /** Family id: families are numbered 0, 1, … in the order of their first member */
  id: number;
  /** Members ordered by plan (input order), then seq; the first is the family's representative */
  members: FamilyMember[];
  /** Families a task of which scored at least `relatedThreshold` against a task of this one, by id */
  related: RelatedFamily[];
}

/** A family related to another, with the best alignment score found between their tasks (4 decimals). */
export interface RelatedFamily {
  /** Family id */
  id: number;
  /** Best score of a task of one family against a task of the other, among the pairs scored */
  score: number;
  /** Best share of a task of this family (its clauses' weight) found in a task of the related family,
   * among the pairs scored (4 decimals; 0 where the two share too little for it to be computed) */
  covered: number;
}

/** Counts describing an {@link alignMany} run (no timings: results are deterministic). */
export interface ManyStats {
  /** Number of plans */
  plans: number;
  /** Number of tasks over all plans */
  tasks: number;
  /** Number of distinct task texts (verbatim copies counted once) */
  distinctTasks: number;
  /** Number of families (including families of one task) */
  families: number;
  /** Families holding tasks of two or more plans */
  sharedFamilies: number;
  /** Pairs of related families */
  relatedPairs: number;
  /** Tasks in the largest family */
  largestFamily: number;
  /** Task–family candidates the index proposed */
  candidatePairs: number;
  /** Distinct task pairs whose alignment score was computed */
  scoredPairs: number;
  /** Distinct task pairs there are (what scoring everything against everything would cost) */
  possiblePairs: number;
}

/** Result of {@link alignMany}. */
export interface ManyAlignment {
  /** The plans, in input order */
  plans: PlanRef[];
  /** Task families, ordered by id */
  families: TaskFamily[];
  /** Counts */
  stats: ManyStats;
}

/** One group of a plan pair read from the families: seqs of each side and a score. */
export interface ManyPair {
  /** Seqs of plan a's tasks */
  a: number[];
  /** Seqs of plan b's tasks */
  b: number[];
  /** Same family: 1 when the two sides hold the same text, otherwise the lowest member score against the
   * family's representative (exact when one side is the representative's text, an estimate otherwise).
   * Related families: the best score found between tasks of the two families (an estimate for these
   * tasks). Tasks that joined the group as their best counterpart's leave the score as it was. */
  score: number;
}

/** The alignment of two plans read from the families. */
export interface ManyPairAlignment {
  /** Plan a's id */
  a: string;
  /** Plan b's id */
  b: string;
  /** Groups, ordered by their first seq of a, then of b */
  pairs: ManyPair[];
  /** Seqs of a's tasks with no counterpart in b */
  dropped: number[];
  /** Seqs of b's tasks with no counterpart in a */
  added: number[];
}

/** How much another plan shares with a given plan. */
export interface CorpusOverlap {
  /** The other plan's id */
  plan: string;
  /** Families holding tasks of both plans */
  sharedFamilies: number;
  /** Tasks of the given plan in those families */
  sharedTasks: number;
  /** sharedTasks / tasks of the given plan */
  share: number;
}

const DEFAULTS = { familyThreshold: 0.5, representativeThreshold: 0.4, relatedThreshold: 0.15, signatureSize: 12, candidates: 8 };


/** A tokenizer that cuts each distinct run once (cutting is a pure function of the run). */
function memoTokenizer(inner: Tokenizer): Tokenizer {
  const cache = new Map<string, string[]>();
  const cut = (run: string): string[] => {
    let pieces = cache.get(run);
    if (!pieces) cache.set(run, (pieces = inner.cut(run)));
    return pieces;
  };
  return inner.id === undefined ? { cut } : { cut, id: inner.id };
}

/** A key identifying what alignment reads of a prepared task (equal keys: same vector). */
const vectorKey = (t: PreparedTask): string =>
  `${t.terms.join(' ')}\u0000${t.nameTerms.join(' ')}\u0000${t.clauses.map((c) => c.join(' ')).join('|')}\u0000${t.chars}`;

/**
 * Group the tasks of many plans into task families, scoring only the task pairs the candidate index
 * proposes (tasks sharing rare terms). Each distinct task text is tokenized once; term weights are learned
 * once from all the tasks. Plan ids must be distinct.
 *
 * Read a plan pair's alignment with {@link pairFromMany}, and a plan's overlap with the others with
 * {@link planAgainstCorpus}.
 *
 * @example const many = alignMany(plans); pairFromMany(many, 'putuo-2023', 'songjiang-2024');
 */
export function alignMany(plans: readonly (Plan | PreparedPlan)[], options: AlignManyOptions = {}): ManyAlignment {
  const config = resolveConfig({ config: options.config });
  const params: FamilyParams = {
    threshold: options.familyThreshold ?? DEFAULTS.familyThreshold,
    relatedThreshold: options.relatedThreshold ?? DEFAULTS.relatedThreshold,
    representativeThreshold: options.representativeThreshold ?? DEFAULTS.representativeThreshold,
    signatureSize: options.signatureSize ?? DEFAULTS.signatureSize,
    indexSize: 2 * (options.signatureSize ?? DEFAULTS.signatureSize),
    candidates: options.candidates ?? DEFAULTS.candidates,
    postingsPerFamily: 4,
  };
  // 1. tokenize each distinct text once, and each distinct run of words once (texts that differ in a
  //    number or a clause share the rest of their runs)
  const byText = new Map<string, PreparedTask>();
  const tokenizer = memoTokenizer(options.tokenizer ?? defaultTokenizer());
  const prepared: PreparedPlan[] = plans.map((p, k) => {
    if (options.onProgress && k % 20 === 0) options.onProgress({ phase: 'prepare', done: k, total: plans.length });
    if (isPreparedPlan(p)) return p;
    return {
      plan: p,
      tasks: p.tasks.map((t) => {
        const key = `${t.name ?? ''}\u0000${t.text}`;
        const hit = byText.get(key);
        if (hit) return { ...hit, seq: t.seq };
        const pt = prepareTask(t, { tokenizer });
        byText.set(key, pt);
        return pt;
      }),
    };
  });
  const refs = prepared.map((p) => planRef(p.plan));
  const seenIds = new Set<string>();
  for (const r of refs) {
    if (seenIds.has(r.id)) throw new Error(`alignMany: plan id ${r.id} appears more than once`);
    seenIds.add(r.id);
  }
  // 2. distinct vectors (nodes) in order of first occurrence: plan order, then seq
  const nodeOf = new Map<string, number>();
  const nodeTasks: PreparedTask[] = [];
  const nodeCount: number[] = [];
  const taskNode: { plan: number; seq: number; node: number }[] = [];
  prepared.forEach((p, pi) => {
    for (const t of [...p.tasks].sort((x, y) => x.seq - y.seq)) {
      const key = vectorKey(t);
      let node = nodeOf.get(key);
      if (node === undefined) {
        node = nodeTasks.length;
        nodeOf.set(key, node);
        nodeTasks.push(t);
        nodeCount.push(0);
      }
      nodeCount[node] = (nodeCount[node] as number) + 1;
      taskNode.push({ plan: pi, seq: t.seq, node });
    }
  });
  // 3. weights (every task counts, copies included) and one vector per node
  const weights =
    options.weights ??
    learnWeights(
      (function* () {
        for (let k = 0; k < nodeTasks.length; k++) {
          const doc = planDocuments({ plan: prepared[0]!.plan, tasks: [nodeTasks[k]!] })[0]!;
          for (let c = 0; c < (nodeCount[k] as number); c++) yield doc;
        }
      })(),
    );
  const vocab = new Vocab(weights, config.idfPower);
  const vectors: TaskVector[] = nodeTasks.map((t) => taskVector([t], vocab, 0, config));
  // 4. families over nodes
  const onProgress = options.onProgress;
  const nf = buildFamilies(vectors, vocab.idf, params, onProgress && ((done, total) => onProgress({ phase: 'families', done, total })));
  // 5. members; families renumbered by first member (the node order already gives that order)
  const members: FamilyMember[][] = nf.representative.map(() => []);
  const variants: Map<number, number>[] = nf.representative.map(() => new Map());
  for (const { plan, seq, node } of taskNode) {
    const f = nf.family[node] as number;
    const vmap = variants[f]!;
    let text = vmap.get(node);
    if (text === undefined) vmap.set(node, (text = vmap.size));
    members[f]!.push({ plan: refs[plan]!.id, seq, score: round4(nf.score[node] as number), text });
  }
  const families: TaskFamily[] = members.map((m, id) => ({ id, members: m, related: [] }));
  for (const [f, g, rs, cfg, cgf] of nf.related) {
    families[f]!.related.push({ id: g, score: round4(rs), covered: round4(cfg) });
    families[g]!.related.push({ id: f, score: round4(rs), covered: round4(cgf) });
  }
  for (const fam of families) fam.related.sort((p, q) => p.id - q.id);
  const tasks = taskNode.length;
  const n = vectors.length;
  return {
    plans: refs,
    families,
    stats: {
      plans: refs.length,
      tasks,
      distinctTasks: n,
      families: families.length,
      sharedFamilies: families.filter((f) => new Set(f.members.map((m) => m.plan)).size > 1).length,
      relatedPairs: nf.related.length,
      largestFamily: families.reduce((mx, f) => Math.max(mx, f.members.length), 0),
      candidatePairs: nf.candidates,
      scoredPairs: nf.scored,
      possiblePairs: (n * (n - 1)) / 2,
    },
  };
}

/** A task of a plan as the index holds it. */
interface Entry {
  seq: number;
  family: number;
  score: number;
  text: number;
}

/** Per plan: its tasks' families (built once per result and kept while the result lives). */
interface ManyIndex {
  /** plan id → its tasks ordered by seq */
  byPlan: Map<string, Entry[]>;
  /** family id → related families */
  related: RelatedFamily[][];
}

const indexes = new WeakMap<ManyAlignment, ManyIndex>();

function indexOf(many: ManyAlignment): ManyIndex {
  let ix = indexes.get(many);
  if (ix) return ix;
  const byPlan = new Map<string, Entry[]>(many.plans.map((p) => [p.id, []]));
  const related: RelatedFamily[][] = [];
  for (const f of many.families) {
    related[f.id] = f.related;
    for (const m of f.members) byPlan.get(m.plan)?.push({ seq: m.seq, family: f.id, score: m.score, text: m.text });
  }
  for (const list of byPlan.values()) list.sort((x, y) => x.seq - y.seq);
  ix = { byPlan, related };
  indexes.set(many, ix);
  return ix;
}

function planTasks(ix: ManyIndex, id: string): Entry[] {
  const list = ix.byPlan.get(id);
  if (!list) throw new Error(`no plan ${id} in this alignMany result`);
  return list;
}

/** Options of {@link pairFromMany} (defaults: the alignment defaults in config.ts). */
export interface PairFromManyOptions {
  /** Minimum score for a 1:1 pair of tasks in related families */
  pairThreshold?: number;
  /** Minimum score for a task left unpaired to join its best counterpart's group */
  homeScore?: number;
  /** Minimum share of a task left unpaired found in its best-covering counterpart for it to join that
   * counterpart's group (parts of a bundle) */
  homeThreshold?: number;
  /** The best counterpart must score this many times the second best */
  homeMargin?: number;
}

const byFamily = (xs: readonly Entry[]): Map<number, Entry[]> => {
  const out = new Map<number, Entry[]>();
  for (const t of xs) {
    const list = out.get(t.family);
    if (list) list.push(t);
    else out.set(t.family, [t]);
  }
  return out;
};

/**
 * The alignment of two plans of an {@link alignMany} result, read from the families, in three steps like
 * {@link alignPlans}:
 *  1. tasks of a and of b in one family form a group (1:1, or 1:n / n:1 where one plan states as several
 *     tasks what the other states as one; where both have several, tasks with the same text pair first);
 *  2. tasks still unpaired are paired 1:1 through related families, highest score first, down to
 *     `pairThreshold`;
 *  3. a task still unpaired joins the group of the counterpart (in a related family) that holds most of it,
 *     when that share is at least `homeThreshold` and clearly more (`homeMargin`) than the next
 *     counterpart's (the parts of a bundle), or else of its best-scoring counterpart, when that scores at
 *     least `homeScore` and clearly more than the second best.
 * Cost: the two plans' tasks and their families' relations, not the corpus.
 *
 * (The result is indexed on first use; do not change it afterwards.)
 */
export function pairFromMany(many: ManyAlignment, planIdA: string, planIdB: string, options: PairFromManyOptions = {}): ManyPairAlignment {
  const pairThreshold = options.pairThreshold ?? DEFAULT_ALIGN_CONFIG.pairThreshold;
  const homeScore = options.homeScore ?? DEFAULT_ALIGN_CONFIG.homeScore;
  const homeMargin = options.homeMargin ?? DEFAULT_ALIGN_CONFIG.homeMargin;
  const homeThreshold = options.homeThreshold ?? DEFAULT_ALIGN_CONFIG.homeThreshold;
  const ix = indexOf(many);
  const A = planTasks(ix, planIdA);
  const B = planTasks(ix, planIdB);
  const famA = byFamily(A);
  const famB = byFamily(B);
  const groups: { a: number[]; b: number[]; score: number }[] = [];
  const groupA = new Map<number, number>();
  const groupB = new Map<number, number>();
  const addGroup = (xs: readonly Entry[], ys: readonly Entry[], score: number): void => {
    const g = groups.length;
    groups.push({ a: xs.map((t) => t.seq), b: ys.map((t) => t.seq), score: round4(score) });
    for (const t of xs) groupA.set(t.seq, g);
    for (const t of ys) groupB.set(t.seq, g);
  };
  // 1. same family
  for (const [f, as] of famA) {
    let ys = famB.get(f);
    if (!ys) continue;
    let xs = as;
    if (xs.length > 1 && ys.length > 1) {
      const taken = new Set<Entry>();
      const left: Entry[] = [];
      for (const x of xs) {
        const y = ys.find((t) => !taken.has(t) && t.text === x.text);
        if (y) {
          taken.add(y);
          addGroup([x], [y], 1);
        } else left.push(x);
      }
      xs = left;
      ys = ys.filter((t) => !taken.has(t));
      if (xs.length === 0 || ys.length === 0) continue;
    }
    let score = 1;
    if (!(xs.length === 1 && ys.length === 1 && xs[0]!.text === ys[0]!.text)) for (const t of [...xs, ...ys]) score = Math.min(score, t.score);
    addGroup(xs, ys, score);
  }
  // candidates through related families: [a entry, b entry, score, coverage of a in b, of b in a]
  const cands: [Entry, Entry, number, number, number][] = [];
  for (const x of A) {
    for (const r of ix.related[x.family] ?? []) {
      const ys = famB.get(r.id);
      if (!ys) continue;
      const back = (ix.related[r.id] ?? []).find((q) => q.id === x.family)?.covered ?? 0;
      if (r.score < homeScore && r.covered < homeThreshold && back < homeThreshold) continue;
      for (const y of ys) if (!groupA.has(x.seq) || !groupB.has(y.seq)) cands.push([x, y, r.score, r.covered, back]);
    }
  }
  cands.sort((p, q) => q[2] - p[2] || p[0].seq - q[0].seq || p[1].seq - q[1].seq);
  // 2. 1:1 pairs, best first
  for (const [x, y, s] of cands) {
    if (s < pairThreshold) break;
    if (groupA.has(x.seq) || groupB.has(y.seq)) continue;
    addGroup([x], [y], s);
  }
  // 3. homes: by coverage (a part of a bundle), else by score
  const home = (side: 'a' | 'b'): void => {
    const mine = side === 'a' ? groupA : groupB;
    const theirs = side === 'a' ? groupB : groupA;
    const bestCover = new Map<number, { other: Entry; first: number; second: number }>();
    const bestScore = new Map<number, { other: Entry; first: number; second: number }>();
    const offer = (best: typeof bestCover, seq: number, other: Entry, v: number): void => {
      const b = best.get(seq);
      if (!b) best.set(seq, { other, first: v, second: 0 });
      else if (v > b.first) best.set(seq, { other, first: v, second: b.first });
      else if (v > b.second && other.seq !== b.other.seq) b.second = v;
    };
    for (const [x, y, s, cxy, cyx] of cands) {
      const [me, other, cov] = side === 'a' ? [x, y, cxy] : [y, x, cyx];
      if (mine.has(me.seq)) continue;
      offer(bestScore, me.seq, other, s);
      offer(bestCover, me.seq, other, cov);
    }
    const seqs = [...new Set([...bestCover.keys(), ...bestScore.keys()])].sort((p, q) => p - q);
    for (const seq of seqs) {
      const c = bestCover.get(seq);
      const h = bestScore.get(seq);
      let pick: { other: Entry; first: number } | undefined;
      if (c && c.first >= homeThreshold && c.first >= homeMargin * c.second) pick = { other: c.other, first: h && h.other.seq === c.other.seq ? h.first : c.first };
      else if (h && h.first >= homeScore && h.first >= homeMargin * h.second) pick = h;
      if (!pick) continue;
      const g = theirs.get(pick.other.seq);
      if (g === undefined) {
        const me = (side === 'a' ? A : B).find((t) => t.seq === seq)!;
        if (side === 'a') addGroup([me], [pick.other], pick.first);
        else addGroup([pick.other], [me], pick.first);
      } else {
        groups[g]![side].push(seq);
        groups[g]![side].sort((p, q) => p - q);
        mine.set(seq, g);
      }
    }
  };
  home('a');
  home('b');
  const pairs: ManyPair[] = groups.sort((p, q) => (p.a[0] ?? 0) - (q.a[0] ?? 0) || (p.b[0] ?? 0) - (q.b[0] ?? 0));
  return {
    a: planIdA,
    b: planIdB,
    pairs,
    dropped: A.filter((t) => !groupA.has(t.seq)).map((t) => t.seq),
    added: B.filter((t) => !groupB.has(t.seq)).map((t) => t.seq),
  };
}

/**
 * A quick similarity overview of one plan against every other plan of an {@link alignMany} result: the
 * families each other plan shares with it, most shared first (ties: input order). Cost: the plan's
 * family sizes.
 */
export function planAgainstCorpus(many: ManyAlignment, planId: string): CorpusOverlap[] {
  const mine = planTasks(indexOf(many), planId);
  const famTasks = new Map<number, number>();
  for (const t of mine) famTasks.set(t.family, (famTasks.get(t.family) ?? 0) + 1);
  const shared = new Map<string, { families: number; tasks: number }>(many.plans.filter((p) => p.id !== planId).map((p) => [p.id, { families: 0, tasks: 0 }]));
  for (const [f, count] of famTasks) {
    const fam = many.families[f];
    if (!fam || fam.id !== f) throw new Error(`family ${f} is missing from this alignMany result`);
    for (const plan of new Set(fam.members.map((m) => m.plan))) {
      const s = shared.get(plan);
      if (!s) continue;
      s.families++;
      s.tasks += count;
    }
  }
  const order = new Map(many.plans.map((p, k) => [p.id, k]));
  return [...shared.entries()]
    .map(([plan, s]) => ({ plan, sharedFamilies: s.families, sharedTasks: s.tasks, share: mine.length ? round4(s.tasks / mine.length) : 0 }))
    .sort((p, q) => q.sharedFamilies - p.sharedFamilies || (order.get(p.plan) ?? 0) - (order.get(q.plan) ?? 0));
}
