/**
 * Opens the convergence audit's HTML (the four other bundled plans against jiading-2023) in headless
 * Chromium: the heatmap has one cell per (directive task, plan) with the status counts of the audit, cells
 * are coloured by status, the page logs no errors and requests nothing but itself.
 * Needs /usr/bin/chromium; skipped with a notice when it is missing.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, OUT, openHtml } from './helpers/browser';
import { auditConvergence } from '../src/audit/audit';
import { loadPlan } from '../src/corpus';
import { renderAudit } from '../src/report/index';
import type { Convergence } from '../src/types';

if (!HAVE_CHROMIUM) console.warn('Chromium not found: apt-get install -y chromium to run the browser audit test');


describe.skipIf(!HAVE_CHROMIUM)('audit HTML in Chromium', () => {
  let conv: Convergence;
  let browser: Browser;
  let page: Page;
  let url: string;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const others = ['putuo-2023', 'pudong-2022', 'songjiang-2024', 'baoshan-2024'].map((id) => loadPlan(id));
    conv = auditConvergence(loadPlan('jiading-2023'), others);
    ({ browser, page, url } = await openHtml('browser-audit.html', renderAudit(conv, 'html'), { width: 1200, height: 1000 }, requests, errors));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows one heatmap cell per directive task and plan, with the audit’s counts', async () => {
    expect(await page.locator('#matrix tbody tr').count()).toBe(conv.directiveTasks.length);
    for (const p of conv.plans) {
      for (const status of ['adopted', 'adapted', 'missing'] as const) {
        const n = p.cells.filter((c) => c.status === status).length;
        expect(await page.locator(`#matrix td.cell[data-plan="${p.plan.id}"][data-status="${status}"]`).count()).toBe(n);
        expect(await page.locator(`#audit-summary tr[data-plan="${p.plan.id}"] td[data-field="${status}"]`).innerText()).toBe(String(n));
      }
    }
  });

  it('colours cells by status', async () => {
    const bg = (sel: string) =>
      page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(sel)})).backgroundColor`) as Promise<string>;
    expect(await bg('td.cell[data-status="missing"]')).toBe('rgb(236, 239, 242)');
    if (conv.plans.some((p) => p.counts.adopted > 0)) expect(await bg('td.cell[data-status="adopted"]')).toBe('rgb(31, 122, 69)');
    expect(await bg('td.cell[data-status="adapted"]')).toMatch(/^rgba\(61, 111, 196, 0\.\d+\)$/);
  });

  it('logs no errors and requests nothing but the page itself', async () => {
    await page.screenshot({ path: resolve(OUT, 'browser-audit.png') });
    expect(errors).toEqual([]);
    expect(requests.filter((r) => r !== url && !r.startsWith('data:'))).toEqual([]);
  });
});
