/**
 * The layouts a plan's tasks are read in, and the registry that tries them in order. A layout looks at
 * the plan's document (its lines, headings, where the body and the text end, the task-table header if
 * any) and returns its tasks, or null when the plan is not in that layout. Adding a layout is one file
 * under src/parse/layouts/ and one line in `LAYOUTS`.
 */
import type { Message, PlanLayout, Task } from '../../types';
import type { Line } from '../lines';
import type { BodyHeading } from '../headings';
import type { TableHeader } from '../table';

/** What every layout reads from: the plan text split into lines and its structure. */
export interface PlanDocument {
  /** File path or label, for sources */
  file: string;
  /** All lines of the text */
  lines: readonly Line[];
  /** Body headings in printed order */
  flat: readonly BodyHeading[];
  /** Index of the first line after the body (the appendix table, the trailer or the end) */
  bodyTo: number;
  /** Index of the first line after the plan's own text (its trailer, a second document, or the end) */
  docEnd: number;
  /** The appendix task table's header, when the plan has one */
  header: TableHeader | null;
}

/** Tasks a layout read, with its messages. */
export interface LayoutReading {
  tasks: Task[];
  messages: Message[];
}

/** One way a plan prints its tasks. */
export interface Layout {
  /** Name given to `Plan.layout` */
  name: PlanLayout;
  /** The plan's tasks in this layout, or null when the plan is not in it */
  read(doc: PlanDocument): LayoutReading | null;
}
