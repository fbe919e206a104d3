import { describe, expect, it } from 'vitest';
import { alignPlans, scorePlans } from '../src/align/align';
import { needsCheck } from '../src/align/check';
import { taskHash } from '../src/align/decisions';
import { FEATURE_NAMES } from '../src/align/features';
import { fitLinkModel, isotonic, type TrainingRow } from '../src/align/fit';
import { groupLinks } from '../src/align/grouping';
import { alignmentToJson } from '../src/align/json';
import { DEFAULT_LINK_MODEL, linkProbability, type LinkModel } from '../src/align/model';
import { preparePlan } from '../src/align/prepare';
import { reviewQueue } from '../src/align/review';
import type { Alignment } from '../src/types';
import { SPLIT_MERGE_A, SPLIT_MERGE_B } from './fixtures/align/plans';

const pa = preparePlan(SPLIT_MERGE_A);
const pb = preparePlan(SPLIT_MERGE_B);
const linksOf = (al: Alignment): string[] => al.pairs.flatMap((p) => p.a.flatMap((x) => p.b.map((y) => `${x.seq}-${y.seq}`)));
const taskA = (seq: number) => SPLIT_MERGE_A.tasks.find((t) => t.seq === seq)!;
const taskB = (seq: number) => SPLIT_MERGE_B.tasks.find((t) => t.seq === seq)!;

describe('the link model', () => {
  it('is fitted on the features the aligner computes, with one weight and scale each', () => {
    expect(DEFAULT_LINK_MODEL.features).toEqual([...FEATURE_NAMES]);
    expect(DEFAULT_LINK_MODEL.weights).toHaveLength(FEATURE_NAMES.length);
    expect(DEFAULT_LINK_MODEL.sd.every((s) => s > 0)).toBe(true);
    expect(DEFAULT_LINK_MODEL.trainedOn.length).toBeGreaterThan(0);
  });

  it('fits the same model from the same rows (no randomness), and learns the direction of a signal', () => {
    // label 1 exactly when the first feature is above 0.5; the second feature is noise-free filler
    const rows: TrainingRow[] = [];
    for (let k = 0; k < 40; k++) rows.push({ x: [k / 40, (k * 7) % 5], y: k / 40 > 0.5 ? 1 : 0, w: 1, fold: k % 2 ? 'odd' : 'even' });
    const fit = () => fitLinkModel(rows, { l2: 1, features: ['signal', 'filler'], trainedOn: ['toy'] });
    expect(JSON.stringify(fit())).toBe(JSON.stringify(fit()));
    const m = fit();
    expect(linkProbability(m, [0.9, 2])).toBeGreaterThan(0.8);
    expect(linkProbability(m, [0.1, 2])).toBeLessThan(0.2);
  });

  it('gives every candidate and pair a probability in [0, 1]; a pair carries its weakest link', () => {
    const al = alignPlans(pa, pb);
    expect(al.candidates.length).toBeGreaterThan(0);
    for (const l of al.candidates) {
      expect(l.probability).toBeGreaterThanOrEqual(0.01);
      expect(l.probability).toBeLessThanOrEqual(1);
    }
    for (const p of al.pairs) {
      expect(p.links.length).toBeGreaterThan(0);
      expect(p.probability).toBe(Math.min(...p.links.map((l) => l.probability)));
      expect(p.probability).toBeGreaterThanOrEqual(al.minProbability);
    }
  });
});

describe('calibration', () => {
  it('pools adjacent violators into non-decreasing rates, none certain', () => {
    const pts = [1, 2, 3, 4].map((s, k) => ({ s, y: [0, 1, 0, 1][k]!, w: 1 }));
    // 0 | 1 0 pooled to ½ at score 2.5 | 1; the ends held 0.005 from certainty
    expect(isotonic(pts)).toEqual({ s: [1, 2.5, 4], p: [0.005, 0.5, 0.995] });
    // weights count: a heavier 0 after the 1 pulls the pooled rate to 1/4
    const weighted = isotonic([{ s: 1, y: 1, w: 1 }, { s: 2, y: 0, w: 3 }]);
    expect(weighted.p).toEqual([0.25]);
    expect(weighted.s).toEqual([1.75]);
  });

  it('gives the mean of the Platt and isotonic maps, the isotonic one linear between knots and flat beyond', () => {
    const model: LinkModel = {
      features: ['x'], mean: [0], sd: [1], weights: [1], intercept: 0,
      platt: { a: 0, b: 0 }, // σ(0) = ½ everywhere
      isotonic: { s: [1, 3], p: [0.1, 0.5] },
      l2: 0, trainedOn: [], rows: 0,
    };
    expect(linkProbability(model, [2])).toBeCloseTo((0.5 + 0.3) / 2, 12);
    expect(linkProbability(model, [0])).toBeCloseTo((0.5 + 0.1) / 2, 12);
    expect(linkProbability(model, [9])).toBeCloseTo((0.5 + 0.5) / 2, 12);
    const { isotonic: _, ...plattOnly } = model;
    expect(linkProbability(plattOnly, [2])).toBe(0.5);
  });
});

describe('embeddings', () => {
  const prob = (options: Parameters<typeof scorePlans>[2], a: number, b: number): number => {
    const s = scorePlans(pa, pb, options);
    const k = s.candidates.findIndex((c) => s.A.tasks[c.i]!.seq === a && s.B.tasks[c.j]!.seq === b);
    return k < 0 ? 0 : s.links[k]!.p;
  };

  it('raise the probability of two tasks with the same vector and lower it for two with orthogonal ones', () => {
    // 5 and 5 share no obligation (left unmatched without vectors); 2 and 3 are a reworded pair
    const same = { [taskHash(taskA(5))]: [1, 0, 0], [taskHash(taskB(5))]: [2, 0, 0] };
    const apart = { [taskHash(taskA(2))]: [1, 0, 0], [taskHash(taskB(3))]: [0, 1, 0] };
    expect(prob({ embeddings: same }, 5, 5)).toBeGreaterThan(prob({}, 5, 5));
    expect(prob({ embeddings: apart }, 2, 3)).toBeLessThan(prob({}, 2, 3));
    // tasks without a vector, vectors of another length, or a weight of 0 leave every probability as it was
    const without = scorePlans(pa, pb).links;
    expect(scorePlans(pa, pb, { embeddings: { nothing: [1, 2] } }).links).toEqual(without);
    expect(scorePlans(pa, pb, { embeddings: { [taskHash(taskA(5))]: [1, 0], [taskHash(taskB(5))]: [1, 0, 0] } }).links).toEqual(without);
    expect(scorePlans(pa, pb, { embeddings: same, config: { embeddingWeight: 0 } }).links).toEqual(without);
  });
});

describe('groups from probabilities', () => {
  it('makes 1:1, 1:n and n:1 groups from the links at or above the cut', () => {
    const groups = groupLinks(
      [
        { i: 0, j: 0, p: 0.9 },
        { i: 0, j: 1, p: 0.8 },
        { i: 1, j: 2, p: 0.7 },
        { i: 2, j: 2, p: 0.6 },
        { i: 3, j: 3, p: 0.4 },
      ],
      0.5,
    );
    expect(groups.map((g) => [g.a, g.b])).toEqual([
      [[0], [0, 1]],
      [[1, 2], [2]],
    ]);
  });

  it('does not let a weak link chain two unrelated groups together', () => {
    // 0-0 and 1-1 are sure; 0-1 just passes the cut, but the joined group would stand for 1-0, never scored
    const links = [
      { i: 0, j: 0, p: 0.95 },
      { i: 1, j: 1, p: 0.95 },
      { i: 0, j: 1, p: 0.55 },
    ];
    expect(groupLinks(links, 0.5).map((g) => [g.a, g.b])).toEqual([
      [[0], [0]],
      [[1], [1]],
    ]);
    // with 1-0 likely as well, the four pairs are one 2:2 group
    expect(groupLinks([...links, { i: 1, j: 0, p: 0.9 }], 0.5).map((g) => [g.a, g.b])).toEqual([[[0, 1], [0, 1]]]);
  });
});

describe('decisions', () => {
  const base = alignPlans(pa, pb);

  it('keys a task by the first 16 hex digits of the SHA-256 of its text (as Python hashlib gives them)', () => {
    // python3 -c "import hashlib; print(hashlib.sha256('编制发布年度报告'.encode()).hexdigest()[:16])"
    expect(taskHash('编制发布年度报告')).toBe('985bff834642ac78');
    expect(taskHash(taskA(1))).toBe(taskHash(taskA(1).text));
  });

  it('keeps a confirmed link and excludes a rejected one, regrouping the rest; the evidence says reader', () => {
    const kept = base.pairs[0]!.links[0]!;
    const rejected = alignPlans(pa, pb, { decisions: [{ a: kept.a, b: kept.b, same: false }] });
    expect(linksOf(rejected)).not.toContain(`${kept.a}-${kept.b}`);
    expect(rejected.candidates.find((l) => l.a === kept.a && l.b === kept.b)).toMatchObject({ probability: 0, decided: 'different' });
    // 5 ↔ 5 is left unpaired by the model; a reader who confirms it pairs it
    expect(linksOf(base)).not.toContain('5-5');
    const confirmed = alignPlans(pa, pb, { decisions: [{ a: 5, b: 5, same: true, aHash: taskHash(taskA(5)), bHash: taskHash(taskB(5)) }] });
    const pair = confirmed.pairs.find((p) => p.a.some((t) => t.seq === 5))!;
    expect(pair.b.map((t) => t.seq)).toEqual([5]);
    expect(pair.evidence.basis).toContain('reader');
    expect(pair.probability).toBe(1);
    expect(needsCheck(pair)).toBe(false);
    expect(confirmed.dropped.map((t) => t.seq)).not.toContain(5);
    expect(confirmed.expectedDropped).toBeLessThan(base.expectedDropped);
  });

  it('skips a decision whose task text changed since, with a message naming it', () => {
    const al = alignPlans(pa, pb, { decisions: [{ a: 5, b: 5, same: true, aHash: taskHash('另一段文字'), bHash: taskHash(taskB(5)) }] });
    expect(linksOf(al)).toEqual(linksOf(base));
    expect(al.messages).toHaveLength(1);
    expect(al.messages[0]).toMatchObject({ ruleId: 'decisions/stale', fatal: false });
    expect(al.messages[0]!.reason).toContain('a#5');
    const none = alignPlans(pa, pb, { decisions: [{ a: 99, b: 1, same: true }] });
    expect(none.messages[0]).toMatchObject({ ruleId: 'decisions/no-task' });
  });

  it('gives byte-identical JSON for the same inputs and decisions', () => {
    const decisions = [
      { a: 5, b: 5, same: true },
      { a: 1, b: 1, same: false },
    ];
    const one = JSON.stringify(alignmentToJson(alignPlans(pa, pb, { decisions })));
    const two = JSON.stringify(alignmentToJson(alignPlans(preparePlan(SPLIT_MERGE_A), preparePlan(SPLIT_MERGE_B), { decisions: [...decisions].reverse() })));
    expect(one).toBe(two);
    expect(JSON.parse(one).expectedDropped).toBeTypeOf('number');
  });
});

describe('the review queue and the expected counts', () => {
  it('never asks a decided link, and asks the most useful first', () => {
    const al = alignPlans(pa, pb);
    const queue = reviewQueue(al);
    expect(queue.length).toBeGreaterThan(0);
    const first = queue[0]!;
    expect(first.aHash).toBe(taskHash(taskA(first.a)));
    expect(first.why.length).toBeGreaterThan(10);
    const decided = alignPlans(pa, pb, { decisions: queue.map((q) => ({ a: q.a, b: q.b, same: false })).slice(0, 3) });
    const asked = new Set(reviewQueue(decided).map((q) => `${q.a}-${q.b}`));
    for (const q of queue.slice(0, 3)) expect(asked.has(`${q.a}-${q.b}`)).toBe(false);
    expect(reviewQueue(al, { limit: 2 })).toHaveLength(Math.min(2, queue.length));
  });

  it('counts the expected tasks without a counterpart from the links: the midpoint of Π(1 − p) and 1 − max p per task', () => {
    const al = alignPlans(pa, pb);
    const expected = (side: 'a' | 'b', seqs: number[]): number =>
      seqs.reduce((s, seq) => {
        const ps = al.candidates.filter((l) => l[side] === seq).map((l) => l.probability);
        return s + (ps.reduce((q, p) => q * (1 - p), 1) + 1 - Math.max(0, ...ps)) / 2;
      }, 0);
    // candidates under 0.01 are not listed: each changes a task's value by less than 0.01
    const slack = 0.01 * pa.tasks.length * pb.tasks.length;
    expect(Math.abs(al.expectedDropped - expected('a', SPLIT_MERGE_A.tasks.map((t) => t.seq)))).toBeLessThanOrEqual(slack);
    expect(Math.abs(al.expectedAdded - expected('b', SPLIT_MERGE_B.tasks.map((t) => t.seq)))).toBeLessThanOrEqual(slack);
    expect(al.expectedDropped).toBeGreaterThanOrEqual(0);
    expect(al.expectedDropped).toBeLessThanOrEqual(SPLIT_MERGE_A.tasks.length);
    for (const t of al.dropped) for (const l of al.likeliest[`a:${t.seq}`] ?? []) expect(l.a).toBe(t.seq);
  });
});
