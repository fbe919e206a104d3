/** The decisions and embeddings files: shape checks, typed errors with file and line, and orientation. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/corpus';
import { PlanParseError } from '../src/errors';
import { decisionsFor, formatDecisionsFile, parseDecisionsFile, readDecisions } from '../src/io/decisions';
import { parseEmbeddingsFile, readEmbeddingsFile } from '../src/io/embeddings';

const A = loadPlan('songjiang-2024');
const B = loadPlan('baoshan-2024');

function failure(fn: () => unknown): PlanParseError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PlanParseError);
    return err as PlanParseError;
  }
  throw new Error('expected a PlanParseError');
}

const GOOD = {
  a: 'songjiang-2024',
  b: 'baoshan-2024',
  decisions: [
    { a: 3, b: 5, same: true, aHash: '0123456789abcdef', bHash: 'fedcba9876543210' },
    { a: 1, b: 2, same: false },
  ],
};

describe('decisions file', () => {
  it('reads a well-formed file for the pair as written', () => {
    const file = parseDecisionsFile(JSON.stringify(GOOD), 'd.json');
    expect(decisionsFor(file, A, B, 'd.json')).toEqual(GOOD.decisions);
  });

  it('reads a file written for (B, A) swapped: seqs and hashes change sides', () => {
    const file = parseDecisionsFile(JSON.stringify(GOOD), 'd.json');
    expect(decisionsFor(file, B, A, 'd.json')).toEqual([
      { a: 5, b: 3, same: true, aHash: 'fedcba9876543210', bHash: '0123456789abcdef' },
      { a: 2, b: 1, same: false },
    ]);
  });

  it('names the file and the line of bad JSON', () => {
    const text = '{\n  "a": "songjiang-2024",\n  "b": "baoshan-2024",\n  "decisions": [\n    {"a": 1 "b": 2}\n  ]\n}\n';
    const err = failure(() => parseDecisionsFile(text, 'answers.json'));
    expect(err.code).toBe('bad-decisions');
    expect(err.file).toBe('answers.json');
    expect(err.line).toBe(5);
    expect(err.message).toMatch(/^answers\.json:5: not valid JSON/);
  });

  it('names the last line when the JSON stops early, and refuses an empty file', () => {
    expect(failure(() => parseDecisionsFile('{\n"a": "x",\n', 'cut.json')).line).toBe(2);
    expect(failure(() => parseDecisionsFile('  \n', 'empty.json')).message).toContain('empty');
  });

  it.each([
    ['a list instead of an object', [], /one object/],
    ['no plan ids', { decisions: [] }, /"a" must be the id of plan a/],
    ['no decisions list', { a: 'x', b: 'y' }, /"decisions" must be a list/],
    ['a seq that is not a whole number', { a: 'x', b: 'y', decisions: [{ a: 1.5, b: 2, same: true }] }, /decisions\[0\] needs "a"/],
    ['an answer that is not true/false', { a: 'x', b: 'y', decisions: [{ a: 1, b: 2, same: 'yes' }] }, /needs "same": true or false/],
    ['a hash that is not text', { a: 'x', b: 'y', decisions: [{ a: 1, b: 2, same: true, bHash: 7 }] }, /"bHash" must be a text hash/],
    ['one link answered both ways', { a: 'x', b: 'y', decisions: [{ a: 1, b: 2, same: true }, { a: 1, b: 2, same: false }] }, /decisions\[0\] and decisions\[1\]/],
  ])('refuses %s', (_what, value, pattern) => {
    const err = failure(() => parseDecisionsFile(JSON.stringify(value), 'd.json'));
    expect(err.code).toBe('bad-decisions');
    expect(err.message).toMatch(/^d\.json: /);
    expect(err.message).toMatch(pattern);
  });

  it('refuses a file about another pair of plans, naming both pairs', () => {
    const file = parseDecisionsFile(JSON.stringify({ ...GOOD, b: 'putuo-2023' }), 'd.json');
    const err = failure(() => decisionsFor(file, A, B, 'd.json'));
    expect(err.message).toBe('d.json: this file holds decisions about songjiang-2024 ↔ putuo-2023, not songjiang-2024 ↔ baoshan-2024');
  });

  it('refuses a seq the plan does not have, in the file’s own terms when read swapped', () => {
    const beyond = { ...GOOD, decisions: [{ a: 1, b: B.tasks.length + 1, same: true }] };
    const file = parseDecisionsFile(JSON.stringify(beyond), 'd.json');
    expect(failure(() => decisionsFor(file, A, B, 'd.json')).message).toBe(
      `d.json: decisions[0]: "b": ${B.tasks.length + 1} is not a task of baoshan-2024 (its tasks are numbered 1–${B.tasks.length})`,
    );
    expect(failure(() => decisionsFor(file, B, A, 'd.json')).message).toContain(`decisions[0]: "b": ${B.tasks.length + 1} is not a task of baoshan-2024`);
  });

  it('reads from disk, names a missing file, and writes decisions in a stable order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-decisions-'));
    const path = join(dir, 'd.json');
    const text = formatDecisionsFile(GOOD);
    expect(JSON.parse(text).decisions.map((d: { a: number }) => d.a)).toEqual([1, 3]);
    writeFileSync(path, '\uFEFF' + text);
    expect(readDecisions(path, A, B)).toEqual([GOOD.decisions[1], GOOD.decisions[0]]);
    const missing = failure(() => readDecisions(join(dir, 'none.json'), A, B));
    expect(missing.code).toBe('not-found');
    expect(missing.file).toBe(join(dir, 'none.json'));
  });
});

describe('embeddings file', () => {
  const h1 = '00112233445566aa';
  const h2 = 'ffeeddccbbaa9988';

  it('reads the model and vectors', () => {
    const file = parseEmbeddingsFile(JSON.stringify({ model: 'm', vectors: { [h1]: [1, 0.5], [h2]: [0, -2] } }), 'e.json');
    expect(file).toEqual({ model: 'm', vectors: { [h1]: [1, 0.5], [h2]: [0, -2] } });
  });

  it.each([
    ['no model', { vectors: { [h1]: [1] } }, /"model" must name/, null],
    ['vectors as a list', { model: 'm', vectors: [[1]] }, /"vectors" must be an object/, null],
    ['no vectors at all', { model: 'm', vectors: {} }, /"vectors" is empty/, null],
    ['a key that is not a task hash', { model: 'm', vectors: { 'task 1': [1] } }, /"task 1" is not a task hash/, 4],
    ['an empty vector', { model: 'm', vectors: { [h1]: [] } }, /must be a non-empty list/, 4],
    ['a number that is not finite', { model: 'm', vectors: { [h1]: [1, 'NaN'] } }, /has "NaN" at index 1/, 4],
    ['vectors of two lengths', { model: 'm', vectors: { [h1]: [1, 2], [h2]: [1, 2, 3] } }, /ffeeddccbbaa9988 has 3 numbers, but that of 00112233445566aa has 2/, 8],
  ])('refuses %s, naming the file and the line of the key', (_what, value, pattern, line) => {
    const err = failure(() => parseEmbeddingsFile(JSON.stringify(value, null, 2), 'e.json'));
    expect(err.code).toBe('bad-embeddings');
    expect(err.file).toBe('e.json');
    expect(err.line).toBe(line);
    expect(err.message).toMatch(pattern);
  });

  it('names the line of bad JSON and a missing file', () => {
    expect(failure(() => parseEmbeddingsFile('{"model": "m",\n "vectors": {"a": [1,]}}', 'e.json')).line).toBe(2);
    expect(failure(() => readEmbeddingsFile('/nonexistent/e.json')).code).toBe('not-found');
  });
});
