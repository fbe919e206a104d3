import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
