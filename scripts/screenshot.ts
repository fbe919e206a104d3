/**
 * Renders the flagship diff (putuo-2023 → songjiang-2024) as the HTML report and saves a picture of the top
 * of the page for the README: docs/report.png, 1200 × 1300 px (the summary with its counts and charts, the
 * filters and the first pairs).
 *
 *   npx tsx scripts/screenshot.ts [--out docs/report.png] [--width 1200] [--height 1300] [--lang zh|en]
 *
 * Needs playwright-core (a dev dependency) and Chromium at /usr/bin/chromium (`apt-get install -y chromium`,
 * or set CHROMIUM_PATH); Chinese text needs a CJK font (`apt-get install -y fonts-noto-cjk`). Nothing is
 * fetched from the network.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { loadPlan } from '../src/corpus';
import { diffPlans } from '../src/diff/diff';
import { renderReport } from '../src/report/index';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'docs/report.png' },
      width: { type: 'string', default: '1200' },
      height: { type: 'string', default: '1300' },
      lang: { type: 'string', default: 'zh' },
    },
  });
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`screenshot: ${CHROMIUM} not found (apt-get install -y chromium)\n`);
    return 1;
  }
  const lang = values.lang === 'en' ? 'en' : 'zh';
  const width = Number(values.width);
  const height = Number(values.height);
  const out = resolve(values.out!);

  const diff = diffPlans(loadPlan('putuo-2023'), loadPlan('songjiang-2024'));
  const html = renderReport(diff, 'html', { lang });

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    const outside: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && r.url() !== 'about:blank') outside.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(html, { waitUntil: 'load' });
    if (outside.length) throw new Error(`the report requested ${outside.join(', ')}`);
    if (errors.length) throw new Error(`the page logged errors: ${errors.join('; ')}`);
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out, fullPage: false });
  } finally {
    await browser.close();
  }
  const kb = Math.round(statSync(out).size / 1024);
  process.stdout.write(`${out}: ${width}×${height}, ${kb} KB (${diff.pairs.length} pairs, ${diff.added.length} added, ${diff.dropped.length} dropped)\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`screenshot: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
