/**
 * The review loop on the command line: `plandiff review` prints the queue, a decisions file answering a
 * question removes it from the queue and pairs the link in `align`; bad option values and bad decisions
 * files are refused with the file and line and no stack trace.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';

const cacheDir = mkdtempSync(join(tmpdir(), 'plandiff-cli-review-cache-'));
const dir = mkdtempSync(join(tmpdir(), 'plandiff-cli-review-'));

function run(...args: string[]) {
  return runCli(args, { cacheDir });
}

interface Question {
  a: number;
  b: number;
  aHash: string;
  bHash: string;
}

describe('plandiff review', () => {
  it('prints the queue; an answered question is not asked again and its link is paired', () => {
    const first = run('review', 'songjiang-2024', 'baoshan-2024', '--limit', '3', '--format', 'json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const queue = JSON.parse(first.stdout) as { a: string; b: string; queue: Question[] };
    expect(queue.a).toBe('songjiang-2024');
    expect(queue.queue).toHaveLength(3);
    const q = queue.queue[0]!;
    // answered in a file written for the pair the other way round
    const file = join(dir, 'decisions.json');
    writeFileSync(file, JSON.stringify({ a: 'baoshan-2024', b: 'songjiang-2024', decisions: [{ a: q.b, b: q.a, same: true, aHash: q.bHash, bHash: q.aHash }] }));
    const again = JSON.parse(run('review', 'songjiang-2024', 'baoshan-2024', '--limit', '3', '--format', 'json', '--decisions', file).stdout) as { queue: Question[] };
    expect(again.queue.some((x) => x.a === q.a && x.b === q.b)).toBe(false);
    const align = run('align', 'songjiang-2024', 'baoshan-2024', '--decisions', file);
    expect(align.code).toBe(0);
    const pairs = JSON.parse(align.stdout).pairs as { a: number[]; b: number[]; links: { a: number; b: number; decided?: string }[] }[];
    expect(pairs.some((p) => p.links.some((l) => l.a === q.a && l.b === q.b && l.decided === 'same'))).toBe(true);
  });

  it('refuses a --min-probability outside 0–1 (exit 2) and a broken decisions file by file and line (exit 1)', () => {
    const bad = run('diff', 'songjiang-2024', 'baoshan-2024', '--min-probability', '1.2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('plandiff: --min-probability must be a number from 0 to 1, not "1.2"\n');
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "a": "songjiang-2024",\n  "b": "baoshan-2024",\n  "decisions": [\n    {"a": 1, "b": 2, "same": true,}\n  ]\n}\n');
    const broken = run('review', 'songjiang-2024', 'baoshan-2024', '--decisions', file);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(new RegExp(`^plandiff: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5: not valid JSON`));
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });

  it('says on stderr which answers were skipped, and does not carry a skipped one into the sheet', () => {
    const first = JSON.parse(run('review', 'songjiang-2024', 'baoshan-2024', '--limit', '2', '--format', 'json').stdout) as { queue: Question[] };
    const [q1, q2] = first.queue as [Question, Question];
    const file = join(dir, 'stale.json');
    const decisions = [
      { a: q1.a, b: q1.b, same: true, aHash: q1.aHash, bHash: q1.bHash },
      // answered when the text of plan a's task was another
      { a: q2.a, b: q2.b, same: false, aHash: '0000000000000000', bHash: q2.bHash },
    ];
    writeFileSync(file, JSON.stringify({ a: 'songjiang-2024', b: 'baoshan-2024', decisions }));
    const md = run('review', 'songjiang-2024', 'baoshan-2024', '--limit', '2', '--decisions', file);
    expect(md.code).toBe(0);
    expect(md.stderr).toBe(`plandiff: note: decision a#${q2.a} ↔ b#${q2.b} skipped: the text of a#${q2.a} changed since it was decided\n`);
    expect(md.stdout).toContain('另有 1 条已有决定');
    const diff = run('diff', 'songjiang-2024', 'baoshan-2024', '--format', 'json', '--decisions', file);
    expect(diff.stderr).toBe(md.stderr);
  });
});
