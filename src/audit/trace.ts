/** `traceTask`: one task followed across every plan of a corpus, in year order, with its obligations. */
import { alignPlans, type AlignPlansOptions } from '../align/align';
import { orientDecisions } from '../io/decisions';
import type { PreparedPlan } from '../align/prepare';
import { extractObligations } from '../obligations/extract';
import { planOf } from './audit';
import type { DecisionsFile, Plan, Task, Trace, TraceStep } from '../types';

/** Options of `traceTask`: those of `alignPlans`, with decisions given per pair of plans. */
export interface TraceOptions extends Omit<AlignPlansOptions, 'decisions'> {
  /** A reader's decisions, one file per pair of the origin plan and another: each applies to the pair it
   * names (in either order) */
  decisionFiles?: DecisionsFile[];
}

function refOf(plan: Plan) {
  return { id: plan.meta.id, district: plan.meta.district, year: plan.meta.year };
}

function view(task: Task) {
  return { seq: task.seq, text: task.text, obligations: extractObligations(task) };
}

/**
 * Follows task `seq` of `origin` through `plans` (the origin may be among them; it is listed once).
 * Each plan contributes the tasks aligned with it, or an empty list when it has none. Plans may come
 * prepared (`preparePlan`, or a plan cache), so that none is tokenized twice.
 */
export function traceTask(originIn: Plan | PreparedPlan, seq: number, plans: (Plan | PreparedPlan)[], options: TraceOptions = {}): Trace {
  const { decisionFiles = [], ...alignOptions } = options;
  const origin = planOf(originIn);
  const task = origin.tasks.find((t) => t.seq === seq);
  if (!task) throw new RangeError(`${origin.meta.id} has no task ${seq} (tasks 1–${origin.tasks.length})`);
  const steps: TraceStep[] = [{ plan: refOf(origin), tasks: [view(task)], score: 1 }];
  for (const other of plans) {
    const plan = planOf(other);
    if (plan === origin || plan.meta.id === origin.meta.id) continue;
    const decisions = decisionFiles.flatMap((f) => orientDecisions(f, origin.meta.id, plan.meta.id) ?? []);
    const alignment = alignPlans(originIn, other, decisions.length ? { ...alignOptions, decisions } : alignOptions);
    const pair = alignment.pairs.find((p) => p.a.some((t) => t.seq === seq));
    steps.push({ plan: refOf(plan), tasks: pair ? pair.b.map(view) : [], score: pair ? pair.score : 0 });
  }
  steps.sort((x, y) => (x.plan.year ?? 0) - (y.plan.year ?? 0) || x.plan.id.localeCompare(y.plan.id));
  return { origin: refOf(origin), seq, steps };
}
