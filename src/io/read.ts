/**
 * Reading plan files: size check, decoding and normalization. `readPlanText` works on bytes and touches
 * no file system; `readPlanFile` is the loader's I/O layer and reads the file first.
 */
import { readFileSync, statSync } from 'node:fs';
import { PlanParseError } from '../errors';
import type { NormalizedText } from '../types';
import { normalizeText } from '../text/normalize';
import { decodeBytes } from './decode';

/** Options of `readPlanText` and `readPlanFile`. */
export interface ReadOptions {
  /** Largest file accepted, in bytes (default 256 MiB) */
  maxBytes?: number;
}

/** Default size limit: 256 MiB. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${n} bytes`;
}

function tooLarge(file: string, size: number, limit: number): PlanParseError {
  return new PlanParseError(
    'too-large',
    file,
    null,
    `the file is ${formatBytes(size)}, larger than the limit of ${formatBytes(limit)} (raise maxBytes to read it)`,
  );
}

/**
 * Decodes and normalizes the bytes of a plan: size check (`too-large`), `decodeBytes` (encoding
 * detection, refusing PDF, Word and binary files) and `normalizeText`.
 */
export function readPlanText(bytes: Uint8Array, file: string, options: ReadOptions = {}): NormalizedText {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit) throw tooLarge(file, bytes.length, limit);
  const decoded = decodeBytes(bytes, file);
  const normalized = normalizeText(decoded.text);
  return { text: normalized.text, encoding: decoded.encoding, convertedFromTraditional: normalized.convertedFromTraditional };
}

/**
 * Reads a plan file (synchronously) and returns its normalized text (see `readPlanText`). A missing file is a
 * `PlanParseError` with code `not-found`; a file over the size limit is refused before it is read.
 */
export function readPlanFile(path: string, options: ReadOptions = {}): NormalizedText {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw new PlanParseError('not-found', path, null, 'this is a folder, not a plan file');
    size = info.size;
  } catch (error) {
    if (error instanceof PlanParseError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new PlanParseError('not-found', path, null, 'no such file');
    throw new PlanParseError('not-found', path, null, `cannot read the file (${code ?? String(error)})`);
  }
  if (size > limit) throw tooLarge(path, size, limit);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PlanParseError('not-found', path, null, `cannot read the file (${code ?? String(error)})`);
  }
  if (bytes.length > limit) throw tooLarge(path, bytes.length, limit);
  return readPlanText(bytes, path, options);
}
