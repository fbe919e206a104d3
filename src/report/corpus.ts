/** The plans of a corpus as a Markdown table or JSON (`plandiff corpus`). */
import type { CorpusEntry } from '../types';
import { jsonText } from './json';

/** Output formats of `renderCorpus`. */
export type CorpusFormat = 'md' | 'json';

/**
 * Renders a corpus's entries: `md` is one table row per plan (id, district, year, document number, issue
 * date, file); `json` is the entries as they are, 2-space indent.
 */
export function renderCorpus(entries: readonly CorpusEntry[], format: CorpusFormat): string {
  if (format === 'json') return jsonText(entries);
  const lines = ['| id | 区 | 年度 | 文号 | 成文日期 | 文件 |', '|---|---|---|---|---|---|'];
  for (const e of entries) {
    lines.push(`| ${e.id} | ${e.district} | ${e.year} | ${e.docNumber ?? '—'} | ${e.issueDate ?? '—'} | ${e.file} |`);
  }
  return `${lines.join('\n')}\n`;
}
