/**
 * Tasks from the （一） sections of the body (or its 一、 parts when it has no （一）), when nothing
 * finer is printed.
 */
import { sectionTasks } from '../body';
import { bodyTasks } from '../tasks';
import type { Layout } from './layout';

export const sectionsLayout: Layout = {
  name: 'sections',
  read(doc) {
    const body = sectionTasks(doc.lines, doc.flat, doc.bodyTo);
    if (body.length === 0) return null;
    return bodyTasks(doc.lines, doc.file, body, { numbered: false, checkCutOff: doc.docEnd === doc.lines.length });
  },
};
