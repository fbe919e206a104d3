/**
 * Appendix task tables (任务分解表 / 任务清单): finds the header row (序号 + 责任单位 …), then reads the
 * rows in one of the three shapes PDF and Word extraction produce:
 *
 * - `tabs`: one row per line, cells separated by tabs; a line whose number cell is empty continues
 *   the row above.
 * - `vertical`: one cell per line (the header too), rows separated by empty lines.
 * - `lines`: the cells of a row spread over several lines (number, name levels, content, wrapped units,
 *   time node). Content, units and time node are told apart by vocabulary and grammar
 *   (src/parse/cells.ts), name levels by the width of their column.
 *
 * Empty merged cells (任务名称, 责任单位, 时间节点) inherit the row above, with a message.
 */
import type { Message } from '../types';
import { PlanParseError } from '../errors';
import {
  HEADER_CELL_MAX_LENGTH,
  HEADER_KEYWORDS,
  HEADER_WORDS,
  LEAD_UNIT_HEADERS,
  QUANTITY_CHARS,
  SUPPORT_UNIT_HEADERS,
  TABLE_CONTINUATION_WORDS,
  TABLE_END_STARTS,
  UNITS_TEXT_MAX_LENGTH,
  type ColumnRole,
} from '../lexicon/layout';
import { isTimeLike, isUnitsLike, splitTimeSuffix } from './cells';
import { matchHeading } from './headings';
import {
  compact,
  endsSentence,
  isContentLine,
  isTrailerLine,
  joinWrapped,
  quantile,
  visibleWidth,
  type Line,
} from './lines';
import { squeezeSpaces } from '../text/normalize';

/** One column of a task table. */
export interface TableColumn {
  /** Header word as printed (squeezed) */
  header: string;
  role: ColumnRole;
  /** Position of the cell in a tab-separated line (tabs layout only) */
  position: number;
}

/** Columns of a task table and the shape its rows take. */
export interface TableSchema {
  layout: 'tabs' | 'vertical' | 'lines';
  columns: TableColumn[];
}

/** A header row found in the text. */
export interface TableHeader {
  schema: TableSchema;
  /** Index of the first header line */
  index: number;
  /** Index of the first line after the header */
  next: number;
}

/** One row of a task table, its merged cells resolved. */
export interface TableRow {
  /** 序号 as printed */
  printed: number;
  /** Name levels (任务名称, 一级指标 …), inherited where the cell is empty; empty when the table has none */
  names: string[];
  /** Task content, squeezed and joined */
  text: string;
  /** Responsible-units text as printed (wrapped lines joined with a space) */
  units: string;
  /** Time-node text as printed, empty when none */
  time: string;
  /**
   * Section titles from section rows of the table itself (`一、…` rows), else the path of the body
   * heading the row's text was copied from; null when neither is known
   */
  section: string[] | null;
  /** Index of the line with the row number */
  first: number;
  /** Index of the last line of the row */
  last: number;
}

/** Result of `readTable`. */
export interface TableScan {
  rows: TableRow[];
  messages: Message[];
}

const HEADER_KEYS = Object.keys(HEADER_WORDS).sort((a, b) => b.length - a.length);
const MAX_HEADER_KEY = HEADER_KEYS.reduce((n, k) => Math.max(n, k.length), 0);
const QUANTITY = new RegExp(`^[${QUANTITY_CHARS}]`);
/** Row numbers have up to six digits (tables of 10,000 rows and more). */
const SEQ_LINE = /^(\d{1,6})[.．、]?(?:\s+(.*))?$/;
const SEQ_CELL = /^(\d{1,6})[.．、]?$/;
/** Longest outer name level looked for at the start of a name cell. */
const MAX_NAME_PREFIX = 80;

/** Splits a header text into header words (longest match first); null when some text is not one. */
export function segmentHeader(s: string): string[] | null {
  const t = s.replace(/[（(][^（）()]{0,12}[）)]/g, '').replace(/[\s/|｜、，,]+/g, '');
  if (t === '') return null;
  const words: string[] = [];
  let i = 0;
  while (i < t.length) {
    let found: string | null = null;
    for (let len = Math.min(MAX_HEADER_KEY, t.length - i); len >= 2 && !found; len--) {
      const piece = t.slice(i, i + len);
      if (HEADER_WORDS[piece] !== undefined) found = piece;
    }
    if (!found) return null;
    words.push(found);
    i += found.length;
  }
  return words;
}

function schemaOf(layout: TableSchema['layout'], columns: TableColumn[]): TableSchema | null {
  if (columns.length < 3) return null;
  if (!columns.some((c) => c.role === 'seq')) return null;
  if (!columns.some((c) => c.role === 'text')) return null;
  if (!columns.some((c) => c.role === 'units' || c.role === 'time')) return null;
  return { layout, columns };
}

/** Role of one header cell (`任务内容`, `主要措施`, `责任部门（单位）`), or null when it is not a header cell. */
export function headerRole(cell: string): ColumnRole | null {
  const s = cell.replace(/[（(][^（）()]{0,12}[）)]/g, '').replace(/\s+/g, '');
  if (s === '') return null;
  const exact = HEADER_WORDS[s];
  if (exact !== undefined) return exact;
  if (s.length > HEADER_CELL_MAX_LENGTH || /[，,。；;：:、]/.test(s) || /\d/.test(s)) return null;
  for (const [word, role] of HEADER_KEYWORDS) if (s.includes(word)) return role;
  return null;
}

function columnsOf(cells: { header: string; position: number }[]): TableColumn[] | null {
  const columns: TableColumn[] = [];
  for (const c of cells) {
    const role = headerRole(c.header);
    if (role === null) return null;
    columns.push({ header: c.header.replace(/\s+/g, ''), position: c.position, role });
  }
  return columns;
}

/** Reads a header row starting at `lines[i]`, or null. */
export function readHeader(lines: readonly Line[], i: number, end: number): TableHeader | null {
  const line = lines[i]!;
  if (!isContentLine(line) || line.squeezed.length > 80) return null;
  const cells = line.raw.split('\t').map((c) => squeezeSpaces(c));
  if (cells.filter((c) => c !== '').length >= 3) {
    const columns = columnsOf(
      cells.map((header, position) => ({ header, position })).filter((c) => c.header !== ''),
    );
    const schema = columns ? schemaOf('tabs', columns) : null;
    return schema ? { schema, index: i, next: i + 1 } : null;
  }
  if (headerRole(line.text) === 'seq' && !/\s/.test(line.text)) {
    // One header cell per line.
    const columns: TableColumn[] = [{ header: line.squeezed, position: 0, role: 'seq' }];
    let j = i + 1;
    for (; j < end && j <= i + 12; j++) {
      const next = lines[j]!;
      if (!isContentLine(next) || /\s/.test(next.text)) break;
      const role = headerRole(next.text);
      if (role === null) break;
      columns.push({ header: next.squeezed, position: columns.length, role });
    }
    const schema = schemaOf('vertical', columns);
    return schema ? { schema, index: i, next: j } : null;
  }
  // Cells separated by spaces, else header words run together (or letter-spaced).
  const tokens = line.text.split(/\s+/);
  let columns = tokens.length >= 3 ? columnsOf(tokens.map((header, position) => ({ header, position }))) : null;
  if (!columns) {
    const words = segmentHeader(line.text);
    columns = words ? columnsOf(words.map((header, position) => ({ header, position }))) : null;
  }
  const schema = columns ? schemaOf('lines', columns) : null;
  return schema ? { schema, index: i, next: i + 1 } : null;
}

/** Finds the first task-table header in `lines[from..to)`. */
export function findTableHeader(lines: readonly Line[], from: number, to: number): TableHeader | null {
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (!isContentLine(line) || line.squeezed.length > 80) continue;
    if (!/序号|编号/.test(line.squeezed)) continue;
    const h = readHeader(lines, i, to);
    if (h) return h;
  }
  return null;
}

/** What the parser needs to know besides the lines. */
export interface TableContext {
  file: string;
  /** Heading path of the body section a row's text was copied from, or null; called once per row, in order */
  findSection?: (text: string) => string[] | null;
  /** Compacted body heading titles by level, to split name levels printed in one column */
  titles: Map<number, Set<string>>;
}

interface Cells {
  /** New name-level texts, deepest last; fewer than the table's levels when outer levels are merged */
  names: string[];
  content: string;
  units: string;
  time: string;
}

interface Roles {
  seq: TableColumn;
  names: TableColumn[];
  content: TableColumn;
  units: TableColumn[];
  time: TableColumn | null;
}

function rolesOf(schema: TableSchema): Roles {
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
function joinUnitColumns(roles: Roles, texts: string[]): string {
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

/**
 * Reads the rows of the table whose header is `header`, up to `to` (the trailer or the end).
 * Throws `empty-row` for a numbered row without any content.
 */
export function readTable(lines: readonly Line[], header: TableHeader, to: number, ctx: TableContext): TableScan {
  const messages: Message[] = [];
  const raw: RawRow[] = [];
  let section: string[] | null = null;
  let end = to;
  for (let i = header.next; i < to; i++) {
    const s = lines[i]!.squeezed;
    if (TABLE_END_STARTS.some((w) => s.startsWith(w)) || isTrailerLine(lines[i]!)) {
      end = i;
      break;
    }
  }

  if (header.schema.layout === 'tabs') {
    readTabRows(lines, header.next, end, header.schema, raw, messages, ctx, () => section, (s) => (section = s));
  } else {
    readLineRows(lines, header.next, end, header.schema, raw, messages, ctx);
  }

  // Texts first: a row without any text of its own is an error, whatever merged cells surround it.
  const texts = raw.map((r) => {
    if (r.cells.content !== '') return r.cells.content;
    // Only a name printed on this row stands in for its content; a merged name from above would invent text.
    const own = r.cells.names[r.cells.names.length - 1] ?? '';
    if (own === '') {
      throw new PlanParseError('empty-row', ctx.file, lines[r.first]!.no, `table row ${r.printed} has a number but no content`);
    }
    return own;
  });
  // Sections, in row order: the table's own section rows, else the body section the text was copied from.
  const sections = raw.map((r, k) => r.section ?? ctx.findSection?.(texts[k]!) ?? null);
  const named = resolveNames(raw, sections, lines, ctx);

  // Other merged cells (责任单位, 时间节点) are printed on the first row they cover.
  const rows: TableRow[] = [];
  let prev: TableRow | null = null;
  raw.forEach((r, k) => {
    const place = { file: ctx.file, lineStart: lines[r.first]!.no, lineEnd: lines[r.last]!.no };
    for (const m of named.messages[k]!) messages.push(m);
    /** An empty cell of a column the table has takes the row above's value (a merged cell), with a
     * message; `required` columns also report a cell that has nothing to take. */
    const inherit = (value: string, hasColumn: boolean, above: string | undefined, label: string, required: boolean): string => {
      if (value !== '' || !hasColumn) return value;
      const taken = above ?? '';
      if (taken !== '') {
        messages.push({
          reason: `row ${r.printed}: ${label} cell is empty; taken from the row above (merged cell)`,
          place,
          ruleId: 'table/inherited-cell',
          fatal: false,
        });
      } else if (required) {
        messages.push({ reason: `row ${r.printed}: no ${label}`, place, ruleId: 'table/missing-cell', fatal: false });
      }
      return taken;
    };
    const units = inherit(r.cells.units, r.cells.hasUnitsColumn, prev?.units, '责任单位', true);
    const time = inherit(r.cells.time, r.cells.hasTimeColumn, prev?.time, '时间节点', false);
    if (r.cells.content === '') {
      messages.push({
        reason: `row ${r.printed}: content cell is empty; the task name is used as its text`,
        place,
        ruleId: 'table/missing-cell',
        fatal: false,
      });
    }
    const row: TableRow = {
      printed: r.printed,
      names: named.names[k]!,
      text: texts[k]!,
      units,
      time,
      section: sections[k]!,
      first: r.first,
      last: r.last,
    };
    rows.push(row);
    prev = row;
  });
  return { rows, messages };
}

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
function resolveNames(
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

type RawRow = { printed: number; first: number; last: number; cells: Cells & CellFlags; section: string[] | null };

interface CellFlags {
  levels: number;
  hasUnitsColumn: boolean;
  hasTimeColumn: boolean;
}

/* ───────────────────────────── tabs ───────────────────────────── */

/** True when two schemas have the same column roles at the same positions (header words may differ). */
function sameColumns(a: TableSchema, b: TableSchema): boolean {
  return (
    a.columns.length === b.columns.length &&
    a.columns.every((c, k) => c.role === b.columns[k]!.role && c.position === b.columns[k]!.position)
  );
}

function readTabRows(
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

/* ───────────────────────────── vertical and lines ───────────────────────────── */

interface Item {
  index: number;
  /** Trimmed text with its spaces */
  text: string;
  squeezed: string;
}

function readLineRows(
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

/** Cells of a one-cell-per-line row whose line count matches the header; null when it does not. */
function positionalCells(lines: readonly Line[], first: number, stop: number, schema: TableSchema, roles: Roles): Cells | null {
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
function classify(itemsIn: Item[], roles: Roles, nameWidth: number, ctx: TableContext, prevNames: string[]): Cells {
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

/**
 * Splits the short lines printed before a row's content into name levels (一级指标 / 二级指标 …).
 * Returns the new levels, deepest last; outer levels not printed on this row are left out (merged).
 * A split is taken where the joined lines match a body heading title, else where the column width changes.
 */
function splitNameLevels(nameLines: string[], levels: number, ctx: TableContext, prevNames: string[]): string[] {
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
