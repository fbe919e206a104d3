// Runs the built CLI in this process and reports its peak memory (maxRSS, KiB) on stderr as the last line.
// Used by `npm run bench` for whole-process figures; forwards the CLI's exit code.
import { pathToFileURL } from 'node:url';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
process.argv = [process.argv[0], cli, ...process.argv.slice(2)];
process.on('exit', () => {
  process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`);
});
await import(pathToFileURL(cli).href);
