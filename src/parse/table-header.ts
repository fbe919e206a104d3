/**
 * Task-table headers: finds the header row of an appendix task table (序号 + 任务内容 + 责任单位 …) and
 * reads the role of each column (number, text, units, time, note). Header words live in
 * src/lexicon/layout.ts.
 */
import {
  HEADER_CELL_MAX_LENGTH,
  HEADER_KEYWORDS,
  HEADER_WORDS,
  type ColumnRole,
} from '../lexicon/layout';
import { isContentLine, type Line } from './lines';
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
  /** `cells`: one cell per line, columns printed left of 序号, empty lines between cells (a web table
   * copied as text); see table-rows.ts for the others */
  layout: 'tabs' | 'vertical' | 'lines' | 'cells';
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


const HEADER_KEYS = Object.keys(HEADER_WORDS).sort((a, b) => b.length - a.length);
const MAX_HEADER_KEY = HEADER_KEYS.reduce((n, k) => Math.max(n, k.length), 0);

/** Most header cells looked for before a 序号 cell printed on its own line (领域, 类别). */
const MAX_COLUMNS_BEFORE_SEQ = 3;

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
    // One header cell per line; cells of columns left of 序号 (领域) may come before it, and a table
    // copied from a web page may have empty lines between cells.
    let first = i;
    const before: TableColumn[] = [];
    for (let j = i - 1; j >= 0 && j >= i - 2 * MAX_COLUMNS_BEFORE_SEQ && before.length < MAX_COLUMNS_BEFORE_SEQ; j--) {
      const prev = lines[j]!;
      if (prev.empty) continue;
      // Only a header word itself (领域, 类别), not a title ending in one (要点任务分解表).
      const role = isContentLine(prev) ? (HEADER_WORDS[prev.squeezed] ?? null) : null;
      if (role === null || role === 'seq') break;
      before.unshift({ header: prev.squeezed, position: 0, role });
      first = j;
    }
    const columns: TableColumn[] = [...before, { header: line.squeezed, position: 0, role: 'seq' }];
    let j = i + 1;
    let next = j;
    let gaps = false;
    for (; j < end && j <= i + 24; j++) {
      const cell = lines[j]!;
      if (cell.empty) {
        // An empty line ends a header of consecutive cells, unless more header cells follow it.
        const after = lines[j + 1];
        if (after && isContentLine(after) && !/\s/.test(after.text) && headerRole(after.text) !== null) {
          gaps = true;
          continue;
        }
        break;
      }
      if (!isContentLine(cell) || /\s/.test(cell.text)) break;
      const role = headerRole(cell.text);
      if (role === null) break;
      columns.push({ header: cell.squeezed, position: 0, role });
      next = j + 1;
    }
    const flat = before.length > 0 || gaps;
    if (!flat) next = j;
    columns.forEach((c, k) => (c.position = k));
    const schema = schemaOf(flat ? 'cells' : 'vertical', columns);
    return schema ? { schema, index: first, next } : null;
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


/** True when two schemas have the same column roles at the same positions (header words may differ). */
export function sameColumns(a: TableSchema, b: TableSchema): boolean {
  return (
    a.columns.length === b.columns.length &&
    a.columns.every((c, k) => c.role === b.columns[k]!.role && c.position === b.columns[k]!.position)
  );
}
