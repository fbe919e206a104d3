import { describe, expect, it } from 'vitest';
import { alignPlans } from '../src/align/align';
import { alignmentToJson } from '../src/align/json';
import { preparePlan } from '../src/align/prepare';
import { defaultTokenizer, jiebaLoadedWords } from '../src/text/tokenizer-jieba';
import { SPLIT_MERGE_A, SPLIT_MERGE_B } from './fixtures/align/plans';

// nodejieba's state is per process and vitest runs each file in its own module registry: here nothing
// has loaded the default tokenizer before the first test
describe('alignPlans on plain plans tells the tokenizer what it will cut', () => {
  it('loads only the words of the two plans, not the full dictionary', () => {
    expect(jiebaLoadedWords()).toBeNull();
    const al = alignPlans(SPLIT_MERGE_A, SPLIT_MERGE_B);
    const loaded = jiebaLoadedWords();
    expect(typeof loaded).toBe('number');
    expect(loaded as number).toBeGreaterThan(0);
    expect(loaded as number).toBeLessThan(2_000);
    // the same alignment as from plans prepared with the full dictionary loaded: texts nobody announced
    // make the default tokenizer load it
    for (const t of ['颐和园游船码头', '量子计算机芯片', '冰川融化速度加快']) defaultTokenizer().cut(t);
    expect(jiebaLoadedWords()).toBe('full');
    const full = alignPlans(preparePlan(SPLIT_MERGE_A), preparePlan(SPLIT_MERGE_B));
    expect(alignmentToJson(al)).toEqual(alignmentToJson(full));
  });
});
