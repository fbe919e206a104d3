import { describe, expect, it } from 'vitest';
import { alignPlans } from '../src/align/align';
import { alignmentToJson } from '../src/align/json';
import { preparePlan } from '../src/align/prepare';
import { defaultTokenizer } from '../src/text/tokenizer-jieba';
import type { Tokenizer } from '../src/text/tokenize';
import { SPLIT_MERGE_A, SPLIT_MERGE_B } from './fixtures/align/plans';

/** A tokenizer that cuts as the default one and records, in order, what it was told and what it cut. */
/** `told` holds the texts announced before the first cut. */
function recording(): { tokenizer: Tokenizer; events: string[]; told: Set<string> } {
  const events: string[] = [];
  const told = new Set<string>();
  const inner = defaultTokenizer();
  const tokenizer: Tokenizer = {
    id: inner.id,
    prepare(texts) {
      // what was told before the first cut is what a load can take at once
      if (!events.includes('cut')) for (const t of texts) told.add(t);
      events.push('prepare');
    },
    cut(text) {
      events.push('cut');
      return inner.cut(text);
    },
  };
  return { tokenizer, events, told };
}

// nodejieba's dictionaries are process-wide and test files may share a process, so this checks the wiring
// (every text announced before the first cut), which is what lets the default tokenizer load only the
// words the plans need; tokenizer-jieba's own tests check that an announced load is small and cuts the same.
describe('alignPlans on plain plans tells the tokenizer what it will cut', () => {
  it('announces both plans’ task texts and names before it cuts the first', () => {
    const { tokenizer, events, told } = recording();
    const al = alignPlans(SPLIT_MERGE_A, SPLIT_MERGE_B, { tokenizer });
    expect(events[0]).toBe('prepare');
    expect(events.indexOf('cut')).toBeGreaterThan(0);
    for (const task of [...SPLIT_MERGE_A.tasks, ...SPLIT_MERGE_B.tasks]) {
      expect(told.has(task.text)).toBe(true);
      if (task.name) expect(told.has(task.name)).toBe(true);
    }
    // the same alignment as from the plans prepared one by one with the default tokenizer
    const prepared = alignPlans(preparePlan(SPLIT_MERGE_A), preparePlan(SPLIT_MERGE_B));
    expect(alignmentToJson(al)).toEqual(alignmentToJson(prepared));
  });
});
