/**
 * JSON report: the whole diff, keys sorted at every level so that the same diff always prints the same bytes
 * (whatever order the objects were built in), 2-space indent, trailing newline.
 */
import type { PlanDiff } from '../types';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Renders the diff as stable, indented JSON. */
export function renderJson(diff: PlanDiff): string {
  return `${JSON.stringify(sortKeys(diff), null, 2)}\n`;
}
