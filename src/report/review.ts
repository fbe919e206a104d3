/**
 * The review queue as a reader gets it (`plandiff review`): `reviewSheet` joins the questions of
 * `reviewQueue` with both tasks' texts and source lines; `renderReview` prints the sheet as JSON, as a
 * Markdown list quoting both texts, or as a self-contained HTML page whose buttons record the answers and
 * export them as a decisions file.
 */
import { planRef } from '../align/align';
import { round4 } from '../align/util';
import type { Decision, Plan, ReviewQuestion, ReviewSheet, Task } from '../types';
import { formatSource, planName } from './common';
import { escapeHtml as h, pageHead } from './html';
import { labelsFor, type ReportLang } from './labels';
import { mdEscape } from './markdown';
import { reviewPart } from './review-html';
import { reviewLabelsFor } from './review-labels';

/** Output formats of `renderReview`. */
export type ReviewFormat = 'json' | 'md' | 'html';

/** The JSON form of a review sheet: `{"a": "<plan id>", "b": "<plan id>", "queue": [...]}`. */
export interface ReviewJson {
  /** Id of plan a */
  a: string;
  /** Id of plan b */
  b: string;
  /** The questions, most useful first, each with both tasks' texts */
  queue: { a: number; b: number; probability: number; why: string; aHash: string; bHash: string; aText: string; bText: string }[];
}

function taskOf(plan: Plan, seq: number): Task {
  const task = plan.tasks.find((t) => t.seq === seq);
  if (!task) throw new RangeError(`plandiff: ${plan.meta.id} has no task ${seq}`);
  return task;
}

/**
 * The sheet of questions for plans `a` → `b`: each question of `questions` (from `reviewQueue`) with both
 * tasks' texts and source lines, and the decisions already made (`decided`, kept by the HTML page's export).
 */
export function reviewSheet(a: Plan, b: Plan, questions: readonly ReviewQuestion[], decided: readonly Decision[] = []): ReviewSheet {
  // decisions in a stable order, as a decisions file lists them
  const queue = questions.map((q) => {
    const ta = taskOf(a, q.a);
    const tb = taskOf(b, q.b);
    return { ...q, aText: ta.text, bText: tb.text, aSource: ta.source, bSource: tb.source };
  });
  return { a: planRef(a), b: planRef(b), queue, decided: [...decided].sort((x, y) => x.a - y.a || x.b - y.b) };
}

/** The JSON form of a sheet (what `plandiff review --format json` prints). */
export function reviewToJson(sheet: ReviewSheet): ReviewJson {
  return {
    a: sheet.a.id,
    b: sheet.b.id,
    queue: sheet.queue.map((q) => ({ a: q.a, b: q.b, probability: round4(q.probability), why: q.why, aHash: q.aHash, bHash: q.bHash, aText: q.aText, bText: q.bText })),
  };
}

function quote(text: string): string {
  return mdEscape(text)
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('  \n');
}

function reviewMarkdown(sheet: ReviewSheet, lang: ReportLang): string {
  const L = labelsFor(lang);
  const R = reviewLabelsFor(lang);
  const out = [`# ${mdEscape(R.title.replace('{a}', planName(sheet.a)).replace('{b}', planName(sheet.b)))}`, ''];
  out.push(`${L.planA}${L.colon}${mdEscape(planName(sheet.a))}${L.gap}${L.planB}${L.colon}${mdEscape(planName(sheet.b))}`, '');
  out.push(R.intro, '', R.mdHowTo, '');
  if (sheet.decided.length) out.push(R.carried.replace('{n}', String(sheet.decided.length)), '');
  if (!sheet.queue.length) out.push(R.none, '');
  sheet.queue.forEach((q, i) => {
    out.push(`## ${R.question.replace('{n}', String(i + 1))} · ${R.probability} ${q.probability.toFixed(2)}`, '');
    out.push(`${R.why}${L.colon}${mdEscape(q.why)}`, '');
    out.push(`**${L.planA} #${q.a}** · \`${formatSource(q.aSource)}\``, '', quote(q.aText), '');
    out.push(`**${L.planB} #${q.b}** · \`${formatSource(q.bSource)}\``, '', quote(q.bText), '');
    out.push(`\`{"a": ${q.a}, "b": ${q.b}, "same": ?, "aHash": "${q.aHash}", "bHash": "${q.bHash}"}\``, '');
  });
  out.push('---', '', L.generatedBy, '');
  return out.join('\n');
}

/** The base style of the stand-alone review page (the questions' own style is in review-html.ts). */
const PAGE_CSS = `
:root{--fg:#1f2328;--muted:#5d6670;--line:#d6dbe0;--bg:#fff;--soft:#f5f7f9}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:var(--bg);font:15px/1.65 "PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
main{max-width:1280px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:22px;margin:0 0 6px}
h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
.muted,.plans{color:var(--muted)}
code{font:12px/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;word-break:break-all}
footer{margin-top:32px;font-size:12px;color:var(--muted)}
`;

function reviewPage(sheet: ReviewSheet, lang: ReportLang): string {
  const L = labelsFor(lang);
  const R = reviewLabelsFor(lang);
  const title = R.title.replace('{a}', planName(sheet.a)).replace('{b}', planName(sheet.b));
  const part = reviewPart(sheet, R, L.planA, L.planB);
  return `${pageHead(L.htmlLang, title, PAGE_CSS + part.css, true)}
<body>
<main>
<header class="top"><h1>${h(title)}</h1>
<p class="plans">${h(L.planA)}${h(L.colon)}${h(planName(sheet.a))}${h(L.gap)}${h(L.planB)}${h(L.colon)}${h(planName(sheet.b))}</p></header>
${part.html}
<footer>${h(L.generatedBy)}</footer>
</main>
<script>${part.script}</script>
</body>
</html>
`;
}

/** Renders a review sheet: `json` (2-space indent, trailing newline), `md` or a self-contained `html` page. */
export function renderReview(sheet: ReviewSheet, format: ReviewFormat, options: { lang?: ReportLang } = {}): string {
  const lang = options.lang ?? 'zh';
  switch (format) {
    case 'json':
      return JSON.stringify(reviewToJson(sheet), null, 2) + '\n';
    case 'md':
      return reviewMarkdown(sheet, lang);
    case 'html':
      return reviewPage(sheet, lang);
    default:
      throw new TypeError(`plandiff: unknown review format ${JSON.stringify(format)} (expected json, md or html)`);
  }
}
