/**
 * Tasks from the rows of an appendix task table (任务分解表): the body items stay the sections the rows
 * belong to.
 */
import type { Task } from '../../types';
import { compact } from '../lines';
import type { BodyHeading } from '../headings';
import { titlesByLevel } from '../headings';
import { buildSectionIndex } from '../sections';
import { readTable, type TableRow } from '../table';
import { numberTasks, readTime, readUnits, spanOf } from '../tasks';
import type { Layout } from './layout';

/**
 * Sections of table rows. A row whose text is not found in the body takes the section of the nearest
 * row of its name group (rows under one merged 任务名称 cell) that is found, else the heading its name
 * is the title of, else the section of the row above.
 */
function rowSections(rows: readonly TableRow[], flat: readonly BodyHeading[]): string[][] {
  const byTitle = new Map<string, string[]>();
  for (const h of flat) if (!byTitle.has(compact(h.title))) byTitle.set(compact(h.title), h.path);
  const key = (r: TableRow) => r.names.join('\u0000');
  const keys = rows.map(key);
  // Nearest row above and below, within the same run of one name group, that has a section (linear time:
  // one pass each way, so a table of many rows under one merged name cell stays fast).
  const above: (number | null)[] = new Array(rows.length).fill(null);
  const below: (number | null)[] = new Array(rows.length).fill(null);
  for (let k = 1; k < rows.length; k++) {
    if (keys[k] !== keys[k - 1]) continue;
    above[k] = rows[k - 1]!.section ? k - 1 : above[k - 1]!;
  }
  for (let k = rows.length - 2; k >= 0; k--) {
    if (keys[k] !== keys[k + 1]) continue;
    below[k] = rows[k + 1]!.section ? k + 1 : below[k + 1]!;
  }
  const out: string[][] = [];
  rows.forEach((r, k) => {
    if (r.section) {
      out.push(r.section);
      return;
    }
    let found: string[] | null = null;
    if (r.names.some((n) => n !== '')) {
      const up = above[k];
      const down = below[k];
      // The nearer one; the row above on a tie.
      const pick = up != null && (down == null || k - up <= down - k) ? up : down;
      found = pick != null ? (rows[pick]!.section ?? null) : null;
      for (let level = r.names.length - 1; !found && level >= 0; level--) found = byTitle.get(compact(r.names[level]!)) ?? null;
    }
    out.push(found ?? out[k - 1] ?? []);
  });
  return out;
}

export const tableLayout: Layout = {
  name: 'table',
  read(doc) {
    if (!doc.header) return null;
    const { lines, file, flat } = doc;
    const index = buildSectionIndex(lines, flat, doc.bodyTo);
    const table = readTable(lines, doc.header, doc.docEnd, { file, titles: titlesByLevel(flat), findSection: (t) => index.find(t) });
    if (table.rows.length === 0) return null;
    const messages = [...table.messages];
    const places = table.rows.map((r) => spanOf(lines, file, r.first, r.last));
    const seqs = numberTasks(
      table.rows.map((r) => r.printed),
      places,
      messages,
      'row',
    );
    const sections = rowSections(table.rows, flat);
    const tasks: Task[] = table.rows.map((r, k) => {
      const place = places[k]!;
      const name = r.names.filter((n) => n !== '').join('/');
      return {
        seq: seqs[k]!,
        text: r.text,
        name: name === '' ? null : name,
        section: sections[k]!,
        units: readUnits(r.units, messages, place),
        timeNode: readTime(r.time, messages, place),
        source: place,
      };
    });
    return { tasks, messages };
  },
};
