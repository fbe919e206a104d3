/**
 * A progress bar for long batch runs (a folder of 2,000 plans). It draws on a terminal only: when the
 * stream is not a TTY (a pipe, a log file, a test) it writes nothing at all, so output that a script
 * captures never carries bar characters.
 */

/** The part of a writable stream the progress bar uses (`process.stderr` fits). */
export interface ProgressStream {
  /** True when the stream is a terminal; the bar draws only then */
  isTTY?: boolean;
  /** Terminal width in characters, when known */
  columns?: number;
  /** Writes a chunk */
  write(chunk: string): unknown;
}

/** A running progress bar. */
export interface Progress {
  /** Counts `n` more items done (default 1) */
  tick(n?: number): void;
  /** Sets the number of items done */
  update(done: number): void;
  /** Draws the bar full (or at its last count) and ends its line; later calls do nothing */
  finish(): void;
}

/** Widest bar drawn, in cells. */
const MAX_BAR_WIDTH = 30;
/** Narrowest bar drawn; on a narrower terminal only the label and counts are shown. */
const MIN_BAR_WIDTH = 10;
/** Width assumed when the stream does not say. */
const DEFAULT_COLUMNS = 80;

/** The line drawn for `done` of `total` items; exported for tests. */
export function progressLine(done: number, total: number, label: string, columns: number = DEFAULT_COLUMNS): string {
  const clamped = Math.max(0, Math.min(done, total));
  const ratio = total > 0 ? clamped / total : 1;
  const percent = Math.floor(ratio * 100);
  const counts = `${clamped}/${total} ${String(percent).padStart(3)}%`;
  const room = columns - 1 - label.length - counts.length - 4; // two spaces and two brackets
  const width = Math.min(MAX_BAR_WIDTH, room);
  if (width < MIN_BAR_WIDTH) return `${label} ${counts}`;
  const filled = Math.floor(ratio * width);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${counts}`;
}

/**
 * Creates a progress bar for `total` items, labelled `label`, drawn on `stream` (default stderr).
 * Draws only when `stream.isTTY` is true, and only when the drawn line changes (at most about once per
 * percent), so ticking 100,000 times costs little.
 *
 * @example
 * const progress = createProgress(files.length, 'parsing');
 * for (const f of files) { load(f); progress.tick(); }
 * progress.finish();
 */
export function createProgress(total: number, label: string, stream: ProgressStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let done = 0;
  let finished = false;
  let lastPercent = -1;
  let lastLine = '';

  const draw = (force: boolean): void => {
    if (!tty) return;
    const percent = total > 0 ? Math.floor((Math.min(done, total) / total) * 100) : 100;
    if (!force && percent === lastPercent) return;
    lastPercent = percent;
    const line = progressLine(done, total, label, stream.columns ?? DEFAULT_COLUMNS);
    if (line === lastLine) return;
    lastLine = line;
    // Carriage return, the line, then clear what a longer previous line left.
    stream.write(`\r${line}\x1b[K`);
  };

  return {
    tick(n = 1) {
      if (finished) return;
      done += n;
      draw(false);
    },
    update(value: number) {
      if (finished) return;
      done = value;
      draw(false);
    },
    finish() {
      if (finished) return;
      finished = true;
      if (!tty) return;
      draw(true);
      stream.write('\n');
    },
  };
}
