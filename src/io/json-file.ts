/**
 * Reading the small JSON files a user hands plandiff (decisions, embeddings): a missing file, bad bytes or
 * bad JSON become a `PlanParseError` naming the file and, where JSON.parse tells a position, the line.
 */
import { readFileSync, statSync } from 'node:fs';
import { PlanParseError, type PlanErrorCode } from '../errors';

/** The 1-based line of character `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** True when JSON.parse fails on `text` only because it stops early (at its very end), or does not fail. */
function parsesSoFar(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (err) {
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    return at ? Number(at[1]) >= text.length : /end of (JSON )?input/i.test(message);
  }
}

/**
 * The offset JSON.parse fails at: from its message ("at position 42"), else (Node 20 words some errors
 * without one) the shortest prefix of `text` that fails for a reason other than stopping early, found by
 * bisection (a prefix that fails so fails whatever follows). Clamped to the last non-blank character.
 */
function errorOffset(message: string, text: string): number {
  const end = text.trimEnd().length;
  const at = /at position (\d+)/.exec(message);
  if (at) return Math.min(Number(at[1]), end);
  if (/end of (JSON )?input/i.test(message)) return end;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (parsesSoFar(text.slice(0, mid + 1))) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, end);
}

/** Parses `text` as JSON; bad JSON is a PlanParseError with `code`, naming `file` and the line. */
export function parseJsonText(text: string, file: string, code: PlanErrorCode): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) throw new PlanParseError(code, file, null, 'the file is empty; it should hold one JSON object');
  try {
    return JSON.parse(body);
  } catch (err) {
    const message = (err as Error).message;
    // Node 20 says "… in JSON at position 42"; newer versions add "(line 3 column 5)": one line either way
    throw new PlanParseError(code, file, lineAt(body, errorOffset(message, body)), `not valid JSON (${message.replace(/\s*\(line \d+ column \d+\)/, '')})`);
  }
}

/** Reads a UTF-8 text file of at most `maxBytes` (a JSON file for `parseJsonText`); every failure names the file. */
export function readJsonFile(path: string, code: PlanErrorCode, maxBytes = 256 * 1024 * 1024): string {
  let text: string;
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw new PlanParseError('not-found', path, null, 'this is a folder, not a file');
    if (info.size > maxBytes) throw new PlanParseError(code, path, null, `the file is larger than ${maxBytes} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof PlanParseError) throw error;
    const errno = (error as NodeJS.ErrnoException).code;
    if (errno === 'ENOENT' || errno === 'ENOTDIR') throw new PlanParseError('not-found', path, null, 'no such file');
    throw new PlanParseError('not-found', path, null, `cannot read the file (${errno ?? String(error)})`);
  }
  return text;
}
