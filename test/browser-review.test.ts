/**
 * The review questions of the HTML diff report in real headless Chromium: answering 相同 on one question and
 * 不同 on another, the answers surviving a reload (localStorage), and the exported decisions file: its exact
 * text, that the decisions reader takes it back, and that aligning with it pairs the 相同 link, leaves the
 * 不同 one out and asks neither again.
 * Needs /usr/bin/chromium; skipped with a notice when it is missing.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, openHtml } from './helpers/browser';
import { alignPlans } from '../src/align/align';
import { reviewQueue } from '../src/align/review';
import { loadPlan } from '../src/corpus';
import { diffPlans } from '../src/diff/diff';
import { decisionsFor, formatDecisionsFile, parseDecisionsFile } from '../src/io/decisions';
import { renderReport } from '../src/report/index';
import { reviewSheet } from '../src/report/review';
import type { Alignment, Decision, Plan, PlanDiff, ReviewSheet } from '../src/types';

if (!HAVE_CHROMIUM) console.warn('Chromium not found: apt-get install -y chromium to run the review browser test');

describe.skipIf(!HAVE_CHROMIUM)('review questions in the HTML report, in Chromium', { timeout: 60_000 }, () => {
  let A: Plan;
  let B: Plan;
  let alignment: Alignment;
  let diff: PlanDiff;
  let sheet: ReviewSheet;
  let browser: Browser;
  let page: Page;
  let url: string;
  const requests: string[] = [];
  const errors: string[] = [];
  let carried: Decision;

  beforeAll(async () => {
    A = loadPlan('songjiang-2024');
    B = loadPlan('baoshan-2024');
    alignment = alignPlans(A, B);
    diff = diffPlans(A, B, { alignment });
    // the first three questions are asked; the fifth is answered already (carried over from a decisions file)
    const queue = reviewQueue(alignment, { limit: 5 });
    const q5 = queue[4]!;
    carried = { a: q5.a, b: q5.b, same: false, aHash: q5.aHash, bHash: q5.bHash };
    sheet = reviewSheet(A, B, queue.slice(0, 3), [carried]);
    const html = renderReport(diff, 'html', { review: sheet });
    ({ browser, page, url } = await openHtml('browser-review.html', html, { width: 1200, height: 900 }, requests, errors));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the questions with both texts and 相同 / 不同 buttons', async () => {
    const items = page.locator('#review .question');
    expect(await items.count()).toBe(3);
    const first = items.nth(0);
    const q1 = sheet.queue[0]!;
    expect(await first.getAttribute('data-a')).toBe(String(q1.a));
    expect(await first.getAttribute('data-b')).toBe(String(q1.b));
    expect(await first.innerText()).toContain(A.tasks.find((t) => t.seq === q1.a)!.text.slice(0, 20));
    expect(await first.innerText()).toContain(B.tasks.find((t) => t.seq === q1.b)!.text.slice(0, 20));
    expect(await first.locator('button[data-same="true"]').innerText()).toBe('相同');
    expect(await first.locator('button[data-same="false"]').innerText()).toBe('不同');
    expect(await page.locator('#review-answered').innerText()).toBe('已回答 0 / 3');
  });

  it('records answers, keeps them over a reload, and exports the decisions file', async () => {
    await page.locator('#question-1 button[data-same="true"]').click();
    await page.locator('#question-2 button[data-same="false"]').click();
    expect(await page.locator('#question-1').getAttribute('data-answer')).toBe('true');
    expect(await page.locator('#question-2').getAttribute('data-answer')).toBe('false');
    expect(await page.locator('#question-3').getAttribute('data-answer')).toBe('');
    expect(await page.locator('#review-answered').innerText()).toBe('已回答 2 / 3');

    await page.reload();
    expect(await page.locator('#question-1 button[data-same="true"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#question-2 button[data-same="false"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#review-answered').innerText()).toBe('已回答 2 / 3');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#review-export').click()]);
    expect(download.suggestedFilename()).toBe('decisions-songjiang-2024-baoshan-2024.json');
    const text = readFileSync((await download.path())!, 'utf8');
    const [q1, q2] = sheet.queue;
    const decisions = [
      { a: q1!.a, b: q1!.b, same: true, aHash: q1!.aHash, bHash: q1!.bHash },
      { a: q2!.a, b: q2!.b, same: false, aHash: q2!.aHash, bHash: q2!.bHash },
      carried,
    ].sort((x, y) => x.a - y.a || x.b - y.b);
    expect(text).toBe(formatDecisionsFile({ a: 'songjiang-2024', b: 'baoshan-2024', decisions }));
    // what --decisions reads, for this pair and for the pair given the other way round
    const file = parseDecisionsFile(text, 'download.json');
    expect(decisionsFor(file, A, B, 'download.json')).toEqual(decisions);
    expect(decisionsFor(file, B, A, 'download.json').map((d) => [d.b, d.a, d.same])).toEqual(decisions.map((d) => [d.a, d.b, d.same]));
    // and what the alignment makes of them: 相同 paired by a reader, 不同 in no pair, none asked again
    const decided = alignPlans(A, B, { decisions: decisionsFor(file, A, B, 'download.json') });
    const linked = (a: number, b: number) => decided.pairs.flatMap((p) => p.links).find((l) => l.a === a && l.b === b);
    expect(linked(q1!.a, q1!.b)?.decided).toBe('same');
    expect(linked(q2!.a, q2!.b)).toBeUndefined();
    expect(linked(carried.a, carried.b)).toBeUndefined();
    const again = reviewQueue(decided);
    for (const d of decisions) expect(again.some((q) => q.a === d.a && q.b === d.b)).toBe(false);
  });

  it('answering the same button again takes the answer back; clearing forgets all', async () => {
    await page.locator('#question-1 button[data-same="true"]').click();
    expect(await page.locator('#question-1').getAttribute('data-answer')).toBe('');
    expect(await page.locator('#review-answered').innerText()).toBe('已回答 1 / 3');
    await page.locator('#review-clear').click();
    await page.reload();
    expect(await page.locator('#review-answered').innerText()).toBe('已回答 0 / 3');
  });

  it('logs no errors and requests nothing but the page itself', () => {
    expect(errors).toEqual([]);
    expect(requests.filter((r) => r !== url && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
  });

  it('labels the buttons same / different in English', async () => {
    const en = renderReport(diff, 'html', { review: sheet, lang: 'en' });
    const other = await browser.newPage();
    await other.setContent(en);
    expect(await other.locator('#question-1 button[data-same="true"]').innerText()).toBe('same');
    expect(await other.locator('#question-1 button[data-same="false"]').innerText()).toBe('different');
    await other.close();
  });
});
