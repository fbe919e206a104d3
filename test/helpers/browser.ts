/** Headless Chromium for the HTML report tests: Debian's chromium, launched with the network kept quiet. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where the browser tests write their pages and screenshots. */
export const OUT = resolve(import.meta.dirname, '..', '..', 'test-output');

/** Where Debian's chromium package installs the browser. */
export const CHROMIUM = '/usr/bin/chromium';
/** True when the browser tests can run here. */
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** Launches headless Chromium without background connections (this machine has no network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Records every request a page makes and every console error, warning or page error it shows. */
export function watchPage(page: Page, requests: string[], errors: string[]): void {
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
}

/**
 * Writes `html` to test-output/`name`, opens it in a new headless Chromium page of the given size, and
 * records the page's requests and errors into the lists given.
 */
export async function openHtml(
  name: string,
  html: string,
  viewport: { width: number; height: number },
  requests: string[],
  errors: string[],
): Promise<{ browser: Browser; page: Page; url: string }> {
  mkdirSync(OUT, { recursive: true });
  const file = resolve(OUT, name);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  watchPage(page, requests, errors);
  await page.goto(url);
  return { browser, page, url };
}
