import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors';
import { writeOutput } from '../src/io/write';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'plandiff-write-'));
}

describe('writeOutput', () => {
  it('writes a new file and leaves no temp file behind', () => {
    const dir = tempDir();
    const out = join(dir, 'report.md');
    writeOutput(out, '# 报告\n');
    expect(readFileSync(out, 'utf8')).toBe('# 报告\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('refuses to replace an existing file without force, and keeps it intact', () => {
    const dir = tempDir();
    const out = join(dir, 'report.md');
    writeFileSync(out, 'old');
    expect(() => writeOutput(out, 'new')).toThrow(UsageError);
    expect(() => writeOutput(out, 'new')).toThrow(`${out} already exists; pass --force to replace it`);
    expect(readFileSync(out, 'utf8')).toBe('old');
    writeOutput(out, 'new', { force: true });
    expect(readFileSync(out, 'utf8')).toBe('new');
  });

  it('never writes over an input file, even with force', () => {
    const dir = tempDir();
    const input = join(dir, 'plan.txt');
    writeFileSync(input, '原文');
    expect(() => writeOutput(join(dir, '.', 'plan.txt'), 'x', { force: true, inputs: [input] })).toThrow(
      `refusing to write the output over the input file`,
    );
    expect(readFileSync(input, 'utf8')).toBe('原文');
  });
});
