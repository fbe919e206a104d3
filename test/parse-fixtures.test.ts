/**
 * Layouts seen in published plans, one folder per layout class under test/fixtures/layouts/: an input
 * (`input.txt`, `input.html` or `input.docx`, written for these tests) and `expected.json` with the tasks a
 * reader finds in it (text, name, units, time node, lines) and the plan's metadata. One loop runs them all;
 * add a class by adding a folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanText } from '../src/io/read';
import { parsePlan } from '../src/parse/plan';

interface ExpectedTask {
  text: string;
  name?: string | null;
  section?: string[];
  lead: string[];
  support: string[];
  time: string | null;
  lines: [number, number];
}

interface Expected {
  description: string;
  file?: string;
  layout: string;
  meta?: Record<string, string | number | null>;
  tasks: ExpectedTask[];
  /** Rule ids of messages the plan must carry */
  messages?: string[];
}

const ROOT = join(__dirname, 'fixtures', 'layouts');

describe('layouts of published plans (test/fixtures/layouts)', () => {
  for (const name of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
    it(`${name}: ${expected.description}`, () => {
      const file = expected.file ?? input;
      const plan = parsePlan(readPlanText(readFileSync(join(dir, input)), file), { file });
      expect(plan.layout).toBe(expected.layout);
      for (const [key, value] of Object.entries(expected.meta ?? {})) {
        expect(plan.meta[key as keyof typeof plan.meta], `meta.${key}`).toBe(value);
      }
      const got = plan.tasks.map((t) => ({
        text: t.text,
        ...(expected.tasks[0]?.name !== undefined ? { name: t.name } : {}),
        ...(expected.tasks[0]?.section !== undefined ? { section: t.section } : {}),
        lead: t.units.lead,
        support: t.units.support,
        time: t.timeNode?.raw ?? null,
        lines: [t.source.lineStart, t.source.lineEnd],
      }));
      expect(got).toEqual(expected.tasks);
      for (const t of plan.tasks) expect(t.source.file).toBe(file);
      for (const rule of expected.messages ?? []) expect(plan.messages.map((m) => m.ruleId)).toContain(rule);
    });
  }
});
