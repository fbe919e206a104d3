/**
 * Tasks from the numbered items of the body (1. 2. … under 一、 and （一） headings), unit and time
 * parentheses taken out of their text.
 */
import { numberedItems } from '../body';
import { bodyTasks } from '../tasks';
import type { Layout } from './layout';

export const numberedItemsLayout: Layout = {
  name: 'numbered-items',
  read(doc) {
    const body = numberedItems(doc.lines, doc.flat, doc.bodyTo);
    if (body.length === 0) return null;
    return bodyTasks(doc.lines, doc.file, body, { numbered: true, checkCutOff: doc.docEnd === doc.lines.length });
  },
};
