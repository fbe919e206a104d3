/**
 * Errors a caller must handle. Each names the file and, where it can, the line, in words a researcher
 * understands. Recoverable oddities are `Message`s on the result instead (see types.ts).
 */

/** Why a plan could not be read or parsed. */
export type PlanErrorCode =
  | 'empty'
  | 'binary'
  | 'pdf'
  | 'encoding'
  | 'no-tasks'
  | 'empty-row'
  | 'too-large'
  | 'not-found'
  | 'bad-manifest'
  | 'bad-decisions'
  | 'bad-embeddings';

/** A plan file that cannot be turned into a Plan. The message names the file (and line) and carries no program
 * name: the command line adds `plandiff: ` when it prints one. */
export class PlanParseError extends Error {
  override readonly name = 'PlanParseError';
  /** Machine-readable reason */
  readonly code: PlanErrorCode;
  /** File path or label */
  readonly file: string;
  /** 1-based line the problem is on, or null when it concerns the whole file */
  readonly line: number | null;

  constructor(code: PlanErrorCode, file: string, line: number | null, detail: string) {
    super(`${file}${line != null ? `:${line}` : ''}: ${detail}`);
    this.code = code;
    this.file = file;
    this.line = line;
  }
}

/** A command-line usage problem (unknown option, missing argument, refusing to overwrite). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(detail: string) {
    super(detail);
  }
}
