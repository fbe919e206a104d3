/**
 * Reliability cases found by the fuzzing and malformed-input work: restarted and out-of-sequence numbering,
 * very large tables, unreadable files and manifest entries in a batch, and output paths the CLI must refuse.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/parse/plan';
import { runCli } from './helpers/cli';

describe('the output is never an input the command read', () => {
  const run = (...args: string[]) => runCli(args, { cacheDir: mkdtempSync(join(tmpdir(), 'plandiff-pending-cache-')) });

  it('-o naming the corpus manifest the command read, with --force, is refused and the manifest kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-pending-'));
    writeFileSync(join(dir, 'b.txt'), readFileSync('seeds/003_d488483787f5af7e.txt'));
    const manifest = JSON.stringify({ plans: [{ id: 'b', district: '宝山区', year: 2024, file: 'b.txt' }] });
    writeFileSync(join(dir, 'manifest.json'), manifest);
    const r = run('parse', 'b', '--corpus', dir, '-o', join(dir, 'manifest.json'), '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plandiff: refusing to write the output over the input file ${join(dir, 'manifest.json')}\n`);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(manifest);
  });
});

describe('numbered body items with a number out of sequence', () => {
  const plan = (numbers: string[]) =>
    parsePlan(['2024年某区政务公开工作要点', '一、重点任务', ...numbers.map((n, k) => `${n}做好第${k + 1}项工作。（责任单位：区府办）`)].join('\n'), {
      file: 'items.txt',
    });

  it('a mistyped item number (1. 2. 9. 4. 5.) keeps five tasks, with messages', () => {
    const p = plan(['1.', '2.', '9.', '4.', '5.']);
    expect(p.tasks.map((t) => t.text)).toEqual(['做好第1项工作。', '做好第2项工作。', '做好第3项工作。', '做好第4项工作。', '做好第5项工作。']);
    expect(p.tasks.map((t) => t.source.lineStart)).toEqual([3, 4, 5, 6, 7]);
    expect(p.messages.map((m) => m.ruleId)).toEqual(['numbering/gap', 'numbering/out-of-order', 'numbering/renumbered']);
  });

  it('a missing item (1. 2. 4. 5.) keeps four tasks, with a gap message', () => {
    const p = plan(['1.', '2.', '4.', '5.']);
    expect(p.tasks.map((t) => t.text)).toEqual(['做好第1项工作。', '做好第2项工作。', '做好第3项工作。', '做好第4项工作。']);
    expect(p.messages.map((m) => [m.ruleId, m.place?.lineStart ?? null])).toEqual([
      ['numbering/gap', 5],
      ['numbering/renumbered', null],
    ]);
  });

  it('a repeated item number (1. 2. 3. 3. 5.) keeps five tasks, with messages', () => {
    const p = plan(['1.', '2.', '3.', '3.', '5.']);
    expect(p.tasks).toHaveLength(5);
    expect(p.messages.map((m) => m.ruleId)).toContain('numbering/repeated');
  });

  it('baoshan-2024 with item 10 printed as 15 still has 32 tasks', () => {
    const lines = readFileSync('seeds/003_d488483787f5af7e.txt', 'utf8').split('\n');
    const k = lines.findIndex((l) => /^10\.\s*/.test(l));
    lines[k] = lines[k]!.replace(/^10\./, '15.');
    const p = parsePlan(lines.join('\n'), { file: 'baoshan.txt' });
    expect(p.tasks).toHaveLength(32);
    expect(p.messages.some((m) => m.ruleId === 'numbering/gap')).toBe(true);
  });
});

describe('a table whose row numbers start again at 1 (two tables, or two plans, in one file)', () => {
  /** The seed with its rows 1…N−1 printed a second time, numbered 1…N−1 again, before row N. */
  function restarted(file: string, rowNumber: RegExp): { text: string; rows: number } {
    const lines = readFileSync(file, 'utf8').split('\n');
    const header = lines.findIndex((l) => /^\s*序号/.test(l));
    const first = lines.findIndex((l, k) => k > header && rowNumber.exec(l)?.[1] === '1');
    let last = lines.length - 1;
    while (!rowNumber.test(lines[last]!)) last--;
    // Rows 1…N−1 twice, then row N: 2N−1 rows, N being the seed's task count.
    const rows = 2 * parsePlan(lines.join('\n')).tasks.length - 1;
    return { text: [...lines.slice(0, last), ...lines.slice(first, last), ...lines.slice(last)].join('\n'), rows };
  }

  for (const [name, file, rowNumber] of [
    ['one cell per line (jiading-2023)', 'seeds/004_779adca716a16d2b.txt', /^\t(\d+)$/],
    ['cells spread over lines (putuo-2023)', 'seeds/000_921286529f1403d5.txt', /^(\d+)$/],
  ] as const) {
    it(`${name}: every printed row is a task, with numbering messages`, () => {
      const { text, rows } = restarted(file, rowNumber);
      const plan = parsePlan(text, { file: 'twice.txt' });
      expect(plan.tasks).toHaveLength(rows);
      expect(plan.messages.some((m) => m.ruleId === 'numbering/repeated')).toBe(true);
      expect(Math.max(...plan.tasks.map((t) => t.text.length))).toBeLessThan(600);
    });
  }
});
