import { describe, expect, it } from 'vitest';
import { evalObligations } from '../scripts/eval-obligations';
import { loadPlan } from '../src/corpus';
import { extractObligations } from '../src/obligations/extract';
import { taskModality } from '../src/modality/modality';

describe('obligations on the development labels (putuo-2023, jiading-2023)', () => {
  it('reaches precision and recall ≥ 0.95 and extracts no labelled negative', () => {
    const e = evalObligations();
    expect(e.plans.every((p) => p.tasks > 0)).toBe(true);
    expect(e.precision).toBeGreaterThanOrEqual(0.95);
    expect(e.recall).toBeGreaterThanOrEqual(0.95);
    expect(e.negativesExtracted).toEqual([]);
    expect(e.reportedExtracted).toEqual([]);
  });
});

describe('obligations and modality on every seed plan', () => {
  for (const id of ['putuo-2023', 'pudong-2022', 'songjiang-2024', 'baoshan-2024', 'jiading-2023']) {
    it(`${id}: spans quote the task text, values are finite, modality has a level`, () => {
      const plan = loadPlan(id);
      for (const task of plan.tasks) {
        for (const o of extractObligations(task)) {
          expect(task.text.slice(o.span.start, o.span.end)).toBe(o.quote);
          expect(Number.isFinite(o.value)).toBe(true);
          expect(o.subject.length).toBeLessThanOrEqual(16);
        }
        expect(['explore', 'advance', 'must', 'mandatory']).toContain(taskModality(task.text).level);
      }
    });
  }

  it('pudong-2022 task 51 reports on its parking targets and commits to none', () => {
    const task = loadPlan('pudong-2022').tasks.find((t) => t.text.includes('6000个公共泊位'));
    expect(task).toBeDefined();
    expect(extractObligations(task!).map((o) => [o.kind, o.value])).toEqual([
      ['reported', 50],
      ['reported', 6000],
      ['reported', 100],
    ]);
  });
});
