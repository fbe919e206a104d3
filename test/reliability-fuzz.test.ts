/**
 * A short run of the fuzzer (scripts/fuzz.ts) in the normal test suite: cases are reproducible from
 * their seed, and none of them fails with anything but PlanParseError. `npm run fuzz` runs many more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzz, makeCase } from '../scripts/fuzz';

const seeds = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join('seeds', f), 'utf8') }));

describe('fuzz', () => {
  it('builds the same case from the same seed and number, and different cases otherwise', () => {
    const a = makeCase(42, 7, seeds);
    const b = makeCase(42, 7, seeds);
    expect(b.mutations).toEqual(a.mutations);
    expect(b.bytes.equals(a.bytes)).toBe(true);
    expect(a.mutations[0]).toMatch(/^seed \d{3}_[0-9a-f]+\.txt$/);
    expect(a.mutations.some((m) => m.startsWith('encoded '))).toBe(true);
    const others = [makeCase(42, 8, seeds), makeCase(43, 7, seeds)];
    for (const c of others) expect(c.bytes.equals(a.bytes)).toBe(false);
  });

  it('40 cases: every one gives a Plan or a PlanParseError naming the file', () => {
    const report = fuzz({ seed: 20240601, runs: 40, maxMs: 15_000 });
    expect(report.failures).toEqual([]);
    expect(report.runs).toBe(40);
    const refused = Object.values(report.refused).reduce((s, n) => s + n, 0);
    expect(report.parsed + refused).toBe(40);
    expect(report.parsed).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 60_000);
});
