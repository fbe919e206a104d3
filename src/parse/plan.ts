/**
 * `parsePlan`: turns the text of a work plan (政务公开工作要点), as extracted from PDF or DOCX, into a
 * typed `Plan`: metadata, the body heading tree and the tasks.
 *
 * Which tasks a plan has: the rows of its appendix task table when it has one (the body items stay as
 * the sections the rows belong to); otherwise its numbered body items (1. 2. …); otherwise the sentence
 * groups closing with a responsible-units parenthesis; otherwise its （一） sections.
 */
import type { Message, ParseOptions, Plan, PlanLayout, Task, TimeNode, Units } from '../types';
import { PlanParseError } from '../errors';
import { normalizeText } from '../text/normalize';
import { parseUnits } from './units';
import { parseTimeNode } from './timenode';
import { APPENDIX_WORDS, TABLE_TITLE_ENDINGS } from '../lexicon/layout';
import { compact, endsSentence, isContentLine, splitLines, type Line } from './lines';
import { findDocumentEnd } from './document';
import { matchHeading, readHeadings, titlesByLevel, type BodyHeading } from './headings';
import { readMeta } from './meta';
import { findTableHeader, readTable, type TableRow } from './table';
import { numberedItems, sectionTasks, unitSentences, type BodyTask } from './body';
import { buildSectionIndex } from './sections';

export type { ParseOptions } from '../types';

const NO_TASKS =
  'no recognizable tasks: expected a task table with 序号, numbered items (1. 2. …) or items closing with a 责任单位 parenthesis';

/** Plan id from a file path: its base name without extension (`seeds/000_x.txt` → `000_x`). */
export function idFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]+$/, '').replace(/[<>]/g, '');
  return stem === '' ? 'plan' : stem;
}

function readUnits(raw: string, messages: Message[], place: Task['source']): Units {
  if (raw.trim() === '') return { lead: [], support: [], raw: '' };
  try {
    return parseUnits(raw);
  } catch {
    messages.push({ reason: `could not read the units "${raw}"`, place, ruleId: 'units/unreadable', fatal: false });
    return { lead: [], support: [], raw };
  }
}

function readTime(raw: string, messages: Message[], place: Task['source']): TimeNode | null {
  if (raw.trim() === '') return null;
  try {
    return parseTimeNode(raw);
  } catch {
    messages.push({ reason: `could not read the time node "${raw}"`, place, ruleId: 'timenode/unreadable', fatal: false });
    return null;
  }
}

/** Index of the first line of the appendix holding the table whose header is at `headerIndex`. */
function appendixStart(lines: readonly Line[], headerIndex: number, floor: number): number {
  let start = headerIndex;
  for (let i = headerIndex - 1; i >= floor && i >= headerIndex - 12; i--) {
    const line = lines[i]!;
    if (!isContentLine(line)) continue;
    const s = line.squeezed;
    const isAppendix = APPENDIX_WORDS.some((w) => s.startsWith(w)) && s.length <= 60;
    const isTitle = TABLE_TITLE_ENDINGS.some((e) => s.endsWith(e)) && s.length <= 60;
    const wrappedTitle = start < headerIndex && s.length <= 30 && !endsSentence(s) && !matchHeading(s);
    if (isAppendix || isTitle || wrappedTitle) start = i;
    else break;
  }
  return start;
}

/** True when some line carries text that is not just a heading title. */
function hasText(lines: readonly Line[]): boolean {
  for (const line of lines) {
    if (!isContentLine(line)) continue;
    const m = matchHeading(line.squeezed);
    if (!m || m.level >= 3) return true;
    const stop = m.rest.indexOf('。');
    if (stop >= 0 && stop < m.rest.length - 1) return true;
  }
  return false;
}

/** Gives tasks the numbers 1…N, with a message when the printed numbers are not those. */
function numberTasks(printed: (number | null)[], places: Task['source'][], messages: Message[], what: string): number[] {
  const inOrder = printed.every((p, k) => p === k + 1);
  if (inOrder) return printed as number[];
  const seen = new Set<number>();
  let prev = 0;
  printed.forEach((p, k) => {
    if (p === null) return;
    const place = places[k]!;
    if (seen.has(p)) {
      messages.push({ reason: `${what} ${p} is numbered twice`, place, ruleId: 'numbering/repeated', fatal: false });
    } else if (p < prev) {
      messages.push({ reason: `${what} ${p} comes after ${what} ${prev}`, place, ruleId: 'numbering/out-of-order', fatal: false });
    } else if (p > prev + 1) {
      messages.push({ reason: `${what} numbers jump from ${prev} to ${p}`, place, ruleId: 'numbering/gap', fatal: false });
    }
    seen.add(p);
    prev = p;
  });
  if (printed.some((p) => p !== null)) {
    messages.push({
      reason: `the printed ${what} numbers are not 1…${printed.length} in order; tasks are numbered 1…${printed.length} as printed in sequence`,
      place: null,
      ruleId: 'numbering/renumbered',
      fatal: false,
    });
  }
  return printed.map((_, k) => k + 1);
}

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

/**
 * Parses a work plan's text into a `Plan`. Normalizes the text first (traditional characters,
 * full-width digits, invisible characters), so callers pass the raw string.
 *
 * @param text - the plan text as extracted from PDF or DOCX
 * @param options - `file` (used in sources and errors, default `<input>`), `id` (default: the file's
 *   base name without extension)
 * @throws PlanParseError `empty` for empty text or text with only headings; `no-tasks` when no table,
 *   numbered items, unit parentheses or sections are found; `empty-row` for a numbered table row
 *   without content
 */
export function parsePlan(text: string, options: ParseOptions = {}): Plan {
  const file = options.file ?? '<input>';
  if (typeof text !== 'string' || text.trim() === '') {
    throw new PlanParseError('empty', file, null, 'no text: the input is empty');
  }
  const messages: Message[] = [];
  const normalized = normalizeText(text);
  if (normalized.convertedFromTraditional) {
    messages.push({
      reason: 'the text is in traditional characters; it was converted to simplified ones',
      place: null,
      ruleId: 'text/converted-traditional',
      fatal: false,
    });
  }
  const lines = splitLines(normalized.text);
  if (!lines.some(isContentLine)) throw new PlanParseError('empty', file, null, 'no text: the input is empty');
  if (!hasText(lines)) throw new PlanParseError('empty', file, null, 'no text: the input has only headings');

  let bodyStart = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const m = isContentLine(lines[i]!) ? matchHeading(lines[i]!.squeezed) : null;
    if (m && m.level <= 2) {
      bodyStart = i;
      break;
    }
  }
  const documentEnd = findDocumentEnd(lines, file, bodyStart);
  const docEnd = documentEnd.end;
  for (const m of documentEnd.messages) messages.push(m);
  const header = findTableHeader(lines, 0, docEnd);
  const bodyTo = header ? appendixStart(lines, header.index, 0) : docEnd;

  // Metadata from the lines before the body's first heading.
  let firstHeading = bodyTo;
  for (let i = 0; i < bodyTo; i++) {
    const m = isContentLine(lines[i]!) ? matchHeading(lines[i]!.squeezed) : null;
    if (m && m.level <= 2) {
      firstHeading = i;
      break;
    }
  }
  const metaTo = firstHeading < bodyTo ? firstHeading : header ? header.index : bodyTo;
  const metaScan = readMeta(lines, metaTo, docEnd);
  const bodyFrom = metaScan.titleIndex !== null && metaScan.titleIndex < bodyTo ? metaScan.titleIndex + 1 : 0;
  const headings = readHeadings(lines, bodyFrom, bodyTo, file);

  let layout: PlanLayout;
  const tasks: Task[] = [];
  const source = (first: number, last: number): Task['source'] => ({ file, lineStart: lines[first]!.no, lineEnd: lines[last]!.no });

  const index = header ? buildSectionIndex(lines, headings.flat, bodyTo) : null;
  const table =
    header && index
      ? readTable(lines, header, docEnd, { file, titles: titlesByLevel(headings.flat), findSection: (t) => index.find(t) })
      : null;
  if (table && table.rows.length > 0) {
    layout = 'table';
    for (const m of table.messages) messages.push(m);
    const places = table.rows.map((r) => source(r.first, r.last));
    const seqs = numberTasks(
      table.rows.map((r) => r.printed),
      places,
      messages,
      'row',
    );
    const sections = rowSections(table.rows, headings.flat);
    table.rows.forEach((r, k) => {
      const place = places[k]!;
      const name = r.names.filter((n) => n !== '').join('/');
      const section = sections[k]!;
      tasks.push({
        seq: seqs[k]!,
        text: r.text,
        name: name === '' ? null : name,
        section,
        units: readUnits(r.units, messages, place),
        timeNode: readTime(r.time, messages, place),
        source: place,
      });
    });
  } else {
    let body: BodyTask[] = numberedItems(lines, headings.flat, bodyTo);
    layout = 'numbered-items';
    if (body.length === 0) {
      body = unitSentences(lines, headings.flat, bodyTo);
      layout = 'unit-sentences';
    }
    if (body.length === 0) {
      body = sectionTasks(lines, headings.flat, bodyTo);
      layout = 'sections';
    }
    if (body.length === 0) throw new PlanParseError('no-tasks', file, null, NO_TASKS);
    const places = body.map((t) => source(t.first, t.last));
    const seqs =
      layout === 'numbered-items'
        ? numberTasks(
            body.map((t) => t.printed),
            places,
            messages,
            'item',
          )
        : body.map((_, k) => k + 1);
    const lastTask = body[body.length - 1]!;
    if (layout !== 'unit-sentences' && docEnd === lines.length && !lastTask.closing && !endsSentence(lastTask.text) && !/[）)]$/.test(lastTask.text)) {
      messages.push({
        reason: `the text ends inside task ${seqs[body.length - 1]} (it stops without closing its sentence: “…${lastTask.text.slice(-20)}”); the text may be cut off`,
        place: places[body.length - 1]!,
        ruleId: 'body/cut-off',
        fatal: false,
      });
    }
    body.forEach((t, k) => {
      const place = places[k]!;
      if (t.closing) {
        const c = t.closing;
        const quote = c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text;
        const at = source(c.first, c.last);
        messages.push({
          reason: `text after task ${seqs[k]} (${at.lineEnd > at.lineStart ? `lines ${at.lineStart}–${at.lineEnd}` : `line ${at.lineStart}`}) closes its part outside any task and is not read as a task: “${quote}”`,
          place: at,
          ruleId: 'body/closing-paragraph',
          fatal: false,
        });
      }
      tasks.push({
        seq: seqs[k]!,
        text: t.text,
        name: null,
        section: t.section,
        units: readUnits(t.units, messages, place),
        timeNode: readTime(t.time, messages, place),
        source: place,
      });
    });
  }

  return {
    meta: { id: options.id ?? idFromFile(file), ...metaScan.meta },
    file,
    layout,
    headings: headings.tree,
    tasks,
    messages,
  };
}
