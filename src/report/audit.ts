/**
 * Reports of a convergence audit (`auditConvergence`): per plan the coverage of the directive, the
 * convergence score, the counts of adopted / adapted / missing directive tasks, the tasks it adds beyond the
 * directive and how many changes bind more or less; the matrix of directive tasks × plans; trends by
 * district; the plans that could not be audited.
 *
 * - `md`: summary table, tasks beyond the directive, the matrix, trends, skipped plans
 * - `html`: one self-contained page (no script, no requests): the summary, a heatmap table coloured by
 *   status with the pair score in each cell, a small line chart per district trend, a legend
 * - `csv`: one row per (directive task, plan) cell, RFC 4180, UTF-8 with BOM (`toAuditRows`)
 * - `json`: the `Convergence` object itself, 2-space indent, trailing newline
 *
 * Hooks for tests and scripts (HTML): `#audit-summary tr[data-plan]` with `data-coverage`, `data-score`,
 * `data-adopted`, `data-adapted`, `data-missing`, `data-beyond`, `data-stricter`, `data-looser`;
 * `#matrix td.cell[data-plan][data-seq][data-status]`; `#trends figure[data-district]`; `#skipped li[data-ref]`.
 */
import type { AdoptionCell, AdoptionStatus, Convergence, ConvergenceTrend, PlanConvergence } from '../types';
import { round4 } from '../align/util';
import { ADOPTION_STATUSES, type AuditLabels, auditLabelsFor } from './audit-labels';
import { planName } from './common';
import { csvField } from './csv';
import { escapeHtml as h, pageHead } from './html';
import { type Labels, type ReportLang, labelsFor } from './labels';
import { mdCell, mdEscape } from './markdown';

/** Output formats of `renderAudit`. */
export type AuditFormat = 'md' | 'html' | 'json' | 'csv';

/** Options of `renderAudit`. */
export interface AuditReportOptions {
  /** Language of the labels (default `zh`); the plans' own text is never translated */
  lang?: ReportLang;
}

/** Every format `renderAudit` accepts. */
export const AUDIT_FORMATS: readonly AuditFormat[] = ['md', 'html', 'json', 'csv'];

/**
 * One (directive task, plan) cell of the audit matrix as a flat row. Lists are `;`-joined; `changes` lists
 * the non-neutral changes as `kind:direction`.
 */
export interface AuditRow {
  /** Directive plan id */
  directive: string;
  /** Directive task seq */
  directiveSeq: number;
  /** Directive task text */
  directiveText: string;
  /** Audited plan id */
  plan: string;
  /** Audited plan's district ('' when unknown) */
  district: string;
  /** Audited plan's year, null when unknown */
  year: number | null;
  /** adopted / adapted / missing */
  status: AdoptionStatus;
  /** Pair score rounded to 4 decimals (0 when missing) */
  score: number;
  /** Seqs of the plan's matching tasks, `;`-joined */
  planSeqs: string;
  /** Diff status of the pair, '' when missing */
  pairStatus: string;
  /** Changes where the plan binds more than the directive */
  stricter: number;
  /** Changes where it binds less */
  looser: number;
  /** The non-neutral changes as `kind:direction`, `;`-joined */
  changes: string;
}

/** Column order of `AuditRow`, as the CSV header prints it. */
export const AUDIT_COLUMNS: readonly (keyof AuditRow)[] = [
  'directive',
  'directiveSeq',
  'directiveText',
  'plan',
  'district',
  'year',
  'status',
  'score',
  'planSeqs',
  'pairStatus',
  'stricter',
  'looser',
  'changes',
];


/** Flattens the audit into one row per (directive task, plan), directive order first, then plan order. */
export function toAuditRows(conv: Convergence): AuditRow[] {
  const rows: AuditRow[] = [];
  conv.directiveTasks.forEach((task, i) => {
    for (const p of conv.plans) {
      const c = p.cells[i] ?? p.cells.find((x) => x.directiveSeq === task.seq);
      if (!c) continue;
      rows.push({
        directive: conv.directive.id,
        directiveSeq: task.seq,
        directiveText: task.text,
        plan: p.plan.id,
        district: p.plan.district ?? '',
        year: p.plan.year,
        status: c.status,
        score: round4(c.score),
        planSeqs: c.planSeqs.join(';'),
        pairStatus: c.pairStatus ?? '',
        stricter: c.changes.filter((x) => x.direction === 'stronger').length,
        looser: c.changes.filter((x) => x.direction === 'weaker').length,
        changes: c.changes.map((x) => `${x.kind}:${x.direction}`).join(';'),
      });
    }
  });
  return rows;
}

/* ───────────────────────────── shared pieces ───────────────────────────── */

/** Coverage as a percentage with one decimal, e.g. `93.4%`. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A convergence score with two decimals, e.g. `0.75`. */
function formatConvScore(score: number): string {
  return score.toFixed(2);
}

function covered(p: PlanConvergence): number {
  return p.counts.adopted + p.counts.adapted;
}

function cellOf(p: PlanConvergence, index: number, seq: number): AdoptionCell | undefined {
  const c = p.cells[index];
  return c && c.directiveSeq === seq ? c : p.cells.find((x) => x.directiveSeq === seq);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w)\}/g, (m, k: string) => values[k] ?? m);
}

/** Short plan name for a column head: district and year, else the id. */
function shortName(p: PlanConvergence): string {
  const words = [p.plan.district, p.plan.year != null ? String(p.plan.year) : null].filter((w): w is string => !!w);
  return words.length ? words.join(' ') : p.plan.id;
}

/* ───────────────────────────── Markdown ───────────────────────────── */

function cellMd(c: AdoptionCell | undefined, A: AuditLabels): string {
  if (!c) return '';
  if (c.status === 'missing') return A.status.missing;
  const seqs = c.planSeqs.map((s) => `#${s}`).join('、');
  const arrows = [
    c.changes.some((x) => x.direction === 'stronger') ? `↑${c.changes.filter((x) => x.direction === 'stronger').length}` : '',
    c.changes.some((x) => x.direction === 'weaker') ? `↓${c.changes.filter((x) => x.direction === 'weaker').length}` : '',
  ].join('');
  return `${A.status[c.status]} ${formatConvScore(c.score)} ${seqs}${arrows ? ` ${arrows}` : ''}`;
}

function renderAuditMarkdown(conv: Convergence, A: AuditLabels): string {
  const n = conv.directiveTasks.length;
  const out: string[] = [];
  out.push(`# ${mdEscape(fill(A.auditTitle, { d: planName(conv.directive) }))}`, '');
  out.push(`${A.directive}：${mdEscape(planName(conv.directive))}（${n}）`, '');
  out.push(`> ${A.auditCaveat}`, '');
  out.push(`## ${A.summary}`, '');
  if (!conv.plans.length) out.push(A.noPlans, '');
  else {
    out.push(
      `| ${A.plan} | ${A.coverage} | ${A.score} | ${A.status.adopted} | ${A.status.adapted} | ${A.status.missing} | ${A.beyond} | ${A.stricter} | ${A.looser} |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const p of conv.plans) {
      out.push(
        `| ${mdCell(planName(p.plan))} | ${formatShare(p.coverage)}（${covered(p)}/${n}） | ${formatConvScore(p.score)} | ` +
          `${p.counts.adopted} | ${p.counts.adapted} | ${p.counts.missing} | ${p.beyond.length} | ${p.stricter} | ${p.looser} |`,
      );
    }
    out.push('', A.auditMethod, '');
    out.push(`${A.legend}：${ADOPTION_STATUSES.map((s) => `${A.status[s]}：${A.statusHint[s]}`).join('；')}；↑ ${A.stricter}，↓ ${A.looser}`, '');

    out.push(`## ${A.beyondTitle}`, '');
    for (const p of conv.plans) {
      const seqs = p.beyond.length ? p.beyond.map((s) => `#${s}`).join('、') : A.none;
      out.push(`- ${mdCell(planName(p.plan))}（${p.beyond.length}）：${seqs}`);
    }
    out.push('');

    out.push(`## ${A.matrix}`, '');
    out.push(
      `| ${A.seq} | ${A.directiveTask} | ${conv.plans.map((p) => mdCell(shortName(p))).join(' | ')} |`,
      `| ---: | --- | ${conv.plans.map(() => '---').join(' | ')} |`,
    );
    conv.directiveTasks.forEach((task, i) => {
      const cells = conv.plans.map((p) => cellMd(cellOf(p, i, task.seq), A));
      out.push(`| ${task.seq} | ${mdCell(task.text)} | ${cells.join(' | ')} |`);
    });
    out.push('');
  }

  if (conv.trends.length) {
    out.push(`## ${A.trends}`, '');
    out.push(`| ${A.plan} | ${A.year} | ${A.coverage} | ${A.score} |`, '| --- | ---: | ---: | ---: |');
    for (const t of conv.trends) {
      for (const pt of t.points) {
        out.push(`| ${mdCell(t.district)} (${mdCell(pt.planId)}) | ${pt.year} | ${formatShare(pt.coverage)} | ${formatConvScore(pt.score)} |`);
      }
    }
    out.push('');
  }

  if (conv.skipped.length) {
    out.push(`## ${A.skipped}`, '');
    for (const s of conv.skipped) out.push(`- ${mdCell(s.ref)}：${mdCell(s.reason)}`);
    out.push('');
  }
  out.push('---', '', A.generatedBy, '');
  return out.join('\n');
}

/* ───────────────────────────── HTML ───────────────────────────── */

const STATUS_COLOR: Record<AdoptionStatus, string> = { adopted: '#1f7a45', adapted: '#3d6fc4', missing: '#eceff2' };

/** Background of an adapted cell: the blue grows darker with the score. */
function adaptedBackground(score: number): string {
  const alpha = 0.18 + 0.72 * Math.min(1, Math.max(0, score));
  return `rgba(61,111,196,${alpha.toFixed(2)})`;
}

function cellStyle(c: AdoptionCell): string {
  if (c.status === 'adopted') return `background:${STATUS_COLOR.adopted};color:#fff`;
  if (c.status === 'missing') return `background:${STATUS_COLOR.missing};color:#6b737c`;
  const alpha = 0.18 + 0.72 * Math.min(1, Math.max(0, c.score));
  return `background:${adaptedBackground(c.score)};color:${alpha > 0.55 ? '#fff' : '#1f2328'}`;
}

const AUDIT_CSS = `
:root{--fg:#1f2328;--muted:#5d6670;--line:#d6dbe0;--soft:#f5f7f9}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:#fff;font:15px/1.6 "PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
main{max-width:1280px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:22px;margin:0 0 6px}
h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
.muted,.plans{color:var(--muted)}
.caveat{font-size:13px;color:var(--muted);border-left:3px solid #c77d12;padding:4px 10px;background:#fff8ec}
.method{font-size:13px;color:var(--muted)}
table{border-collapse:collapse}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
#audit-summary thead th{background:var(--soft)}
.bar{display:flex;width:160px;height:12px;border-radius:2px;overflow:hidden;margin-top:4px;background:${STATUS_COLOR.missing}}
.bar span{display:block;height:100%}
details summary{cursor:pointer}
details .seqs{font-size:13px;max-width:28em}
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;font-size:13px;color:var(--muted);margin:8px 0}
.swatch{display:inline-block;width:14px;height:14px;border-radius:2px;vertical-align:-2px;margin-right:4px;border:1px solid rgba(0,0,0,.08)}
.matrix-wrap{overflow-x:auto}
table.matrix{font-size:13px}
table.matrix thead th{position:sticky;top:0;background:var(--soft);z-index:1;min-width:7.5em;text-align:center}
table.matrix th.task{font-weight:400;min-width:20em;max-width:40em}
table.matrix th.seq{text-align:right;font-weight:600;color:var(--muted)}
table.matrix td.cell{text-align:center;white-space:nowrap;font-variant-numeric:tabular-nums;border-color:#fff;border-width:2px}
td.cell .sq{display:block;font-size:11px;opacity:.85}
td.cell .dir{font-size:11px}
.trends{display:flex;flex-wrap:wrap;gap:16px}
.trends figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px}
.trends figcaption{font-weight:600;font-size:14px}
footer{margin-top:32px;font-size:12px;color:var(--muted)}
@media print{table.matrix td.cell,.swatch,.bar span{-webkit-print-color-adjust:exact;print-color-adjust:exact}table.matrix thead th{position:static}}
`;

function summaryHtml(conv: Convergence, A: AuditLabels): string {
  const n = conv.directiveTasks.length;
  if (!conv.plans.length) return `<section id="audit-summary"><h2>${h(A.summary)}</h2><p>${h(A.noPlans)}</p></section>`;
  const head =
    `<tr><th>${h(A.plan)}</th><th>${h(A.coverage)}</th><th>${h(A.score)}</th>` +
    ADOPTION_STATUSES.map((s) => `<th>${h(A.status[s])}</th>`).join('') +
    `<th>${h(A.beyond)}</th><th>${h(A.stricter)}</th><th>${h(A.looser)}</th></tr>`;
  const rows = conv.plans
    .map((p) => {
      const attrs =
        `data-plan="${h(p.plan.id)}" data-coverage="${p.coverage}" data-score="${p.score}" ` +
        ADOPTION_STATUSES.map((s) => `data-${s}="${p.counts[s]}"`).join(' ') +
        ` data-beyond="${p.beyond.length}" data-stricter="${p.stricter}" data-looser="${p.looser}"`;
      const bar = ADOPTION_STATUSES.filter((s) => s !== 'missing' && p.counts[s] > 0)
        .map((s) => `<span style="width:${((p.counts[s] / (n || 1)) * 100).toFixed(1)}%;background:${STATUS_COLOR[s]}"></span>`)
        .join('');
      const beyond = p.beyond.length
        ? `<details><summary>${p.beyond.length}</summary><div class="seqs">${h(p.beyond.map((s) => `#${s}`).join('、'))}</div></details>`
        : '0';
      return (
        `<tr ${attrs}><th>${h(planName(p.plan))}</th>` +
        `<td class="n" data-field="coverage">${formatShare(p.coverage)} <span class="muted">(${covered(p)}/${n})</span><div class="bar">${bar}</div></td>` +
        `<td class="n" data-field="score">${formatConvScore(p.score)}</td>` +
        ADOPTION_STATUSES.map((s) => `<td class="n" data-field="${s}">${p.counts[s]}</td>`).join('') +
        `<td class="n" data-field="beyond">${beyond}</td>` +
        `<td class="n" data-field="stricter">${p.stricter}</td><td class="n" data-field="looser">${p.looser}</td></tr>`
      );
    })
    .join('');
  return (
    `<section id="audit-summary"><h2>${h(A.summary)}</h2>` +
    `<table class="summary"><thead>${head}</thead><tbody>${rows}</tbody></table>` +
    `<p class="method">${h(A.auditMethod)}</p></section>`
  );
}

function legendHtml(A: AuditLabels): string {
  const items = ADOPTION_STATUSES.map((s) => {
    const bg = s === 'adapted' ? adaptedBackground(0.6) : STATUS_COLOR[s];
    return `<span title="${h(A.statusHint[s])}"><i class="swatch" style="background:${bg}"></i>${h(A.status[s])}：${h(A.statusHint[s])}</span>`;
  }).join('');
  const shades = [0.2, 0.5, 0.8]
    .map((x) => `<i class="swatch" style="background:${adaptedBackground(x)}" title="${x.toFixed(2)}"></i>`)
    .join('');
  return (
    `<div class="legend"><b>${h(A.legend)}</b>${items}<span>${shades}${h(A.shadeHint)}</span>` +
    `<span>↑ ${h(A.stricter)} ↓ ${h(A.looser)}</span></div>`
  );
}

function cellTitle(c: AdoptionCell, A: AuditLabels, L: Labels): string {
  const parts = [A.status[c.status]];
  if (c.pairStatus) parts.push(L.status[c.pairStatus]);
  if (c.planSeqs.length) parts.push(c.planSeqs.map((s) => `#${s}`).join('、'));
  for (const x of c.changes) parts.push(`${L.kind[x.kind]} ${L.direction[x.direction]}`);
  return parts.join(' · ');
}

function matrixHtml(conv: Convergence, A: AuditLabels, L: Labels): string {
  if (!conv.plans.length) return '';
  const head =
    `<tr><th class="seq">${h(A.seq)}</th><th class="task">${h(A.directiveTask)}</th>` +
    conv.plans.map((p) => `<th data-plan="${h(p.plan.id)}" title="${h(planName(p.plan))}">${h(shortName(p))}</th>`).join('') +
    `</tr>`;
  const rows = conv.directiveTasks
    .map((task, i) => {
      const cells = conv.plans
        .map((p) => {
          const c = cellOf(p, i, task.seq);
          if (!c) return `<td class="cell"></td>`;
          const up = c.changes.filter((x) => x.direction === 'stronger').length;
          const down = c.changes.filter((x) => x.direction === 'weaker').length;
          const dirs = `${up ? `↑${up}` : ''}${down ? `↓${down}` : ''}`;
          const body =
            c.status === 'missing'
              ? '—'
              : `${formatConvScore(c.score)}${dirs ? ` <span class="dir">${dirs}</span>` : ''}<span class="sq">${h(c.planSeqs.map((s) => `#${s}`).join(' '))}</span>`;
          return (
            `<td class="cell" data-plan="${h(p.plan.id)}" data-seq="${task.seq}" data-status="${c.status}" ` +
            `data-score="${round4(c.score)}" style="${cellStyle(c)}" title="${h(cellTitle(c, A, L))}">${body}</td>`
          );
        })
        .join('');
      return `<tr data-seq="${task.seq}"><th class="seq">${task.seq}</th><th class="task">${h(task.text)}</th>${cells}</tr>`;
    })
    .join('\n');
  return (
    `<section id="matrix"><h2>${h(A.matrix)}</h2>${legendHtml(A)}` +
    `<div class="matrix-wrap"><table class="matrix"><thead>${head}</thead><tbody>\n${rows}\n</tbody></table></div></section>`
  );
}

/** A small line chart of one district's score (solid) and coverage (dashed) by year, y from 0 to 1. */
function trendSvg(t: ConvergenceTrend, A: AuditLabels): string {
  const W = 300;
  const H = 150;
  const left = 34;
  const right = 14;
  const top = 10;
  const bottom = 26;
  const iw = W - left - right;
  const ih = H - top - bottom;
  const years = t.points.map((p) => p.year);
  const minY = Math.min(...years);
  const maxY = Math.max(...years);
  const x = (year: number, i: number) =>
    left + (maxY > minY ? ((year - minY) / (maxY - minY)) * iw : t.points.length > 1 ? (i / (t.points.length - 1)) * iw : iw / 2);
  const y = (v: number) => top + (1 - Math.min(1, Math.max(0, v))) * ih;
  const line = (key: 'score' | 'coverage') => t.points.map((p, i) => `${x(p.year, i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
  const grid = [0, 0.5, 1]
    .map((v) => `<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#e3e7eb"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`)
    .join('');
  const ticks = t.points
    .map((p, i) => `<text x="${x(p.year, i).toFixed(1)}" y="${H - 8}" text-anchor="middle">${p.year}</text>`)
    .join('');
  const dots = t.points
    .map(
      (p, i) =>
        `<circle cx="${x(p.year, i).toFixed(1)}" cy="${y(p.score).toFixed(1)}" r="3.5" fill="#3d6fc4"><title>${h(
          `${p.planId} ${p.year}: ${A.score} ${formatConvScore(p.score)}, ${A.coverage} ${formatShare(p.coverage)}`,
        )}</title></circle>`,
    )
    .join('');
  return (
    `<svg role="img" aria-label="${h(`${t.district} ${A.score}`)}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
    `xmlns="http://www.w3.org/2000/svg" font-size="11" fill="#5d6670">${grid}${ticks}` +
    `<polyline points="${line('coverage')}" fill="none" stroke="#8a949e" stroke-width="1.5" stroke-dasharray="4 3"/>` +
    `<polyline points="${line('score')}" fill="none" stroke="#3d6fc4" stroke-width="2"/>${dots}</svg>`
  );
}

function trendsHtml(conv: Convergence, A: AuditLabels): string {
  if (!conv.trends.length) return '';
  const figures = conv.trends
    .map(
      (t) =>
        `<figure data-district="${h(t.district)}"><figcaption>${h(t.district)}</figcaption>${trendSvg(t, A)}` +
        `<div class="legend"><span><i class="swatch" style="background:#3d6fc4"></i>${h(A.score)}</span>` +
        `<span><i class="swatch" style="background:#8a949e"></i>${h(A.coverage)}</span></div></figure>`,
    )
    .join('');
  return `<section id="trends"><h2>${h(A.trends)}</h2><div class="trends">${figures}</div></section>`;
}

function skippedHtml(conv: Convergence, A: AuditLabels): string {
  if (!conv.skipped.length) return '';
  const items = conv.skipped.map((s) => `<li data-ref="${h(s.ref)}"><b>${h(s.ref)}</b>：${h(s.reason)}</li>`).join('');
  return `<section id="skipped"><h2>${h(A.skipped)}</h2><ul>${items}</ul></section>`;
}

function renderAuditHtml(conv: Convergence, A: AuditLabels, L: Labels): string {
  const title = fill(A.auditTitle, { d: planName(conv.directive) });
  return `${pageHead(L.htmlLang, title, AUDIT_CSS, false)}
<body>
<main>
<header class="top"><h1>${h(title)}</h1>
<p class="plans">${h(A.directive)}：${h(planName(conv.directive))}（${conv.directiveTasks.length}）</p>
<p class="caveat">${h(A.auditCaveat)}</p></header>
${summaryHtml(conv, A)}
${trendsHtml(conv, A)}
${matrixHtml(conv, A, L)}
${skippedHtml(conv, A)}
<footer>${h(A.generatedBy)}</footer>
</main>
</body>
</html>
`;
}

/* ───────────────────────────── CSV, JSON ───────────────────────────── */

function renderAuditCsv(conv: Convergence): string {
  const lines = [AUDIT_COLUMNS.join(',')];
  for (const row of toAuditRows(conv)) lines.push(AUDIT_COLUMNS.map((key) => csvField(row[key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Renders a convergence audit in the given format (see the file comment for what each holds).
 *
 * @example renderAudit(auditConvergence(directive, plans), 'html', { lang: 'en' })
 */
export function renderAudit(conv: Convergence, format: AuditFormat, options: AuditReportOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const A = auditLabelsFor(lang);
  switch (format) {
    case 'md':
      return renderAuditMarkdown(conv, A);
    case 'html':
      return renderAuditHtml(conv, A, labelsFor(lang));
    case 'json':
      return `${JSON.stringify(conv, null, 2)}\n`;
    case 'csv':
      return renderAuditCsv(conv);
    default:
      throw new TypeError(`unknown audit format ${JSON.stringify(format)} (expected md, html, json or csv)`);
  }
}
