import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/corpus';
import { classifyPair, cutForDiff, diffPlans, statusOf } from '../src/diff/diff';
import { planOf } from './fixtures/align/plans';
import { preparePlan } from '../src/align/prepare';
import { diffToJson } from '../src/diff/json';
import { renderReport, toRows } from '../src/report';
import { obligationChanges, obligationDirection } from '../src/diff/obligations';
import { diffTokens, sideOf } from '../src/diff/textdiff';
import { diffSequences } from '../src/diff/myers';
import { diffArrays, diffChars } from 'diff';
import type { Change, Obligation } from '../src/types';

function ob(partial: Partial<Obligation> & Pick<Obligation, 'kind' | 'value' | 'unit'>): Obligation {
  return {
    comparator: '>=',
    valueMax: null,
    period: null,
    subject: '公众代表列席区政府常务会议',
    quote: '',
    span: { start: 0, end: 0 },
    ...partial,
  };
}

describe('obligation directions', () => {
  it('a higher minimum count is stronger, a lower one weaker', () => {
    expect(obligationDirection(ob({ kind: 'count', value: 3, unit: '次' }), ob({ kind: 'count', value: 4, unit: '次' }))).toBe('stronger');
    expect(obligationDirection(ob({ kind: 'count', value: 4, unit: '次' }), ob({ kind: 'count', value: 3, unit: '次' }))).toBe('weaker');
  });

  it('frequencies compare per year: 每季度1次 (4 a year) is weaker than 每月1次 (12 a year)', () => {
    const monthly = ob({ kind: 'frequency', value: 1, unit: '次', period: 'month' });
    const quarterly = ob({ kind: 'frequency', value: 1, unit: '次', period: 'quarter' });
    expect(obligationDirection(monthly, quarterly)).toBe('weaker');
    expect(obligationDirection(quarterly, monthly)).toBe('stronger');
  });

  it('a shorter reply deadline is stronger; 5 working days count as 7 calendar days', () => {
    const five = ob({ kind: 'deadline', comparator: '<=', value: 5, unit: '个工作日' });
    const three = ob({ kind: 'deadline', comparator: '<=', value: 3, unit: '个工作日' });
    expect(obligationDirection(five, three)).toBe('stronger');
    expect(obligationDirection(three, five)).toBe('weaker');
    const tenDays = ob({ kind: 'deadline', comparator: '<=', value: 10, unit: '日' });
    expect(obligationDirection(five, tenDays)).toBe('weaker');
  });

  it('an earlier date is stronger; moving a month-only activity is neutral', () => {
    const march31 = ob({ kind: 'date', comparator: '<=', value: 331, unit: 'MM-DD' });
    const june30 = ob({ kind: 'date', comparator: '<=', value: 630, unit: 'MM-DD' });
    expect(obligationDirection(june30, march31)).toBe('stronger');
    expect(obligationDirection(march31, june30)).toBe('weaker');
    const aug = ob({ kind: 'month', comparator: '=', value: 8, unit: '月' });
    const sep = ob({ kind: 'month', comparator: '=', value: 9, unit: '月' });
    expect(obligationDirection(aug, sep)).toBe('neutral');
  });

  it('a lower amount threshold covers more projects, so it is stronger', () => {
    const big = ob({ kind: 'amount', value: 1000, unit: '万元', subject: '项目预算金额' });
    const small = ob({ kind: 'amount', value: 500, unit: '万元', subject: '项目预算金额' });
    expect(obligationDirection(big, small)).toBe('stronger');
  });

  it('an obligation gone from a kept task is a dropped clause (weaker); a new one an added clause (stronger)', () => {
    const count = ob({ kind: 'count', value: 4, unit: '次', quote: '不少于4次' });
    expect(obligationChanges([count], [])).toEqual([
      { kind: 'clause', direction: 'weaker', before: '公众代表列席区政府常务会议 ≥4次', after: null, quoteA: '不少于4次', quoteB: null, obligationA: count },
    ]);
    expect(obligationChanges([], [count])[0]).toMatchObject({ kind: 'clause', direction: 'stronger', quoteB: '不少于4次' });
    expect(obligationChanges([count], [count])).toEqual([]);
  });
});

describe('pair status', () => {
  const change = (direction: Change['direction']): Change => ({
    kind: 'count',
    direction,
    before: null,
    after: null,
    quoteA: null,
    quoteB: null,
  });
  it('follows the directions of the changes', () => {
    expect(statusOf([], true)).toBe('unchanged');
    expect(statusOf([], false)).toBe('reworded');
    expect(statusOf([change('neutral')], true)).toBe('reworded');
    expect(statusOf([change('stronger'), change('neutral')], false)).toBe('strengthened');
    expect(statusOf([change('weaker')], false)).toBe('weakened');
    expect(statusOf([change('weaker'), change('stronger')], false)).toBe('mixed');
  });
});

describe('text diff', () => {
  it('refines a replaced token to the characters that differ', () => {
    const segments = diffTokens(['年内', '不少于', '4次'], ['年内', '不少于', '5次']);
    expect(segments).toEqual([
      { op: '=', text: '年内不少于' },
      { op: '-', text: '4' },
      { op: '+', text: '5' },
      { op: '=', text: '次' },
    ]);
  });

  it('finds the same edit script as jsdiff (diffArrays, diffChars), ties included', () => {
    const runsOf = (parts: { added?: boolean; removed?: boolean; value: unknown }[]) =>
      parts.map((p) => ({ op: p.added ? '+' : p.removed ? '-' : '=', items: Array.isArray(p.value) ? p.value : Array.from(p.value as string) }));
    // a small alphabet makes many equally short scripts, so the choice among them is tested too
    const seq = fc.array(fc.constantFrom('政务', '公开', '不少于', '4次', '，', '的'), { maxLength: 30 });
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        expect(diffSequences(a, b)).toEqual(runsOf(diffArrays(a, b)));
      }),
      { numRuns: 500 },
    );
    const text = fc.string({ unit: fc.constantFrom('政', '务', '公', '开', '4', '5', '𠀋'), maxLength: 40 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(diffSequences(Array.from(a), Array.from(b))).toEqual(runsOf(diffChars(a, b)));
      }),
      { numRuns: 500 },
    );
  });

  it('shows two texts too different to search within its budget as one removal and one addition', () => {
    const a = Array.from('政务公开工作要点'), b = Array.from('公开政务要点工作');
    expect(diffSequences(a, b, 5)).toEqual([{ op: '-', items: a }, { op: '+', items: b }]);
    expect(diffSequences(a, b)).toEqual(diffSequences(a, b, 1000));
    expect(diffSequences(a, a, 5)).toEqual([{ op: '=', items: a }]);
  });

  it('keeps both texts: = and - give a, = and + give b', () => {
    const piece = fc.array(fc.constantFrom('政务', '公开', '不少于', '4次', '，', '推进', '做好', '5个工作日'), { maxLength: 12 });
    fc.assert(
      fc.property(piece, piece, (a, b) => {
        const segments = diffTokens(a, b);
        expect(sideOf(segments, 'a')).toBe(a.join(''));
        expect(sideOf(segments, 'b')).toBe(b.join(''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('modality of a pair', () => {
  const evidence = { cosine: 1, bigram: 1, edit: 1, coverage: 1, sharedTerms: [] };
  const classify = (a: string, b: string) =>
    classifyPair({ a: planOf('a', [a]).tasks, b: planOf('b', [b]).tasks, score: 1, evidence, probability: 1, links: [] }, () => [], (ts) => ts.map((t) => t.text));
  const modality = (a: string, b: string) => classify(a, b).changes.filter((c) => c.kind === 'modality');

  it('reads 要 as the plain directive: adding it changes nothing; 应当 is a duty and is stronger', () => {
    expect(modality('推动政府开放活动常态化。', '各单位要推动政府开放活动常态化。')).toEqual([]);
    expect(modality('完善公众参与机制，重点听取企业和行业协会意见。', '完善公众参与机制，应当重点听取企业和行业协会意见。')).toMatchObject([
      // the quotes are the sentences compared, so a reader sees which word set each level
      { direction: 'stronger', before: 'advance', after: 'must', quoteA: '完善公众参与机制，重点听取企业和行业协会意见', quoteB: '完善公众参与机制，应当重点听取企业和行业协会意见' },
    ]);
  });
});

describe('responsible units of a group', () => {
  it('lists a unit that leads one task and supports another once, as a lead', () => {
    const withUnits = (text: string, lead: string[], support: string[]) => ({
      ...planOf('u', [text]).tasks[0]!,
      units: { lead, support, raw: '' },
    });
    const a1 = withUnits('编制发布年度重大行政决策事项目录。', ['区府办'], ['区司法局']);
    const a2 = withUnits('及时公开决策草案征求意见情况。', ['区司法局'], []);
    const b1 = { ...withUnits('编制发布年度重大行政决策事项目录，及时公开决策草案征求意见情况。', ['区府办', '区司法局'], []), seq: 1 };
    const evidence = { cosine: 1, bigram: 1, edit: 1, coverage: 1, sharedTerms: [] };
    const pair = classifyPair({ a: [a1, { ...a2, seq: 2 }], b: [b1], score: 1, evidence, probability: 1, links: [] }, () => [], (ts) => ts.map((t) => t.text));
    expect(pair.changes.filter((c) => c.kind === 'units')).toEqual([]);
    const moved = classifyPair({ a: [a1], b: [b1], score: 1, evidence, probability: 1, links: [] }, () => [], (ts) => ts.map((t) => t.text));
    expect(moved.changes.find((c) => c.kind === 'units')).toMatchObject({ before: '区府办；配合：区司法局', after: '区司法局、区府办' });
  });

  it('compares unit names without their bracketed notes, and prints them as written', () => {
    const side = (lead: string[]) => [{ ...planOf('u', ['做好政策解读。']).tasks[0]!, units: { lead, support: [], raw: '' } }];
    const evidence = { cosine: 1, bigram: 1, edit: 1, coverage: 1, sharedTerms: [] };
    const units = (a: string[], b: string[]) =>
      classifyPair({ a: side(a), b: side(b), score: 1, evidence, probability: 1, links: [] }, () => [], (ts) => ts.map((t) => t.text)).changes.filter((c) => c.kind === 'units');
    expect(units(['区政府各部门', '各街镇'], ['区政府各部门', '各街镇〔园区〕'])).toEqual([]);
    expect(units(['区行政服务中心（区大数据中心）'], ['区行政服务中心'])).toEqual([]);
    expect(units(['各街镇'], ['区政务服务中心', '各街镇〔园区〕'])).toMatchObject([{ before: '各街镇', after: '区政务服务中心、各街镇〔园区〕' }]);
  });
});

describe('diffs of the bundled plans', () => {
  const pudong = loadPlan('pudong-2022');
  const putuo = loadPlan('putuo-2023');
  const diff = diffPlans(pudong, putuo);

  function pairWith(quoteA: string, quoteB: string) {
    return diff.pairs.find((p) => p.changes.some((c) => c.quoteA?.includes(quoteA) && c.quoteB?.includes(quoteB)));
  }

  it('diffs prepared plans exactly as bare ones; a prepared task keeps its text cut into pieces', () => {
    const a = preparePlan(pudong);
    const b = preparePlan(putuo);
    for (const [k, t] of a.plan.tasks.entries()) {
      expect(a.tasks[k]!.pieces!.join('')).toBe(t.text);
      expect(a.tasks[k]!.pieces).toEqual(cutForDiff(t.text));
    }
    expect(JSON.stringify(diffToJson(diffPlans(a, b)))).toBe(JSON.stringify(diffToJson(diff)));
    // nothing is cut again: a tokenizer that refuses every text is never called
    const refuse = { cut: (text: string): string[] => { throw new Error(`cut called on ${text.slice(0, 10)}`); } };
    expect(JSON.stringify(diffToJson(diffPlans(a, b, { tokenizer: refuse })))).toBe(JSON.stringify(diffToJson(diff)));
  });

  it('prints beside each pair the rules that linked it', () => {
    const md = renderReport(diff, 'md', { lang: 'zh' });
    for (const p of diff.pairs) expect(p.evidence.basis?.length).toBeGreaterThan(0);
    const p = diff.pairs.find((x) => x.evidence.basis?.includes('assignment'))!;
    const title = md.split('\n').find((l) => l.startsWith(`### 甲 #${p.a.map((t) => t.seq).join('、#')} ↔ `))!;
    expect(title).toMatch(/ · 配对依据：整体最相近（一对一）/);
    const html = renderReport(diff, 'html', { lang: 'en' });
    expect(html).toContain('<span class="basis">Linked by: closest as a whole (1:1)');
    const rows = toRows(diff);
    diff.pairs.forEach((x, k) => expect(rows[k]!.basis).toBe(x.evidence.basis!.join(';')));
    expect(rows.filter((r) => r.status === 'added' || r.status === 'dropped').every((r) => r.basis === '')).toBe(true);
  });

  it('carries the pointer of each unpaired task into the JSON and the reports, and none for paired tasks', () => {
    const json = diffToJson(diff);
    const dropped = diff.dropped[0]!;
    const n = diff.nearest![`a:${dropped.seq}`]!;
    expect(json.tasks.a[String(dropped.seq)]!.nearest).toEqual(n);
    for (const p of diff.pairs) for (const t of p.a) expect(json.tasks.a[String(t.seq)]!.nearest).toBeUndefined();
    // the reports list the likeliest counterparts with probabilities in its place
    const likely = diff.likeliest![`a:${dropped.seq}`]!;
    expect(likely.length).toBeGreaterThan(0);
    const md = renderReport(diff, 'md', { lang: 'en' });
    expect(md).toContain(`Likeliest counterparts in the other plan: ${likely.map((l) => `B #${l.b} (p ${l.probability.toFixed(2)})`).join(', ')}`);
    expect(md).not.toContain('Closest task of the other plan');
    const html = renderReport(diff, 'html', { lang: 'zh' });
    expect(html).toContain(`对方最可能的对应任务：${likely.map((l) => `乙 #${l.b}（概率 ${l.probability.toFixed(2)}）`).join('、')}`);
    // a diff without probabilities (made by an older version) still shows the closest task
    const { likeliest: _, ...older } = diff;
    expect(renderReport(older, 'md', { lang: 'en' })).toContain(`Closest task of the other plan: B #${n.seq} (Similarity ${n.score.toFixed(2)}; not paired; for checking only)`);
    expect(renderReport(older, 'html', { lang: 'zh' })).toContain(`对方最接近的任务：乙 #${n.seq}（相似度 ${n.score.toFixed(2)}，未达配对条件，仅供核对）`);
  });

  it('pudong-2022 → putuo-2023: 列席区政府…会议 不少于3次 → 不少于4次 is a strengthened pair', () => {
    const pair = pairWith('不少于3次', '不少于4次');
    expect(pair).toBeDefined();
    expect(pair!.a.map((t) => t.text).join('')).toContain('年内邀请公众代表列席区政府决策会议不少于3次');
    expect(pair!.b.map((t) => t.text).join('')).toContain('年内邀请公众代表列席区政府常务会议不少于4次');
    expect(pair!.status).toBe('strengthened');
    expect(pair!.changes.find((c) => c.kind === 'count')).toEqual({
      kind: 'count',
      direction: 'stronger',
      before: '每年≥3次',
      after: '每年≥4次',
      quoteA: '不少于3次',
      quoteB: '不少于4次',
      obligationA: expect.objectContaining({ kind: 'count', comparator: '>=', value: 3, period: 'year' }),
      obligationB: expect.objectContaining({ kind: 'count', comparator: '>=', value: 4, period: 'year' }),
    });
  });

  it('pudong-2022 → putuo-2023: 主要负责同志…听取工作汇报 至少1次 → 至少2次 is a strengthened pair', () => {
    const pair = pairWith('听取1次', '听取2次');
    expect(pair).toBeDefined();
    expect(pair!.a.map((t) => t.text).join('')).toContain('年内至少专门听取1次工作汇报');
    expect(pair!.b.map((t) => t.text).join('')).toContain('主要负责同志每年至少专题听取2次工作汇报');
    expect(pair!.status).toBe('strengthened');
    const change = pair!.changes.find((c) => c.quoteB?.includes('听取2次'))!;
    expect(change.direction).toBe('stronger');
    expect(change.before).toBe('每年≥1次');
    expect(change.after).toBe('每年≥2次');
  });

  it('every task is in exactly one pair or in added/dropped', () => {
    const aSeqs = [...diff.pairs.flatMap((p) => p.a), ...diff.dropped].map((t) => t.seq).sort((x, y) => x - y);
    const bSeqs = [...diff.pairs.flatMap((p) => p.b), ...diff.added].map((t) => t.seq).sort((x, y) => x - y);
    expect(aSeqs).toEqual(pudong.tasks.map((t) => t.seq));
    expect(bSeqs).toEqual(putuo.tasks.map((t) => t.seq));
  });

  it('the JSON lists seqs, a summary that adds up, and every seq in the tasks map', () => {
    const json = diffToJson(diff);
    const statuses = ['unchanged', 'reworded', 'strengthened', 'weakened', 'mixed'] as const;
    expect(statuses.reduce((n, s) => n + json.summary[s], 0)).toBe(json.pairs.length);
    expect(json.summary.added).toBe(json.added.length);
    expect(json.summary.dropped).toBe(json.dropped.length);
    expect(Object.keys(json.tasks.a)).toHaveLength(pudong.tasks.length);
    expect(Object.keys(json.tasks.b)).toHaveLength(putuo.tasks.length);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
