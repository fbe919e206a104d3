/**
 * The review questions as HTML: one section with each question's two tasks side by side and 相同 / 不同
 * (same / different) buttons, a count of answers, and an export button that downloads the decisions file
 * (`{"a", "b", "decisions": [...]}`, the format `--decisions` reads) through a Blob link. Answers are kept in
 * the page's localStorage, keyed by the two plans' ids, until exported; decisions carried over from the
 * decisions files the report was made with are kept in the export. Nothing is loaded from outside.
 *
 * Hooks for tests and scripts: `#review[data-a][data-b]`, `.question[data-a][data-b][data-answer]`,
 * `button[data-same="true"|"false"]`, `#review-answered`, `#review-export`, `#review-clear`.
 */
import type { ReviewSheet, Task } from '../types';
import { formatSource, planName } from './common';
import { escapeHtml as h } from './html';
import type { ReviewLabels } from './review-labels';

/** A piece of a page: its style, its markup and its script, for a page to include. */
export interface PagePart {
  /** CSS rules */
  css: string;
  /** Markup */
  html: string;
  /** Script (runs after the page's markup) */
  script: string;
}

/** The review section's style; every rule is scoped to `#review`. */
export const REVIEW_CSS = `
#review .review-bar{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;margin:8px 0}
#review .review-bar button{font:inherit;cursor:pointer}
#review ol.questions{list-style:none;margin:0;padding:0}
#review .question{border:1px solid var(--line,#d6dbe0);border-radius:6px;margin:12px 0;break-inside:avoid}
#review .question>header{display:flex;flex-wrap:wrap;gap:4px 14px;padding:6px 12px;background:var(--soft,#f5f7f9);border-bottom:1px solid var(--line,#d6dbe0);border-radius:6px 6px 0 0}
#review .question .why{color:var(--muted,#5d6670);font-size:13px}
#review .qsides{display:grid;grid-template-columns:1fr 1fr}
#review .qside{padding:8px 12px;min-width:0}
#review .qside+.qside{border-left:1px solid var(--line,#d6dbe0)}
#review .qside h3{font-size:13px;color:var(--muted,#5d6670);margin:0 0 4px;font-weight:600}
#review .qside p{margin:2px 0 4px;white-space:pre-wrap;word-break:break-word}
#review .answer{display:flex;gap:8px;padding:6px 12px 10px}
#review .answer button{font:inherit;min-width:5em;padding:2px 12px;cursor:pointer;border:1px solid #8a949e;border-radius:4px;background:#fff}
#review .answer button[data-same="true"][aria-pressed="true"]{background:#24864b;border-color:#24864b;color:#fff}
#review .answer button[data-same="false"][aria-pressed="true"]{background:#c8413c;border-color:#c8413c;color:#fff}
#review .question[data-answer="true"],#review .question[data-answer="false"]{opacity:.75}
@media (max-width:760px){#review .qsides{grid-template-columns:1fr}#review .qside+.qside{border-left:0;border-top:1px solid var(--line,#d6dbe0)}}
@media print{#review .review-bar,#review .answer{display:none}}
`;

/** The script behind the buttons; it reads only the page and its own localStorage entry. */
export const REVIEW_SCRIPT = `
(function () {
  var root = document.getElementById('review');
  if (!root) return;
  var planA = root.getAttribute('data-a');
  var planB = root.getAttribute('data-b');
  var key = 'plandiff-decisions:' + JSON.stringify([planA, planB]);
  var carried = JSON.parse(document.getElementById('review-decided').textContent || '[]');
  var items = Array.prototype.slice.call(root.querySelectorAll('.question'));
  var counter = document.getElementById('review-answered');
  var template = counter.getAttribute('data-label');
  var answers = {};
  try { answers = JSON.parse(window.localStorage.getItem(key) || '{}') || {}; } catch (e) { answers = {}; }
  function save() {
    try { window.localStorage.setItem(key, JSON.stringify(answers)); } catch (e) { /* storage off: answers last as long as the page */ }
  }
  function linkKey(q) { return q.getAttribute('data-a') + ':' + q.getAttribute('data-b'); }
  function show() {
    var n = 0;
    items.forEach(function (q) {
      var d = answers[linkKey(q)];
      var value = d ? String(d.same) : '';
      q.setAttribute('data-answer', value);
      if (value) n++;
      Array.prototype.forEach.call(q.querySelectorAll('button[data-same]'), function (button) {
        button.setAttribute('aria-pressed', String(button.getAttribute('data-same') === value));
      });
    });
    counter.textContent = template.replace('{n}', String(n)).replace('{total}', String(items.length));
  }
  items.forEach(function (q) {
    Array.prototype.forEach.call(q.querySelectorAll('button[data-same]'), function (button) {
      button.addEventListener('click', function () {
        var k = linkKey(q);
        var same = button.getAttribute('data-same') === 'true';
        if (answers[k] && answers[k].same === same) delete answers[k];
        else answers[k] = { a: Number(q.getAttribute('data-a')), b: Number(q.getAttribute('data-b')), same: same, aHash: q.getAttribute('data-a-hash'), bHash: q.getAttribute('data-b-hash') };
        save();
        show();
      });
    });
  });
  document.getElementById('review-export').addEventListener('click', function () {
    var all = {};
    carried.forEach(function (d) { all[d.a + ':' + d.b] = d; });
    Object.keys(answers).forEach(function (k) { all[k] = answers[k]; });
    var decisions = Object.keys(all).map(function (k) { return all[k]; });
    decisions.sort(function (x, y) { return x.a - y.a || x.b - y.b; });
    var text = JSON.stringify({ a: planA, b: planB, decisions: decisions }, null, 2) + '\\n';
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    link.download = 'decisions-' + planA + '-' + planB + '.json';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  });
  document.getElementById('review-clear').addEventListener('click', function () {
    answers = {};
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
    show();
  });
  show();
})();
`;

/** JSON inside a `<script type="application/json">`: `<` escaped so no text can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function sideHtml(who: string, plan: string, task: Pick<Task, 'seq' | 'text' | 'source'>, R: ReviewLabels): string {
  return (
    `<div class="qside"><h3>${h(who)} · ${h(plan)} · #${task.seq}</h3><p class="text">${h(task.text)}</p>` +
    `<div class="muted">${h(R.source)} <code class="source">${h(formatSource(task.source))}</code></div></div>`
  );
}

/**
 * The review section of a page: the questions of `sheet` with answer buttons, the answer count and the
 * export and clear buttons (see the module comment). `planA` / `planB` name the two sides.
 */
export function reviewPart(sheet: ReviewSheet, R: ReviewLabels, planA: string, planB: string): PagePart {
  const nameA = planName(sheet.a);
  const nameB = planName(sheet.b);
  const items = sheet.queue.map((q, i) => {
    const a = { seq: q.a, text: q.aText, source: q.aSource };
    const b = { seq: q.b, text: q.bText, source: q.bSource };
    return (
      `<li class="question" id="question-${i + 1}" data-a="${q.a}" data-b="${q.b}" data-a-hash="${h(q.aHash)}" data-b-hash="${h(q.bHash)}" data-answer="">` +
      `<header><b>${h(R.question.replace('{n}', String(i + 1)))}</b>` +
      `<span class="prob">${h(R.probability)} <span data-probability>${q.probability.toFixed(2)}</span></span>` +
      `<span class="why">${h(R.why)}：${h(q.why)}</span></header>` +
      `<div class="qsides">${sideHtml(planA, nameA, a, R)}${sideHtml(planB, nameB, b, R)}</div>` +
      `<div class="answer"><button type="button" data-same="true" aria-pressed="false">${h(R.same)}</button>` +
      `<button type="button" data-same="false" aria-pressed="false">${h(R.different)}</button></div></li>`
    );
  });
  const total = sheet.queue.length;
  const html =
    `<section id="review" class="review" data-a="${h(sheet.a.id)}" data-b="${h(sheet.b.id)}">` +
    `<h2>${h(R.heading)}（${total}）</h2><p class="muted">${h(R.intro)}</p>` +
    `<div class="review-bar"><span id="review-answered" data-label="${h(R.answered)}">${h(R.answered.replace('{n}', '0').replace('{total}', String(total)))}</span>` +
    `<button type="button" id="review-export" title="${h(R.exportHint)}">${h(R.export)}</button>` +
    `<button type="button" id="review-clear">${h(R.clear)}</button>` +
    (sheet.decided.length ? `<span class="muted" id="review-carried">${h(R.carried.replace('{n}', String(sheet.decided.length)))}</span>` : '') +
    `<span class="muted">${h(R.storageNote)}</span></div>` +
    (total ? `<ol class="questions">${items.join('\n')}</ol>` : `<p class="muted">${h(R.none)}</p>`) +
    `<script type="application/json" id="review-decided">${scriptJson(sheet.decided)}</script></section>`;
  return { css: REVIEW_CSS, html, script: REVIEW_SCRIPT };
}
