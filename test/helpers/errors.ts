/** Test helper: the typed error a call throws. */
import { PlanParseError } from '../../src/errors';

/** The PlanParseError `fn` throws; any other error is rethrown, and no error at all fails the test. */
export function caught(fn: () => unknown): PlanParseError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PlanParseError) return error;
    throw error;
  }
  throw new Error('expected a PlanParseError');
}
