import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preparePlan } from '../src/align/prepare';
import { loadPlan } from '../src/corpus';
import { PlanParseError } from '../src/errors';
import { createPlanCache } from '../src/plan-cache';
import { runCli } from './helpers/cli';
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

/** A plan file in a fresh folder, and the cache folder beside it. */
function fixture(text = PLAN): { file: string; cacheDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-plan-cache-'));
  const file = join(dir, 'plan.txt');
  writeFileSync(file, text);
  return { file, cacheDir: join(dir, 'cache') };
}

/** A cache over `cacheDir` that writes only when flushed. */
const cacheOf = (cacheDir: string, tokenizer: Tokenizer = countingTokenizer(), version?: string) =>
  createPlanCache({ dir: cacheDir, tokenizer, flushOnExit: false, ...(version ? { version } : {}) });

/** Load `file` once through a fresh cache and write the entry; returns what was loaded. */
function warmUp(file: string, cacheDir: string): ReturnType<ReturnType<typeof cacheOf>['load']> {
  const cache = cacheOf(cacheDir);
  const loaded = cache.load(file);
  cache.flush();
  return loaded;
}

const PLAN = ['2024年政务公开工作要点', '1. 年内邀请公众代表列席区政府常务会议不少于4次。', '2. 做好政府公报电子版订阅工作。', ''].join('\n');

describe('plan cache', () => {
  it('returns, on a second run, exactly what loading and tokenizing gives, without tokenizing again', () => {
    const { file, cacheDir } = fixture();
    const tok = countingTokenizer();
    const first = cacheOf(cacheDir, tok);
    const a = first.load(file);
    first.flush();
    const calls = tok.calls;
    expect(calls).toBeGreaterThan(0);
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('plan-'))).toHaveLength(1);

    const second = cacheOf(cacheDir, tok);
    const b = second.load(file);
    expect(tok.calls).toBe(calls);
    expect(second.stats()).toEqual({ hits: 1, misses: 0 });
    expect(b).toEqual(a);
    expect(b).toEqual(JSON.parse(JSON.stringify(preparePlan(loadPlan(file), { tokenizer: countingTokenizer() }))));
    // the input file is read, never written
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });

  it('misses when the file changes, and when the tokenizer or the version changes', () => {
    const { file, cacheDir } = fixture();
    warmUp(file, cacheDir);

    writeFileSync(file, PLAN.replace('不少于4次', '不少于5次'));
    const changed = cacheOf(cacheDir);
    expect(changed.load(file).plan.tasks[0]!.text).toContain('不少于5次');
    expect(changed.stats()).toEqual({ hits: 0, misses: 1 });

    writeFileSync(file, PLAN);
    const other = cacheOf(cacheDir, { id: 'other', cut: (t) => [t] });
    other.load(file);
    expect(other.stats().misses).toBe(1);
    const newer = cacheOf(cacheDir, countingTokenizer(), 'next');
    newer.load(file);
    expect(newer.stats().misses).toBe(1);
  });

  it('caches nothing for a file that fails to load, and fails the same way every time', () => {
    const { file, cacheDir } = fixture('');
    for (let run = 0; run < 2; run++) {
      const cache = cacheOf(cacheDir);
      expect(() => cache.load(file)).toThrow(PlanParseError);
      cache.flush();
    }
    expect(() => readdirSync(cacheDir)).toThrow();
  });

  it('keeps the size limit: a file over maxBytes is refused with or without an entry for it', () => {
    const { file, cacheDir } = fixture();
    warmUp(file, cacheDir);
    expect(() => cacheOf(cacheDir).load(file, { maxBytes: 10 })).toThrow(/larger than the limit/);
  });
});

describe('plan cache entries that cannot be used', () => {
  it('loads the plan again when an entry is cut short or altered, and writes a good entry in its place', () => {
    const { file, cacheDir } = fixture();
    const expected = warmUp(file, cacheDir);
    const entry = join(cacheDir, readdirSync(cacheDir).find((f) => f.startsWith('plan-'))!);
    for (const broken of [readFileSync(entry, 'utf8').slice(0, 100), JSON.stringify({ format: 1, prepared: { plan: {}, tasks: [] } })]) {
      writeFileSync(entry, broken);
      const cache = cacheOf(cacheDir);
      expect(cache.load(file)).toEqual(expected);
      expect(cache.stats()).toEqual({ hits: 0, misses: 1 });
      cache.flush();
      const again = cacheOf(cacheDir);
      expect(again.load(file)).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(again.stats()).toEqual({ hits: 1, misses: 0 });
    }
  });
});

describe('plan cache size', () => {
  it('keeps at most maxEntries plans, removing the least recently used', () => {
    const { file, cacheDir } = fixture();
    const dir = join(cacheDir, '..');
    const files = [file, join(dir, 'b.txt'), join(dir, 'c.txt')];
    writeFileSync(files[1]!, PLAN.replace('4次', '5次'));
    writeFileSync(files[2]!, PLAN.replace('4次', '6次'));
    const capped = () => createPlanCache({ dir: cacheDir, tokenizer: countingTokenizer(), flushOnExit: false, maxEntries: 2 });
    const entries = () => readdirSync(cacheDir).filter((f) => f.startsWith('plan-')).length;
    const old = new Date(Date.now() - 60_000);
    const first = capped();
    first.load(files[0]!);
    first.load(files[1]!);
    first.flush();
    expect(entries()).toBe(2);
    // make both entries old, then use the first again: the second is now the least recently used
    for (const f of readdirSync(cacheDir)) utimesSync(join(cacheDir, f), old, old);
    const second = capped();
    second.load(files[0]!);
    second.load(files[2]!);
    second.flush();
    expect(entries()).toBe(2);
    const third = capped();
    third.load(files[0]!);
    third.load(files[2]!);
    expect(third.stats()).toEqual({ hits: 2, misses: 0 });
    third.load(files[1]!);
    expect(third.stats()).toEqual({ hits: 2, misses: 1 });
  });
});

describe('shipped plan cache', () => {
  it('serves entries made at build time from a read-only folder, and writes them nowhere', () => {
    const { file, cacheDir } = fixture();
    const shipped = `${cacheDir}-shipped`;
    const expected = warmUp(file, shipped);
    const names = readdirSync(shipped);
    const tok = countingTokenizer();
    const cache = createPlanCache({ dir: cacheDir, tokenizer: tok, flushOnExit: false, shipped });
    expect(cache.load(file)).toEqual(expected);
    expect(tok.calls).toBe(0);
    expect(cache.stats()).toEqual({ hits: 1, misses: 0 });
    cache.flush();
    expect(() => readdirSync(cacheDir)).toThrow();
    expect(readdirSync(shipped)).toEqual(names);
  });

  it('ignores shipped entries another version made, and then caches in its own folder only', () => {
    const { file, cacheDir } = fixture();
    const shipped = `${cacheDir}-shipped`;
    warmUp(file, shipped);
    const names = readdirSync(shipped);
    const tok = countingTokenizer();
    const cache = createPlanCache({ dir: cacheDir, tokenizer: tok, flushOnExit: false, shipped, version: 'another-version' });
    expect(cache.load(file)).toEqual(preparePlan(loadPlan(file), { tokenizer: countingTokenizer() }));
    expect(tok.calls).toBeGreaterThan(0);
    expect(cache.stats()).toEqual({ hits: 0, misses: 1 });
    cache.flush();
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('plan-'))).toHaveLength(1);
    expect(readdirSync(shipped)).toEqual(names);
  });
});

describe('the built CLI and the bundled corpus', () => {
  const root = join(__dirname, '..');
  const cli = join(root, 'dist', 'cli.js');

  it('reads the bundled plans from dist/plan-cache on a first run, with the output of an uncached run', () => {
    // dist/ is made by `npm ci` / `npm run build` (tsup, then scripts/ship-plan-cache.mjs)
    const manifest = JSON.parse(readFileSync(join(root, 'corpus', 'manifest.json'), 'utf8')) as { plans: unknown[] };
    expect(readdirSync(join(root, 'dist', 'plan-cache')).filter((f) => /^plan-[0-9a-f]{40}\.json$/.test(f))).toHaveLength(manifest.plans.length);
    const empty = mkdtempSync(join(tmpdir(), 'plandiff-first-run-'));
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, [cli, 'align', 'putuo-2023', 'songjiang-2024', '--format', 'json', ...extra], {
        encoding: 'utf8',
        env: { ...process.env, PLANDIFF_CACHE_DIR: empty },
      });
    const first = run();
    expect(first.status).toBe(0);
    // both plans were cache hits: nothing new to write, and the tokenizer was never asked for a word
    expect(readdirSync(empty)).toEqual([]);
    // the same command uncached, run here from the source the bundle was built from
    const uncached = runCli(['align', 'putuo-2023', 'songjiang-2024', '--format', 'json', '--no-cache']);
    expect(uncached.code).toBe(0);
    expect(first.stdout).toBe(uncached.stdout);
  });
});
