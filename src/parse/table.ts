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
 * Split by job: headers (table-header.ts), rows (table-rows.ts), cells (table-cells.ts), name levels
 * (table-names.ts).
 *
 * Empty merged cells (任务名称, 责任单位, 时间节点) inherit the row above, with a message.
 */
import type { Message } from '../types';
import { PlanParseError } from '../errors';
import { TABLE_END_STARTS } from '../lexicon/layout';
import { isTrailerLine, type Line } from './lines';
import type { TableHeader } from './table-header';
import type { RawRow } from './table-cells';
import { resolveNames } from './table-names';
import { readCellRows, readLineRows, readTabRows } from './table-rows';

export { findTableHeader, headerRole, readHeader, segmentHeader } from './table-header';
export type { TableColumn, TableHeader, TableSchema } from './table-header';

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


/** What the parser needs to know besides the lines. */
export interface TableContext {
  file: string;
  /** Heading path of the body section a row's text was copied from, or null; called once per row, in order */
  findSection?: (text: string) => string[] | null;
  /** Compacted body heading titles by level, to split name levels printed in one column */
  titles: Map<number, Set<string>>;
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
  } else if (header.schema.layout === 'cells') {
    readCellRows(lines, header.next, end, header.schema, raw);
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

