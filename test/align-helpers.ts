import type { Plan, Task } from '../src/types';

/** A plan built from task texts (seq = position + 1), for alignment tests. */
export function planOf(id: string, texts: readonly string[], names?: readonly (string | null)[]): Plan {
  return {
    meta: { id, district: null, year: 2024, title: null, issuer: null, docNumber: null, issueDate: null },
    file: `${id}.txt`,
    layout: 'table',
    headings: [],
    messages: [],
    tasks: texts.map(
      (text, k): Task => ({
        seq: k + 1,
        text,
        name: names?.[k] ?? null,
        section: [],
        units: { lead: [], support: [], raw: '' },
        timeNode: null,
        source: { file: `${id}.txt`, lineStart: k + 1, lineEnd: k + 1 },
      }),
    ),
  };
}
