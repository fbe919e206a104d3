/**
 * Reading a plan saved as a Word file (.docx): the paragraphs of the document body, one line each, and
 * its tables, each row one line of tab-separated cells (a cell's paragraphs joined), merged cells kept in
 * their columns (gridSpan, vMerge). The zip is opened with fflate and the document XML parsed with the
 * markup seam, both loaded on the first Word file read. Numbers that Word draws itself (automatic list
 * numbering) are not in the document text and are not read.
 */
import { createRequire } from 'node:module';
import { PlanParseError } from '../errors';
import { LineBuilder, parseMarkup, spanOf, tableLines, type MarkupNode } from './markup';

interface Fflate {
  unzipSync(data: Uint8Array, options?: { filter?: (file: { name: string }) => boolean }): Record<string, Uint8Array>;
}

let fflate: Fflate | null = null;

function unzip(): Fflate {
  if (!fflate) {
    const require = createRequire(import.meta.url);
    fflate = require('fflate') as Fflate;
  }
  return fflate;
}

/** The document part of a Word file. */
const DOCUMENT_XML = 'word/document.xml';

/** True when zip bytes hold a Word document (a `word/document.xml` entry name in the zip directory). */
export function isDocx(bytes: Uint8Array): boolean {
  const name = new TextEncoder().encode(DOCUMENT_XML);
  outer: for (let i = bytes.length - name.length; i >= 0; i--) {
    for (let k = 0; k < name.length; k++) if (bytes[i + k] !== name[k]) continue outer;
    return true;
  }
  return false;
}

function children(node: MarkupNode, name: string): MarkupNode[] {
  return (node.children ?? []).filter((c) => c.type === 'tag' && c.name === name);
}

/** Text of a paragraph's runs: w:t text, w:tab a space, w:br / w:cr a line break (as `\n`). */
function runText(node: MarkupNode): string {
  let s = '';
  for (const c of node.children ?? []) {
    if (c.type === 'text') continue;
    if (c.type !== 'tag') continue;
    switch (c.name) {
      case 'w:t':
        s += (c.children ?? []).map((t) => t.data ?? '').join('');
        break;
      case 'w:tab':
        s += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        s += '\n';
        break;
      case 'w:delText':
      case 'w:instrText':
      case 'w:del':
      case 'w:pPr':
      case 'w:rPr':
        break;
      default:
        s += runText(c);
    }
  }
  return s;
}

/** Text of a cell: its paragraphs (and nested tables) joined without breaks. */
function cellText(tc: MarkupNode): string {
  let s = '';
  for (const c of tc.children ?? []) {
    if (c.type !== 'tag' || c.name === 'w:tcPr') continue;
    s += c.name === 'w:tbl' ? children(c, 'w:tr').flatMap((tr) => children(tr, 'w:tc').map(cellText)).join('') : runText(c);
  }
  return s.replace(/\s+/g, ' ').trim();
}

function attr(node: MarkupNode | undefined, name: string): string | undefined {
  return node?.attribs?.[name];
}

function walkBody(node: MarkupNode, out: LineBuilder): void {
  for (const c of node.children ?? []) {
    if (c.type !== 'tag') continue;
    if (c.name === 'w:p') {
      out.end();
      for (const [k, part] of runText(c).split('\n').entries()) {
        if (k > 0) out.end();
        out.add(part);
      }
      out.end();
    } else if (c.name === 'w:tbl') {
      out.end();
      const rows = children(c, 'w:tr').map((tr) =>
        children(tr, 'w:tc').map((tc) => {
          const pr = children(tc, 'w:tcPr')[0];
          const span = children(pr ?? { type: 'tag' }, 'w:gridSpan')[0];
          return { text: cellText(tc), colspan: spanOf(attr(span, 'w:val')), rowspan: 1 };
        }),
      );
      for (const line of tableLines(rows)) {
        out.add(line);
        out.end();
      }
    } else if (c.name !== 'w:sectPr') {
      // w:sdt, w:sdtContent, w:customXml, w:ins …: containers of paragraphs.
      walkBody(c, out);
    }
  }
}

/**
 * The text of a Word (.docx) file: paragraphs one per line, table rows as tab-separated cells.
 * Throws `PlanParseError` `binary` when the zip cannot be opened or has no document part.
 */
export function docxToText(bytes: Uint8Array, file: string): string {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzip().unzipSync(bytes, { filter: (f) => f.name === DOCUMENT_XML });
  } catch (error) {
    throw new PlanParseError('binary', file, null, `this Word file cannot be opened (${(error as Error).message}); save it again or as plain text`);
  }
  const xml = parts[DOCUMENT_XML];
  if (!xml) throw new PlanParseError('binary', file, null, 'this zip file holds no Word document (word/document.xml); save the plan as plain text first');
  const doc = parseMarkup(new TextDecoder('utf-8').decode(xml), true);
  const out = new LineBuilder();
  const root = (doc.children ?? []).find((c) => c.type === 'tag' && c.name === 'w:document');
  const body = root ? children(root, 'w:body')[0] : undefined;
  if (body) walkBody(body, out);
  return out.text();
}
