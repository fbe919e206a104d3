/**
 * Writing outputs safely: atomically (temp file + rename), never over an input file, and over an existing
 * file only when the user says `--force`.
 */
import { existsSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors';

/** Options of `writeOutput`. */
export interface WriteOptions {
  /** Replace an existing file */
  force?: boolean;
  /** Files the command read; the output may never be one of them */
  inputs?: string[];
}

function canonical(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    return abs;
  }
}

/**
 * Checks that `path` may be written: not an input, in an existing folder, not a folder, and (without force)
 * not an existing file. Throws a `UsageError` saying why not. Call it before long work to fail fast.
 */
export function checkOutput(path: string, options: WriteOptions = {}): void {
  const target = canonical(path);
  for (const input of options.inputs ?? []) {
    if (canonical(input) === target) {
      throw new UsageError(`refusing to write the output over the input file ${path}`);
    }
  }
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`cannot write ${path}: the folder ${folder} does not exist`);
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new UsageError(`${path} is a folder; give the name of a file to write`);
  }
  if (existsSync(target) && !options.force) {
    throw new UsageError(`${path} already exists; pass --force to replace it`);
  }
}

/** Writes `content` to `path` atomically, refusing to clobber inputs or (without force) existing files. */
export function writeOutput(path: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  checkOutput(path, options);
  const target = canonical(path);
  const folder = dirname(target);
  const tmp = join(folder, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, target);
  } catch (err) {
    if (existsSync(tmp)) unlinkSync(tmp);
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new UsageError(`cannot write ${path} (${code})`);
  }
}
