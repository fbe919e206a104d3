/**
 * JSON report: the stable, seq-based form of `diffToJson` (pairs as seq lists with rounded scores, a
 * `summary` of counts, a `tasks` map with each seq's text, units, time node, source and obligations),
 * 2-space indent, trailing newline — the same bytes `plandiff diff --format json` prints.
 */
import { diffToJson } from '../diff/json';
import type { PlanDiff } from '../types';

/** Renders the diff as `JSON.stringify(diffToJson(diff), null, 2)` plus a newline. */
export function renderJson(diff: PlanDiff): string {
  return `${JSON.stringify(diffToJson(diff), null, 2)}\n`;
}

/** Any plain value as the JSON every command prints: 2-space indent, trailing newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
