/**
 * Reading plan files: size check, decoding and normalization. `readPlanText` works on bytes and touches
 * no file system; `readPlanFile` is the loader's I/O layer and reads the file first. Plain text, HTML
 * pages (.html, or text that is a page) and Word files (.docx) are read; their text is extracted first
 * (src/io/html.ts, src/io/docx.ts, loaded only when such a file comes). PDF is refused with a hint.
 */
import { readFileSync, statSync } from 'node:fs';
import { PlanParseError } from '../errors';
import type { NormalizedText } from '../types';
import { normalizeText } from '../text/normalize';
import { decodeBytes } from './decode';
import { docxToText, isDocx } from './docx';
import { htmlToText, looksLikeHtml } from './html';

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
 * Decodes and normalizes the bytes of a plan: size check (`too-large`), then the text of a Word file
 * (`docxToText`), or `decodeBytes` (encoding detection, refusing PDF, old Word and binary files) and,
 * for an HTML page, its text (`htmlToText`); then `normalizeText`. Line numbers count in the text returned.
 */
export function readPlanText(bytes: Uint8Array, file: string, options: ReadOptions = {}): NormalizedText {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit) throw tooLarge(file, bytes.length, limit);
  let text: string;
  let encoding: string;
  let format: 'text' | 'html' | 'docx' = 'text';
  if (isZip(bytes) && (/\.docx$/i.test(file) || isDocx(bytes))) {
    text = docxToText(bytes, file);
    encoding = 'utf-8';
    format = 'docx';
  } else {
    const decoded = decodeBytes(bytes, file);
    encoding = decoded.encoding;
    text = decoded.text;
    if (/\.x?html?$/i.test(file) || looksLikeHtml(text)) {
      text = htmlToText(text);
      format = 'html';
    }
  }
  if (format !== 'text' && text.trim() === '') {
    throw new PlanParseError('empty', file, null, `no text: the ${format === 'html' ? 'page' : 'Word file'} holds no text`);
  }
  const normalized = normalizeText(text);
  const read: NormalizedText = { text: normalized.text, encoding, convertedFromTraditional: normalized.convertedFromTraditional };
  if (format !== 'text') read.format = format;
  return read;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
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
