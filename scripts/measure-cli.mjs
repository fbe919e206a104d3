// Runs the built CLI in this process and reports its peak memory (maxRSS, KiB) on stderr as the last line.
// Used by `npm run bench` for whole-process figures; forwards the CLI's exit code.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
process.argv = [process.argv[0], cli, ...process.argv.slice(2)];
// On Linux the kernel's VmHWM is this process's own peak; getrusage's maxRSS can carry the peak of the
// process that spawned it (the bench, after alignMany), so it is the fallback only.
function peakKiB() {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}
process.on('exit', () => {
  process.stderr.write(`\nmaxRSS ${peakKiB()}\n`);
});
await import(pathToFileURL(cli).href);
