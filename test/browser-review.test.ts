/**
 * The review questions of the HTML diff report in real headless Chromium: answering 相同 on one question and
 * 不同 on another, the answers surviving a reload (localStorage), and the exported decisions file: its exact
 * text, and that the decisions reader takes it back for the same pair.
 * Needs /usr/bin/chromium; skipped with a notice when it is missing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, openHtml } from './helpers/browser';
import { loadPlan } from '../src/corpus';
import { diffPlans } from '../src/diff/diff';
import { decisionsFor, formatDecisionsFile, parseDecisionsFile } from '../src/io/decisions';
import { renderReport } from '../src/report/index';
import { reviewSheet } from '../src/report/review';
import type { Decision, Plan, PlanDiff, ReviewQuestion, ReviewSheet } from '../src/types';

if (!HAVE_CHROMIUM) console.warn('Chromium not found: apt-get install -y chromium to run the review browser test');

const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);

/** Three questions made by hand from the plans' first tasks (the page does not care where they came from). */
function questions(a: Plan, b: Plan): ReviewQuestion[] {
  return [
    [1, 1, 0.52],
    [2, 3, 0.47],
    [4, 2, 0.3],
  ].map(([sa, sb, p]) => ({
    a: sa!,
    b: sb!,
    probability: p!,
    why: `near the cut (${p})`,
    aHash: hash(a.tasks[sa! - 1]!.text),
    bHash: hash(b.tasks[sb! - 1]!.text),
  }));
}

describe.skipIf(!HAVE_CHROMIUM)('review questions in the HTML report, in Chromium', { timeout: 60_000 }, () => {
  let A: Plan;
  let B: Plan;
  let diff: PlanDiff;
  let sheet: ReviewSheet;
  let browser: Browser;
  let page: Page;
  let url: string;
  const requests: string[] = [];
  const errors: string[] = [];
  const carried: Decision = { a: 5, b: 4, same: false };

  beforeAll(async () => {
    A = loadPlan('songjiang-2024');
    B = loadPlan('baoshan-2024');
    diff = diffPlans(A, B);
    sheet = reviewSheet(A, B, questions(A, B), [carried]);
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
    expect(await first.getAttribute('data-a')).toBe('1');
    expect(await first.getAttribute('data-b')).toBe('1');
    expect(await first.innerText()).toContain(A.tasks[0]!.text.slice(0, 20));
    expect(await first.innerText()).toContain(B.tasks[0]!.text.slice(0, 20));
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
    const expected = {
      a: 'songjiang-2024',
      b: 'baoshan-2024',
      decisions: [
        { a: 1, b: 1, same: true, aHash: q1!.aHash, bHash: q1!.bHash },
        { a: 2, b: 3, same: false, aHash: q2!.aHash, bHash: q2!.bHash },
        carried,
      ],
    };
    expect(text).toBe(formatDecisionsFile(expected));
    // what --decisions reads, for this pair and for the pair given the other way round
    const file = parseDecisionsFile(text, 'download.json');
    expect(decisionsFor(file, A, B, 'download.json')).toEqual(expected.decisions);
    expect(decisionsFor(file, B, A, 'download.json').map((d) => [d.a, d.b, d.same])).toEqual([[1, 1, true], [3, 2, false], [4, 5, false]]);
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
