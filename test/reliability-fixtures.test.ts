/**
 * Malformed task tables, one folder per case under test/fixtures/malformed/: `input.txt` (a small,
 * realistic plan text) and `expected.json` (the tasks and the messages, by rule and line, or the error).
 * One loop runs them all; add a case by adding a folder.
 */
import { join } from 'node:path';
import { describe } from 'vitest';
import { runMalformedFixtures } from './fixtures/malformed/run';

describe('malformed task tables (test/fixtures/malformed)', () => {
  runMalformedFixtures(join(__dirname, 'fixtures', 'malformed'));
});
