import { describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../src/io/progress';

function fakeStream(isTTY: boolean | undefined, columns?: number) {
  const chunks: string[] = [];
  return {
    chunks,
    stream: { isTTY, columns, write: (chunk: string) => chunks.push(chunk) },
  };
}

describe('progressLine', () => {
  it('draws a bar proportional to the share done, with counts and percent', () => {
    expect(progressLine(0, 4, 'parsing', 80)).toBe(`parsing [${'-'.repeat(30)}] 0/4   0%`);
    expect(progressLine(1, 4, 'parsing', 80)).toBe(`parsing [${'#'.repeat(7)}${'-'.repeat(23)}] 1/4  25%`);
    expect(progressLine(4, 4, 'parsing', 80)).toBe(`parsing [${'#'.repeat(30)}] 4/4 100%`);
  });

  it('clamps counts beyond the total and treats a total of 0 as done', () => {
    expect(progressLine(9, 4, 'x', 80)).toBe(`x [${'#'.repeat(30)}] 4/4 100%`);
    expect(progressLine(0, 0, 'x', 80)).toBe(`x [${'#'.repeat(30)}] 0/0 100%`);
  });

  it('fits a narrow terminal: a shorter bar, or no bar at all', () => {
    const line = progressLine(2, 4, 'parsing', 40);
    expect(line.length).toBeLessThan(40);
    expect(line).toBe(`parsing [${'#'.repeat(10)}${'-'.repeat(10)}] 2/4  50%`); // 40 - 1 - 7 - 8 - 4 = 20 cells
    expect(progressLine(2, 4, 'parsing', 25)).toBe('parsing 2/4  50%');
  });
});

describe('createProgress', () => {
  it('writes nothing at all when the stream is not a terminal', () => {
    for (const isTTY of [false, undefined]) {
      const { chunks, stream } = fakeStream(isTTY);
      const progress = createProgress(10, 'parsing', stream);
      for (let i = 0; i < 10; i++) progress.tick();
      progress.update(3);
      progress.finish();
      expect(chunks).toEqual([]);
    }
  });

  it('draws on a terminal: carriage return, line, clear to end; a newline when finished', () => {
    const { chunks, stream } = fakeStream(true, 80);
    const progress = createProgress(4, 'parsing', stream);
    progress.tick();
    progress.tick();
    progress.finish();
    expect(chunks).toEqual([
      `\rparsing [${'#'.repeat(7)}${'-'.repeat(23)}] 1/4  25%\x1b[K`,
      `\rparsing [${'#'.repeat(15)}${'-'.repeat(15)}] 2/4  50%\x1b[K`,
      '\n',
    ]);
  });

  it('redraws at most once per percent, so many ticks stay cheap', () => {
    const { chunks, stream } = fakeStream(true, 80);
    const progress = createProgress(100_000, 'loading', stream);
    for (let i = 0; i < 100_000; i++) progress.tick();
    progress.finish();
    expect(chunks).toHaveLength(101 + 1); // 0% … 100%, then the newline
    expect(chunks[chunks.length - 2]).toBe(`\rloading [${'#'.repeat(30)}] 100000/100000 100%\x1b[K`);
    expect(chunks[chunks.length - 1]).toBe('\n');
  });

  it('shows the final count on finish even when the percent did not change, and ignores calls after it', () => {
    const { chunks, stream } = fakeStream(true, 80);
    const progress = createProgress(2000, 'p', stream);
    progress.update(1999);
    progress.finish();
    progress.tick();
    progress.finish();
    expect(chunks).toEqual([`\rp [${'#'.repeat(29)}-] 1999/2000  99%\x1b[K`, '\n']);
  });

  it('defaults to 80 columns when the terminal does not say', () => {
    const { chunks, stream } = fakeStream(true);
    const progress = createProgress(2, 'x', stream);
    progress.update(1);
    expect(chunks).toEqual([`\rx [${'#'.repeat(15)}${'-'.repeat(15)}] 1/2  50%\x1b[K`]);
  });
});
