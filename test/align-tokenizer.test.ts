import { describe, expect, it } from 'vitest';
import { alignPlans } from '../src/align/align';
import { alignmentToJson } from '../src/align/json';
import { preparePlan } from '../src/align/prepare';
import { jiebaLoadedWords } from '../src/text/tokenizer-jieba';
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
    // the same alignment as from the plans prepared one by one (the full dictionary cuts the same: its load,
    // ~2 s, is left to the tokenizer's own tests)
    const full = alignPlans(preparePlan(SPLIT_MERGE_A), preparePlan(SPLIT_MERGE_B));
    expect(alignmentToJson(al)).toEqual(alignmentToJson(full));
    expect(jiebaLoadedWords()).not.toBe('full');
  });
});
