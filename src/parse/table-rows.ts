/**
 * Task-table rows in the shapes PDF and Word extraction produce: `tabs` (one row per line, cells
 * separated by tabs; a line whose number cell is empty continues the row above) and `vertical` /
 * `lines` (a row's cells over several lines, starting at the line with its number).
 */
import type { Message } from '../types';
import type { TableContext } from './table';
import { QUANTITY_CHARS, TABLE_CONTINUATION_WORDS } from '../lexicon/layout';
import { matchHeading } from './headings';
import { isContentLine, joinWrapped, quantile, visibleWidth, type Line } from './lines';
import { readHeader, sameColumns, type TableColumn, type TableSchema } from './table-header';
import { classify, joinUnitColumns, positionalCells, rolesOf, type Cells, type Item, type RawRow } from './table-cells';
import { squeezeSpaces } from '../text/normalize';
import { isTimeLike, isUnitsLike } from './cells';

const QUANTITY = new RegExp(`^[${QUANTITY_CHARS}]`);
/** Row numbers have up to six digits (tables of 10,000 rows and more). */
const SEQ_LINE = /^(\d{1,6})[.．、]?(?:\s+(.*))?$/;
const SEQ_CELL = /^(\d{1,6})[.．、]?$/;

export function readTabRows(
  lines: readonly Line[],
  from: number,
  end: number,
  schemaIn: TableSchema,
  out: RawRow[],
  messages: Message[],
  ctx: TableContext,
  getSection: () => string[] | null,
  setSection: (s: string[] | null) => void,
): void {
  let schema = schemaIn;
  let roles = rolesOf(schema);
  let current: { row: RawRow; texts: Map<number, string[]> } | null = null;

  const flush = () => {
    if (!current) return;
    const t = (col: TableColumn) => joinWrapped(current!.texts.get(col.position) ?? []);
    const names = roles.names.map((c) => t(c));
    current.row.cells = {
      names,
      content: t(roles.content),
      units: joinUnitColumns(
        roles,
        roles.units.map((c) => t(c)),
      ),
      time: roles.time ? t(roles.time) : '',
      levels: roles.names.length,
      hasUnitsColumn: roles.units.length > 0,
      hasTimeColumn: roles.time !== null,
    };
    out.push(current.row);
    current = null;
  };

  for (let i = from; i < end; i++) {
    const line = lines[i]!;
    if (!isContentLine(line)) continue;
    if (TABLE_CONTINUATION_WORDS.includes(line.squeezed)) continue;
    const h = /序号|编号/.test(line.squeezed) ? readHeader(lines, i, end) : null;
    if (h) {
      // A header repeated at the top of a page may cut a row in two: the row stays open, and a line with
      // an empty number cell after the header continues it, unless the columns change.
      const next = h.schema.layout === 'tabs' ? h.schema : schema;
      if (!sameColumns(next, schema)) flush();
      schema = next;
      roles = rolesOf(schema);
      i = h.next - 1;
      continue;
    }
    const cells = line.raw.split('\t');
    if (cells.length < 2) {
      const m = matchHeading(line.squeezed);
      if (m && m.level <= 2) {
        flush();
        setSection([m.rest.replace(/[。；;：:].*$/, '')]);
        continue;
      }
      if (current) {
        // Text without tabs inside the table: a wrapped piece of the content cell.
        const list = current.texts.get(roles.content.position) ?? [];
        list.push(line.text);
        current.texts.set(roles.content.position, list);
        current.row.last = i;
      }
      continue;
    }
    const seqText = squeezeSpaces(cells[roles.seq.position] ?? '');
    const seq = SEQ_CELL.exec(seqText);
    const nonEmpty = cells.map((c) => squeezeSpaces(c)).filter((c) => c !== '');
    if (seq) {
      flush();
      const texts = new Map<number, string[]>();
      cells.forEach((c, p) => {
        if (p !== roles.seq.position && c.trim() !== '') texts.set(p, [c]);
      });
      current = {
        row: {
          printed: Number(seq[1]),
          first: i,
          last: i,
          section: getSection(),
          cells: { names: [], content: '', units: '', time: '', levels: 0, hasUnitsColumn: false, hasTimeColumn: false },
        },
        texts,
      };
      continue;
    }
    if (nonEmpty.length === 1) {
      const m = matchHeading(nonEmpty[0]!);
      if (m && m.level <= 2) {
        flush();
        setSection([m.rest.replace(/[。；;：:].*$/, '')]);
        continue;
      }
    }
    if (current) {
      // A line whose number cell is empty continues the row above, cell by cell.
      cells.forEach((c, p) => {
        if (c.trim() === '') return;
        const list = current!.texts.get(p) ?? [];
        list.push(c);
        current!.texts.set(p, list);
      });
      current.row.last = i;
    } else {
      messages.push({
        reason: `line ${line.no} inside the task table belongs to no numbered row; ignored`,
        place: { file: ctx.file, lineStart: line.no, lineEnd: line.no },
        ruleId: 'table/stray-line',
        fatal: false,
      });
    }
  }
  flush();
}


export function readLineRows(
  lines: readonly Line[],
  from: number,
  end: number,
  schemaIn: TableSchema,
  out: RawRow[],
  messages: Message[],
  ctx: TableContext,
): void {
  let schema = schemaIn;
  // Row starts.
  const starts: { index: number; printed: number; rest: string; schema: TableSchema }[] = [];
  const skip = new Set<number>();
  const used = new Set<number>();
  let last = 0;
  let maxSeen = 0;
  for (let i = from; i < end; i++) {
    const line = lines[i]!;
    if (!isContentLine(line)) continue;
    if (TABLE_CONTINUATION_WORDS.includes(line.squeezed)) {
      skip.add(i);
      continue;
    }
    if (/序号|编号/.test(line.squeezed)) {
      const h = readHeader(lines, i, end);
      if (h) {
        if (h.schema.layout !== 'tabs') schema = h.schema;
        for (let j = i; j < h.next; j++) skip.add(j);
        i = h.next - 1;
        continue;
      }
    }
    const m = SEQ_LINE.exec(line.text);
    if (!m) continue;
    const n = Number(m[1]);
    const rest = (m[2] ?? '').trim();
    if (n < 1) continue;
    let accept: boolean;
    if (rest === '') {
      // A bare number: the next row, a new row up to a few numbers ahead, a repeated number, or numbering
      // that starts again at 1 (a second table, or a plan printed twice).
      accept =
        starts.length === 0 ||
        n === last + 1 ||
        (n === 1 && last > 1) ||
        (n <= maxSeen + 5 && (!used.has(n) || n === last));
    } else {
      accept =
        !QUANTITY.test(rest) &&
        !/^\d/.test(rest) &&
        (n === last + 1 || (starts.length === 0 && n <= 5) || (!used.has(n) && n <= maxSeen + 3));
    }
    if (!accept) {
      if (rest === '') {
        skip.add(i);
        messages.push({
          reason: `line ${line.no}: a stray number inside the task table (page number?); ignored`,
          place: { file: ctx.file, lineStart: line.no, lineEnd: line.no },
          ruleId: 'table/stray-number',
          fatal: false,
        });
      }
      continue;
    }
    starts.push({ index: i, printed: n, rest, schema });
    used.add(n);
    last = n;
    maxSeen = Math.max(maxSeen, n);
  }
  if (starts.length === 0) return;

  // Width of the name columns: short lines before the content.
  const widths: number[] = [];
  for (let i = starts[0]!.index; i < end; i++) if (isContentLine(lines[i]!)) widths.push(visibleWidth(lines[i]!.squeezed));
  const nameWidth = Math.max(6, Math.floor(quantile(widths, 0.9) * 0.45));

  let section: string[] | null = null;
  // Section rows before the first row.
  for (let i = from; i < starts[0]!.index; i++) {
    const line = lines[i]!;
    if (!isContentLine(line) || skip.has(i)) continue;
    const m = matchHeading(line.squeezed);
    if (m && m.level <= 2) section = [m.rest.replace(/[。；;：:].*$/, '')];
  }

  let prevNames: string[] = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    const stop = k + 1 < starts.length ? starts[k + 1]!.index : end;
    const roles = rolesOf(start.schema);
    const items: Item[] = [];
    if (start.rest !== '') items.push({ index: start.index, text: start.rest, squeezed: squeezeSpaces(start.rest) });
    for (let i = start.index + 1; i < stop; i++) {
      const line = lines[i]!;
      if (!isContentLine(line) || skip.has(i)) continue;
      items.push({ index: i, text: line.text, squeezed: line.squeezed });
    }
    // Section rows (`二、…`) printed after the row's cells.
    let nextSection: string[] | null = null;
    while (items.length > 1) {
      const tail = items[items.length - 1]!;
      const m = matchHeading(tail.squeezed);
      if (!m || m.level > 2) break;
      nextSection = [m.rest.replace(/[。；;：:].*$/, '')];
      items.pop();
    }
    let cells: Cells | null = null;
    if (start.schema.layout === 'vertical') cells = positionalCells(lines, start.index, stop, start.schema, roles);
    cells ??= classify(items, roles, nameWidth, ctx, prevNames);
    const lastIndex = items.length > 0 ? items[items.length - 1]!.index : start.index;
    out.push({
      printed: start.printed,
      first: start.index,
      last: lastIndex,
      section,
      cells: { ...cells, levels: roles.names.length, hasUnitsColumn: roles.units.length > 0, hasTimeColumn: roles.time !== null },
    });
    if (cells.names.length > 0) {
      const outer = roles.names.length - cells.names.length;
      prevNames = [...prevNames.slice(0, Math.max(0, outer)), ...cells.names];
    }
    if (nextSection) section = nextSection;
  }
}


/* ───────────────────────────── cells ───────────────────────────── */

/**
 * Rows of a table printed one cell per line (`cells` layout: a web table copied as text, empty lines
 * between cells, merged cells printed once). A row runs from its number cell to the next one; within it
 * the time node is the last time-like cell, the units the units-like cells before it, the content the
 * cell before the units and the name levels the cells before that. Cells after the time node belong to
 * the columns left of 序号 (领域) of the next row.
 */
export function readCellRows(
  lines: readonly Line[],
  from: number,
  end: number,
  schema: TableSchema,
  out: RawRow[],
): void {
  const roles = rolesOf(schema);
  const seqAt = schema.columns.indexOf(roles.seq);
  const textBefore = schema.columns.slice(0, seqAt).filter((c) => c.role === 'text').length;
  const namesAfter = roles.names.length - textBefore;
  const cells: Item[] = [];
  for (let i = from; i < end; i++) {
    const line = lines[i]!;
    if (!isContentLine(line) || TABLE_CONTINUATION_WORDS.includes(line.squeezed)) continue;
    cells.push({ index: i, text: line.text, squeezed: line.squeezed });
  }
  // Row starts: bare numbers in sequence.
  const starts: { at: number; printed: number }[] = [];
  for (let k = 0; k < cells.length; k++) {
    const m = SEQ_CELL.exec(cells[k]!.squeezed);
    if (!m) continue;
    const n = Number(m[1]);
    const last = starts.length > 0 ? starts[starts.length - 1]!.printed : null;
    if (last === null ? n <= 5 : n === last + 1) starts.push({ at: k, printed: n });
  }
  let pending = starts.length > 0 ? cells.slice(0, starts[0]!.at).map((c) => c.squeezed) : [];
  starts.forEach((start, r) => {
    const stop = r + 1 < starts.length ? starts[r + 1]!.at : cells.length;
    const own = cells.slice(start.at + 1, stop);
    let t = -1;
    if (roles.time) for (let k = own.length - 1; k >= 0 && t < 0; k--) if (isTimeLike(own[k]!.text)) t = k;
    const beforeTime = t >= 0 ? t : own.length;
    let u = beforeTime;
    while (u > 0 && beforeTime - u < roles.units.length && isUnitsLike(own[u - 1]!.text)) u--;
    const cut = t >= 0 ? t + 1 : u < beforeTime ? beforeTime : own.length;
    const head = own.slice(0, u).map((c) => c.squeezed);
    const given = head.length >= 2 ? Math.min(namesAfter, head.length - 1) : 0;
    const before = pending.slice(-textBefore);
    const names = [
      ...Array.from({ length: textBefore - before.length }, () => ''),
      ...before,
      ...head.slice(0, given),
      ...Array.from({ length: namesAfter - given }, () => ''),
    ];
    const unitTexts = own.slice(u, beforeTime).map((c) => c.squeezed);
    const row: Cells = {
      names,
      content: joinWrapped(head.slice(given)),
      units: joinUnitColumns(roles, unitTexts),
      time: t >= 0 ? own[t]!.squeezed : '',
    };
    const first = cells[start.at]!.index;
    const lastCell = own[Math.min(cut, own.length) - 1];
    out.push({
      printed: start.printed,
      first,
      last: lastCell ? lastCell.index : first,
      section: null,
      cells: { ...row, levels: roles.names.length, hasUnitsColumn: roles.units.length > 0, hasTimeColumn: roles.time !== null },
    });
    pending = own.slice(cut).map((c) => c.squeezed);
  });
}
