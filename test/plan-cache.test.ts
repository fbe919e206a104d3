import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preparePlan } from '../src/align/prepare';
import { loadPlan } from '../src/corpus';
import { PlanParseError } from '../src/errors';
import { createPlanCache } from '../src/io/plan-cache';
import type { Tokenizer } from '../src/text/tokenize';

/** A splitter that cuts every character and counts its calls (no dictionary to load). */
function countingTokenizer(): Tokenizer & { calls: number } {
  const t = {
    id: 'test-chars',
    calls: 0,
    cut(text: string): string[] {
      t.calls++;
      return [...text];
    },
  };
  return t;
}

const PLAN = ['2024年政务公开工作要点', '1. 年内邀请公众代表列席区政府常务会议不少于4次。', '2. 做好政府公报电子版订阅工作。', ''].join('\n');

describe('plan cache', () => {
  it('returns, on a second run, exactly what loading and tokenizing gives, without tokenizing again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-plan-cache-'));
    const file = join(dir, 'plan.txt');
    writeFileSync(file, PLAN);
    const cacheDir = join(dir, 'cache');
    const tok = countingTokenizer();
    const first = createPlanCache({ dir: cacheDir, tokenizer: tok, flushOnExit: false });
    const a = first.load(file);
    first.flush();
    const calls = tok.calls;
    expect(calls).toBeGreaterThan(0);
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('plan-'))).toHaveLength(1);

    const second = createPlanCache({ dir: cacheDir, tokenizer: tok, flushOnExit: false });
    const b = second.load(file);
    expect(tok.calls).toBe(calls);
    expect(second.stats()).toEqual({ hits: 1, misses: 0 });
    expect(b).toEqual(a);
    expect(b).toEqual(JSON.parse(JSON.stringify(preparePlan(loadPlan(file), { tokenizer: countingTokenizer() }))));
    // the input file is read, never written
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });

  it('misses when the file changes, and when the tokenizer or the version changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-plan-cache-'));
    const file = join(dir, 'plan.txt');
    writeFileSync(file, PLAN);
    const cacheDir = join(dir, 'cache');
    const warm = createPlanCache({ dir: cacheDir, tokenizer: countingTokenizer(), flushOnExit: false });
    warm.load(file);
    warm.flush();

    writeFileSync(file, PLAN.replace('不少于4次', '不少于5次'));
    const changed = createPlanCache({ dir: cacheDir, tokenizer: countingTokenizer(), flushOnExit: false });
    expect(changed.load(file).plan.tasks[0]!.text).toContain('不少于5次');
    expect(changed.stats()).toEqual({ hits: 0, misses: 1 });

    writeFileSync(file, PLAN);
    const other = createPlanCache({ dir: cacheDir, tokenizer: { id: 'other', cut: (t) => [t] }, flushOnExit: false });
    other.load(file);
    expect(other.stats().misses).toBe(1);
    const newer = createPlanCache({ dir: cacheDir, tokenizer: countingTokenizer(), version: 'next', flushOnExit: false });
    newer.load(file);
    expect(newer.stats().misses).toBe(1);
  });

  it('caches nothing for a file that fails to load, and fails the same way every time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-plan-cache-'));
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    const cacheDir = join(dir, 'cache');
    for (let run = 0; run < 2; run++) {
      const cache = createPlanCache({ dir: cacheDir, tokenizer: countingTokenizer(), flushOnExit: false });
      expect(() => cache.load(file)).toThrow(PlanParseError);
      cache.flush();
    }
    expect(() => readdirSync(cacheDir)).toThrow();
  });

  it('keeps the size limit: a file over maxBytes is refused with or without an entry for it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-plan-cache-'));
    const file = join(dir, 'plan.txt');
    writeFileSync(file, PLAN);
    const cacheDir = join(dir, 'cache');
    const warm = createPlanCache({ dir: cacheDir, tokenizer: countingTokenizer(), flushOnExit: false });
    warm.load(file);
    warm.flush();
    const strict = createPlanCache({ dir: cacheDir, tokenizer: countingTokenizer(), flushOnExit: false });
    expect(() => strict.load(file, { maxBytes: 10 })).toThrow(/larger than the limit/);
  });
});
