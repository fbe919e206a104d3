/**
 * Run after the build (`npm run build`, and so `npm ci`): fills dist/plan-cache/ with the plan cache
 * entries of the bundled corpus, made by the bundle just built, so that a machine's first
 * `plandiff diff putuo-2023 songjiang-2024` reads the bundled plans already parsed and tokenized instead of
 * loading nodejieba's dictionary (about a second). The CLI reads the folder and never writes it; an entry
 * matches only the bundle and tokenizer that made it, so a stale folder costs time, never a result. When
 * the CLI cannot run here, the folder is left empty and the build goes on.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'dist', 'plan-cache');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const ids = JSON.parse(readFileSync(join(root, 'corpus', 'manifest.json'), 'utf8')).plans.map((p) => p.id);
// `align` loads both of its plans through the plan cache; pairs that together name every bundled plan
const pairs = [];
for (let k = 0; k < ids.length; k += 2) pairs.push([ids[k], ids[k + 1] ?? ids[0]]);
for (const [a, b] of pairs) {
  const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'align', a, b, '--format', 'json'], {
    cwd: root,
    env: { ...process.env, PLANDIFF_CACHE_DIR: dir },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(`ship-plan-cache: plandiff align ${a} ${b} failed; the bundled plans will be tokenized on first use\n${run.stderr ?? ''}`);
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
}
// keep the plan entries only (the token cache written beside them is not needed)
for (const f of readdirSync(dir)) if (!/^plan-[0-9a-f]{40}\.json$/.test(f)) rmSync(join(dir, f), { recursive: true, force: true });
const kept = readdirSync(dir).length;
process.stdout.write(`ship-plan-cache: ${kept} bundled plans cached in dist/plan-cache\n`);
