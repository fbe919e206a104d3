/**
 * Reading a plan saved as an HTML page from a government site: the text of the page body, one line per
 * block (paragraph, heading, list item, line break), each table row one line of tab-separated cells (so
 * the task-table reader sees its columns), merged cells kept in their columns. Scripts, styles, forms'
 * controls and page chrome (navigation, header, footer, breadcrumb, share and toolbar blocks) are dropped.
 */
import { LineBuilder, parseMarkup, spanOf, tableLines, type MarkupNode } from './markup';

/** Elements whose content is never text of the plan. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'nav', 'header', 'footer', 'aside', 'iframe', 'svg',
  'object', 'button', 'select', 'textarea', 'input', 'map', 'canvas',
]);

/** Elements that end a line before and after them. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'center', 'hr', 'table', 'tr', 'caption', 'address', 'figure', 'figcaption', 'body', 'form',
]);

/** Class or id words of page chrome around the article (navigation, breadcrumb, share buttons …). */
const CHROME = /(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|share|footer|toolbar|sidebar|topbar)(?:$|[-_\s])/i;

function isChrome(node: MarkupNode): boolean {
  const a = node.attribs;
  if (!a) return false;
  if (a['role'] === 'navigation' || a['aria-hidden'] === 'true') return true;
  return CHROME.test(a['class'] ?? '') || CHROME.test(a['id'] ?? '');
}

/** Text of a node as one line (table cells): blocks and line breaks inside it join without a break. */
function inlineText(node: MarkupNode, pre: boolean): string {
  if (node.type === 'text') return pre ? (node.data ?? '') : (node.data ?? '').replace(/\s+/g, ' ');
  if (node.type !== 'tag' || SKIPPED.has(node.name ?? '') || isChrome(node)) return '';
  const inPre = pre || node.name === 'pre';
  let s = '';
  for (const child of node.children ?? []) s += inlineText(child, inPre);
  return s;
}

/** The rows of a table element (through thead, tbody, tfoot), nested tables left in their cells. */
function rowsOf(table: MarkupNode): MarkupNode[] {
  const rows: MarkupNode[] = [];
  const visit = (node: MarkupNode) => {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

function walk(node: MarkupNode, out: LineBuilder, pre: boolean): void {
  if (node.type === 'text') {
    const data = node.data ?? '';
    if (pre) {
      const parts = data.split(/\r\n|\r|\n/);
      parts.forEach((p, k) => {
        if (k > 0) out.end();
        out.add(p);
      });
    } else out.add(data.replace(/\s+/g, ' '));
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root') return;
  const name = node.name ?? '';
  if (SKIPPED.has(name) || isChrome(node)) return;
  if (name === 'br') {
    out.end();
    return;
  }
  if (name === 'table') {
    out.end();
    const rows = rowsOf(node).map((tr) =>
      (tr.children ?? [])
        .filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th'))
        .map((c) => ({
          text: inlineText(c, false).replace(/\s+/g, ' ').trim(),
          colspan: spanOf(c.attribs?.['colspan']),
          rowspan: spanOf(c.attribs?.['rowspan']),
        })),
    );
    for (const line of tableLines(rows)) {
      out.add(line);
      out.end();
    }
    return;
  }
  const block = BLOCKS.has(name);
  if (block) out.end();
  for (const child of node.children ?? []) walk(child, out, pre || name === 'pre');
  if (block) out.end();
}

/**
 * The text of an HTML page: one line per block, table rows as tab-separated cells, chrome dropped.
 * Line numbers of the plan parsed from it count in this text.
 */
export function htmlToText(html: string): string {
  const out = new LineBuilder();
  walk(parseMarkup(html), out, false);
  return out.text();
}

/** True when decoded text is an HTML page (a doctype or an html/body element near its start). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<') && /<(?:html|body|head)[\s>]/.test(head));
}
