import { describe, expect, it } from 'vitest';
import { alignPlans } from '../src/align/align';
import { compoundParts, pairCompounds, withCompoundParts } from '../src/align/compounds';
import type { PreparedPlan } from '../src/align/prepare';
import { planOf } from './fixtures/align/plans';

/** A prepared plan from term lists, one task per list (no tokenizer involved), with optional name terms. */
function prepared(id: string, tasks: string[][], names: string[][] = []): PreparedPlan {
  const plan = planOf(id, tasks.map((t) => t.join('')));
  return {
    plan,
    tasks: tasks.map((terms, k) => ({ seq: k + 1, terms, nameTerms: names[k] ?? [], clauses: [terms], chars: terms.join(''), quantities: [] })),
  };
}

describe('compoundParts', () => {
  it('splits a long word into the known words that cover most of it, leaving uncovered characters out', () => {
    const parts = compoundParts(['政府公报', '政府', '公报', '集成式发布', '集成', '发布', '政策']);
    expect(parts.get('政府公报')).toEqual(['政府', '公报']);
    expect(parts.get('集成式发布')).toEqual(['集成', '发布']);
    // two-character words are never split; a word with no known part maps to nothing
    expect(parts.has('政府')).toBe(false);
    expect(compoundParts(['留言板', '政策']).has('留言板')).toBe(false);
  });

  it('prefers the segmentation that covers more characters, then the one with fewer parts', () => {
    const parts = compoundParts(['政策留言板', '政策', '留言板', '留言', '策留']);
    expect(parts.get('政策留言板')).toEqual(['政策', '留言板']);
  });

  it('only looks at the words it is asked about, when given', () => {
    const parts = compoundParts(['政府公报', '政府', '公报', '政策留言板', '留言板'], ['政府公报']);
    expect([...parts.keys()]).toEqual(['政府公报']);
  });
});

describe('pairCompounds', () => {
  const a = prepared('a', [['切实', '发挥', '政府公报', '作用'], ['优化', '营商环境']]);
  const b = prepared('b', [['开通', '电子', '公报', '订阅', '渠道'], ['营商环境', '环境', '营商']]);

  it('reads a compound only one plan uses as the words of the other plan it is made of', () => {
    const { a: pa, b: pb } = pairCompounds(a, b);
    // 政府公报 is a's word only; b writes 公报 but not 政府
    expect(pa.get('政府公报')).toEqual(['公报']);
    // both plans write 营商环境: it matches whole and is not split
    expect(pa.has('营商环境')).toBe(false);
    expect(pb.has('营商环境')).toBe(false);
  });

  it('still splits a compound the other plan writes only in an indicator name', () => {
    const named = prepared('b', [['开通', '电子', '公报', '订阅', '渠道']], [['推动', '政府公报', '数字化', '转型']]);
    expect(pairCompounds(a, named).a.get('政府公报')).toEqual(['公报']);
    // and not one both plans write in their task texts
    const both = prepared('b', [['做好', '政府公报', '公报', '工作']]);
    expect(pairCompounds(a, both).a.has('政府公报')).toBe(false);
  });

  it('is symmetric: swapping the plans swaps the two maps', () => {
    const ab = pairCompounds(a, b);
    const ba = pairCompounds(b, a);
    expect([...ba.a]).toEqual([...ab.b]);
    expect([...ba.b]).toEqual([...ab.a]);
  });

  it('adds the parts after the compound and leaves the original plan untouched', () => {
    const { a: pa } = pairCompounds(a, b);
    const before = JSON.stringify(a);
    const out = withCompoundParts(a, pa);
    expect(out.tasks[0]!.terms).toEqual(['切实', '发挥', '政府公报', '公报', '作用']);
    expect(out.tasks[0]!.clauses[0]).toEqual(['切实', '发挥', '政府公报', '公报', '作用']);
    expect(JSON.stringify(a)).toBe(before);
    expect(out.plan).toBe(a.plan);
  });
});

describe('alignPlans with compound parts', () => {
  // 政府公报 in one plan, 公报 in the other: as whole words the two tasks share only the generic 工作
  const a = prepared('a', [['做好', '政府公报', '赠阅', '工作'], ['加强', '依申请', '办理', '工作'], ['开展', '业务', '培训', '工作']]);
  const b = prepared('b', [['开通', '公报', '赠阅', '渠道', '工作'], ['规范', '依申请', '答复', '工作'], ['组织', '政府', '开放', '活动']]);

  it('links tasks through a compound and its part, and not without the part reading', () => {
    const on = alignPlans(a, b);
    const off = alignPlans(a, b, { config: { compoundParts: false } });
    const links = (al: typeof on) => al.pairs.map((p) => `${p.a.map((t) => t.seq).join('+')}>${p.b.map((t) => t.seq).join('+')}`);
    expect(links(on)).toContain('1>1');
    expect(on.pairs.find((p) => p.a[0]!.seq === 1)!.score).toBeGreaterThan(off.pairs.find((p) => p.a[0]!.seq === 1)?.score ?? 0);
  });
});
