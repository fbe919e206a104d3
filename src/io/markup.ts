/**
 * The one seam to the markup parser (htmlparser2), shared by the HTML and DOCX readers: loaded on the
 * first page or Word file read, never by a plain-text run. Also the small tree and line-building helpers
 * both readers use.
 */
import { createRequire } from 'node:module';

/** The part of a parsed node the readers look at (htmlparser2's DOM nodes fit it). */
export interface MarkupNode {
  /** `tag`, `script`, `style`, `text`, `comment`, `directive`, `cdata`, `root` */
  type: string;
  /** Element name, lower-cased in HTML (`td`), as written in XML (`w:p`) */
  name?: string;
  /** Element attributes */
  attribs?: Record<string, string>;
  /** Text of a text node */
  data?: string;
  /** Child nodes */
  children?: MarkupNode[];
}

interface HtmlParser2 {
  parseDocument(data: string, options?: { xmlMode?: boolean; decodeEntities?: boolean }): MarkupNode;
}

let parser: HtmlParser2 | null = null;

/** Parses HTML (or, with `xml`, XML) into a tree; loads htmlparser2 on first use. */
export function parseMarkup(text: string, xml = false): MarkupNode {
  if (!parser) {
    const require = createRequire(import.meta.url);
    parser = require('htmlparser2') as HtmlParser2;
  }
  return parser.parseDocument(text, { xmlMode: xml, decodeEntities: true });
}

/** True once the markup parser has been loaded in this process (a plain-text run never loads it). */
export function isMarkupParserLoaded(): boolean {
  return parser !== null;
}

/** Builds text line by line: pieces of a line are appended, a block boundary ends the line. */
export class LineBuilder {
  private readonly lines: string[] = [];
  private current = '';

  /** Appends text to the current line. */
  add(s: string): void {
    this.current += s;
  }

  /** Ends the current line, unless it is empty. */
  end(): void {
    const line = this.current.replace(/[ \t\u3000]+$/g, '').replace(/^[ \u3000]+/, '');
    if (line.replace(/\t/g, '') !== '') this.lines.push(line);
    this.current = '';
  }

  /** The lines built, joined with LF. */
  text(): string {
    this.end();
    return this.lines.join('\n');
  }
}

/**
 * Lays out the rows of a table as lines of tab-separated cells, keeping each cell in its column: a cell
 * spanning columns (colspan, gridSpan) is followed by empty cells, and a cell spanning rows (rowspan)
 * leaves an empty cell in the rows below, as a merged cell printed once.
 */
export function tableLines(rows: readonly { text: string; colspan: number; rowspan: number }[][]): string[] {
  const carry: number[] = [];
  const out: string[] = [];
  for (const row of rows) {
    const cells: string[] = [];
    let col = 0;
    const fillCarried = () => {
      while ((carry[col] ?? 0) > 0) {
        carry[col]!--;
        cells.push('');
        col++;
      }
    };
    for (const cell of row) {
      fillCarried();
      for (let k = 0; k < cell.colspan; k++) {
        cells.push(k === 0 ? cell.text : '');
        if (cell.rowspan > 1) carry[col] = cell.rowspan - 1;
        col++;
      }
    }
    fillCarried();
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) out.push(cells.join('\t'));
  }
  return out;
}

/** A positive whole number from an attribute (`colspan="2"`), else 1. */
export function spanOf(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 && n <= 1000 ? n : 1;
}
