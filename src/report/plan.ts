/** One parsed plan as JSON (the `Plan` object) or a Markdown outline (`plandiff parse`). */
import { renderPlanOutline } from './outline';
import type { Plan } from '../types';
import { jsonText } from './json';

/** Output formats of `renderPlan`. */
export type PlanFormat = 'json' | 'md';

/** Renders a plan: `json` is the `Plan` object, 2-space indent; `md` is its outline. */
export function renderPlan(plan: Plan, format: PlanFormat): string {
  return format === 'md' ? renderPlanOutline(plan) : jsonText(plan);
}
