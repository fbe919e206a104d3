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
import { runCli, type CliRun } from './helpers/cli';

const ROOT = join(__dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const BIN = join(ROOT, 'src', 'bin.ts');

const DIFF_CACHE = mkdtempSync(join(tmpdir(), 'plandiff-determinism-cache-'));
const UNUSED_CACHE = mkdtempSync(join(tmpdir(), 'plandiff-determinism-cache-'));

/** A run in a child process, so that one result comes from a fresh process. */
function spawned(args: string[], cwd: string, cacheDir: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [BIN, ...args],
      { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PLANDIFF_CACHE_DIR: cacheDir } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** A run in this process with `cwd` as the working folder. */
function run(args: string[], cwd: string, cacheDir = mkdtempSync(join(tmpdir(), 'plandiff-determinism-cache-'))): CliRun {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return runCli(args, { cacheDir });
  } finally {
    process.chdir(before);
  }
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

const runs: Record<string, CliRun> = {};

beforeAll(async () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'plandiff-determinism-cwd-'));
  // diff2 runs in a fresh process from another folder without the caches, while the others run here
  const child = spawned(['diff', 'putuo-2023', 'songjiang-2024', '--format', 'json', '--no-cache'], elsewhere, UNUSED_CACHE);
  // run 1 in the package with a fresh cache; run 2 from another folder without the cache
  runs.parse1 = run(['parse', 'putuo-2023', '--format', 'json'], ROOT);
  runs.parse2 = run(['parse', 'putuo-2023', '--format', 'json', '--no-cache'], elsewhere);
  runs.diff1 = run(['diff', 'putuo-2023', 'songjiang-2024', '--format', 'json'], ROOT, DIFF_CACHE);
  // run 3 reads the plans diff1 left in the plan and token caches
  runs.diff3 = run(['diff', 'putuo-2023', 'songjiang-2024', '--format', 'json'], elsewhere, DIFF_CACHE);
  runs.diff2 = await child;
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
