/** Runs the command line in this process (no child process, no second nodejieba load), capturing its output. */
import { main } from '../../src/cli';

/** What a run printed and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of `runCli`. */
export interface CliRunOptions {
  /** PLANDIFF_CACHE_DIR for the run (default: the caller's environment) */
  cacheDir?: string;
  /** Pretend stdout and stderr are a terminal */
  tty?: boolean;
}

/** Runs `plandiff <args>` in process and returns its exit code and output. */
export function runCli(args: string[], options: CliRunOptions = {}): CliRun {
  let stdout = '';
  let stderr = '';
  const tty = options.tty ?? false;
  const env = { ...process.env, ...(options.cacheDir ? { PLANDIFF_CACHE_DIR: options.cacheDir } : {}) };
  const code = main(args, {
    stdout: { isTTY: tty, write: (s: string) => (stdout += s) },
    stderr: { isTTY: tty, write: (s: string) => (stderr += s) },
    env,
  });
  return { code, stdout, stderr };
}
