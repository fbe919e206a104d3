/**
 * Accuracy of `extractObligations` on the development labels (dev-labels/obligations-dev.json:
 * putuo-2023 and jiading-2023). Run: `npx tsx scripts/eval-obligations.ts`.
 *
 * Scoring, as dev-labels/README.md says: an extracted obligation is right when its task (序号), kind,
 * comparator, value, value_max and unit agree with a labelled one (a multiset match per task). Kind
 * `reported` is kept apart and not scored as an obligation. The labels' negatives and reported_targets
 * must not be extracted as obligations: an obligation whose quote overlaps one of them in the same task
 * counts against it.
 *
 * Conventions mapped here: the labels write dates as `MM-DD` strings (value "03-31", unit "MM-DD");
 * plandiff's Obligation holds month*100+day (331) with unit `MM-DD`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadPlan } from '../src/corpus';
import { extractObligations } from '../src/obligations/extract';
import type { Obligation, Plan } from '../src/types';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LABELS = join(ROOT, 'dev-labels', 'obligations-dev.json');

interface GoldObligation {
  doc: string;
  n: number;
  quote: string;
  kind: string;
  comparator: string;
  value: number | string;
  value_max: number | string | null;
  unit: string;
  period: string | null;
  subject: string;
}

interface GoldNegative {
  doc: string;
  n: number;
  quote: string;
  why?: string;
}

/** One scored item, as printed in the misses and false positives. */
export interface ScoredItem {
  /** Plan id */
  doc: string;
  /** Task 序号 */
  n: number;
  /** kind comparator value[–max] unit */
  key: string;
  /** The quote (gold or extracted) */
  quote: string;
}

/** The figures of one run. */
export interface ObligationEval {
  /** Right / extracted */
  precision: number;
  /** Right / labelled */
  recall: number;
  /** Right */
  truePositives: number;
  /** Extracted (kind reported excluded) */
  predicted: number;
  /** Labelled */
  gold: number;
  /** Labelled obligations not extracted */
  misses: ScoredItem[];
  /** Extracted obligations not labelled */
  falsePositives: ScoredItem[];
  /** Labelled negatives extracted as obligations (should be 0) */
  negativesExtracted: ScoredItem[];
  /** Number of labelled negatives */
  negativesTotal: number;
  /** Labelled reported targets extracted as obligations (should be 0) */
  reportedExtracted: ScoredItem[];
  /** Number of labelled reported targets */
  reportedTotal: number;
  /** Obligations of kind reported found in the evaluated plans */
  reportedFound: number;
  /** Plans evaluated and their task counts */
  plans: { id: string; tasks: number }[];
}

/** Gold value in plandiff's convention: `03-31` → 331. */
function goldValue(v: number | string | null): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(v);
  if (m) return Number(m[1]) * 100 + Number(m[2]);
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

const keyOf = (kind: string, comparator: string, value: number | null, valueMax: number | null, unit: string): string =>
  `${kind} ${comparator} ${value}${valueMax !== null ? `–${valueMax}` : ''} ${unit}`;

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** Whether an extracted obligation's quote overlaps a labelled quote (spaces ignored). */
function overlaps(o: Obligation, taskText: string, quote: string): boolean {
  const q = squeeze(quote);
  const compact = squeeze(taskText);
  const at = compact.indexOf(q);
  if (at < 0) return squeeze(o.quote).includes(q) || q.includes(squeeze(o.quote));
  // map the obligation span into the compacted text
  const before = squeeze(taskText.slice(0, o.span.start)).length;
  const len = squeeze(o.quote).length;
  return before < at + q.length && at < before + len;
}

/**
 * Scores `extractObligations` against dev-labels/obligations-dev.json. Plans default to the labelled
 * ones loaded from the bundled corpus; pass `plans` to score already parsed plans.
 */
export function evalObligations(options: { plans?: Plan[]; labelsPath?: string } = {}): ObligationEval {
  const labels = JSON.parse(readFileSync(options.labelsPath ?? LABELS, 'utf8')) as {
    obligations: GoldObligation[];
    negatives: GoldNegative[];
    reported_targets: GoldNegative[];
  };
  const docs = [...new Set(labels.obligations.map((o) => o.doc))];
  const plans = options.plans ?? docs.map((id) => loadPlan(id));
  const byId = new Map(plans.map((p) => [p.meta.id, p]));

  const gold = labels.obligations.map((g) => ({
    doc: g.doc,
    n: g.n,
    key: keyOf(g.kind, g.comparator, goldValue(g.value), goldValue(g.value_max), g.unit),
    quote: g.quote,
  }));
  const predicted: (ScoredItem & { o: Obligation; text: string })[] = [];
  let reportedFound = 0;
  for (const doc of docs) {
    const plan = byId.get(doc);
    if (!plan) continue;
    for (const task of plan.tasks) {
      for (const o of extractObligations(task)) {
        if (o.kind === 'reported') {
          reportedFound++;
          continue;
        }
        predicted.push({
          doc,
          n: task.seq,
          key: keyOf(o.kind, o.comparator, o.value, o.valueMax, o.unit),
          quote: o.quote,
          o,
          text: task.text,
        });
      }
    }
  }

  // multiset match per (doc, n, key)
  const pool = new Map<string, number>();
  const id = (x: { doc: string; n: number; key: string }) => `${x.doc}#${x.n}#${x.key}`;
  for (const p of predicted) pool.set(id(p), (pool.get(id(p)) ?? 0) + 1);
  const misses: ScoredItem[] = [];
  let tp = 0;
  for (const g of gold) {
    const left = pool.get(id(g)) ?? 0;
    if (left > 0) {
      pool.set(id(g), left - 1);
      tp++;
    } else misses.push(g);
  }
  const falsePositives: ScoredItem[] = [];
  for (const p of predicted) {
    const left = pool.get(id(p)) ?? 0;
    if (left > 0) {
      pool.set(id(p), left - 1);
      falsePositives.push({ doc: p.doc, n: p.n, key: p.key, quote: p.quote });
    }
  }

  const hits = (list: GoldNegative[]): ScoredItem[] =>
    list.flatMap((neg) =>
      predicted
        .filter((p) => p.doc === neg.doc && p.n === neg.n && overlaps(p.o, p.text, neg.quote))
        .map((p) => ({ doc: p.doc, n: p.n, key: p.key, quote: `${p.quote} (label: ${neg.quote})` })),
    );

  return {
    precision: predicted.length ? tp / predicted.length : 1,
    recall: gold.length ? tp / gold.length : 1,
    truePositives: tp,
    predicted: predicted.length,
    gold: gold.length,
    misses,
    falsePositives,
    negativesExtracted: hits(labels.negatives),
    negativesTotal: labels.negatives.length,
    reportedExtracted: hits(labels.reported_targets ?? []),
    reportedTotal: (labels.reported_targets ?? []).length,
    reportedFound,
    plans: docs.map((d) => ({ id: d, tasks: byId.get(d)?.tasks.length ?? 0 })),
  };
}

/** Prints the figures of `evalObligations`. */
export function printObligationEval(e: ObligationEval): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log('Obligations (dev-labels/obligations-dev.json)');
  console.log(`  plans: ${e.plans.map((p) => `${p.id} (${p.tasks} tasks)`).join(', ')}`);
  console.log(`  precision ${pct(e.precision)} (${e.truePositives}/${e.predicted})  recall ${pct(e.recall)} (${e.truePositives}/${e.gold})`);
  console.log(`  negatives extracted as obligations: ${e.negativesExtracted.length} of ${e.negativesTotal}`);
  console.log(`  reported targets extracted as obligations: ${e.reportedExtracted.length} of ${e.reportedTotal}`);
  console.log(`  obligations of kind reported found: ${e.reportedFound}`);
  const list = (title: string, items: ScoredItem[]) => {
    console.log(`  ${title}: ${items.length}`);
    for (const x of items) console.log(`    ${x.doc} #${x.n}  ${x.key}  「${x.quote}」`);
  };
  list('misses', e.misses);
  list('false positives', e.falsePositives);
  if (e.negativesExtracted.length) list('negatives extracted', e.negativesExtracted);
  if (e.reportedExtracted.length) list('reported targets extracted', e.reportedExtracted);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printObligationEval(evalObligations());
}
