/**
 * CSV report: RFC 4180 (CRLF line ends, fields quoted when they hold a quote, comma or line break, quotes
 * doubled), UTF-8 with a byte-order mark so that spreadsheet programs read the Chinese text correctly.
 * The header row is the `ReportRow` field names, so a script reading the CSV and one calling `toRows` see
 * the same columns; statuses, kinds and directions are codes (`strengthened`, `count`), before/after values
 * read as the reports write them, in the report's language.
 */
import type { PlanDiff } from '../types';
import type { ReportLang } from './labels';
import { REPORT_COLUMNS, toRows } from './rows';

/** Quotes one CSV field when RFC 4180 requires it. */
export function csvField(value: string | number | null): string {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and rows as CSV text: BOM, CRLF line ends, fields quoted where needed. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header.map(csvField).join(','), ...rows.map((row) => row.map(csvField).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Renders the rows of `toRows(diff, { lang })` as CSV text beginning with a BOM. */
export function renderCsv(diff: PlanDiff, lang: ReportLang = 'zh'): string {
  return csvText(REPORT_COLUMNS, toRows(diff, { lang }).map((row) => REPORT_COLUMNS.map((key) => row[key])));
}
