/**
 * Pairing the quantitative obligations of two matched tasks and deciding which way each one moved.
 * Directions are semantic: a higher minimum count binds more, a shorter reply deadline binds more, an
 * earlier date binds more, a lower amount threshold covers more projects.
 */
import type { Change, ChangeKind, Direction, Obligation } from '../types';
import { formatObligation } from './format';

/** Periods per year, to compare 每月1次 with 每季度2次. */
const PER_YEAR: Record<string, number> = { year: 1, half: 2, quarter: 4, month: 12, week: 52, day: 365 };

/** Kinds that may be paired with each other. */
function family(kind: Obligation['kind']): string {
  if (kind === 'count' || kind === 'frequency') return 'count';
  if (kind === 'date' || kind === 'month') return 'date';
  return kind;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Dice overlap of character bigrams, 0–1. */
export function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return a === b ? 1 : 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** How alike two obligations are, as candidates for the same commitment (0–1); 0 when incomparable. */
export function obligationAffinity(a: Obligation, b: Obligation): number {
  if (family(a.kind) !== family(b.kind)) return 0;
  const subject = Math.max(dice(a.subject, b.subject), dice(a.quote, b.quote));
  const unit = a.unit === b.unit ? 0.2 : 0;
  return Math.min(1, subject + unit);
}

/** Pairs obligations of a with those of b greedily by affinity; returns pairs and the unpaired of each side. */
export function pairObligations(
  a: Obligation[],
  b: Obligation[],
): { pairs: [Obligation, Obligation][]; onlyA: Obligation[]; onlyB: Obligation[] } {
  const candidates: { i: number; j: number; score: number }[] = [];
  a.forEach((oa, i) =>
    b.forEach((ob, j) => {
      const score = obligationAffinity(oa, ob);
      if (score > 0) candidates.push({ i, j, score });
    }),
  );
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [Obligation, Obligation][] = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    const oa = a[c.i]!;
    const ob = b[c.j]!;
    // A weak subject match pairs only when each is the sole obligation of its family on its side.
    const sole =
      a.filter((o) => family(o.kind) === family(oa.kind)).length === 1 &&
      b.filter((o) => family(o.kind) === family(ob.kind)).length === 1;
    if (c.score < 0.35 && !sole) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    pairs.push([oa, ob]);
  }
  return {
    pairs,
    onlyA: a.filter((_, i) => !usedA.has(i)),
    onlyB: b.filter((_, j) => !usedB.has(j)),
  };
}

/** The amount per year of a count or frequency, so that periods compare. */
function perYear(o: Obligation): number {
  return o.value * (o.period ? (PER_YEAR[o.period] ?? 1) : 1);
}

/** A deadline in calendar days: five working days make a calendar week. */
function calendarDays(o: Obligation): number {
  return o.unit.includes('工作日') ? (o.value * 7) / 5 : o.value;
}

/** Which way the commitment moved from `a` to `b`. */
export function obligationDirection(a: Obligation, b: Obligation): Direction {
  let x: number;
  let y: number;
  let higherBinds: boolean;
  switch (family(a.kind)) {
    case 'count':
      x = perYear(a);
      y = perYear(b);
      higherBinds = a.comparator !== '<=';
      break;
    case 'percentage':
      x = a.value;
      y = b.value;
      higherBinds = a.comparator !== '<=';
      break;
    case 'amount':
      // An amount threshold (预算金额1000万元以上的项目) sets what is covered: a lower one covers more.
      x = a.value;
      y = b.value;
      higherBinds = a.comparator === '<=';
      break;
    case 'deadline':
      x = calendarDays(a);
      y = calendarDays(b);
      higherBinds = false;
      break;
    case 'date':
      // Moving an activity from one month to another (8月 → 9月) neither tightens nor loosens it.
      if (a.kind === 'month' && b.kind === 'month') return 'neutral';
      x = a.kind === 'month' ? a.value * 100 + 31 : a.value;
      y = b.kind === 'month' ? b.value * 100 + 31 : b.value;
      higherBinds = false;
      break;
    default:
      return 'neutral';
  }
  if (x === y) {
    // Same bound; a range's upper end or a firmer comparator can still move.
    if (a.valueMax !== b.valueMax && a.valueMax != null && b.valueMax != null) {
      return (b.valueMax > a.valueMax) === higherBinds ? 'stronger' : 'weaker';
    }
    return 'neutral';
  }
  return (y > x) === higherBinds ? 'stronger' : 'weaker';
}

/** The change kind an obligation pair reports under. */
export function changeKindOf(o: Obligation): ChangeKind {
  return o.kind === 'reported' ? 'clause' : o.kind;
}

/** Changes between the obligations of two matched sides; identical bounds report nothing. */
export function obligationChanges(a: Obligation[], b: Obligation[]): Change[] {
  const bind = (list: Obligation[]) => list.filter((o) => o.kind !== 'reported');
  const { pairs, onlyA, onlyB } = pairObligations(bind(a), bind(b));
  const changes: Change[] = [];
  for (const [oa, ob] of pairs) {
    const before = formatObligation(oa);
    const after = formatObligation(ob);
    const direction = obligationDirection(oa, ob);
    if (before === after && direction === 'neutral') continue;
    changes.push({ kind: changeKindOf(ob), direction, before, after, quoteA: oa.quote, quoteB: ob.quote, obligationA: oa, obligationB: ob });
  }
  for (const oa of onlyA) {
    changes.push({
      kind: 'clause',
      direction: 'weaker',
      before: `${oa.subject} ${formatObligation(oa)}`,
      after: null,
      quoteA: oa.quote,
      quoteB: null,
      obligationA: oa,
    });
  }
  for (const ob of onlyB) {
    changes.push({
      kind: 'clause',
      direction: 'stronger',
      before: null,
      after: `${ob.subject} ${formatObligation(ob)}`,
      quoteA: null,
      quoteB: ob.quote,
      obligationB: ob,
    });
  }
  return changes;
}
