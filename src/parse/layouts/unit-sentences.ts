/**
 * Tasks from the sentence groups of the body that close with a responsible-units parenthesis
 * (`…情况（区政府各部门、各街镇）。`).
 */
import { unitSentences } from '../body';
import { bodyTasks } from '../tasks';
import type { Layout } from './layout';

export const unitSentencesLayout: Layout = {
  name: 'unit-sentences',
  read(doc) {
    const body = unitSentences(doc.lines, doc.flat, doc.bodyTo);
    if (body.length === 0) return null;
    return bodyTasks(doc.lines, doc.file, body, { numbered: false, checkCutOff: false });
  },
};
