/**
 * The embeddings file: sentence vectors a user computed with any model, keyed by the hash of each task's text
 * (`taskHash`: the first 16 hex digits of SHA-256 of the text as UTF-8),
 * `{"model": "…", "vectors": {"<taskHash>": [numbers]}}`. docs/notebook.md shows how to make one.
 */
import { PlanParseError } from '../errors';
import type { EmbeddingsFile } from '../types';
import { lineAt, parseJsonText, readJsonFile } from './json-file';

/** A task hash as `taskHash` writes it: 16 lowercase hex digits. */
const HASH = /^[0-9a-f]{16}$/;

/**
 * Reads the text of an embeddings file and checks it: a `model` name, and `vectors` mapping task hashes to
 * non-empty lists of finite numbers, all of one length. Every problem is a `PlanParseError` (code
 * `bad-embeddings`) naming `file` and, where it can, the line (of bad JSON, or of the offending key).
 */
export function parseEmbeddingsFile(text: string, file: string): EmbeddingsFile {
  const raw = parseJsonText(text, file, 'bad-embeddings');
  const bad = (detail: string, key?: string) => {
    const at = key === undefined ? -1 : text.indexOf(JSON.stringify(key));
    return new PlanParseError('bad-embeddings', file, at >= 0 ? lineAt(text, at) : null, detail);
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw bad('an embeddings file is one object: {"model": "<name>", "vectors": {"<taskHash>": [numbers]}}');
  }
  const r = raw as Record<string, unknown>;
  if (typeof r.model !== 'string' || !r.model) throw bad(`"model" must name the model that made the vectors, not ${JSON.stringify(r.model)}`);
  if (!r.vectors || typeof r.vectors !== 'object' || Array.isArray(r.vectors)) {
    throw bad('"vectors" must be an object mapping each task text\'s hash to its vector');
  }
  const vectors: Record<string, number[]> = {};
  let dimension = 0;
  let first = '';
  for (const [key, value] of Object.entries(r.vectors as Record<string, unknown>)) {
    if (!HASH.test(key)) {
      throw bad(`"${key}" is not a task hash (16 lowercase hex digits: sha256 of the task text as UTF-8, first 16)`, key);
    }
    if (!Array.isArray(value) || value.length === 0) throw bad(`the vector of ${key} must be a non-empty list of numbers`, key);
    const k = value.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
    if (k >= 0) throw bad(`the vector of ${key} has ${JSON.stringify(value[k])} at index ${k}; every entry must be a finite number`, key);
    if (!dimension) {
      dimension = value.length;
      first = key;
    } else if (value.length !== dimension) {
      throw bad(`the vector of ${key} has ${value.length} numbers, but that of ${first} has ${dimension}; all must be of one length`, key);
    }
    vectors[key] = value as number[];
  }
  if (!dimension) throw bad('"vectors" is empty');
  return { model: r.model, vectors };
}

/** Reads an embeddings file from disk (see `parseEmbeddingsFile`). */
export function readEmbeddingsFile(path: string): EmbeddingsFile {
  return parseEmbeddingsFile(readJsonFile(path, 'bad-embeddings'), path);
}
