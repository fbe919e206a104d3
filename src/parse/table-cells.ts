/**
 * Task-table cells: which text of a row is its content, its units and its time node. A row printed one
 * cell per line is read by position; a row whose cells PDF extraction spread over lines is told apart by
 * vocabulary and grammar (src/parse/cells.ts): the time node at the end, the name levels (short lines in
 * narrow columns) at the start, the units between the content's last sentence and the time node.
 */
import type { TableContext } from './table';
import type { TableColumn, TableSchema } from './table-header';
import { LEAD_UNIT_HEADERS, SUPPORT_UNIT_HEADERS, UNITS_TEXT_MAX_LENGTH } from '../lexicon/layout';
import { isTimeLike, isUnitsLike, splitTimeSuffix } from './cells';
import { endsSentence, joinWrapped, visibleWidth, type Line } from './lines';
import { splitNameLevels } from './table-names';
import { squeezeSpaces } from '../text/normalize';

export interface Cells {
  /** New name-level texts, deepest last; fewer than the table's levels when outer levels are merged */
  names: string[];
  content: string;
  units: string;
  time: string;
}

export interface Roles {
  seq: TableColumn;
  names: TableColumn[];
  content: TableColumn;
  units: TableColumn[];
  time: TableColumn | null;
}

export function rolesOf(schema: TableSchema): Roles {
  const text = schema.columns.filter((c) => c.role === 'text');
  return {
    seq: schema.columns.find((c) => c.role === 'seq')!,
    names: text.slice(0, -1),
    content: text[text.length - 1]!,
    units: schema.columns.filter((c) => c.role === 'units'),
    time: schema.columns.find((c) => c.role === 'time') ?? null,
  };
}

/** Joins the texts of several unit columns (牵头单位 + 配合单位) into one responsible-units text. */
export function joinUnitColumns(roles: Roles, texts: string[]): string {
  if (texts.length <= 1) return texts[0] ?? '';
  const parts: string[] = [];
  roles.units.forEach((col, k) => {
    const t = texts[k] ?? '';
    if (t === '') return;
    if (SUPPORT_UNIT_HEADERS.includes(col.header)) parts.push(`${t}配合`);
    else if (LEAD_UNIT_HEADERS.includes(col.header)) parts.push(`${t}牵头`);
    else parts.push(t);
  });
  return parts.join('，');
}

export type RawRow = { printed: number; first: number; last: number; cells: Cells & CellFlags; section: string[] | null };

export interface CellFlags {
  levels: number;
  hasUnitsColumn: boolean;
  hasTimeColumn: boolean;
}

export interface Item {
  index: number;
  /** Trimmed text with its spaces */
  text: string;
  squeezed: string;
}

/** Cells of a one-cell-per-line row whose line count matches the header; null when it does not. */
export function positionalCells(lines: readonly Line[], first: number, stop: number, schema: TableSchema, roles: Roles): Cells | null {
  const cellLines: Line[] = [];
  for (let i = first; i < stop; i++) {
    const line = lines[i]!;
    if (line.raw === '') break;
    if (line.footer) continue;
    cellLines.push(line);
  }
  if (cellLines.length !== schema.columns.length) return null;
  const t = (col: TableColumn) => cellLines[col.position]!.squeezed;
  return {
    names: roles.names.map((c) => t(c)),
    content: t(roles.content),
    units: joinUnitColumns(
      roles,
      roles.units.map((c) => t(c)),
    ),
    time: roles.time ? t(roles.time) : '',
  };
}

/**
 * Tells apart the cells of a row whose cells PDF extraction has spread over lines: the time node at the
 * end, the name levels (short lines in narrow columns) at the start, the units between the content's
 * last sentence and the time node.
 */
export function classify(itemsIn: Item[], roles: Roles, nameWidth: number, ctx: TableContext, prevNames: string[]): Cells {
  const items = itemsIn.map((it) => ({ ...it }));
  // Time node.
  const timeParts: string[] = [];
  if (roles.time) {
    while (items.length > 1 && timeParts.length < 3 && isTimeLike(items[items.length - 1]!.text)) {
      timeParts.unshift(squeezeSpaces(items.pop()!.text));
    }
    if (timeParts.length === 0 && items.length > 0) {
      const lastItem = items[items.length - 1]!;
      const split = splitTimeSuffix(lastItem.text);
      if (split) {
        timeParts.push(squeezeSpaces(split.time));
        lastItem.text = split.head;
        lastItem.squeezed = squeezeSpaces(split.head);
      }
    }
  }
  const time =
    timeParts.length > 1 && timeParts.every((p) => isTimeLike(p)) ? timeParts.join('、') : timeParts.join('');

  // Name levels.
  const nameLines: string[] = [];
  if (roles.names.length > 0) {
    let taken = 0;
    while (taken < items.length - 1) {
      const it = items[taken]!;
      if (visibleWidth(it.squeezed) > nameWidth || endsSentence(it.squeezed)) break;
      nameLines.push(it.squeezed);
      taken++;
    }
    items.splice(0, taken);
  }
  const names = nameLines.length > 0 ? splitNameLevels(nameLines, roles.names.length, ctx, prevNames) : [];

  // Units: the longest tail that reads as a list of units, preferring one that follows a full sentence.
  let units = '';
  if (roles.units.length > 0 && items.length > 0) {
    const cut = findUnitsCut(items);
    if (cut) {
      const unitPieces: string[] = [];
      const it = items[cut.item]!;
      const head = it.text.slice(0, cut.offset).trim();
      unitPieces.push(squeezeSpaces(it.text.slice(cut.offset)));
      for (let j = cut.item + 1; j < items.length; j++) unitPieces.push(items[j]!.squeezed);
      units = joinWrapped(unitPieces);
      items.length = cut.item + 1;
      if (head === '') items.pop();
      else {
        it.text = head;
        it.squeezed = squeezeSpaces(head);
      }
    }
  }
  return { names, content: joinWrapped(items.map((it) => it.squeezed)), units, time };
}

/** Where the units begin: item index and offset into its text. */
function findUnitsCut(items: Item[]): { item: number; offset: number } | null {
  interface Candidate {
    item: number;
    offset: number;
    afterSentence: boolean;
    lineStart: boolean;
  }
  // Units are short: only the last UNITS_TEXT_MAX_LENGTH characters of a row are looked at.
  const groups: Candidate[][] = [];
  let tailLength = 0;
  for (let j = items.length - 1; j >= 0 && tailLength <= UNITS_TEXT_MAX_LENGTH; j--) {
    const it = items[j]!;
    const local: Candidate[] = [];
    if (j > 0) local.push({ item: j, offset: 0, afterSentence: endsSentence(items[j - 1]!.squeezed), lineStart: true });
    const windowStart = Math.max(0, it.text.length - (UNITS_TEXT_MAX_LENGTH - tailLength) - 1);
    const spaces = /\s+/g;
    spaces.lastIndex = windowStart;
    for (let m = spaces.exec(it.text); m !== null; m = spaces.exec(it.text)) {
      const before = it.text.slice(Math.max(0, m.index - 4), m.index);
      if (m.index === 0) continue;
      local.push({ item: j, offset: m.index + m[0].length, afterSentence: endsSentence(before.trim()), lineStart: false });
    }
    if (windowStart > 0 && local[0]?.lineStart) local.splice(0, 1);
    groups.push(local);
    tailLength += it.squeezed.length;
  }
  const candidates = groups.reverse().flat();
  const tailText = (c: Candidate) =>
    squeezeSpaces(items[c.item]!.text.slice(c.offset)) + items.slice(c.item + 1).map((it) => it.squeezed).join('');
  const valid = (c: Candidate) => isUnitsLike(tailText(c));
  return (
    candidates.find((c) => c.afterSentence && valid(c)) ??
    candidates.find((c) => !c.afterSentence && c.lineStart && valid(c)) ??
    candidates.find((c) => !c.afterSentence && !c.lineStart && valid(c)) ??
    null
  );
}

