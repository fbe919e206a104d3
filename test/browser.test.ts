/**
 * Opens the HTML report of the flagship diff (putuo-2023 → songjiang-2024, computed by diffPlans from the
 * bundled plans) in real headless Chromium: the summary shows the diff's counts, the status filter shows
 * exactly the chosen pairs, the page logs no errors and requests nothing but itself.
 * Needs /usr/bin/chromium (`apt-get install -y chromium`); skipped with a notice when it is missing.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, OUT, openHtml } from './helpers/browser';
import { loadPlan } from '../src/corpus';
import { diffPlans } from '../src/diff/diff';
import { JUPYTER_DISPLAY, notebookView } from '../src/notebook';
import { renderReport } from '../src/report/index';
import type { PlanDiff } from '../src/types';

if (!HAVE_CHROMIUM) console.warn('Chromium not found: apt-get install -y chromium to run the browser test');


/**
 * The diff whose report the browser opens: the real flagship pair. The assertions below read every number
 * from the diff, so they hold whatever the alignment and classification give.
 */
function loadReportDiff(): PlanDiff {
  return diffPlans(loadPlan('putuo-2023'), loadPlan('songjiang-2024'));
}

describe.skipIf(!HAVE_CHROMIUM)('HTML report in Chromium', { timeout: 60_000 }, () => {
  let diff: PlanDiff;
  let browser: Browser;
  let page: Page;
  let url: string;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    diff = loadReportDiff();
    ({ browser, page, url } = await openHtml('browser-report.html', renderReport(diff, 'html'), { width: 1280, height: 900 }, requests, errors));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the diff’s counts in the summary', async () => {
    const expected: Record<string, number> = { unchanged: 0, reworded: 0, strengthened: 0, weakened: 0, mixed: 0 };
    for (const p of diff.pairs) expected[p.status]! += 1;
    expected.added = diff.added.length;
    expected.dropped = diff.dropped.length;
    for (const [status, n] of Object.entries(expected)) {
      expect(await page.locator(`#summary td[data-count="${status}"]`).innerText()).toBe(String(n));
      expect(await page.locator('#summary').getAttribute(`data-count-${status}`)).toBe(String(n));
      expect(await page.locator(`#rows .row[data-status="${status}"]`).count()).toBe(n);
    }
    const total = diff.pairs.length + diff.added.length + diff.dropped.length;
    expect(await page.locator('#shown-count').innerText()).toBe(String(total));
  });

  it('filters to strengthened pairs and back', async () => {
    for (const box of await page.locator('input[name="status"]').all()) {
      if ((await box.getAttribute('value')) !== 'strengthened') await box.uncheck();
    }
    const visible = page.locator('#rows .row:visible');
    const want = diff.pairs.filter((p) => p.status === 'strengthened');
    expect(await visible.count()).toBe(want.length);
    const statuses = await visible.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['strengthened']));
    const seqs = await visible.locator('.side-a .task').evaluateAll((els) => els.map((e) => e.getAttribute('data-seq')));
    expect(seqs).toEqual(want.flatMap((p) => p.a.map((t) => String(t.seq))));
    expect(await page.locator('#shown-count').innerText()).toBe(String(want.length));
    await page.screenshot({ path: resolve(OUT, 'browser-strengthened.png'), fullPage: true });

    await page.locator('#filter-reset').click();
    expect(await page.locator('#rows .row:visible').count()).toBe(diff.pairs.length + diff.added.length + diff.dropped.length);
  });

  it('shows one status only from the summary', async () => {
    await page.locator('#summary button[data-only="weakened"]').click();
    const weakened = diff.pairs.filter((p) => p.status === 'weakened').length;
    expect(await page.locator('#rows .row:visible').count()).toBe(weakened);
    expect(await page.locator('input[name="status"]:checked').count()).toBe(1);
    await page.locator('#filter-reset').click();
  });

  it('filters by change type and by section', async () => {
    const kind = diff.pairs.find((p) => p.changes.length)!.changes[0]!.kind;
    await page.selectOption('#filter-kind', kind);
    const withKind = diff.pairs.filter((p) => p.changes.some((c) => c.kind === kind)).length;
    expect(await page.locator('#rows .row:visible').count()).toBe(withKind);
    await page.selectOption('#filter-kind', '');

    const section = diff.dropped[0]?.section[0] ?? diff.pairs[0]!.a[0]!.section[0]!;
    await page.selectOption('#filter-section', `a:${section}`);
    const inSection =
      diff.pairs.filter((p) => p.a[0]?.section[0] === section).length + diff.dropped.filter((t) => t.section[0] === section).length;
    expect(inSection).toBeGreaterThan(0);
    expect(await page.locator('#rows .row:visible').count()).toBe(inSection);
    await page.locator('#filter-reset').click();
  });

  it('shows every row when printed', async () => {
    await page.locator('input[name="status"][value="unchanged"]').uncheck();
    await page.emulateMedia({ media: 'print' });
    const total = diff.pairs.length + diff.added.length + diff.dropped.length;
    expect(await page.locator('#rows .row:visible').count()).toBe(total);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('#filter-reset').click();
  });

  it('logs no errors and requests nothing but the page itself', async () => {
    // the top of the page only: a full-page shot of ~150 rows takes many seconds on a small machine
    await page.screenshot({ path: resolve(OUT, 'browser-report.png') });
    expect(errors).toEqual([]);
    expect(requests.filter((r) => r !== url && !r.startsWith('data:'))).toEqual([]);
    expect(requests).toContain(url);
  });

  it('works inside the notebook view’s sandboxed frame', async () => {
    const host = resolve(OUT, 'browser-notebook.html');
    const bundle = notebookView(diff)[JUPYTER_DISPLAY]();
    writeFileSync(host, `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${bundle['text/html']}</body></html>`);
    const hostUrl = pathToFileURL(host).href;
    const nb = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const nbRequests: string[] = [];
    const nbErrors: string[] = [];
    nb.on('request', (r) => nbRequests.push(r.url()));
    nb.on('pageerror', (e) => nbErrors.push(e.message));
    nb.on('console', (m) => {
      if (m.type() === 'error') nbErrors.push(m.text());
    });
    await nb.goto(hostUrl);
    const frame = nb.frameLocator('iframe');
    const strengthened = diff.pairs.filter((p) => p.status === 'strengthened').length;
    expect(await frame.locator('#summary').getAttribute('data-count-strengthened')).toBe(String(strengthened));
    await frame.locator('#summary button[data-only="strengthened"]').click();
    expect(await frame.locator('#rows .row:visible').count()).toBe(strengthened);
    expect(await frame.locator('#shown-count').innerText()).toBe(String(strengthened));
    // the report's styles stay inside the frame
    expect(await nb.evaluate('getComputedStyle(document.body).margin')).toBe('8px');
    await nb.close();
    expect(nbErrors).toEqual([]);
    expect(nbRequests.filter((r) => r !== hostUrl && !r.startsWith('data:') && r !== 'about:srcdoc')).toEqual([]);
  });
});
