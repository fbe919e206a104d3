import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignPlans } from '../src/align/align';
import { nearestOfUnpaired } from '../src/align/result';
import { alignmentToJson } from '../src/align/json';
import { preparePlan, type PreparedPlan, type PreparedTask } from '../src/align/prepare';
import { taskSimilarity } from '../src/align/similarity';
import { learnWeights } from '../src/align/weights';
import { linksToGroups as groupLinks, type Link } from '../src/align/match';
import type { Alignment, Task } from '../src/types';
import { planOf, SPLIT_MERGE_A, SPLIT_MERGE_B } from './fixtures/align/plans';

const A = SPLIT_MERGE_A;
const B = SPLIT_MERGE_B;

const shape = (al: Alignment): string[] =>
  al.pairs.map((p) => `${p.a.map((t) => t.seq).join('+')}>${p.b.map((t) => t.seq).join('+')}`);

describe('alignPlans on hand-made plans', () => {
  const pa = preparePlan(A);
  const pb = preparePlan(B);

  it('finds the split, the merge and the reworded pair, and leaves the rest unmatched', () => {
    const al = alignPlans(pa, pb);
    expect(shape(al)).toEqual(['1>1+2', '2>3', '3+4>4']);
    expect(al.dropped.map((t) => t.seq)).toEqual([5]);
    expect(al.added.map((t) => t.seq)).toEqual([5]);
    for (const p of al.pairs) {
      expect(p.score).toBeGreaterThan(0.3);
      expect(p.score).toBeLessThanOrEqual(1);
    }
    const merge = al.pairs[2]!;
    // words only these tasks share weigh more than words most tasks carry
    expect(merge.evidence.sharedTerms).toContain('咨询');
    expect(merge.evidence.sharedTerms).not.toContain('政策');
    expect(merge.evidence.coverage).toBeGreaterThan(0.8);
  });

  it('aligns a plan with itself as the identity with score 1', () => {
    const al = alignPlans(pa, pa);
    expect(shape(al)).toEqual(['1>1', '2>2', '3>3', '4>4', '5>5']);
    for (const p of al.pairs) {
      expect(p.score).toBeCloseTo(1, 10);
      expect(p.evidence.edit).toBe(1);
    }
    expect(al.dropped).toEqual([]);
    expect(al.added).toEqual([]);
  });

  it('scores 1 a pair with the same text, whatever the indicator names and also with no weighted word', () => {
    const texts = ['5个工作日', '编制发布年度重大行政决策事项目录。', '3月31日前'];
    const named = planOf('named', texts, ['依申请公开/答复时限', '决策公开/目录', null]);
    const al = alignPlans(planOf('plain', texts), named);
    expect(shape(al)).toEqual(['1>1', '2>2', '3>3']);
    for (const p of al.pairs) expect(p.score).toBe(1);
  });

  it('is symmetric: aligning b with a mirrors aligning a with b', () => {
    const ab = alignPlans(pa, pb);
    const ba = alignPlans(pb, pa);
    const mirrored = ba.pairs
      .map((p) => `${p.b.map((t) => t.seq).join('+')}>${p.a.map((t) => t.seq).join('+')}`)
      .sort();
    expect(mirrored).toEqual([...shape(ab)].sort());
    expect(ba.dropped.map((t) => t.seq)).toEqual(ab.added.map((t) => t.seq));
    for (const p of ab.pairs) {
      const q = ba.pairs.find((r) => r.b.map((t) => t.seq).join() === p.a.map((t) => t.seq).join());
      expect(q?.score).toBeCloseTo(p.score, 12);
    }
  });

  it('does not depend on the order of the task list (shuffled tasks keep their seq)', () => {
    const expected = JSON.stringify(alignmentToJson(alignPlans(pa, pb)));
    fc.assert(
      fc.property(fc.shuffledSubarray(pb.tasks, { minLength: pb.tasks.length, maxLength: pb.tasks.length }), (tasks) => {
        const shuffled = { plan: pb.plan, tasks };
        return JSON.stringify(alignmentToJson(alignPlans(pa, shuffled))) === expected;
      }),
      { numRuns: 30 },
    );
  });

  it('gives byte-stable JSON with scores rounded to 4 decimals', () => {
    const json = alignmentToJson(alignPlans(pa, pb));
    expect(json.a).toEqual({ id: 'a-2023', district: null, year: 2024 });
    expect(json.pairs[0]!.a).toEqual([1]);
    expect(json.pairs[0]!.b).toEqual([1, 2]);
    for (const p of json.pairs) expect(Math.round(p.score * 10000) / 10000).toBe(p.score);
    expect(JSON.stringify(json)).toBe(JSON.stringify(alignmentToJson(alignPlans(pa, pb))));
  });

  // pairs come from the links' probabilities: a cut above 1 pairs nothing, whatever the rules link
  it('lets options raise the probability cut so that nothing matches', () => {
    const al = alignPlans(pa, pb, { minProbability: 1.01 });
    expect(al.pairs).toEqual([]);
    expect(al.dropped).toHaveLength(5);
    expect(al.minProbability).toBe(1.01);
    expect(al.candidates.length).toBeGreaterThan(0);
  });
});

describe('taskSimilarity', () => {
  const words = ['政策', '解读', '留言板', '政务公开', '推送', '目录', '重大行政决策', '公开', '做好', '加强', '各街镇', '订阅', '服务', '。', '，'];
  const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 20 }).map((ws) => ws.join(''));
  const prep = (t: string) => preparePlan(planOf('x', [t])).tasks[0]!;

  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(text, text, (x, y) => {
        const px = prep(x);
        const py = prep(y);
        const w = learnWeights([px.terms, py.terms, ['政策', '公开', '做好']]);
        const s1 = taskSimilarity(px, py, w);
        const s2 = taskSimilarity(py, px, w);
        const inRange = (v: number) => v >= 0 && v <= 1;
        return (
          Math.abs(s1.score - s2.score) < 1e-12 &&
          inRange(s1.score) &&
          inRange(s1.evidence.cosine) &&
          inRange(s1.evidence.bigram) &&
          inRange(s1.evidence.edit) &&
          inRange(s1.evidence.coverage) &&
          Math.abs(s1.evidence.edit - s2.evidence.edit) < 1e-12
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('linksToGroups', () => {
  it('keeps stars whole and never puts a task in two groups where links cross', () => {
    const linksToGroups = (links: Link[]) => groupLinks(links).map(({ a, b }) => ({ a, b }));
    expect(linksToGroups([{ i: 0, j: 0, strength: 1 }, { i: 1, j: 0, strength: 1 }])).toEqual([{ a: [0, 1], b: [0] }]);
    // a0–b0, a0–b1, a1–b1: the strongest link a1–b1 is placed first, then a0–b0; a0–b1 would put a0 and b1
    // in a second group, so it is left out
    const g = linksToGroups([
      { i: 0, j: 0, strength: 0.5 },
      { i: 0, j: 1, strength: 0.5 },
      { i: 1, j: 1, strength: 0.9 },
    ]);
    expect(g).toEqual([
      { a: [0], b: [0] },
      { a: [1], b: [1] },
    ]);
    // a leaf goes to the star of its stronger link: a2 links to b0 (0.3) and b1 (0.6)
    expect(
      linksToGroups([
        { i: 0, j: 0, strength: 0.8 },
        { i: 1, j: 0, strength: 0.4 },
        { i: 2, j: 0, strength: 0.3 },
        { i: 2, j: 1, strength: 0.6 },
        { i: 3, j: 1, strength: 0.5 },
      ]),
    ).toEqual([
      { a: [0, 1], b: [0] },
      { a: [2, 3], b: [1] },
    ]);
    // a higher rank is placed first whatever its strength
    const crossing = [
      { i: 0, j: 0, strength: 0.9 },
      { i: 0, j: 1, strength: 0.95 },
      { i: 1, j: 1, strength: 0.3 },
    ];
    expect(linksToGroups(crossing)).toEqual([{ a: [0], b: [0, 1] }]);
    expect(linksToGroups(crossing.map((l) => (l.i === 1 ? { ...l, rank: 2 } : l)))).toEqual([{ a: [0, 1], b: [1] }]);
  });

  it('records the rules of the links placed in each group, not of those left out', () => {
    const placed = groupLinks([
      { i: 0, j: 0, strength: 0.9, via: 'clause' },
      { i: 0, j: 1, strength: 0.95, rank: 1, via: 'assignment' },
      { i: 1, j: 1, strength: 0.3, via: 'home' },
    ]);
    expect(placed).toEqual([{ a: [0], b: [0, 1], basis: ['assignment', 'clause'] }]);
  });

  it('gives a partition for any set of links', () => {
    const link = fc.record({ i: fc.nat({ max: 6 }), j: fc.nat({ max: 6 }), strength: fc.double({ min: 0, max: 1, noNaN: true }), rank: fc.constantFrom(0, 1, 2) });
    fc.assert(
      fc.property(fc.array(link, { maxLength: 30 }), (links) => {
        const groups = groupLinks(links);
        const as = groups.flatMap((g) => g.a);
        const bs = groups.flatMap((g) => g.b);
        const linked = new Set(links.map((l) => `${l.i},${l.j}`));
        return (
          new Set(as).size === as.length &&
          new Set(bs).size === bs.length &&
          groups.every((g) => (g.a.length === 1 || g.b.length === 1) && g.a.every((i) => g.b.some((j) => linked.has(`${i},${j}`))))
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('alignPlans on the seeds (songjiang-2024 ↔ baoshan-2024)', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { parsePlan } = await import('../src/parse/plan');
  const seed = (prefix: string, id: string) => {
    const file = readdirSync('seeds').find((f) => f.startsWith(prefix))!;
    return preparePlan(parsePlan(readFileSync(`seeds/${file}`, 'utf8'), { file, id }));
  };
  const sj = seed('002_', 'songjiang-2024');
  const bs = seed('003_', 'baoshan-2024');
  const al = alignPlans(sj, bs);
  const groupOf = (side: 'a' | 'b', seq: number) =>
    al.pairs.filter((p) => p[side].some((t) => t.seq === seq)).map((p) => `${p.a.map((t) => t.seq).join('+')}>${p.b.map((t) => t.seq).join('+')}`);

  it('merges two Songjiang rows that Baoshan states as one item (留言板: 35 + 36 → 15)', () => {
    expect(groupOf('b', 15)).toEqual(['35+36>15']);
  });

  it('splits a Songjiang row that Baoshan states as two items (推送 and 订阅: 34 → 13 + 14)', () => {
    expect(groupOf('a', 34)).toEqual(['34>13+14']);
  });

  it('puts rows copied into a Baoshan bundle item into one n:1 group (营商环境 7, 11 → 5)', () => {
    const g = al.pairs.find((p) => p.b.length === 1 && p.b[0]!.seq === 5)!;
    expect(g.a.map((t) => t.seq)).toEqual(expect.arrayContaining([7, 10, 11]));
  });

  it('is symmetric on real plans', () => {
    const key = (a: number[], b: number[]) => `${a.join('+')}>${b.join('+')}`;
    const ab = al.pairs.map((p) => key(p.a.map((t) => t.seq), p.b.map((t) => t.seq))).sort();
    const ba = alignPlans(bs, sj).pairs.map((p) => key(p.b.map((t) => t.seq), p.a.map((t) => t.seq))).sort();
    expect(ba).toEqual(ab);
  });

  it('aligns a real plan with itself as the identity with score 1', () => {
    const self = alignPlans(sj, sj);
    expect(self.pairs).toHaveLength(sj.tasks.length);
    for (const p of self.pairs) {
      expect(p.a.map((t) => t.seq)).toEqual(p.b.map((t) => t.seq));
      expect(p.score).toBeCloseTo(1, 10);
    }
  });
});

describe('alignPlans on every seed pair', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { parsePlan } = await import('../src/parse/plan');
  const ids = ['putuo-2023', 'pudong-2022', 'songjiang-2024', 'baoshan-2024', 'jiading-2023'];
  const files = readdirSync('seeds').sort();
  const plans = ids.map((id, k) => {
    const file = files.find((f) => f.startsWith(`00${k}_`))!;
    return preparePlan(parsePlan(readFileSync(`seeds/${file}`, 'utf8'), { file, id }));
  });

  it('aligns every seed with itself as the identity: each task 1:1 with itself, score 1', () => {
    for (const p of plans) {
      const al = alignPlans(p, p);
      expect(al.pairs.map((x) => `${x.a.map((t) => t.seq).join('+')}>${x.b.map((t) => t.seq).join('+')}`)).toEqual(
        p.plan.tasks.map((t) => `${t.seq}>${t.seq}`),
      );
      for (const x of al.pairs) expect(x.score).toBeCloseTo(1, 10);
      for (const x of al.pairs) expect(x.evidence.basis).toEqual(['verbatim']);
      expect(al.dropped).toEqual([]);
      expect(al.added).toEqual([]);
    }
  });

  it('joins a short row to the bundle whose indicator name it states (the name rule), and only then', () => {
    const [putuo, songjiang] = [plans[0]!, plans[2]!];
    const groupOf = (al: Alignment, seqA: number) => al.pairs.find((p) => p.a.some((t) => t.seq === seqA));
    const on = alignPlans(putuo, songjiang);
    const off = alignPlans(putuo, songjiang, { config: { nameShare: 2 } });
    // 政策留言板 (songjiang #35: 加强政策留言板建设) and 政务公开队伍业务能力 (#50: 加强业务能力建设)
    for (const [a, b] of [[61, 35], [110, 50]] as const) {
      expect(groupOf(on, a)?.b.map((t) => t.seq)).toContain(b);
      expect(groupOf(off, a)?.b.map((t) => t.seq) ?? []).not.toContain(b);
    }
    // each pair says which rules linked it; the stable JSON carries it
    expect(groupOf(on, 61)?.evidence.basis).toEqual(['name']);
    expect(alignmentToJson(on).pairs.find((p) => p.a.includes(61))?.evidence.basis).toEqual(['name']);
    for (const p of on.pairs) expect(p.evidence.basis?.length).toBeGreaterThan(0);
    // the same links from the other side
    const mirrored = alignPlans(songjiang, putuo);
    expect(mirrored.pairs.find((p) => p.a.some((t) => t.seq === 35))?.b.map((t) => t.seq)).toContain(61);
  });

  it('does not make a task a part of a shorter row it joins by score alone (homePart)', () => {
    const [putuo, pudong] = [plans[0]!, plans[1]!];
    const partnersOf = (al: Alignment, seqA: number) => al.pairs.find((p) => p.a.some((t) => t.seq === seqA))?.b.map((t) => t.seq) ?? [];
    const on = alignPlans(pudong, putuo);
    const off = alignPlans(pudong, putuo, { config: { homePart: Infinity } });
    // pudong #32 (publish how the opinions gathered on a decision were used, within 10 working days) scores
    // best with putuo #73 (公众代表列席常务会议 不少于4次, and publish their opinions' adoption), a row half
    // its weight; as a "part" of #73 it would join the 不少于3次 → 不少于4次 pair of pudong #34
    expect(partnersOf(off, 32)).toEqual([73]);
    expect(partnersOf(off, 34)).toEqual([73]);
    expect(partnersOf(on, 32)).not.toContain(73);
    expect(on.pairs.find((p) => p.b.some((t) => t.seq === 73))?.a.map((t) => t.seq)).toEqual([34]);
    // the same from the other side
    const mirrored = alignPlans(putuo, pudong);
    expect(mirrored.pairs.find((p) => p.a.some((t) => t.seq === 73))?.b.map((t) => t.seq)).toEqual([34]);
  });

  it('nearestOfUnpaired: the highest score, the lower seq on ties, nothing for a task that scores 0 everywhere', () => {
    const task = (seq: number) => ({ seq }) as unknown as Task;
    const prep = (seq: number) => ({ seq }) as unknown as PreparedTask;
    const ref = { id: 'x', district: null, year: null };
    const al = { a: ref, b: ref, pairs: [], dropped: [task(1), task(2), task(3)], added: [task(7)] } as unknown as Alignment;
    const score = [
      [0.1, 0.3, 0],
      [0.2, 0.2, 0],
      [0, 0, 0],
    ];
    expect(nearestOfUnpaired(al, [prep(1), prep(2), prep(3)], [prep(5), prep(6), prep(7)], score)).toEqual({
      'a:1': { seq: 6, score: 0.3 },
      'a:2': { seq: 5, score: 0.2 },
    });
  });

  it('points every unpaired task, and no paired one, at the highest-scoring task of the other plan, mirrored when the plans swap', () => {
    const [pu, , sj] = plans as [PreparedPlan, PreparedPlan, PreparedPlan];
    const ab = alignPlans(pu, sj);
    const ba = alignPlans(sj, pu);
    const keys = Object.keys(ab.nearest ?? {});
    const unpaired = [...ab.dropped.map((t) => `a:${t.seq}`), ...ab.added.map((t) => `b:${t.seq}`)];
    expect(keys.every((k) => unpaired.includes(k))).toBe(true);
    // on this pair every unpaired task shares some words with the other plan
    expect(keys).toHaveLength(unpaired.length);
    for (const [k, n] of Object.entries(ab.nearest!)) {
      const [side, seq] = k.split(':') as ['a' | 'b', string];
      expect(ba.nearest![`${side === 'a' ? 'b' : 'a'}:${seq}`]).toEqual(n);
      expect(n.score).toBeGreaterThan(0);
      expect(n.score).toBeLessThanOrEqual(1);
    }
    // every pointer names a real task of the other plan
    const seqsOf = (p: PreparedPlan) => new Set(p.plan.tasks.map((t) => t.seq));
    for (const [k, n] of Object.entries(ab.nearest!)) expect(seqsOf(k.startsWith('a:') ? sj : pu).has(n.seq)).toBe(true);
  });

  it('puts every task in at most one group, every group is a star, and swapping the plans mirrors the groups, for every seed pair', () => {
    const keys = new Map<string, string[]>();
    for (const pa of plans) {
      for (const pb of plans) {
        if (pa === pb) continue;
        const al = alignPlans(pa, pb);
        const seqs = (ts: { seq: number }[]) => ts.map((t) => t.seq).join('+');
        keys.set(`${pa.plan.meta.id}>${pb.plan.meta.id}`, al.pairs.map((x) => `${seqs(x.a)}>${seqs(x.b)}`).sort());
        const mirror = keys.get(`${pb.plan.meta.id}>${pa.plan.meta.id}`);
        if (mirror) expect(al.pairs.map((x) => `${seqs(x.b)}>${seqs(x.a)}`).sort()).toEqual(mirror);
        const as = al.pairs.flatMap((x) => x.a.map((t) => t.seq));
        const bs = al.pairs.flatMap((x) => x.b.map((t) => t.seq));
        expect(new Set(as).size).toBe(as.length);
        expect(new Set(bs).size).toBe(bs.length);
        expect(as.length + al.dropped.length).toBe(pa.plan.tasks.length);
        expect(bs.length + al.added.length).toBe(pb.plan.tasks.length);
        for (const x of al.pairs) expect(x.a.length === 1 || x.b.length === 1).toBe(true);
      }
    }
  });

  const byId = (id: string) => plans[ids.indexOf(id)]!;
  const groupsOf = (al: Alignment, side: 'a' | 'b', seq: number) =>
    al.pairs.filter((p) => p[side].some((t) => t.seq === seq)).map((p) => `${p.a.map((t) => t.seq).join('+')}>${p.b.map((t) => t.seq).join('+')}`);

  it('keeps a row that another plan prints as two rows whole, as one 1:n group (jiading-2023 → putuo-2023)', () => {
    const al = alignPlans(byId('jiading-2023'), byId('putuo-2023'));
    // jiading 79 = putuo 96 (政府公报权威标准文本) + putuo 97 (政府公报电子版), both verbatim
    expect(groupsOf(al, 'a', 79)).toEqual(['79>96+97']);
    // jiading 65 = putuo 74 (政民互动渠道) + putuo 75 (办理时限, 留言选登)
    expect(groupsOf(al, 'a', 65)).toEqual(['65>74+75']);
    // and the mirror: two rows of one plan merge into the other's row
    const back = alignPlans(byId('putuo-2023'), byId('jiading-2023'));
    expect(groupsOf(back, 'b', 79)).toEqual(['96+97>79']);
  });

  it('pairs tasks that bind the same counted thing with other numbers (quantity rule)', () => {
    const al = alignPlans(byId('pudong-2022'), byId('putuo-2023'));
    // 年内至少专门听取1次工作汇报 → 每年至少专题听取2次工作汇报, in tasks that otherwise say other things
    expect(groupsOf(al, 'a', 72)).toEqual(['72>107']);
    // 列席…不少于3次 → 列席…不少于4次
    expect(groupsOf(al, 'a', 34)).toEqual(['34>73']);
  });

  it('pairs leftover tasks that score and clause coverage both point at (leftover rule)', () => {
    const al = alignPlans(byId('putuo-2023'), byId('songjiang-2024'));
    // 五五购物节 (putuo 25, a festival promotion) has no pair by score alone (0.12 < 0.3), but score and
    // coverage both point clearly at the consumption-campaign task 9
    expect(groupsOf(al, 'a', 25)).toEqual(['25>9']);
    // 架空线入地 (putuo 29) shares only generic words with 重大事故隐患排查整治 (songjiang 24): the bigram
    // floor keeps it unmatched
    expect(al.dropped.map((t) => t.seq)).toContain(29);
  });
});

