/**
 * HTML report: one self-contained page (inline CSS and a small inline script, no fonts, images or requests
 * from outside; a Content-Security-Policy forbids any). It opens on a summary with per-status counts and a
 * bar chart, then lists every matched pair side by side with the character diff (`<del>` / `<ins>`), the
 * changed numbers and modality words marked (`<mark>`), units, time nodes, obligations and source lines,
 * then the dropped and added tasks. Checkboxes and selects hide rows by status, change type and section;
 * printing shows every row.
 *
 * Hooks for tests and scripts: `#summary[data-count-<status>]`, `.row[data-status][data-section]
 * [data-kinds]`, `.row .weak` (a pair only a weaker rule linked), `input[name=status]`, `#filter-kind`,
 * `#filter-section`, `#shown-count`, `#notes` (what parsing noted about the plans), `.expected[data-expected]`
 * (the expected number with no counterpart), `#review` (the review questions, see review-html.ts).
 */
import type { DiffPair, PlanDiff, Task } from '../types';
import { basisLine, changeQuote, changeText, probabilityText, unitsText, checkHint, countChanges, countStatuses, formatObligation, formatScore, formatSource, counterpartsLine, expectedLine, groupMessages, messageText, obligationsOf, planName, ruleName, topSection, weakPairCount } from './common';
import { needsCheck } from '../align/check';
import { type Run, kindsOf, sideRuns } from './highlight';
import { CHANGE_KINDS, type Labels, ROW_STATUSES, type RowStatus } from './labels';
import type { PagePart } from './review-html';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
const h = escapeHtml;

/** Bar colours by status (also used for the badges). */
const COLOR: Record<RowStatus, string> = {
  unchanged: '#8a949e',
  reworded: '#4a7fd6',
  strengthened: '#24864b',
  weakened: '#c8413c',
  mixed: '#c77d12',
  added: '#7452d1',
  dropped: '#5c6470',
};

const CSS = `
:root{--fg:#1f2328;--muted:#5d6670;--line:#d6dbe0;--bg:#fff;--soft:#f5f7f9}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;color:var(--fg);background:var(--bg);font:15px/1.65 "PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
main{max-width:1280px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:22px;margin:0 0 6px}
h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
.plans,.caveat,.muted{color:var(--muted)}
.caveat{font-size:13px;border-left:3px solid #c77d12;padding:4px 10px;background:#fff8ec}
.summary-grid{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
table{border-collapse:collapse}
th,td{border:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums;min-width:3em}
.counts tfoot th,.counts tfoot td{background:var(--soft)}
table.kinds{font-size:13px}
table.kinds caption{text-align:left;font-weight:600;padding-bottom:4px}
button.badge{border:0;font:inherit;font-size:13px;line-height:22px;cursor:pointer}
.badge{display:inline-block;color:#fff;border-radius:3px;padding:0 7px;font-size:13px;line-height:22px;white-space:nowrap}
${ROW_STATUSES.map((s) => `.s-${s}{background:${COLOR[s]}}`).join('\n')}
.filters{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);padding:8px 0;display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 12px}
.filters legend,.filters .lbl{font-weight:600;float:left;margin-right:6px}
.filters label{white-space:nowrap;cursor:pointer}
.filters select{max-width:22em;font:inherit}
.filters button{font:inherit;cursor:pointer}
.row{border:1px solid var(--line);border-radius:6px;margin:14px 0;padding:0}
.row>header,.task,table.changes tr,.summary-grid>*{break-inside:avoid;page-break-inside:avoid}
.row>header{break-after:avoid;page-break-after:avoid}
.row>header{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;padding:6px 12px;background:var(--soft);border-bottom:1px solid var(--line);border-radius:6px 6px 0 0}
.row>header .seqs{font-weight:600}
.row>header .basis{color:var(--muted);font-size:13px}
.sides{display:grid;grid-template-columns:1fr 1fr}
.side{padding:8px 12px;min-width:0}
.side+.side{border-left:1px solid var(--line)}
.side h3{font-size:13px;color:var(--muted);margin:0 0 4px;font-weight:600}
.side.absent{color:var(--muted);font-style:italic}
.side.absent .nearest{margin-top:.4em;font-style:normal;font-size:.9em}
.counts .expected{color:var(--fg);font-weight:600}
.task+.task{border-top:1px dashed var(--line);margin-top:8px;padding-top:8px}
.task .text{margin:2px 0 6px;white-space:pre-wrap;word-break:break-word}
.task .where{font-size:13px;color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:0 10px;margin:0;font-size:13px}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
code{font:12px/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;word-break:break-all}
del{background:#ffe1df;color:#8e1b14;text-decoration:line-through;text-decoration-color:#c8413c}
ins{background:#d7f5de;color:#0d5a27;text-decoration:none;border-bottom:1px solid #24864b}
mark.q{background:#ffe58a;color:inherit;border-radius:2px;box-shadow:0 0 0 1px #e0b400 inset;padding:0 1px}
table.changes{margin:0 12px 10px;font-size:13px;width:calc(100% - 24px)}
table.changes th{background:var(--soft);font-weight:600}
table.changes q.clause{display:block;color:var(--muted);margin-top:2px}table.changes q.clause::before{content:"「"}table.changes q.clause::after{content:"」"}
.dir-stronger{color:#24864b;font-weight:600}
.dir-weaker{color:#c8413c;font-weight:600}
.dir-neutral{color:var(--muted)}
.nochange{margin:0 12px 10px;font-size:13px;color:var(--muted)}
.legend{font-size:13px;color:var(--muted)}
footer{margin-top:32px;font-size:12px;color:var(--muted)}
.row>header .weak{font-size:12px;border:1px solid #c77d12;color:#8a5200;border-radius:3px;padding:0 5px}
.notes{font-size:13px}
@media (max-width:760px){.sides{grid-template-columns:1fr}.side+.side{border-left:0;border-top:1px solid var(--line)}}
@media print{
 body{font-size:11pt}
 .filters{display:none!important}
 .row[hidden]{display:block!important}
 .empty{display:none!important}
 .row{border-color:#999}
 del,ins,mark.q,.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

/** The small script behind the filters; it touches nothing outside the page. */
const SCRIPT = `
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#rows .row'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="status"]'));
  var kind = document.getElementById('filter-kind');
  var section = document.getElementById('filter-section');
  var shown = document.getElementById('shown-count');
  var empty = document.getElementById('empty');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { if (b.checked) on[b.value] = true; });
    var k = kind.value;
    var s = section.value;
    var n = 0;
    rows.forEach(function (r) {
      var ok = on[r.getAttribute('data-status')] === true;
      if (ok && k) ok = (' ' + r.getAttribute('data-kinds') + ' ').indexOf(' ' + k + ' ') >= 0;
      if (ok && s) ok = r.getAttribute('data-section-' + s.charAt(0)) === s.slice(2);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = String(n);
    empty.hidden = n > 0;
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  kind.addEventListener('change', apply);
  section.addEventListener('change', apply);
  Array.prototype.forEach.call(document.querySelectorAll('[data-only]'), function (el) {
    el.addEventListener('click', function () {
      var only = el.getAttribute('data-only');
      boxes.forEach(function (b) { b.checked = b.value === only; });
      apply();
    });
  });
  document.getElementById('filter-reset').addEventListener('click', function () {
    boxes.forEach(function (b) { b.checked = true; });
    kind.value = '';
    section.value = '';
    apply();
  });
  apply();
})();
`;

function runsHtml(pair: DiffPair, runs: Run[], L: Labels, side: 'a' | 'b'): string {
  const tag = side === 'a' ? 'del' : 'ins';
  let out = '';
  let i = 0;
  while (i < runs.length) {
    const change = runs[i]!.change;
    let inner = '';
    for (; i < runs.length && runs[i]!.change === change; i++) {
      const run = runs[i]!;
      inner += run.changed ? `<${tag}>${h(run.text)}</${tag}>` : h(run.text);
    }
    if (change == null) {
      out += inner;
    } else {
      const c = pair.changes[change]!;
      const title = `${L.kind[c.kind]} · ${L.direction[c.direction]}`;
      out += `<mark class="q" data-kind="${h(c.kind)}" title="${h(title)}">${inner}</mark>`;
    }
  }
  return out;
}

function factsHtml(diff: PlanDiff, L: Labels, side: 'a' | 'b', task: Task): string {
  const parts = [
    `<dt>${h(L.units)}</dt><dd class="units">${task.units.raw ? h(unitsText(task.units.raw)) : `<span class="muted">${h(L.none)}</span>`}</dd>`,
    `<dt>${h(L.timeNode)}</dt><dd class="time">${task.timeNode ? h(task.timeNode.raw) : `<span class="muted">${h(L.none)}</span>`}</dd>`,
  ];
  const obligations = obligationsOf(diff, side, task);
  if (obligations.length) {
    const items = obligations
      .map((o) => `${h(L.obligationKind[o.kind])} ${h(formatObligation(o, L))}${h(L.parenOpen)}${h(o.quote)}${h(L.parenClose)}`)
      .join(h(L.semicolon));
    parts.push(`<dt>${h(L.obligations)}</dt><dd class="obligations">${items}</dd>`);
  }
  parts.push(`<dt>${h(L.source)}</dt><dd><code class="source">${h(formatSource(task.source))}</code></dd>`);
  return `<dl class="facts">${parts.join('')}</dl>`;
}

function taskHtml(diff: PlanDiff, L: Labels, side: 'a' | 'b', task: Task, textHtml: string): string {
  const where = task.name ?? task.section.join(' / ');
  return (
    `<div class="task" data-seq="${task.seq}">` +
    `<div class="where"><b>#${task.seq}</b>${where ? ` · ${h(where)}` : ''}</div>` +
    `<p class="text">${textHtml}</p>` +
    factsHtml(diff, L, side, task) +
    `</div>`
  );
}

function sideHtml(diff: PlanDiff, L: Labels, side: 'a' | 'b', body: string): string {
  const ref = side === 'a' ? diff.a : diff.b;
  const who = side === 'a' ? L.planA : L.planB;
  return `<div class="side side-${side}"><h3>${h(who)} · ${h(planName(ref))}</h3>${body}</div>`;
}

function seqsText(tasks: Task[], who: string, L: Labels): string {
  return tasks.length ? `${who} ${tasks.map((t) => `#${t.seq}`).join(L.listSep)}` : '';
}

function rowAttrs(status: RowStatus, a: Task[], b: Task[], kinds: string[]): string {
  const sa = topSection(a);
  const sb = topSection(b);
  return (
    `data-status="${status}" data-section="${h(sa || sb)}" data-section-a="${h(sa)}" ` +
    `data-section-b="${h(sb)}" data-kinds="${h(kinds.join(' '))}"`
  );
}

function pairHtml(diff: PlanDiff, L: Labels, pair: DiffPair, index: number): string {
  const sides = (['a', 'b'] as const)
    .map((side) => {
      const body = sideRuns(pair, side)
        .map(({ task, runs }) => taskHtml(diff, L, side, task, runsHtml(pair, runs, L, side)))
        .join('');
      return sideHtml(diff, L, side, body);
    })
    .join('');
  const basis = basisLine(pair.evidence, L);
  const changes = pair.changes.length
    ? `<table class="changes"><thead><tr><th>${h(L.change)}</th><th>${h(L.directionTitle)}</th><th>${h(L.before)}</th><th>${h(L.after)}</th></tr></thead><tbody>` +
      pair.changes
        .map(
          (c) =>
            `<tr data-kind="${h(c.kind)}" data-direction="${h(c.direction)}"><td>${h(L.kind[c.kind])}</td>` +
            `<td class="dir-${h(c.direction)}">${h(L.direction[c.direction])}</td>` +
            (['before', 'after'] as const)
              .map((side) => {
                const quote = changeQuote(c, side);
                return `<td>${h(changeText(c, side, L) ?? '')}${quote ? `<q class="clause">${h(quote)}</q>` : ''}</td>`;
              })
              .join('') +
            `</tr>`,
        )
        .join('') +
      `</tbody></table>`
    : `<p class="nochange">${h(L.noChanges)}</p>`;
  return (
    `<article class="row pair" id="pair-${index + 1}" ${rowAttrs(pair.status, pair.a, pair.b, kindsOf(pair))}>` +
    `<header><span class="badge s-${pair.status}">${h(L.status[pair.status])}</span>` +
    `<span class="seqs">${h(seqsText(pair.a, L.planA, L))} ↔ ${h(seqsText(pair.b, L.planB, L))}</span>` +
    `<span class="score">${h(L.score)} ${formatScore(pair.score)}${h(probabilityText(pair, L))}</span>` +
    (basis ? `<span class="basis">${h(basis)}</span>` : '') +
    (needsCheck(pair) ? `<span class="weak" title="${h(checkHint(L))}">${h(L.weak)}</span>` : '') +
    `</header>` +
    `<div class="sides">${sides}</div>${changes}</article>`
  );
}

function unmatchedHtml(diff: PlanDiff, L: Labels, status: 'added' | 'dropped', task: Task, index: number): string {
  const side = status === 'dropped' ? 'a' : 'b';
  const present = sideHtml(diff, L, side, taskHtml(diff, L, side, task, h(task.text)));
  const other = side === 'a' ? 'b' : 'a';
  const nearest = counterpartsLine(diff, L, side, task);
  const absent = `<div class="side side-${other} absent">${h(L.statusHint[status])}${nearest ? `<div class="nearest">${h(nearest)}</div>` : ''}</div>`;
  const a = side === 'a' ? [task] : [];
  const b = side === 'b' ? [task] : [];
  return (
    `<article class="row task-only" id="${status}-${index + 1}" ${rowAttrs(status, a, b, [])}>` +
    `<header><span class="badge s-${status}">${h(L.status[status])}</span>` +
    `<span class="seqs">${h(seqsText([task], side === 'a' ? L.planA : L.planB, L))}</span></header>` +
    `<div class="sides">${side === 'a' ? present + absent : absent + present}</div></article>`
  );
}

/**
 * The start of a self-contained report page up to `</head>`: nothing is loaded from anywhere (the content
 * security policy allows only the inline style, inline script when `script`, and data: images).
 */
export function pageHead(lang: string, title: string, css: string, script: boolean): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline';${script ? " script-src 'unsafe-inline';" : ''} img-src data:`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="icon" href="data:,">
<title>${h(title)}</title>
<style>${css}</style>
</head>`;
}

function chartSvg(counts: Record<RowStatus, number>, L: Labels): string {
  const max = Math.max(1, ...ROW_STATUSES.map((s) => counts[s]));
  const labelW = 92;
  const barW = 220;
  const rowH = 24;
  const width = labelW + barW + 48;
  const height = ROW_STATUSES.length * rowH + 8;
  const bars = ROW_STATUSES.map((s, i) => {
    const y = 4 + i * rowH;
    const w = counts[s] ? Math.max(2, Math.round((counts[s] / max) * barW)) : 0;
    return (
      `<g data-status="${s}"><text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${h(L.status[s])}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" rx="2" fill="${COLOR[s]}"/>` +
      `<text x="${labelW + w + 6}" y="${y + 16}">${counts[s]}</text></g>`
    );
  }).join('');
  return (
    `<svg class="chart" role="img" aria-label="${h(L.summary)}" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg" font-size="13" fill="#1f2328">${bars}</svg>`
  );
}

function changeTable(diff: PlanDiff, L: Labels): string {
  const rows = countChanges(diff);
  if (!rows.length) return '';
  return (
    `<table class="kinds"><caption>${h(L.changeSummary)}</caption><thead><tr><th>${h(L.change)}</th>` +
    `<th class="dir-stronger">${h(L.direction.stronger)}</th><th class="dir-weaker">${h(L.direction.weaker)}</th>` +
    `<th class="dir-neutral">${h(L.direction.neutral)}</th></tr></thead><tbody>` +
    rows
      .map(
        (r) =>
          `<tr data-kind="${r.kind}"><th>${h(L.kind[r.kind])}</th><td class="n">${r.stronger}</td>` +
          `<td class="n">${r.weaker}</td><td class="n">${r.neutral}</td></tr>`,
      )
      .join('') +
    `</tbody></table>`
  );
}

/** Beside the dropped and added counts: how many are expected to have no counterpart (empty without probabilities). */
function expectedHtml(diff: PlanDiff, L: Labels, status: RowStatus): string {
  const value = status === 'dropped' ? diff.expectedDropped : status === 'added' ? diff.expectedAdded : undefined;
  const line = expectedLine(value, L);
  return line ? `<br><span class="expected" data-expected="${status}" data-value="${Math.round(value! * 10) / 10}">${h(line)}</span>` : '';
}

function summaryHtml(diff: PlanDiff, L: Labels, counts: Record<RowStatus, number>): string {
  const attrs = ROW_STATUSES.map((s) => `data-count-${s}="${counts[s]}"`).join(' ');
  const rows = ROW_STATUSES.map(
    (s) =>
      `<tr data-status="${s}"><th><button type="button" class="badge s-${s}" data-only="${s}" title="${h(L.statusHint[s])}">${h(L.status[s])}</button></th>` +
      `<td class="n" data-count="${s}">${counts[s]}</td><td class="muted">${h(L.statusHint[s])}${expectedHtml(diff, L, s)}</td></tr>`,
  ).join('');
  const foot =
    `<tr><th>${h(L.pairsTotal)}</th><td class="n" data-count="pairs">${diff.pairs.length}</td><td></td></tr>` +
    `<tr><th>${h(L.weakPairs)}</th><td class="n" data-count="weak">${weakPairCount(diff)}</td><td class="muted">${h(checkHint(L))}</td></tr>` +
    `<tr><th>${h(L.tasksA)}</th><td class="n" data-count="tasks-a">${diff.pairs.reduce((n, p) => n + p.a.length, 0) + diff.dropped.length}</td><td></td></tr>` +
    `<tr><th>${h(L.tasksB)}</th><td class="n" data-count="tasks-b">${diff.pairs.reduce((n, p) => n + p.b.length, 0) + diff.added.length}</td><td></td></tr>`;
  return (
    `<section id="summary" class="summary" ${attrs} data-count-pairs="${diff.pairs.length}">` +
    `<h2>${h(L.summary)}</h2><div class="summary-grid">` +
    `<table class="counts"><thead><tr><th>${h(L.filterStatus)}</th><th>${h(L.count)}</th><th></th></tr></thead>` +
    `<tbody>${rows}</tbody><tfoot>${foot}</tfoot></table>${chartSvg(counts, L)}${changeTable(diff, L)}</div>` +
    `<p class="legend">${h(L.legend)}${h(L.colon)}<del>${h(L.deleted)}</del> <ins>${h(L.inserted)}</ins> <mark class="q">${h(L.marked)}</mark></p>` +
    `</section>`
  );
}

function sectionOptions(L: Labels, diff: PlanDiff, side: 'a' | 'b'): string {
  const tasks =
    side === 'a'
      ? [...diff.pairs.flatMap((p) => p.a), ...diff.dropped]
      : [...diff.pairs.flatMap((p) => p.b), ...diff.added];
  const titles = [...new Set(tasks.map((t) => t.section[0] ?? '').filter((s) => s))];
  if (!titles.length) return '';
  const ref = side === 'a' ? diff.a : diff.b;
  const who = side === 'a' ? L.planA : L.planB;
  return (
    `<optgroup label="${h(`${who} · ${planName(ref)}`)}">` +
    titles.map((t) => `<option value="${h(`${side}:${t}`)}">${h(t)}</option>`).join('') +
    `</optgroup>`
  );
}

function filtersHtml(diff: PlanDiff, L: Labels, counts: Record<RowStatus, number>): string {
  const boxes = ROW_STATUSES.map(
    (s) =>
      `<label><input type="checkbox" name="status" value="${s}" checked> ${h(L.status[s])} <span class="muted">(${counts[s]})</span></label>`,
  ).join('');
  const kindCounts = new Map<string, number>();
  for (const p of diff.pairs) for (const k of kindsOf(p)) kindCounts.set(k, (kindCounts.get(k) ?? 0) + 1);
  const kinds = CHANGE_KINDS.filter((k) => kindCounts.has(k))
    .map((k) => `<option value="${k}">${h(L.kind[k])} (${kindCounts.get(k)})</option>`)
    .join('');
  const total = diff.pairs.length + diff.added.length + diff.dropped.length;
  return (
    `<section id="filters" class="filters" aria-label="${h(L.filters)}">` +
    `<fieldset><legend>${h(L.filterStatus)}</legend>${boxes}</fieldset>` +
    `<label><span class="lbl">${h(L.filterKind)}</span><select id="filter-kind"><option value="">${h(L.all)}</option>${kinds}</select></label>` +
    `<label><span class="lbl">${h(L.filterSection)}</span><select id="filter-section"><option value="">${h(L.all)}</option>` +
    `${sectionOptions(L, diff, 'a')}${sectionOptions(L, diff, 'b')}</select></label>` +
    `<button type="button" id="filter-reset">${h(L.showAll)}</button>` +
    `<span class="muted">${h(L.shown)} <span id="shown-count">${total}</span> / ${total}</span>` +
    `</section>`
  );
}

/** The plans' parse messages, by plan and rule (empty when there are none). */
function notesHtml(diff: PlanDiff, L: Labels): string {
  const sides = (['a', 'b'] as const).filter((side) => diff.messages?.[side].length);
  if (!sides.length) return '';
  const lists = sides.map((side) => {
    const items = groupMessages(diff.messages![side]).map((g) => {
      const lines = [
        ...g.shown.map((m) => {
          const { reason, place } = messageText(m, L);
          return `<li>${[reason ? h(reason) : null, place ? `<code class="source">${h(place)}</code>` : null].filter((x) => x).join(' ')}</li>`;
        }),
        ...(g.more ? [`<li>${h(L.moreNotes.replace('{n}', String(g.more)))}</li>`] : []),
      ];
      return `<li data-rule="${h(g.ruleId)}">${h(ruleName(g.ruleId, L))}<ul>${lines.join('')}</ul></li>`;
    });
    return `<h3>${h(side === 'a' ? L.planA : L.planB)}${h(L.colon)}${h(planName(side === 'a' ? diff.a : diff.b))}</h3><ul>${items.join('')}</ul>`;
  });
  return `<section id="notes" class="notes"><h2>${h(L.parseNotes)}</h2><p class="muted">${h(L.parseNotesHint)}</p>${lists.join('')}</section>\n`;
}

/** Renders the diff as a self-contained HTML page; `extra` (the review questions) follows the summary. */
export function renderHtml(diff: PlanDiff, L: Labels, extra?: PagePart): string {
  const counts = countStatuses(diff);
  const title = L.title.replace('{a}', planName(diff.a)).replace('{b}', planName(diff.b));
  const rows = [
    ...diff.pairs.map((p, i) => pairHtml(diff, L, p, i)),
    ...diff.dropped.map((t, i) => unmatchedHtml(diff, L, 'dropped', t, i)),
    ...diff.added.map((t, i) => unmatchedHtml(diff, L, 'added', t, i)),
  ].join('\n');
  return `${pageHead(L.htmlLang, title, CSS + (extra?.css ?? ''), true)}
<body>
<main>
<header class="top"><h1>${h(title)}</h1>
<p class="plans">${h(L.planA)}${h(L.colon)}${h(planName(diff.a))}${h(L.gap)}${h(L.planB)}${h(L.colon)}${h(planName(diff.b))}</p>
<p class="caveat">${h(L.caveat)}</p></header>
${summaryHtml(diff, L, counts)}
${extra ? `${extra.html}\n` : ''}${filtersHtml(diff, L, counts)}
<section id="rows">
${rows}
</section>
<p id="empty" class="empty" hidden>${h(L.noRows)}</p>
${notesHtml(diff, L)}<footer>${h(L.generatedBy)}</footer>
</main>
<script>${SCRIPT}${extra?.script ?? ''}</script>
</body>
</html>
`;
}
