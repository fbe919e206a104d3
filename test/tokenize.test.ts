import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCachedTokenizer } from '../src/io/token-cache';
import { clauses } from '../src/text/clauses';
import { tokenize, type Tokenizer } from '../src/text/tokenize';

const words = (s: string, tokenizer?: Tokenizer): string[] => tokenize(s, { tokenizer }).map((t) => t.text);

/** A predictable splitter: one character per piece. */
const charSplitter: Tokenizer = { cut: (s) => [...s] };

describe('tokenize (nodejieba with the field dictionary)', () => {
  it('keeps comparators, 工作日 and numbers with their units whole', () => {
    expect(words('每年召开不少于4次政府开放月活动')).toEqual(['每年', '召开', '不少于', '4次', '政府开放月', '活动']);
    expect(words('不超过5个工作日')).toEqual(['不超过', '5个工作日']);
    expect(words('办理时限为15个工作日内')).toContain('15个工作日');
    expect(words('于3个工作日内完成')).toContain('3个工作日');
    expect(words('工作日')).toEqual(['工作日']);
  });

  it('keeps the field terms of the issue whole', () => {
    for (const term of ['政务公开', '一网通办', '阅办联动', '重大行政决策', '依申请公开', '常务会议', '政府开放月', '集成式发布', '留言板']) {
      expect(words(`做好${term}工作`)).toContain(term);
    }
  });

  it('keeps ranges, percentages, dates and Chinese numerals with units whole', () => {
    expect(words('每月至少开展1—2场')).toEqual(['每月', '至少', '开展', '1—2场']);
    expect(words('覆盖率100%')).toContain('100%');
    expect(words('2024年5月10日前')).toEqual(['2024年', '5月', '10日', '前']);
    expect(words('每月开展至少一次走进社区活动').slice(0, 4)).toEqual(['每月', '开展', '至少', '一次']);
    // names that begin with numerals are not quantities
    expect(words('一网通办')).toEqual(['一网通办']);
  });

  it('gives offsets into the original text, across line-wrap whitespace', () => {
    const text = '做好政务\n公开，发布后 30 日内报送';
    const toks = tokenize(text);
    const gov = toks.find((t) => t.text === '政务公开');
    expect(gov).toEqual({ text: '政务公开', start: 2, end: 7 });
    const days = toks.find((t) => t.text === '30日');
    expect(days).toEqual({ text: '30日', start: 12, end: 16 });
    for (const t of toks) expect(text.slice(t.start, t.end).replace(/\s+/g, '')).toBe(t.text);
  });

  it('uses a tokenizer passed in, and still glues numbers and Latin words', () => {
    expect(words('报送ETCMS共3次', charSplitter)).toEqual(['报', '送', 'ETCMS', '共', '3次']);
  });
});

describe('clauses', () => {
  it('splits at sentence ends and at commas between full obligations', () => {
    const text = '强化办件规范，保障答复质效和办理时限。坚持服务理念，主动跨前与申请人做好沟通';
    expect(clauses(text).map((c) => c.text)).toEqual(['强化办件规范', '保障答复质效和办理时限', '坚持服务理念', '主动跨前与申请人做好沟通']);
    // a short part without a verb of its own stays with its neighbour
    expect(clauses('加强政策解读，全年').map((c) => c.text)).toEqual(['加强政策解读，全年']);
  });

  it('keeps a framing phrase with its obligation and never cuts inside brackets', () => {
    const text = '围绕区委、区政府中心工作，依法规范做实主动公开；综合运用“四类推送法”（通过短消息开展推送，通过窗口开展接力推送），扩大推送成效';
    const cs = clauses(text);
    expect(cs.map((c) => c.text)).toEqual([
      '围绕区委、区政府中心工作，依法规范做实主动公开',
      '综合运用“四类推送法”（通过短消息开展推送，通过窗口开展接力推送）',
      '扩大推送成效',
    ]);
    for (const c of cs) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('cuts a sentence of two full obligations joined by a comma', () => {
    expect(clauses('编制发布年度重大行政决策目录，及时公开决策草案征求意见情况').map((c) => c.text)).toEqual([
      '编制发布年度重大行政决策目录',
      '及时公开决策草案征求意见情况',
    ]);
  });
});

describe('createCachedTokenizer', () => {
  it('answers from disk after a flush without calling the inner tokenizer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-cache-'));
    let calls = 0;
    const counting: Tokenizer = { id: 'chars', cut: (s) => (calls++, [...s]) };
    const first = createCachedTokenizer({ dir, tokenizer: counting, flushOnExit: false });
    expect(first.cut('政务公开')).toEqual(['政', '务', '公', '开']);
    expect(calls).toBe(1);
    first.flush();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const second = createCachedTokenizer({ dir, tokenizer: counting, flushOnExit: false });
    expect(second.cut('政务公开')).toEqual(['政', '务', '公', '开']);
    expect(calls).toBe(1);
    expect(second.stats()).toEqual({ hits: 1, misses: 0 });
  });

  it('keeps each shard to its newest entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-cache-'));
    let calls = 0;
    const counting: Tokenizer = { id: 'chars', cut: (s) => (calls++, [...s]) };
    const texts = Array.from({ length: 200 }, (_, k) => `任务${k}`);
    const first = createCachedTokenizer({ dir, tokenizer: counting, flushOnExit: false, maxShardEntries: 5 });
    for (const t of texts) first.cut(t);
    first.flush();
    const shards = readdirSync(dir).filter((f) => f.startsWith('tokens-'));
    expect(shards).toHaveLength(16);
    for (const f of shards) expect(Object.keys(JSON.parse(readFileSync(join(dir, f), 'utf8')).entries).length).toBeLessThanOrEqual(5);
    // the last text written is still there; the first one of its shard is gone
    const second = createCachedTokenizer({ dir, tokenizer: counting, flushOnExit: false, maxShardEntries: 5 });
    calls = 0;
    second.cut(texts[199]!);
    expect(calls).toBe(0);
    for (const t of texts) second.cut(t);
    expect(second.stats().misses).toBe(200 - 16 * 5);
  });
});
