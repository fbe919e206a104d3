/**
 * The convergence audit: how closely each plan follows a directive (the city's plan of the year, or any plan
 * chosen as reference), task by task, and how that moves across a district's years.
 */
import { planRef } from '../align/align';
import { round4 } from '../align/util';
import { isPreparedPlan, type PreparedPlan } from '../align/prepare';
import { diffPlans, type DiffOptions } from '../diff/diff';
import { orientDecisions } from '../io/decisions';
import type {
  AdoptionCell,
  AdoptionStatus,
  Convergence,
  ConvergenceTrend,
  DecisionsFile,
  DiffPair,
  Plan,
  PlanConvergence,
  PlanDiff,
} from '../types';

/** A pair counts as adopted (near-verbatim) when its texts agree at least this much (bigram Dice or edit). */
export const ADOPTED_SIMILARITY = 0.85;

/** Options of `auditConvergence`. */
export interface AuditOptions extends Omit<DiffOptions, 'decisions'> {
  /** A reader's decisions, one file per pair of directive and plan: each applies to the pair it names (in
   * either order); pairs without a file are aligned by the model alone */
  decisionFiles?: DecisionsFile[];
  /** Near-verbatim threshold (default ADOPTED_SIMILARITY) */
  adoptedSimilarity?: number;
  /** Plans that could not be loaded by the caller, listed in the result as skipped */
  skipped?: { ref: string; reason: string }[];
  /** Called after each plan is audited (for a progress display) */
  onPlan?: (done: number, total: number) => void;
}

/** The plan itself, prepared or not. */
export function planOf(plan: Plan | PreparedPlan): Plan {
  return isPreparedPlan(plan) ? plan.plan : plan;
}


function adoptionOf(pair: DiffPair, threshold: number): AdoptionStatus {
  if (pair.status === 'unchanged') return 'adopted';
  const nearVerbatim = Math.max(pair.evidence.bigram, pair.evidence.edit) >= threshold;
  return nearVerbatim && pair.changes.every((c) => c.direction === 'neutral') ? 'adopted' : 'adapted';
}

/** One plan's convergence, computed from the diff of the directive (a) against the plan (b). */
export function convergenceOf(directive: Plan, diff: PlanDiff, plan: Plan, threshold = ADOPTED_SIMILARITY): PlanConvergence {
  const bySeq = new Map<number, AdoptionCell>();
  for (const pair of diff.pairs) {
    const status = adoptionOf(pair, threshold);
    for (const t of pair.a) {
      bySeq.set(t.seq, {
        directiveSeq: t.seq,
        status,
        planSeqs: pair.b.map((x) => x.seq),
        score: pair.score,
        pairStatus: pair.status,
        changes: pair.changes.filter((c) => c.direction !== 'neutral'),
      });
    }
  }
  const cells = directive.tasks.map(
    (t) =>
      bySeq.get(t.seq) ?? { directiveSeq: t.seq, status: 'missing' as const, planSeqs: [], score: 0, pairStatus: null, changes: [] },
  );
  const counts: Record<AdoptionStatus, number> = { adopted: 0, adapted: 0, missing: 0 };
  let weight = 0;
  for (const c of cells) {
    counts[c.status]++;
    weight += c.status === 'adopted' ? 1 : c.status === 'adapted' ? c.score : 0;
  }
  const n = cells.length || 1;
  const changes = cells.flatMap((c) => c.changes);
  return {
    plan: planRef(plan),
    cells,
    counts,
    coverage: round4((counts.adopted + counts.adapted) / n),
    score: round4(weight / n),
    beyond: diff.added.map((t) => t.seq),
    stricter: changes.filter((c) => c.direction === 'stronger').length,
    looser: changes.filter((c) => c.direction === 'weaker').length,
  };
}

/** Trends for districts that appear with two or more years. */
export function trendsOf(plans: PlanConvergence[]): ConvergenceTrend[] {
  const byDistrict = new Map<string, PlanConvergence[]>();
  for (const p of plans) {
    if (!p.plan.district || p.plan.year == null) continue;
    const list = byDistrict.get(p.plan.district) ?? [];
    list.push(p);
    byDistrict.set(p.plan.district, list);
  }
  const trends: ConvergenceTrend[] = [];
  for (const [district, list] of [...byDistrict].sort(([x], [y]) => x.localeCompare(y))) {
    if (list.length < 2) continue;
    const points = list
      .map((p) => ({ year: p.plan.year!, planId: p.plan.id, coverage: p.coverage, score: p.score }))
      .sort((x, y) => x.year - y.year || x.planId.localeCompare(y.planId));
    trends.push({ district, points });
  }
  return trends;
}

/**
 * Audits each plan against the directive. A plan identical to the directive (same id) is audited too.
 * Plans may come prepared (`preparePlan`, or a plan cache), so that the directive is tokenized once.
 */
export function auditConvergence(directiveIn: Plan | PreparedPlan, plans: (Plan | PreparedPlan)[], options: AuditOptions = {}): Convergence {
  const threshold = options.adoptedSimilarity ?? ADOPTED_SIMILARITY;
  const { skipped = [], adoptedSimilarity, alignment, onPlan, decisionFiles = [], ...diffOptions } = options;
  const directive = planOf(directiveIn);
  const results = plans.map((planIn, i) => {
    const plan = planOf(planIn);
    const decisions = decisionFiles.flatMap((f) => orientDecisions(f, directive.meta.id, plan.meta.id) ?? []);
    const diff = diffPlans(directiveIn, planIn, decisions.length ? { ...diffOptions, decisions } : diffOptions);
    const result = convergenceOf(directive, diff, plan, threshold);
    onPlan?.(i + 1, plans.length);
    return result;
  });
  return {
    directive: planRef(directive),
    directiveTasks: directive.tasks.map((t) => ({ seq: t.seq, text: t.text })),
    plans: results,
    trends: trendsOf(results),
    skipped,
  };
}
