/**
 * The registry of layouts, tried in this order; the first that reads any task gives the plan its tasks.
 * Adding a layout: one file beside this one and one line here.
 */
import type { Layout } from './layout';
import { tableLayout } from './table';
import { numberedItemsLayout } from './numbered-items';
import { unitSentencesLayout } from './unit-sentences';
import { sectionsLayout } from './sections';

export type { Layout, LayoutReading, PlanDocument } from './layout';

/** Layouts in the order they are tried. */
export const LAYOUTS: readonly Layout[] = [
  tableLayout,
  numberedItemsLayout,
  unitSentencesLayout,
  sectionsLayout,
];
