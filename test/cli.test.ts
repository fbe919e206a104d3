import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignPlans } from '../src/align/align';
import { loadPlan } from '../src/corpus';

const TSX = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
const CLI = join(__dirname, '..', 'src', 'cli.ts');

function run(...args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, PLANDIFF_CACHE_DIR: cacheDir } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cacheDir = mkdtempSync(join(tmpdir(), 'plandiff-cli-cache-'));

describe('plandiff parse', () => {
  it.each([
    ['putuo-2023', 118],
    ['pudong-2022', 78],
    ['songjiang-2024', 51],
    ['jiading-2023', 91],
    ['baoshan-2024', 32],
  ])('%s gives %i tasks numbered 1…N', (id, count) => {
    const r = run('parse', id, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.meta.id).toBe(id);
    expect(plan.tasks).toHaveLength(count);
    expect(plan.tasks.map((t: { seq: number }) => t.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    for (const t of plan.tasks) expect(t.text.length).toBeGreaterThan(0);
  });

  it('takes a file path as well as an id, and prints a Markdown outline', () => {
    const r = run('parse', join(__dirname, '..', 'seeds', '003_d488483787f5af7e.txt'), '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| 任务数 | 32 |');
    expect(r.stdout).toContain('责任单位：');
  });

  it('reports an empty file by name, exits 1, and prints no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-cli-'));
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    const r = run('parse', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`plandiff: ${file}`);
    expect(r.stderr).toContain('empty');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the corpus ids when a plan is neither a file nor an id', () => {
    const r = run('parse', 'nowhere-1999');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('plandiff: nowhere-1999: no such file, and no plan with this id in the corpus');
    expect(r.stderr).toContain('putuo-2023');
  });

  it('rejects an unknown format with exit code 2', () => {
    const r = run('parse', 'putuo-2023', '--format', 'docx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "docx"');
  });
});

describe('plandiff align, diff, obligations, audit, trace', () => {
  it('align prints the stable JSON: pairs of seqs with scores, dropped and added', () => {
    const r = run('align', 'songjiang-2024', 'baoshan-2024', '--format', 'json');
    expect(r.code).toBe(0);
    const al = JSON.parse(r.stdout);
    expect(Object.keys(al)).toEqual(['a', 'b', 'pairs', 'dropped', 'added', 'minProbability', 'expectedDropped', 'expectedAdded', 'likeliest', 'candidates', 'skippedDecisions']);
    expect(al.a).toEqual({ id: 'songjiang-2024', district: '松江区', year: 2024 });
    const seen = [...al.pairs.flatMap((p: { a: number[] }) => p.a), ...al.dropped].sort((x: number, y: number) => x - y);
    expect(seen).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    for (const p of al.pairs) {
      expect(p.score).toBeGreaterThan(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
  });

  it('diff --format json reports 不少于3次 → 不少于4次 between pudong-2022 and putuo-2023 as a stronger count', () => {
    const r = run('diff', 'pudong-2022', 'putuo-2023', '--format', 'json');
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout);
    const pair = diff.pairs.find((p: { changes: { quoteA: string; quoteB: string }[] }) =>
      p.changes.some((c) => c.quoteA?.includes('不少于3次') && c.quoteB?.includes('不少于4次')),
    );
    expect(pair).toBeDefined();
    const change = pair.changes.find((c: { kind: string }) => c.kind === 'count');
    expect(change).toMatchObject({ kind: 'count', direction: 'stronger', before: '≥3次/year', after: '≥4次/year' });
    expect(diff.tasks.a[String(pair.a[0])].text).toContain('列席区政府决策会议不少于3次');
    expect(diff.tasks.b[String(pair.b[0])].text).toContain('列席区政府常务会议不少于4次');
    expect(diff.summary.added).toBe(diff.added.length);
  });

  it('obligations --format csv starts with a BOM and has one row per obligation', () => {
    const json = JSON.parse(run('obligations', 'jiading-2023', '--format', 'json').stdout);
    const r = run('obligations', 'jiading-2023', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFseq,kind,comparator,value,valueMax,unit,period,subject,quote\r\n')).toBe(true);
    expect(r.stdout.trimEnd().split('\r\n')).toHaveLength(json.length + 1);
    expect(json.find((o: { kind: string }) => o.kind === 'amount')).toMatchObject({ comparator: '>=', value: 1000, unit: '万元' });
  });

  it('audit against a directive counts each directive task once, as the alignment covers it', () => {
    const r = run('audit', '--directive', 'songjiang-2024', 'baoshan-2024', '--format', 'json');
    expect(r.code).toBe(0);
    const conv = JSON.parse(r.stdout);
    const alignment = alignPlans(loadPlan('songjiang-2024'), loadPlan('baoshan-2024'));
    const covered = new Set(alignment.pairs.flatMap((p) => p.a.map((t) => t.seq)));
    const plan = conv.plans[0];
    expect(plan.counts.adopted + plan.counts.adapted).toBe(covered.size);
    expect(plan.counts.missing).toBe(51 - covered.size);
    expect(plan.coverage).toBe(Math.round((covered.size / 51) * 10000) / 10000);
  });

  it('audit without --directive is a usage error', () => {
    const r = run('audit', 'putuo-2023');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing --directive');
  });

  it('trace follows a task across the corpus in year order', () => {
    const r = run('trace', 'pudong-2022', '34', '--format', 'json');
    expect(r.code).toBe(0);
    const trace = JSON.parse(r.stdout);
    expect(trace.steps).toHaveLength(5);
    const years = trace.steps.map((s: { plan: { year: number } }) => s.plan.year);
    expect(years).toEqual([...years].sort());
    expect(trace.steps[0].tasks[0]).toMatchObject({ seq: 34 });
    const r2 = run('trace', 'pudong-2022', '999');
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('pudong-2022 has no task 999 (its tasks are numbered 1–78)');
  });
});
