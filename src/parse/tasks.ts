/**
 * Building tasks from what a layout found: units and time nodes read from their texts (with a message
 * when they cannot be), tasks numbered 1…N (with a message when the printed numbers are not those), and
 * body tasks turned into `Task`s with their notes.
 */
import type { Message, Task, TimeNode, Units } from '../types';
import { parseUnits } from './units';
import { parseTimeNode } from './timenode';
import { endsSentence, type Line } from './lines';
import type { BodyTask } from './body';

/** The source span of lines `first`…`last` (indexes into `lines`). */
export function spanOf(lines: readonly Line[], file: string, first: number, last: number): Task['source'] {
  return { file, lineStart: lines[first]!.no, lineEnd: lines[last]!.no };
}

export function readUnits(raw: string, messages: Message[], place: Task['source']): Units {
  if (raw.trim() === '') return { lead: [], support: [], raw: '' };
  try {
    return parseUnits(raw);
  } catch {
    messages.push({ reason: `could not read the units "${raw}"`, place, ruleId: 'units/unreadable', fatal: false });
    return { lead: [], support: [], raw };
  }
}

export function readTime(raw: string, messages: Message[], place: Task['source']): TimeNode | null {
  if (raw.trim() === '') return null;
  try {
    return parseTimeNode(raw);
  } catch {
    messages.push({ reason: `could not read the time node "${raw}"`, place, ruleId: 'timenode/unreadable', fatal: false });
    return null;
  }
}

export /** Gives tasks the numbers 1…N, with a message when the printed numbers are not those. */
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
 * Tasks of a body layout: numbered 1…N (by their printed numbers when `numbered`), their units and time
 * nodes read, a closing paragraph after a task reported, and, with `checkCutOff` (the body runs to the end of
 * the text), a last task that stops mid-sentence reported as possibly cut off.
 */
export function bodyTasks(
  lines: readonly Line[],
  file: string,
  body: readonly BodyTask[],
  options: { numbered: boolean; checkCutOff: boolean },
): { tasks: Task[]; messages: Message[] } {
  const messages: Message[] = [];
  const tasks: Task[] = [];
  const places = body.map((t) => spanOf(lines, file, t.first, t.last));
  const seqs = options.numbered
    ? numberTasks(
        body.map((t) => t.printed),
        places,
        messages,
        'item',
      )
    : body.map((_, k) => k + 1);
  const lastTask = body[body.length - 1];
  if (lastTask && options.checkCutOff && !lastTask.closing && !endsSentence(lastTask.text) && !/[）)]$/.test(lastTask.text)) {
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
      const at = spanOf(lines, file, c.first, c.last);
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
  return { tasks, messages };
}
