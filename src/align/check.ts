/**
 * Which pairs a report marks 待核 (to check): those the model is not sure of. The one rule every report
 * calls.
 */
import type { TaskPair } from '../types';
import { DEFAULT_ALIGN_CONFIG } from './config';

/**
 * True when a pair should be checked by a reader before it is cited: its probability (the lowest of its
 * links) is under `checkBelow` (default 0.8) and no reader confirmed all its links.
 *
 * @example diff.pairs.filter((p) => needsCheck(p)).length
 */
export function needsCheck(pair: Partial<Pick<TaskPair, 'probability' | 'links'>>, checkBelow = DEFAULT_ALIGN_CONFIG.checkBelow): boolean {
  // a pair of a diff saved by a version without probabilities carries no mark
  if (pair.probability === undefined) return false;
  if (pair.links && pair.links.length > 0 && pair.links.every((l) => l.decided === 'same')) return false;
  return pair.probability < checkBelow;
}
