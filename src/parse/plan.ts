/**
 * `parsePlan`: turns the text of a work plan (政务公开工作要点), as extracted from PDF or DOCX, into a
 * typed `Plan`: metadata, the body heading tree and the tasks.
 *
 * Which tasks a plan has: the first layout of the registry (src/parse/layouts/) that reads any: the rows
 * of its appendix task table when it has one (the body items stay as the sections the rows belong to);
 * otherwise its numbered body items (1. 2. …); otherwise the sentence groups closing with a
 * responsible-units parenthesis; otherwise its （一） sections.
 */
import type { Message, NormalizedText, ParseOptions, Plan, PlanLayout, Task } from '../types';
import { PlanParseError } from '../errors';
import { normalizeText } from '../text/normalize';
import { APPENDIX_WORDS, TABLE_TITLE_ENDINGS } from '../lexicon/layout';
import { endsSentence, isContentLine, splitLines, type Line } from './lines';
import { findDocumentEnd } from './document';
import { splitRunTogether } from './run-together';
import { matchHeading, readHeadings } from './headings';
import { readMeta } from './meta';
import { findTableHeader } from './table';
import { LAYOUTS, type PlanDocument } from './layouts';

export type { ParseOptions } from '../types';

const NO_TASKS =
  'no recognizable tasks: expected a task table with 序号, numbered items (1. 2. …) or items closing with a 责任单位 parenthesis';

/** Plan id from a file path: its base name without extension (`seeds/000_x.txt` → `000_x`). */
export function idFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]+$/, '').replace(/[<>]/g, '');
  return stem === '' ? 'plan' : stem;
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

/**
 * Parses a work plan's text into a `Plan`. A string is normalized first (traditional characters,
 * full-width digits, invisible characters), so callers pass the raw string; the `NormalizedText` that
 * `readPlanText` / `readPlanFile` return is taken as it is, so a text read from a file is normalized once.
 *
 * Limits: the text is read whole in memory; files are refused above `DEFAULT_MAX_BYTES` (256 MiB) by the
 * readers. A 52 MB plan of 300,000 numbered items reads and parses in about 8 s of CPU time with a peak
 * of about 0.75 GB (`npm run bench`, scripts/bench-scale.ts, on this project's 2-core machine).
 *
 * @param text - the plan text as extracted from PDF, DOCX or HTML, or a `NormalizedText`
 * @param options - `file` (used in sources and errors, default `<input>`), `id` (default: the file's
 *   base name without extension)
 * @throws PlanParseError `empty` for empty text or text with only headings; `no-tasks` when no table,
 *   numbered items, unit parentheses or sections are found; `empty-row` for a numbered table row
 *   without content
 */
export function parsePlan(text: string | NormalizedText, options: ParseOptions = {}): Plan {
  const file = options.file ?? '<input>';
  const given = typeof text === 'object' && text !== null && typeof text.text === 'string' ? text : null;
  const raw = given ? given.text : text;
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new PlanParseError('empty', file, null, 'no text: the input is empty');
  }
  const messages: Message[] = [];
  const progress = options.onProgress ?? (() => {});
  const normalized = given ?? normalizeText(raw);
  progress(10, 100);
  if (given?.format === 'html' || given?.format === 'docx') {
    messages.push({
      reason: `the text was extracted from the ${given.format === 'html' ? 'HTML page' : 'Word file'} ${file}: line numbers count in that extracted text (readPlanFile returns it), not in the ${given.format === 'html' ? 'page source' : 'document'}`,
      place: null,
      ruleId: 'read/extracted-text',
      fatal: false,
    });
  }
  if (normalized.convertedFromTraditional) {
    messages.push({
      reason: 'the text is in traditional characters; it was converted to simplified ones',
      place: null,
      ruleId: 'text/converted-traditional',
      fatal: false,
    });
  }
  const lines = splitRunTogether(splitLines(normalized.text));
  progress(20, 100);
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
  const metaScan = readMeta(lines, metaTo, docEnd, file);
  const bodyFrom = metaScan.titleIndex !== null && metaScan.titleIndex < bodyTo ? metaScan.titleIndex + 1 : 0;
  const headings = readHeadings(lines, bodyFrom, bodyTo, file);
  progress(40, 100);

  const doc: PlanDocument = { file, lines, flat: headings.flat, bodyTo, docEnd, header };
  let reading: { layout: PlanLayout; tasks: Task[] } | null = null;
  for (const layout of LAYOUTS) {
    const read = layout.read(doc);
    if (!read || read.tasks.length === 0) continue;
    for (const m of read.messages) messages.push(m);
    reading = { layout: layout.name, tasks: read.tasks };
    break;
  }
  if (!reading) throw new PlanParseError('no-tasks', file, null, NO_TASKS);
  progress(100, 100);
  const { layout, tasks } = reading;

  return {
    meta: { id: options.id ?? idFromFile(file), ...metaScan.meta },
    file,
    layout,
    headings: headings.tree,
    tasks,
    messages,
  };
}
