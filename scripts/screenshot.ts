/**
 * Renders a diff as the HTML report and takes screenshots of it in headless Chromium, so that a person
 * can look at what researchers will see.
 *
 *   npx tsx scripts/screenshot.ts [diff.json] [out-dir]
 *
 * Defaults: test/fixtures/report/diff.json and test-output/. Writes report.html, report.png (first
 * screen), report-full.png (whole page) and report-strengthened.png (filtered to strengthened pairs).
 * Needs /usr/bin/chromium (`apt-get install -y chromium`) or CHROMIUM_PATH.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { renderReport } from '../src/report/index';
import type { PlanDiff } from '../src/types';

/** Flags that keep Chromium off the network and quiet. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function main(): Promise<void> {
  const input = resolve(process.argv[2] ?? 'test/fixtures/report/diff.json');
  const outDir = resolve(process.argv[3] ?? 'test-output');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.error(`Chromium not found at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    process.exit(2);
  }
  const diff = JSON.parse(readFileSync(input, 'utf8')) as PlanDiff;
  mkdirSync(outDir, { recursive: true });
  const htmlPath = resolve(outDir, 'report.html');
  writeFileSync(htmlPath, renderReport(diff, 'html', { lang: process.env.REPORT_LANG === 'en' ? 'en' : 'zh' }));

  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(pathToFileURL(htmlPath).href);
    await page.screenshot({ path: resolve(outDir, 'report.png') });
    await page.screenshot({ path: resolve(outDir, 'report-full.png'), fullPage: true });
    for (const box of await page.locator('input[name="status"]').all()) {
      if ((await box.getAttribute('value')) !== 'strengthened') await box.uncheck();
    }
    await page.screenshot({ path: resolve(outDir, 'report-strengthened.png'), fullPage: true });
    console.log(`wrote ${htmlPath} and screenshots in ${outDir}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
