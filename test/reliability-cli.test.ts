/**
 * Output paths through the CLI: outputs are written atomically, an existing file is replaced only with
 * --force, and never is an input file overwritten, whatever path names it. The command line runs in
 * this process.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './helpers/cli';

const ROOT = join(__dirname, '..');
const BAOSHAN = join(ROOT, 'seeds', '003_d488483787f5af7e.txt');

function run(args: string[], cacheDir: string): CliRun {
  return runCli(args, { cacheDir });
}

const dir = mkdtempSync(join(tmpdir(), 'plandiff-paths-'));
const OLD = 'an earlier report the user wants to keep\n';
const existing = join(dir, 'existing.md');
const forced = join(dir, 'forced.md');
const fresh = join(dir, 'fresh.json');
const seedCopy = join(dir, 'baoshan.txt');
const seedBytes = readFileSync(BAOSHAN);
const link = join(dir, 'link-to-input.txt');

const runs: Record<string, CliRun> = {};

beforeAll(() => {
  writeFileSync(existing, OLD);
  writeFileSync(forced, OLD);
  copyFileSync(BAOSHAN, seedCopy);
  symlinkSync(seedCopy, link);
  const cache = (name: string): string => mkdtempSync(join(tmpdir(), `plandiff-paths-cache-${name}-`));
  const jobs: Record<string, string[]> = {
    existing: ['diff', 'putuo-2023', 'songjiang-2024', '-o', existing],
    forced: ['diff', 'putuo-2023', 'songjiang-2024', '-o', forced, '--force'],
    fresh: ['parse', seedCopy, '-o', fresh],
    overInput: ['parse', seedCopy, '-o', seedCopy, '--force'],
    overInputRelative: ['parse', seedCopy, '-o', join(dir, '..', relative(join(dir, '..'), dir), '.', 'baoshan.txt'), '--force'],
    overInputLink: ['parse', seedCopy, '-o', link, '--force'],
    overBundledSeed: ['parse', 'baoshan-2024', '-o', 'seeds/003_d488483787f5af7e.txt', '--force'],
    missingFolder: ['parse', 'baoshan-2024', '-o', join(dir, 'no-such-folder', 'plan.json')],
    ontoFolder: ['parse', 'baoshan-2024', '-o', dir, '--force'],
  };
  const names = Object.keys(jobs);
  for (const name of names) runs[name] = run(jobs[name]!, cache(name));
}, 120_000);

describe('plandiff -o: never loses or alters a file', () => {
  it('an existing output is kept, with a message saying how to replace it', () => {
    const r = runs.existing!;
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`plandiff: ${existing} already exists; pass --force to replace it\n`);
    expect(readFileSync(existing, 'utf8')).toBe(OLD);
  });

  it('with --force the existing output is replaced by the report', () => {
    const r = runs.forced!;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const report = readFileSync(forced, 'utf8');
    expect(report.startsWith('# 政务公开工作要点对比：普陀区 2023 (putuo-2023) → 松江区 2024 (songjiang-2024)\n')).toBe(true);
  });

  it('a new output is written whole, and no temporary file is left beside it', () => {
    const r = runs.fresh!;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(readFileSync(fresh, 'utf8'));
    expect(plan.tasks).toHaveLength(32);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.startsWith('.'))).toEqual([]);
  });

  it('the input file is never the output, even with --force, under any spelling of its path', () => {
    for (const [name, path] of [
      ['overInput', seedCopy],
      ['overInputRelative', join(dir, '..', relative(join(dir, '..'), dir), '.', 'baoshan.txt')],
      ['overInputLink', link],
      ['overBundledSeed', 'seeds/003_d488483787f5af7e.txt'],
    ] as const) {
      const r = runs[name]!;
      expect(r.code, name).toBe(2);
      expect(r.stdout, name).toBe('');
      expect(r.stderr, name).toBe(`plandiff: refusing to write the output over the input file ${path}\n`);
    }
    expect(readFileSync(seedCopy).equals(seedBytes)).toBe(true);
    expect(readFileSync(BAOSHAN).equals(seedBytes)).toBe(true);
  });

  it('an output path that cannot be written is a usage error naming it, with no stack trace and nothing written', () => {
    expect(runs.missingFolder!.code).toBe(2);
    expect(runs.missingFolder!.stderr).toBe(
      `plandiff: cannot write ${join(dir, 'no-such-folder', 'plan.json')}: the folder ${join(dir, 'no-such-folder')} does not exist\n`,
    );
    expect(runs.ontoFolder!.code).toBe(2);
    expect(runs.ontoFolder!.stderr).toBe(`plandiff: ${dir} is a folder; give the name of a file to write\n`);
    expect(readdirSync(dir).sort()).toEqual(['baoshan.txt', 'existing.md', 'forced.md', 'fresh.json', 'link-to-input.txt']);
  });
});
