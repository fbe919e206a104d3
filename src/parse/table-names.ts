/**
 * Task-table name levels (任务名称, 一级指标 …): merged name cells resolved row by row, and name levels
 * printed in one column split apart.
 */
import type { Message } from '../types';
import type { TableContext } from './table';
import type { RawRow } from './table-cells';
import { compact, joinWrapped, visibleWidth, type Line } from './lines';

/** Longest outer name level looked for at the start of a name cell. */
const MAX_NAME_PREFIX = 80;

/** True when a row prints none of its name cells. */
function printsNoName(r: RawRow): boolean {
  return r.cells.names.every((n) => n === '');
}

/** The name levels of row `r`, its cells not printed taken from `above` (the names of the row above). */
function namesBelow(r: RawRow, above: readonly string[] | null): { names: string[]; outer: number; filled: number[] } {
  const levels = r.cells.levels;
  const given = r.cells.names.slice(-levels);
  const outer = levels - given.length;
  const names: string[] = [];
  for (let k = 0; k < outer; k++) names.push(above?.[k] ?? '');
  for (const g of given) names.push(g);
  const filled: number[] = [];
  for (let k = outer; k < levels; k++) {
    if (names[k] !== '') continue;
    names[k] = above?.[k] ?? '';
    if (names[k] !== '') filled.push(k);
  }
  return { names, outer, filled };
}

/**
 * Name levels (任务名称, 一级指标 …) of every row, merged cells resolved, with the messages of each row.
 * A merged name cell is printed on one of the rows it covers: on the first when it is aligned to the
 * top, on a middle row when it is centred, so rows printed before it may belong to it rather than to
 * the name above. Rows without a name of their own go with the name above, except those whose body
 * section (the heading their text was copied from) bears the name printed below and not the name above.
 */
export function resolveNames(
  raw: readonly RawRow[],
  sections: readonly (string[] | null)[],
  lines: readonly Line[],
  ctx: TableContext,
): { names: string[][]; messages: Message[][] } {
  const names: string[][] = new Array(raw.length);
  const messages: Message[][] = raw.map(() => []);
  const agrees = (k: number, group: readonly string[]): boolean => {
    const path = sections[k];
    if (!path) return false;
    const titles = new Set(path.map((t) => compact(t)));
    return group.some((n) => n !== '' && titles.has(compact(n)));
  };
  const note = (k: number, reason: string): void => {
    const r = raw[k]!;
    messages[k]!.push({
      reason: `row ${r.printed}: ${reason}`,
      place: { file: ctx.file, lineStart: lines[r.first]!.no, lineEnd: lines[r.last]!.no },
      ruleId: 'table/inherited-cell',
      fatal: false,
    });
  };
  // Names of row k taken from the row above (`from` = 'above') or from the named row below.
  const take = (k: number, from: readonly string[] | null, where: 'above' | 'below'): void => {
    const r = raw[k]!;
    const { names: own, outer, filled } = namesBelow(r, from);
    if (outer > 0 && own.slice(0, outer).some((n) => n !== '')) {
      note(k, `${outer === r.cells.levels ? 'name cells are' : 'outer name cells are'} not printed on this row; taken from the row ${where} (merged cells)`);
    }
    const why = where === 'below' ? ' printed lower down; the body section of the row bears that name' : '';
    for (const level of filled) note(k, `name cell (level ${level + 1}) is empty; taken from the row ${where} (merged cell${why})`);
    names[k] = own;
  };

  let k = 0;
  while (k < raw.length) {
    const r = raw[k]!;
    if (r.cells.levels === 0) {
      names[k++] = [];
      continue;
    }
    const above = k > 0 ? names[k - 1]! : null;
    if (k === 0 || !printsNoName(r)) {
      take(k, above, 'above');
      k++;
      continue;
    }
    // A run of rows without names, k…j, between the named rows k-1 and j+1.
    const levels = r.cells.levels;
    let j = k;
    while (j + 1 < raw.length && raw[j + 1]!.cells.levels === levels && printsNoName(raw[j + 1]!)) j++;
    const next = j + 1 < raw.length && raw[j + 1]!.cells.levels === levels ? raw[j + 1]! : null;
    const lower = next ? namesBelow(next, above).names : null;
    // Rows k…split-1 take the names above, rows split…j those below: the split the body sections agree
    // with most, the lowest one (top alignment) on a tie.
    let split = j + 1;
    if (lower && above && lower.some((n, level) => n !== above[level])) {
      let score = 0;
      let best = 0;
      for (let s = j; s >= k; s--) {
        score += (agrees(s, lower) ? 1 : 0) - (agrees(s, above) ? 1 : 0);
        if (score > best) {
          best = score;
          split = s;
        }
      }
    }
    for (let s = k; s <= j; s++) take(s, s < split ? (s === k ? above : names[s - 1]!) : lower, s < split ? 'above' : 'below');
    k = j + 1;
  }
  return { names, messages };
}

/**
 * Splits the short lines printed before a row's content into name levels (一级指标 / 二级指标 …).
 * Returns the new levels, deepest last; outer levels not printed on this row are left out (merged).
 * A split is taken where the joined lines match a body heading title, else where the column width changes.
 */
export function splitNameLevels(nameLines: string[], levels: number, ctx: TableContext, prevNames: string[]): string[] {
  const all = joinWrapped(nameLines);
  if (levels <= 1 || nameLines.length < 2) return [all];
  const split = (s: number) => [joinWrapped(nameLines.slice(0, s)), joinWrapped(nameLines.slice(s))];
  const whole = compact(all);
  const outerTitles = ctx.titles.get(1) ?? new Set<string>();
  const innerTitles = new Set<string>();
  for (const [level, set] of ctx.titles) if (level >= 2) for (const t of set) innerTitles.add(t);
  if (innerTitles.has(whole) && !outerTitles.has(whole)) return [all];
  // A body heading title, or the outer level of the row above printed again, followed by the inner level.
  const prevOuter = prevNames.length >= 2 ? compact(prevNames[prevNames.length - 2]!) : '';
  let prefix = '';
  for (let s = 1; s < nameLines.length && prefix.length <= MAX_NAME_PREFIX; s++) {
    prefix += compact(nameLines[s - 1]!);
    if (outerTitles.has(prefix) || (prevOuter !== '' && prefix === prevOuter)) return split(s);
  }
  // Column widths: the outer column is wider; its lines are full except the last.
  const w = nameLines.map((l) => visibleWidth(l));
  const n = w.length;
  const suffixMax = new Array<number>(n + 1).fill(0);
  for (let k = n - 1; k >= 0; k--) suffixMax[k] = Math.max(w[k]!, suffixMax[k + 1]!);
  let minBefore = Infinity;
  for (let k = 2; k < n - 1; k++) {
    // Lines 0…k-2 are the outer cell's full lines; line k-1 its last; lines k… the inner cell.
    minBefore = Math.min(minBefore, w[k - 2]!);
    const innerFull = Math.max(...w.slice(k, Math.min(n - 1, k + 8)));
    if (suffixMax[k]! < minBefore && w[k] === innerFull) return split(k);
  }
  return [all];
}
