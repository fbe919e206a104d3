/**
 * Determinism: researchers publish numbers from plandiff, so the same inputs must give byte-identical
 * JSON on every run, from any working folder, with or without the token and plan caches, and the JSON of bundled
 * plans must not carry paths of the machine it ran on.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../src/corpus';
import { diffPlans } from '../src/diff/diff';
import { diffToJson } from '../src/diff/json';
import { parsePlan } from '../src/parse/plan';

const ROOT = join(__dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'src', 'cli.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const DIFF_CACHE = mkdtempSync(join(tmpdir(), 'plandiff-determinism-cache-'));
const UNUSED_CACHE = mkdtempSync(join(tmpdir(), 'plandiff-determinism-cache-'));

function run(args: string[], cwd: string, cacheDir = mkdtempSync(join(tmpdir(), 'plandiff-determinism-cache-'))): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [CLI, ...args],
      { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PLANDIFF_CACHE_DIR: cacheDir } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** Every string value in a JSON document. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

function expectNoMachinePaths(json: string): void {
  for (const path of [ROOT, homedir() + '/', tmpdir() + '/']) expect(json.includes(path), path).toBe(false);
  for (const s of strings(JSON.parse(json))) {
    expect(s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('file:'), s).toBe(false);
  }
}

const runs: Record<string, Run> = {};

beforeAll(async () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'plandiff-determinism-cwd-'));
  // Run 1 in the package with a fresh token cache; run 2 from another folder without the cache.
  const jobs: Record<string, [string[], string, string?]> = {
    parse1: [['parse', 'putuo-2023', '--format', 'json'], ROOT],
    parse2: [['parse', 'putuo-2023', '--format', 'json', '--no-cache'], elsewhere],
    diff1: [['diff', 'putuo-2023', 'songjiang-2024', '--format', 'json'], ROOT, DIFF_CACHE],
    diff2: [['diff', 'putuo-2023', 'songjiang-2024', '--format', 'json', '--no-cache'], elsewhere, UNUSED_CACHE],
  };
  const names = Object.keys(jobs);
  const results = await Promise.all(names.map((name) => run(...jobs[name]!)));
  names.forEach((name, k) => (runs[name] = results[k]!));
  // run 3 reads the plans diff1 left in the plan and token caches
  runs.diff3 = await run(['diff', 'putuo-2023', 'songjiang-2024', '--format', 'json'], elsewhere, DIFF_CACHE);
}, 180_000);

describe('the CLI gives byte-identical JSON on every run', () => {
  it('parse --format json', () => {
    for (const r of [runs.parse1!, runs.parse2!]) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(runs.parse1!.stdout.length).toBeGreaterThan(10_000);
    expect(runs.parse2!.stdout).toBe(runs.parse1!.stdout);
    expect(JSON.parse(runs.parse1!.stdout).tasks).toHaveLength(118);
  });

  it('diff --format json', () => {
    for (const r of [runs.diff1!, runs.diff2!, runs.diff3!]) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(runs.diff1!.stdout.length).toBeGreaterThan(10_000);
    expect(runs.diff2!.stdout).toBe(runs.diff1!.stdout);
    expect(runs.diff3!.stdout).toBe(runs.diff1!.stdout);
    expect(readdirSync(DIFF_CACHE).filter((f) => f.startsWith('plan-'))).toHaveLength(2);
    // --no-cache neither reads nor writes the caches
    expect(readdirSync(UNUSED_CACHE)).toEqual([]);
  });

  it('no absolute machine paths in the JSON of bundled plans', () => {
    expectNoMachinePaths(runs.parse1!.stdout);
    expectNoMachinePaths(runs.diff1!.stdout);
    expect(JSON.parse(runs.parse1!.stdout).file).toBe('seeds/000_921286529f1403d5.txt');
  });
});

describe('the library gives identical results when called again in one process', () => {
  it('parsePlan: same JSON for the same text, and for a fresh copy of the string', () => {
    const text = readFileSync(join(ROOT, 'seeds', '002_99713b5ce46884d1.txt'), 'utf8');
    const first = JSON.stringify(parsePlan(text, { file: 'seeds/002.txt' }));
    expect(JSON.stringify(parsePlan(text, { file: 'seeds/002.txt' }))).toBe(first);
    expect(JSON.stringify(parsePlan(`${text}`.slice(0), { file: 'seeds/002.txt' }))).toBe(first);
  });

  it('diffPlans: same JSON on a second call, and after an unrelated diff in between', () => {
    // A plain two-character splitter keeps this fast; the CLI runs above use the real tokenizer.
    const tokenizer = { cut: (text: string): string[] => text.match(/[\s\S]{1,2}/g) ?? [] };
    const a = loadPlan('baoshan-2024');
    const b = loadPlan('songjiang-2024');
    const first = JSON.stringify(diffToJson(diffPlans(a, b, { tokenizer })));
    expect(first.length).toBeGreaterThan(10_000);
    diffPlans(loadPlan('jiading-2023'), a, { tokenizer });
    expect(JSON.stringify(diffToJson(diffPlans(a, b, { tokenizer })))).toBe(first);
    expect(JSON.stringify(diffToJson(diffPlans(loadPlan('baoshan-2024'), loadPlan('songjiang-2024'), { tokenizer })))).toBe(first);
  }, 60_000);
});
